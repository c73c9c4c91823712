//! Consent to process sensitive data, per state law. Colorado, Virginia,
//! Connecticut, Texas, Oregon and most later laws forbid processing a
//! consumer's sensitive data without the consumer's consent, and a known
//! child's without the parent's (or as COPPA requires); Utah asks only for
//! notice and a chance to opt out (Utah Code §13-61-302(3)), so it has no
//! such rule. The fact is the data set's `consent` for the law, or a lawful
//! basis `consent` with no `when` condition (`law::states::consented`): a
//! GDPR consent stated only for some readers ("when you are in the EEA")
//! does not answer a US law. Each law reads its own list of sensitive data
//! and only the data sets and categories it reaches.

use std::collections::HashSet;

use crate::check::context::{Ctx, and_list};
use crate::check::finding;
use crate::diagnostic::Diagnostic;
use crate::law::states::{self, StateLaw};
use crate::model::words::Word;
use crate::model::{Item, Ref};

pub(super) fn sensitive_consent(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
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
    let on_basis = |who: &str, conditional: bool| {
        let why = if conditional {
            "; its `basis consent ... when \"...\"` holds only where its condition does, so it \
             does not answer a US law"
        } else {
            ""
        };
        format!(
            "add `consent under {} {{ how \"...\" withdraw \"...\" }}` to the data set, saying \
             how the {who} gives and withdraws consent{why}",
            law.jurisdiction.word()
        )
    };
    // The sensitive items among some, named for a message.
    let sensitive = |refs: &[Ref<Item>], also: &dyn Fn(&Ref<Item>) -> bool| -> Vec<String> {
        refs.iter()
            .filter(|r| also(r) && law.sensitive_on(p.get(*r), ctx.today))
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
        if states::consented(law, d) || d.collects.is_empty() {
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
                .with_help(help(&on_basis(
                    "child's parent",
                    states::conditional_consent(d),
                ))),
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
            .with_help(help(&on_basis("consumer", states::conditional_consent(d)))),
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
                "declare the data set that collects it, with `collects` and `consent { how \"...\" withdraw \"...\" }`",
            )),
        );
    }
}
