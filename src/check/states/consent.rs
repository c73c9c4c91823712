//! Consent to process sensitive data, per state law. Colorado, Virginia,
//! Connecticut, Texas and Oregon forbid processing a consumer's sensitive
//! data without the consumer's consent, and a known child's without the
//! parent's (or as COPPA requires); Utah asks only for notice and a chance
//! to opt out (Utah Code §13-61-302(3)), so it has no such rule. The fact is
//! the lawful basis of the data sets that collect the data (`basis consent`
//! or `explicit_consent`, `law::states::consented`); each law reads its own
//! list of sensitive data and only the data sets and categories it reaches.

use std::collections::HashSet;

use crate::check::context::{Ctx, and_list};
use crate::check::{Rule, finding, rule};
use crate::diagnostic::Diagnostic;
use crate::law::states::{self, StateLaw};
use crate::model::words::Word;
use crate::model::{Item, Ref};

/// The rule, with its law's citation: one per law that requires consent.
macro_rules! consent_rule {
    ($fam:ident, $state:literal, $cite:literal, $extra:literal) => {
        rule!($fam::"sensitive-consent", Warning,
            summary: concat!("the ", $state, " sensitive data is processed with the consumer's consent"),
            citation: $cite,
            explanation: concat!("\
    A controller does not process a consumer's sensitive data without the consumer's consent, nor \
    the personal data of a known child (under 13) without the consent of a parent or as COPPA \
    requires (", $cite, "). Sensitive data is ", $state, "'s own list, read from the items' \
    `sensitive` kinds", $extra, "; a data set whose `subjects` include a group with \
    `children yes` holds a known child's data. candor reads the consent from the lawful basis of \
    each data set the law reaches (subjects not in an employment or commercial `context`): \
    `basis consent`, or the Art. 9(2) condition `explicit_consent`. It reports a data set that \
    collects sensitive data with neither, and an item of a collected category that no such data \
    set collects. The law's exemptions (a legal obligation, security, a contract the consumer \
    asked for) can still answer a finding: record them with `allow`."),
            check: sensitive_consent,
        )
    };
}

/// The consent rules of the five laws that require consent.
pub(super) const RULES: &[Rule] = &[
    consent_rule!(
        colorado,
        "Colorado",
        "C.R.S. §6-1-1308(7); 4 CCR 904-3 Rule 6.10",
        " (Colorado's rules add sensitive data inferences, `sensitive_inference`, 4 CCR 904-3 Rule 2.02)"
    ),
    consent_rule!(virginia, "Virginia", "Va. Code §59.1-578(A)(5)", ""),
    consent_rule!(
        connecticut,
        "Connecticut",
        "Conn. Gen. Stat. §42-520(a)(4)",
        " (Connecticut adds status as a victim of crime and, from 1 July 2026, status as transgender or non-binary, neural data, financial accounts and government identifiers)"
    ),
    consent_rule!(texas, "Texas", "Tex. Bus. & Com. Code §541.101(b)(4)", ""),
    consent_rule!(
        oregon,
        "Oregon",
        "ORS 646A.578(2)(b)",
        " (Oregon adds national origin, status as transgender or non-binary and status as a victim of crime)"
    ),
];

fn sensitive_consent(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = super::state(ctx) else {
        return;
    };
    if law.consent_cite.is_empty() {
        return;
    }
    let p = ctx.policy;
    let help = |fix: &str| {
        format!(
            "{fix} ({}); if an exemption of the law covers the processing, record it with \
             `allow {}::sensitive-consent \"...\"`",
            law.consent_cite,
            law.jurisdiction.word()
        )
    };
    let on_basis = |who: &str| {
        format!(
            "add `basis consent {{ withdraw \"...\" }}` to the data set, saying how the {who} \
             gives and withdraws consent"
        )
    };
    // The sensitive items among some, named for a message.
    let sensitive = |refs: &[Ref<Item>], also: &dyn Fn(&Ref<Item>) -> bool| -> Vec<String> {
        refs.iter()
            .filter(|r| also(r) && law.sensitive(p.get(*r)))
            .map(|r| format!("`{}`", r.id()))
            .collect()
    };
    // A category's item that some data set collects is answered by the
    // data sets (those outside the law need no consent under it).
    let in_datasets: HashSet<usize> = p
        .datasets
        .iter()
        .flat_map(|d| d.collects.iter().map(crate::model::Ref::index))
        .collect();
    for d in law.datasets(p) {
        if states::consented(d) || d.collects.is_empty() {
            continue;
        }
        if law.children_sensitive() && StateLaw::about_children(p, d) {
            out.push(
                finding(
                    d.span,
                    format!(
                        "the data set `{}` is about children under 13, whose personal data is sensitive data under {} law, but it states no consent",
                        d.id, law.state
                    ),
                )
                .with_label("no consent stated")
                .with_help(help(&on_basis("child's parent"))),
            );
            continue;
        }
        let items = sensitive(&d.collects, &|_| true);
        if items.is_empty() {
            continue;
        }
        out.push(
            finding(
                d.span,
                format!(
                    "the data set `{}` collects {}, sensitive data under {} law, but states no consent",
                    d.id,
                    and_list(&items),
                    law.state
                ),
            )
            .with_label("no consent stated")
            .with_help(help(&on_basis("consumer"))),
        );
    }
    for c in law.collected(p) {
        let items = sensitive(&c.items, &|r| !in_datasets.contains(&r.index()));
        if items.is_empty() {
            continue;
        }
        out.push(
            finding(
                c.span,
                format!(
                    "the category `{}` lists {}, sensitive data under {} law, but no data set that collects it states consent",
                    c.id,
                    and_list(&items),
                    law.state
                ),
            )
            .with_label("no consent stated")
            .with_help(help(
                "declare the data set that collects it, with `collects` and `basis consent { withdraw \"...\" }`",
            )),
        );
    }
}
