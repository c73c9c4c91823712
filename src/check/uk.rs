//! The UK GDPR where it differs from the EU's: the Information
//! Commissioner as the supervisory authority, the UK representative of a
//! controller with no UK establishment, and the UK's own transfer tools.
//! These rules are `gdpr::` rules that run only for `uk_gdpr`.

use crate::diagnostic::Diagnostic;
use crate::model::words::{Jurisdiction, Region, RightKind, Safeguard};

use super::context::Ctx;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"uk-authority", Warning,
        summary: "the UK GDPR rights name the Information Commissioner as the authority to complain to",
        citation: "UK GDPR Art. 13(2)(d), Art. 14(2)(e), Art. 77(1); Data Protection Act 2018 s. 165",
        explanation: "\
    Under the UK GDPR the supervisory authority is the Information Commissioner (the ICO), and the \
    notice tells people of their right to complain to it (Art. 13(2)(d), 77(1)). A notice written \
    for the EU that says \"the supervisory authority of your member state\" does not tell a UK \
    reader where to go. When the policy declares `uk_gdpr`, the `complaint` right of the rights \
    block that serves it must name the Information Commissioner (or the ICO), ideally with \
    https://ico.org.uk/make-a-complaint/.",
        check: uk_authority,
    ),
    rule!(gdpr::"uk-representative", Warning,
        summary: "a controller with no UK establishment names its UK representative",
        citation: "UK GDPR Art. 3(2), Art. 27, Art. 13(1)(a), Art. 14(1)(a)",
        explanation: "\
    A controller not established in the UK that offers goods or services to people in the UK, or \
    monitors their behaviour there, designates in writing a representative in the UK (UK GDPR \
    Art. 27(1), (3)), and the notice gives the representative's identity and contact details \
    (Art. 13(1)(a)). Since the UK left the EU, the EU representative does not serve the UK: the \
    controller needs `uk_representative CONTACT` beside `representative`. candor asks for it when \
    the policy declares `uk_gdpr` and the controller's `established` regions do not include \
    `uk`. If Art. 27(2) exempts the controller (occasional processing, no large-scale special \
    category data), allow the finding with that reason.",
        check: uk_representative,
    ),
    rule!(gdpr::"uk-transfer-tool", Error,
        summary: "a transfer from the UK on standard contractual clauses uses the IDTA or the UK Addendum",
        citation: "UK GDPR Art. 46(2)(d); Data Protection Act 2018 s. 119A; ICO International Data Transfer Agreement and Addendum (in force 21 March 2022)",
        explanation: "\
    The EU standard contractual clauses are not on their own a UK transfer tool. Since 21 March \
    2024, when the transitional period for contracts on the old clauses ended, a restricted \
    transfer from the UK on contractual clauses relies on the ICO's International Data Transfer \
    Agreement (`idta`) or on the EU clauses with the International Data Transfer Addendum \
    (`uk_addendum`), issued under DPA 2018 s. 119A. A `transfer` `from uk` whose `safeguards` \
    are `sccs` without either names a safeguard that does not exist in UK law.",
        check: uk_transfer_tool,
    ),
];

/// Whether the rules run for the UK GDPR.
fn for_uk(ctx: &Ctx<'_>) -> bool {
    ctx.law
        .is_some_and(|l| l.jurisdiction == Jurisdiction::UkGdpr)
}

fn uk_authority(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !for_uk(ctx) {
        return;
    }
    let Some(block) = ctx.gdpr_rights else {
        return;
    };
    let Some(right) = block.rights.iter().find(|r| r.kind == RightKind::Complaint) else {
        return;
    };
    let names_ico = [Some(&right.name), right.text.as_ref(), block.text.as_ref()]
        .into_iter()
        .flatten()
        .any(|t| {
            let lower = t.to_lowercase();
            lower.contains("information commissioner")
                || t.contains("ICO")
                || lower.contains("ico.org.uk")
        });
    if names_ico {
        return;
    }
    out.push(
        finding(
            right.head,
            format!(
                "the complaint right of `{}` serves the UK GDPR but does not name the Information Commissioner",
                block.id
            ),
        )
        .with_label("which authority?")
        .with_help(
            "say that people in the UK may complain to the Information Commissioner's Office \
             (ICO), https://ico.org.uk/make-a-complaint/, e.g. in the right's `text`",
        ),
    );
}

fn uk_representative(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !for_uk(ctx) {
        return;
    }
    let Some(c) = &ctx.policy.controller else {
        return;
    };
    if c.established.is_empty()
        || c.established.contains(&Region::Uk)
        || c.uk_representative.is_some()
    {
        return;
    }
    out.push(
        finding(
            c.spans.established.unwrap_or(c.span),
            format!(
                "the controller `{}` has no establishment in the UK but names no UK representative",
                c.id
            ),
        )
        .with_label("established outside the UK")
        .with_help(
            "add `uk_representative CONTACT` naming the representative designated under UK GDPR \
             Art. 27, with its contact details; if Art. 27(2) exempts the controller, allow the \
             finding with that reason",
        ),
    );
}

fn uk_transfer_tool(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !for_uk(ctx) {
        return;
    }
    for t in &ctx.policy.transfers {
        let from_uk = t.from == Some(Region::Uk);
        let sccs = t.safeguards.contains(&Safeguard::Sccs);
        let uk_tool = t
            .safeguards
            .iter()
            .any(|s| matches!(s, Safeguard::Idta | Safeguard::UkAddendum));
        if from_uk && sccs && !uk_tool {
            out.push(
                finding(
                    t.spans.safeguards.unwrap_or(t.span),
                    format!(
                        "the transfer `{}` from the UK relies on standard contractual clauses without the IDTA or the UK Addendum",
                        t.id
                    ),
                )
                .with_label("not a UK transfer tool on its own")
                .with_help(
                    "write `safeguards sccs, uk_addendum` (the EU clauses with the ICO's Addendum) \
                     or `safeguards idta` (the ICO's International Data Transfer Agreement)",
                ),
            );
        }
    }
}
