//! What the Colorado Privacy Act Rules (4 CCR 904-3) ask of the privacy
//! notice beyond the statute's list, which `colorado::notice-contents` and
//! the other shared state rules check: the purpose-by-purpose disclosures of
//! Rule 6.03(A)(1), the sensitive data of 6.03(A)(1)(a), the universal
//! opt-out mechanism of 6.03(A)(4)(e), the loyalty programme disclosures of
//! Rule 6.05(F) and the profiling transparency of Rule 9.03. The answers per
//! purpose are derived in `law::colorado`. These rules run when the policy
//! declares `colorado`.

use crate::diagnostic::Diagnostic;
use crate::law::colorado::{PurposeUse, purpose_uses};
use crate::law::states;
use crate::model::words::{RecipientKind, Word};
use crate::model::{Block, Insert};

use super::context::{Ctx, and_list};
use super::{Rule, finding, rule};

/// The Colorado rules of 4 CCR 904-3.
pub(super) const RULES: &[Rule] = &[
    rule!(colorado::"purpose-disclosures", Warning,
        summary: "the Colorado notice says, purpose by purpose, which categories are provided for it and whether that data is sold, used for targeted advertising or for significant profiling",
        citation: "4 CCR 904-3 Rule 6.03(A)(1)(a)-(c); C.R.S. §6-1-1308(1)(a)",
        since: "2023-07-01",
        explanation: "\
    The privacy notice describes the processing \"linked in a way that gives Consumers a \
    meaningful understanding of how each category of their Personal Data will be used when they \
    provide that Personal Data to the Controller for a specified purpose\": the categories \
    processed (6.03(A)(1)(a)), each purpose (6.03(A)(1)(b)) and \"whether the Personal Data \
    provided for a specific purpose will be sold or used for Targeted Advertising or Profiling in \
    furtherance of Decisions that Produce Legal or Similarly Significant Effects\" \
    (6.03(A)(1)(c)). candor derives each answer from the facts (`law::colorado`): the categories \
    of a purpose are the collected `ccpa` categories that name it, or that link a data set \
    processed for it; \"sold\" comes from the `consideration` and `kind` of their third parties \
    (money or other valuable consideration, C.R.S. §6-1-1303(23)); targeted advertising from \
    the purpose's `targeted_advertising` and the third parties that advertise with its \
    categories; profiling from the purpose's `automated_decisions`. It reports a purpose linked \
    to no category, and a purpose whose answer the facts do not give: an unknown answer is \
    printed \"not stated\", which tells a Colorado consumer nothing.",
        check: purpose_disclosures,
    ),
    rule!(colorado::"purpose-table", Warning,
        summary: "the Colorado notice prints its purpose-by-purpose disclosures (`insert colorado_purposes`)",
        citation: "4 CCR 904-3 Rule 6.03(A)(1)",
        since: "2023-07-01",
        explanation: "\
    Rule 6.03(A)(1) asks for the categories, purposes and sale, targeted advertising and \
    profiling answers to be linked purpose by purpose. The CCPA table links categories to \
    purposes but says sold and shared per category under California's definitions; the state \
    rights section says whether the business sells at all. `insert colorado_purposes` prints \
    the table Colorado asks for, generated from the facts: one row per purpose with the \
    categories provided for it and whether that data is sold, used for targeted advertising or \
    for profiling. candor reports a Colorado notice with purposes that inserts no such table; a \
    notice that says the same in its own prose can `allow` the finding with that reason.",
        check: purpose_table,
    ),
    rule!(colorado::"sensitive-categories", Warning,
        summary: "the Colorado notice's categories include the sensitive data processed",
        citation: "4 CCR 904-3 Rule 6.03(A)(1)(a); C.R.S. §6-1-1303(24)",
        since: "2023-07-01",
        explanation: "\
    The notice gives the categories of personal data processed \"including, but not limited to, \
    whether Personal Data of a Child or other Sensitive Data is Processed\" (4 CCR 904-3 Rule \
    6.03(A)(1)(a)). Colorado's sensitive data (C.R.S. §6-1-1303(24)) is racial or ethnic origin, \
    religious beliefs, health, sex life or sexual orientation, citizenship, genetic and \
    biometric data and biological or neural data, not precise geolocation. candor reports an \
    item of that kind, collected by a data set, that no collected category lists among its \
    `items`.",
        check: super::states::sensitive_categories,
    ),
    rule!(colorado::"universal-opt-out", Warning,
        summary: "a Colorado controller that sells or targets advertising explains how universal opt-out signals are processed",
        citation: "4 CCR 904-3 Rule 6.03(A)(4)(e), Rule 5.02(A)",
        since: "2024-07-01",
        explanation: "\
    Consumers may opt out of targeted advertising and the sale of personal data through a \
    universal opt-out mechanism (4 CCR 904-3 Rule 5.02(A)), and since 1 July 2024 the notice \
    explains \"how requests to opt out using Universal Opt-Out Mechanisms will be processed\" \
    (Rule 6.03(A)(4)(e)). When the facts show a sale under Colorado law or targeted advertising, \
    the Colorado rights block needs `opt_out_signals \"...\"` saying how a signal such as Global \
    Privacy Control is honoured.",
        check: universal_opt_out,
    ),
    rule!(colorado::"loyalty-program", Warning,
        summary: "a Colorado loyalty programme or financial incentive says which data it sells or uses for targeted advertising and to which kinds of third parties",
        citation: "4 CCR 904-3 Rule 6.05(F)(1)(a), (b)",
        since: "2023-07-01",
        explanation: "\
    A controller maintaining a bona fide loyalty program discloses, at registration or by a link \
    to the section of the privacy notice, \"the categories of Personal Data or Sensitive Data \
    collected through the Bona Fide Loyalty Program that will be Sold or Processed for Targeted \
    Advertising, if any\" and the categories of third parties that will receive it, \"including \
    whether Personal Data will be provided to Data Brokers\" (4 CCR 904-3 Rule 6.05(F)(1)(a), \
    (b)). candor reads the programme from a purpose's `incentive` and reports one whose \
    categories are not linked, whose sale or targeted advertising answer is not stated, or \
    whose categories go to a third party of no stated `kind` (so that whether it is a data \
    broker is unknown). The list of programme partners and their benefits (6.05(F)(1)(c)) \
    belongs in the `incentive` text.",
        check: loyalty_program,
    ),
    rule!(colorado::"profiling-transparency", Warning,
        summary: "Colorado profiling with legal or similarly significant effects is explained in the notice",
        citation: "4 CCR 904-3 Rule 9.03(A)",
        since: "2023-07-01",
        explanation: "\
    A controller that profiles in furtherance of decisions that result in the provision or \
    denial of financial or lending services, housing, insurance, education, criminal justice, \
    employment, health care or access to essential goods or services tells consumers in the \
    privacy notice, at a minimum: the decisions subject to profiling, the categories of personal \
    data processed for it, a plain-language explanation of the logic, how profiling is used in \
    the decision (with the role of human involvement), any evaluation for accuracy, fairness or \
    bias and its outcome, the benefits and potential consequences of the decision, and how to \
    opt out (4 CCR 904-3 Rule 9.03(A)(1)-(7)). For a purpose with `automated_decisions yes`, \
    candor asks for categories linked to it, `logic \"...\"` (the logic, how it is used, human \
    involvement and any evaluation) and `consequences \"...\"` (benefits and consequences); the \
    opt-out is `colorado::opt-out`'s question.",
        check: profiling_transparency,
    ),
];

/// The purposes of a Colorado notice, when the rules run for Colorado.
fn uses<'p>(ctx: &Ctx<'p>) -> Vec<PurposeUse<'p>> {
    if ctx.law.is_none() {
        return Vec::new();
    }
    purpose_uses(ctx.policy)
}

/// The facts a missing answer needs, for the help.
fn fix_for(ctx: &Ctx<'_>, u: &PurposeUse<'_>, what: &str) -> String {
    match what {
        "sold" => {
            let mut unknown: Vec<String> = u
                .third_parties
                .iter()
                .filter(|t| ctx.policy.get(*t).consideration.is_none())
                .map(|t| format!("`{}`", t.id()))
                .collect();
            unknown.sort();
            unknown.dedup();
            format!(
                "give {} a `consideration` (`money`, `other_value` or `none`)",
                if unknown.is_empty() {
                    "its categories' third parties".to_owned()
                } else {
                    and_list(&unknown)
                }
            )
        }
        "targeted advertising" => format!(
            "add `targeted_advertising yes` or `targeted_advertising no` to the purpose `{}`",
            u.purpose.id
        ),
        _ => format!(
            "add `automated_decisions yes` or `automated_decisions no` to the purpose `{}`",
            u.purpose.id
        ),
    }
}

fn purpose_disclosures(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let uses = uses(ctx);
    if !uses.is_empty() && states::collected(ctx.policy).next().is_none() {
        // No category at all: one finding, not one per purpose.
        out.push(
            finding(
                ctx.policy.span,
                "the notice declares no category of personal data, so it cannot say for any purpose which categories are provided for it, nor whether they are sold",
            )
            .with_label("no `ccpa` categories")
            .with_help(
                "declare the categories of personal data with `ccpa ID \"Name\" { items ...; \
                 purposes ...; third_parties ... }` (4 CCR 904-3 Rule 6.03(A)(1)(a), (b))",
            ),
        );
        return;
    }
    for u in uses {
        let id = &u.purpose.id;
        if u.categories.is_empty() {
            out.push(
                finding(
                    u.purpose.span,
                    format!(
                        "the purpose `{id}` is linked to no category of personal data, so the notice cannot say what data is provided for it, nor whether that data is sold"
                    ),
                )
                .with_label("no category")
                .with_help(format!(
                    "add `{id}` to the `purposes` of the `ccpa` categories provided for it, or link \
                     the categories to its data sets with `datasets` (4 CCR 904-3 Rule \
                     6.03(A)(1)(b))"
                )),
            );
            continue;
        }
        let unknown: Vec<&str> = [
            ("sold", u.sold),
            ("targeted advertising", u.targeted_advertising),
            ("profiling", u.profiling),
        ]
        .into_iter()
        .filter(|(_, a)| a.is_none())
        .map(|(w, _)| w)
        .collect();
        if unknown.is_empty() {
            continue;
        }
        let words: Vec<String> = unknown
            .iter()
            .map(|w| match *w {
                "sold" => "sold".to_owned(),
                "targeted advertising" => "used for targeted advertising".to_owned(),
                _ => "used for profiling with legal or similarly significant effects".to_owned(),
            })
            .collect();
        let fixes: Vec<String> = unknown.iter().map(|w| fix_for(ctx, &u, w)).collect();
        out.push(
            finding(
                u.purpose.span,
                format!(
                    "the notice does not say whether personal data provided for the purpose `{id}` is {}",
                    words.join(", or ")
                ),
            )
            .with_label("answer not stated")
            .with_help(format!(
                "{} (4 CCR 904-3 Rule 6.03(A)(1)(c))",
                fixes.join("; ")
            )),
        );
    }
}

/// Whether a section of the notice inserts the Colorado table.
fn prints_table(ctx: &Ctx<'_>) -> bool {
    ctx.policy.sections.iter().any(|s| {
        s.blocks.iter().any(|b| {
            matches!(
                b,
                Block::Insert {
                    insert: Insert::ColoradoPurposes
                }
            )
        })
    })
}

fn purpose_table(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if uses(ctx).is_empty() || prints_table(ctx) {
        return;
    }
    out.push(
        finding(
            ctx.policy.span,
            "the Colorado notice does not say purpose by purpose whether the data provided for it is sold, used for targeted advertising or for profiling",
        )
        .with_label("no `insert colorado_purposes`")
        .with_help(
            "add `insert colorado_purposes` to the section on US state privacy rights: it prints \
             the table from the facts",
        ),
    );
}

fn universal_opt_out(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(law) = ctx.law else {
        return;
    };
    let Some(state) = states::StateLaw::of(law.jurisdiction) else {
        return;
    };
    let Some(block) = law.rights_block(ctx.policy) else {
        return;
    };
    let p = ctx.policy;
    let why = if let Some((c, t)) = state.sold_categories(p).next() {
        format!("the category `{}` is sold to `{}`", c.id, t.id())
    } else if let Some((what, _)) = states::targeted_advertising(state, p) {
        format!("{what} serves targeted advertising")
    } else {
        return;
    };
    let said = block
        .opt_out_signals
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    if said {
        return;
    }
    out.push(
        finding(
            block.span,
            format!(
                "{why}, but the rights block `{}` does not say how universal opt-out signals are processed",
                block.id
            ),
        )
        .with_label("no `opt_out_signals`")
        .with_help(
            "add `opt_out_signals \"We treat a Global Privacy Control signal from your browser as a \
             request to opt out of the sale of your personal data and of targeted advertising \
             ...\"` to the rights block",
        ),
    );
}

fn loyalty_program(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for u in uses(ctx) {
        if u.purpose.incentive.is_none() {
            continue;
        }
        let id = &u.purpose.id;
        let mut missing: Vec<String> = Vec::new();
        if u.categories.is_empty() {
            missing.push("the categories of personal data it collects".to_owned());
        } else {
            if u.sold.is_none() {
                missing.push("whether they are sold".to_owned());
            }
            if u.targeted_advertising.is_none() {
                missing.push("whether they are used for targeted advertising".to_owned());
            }
        }
        let mut kindless: Vec<String> = u
            .third_parties
            .iter()
            .filter(|t| p.get(*t).kind.is_none())
            .map(|t| format!("`{}`", t.id()))
            .collect();
        kindless.sort();
        kindless.dedup();
        if !kindless.is_empty() {
            missing.push(format!(
                "whether {} are data brokers (no `kind`)",
                and_list(&kindless)
            ));
        }
        if missing.is_empty() {
            continue;
        }
        out.push(
            finding(
                u.purpose.span,
                format!(
                    "the purpose `{id}` has a loyalty programme or financial incentive, but the notice does not say {}",
                    and_list(&missing)
                ),
            )
            .with_label("loyalty programme disclosures incomplete")
            .with_help(format!(
                "link the categories collected through the programme to `{id}` (their `purposes`), \
                 state `targeted_advertising` on the purpose, and give their third parties a \
                 `consideration` and a `kind` (`{}` for a data broker)",
                RecipientKind::DataBroker.word()
            )),
        );
    }
}

fn profiling_transparency(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for u in uses(ctx) {
        if u.purpose.automated_decisions != Some(true) {
            continue;
        }
        let stated = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
        let mut missing: Vec<(&str, &str)> = Vec::new();
        if u.categories.is_empty() {
            missing.push((
                "the categories of personal data processed (Rule 9.03(A)(2))",
                "`purposes` on the categories used",
            ));
        }
        if !stated(&u.purpose.logic) {
            missing.push((
                "the logic and how profiling is used in the decision (Rule 9.03(A)(3), (4))",
                "`logic \"...\"`",
            ));
        }
        if !stated(&u.purpose.consequences) {
            missing.push((
                "the benefits and potential consequences of the decision (Rule 9.03(A)(6))",
                "`consequences \"...\"`",
            ));
        }
        if missing.is_empty() {
            continue;
        }
        let what: Vec<String> = missing.iter().map(|(w, _)| (*w).to_owned()).collect();
        let fix: Vec<String> = missing.iter().map(|(_, f)| (*f).to_owned()).collect();
        out.push(
            finding(
                u.purpose.span,
                format!(
                    "the purpose `{}` profiles in furtherance of decisions with legal or similarly significant effects, but the notice does not give {}",
                    u.purpose.id,
                    and_list(&what)
                ),
            )
            .with_label("profiling not explained")
            .with_help(format!(
                "add {} to the purpose, in plain language, with the role of human review and any \
                 evaluation for accuracy, fairness or bias",
                and_list(&fix)
            )),
        );
    }
}
