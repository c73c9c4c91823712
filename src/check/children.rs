//! Children and minors: the age of digital consent under GDPR Art. 8, and
//! the opt-in for selling or sharing a minor's information under the CCPA.

use crate::diagnostic::Diagnostic;
use crate::model::words::Region;

use super::context::Ctx;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"child-age", Error, Gdpr,
        summary: "a child's age in the EEA or the UK lies between 13 and 16",
        citation: "GDPR Art. 8(1); UK Data Protection Act 2018, s. 9",
        explanation: "\
    Below the age of digital consent, consent to an online service must come from a parent (Art. \
    8(1)). The GDPR sets it at 16 and lets each member state lower it, to no less than 13; the UK \
    set 13. An `age` for the EEA, the EU, the UK or a member state outside 13-16 cannot be right.",
        check: child_age,
    ),
    rule!(ccpa::"minors-opt-in", Warning, Ccpa,
        summary: "selling or sharing personal information states the opt-in needed for consumers under 16",
        citation: "Cal. Civ. Code §1798.120(c)-(d); Cal. Code Regs. tit. 11, §7070-7071",
        explanation: "\
    A business may not sell or share the personal information of a consumer it knows to be under \
    16 unless the consumer (aged 13 to 15) or a parent (under 13) has affirmatively authorised it \
    (§1798.120(c)). A policy that declares something sold or shared should say how it handles \
    minors: candor looks, in the prose, for a sentence that mentions 16 together with an \
    authorisation, an opt-in or consent.",
        check: minors_opt_in,
    ),
];

fn child_age(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for c in &ctx.policy.children {
        for a in &c.ages {
            let gdpr_region = a.region.is_eea() || a.region == Region::Uk;
            if gdpr_region && !(13..=16).contains(&a.age) {
                out.push(
                    finding(a.span, format!("the age `{}` given for `{}` is outside the 13 to 16 the GDPR allows", a.age, a.region))
                        .with_label("not between 13 and 16")
                        .with_help(
                            "use the age the member state set (16 unless it chose lower; 13 in the UK), \
                             e.g. `age eea 16`",
                        ),
                );
            }
        }
    }
}

fn minors_opt_in(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(category) = ctx
        .policy
        .ccpa
        .iter()
        .find(|c| c.sold == Some(true) || c.shared == Some(true))
    else {
        return;
    };
    let stated = ctx.sentences_about(&["16"]).any(|s| {
        s.contains("16")
            && [
                "authoriz",
                "authoris",
                "opt in",
                "opt-in",
                "opts in",
                "opted in",
                "opted-in",
                "affirmative",
                "consent",
                "permission",
            ]
            .iter()
            .any(|w| s.contains(w))
    });
    if stated {
        return;
    }
    let (word, span) = if category.sold == Some(true) {
        ("sold", category.spans.sold.unwrap_or(category.span))
    } else {
        ("shared", category.spans.shared.unwrap_or(category.span))
    };
    let mut d = finding(
        span,
        format!(
            "the CCPA category `{}` is {word}, but the notice does not say that minors under 16 must opt in first",
            category.id
        ),
    )
    .with_label(word)
    .with_help(
        "consider a sentence such as \"we do not sell or share the personal information of \
         consumers we know to be under 16 unless they (aged 13 to 15) or their parent (under 13) \
         have opted in\"",
    );
    if let Some(children) = ctx.policy.children.first() {
        d = d.with_secondary(
            children.span,
            "the children statement says nothing of it either",
        );
    }
    out.push(d);
}
