//! Children and minors: the age of digital consent under GDPR Art. 8, and
//! the opt-in for selling or sharing a minor's information under the CCPA.

use crate::diagnostic::Diagnostic;
use crate::model::words::{Region, Word};

use super::context::Ctx;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"child-age", Error,
        summary: "an age of digital consent is not below the one the law sets for its region",
        citation: "GDPR Art. 8(1); UK Data Protection Act 2018, s. 9",
        since: "2018-05-25",
        explanation: "\
    Below the age of digital consent, consent to an online service offered to a child must come \
    from a parent (Art. 8(1)). The GDPR sets it at 16 and lets each member state lower it to no \
    less than 13: 13 in Belgium, Denmark, Estonia, Finland, Latvia, Malta, Portugal and Sweden; \
    14 in Austria, Bulgaria, Cyprus, Italy, Lithuania and Spain; 15 in Czechia, France and \
    Greece; 16 elsewhere in the EU (as the Commission's 2020 review of the GDPR lists them); the \
    UK set 13. `age REGION N` states the age below which the service treats a person as a child \
    there. An age below the law's lets children consent whom the law says cannot, which is \
    unlawful on its face; an age above it (`age eea 18` for an adults-only service) is stricter \
    and lawful. For `eea` or `eu` as a whole the age must hold in every member state, so it is 16. \
    The service's own minimum age is `minimum_age N`, which the law does not bound.",
        check: child_age,
    ),
    rule!(ccpa::"minors-opt-in", Warning,
        summary: "the policy says whether it sells or shares the information of consumers known to be under 16, and how they opt in",
        citation: "Cal. Civ. Code §1798.120(c); Cal. Code Regs. tit. 11, §7011, §7070-7072",
        since: "2020-01-01",
        explanation: "\
    A business may not sell or share the personal information of a consumer it knows to be under \
    16 unless the consumer (aged 13 to 15) or a parent (under 13) has affirmatively authorised it \
    (§1798.120(c)); one that does must describe those opt-in processes in its privacy policy \
    (§7072(a)), and every privacy policy states whether the business has actual knowledge that it \
    sells or shares the information of consumers under 16 (§7011). candor reads the fact from \
    `sells_under_16 yes/no` in the `children` declaration: when something is sold or shared and \
    the fact is not given, or it is `yes` and no sentence of the notice describes the opt-in \
    (a sentence on selling or sharing that names 16 and an authorisation, an opt-in or consent), \
    it reports the gap. A service \
    whose `minimum_age` is 16 or more knows no such consumers and needs no opt-in. When nothing is \
    sold or shared, the plain statement that `ccpa::no-sale-statement` asks for (\"we do not sell \
    or share personal information\") answers the question for minors too.",
        check: minors_opt_in,
    ),
];

/// The age of digital consent a region's law sets, when candor knows it:
/// Art. 8(1) and the member states' choices as the Commission's 2020
/// review of the GDPR (SWD(2020) 115, p. 17) lists them, and the UK's 13.
/// `None` for regions outside the GDPR and for Iceland, Liechtenstein,
/// Norway and Slovenia, whose choice candor does not record: there only
/// the 13-16 bounds of Art. 8(1) are checked.
fn consent_age(region: Region) -> Option<u32> {
    use Region::*;
    Some(match region {
        Eea | Eu => 16,
        Uk => 13,
        Be | Dk | Ee | Fi | Lv | Mt | Pt | Se => 13,
        At | Bg | Cy | It | Lt | Es => 14,
        Cz | Fr | Gr => 15,
        Hr | De | Hu | Ie | Lu | Nl | Pl | Ro | Sk => 16,
        _ => return None,
    })
}

fn child_age(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for c in &ctx.policy.children {
        for a in &c.ages {
            let gdpr_region = a.region.is_eea() || a.region == Region::Uk;
            if !gdpr_region {
                continue;
            }
            let (floor, why) = match consent_age(a.region) {
                Some(age) if matches!(a.region, Region::Eea | Region::Eu) => (
                    age,
                    format!(
                        "one age for the whole `{}` must hold where the law kept 16",
                        a.region
                    ),
                ),
                Some(age) => (age, format!("the age there is {age}")),
                None => (13, "Art. 8(1) allows no age below 13".to_owned()),
            };
            if a.age < floor {
                out.push(
                    finding(
                        a.span,
                        format!(
                            "the age of digital consent `{}` given for `{}` is below the law's: {why}",
                            a.age,
                            a.region.word()
                        ),
                    )
                    .with_label(format!("below {floor}"))
                    .with_help(format!(
                        "write `age {} {floor}` (or a higher age: a stricter age is lawful); for a \
                         service closed to younger people, state it with `minimum_age N`",
                        a.region.word()
                    )),
                );
            }
        }
    }
}

/// The words that say a minor opts in.
const OPT_IN: &[&str] = &[
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
];

fn minors_opt_in(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(category) = ctx
        .collected_rows()
        .find(|c| ctx.sold(c) == Some(true) || ctx.shared(c) == Some(true))
    else {
        return;
    };
    let children = ctx.policy.children.first();
    if children
        .and_then(|c| c.minimum_age)
        .is_some_and(|age| age >= 16)
    {
        return;
    }
    let (word, span) = if category.sold == Some(true) {
        ("sold", category.spans.sold.unwrap_or(category.span))
    } else {
        ("shared", category.spans.shared.unwrap_or(category.span))
    };
    match children.and_then(|c| c.sells_under_16) {
        Some(false) => {}
        None => {
            let mut d = finding(
                span,
                format!(
                    "the CCPA category `{}` is {word}, but the policy does not say whether the business sells or shares the information of consumers it knows to be under 16",
                    category.id
                ),
            )
            .with_label(word)
            .with_help(
                "state it with `sells_under_16 no` (or `yes`) in the `children` declaration, and \
                 say it in the notice: \"we do not sell or share the personal information of \
                 consumers we know to be under 16\"",
            );
            if let Some(c) = children {
                d = d.with_secondary(c.span, "no `sells_under_16` here");
            }
            out.push(d);
        }
        Some(true) => {
            // The sentence must be about selling or sharing, so that "a
            // parent must consent for children under 16" (GDPR Art. 8) does
            // not pass for the CCPA opt-in.
            let described = ctx.sentences_about(&["16"]).any(|s| {
                s.contains("16")
                    && (s.contains("sell") || s.contains("sale") || s.contains("shar"))
                    && OPT_IN.iter().any(|w| s.contains(w))
            });
            if described {
                return;
            }
            let c = children.map_or(span, |c| c.spans.sells_under_16.unwrap_or(c.span));
            out.push(
                finding(
                    c,
                    "the business sells or shares the information of consumers under 16, but the notice does not describe how they opt in",
                )
                .with_label("`sells_under_16 yes`")
                .with_secondary(span, word)
                .with_help(
                    "describe the opt-in, e.g. \"we sell or share the personal information of \
                     consumers we know to be under 16 only if they (aged 13 to 15) or their parent \
                     (under 13) have opted in, and they may opt out at any time\"",
                ),
            );
        }
    }
}
