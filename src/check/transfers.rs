//! Transfers of personal data outside the EEA (GDPR Chapter V, and what
//! Art. 13(1)(f) asks the notice to say about them). These rules run when
//! the policy declares `gdpr` or `uk_gdpr`.

use crate::diagnostic::Diagnostic;
use crate::model::words::{Region, Safeguard};

use super::context::{Ctx, and_list};
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"transfer-safeguard", Warning, Gdpr,
        summary: "a transfer outside the EEA names its safeguard",
        citation: "GDPR Art. 13(1)(f), Art. 14(1)(f), Art. 44-49",
        explanation: "\
    Personal data may leave the EEA (or the UK) only to a country with an adequacy decision (Art. \
    45), under appropriate safeguards (Art. 46: standard contractual clauses, certification, codes \
    of conduct; Art. 47: binding corporate rules), or under a derogation (Art. 49). The notice must \
    say which (Art. 13(1)(f)): a `transfer` needs `safeguards`.",
        check: transfer_safeguard,
    ),
    rule!(gdpr::"transfer-copy", Warning, Gdpr,
        summary: "a transfer under Art. 46/47 safeguards says how to obtain a copy of them",
        citation: "GDPR Art. 13(1)(f), Art. 14(1)(f)",
        explanation: "\
    When data is transferred under standard contractual clauses, binding corporate rules, a \
    certification or a code of conduct, the notice must give \"the means by which to obtain a copy \
    of them or where they have been made available\" (Art. 13(1)(f)). A transfer with such a \
    safeguard needs `copy \"...\"` (\"write to privacy@example.com for a copy of the clauses\"). An \
    adequacy decision or a derogation needs no copy.",
        check: transfer_copy,
    ),
    rule!(gdpr::"transfer-destination", Warning, Gdpr,
        summary: "a transfer says where the data goes",
        citation: "GDPR Art. 13(1)(f), Art. 14(1)(f)",
        explanation: "\
    The notice must state the controller's intention to transfer data to a third country (Art. \
    13(1)(f)); the EDPB's transparency guidelines ask for the countries, or at least where the data \
    goes, to be named. A `transfer` needs `to \"...\"`.",
        check: transfer_destination,
    ),
];

/// Whether a transfer leaves the GDPR area: from the EEA, a member state or
/// the UK, or with no `from` (read as leaving it).
fn leaves_gdpr_area(from: Option<Region>) -> bool {
    from.is_none_or(|r| r.is_eea() || r == Region::Uk)
}

fn transfer_safeguard(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for t in &ctx.policy.transfers {
        if leaves_gdpr_area(t.from) && t.safeguards.is_empty() {
            out.push(
                finding(t.span, format!("transfer `{}` names no safeguard", t.id))
                    .with_label("no `safeguards`")
                    .with_help(
                        "add `safeguards ...`: `adequacy`, `sccs`, `bcr`, `certification`, \
                         `code_of_conduct` or `derogation`",
                    ),
            );
        }
    }
}

fn safeguard_name(s: Safeguard) -> &'static str {
    match s {
        Safeguard::Adequacy => "an adequacy decision",
        Safeguard::Sccs => "standard contractual clauses",
        Safeguard::Bcr => "binding corporate rules",
        Safeguard::Certification => "a certification",
        Safeguard::CodeOfConduct => "a code of conduct",
        Safeguard::Derogation => "a derogation",
    }
}

fn transfer_copy(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for t in &ctx.policy.transfers {
        if t.copy.is_some() || !leaves_gdpr_area(t.from) {
            continue;
        }
        let needing: Vec<&str> = t
            .safeguards
            .iter()
            .filter(|s| s.needs_copy_route())
            .map(|s| safeguard_name(*s))
            .collect();
        if needing.is_empty() {
            continue;
        }
        out.push(
            finding(
                t.spans.safeguards.unwrap_or(t.span),
                format!("transfer `{}` relies on {} but does not say how to obtain a copy", t.id, and_list(&needing)),
            )
            .with_label("safeguards that need a copy route")
            .with_help(
                "add `copy \"...\"` saying how to get a copy or where it is published, e.g. \
                 `copy \"you can ask for a copy of the clauses by writing to privacy@example.com\"`",
            ),
        );
    }
}

fn transfer_destination(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for t in &ctx.policy.transfers {
        if t.to.is_none() && leaves_gdpr_area(t.from) {
            out.push(
                finding(
                    t.span,
                    format!("transfer `{}` does not say where the data goes", t.id),
                )
                .with_label("no `to`")
                .with_help(
                    "add `to \"...\"` naming the countries, or the region, the data goes to",
                ),
            );
        }
    }
}
