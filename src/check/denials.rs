//! Prose that contradicts the facts: a sentence that denies selling or
//! sharing, published beside a CCPA row that the notice itself prints as
//! sold or shared (stated, or derived from its third parties). Both are
//! published, and a reader cannot tell which is true.

use crate::diagnostic::Diagnostic;
use crate::model::CcpaCategory;
use crate::text;

use super::context::{Ctx, and_list};
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[rule!(ccpa::"prose-denial", Error,
    summary: "the prose does not deny a sale or sharing that the CCPA table prints",
    citation: "Cal. Civ. Code §1798.130(a)(5)(C); Cal. Code Regs. tit. 11, §7011",
    since: "2020-01-01",
    explanation: "\
    The privacy policy states whether the business sells or shares personal information \
    (§1798.130(a)(5)(C), §7011). A sentence such as \"we do not sell or share your \
    personal information\" published beside a row that the table prints as sold or shared (its \
    `sold yes` or `shared yes`, or what its third parties' facts make of it: a buyer that pays, \
    an ad network that advertises with the data) says two opposite things, and the denial is the \
    one a reader remembers. candor reads each sentence of the prose: one that \
    denies selling (or sharing) outright, not only for some people or some data (\"of consumers \
    under 16\", \"sensitive personal information\", \"unless you opt in\"), is reported with \
    the row it contradicts. The fix is to make the two agree: correct the prose, or the row and \
    its third parties.",
    check: prose_denial,
)];

/// Words that narrow a denial to some people, some data or some
/// circumstances, or make it a choice offered to the reader: such a
/// sentence does not deny every sale.
const NARROWED: &[&str] = &[
    "under ",
    "child",
    "minor",
    "teen",
    "years old",
    "age of",
    "aged ",
    "sensitive",
    "health",
    "biometric",
    "precise geolocation",
    "unless",
    "without your consent",
    "without consent",
    "without your permission",
    "except",
    "other than",
    "for money",
    "for monetary",
    "in exchange for money",
    // A choice offered to the reader, not a statement of fact: "you may
    // tell us not to sell or share your personal information".
    "you may",
    "you can",
    "you have the right",
    "right to",
    "tell us",
    "ask us",
    "direct us",
    "opt out",
    "opt-out",
    "request",
];

/// The opt-out link's titles (Cal. Civ. Code §1798.135(a)), normalised.
const LINK_TITLES: &[&str] = &[
    "do not sell or share my personal information",
    "do not sell or share my personal data",
    "do not sell or share my info",
    "do not sell my personal information",
    "do not sell my personal data",
    "do not sell my info",
    "do not share my personal information",
];

fn prose_denial(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let rows: Vec<&CcpaCategory> = ctx.collected_rows().collect();
    let sold = rows.iter().copied().find(|c| ctx.sold(c) == Some(true));
    let shared = rows.iter().copied().find(|c| ctx.shared(c) == Some(true));
    if sold.is_none() && shared.is_none() {
        return;
    }
    for prose in ctx.prose {
        if !text::mentions_any(prose.text, &["sell", "sold", "sale", "shar"]) {
            continue;
        }
        let (mut sell_reported, mut share_reported) = (false, false);
        for sentence in text::sentences(prose.text) {
            if NARROWED.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            // The title of the opt-out link ("Do Not Sell or Share My
            // Personal Information") names a choice; it denies nothing.
            let sentence = LINK_TITLES
                .iter()
                .fold(sentence, |s, title| s.replace(title, "the opt-out link"));
            // What the sentence denies that the table prints: (row, word).
            let mut hits: Vec<(&CcpaCategory, &str)> = Vec::new();
            if let Some(row) = sold
                && !sell_reported
                && text::denies(&sentence, &["sell", "sold", "sale"])
            {
                sell_reported = true;
                hits.push((row, "sold"));
            }
            if let Some(row) = shared
                && !share_reported
                && text::denies(&sentence, &["share", "shared", "sharing"])
            {
                share_reported = true;
                hits.push((row, "shared"));
            }
            let Some(&(first, _)) = hits.first() else {
                continue;
            };
            let words: Vec<&str> = hits.iter().map(|(_, w)| *w).collect();
            let words = words.join(" and ");
            let rows: Vec<String> = hits.iter().map(|(r, _)| format!("`{}`", r.id)).collect();
            let mut rows_named: Vec<String> = Vec::new();
            for r in rows {
                if !rows_named.contains(&r) {
                    rows_named.push(r);
                }
            }
            let mut d = finding(
                prose.span,
                format!(
                    "the {} says \"{sentence}\", but the CCPA table prints {} as {words}",
                    prose.owner(),
                    and_list(&rows_named)
                ),
            )
            .with_label(format!("denies that personal information is {words}"));
            for (row, word) in &hits {
                d = with_fact(d, ctx, row, word);
            }
            out.push(d.with_help(format!(
                "make the two agree: if personal information is {words}, say so in the prose (and \
                 offer the opt-out); if it is not, correct `{}` and its third parties",
                first.id
            )));
        }
    }
}

/// Points at what makes the row sold or shared: its own `sold yes` or
/// `shared yes`, else the third party whose facts derive it.
fn with_fact(d: Diagnostic, ctx: &Ctx<'_>, row: &CcpaCategory, word: &str) -> Diagnostic {
    let stated = if word == "sold" {
        row.spans.sold.filter(|_| row.sold == Some(true))
    } else {
        row.spans.shared.filter(|_| row.shared == Some(true))
    };
    if let Some(span) = stated {
        return d.with_secondary(span, format!("`{word} yes`"));
    }
    let disclosures = crate::law::ccpa::disclosures(ctx.policy, row);
    let third_party = if word == "sold" {
        disclosures.sold_to.first().copied()
    } else {
        disclosures.shared_with.first().copied()
    };
    match third_party {
        Some(t) => d.with_secondary(t.span(), format!("`{}` makes `{}` {word}", t.id(), row.id)),
        None => d.with_secondary(row.span, word.to_owned()),
    }
}
