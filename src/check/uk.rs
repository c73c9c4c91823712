//! The UK GDPR where it differs from the EU's: the Information
//! Commissioner as the supervisory authority, the UK representative of a
//! controller with no UK establishment, the UK's own transfer tools, and the
//! changes of the Data (Use and Access) Act 2025 that reach a notice (the
//! complaint to the controller, the recognised legitimate interests). These
//! rules are `gdpr::` rules that run only for `uk_gdpr`, except
//! `gdpr::uk-only-basis`, which runs for the EU GDPR.

use crate::diagnostic::Diagnostic;
use crate::model::words::{Jurisdiction, LawfulBasis, Region, RightKind, Safeguard};
use crate::model::{Basis, PolicyDate, Purpose, Ref};

use super::context::Ctx;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"uk-authority", Warning,
        summary: "the UK GDPR rights name the Information Commissioner as the authority to complain to",
        citation: "UK GDPR Art. 13(2)(d), Art. 14(2)(e), Art. 77(1); Data Protection Act 2018 s. 165",
        since: "2021-01-01",
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
        since: "2021-01-01",
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
        since: "2021-01-01",
        explanation: "\
    The EU standard contractual clauses are not on their own a UK transfer tool. Since 21 March \
    2024, when the transitional period for contracts on the old clauses ended, a restricted \
    transfer from the UK on contractual clauses relies on the ICO's International Data Transfer \
    Agreement (`idta`) or on the EU clauses with the International Data Transfer Addendum \
    (`uk_addendum`), issued under DPA 2018 s. 119A. A `transfer` `from uk` whose `safeguards` \
    are `sccs` without either names a safeguard that does not exist in UK law.",
        check: uk_transfer_tool,
    ),
    rule!(gdpr::"uk-controller-complaint", Warning,
        summary: "the UK GDPR rights say how to complain to the controller itself",
        citation: "Data Protection Act 2018 s. 164A(1)-(2) (inserted by the Data (Use and Access) Act 2025 s. 103, in force 19 June 2026 under SI 2026/82 reg. 3)",
        since: "2026-06-19",
        explanation: "\
    Since 19 June 2026 a data subject who considers that the processing of their personal data \
    infringes the UK GDPR may complain to the controller (DPA 2018 s. 164A(1)), and the \
    controller must facilitate such complaints, \"by taking steps such as providing a complaint \
    form which can be completed electronically and by other means\" (s. 164A(2)); it acknowledges \
    a complaint within 30 days and answers it without undue delay (s. 164A(3)-(4)). The section \
    does not itself name the privacy notice, but the notice is where a reader looks for the \
    route, and one that points only to the Information Commissioner leaves out the step the Act \
    puts first. candor asks the rights block that serves the UK GDPR for a right of kind \
    `controller_complaint` whose `text` says how to complain (the form, the address). If the \
    route is published elsewhere, allow the finding with that reason. Before 19 June 2026 \
    (`--today`) the rule finds nothing.",
        check: uk_controller_complaint,
    ),
    rule!(gdpr::"uk-only-basis", Error,
        summary: "a recognised legitimate interest is not a lawful basis under the EU GDPR",
        citation: "UK GDPR Art. 6(1)(ea), Art. 6(5), Annex 1 (inserted by the Data (Use and Access) Act 2025 s. 70 and Sch. 4, in force 5 February 2026); GDPR Art. 6(1)",
        since: "2018-05-25",
        explanation: "\
    The Data (Use and Access) Act 2025 added to the UK GDPR a lawful basis the EU GDPR does not \
    have: processing necessary for the purposes of a recognised legitimate interest (UK GDPR Art. \
    6(1)(ea)), which is one that meets a condition of Annex 1 (Art. 6(5)), such as a disclosure \
    requested by a body with a public task, national security, emergencies, crime, or \
    safeguarding vulnerable people, with no balancing test. The EU GDPR's list in Art. 6(1) is \
    closed: under it the same processing needs one of points (a) to (f), usually a legitimate \
    interest under point (f) with its balancing. candor reports a `basis \
    recognised_legitimate_interest` when the policy declares `gdpr` and the data set (or cookie \
    category) gives no other basis for the same purposes. A policy that declares only `uk_gdpr` \
    is not affected from 5 February 2026, when Art. 6(1)(ea) came into force (SI 2026/82); on an \
    earlier `--today` the basis did not exist under the UK GDPR either, and candor reports it \
    there too.",
        check: uk_only_basis,
    ),
    rule!(gdpr::"uk-automated-decision-basis", Error,
        summary: "no significant decision based solely on automated processing relies on a recognised legitimate interest",
        citation: "UK GDPR Art. 22A(1), Art. 22B(4) (inserted by the Data (Use and Access) Act 2025 s. 80, in force 5 February 2026)",
        since: "2026-02-05",
        explanation: "\
    \"A significant decision may not be taken based solely on automated processing if the \
    processing of personal data carried out by, or on behalf of, the decision-maker for the \
    purposes of the decision is carried out entirely or partly in reliance on Article 6(1)(ea)\" \
    (UK GDPR Art. 22B(4)). A significant decision is one with a legal or similarly significant \
    effect (Art. 22A(1)). candor reports a data set whose `basis recognised_legitimate_interest` \
    covers a purpose with `automated_decisions yes`: the decision needs human involvement that \
    is meaningful, or another basis.",
        check: uk_automated_decision_basis,
    ),
];

/// The day DPA 2018 s. 164A came into force (the Data (Use and Access) Act
/// 2025 s. 103).
const CONTROLLER_COMPLAINTS_FROM: PolicyDate = PolicyDate {
    year: 2026,
    month: 6,
    day: Some(19),
};

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

fn uk_controller_complaint(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !for_uk(ctx) || ctx.today.day_number() < CONTROLLER_COMPLAINTS_FROM.day_number() {
        return;
    }
    let Some(block) = ctx.gdpr_rights else {
        return;
    };
    if block
        .rights
        .iter()
        .any(|r| r.kind == RightKind::ControllerComplaint)
    {
        return;
    }
    out.push(
        finding(
            block.spans.jurisdiction.unwrap_or(block.span),
            format!(
                "the rights `{}` serve the UK GDPR but do not say how to complain to the controller",
                block.id
            ),
        )
        .with_label("no `right controller_complaint`")
        .with_help(
            "add `right controller_complaint \"...\" { text \"...\" }` saying that people may \
             complain to the company about its use of their data and how (a complaint form that \
             can be completed electronically, an email address, a postal address), and that it \
             acknowledges a complaint within 30 days (DPA 2018 s. 164A)",
        ),
    );
}

/// The purposes a basis covers: its own, or else every purpose of its data
/// set.
fn covered<'a>(basis: &'a Basis, all: &'a [Ref<Purpose>]) -> &'a [Ref<Purpose>] {
    if basis.purposes.is_empty() {
        all
    } else {
        &basis.purposes
    }
}

/// Whether another basis than a recognised legitimate interest covers a
/// purpose (`None`: any purpose).
fn other_basis_covers(bases: &[Basis], purpose: Option<&Ref<Purpose>>) -> bool {
    bases.iter().any(|b| {
        b.basis != LawfulBasis::RecognisedLegitimateInterest
            && (b.purposes.is_empty()
                || purpose.is_none_or(|p| b.purposes.iter().any(|q| q.id() == p.id())))
    })
}

/// The day UK GDPR Art. 6(1)(ea) came into force (the Data (Use and Access)
/// Act 2025 s. 70, commenced on 5 February 2026 by SI 2026/82).
const RECOGNISED_INTERESTS_FROM: PolicyDate = PolicyDate {
    year: 2026,
    month: 2,
    day: Some(5),
};

fn uk_only_basis(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx
        .law
        .is_some_and(|l| l.jurisdiction == Jurisdiction::UkGdpr)
        && ctx.today < RECOGNISED_INTERESTS_FROM
    {
        uk_basis_not_yet(ctx, out);
        return;
    }
    if ctx.law.is_none_or(|l| l.jurisdiction != Jurisdiction::Gdpr) {
        return;
    }
    let p = ctx.policy;
    let owners = p
        .datasets
        .iter()
        .filter(|d| ctx.reaches(d))
        .map(|d| {
            (
                d.id.as_str(),
                "data set",
                d.bases.as_slice(),
                d.purposes.as_slice(),
            )
        })
        .chain(p.cookies.iter().map(|c| {
            (
                c.id.as_str(),
                "cookie category",
                c.bases.as_slice(),
                c.purposes.as_slice(),
            )
        }));
    for (id, kind, bases, purposes) in owners {
        for b in bases
            .iter()
            .filter(|b| b.basis == LawfulBasis::RecognisedLegitimateInterest)
        {
            let purposes = covered(b, purposes);
            let uncovered: Vec<&str> = purposes
                .iter()
                .filter(|q| !other_basis_covers(bases, Some(q)))
                .map(|q| q.id())
                .collect();
            let bare = purposes.is_empty() && !other_basis_covers(bases, None);
            if uncovered.is_empty() && !bare {
                continue;
            }
            let what = if uncovered.is_empty() {
                String::new()
            } else {
                format!(
                    " for {}",
                    uncovered
                        .iter()
                        .map(|q| format!("`{q}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            out.push(
                finding(
                    b.head,
                    format!(
                        "{kind} `{id}` relies on a recognised legitimate interest{what}, a basis the EU GDPR does not have"
                    ),
                )
                .with_label("UK GDPR Art. 6(1)(ea) only")
                .with_help(
                    "the policy declares `gdpr`: give these purposes an EU GDPR basis as well, \
                     usually `basis legitimate_interest` with the `interest` pursued (Art. 6(1)(f)); \
                     if the processing concerns only people the EU GDPR does not reach, allow the \
                     finding with that reason",
                ),
            );
        }
    }
}

/// Before 5 February 2026 a recognised legitimate interest was no basis
/// under the UK GDPR either.
fn uk_basis_not_yet(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let bases = p
        .datasets
        .iter()
        .filter(|d| ctx.reaches(d))
        .map(|d| (d.id.as_str(), "data set", d.bases.as_slice()))
        .chain(
            p.cookies
                .iter()
                .map(|c| (c.id.as_str(), "cookie category", c.bases.as_slice())),
        );
    for (id, kind, bases) in bases {
        for b in bases
            .iter()
            .filter(|b| b.basis == LawfulBasis::RecognisedLegitimateInterest)
        {
            out.push(
                finding(
                    b.head,
                    format!(
                        "{kind} `{id}` relies on a recognised legitimate interest, a basis the UK GDPR has only from 5 February 2026 (checked on {})",
                        ctx.today
                    ),
                )
                .with_label("not yet in force")
                .with_help(
                    "until UK GDPR Art. 6(1)(ea) is in force, give these purposes a basis of Art. \
                     6(1)(a)-(f), usually `basis legitimate_interest` with the `interest` pursued",
                ),
            );
        }
    }
}

fn uk_automated_decision_basis(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !for_uk(ctx) {
        return;
    }
    let p = ctx.policy;
    for d in &p.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        for b in d
            .bases
            .iter()
            .filter(|b| b.basis == LawfulBasis::RecognisedLegitimateInterest)
        {
            for q in covered(b, &d.purposes) {
                let purpose = p.get(q);
                if purpose.automated_decisions != Some(true) {
                    continue;
                }
                out.push(
                    finding(
                        b.head,
                        format!(
                            "data set `{}` relies on a recognised legitimate interest for `{}`, which makes significant decisions based solely on automated processing",
                            d.id, purpose.id
                        ),
                    )
                    .with_label("Art. 6(1)(ea)")
                    .with_secondary(
                        purpose.spans.automated_decisions.unwrap_or(purpose.span),
                        "automated decisions",
                    )
                    .with_help(
                        "UK GDPR Art. 22B(4) forbids it: rely on another basis for the purpose \
                         (e.g. `basis contract for ...` or `basis legitimate_interest for ...`), or \
                         give the decision meaningful human involvement and say \
                         `automated_decisions no`",
                    ),
                );
            }
        }
    }
}
