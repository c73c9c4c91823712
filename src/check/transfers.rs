//! Transfers of personal data outside the EEA (GDPR Chapter V, and what
//! Art. 13(1)(f) asks the notice to say about them). These rules run when
//! the policy declares `gdpr` or `uk_gdpr`.

use crate::diagnostic::Diagnostic;
use crate::model::words::{Region, Safeguard};

use super::context::{Ctx, and_list};
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"transfer-safeguard", Error,
        summary: "a transfer outside the EEA names its safeguard",
        citation: "GDPR Art. 13(1)(f), Art. 14(1)(f), Art. 44-49",
        since: "2018-05-25",
        explanation: "\
    Personal data may leave the EEA (or the UK) only to a country with an adequacy decision (Art. \
    45), under appropriate safeguards (Art. 46: standard contractual clauses, certification, codes \
    of conduct; Art. 47: binding corporate rules), or under a derogation (Art. 49). The notice must \
    say which (Art. 13(1)(f)): a `transfer` needs `safeguards`.",
        check: transfer_safeguard,
    ),
    rule!(gdpr::"transfer-copy", Warning,
        summary: "a transfer under Art. 46/47 safeguards says how to obtain a copy of them",
        citation: "GDPR Art. 13(1)(f), Art. 14(1)(f)",
        since: "2018-05-25",
        explanation: "\
    When data is transferred under standard contractual clauses, binding corporate rules, a \
    certification or a code of conduct, the notice must give \"the means by which to obtain a copy \
    of them or where they have been made available\" (Art. 13(1)(f)). A transfer with such a \
    safeguard needs `copy \"...\"` (\"write to privacy@example.com for a copy of the clauses\"). An \
    adequacy decision or a derogation needs no copy.",
        check: transfer_copy,
    ),
    rule!(gdpr::"transfer-destination", Warning,
        summary: "a transfer names the countries the data goes to",
        citation: "GDPR Art. 13(1)(f), Art. 14(1)(f)",
        since: "2018-05-25",
        explanation: "\
    The notice must state the controller's intention to transfer data to a third country (Art. \
    13(1)(f)), and the EDPB's transparency guidelines ask for the third countries to be named. A \
    `transfer` needs `to \"...\"` naming them: \"countries without an adequacy decision\" or \
    \"outside the EEA\" describes a legal situation, not a destination a person can weigh.",
        check: transfer_destination,
    ),
    rule!(gdpr::"transfer-undeclared", Warning,
        summary: "a recipient located outside the EEA comes with a declared transfer",
        citation: "GDPR Art. 13(1)(f), Art. 14(1)(f), Art. 44",
        since: "2018-05-25",
        explanation: "\
    Disclosing data to a recipient in a third country is a transfer (Art. 44), and the notice must \
    say so, with its safeguard (Art. 13(1)(f)). A `vendor` or `recipient` whose `location` names a \
    country outside the EEA (the United States, India, ...) while no `transfer` names that \
    country, or any country, leaves a transfer unstated.",
        check: transfer_undeclared,
    ),
];

/// Whether a destination names a place candor's list of third countries
/// lacks: a capitalised word that is not a description ("Countries",
/// "European", "EEA"). Generous on purpose: a rule that reports "Norway
/// and Kenya" as naming nothing would be a false alarm.
fn names_a_place(to: &str) -> bool {
    const NOT_PLACES: &[&str] = &[
        "Countries",
        "Country",
        "European",
        "Europe",
        "EEA",
        "EU",
        "Union",
        "Economic",
        "Area",
        "Commission",
        "The",
        "Outside",
        "Other",
        "Third",
        "Adequacy",
        "Standard",
        "Contractual",
        "Clauses",
        "We",
        "Our",
        "Personal",
        "Data",
        "Kingdom",
    ];
    to.split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && !NOT_PLACES.contains(&w))
}

fn transfer_undeclared(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let covered = |country: &str| {
        p.transfers.iter().any(|t| {
            [t.to.as_deref(), t.text.as_deref()]
                .into_iter()
                .flatten()
                .any(|x| third_country(x) == Some(country))
        })
    };
    let located = p
        .vendors
        .iter()
        .map(|v| {
            (
                v.location.as_deref(),
                v.spans.location,
                v.span,
                "vendor",
                v.id.as_str(),
            )
        })
        .chain(
            p.recipients
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    // A recipient only flows the law does not reach send data to
                    // (`regions us`) receives nothing from its people.
                    let mut naming = p
                        .datasets
                        .iter()
                        .filter(|d| d.recipients.iter().any(|r| r.index() == *i))
                        .peekable();
                    naming.peek().is_none() || naming.any(|d| ctx.reaches(d))
                })
                .map(|(_, r)| {
                    (
                        r.location.as_deref(),
                        r.spans.location,
                        r.span,
                        "recipient",
                        r.id.as_str(),
                    )
                }),
        );
    for (location, location_span, span, kind, id) in located {
        let Some(country) = location.and_then(third_country) else {
            continue;
        };
        // A transfer with no destination, or one that names no country,
        // is reported by `gdpr::transfer-destination`; the fix there covers
        // this recipient too.
        let vague = p.transfers.iter().any(|t| {
            t.to.as_deref()
                .is_none_or(|to| third_country(to).is_none() && !names_a_place(to))
        });
        if covered(country) || vague {
            continue;
        }
        let message = if p.transfers.is_empty() {
            format!("{kind} `{id}` is located in {country}, but the notice declares no transfer")
        } else {
            format!("{kind} `{id}` is located in {country}, but no transfer names it")
        };
        out.push(
            finding(location_span.unwrap_or(span), message)
                .with_label(format!("in {country}"))
                .with_help(format!(
                    "declare the transfer, e.g. `transfer to_us \"Transfers to {country}\" {{ to \"{country}\" safeguards ... }}`, \
                     with its safeguard (an adequacy decision such as the EU-US Data Privacy Framework, \
                     standard contractual clauses, ...)"
                )),
        );
    }
}

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
        Safeguard::Idta => "the UK International Data Transfer Agreement",
        Safeguard::UkAddendum => "the UK Addendum to the standard contractual clauses",
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

/// Countries outside the EEA a notice may name, as written in lower case,
/// with the name the message uses. Not every country: enough to tell a
/// destination from a description, and to spot common recipients' homes.
const THIRD_COUNTRIES: &[(&str, &str)] = &[
    ("united states", "the United States"),
    ("u.s.", "the United States"),
    ("usa", "the United States"),
    ("america", "the United States"),
    ("canada", "Canada"),
    ("mexico", "Mexico"),
    ("brazil", "Brazil"),
    ("argentina", "Argentina"),
    ("india", "India"),
    ("israel", "Israel"),
    ("china", "China"),
    ("hong kong", "Hong Kong"),
    ("japan", "Japan"),
    ("korea", "South Korea"),
    ("singapore", "Singapore"),
    ("philippines", "the Philippines"),
    ("australia", "Australia"),
    ("new zealand", "New Zealand"),
    ("switzerland", "Switzerland"),
    ("ukraine", "Ukraine"),
    ("russia", "Russia"),
    ("turkey", "Turkey"),
    ("south africa", "South Africa"),
    ("united arab emirates", "the United Arab Emirates"),
    ("serbia", "Serbia"),
    ("vietnam", "Vietnam"),
    ("malaysia", "Malaysia"),
];

/// The third country a text names, if any: a whole word or phrase, so that
/// "business" does not read as "usa".
fn third_country(text: &str) -> Option<&'static str> {
    let t = format!(" {} ", super::text::normalize(text));
    THIRD_COUNTRIES.iter().find_map(|(word, name)| {
        t.match_indices(word)
            .any(|(i, _)| {
                let before = t[..i].chars().next_back();
                let after = t[i + word.len()..].chars().next();
                !before.is_some_and(|c| c.is_ascii_alphanumeric())
                    && !after.is_some_and(|c| c.is_ascii_alphanumeric())
            })
            .then_some(*name)
    })
}

fn transfer_destination(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for t in &ctx.policy.transfers {
        if let Some(to) = &t.to
            && leaves_gdpr_area(t.from)
            && third_country(to).is_none()
            && !names_a_place(to)
        {
            out.push(
                finding(
                    t.spans.to.unwrap_or(t.span),
                    format!(
                        "transfer `{}` describes where the data goes without naming a country",
                        t.id
                    ),
                )
                .with_label("no country named")
                .with_help(
                    "name the third countries, e.g. `to \"the United States and Israel\"`; where \
                     the list changes, name the main ones and say where the full list is",
                ),
            );
        }
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
