//! What the Maryland Online Data Privacy Act adds to the rules every state
//! law has: a controller may not sell sensitive data at all (Md. Code, Com.
//! Law §14-4707(a)(2)); consent does not make such a sale lawful, unlike
//! the other state laws, where `*::sensitive-consent` asks for consent. It
//! may not sell, nor target advertising with, the data of a consumer it
//! knew or should have known to be under 18 (§14-4707(a)(4)-(5)), and it
//! processes sensitive data only where strictly necessary to provide a
//! product or service the consumer requested (§14-4707(a)(1)).

use crate::check::context::Ctx;
use crate::check::{Rule, finding, rule};
use crate::diagnostic::Diagnostic;
use crate::law::states::StateLaw;

pub(super) const RULES: &[Rule] = &[
    rule!(maryland::"sensitive-sale", Error,
        summary: "a Maryland controller does not sell sensitive data",
        citation: "Md. Code, Com. Law §14-4707(a)(2)",
        since: "2025-10-01",
        explanation: "\
        A controller may not sell sensitive data (Md. Code, Com. Law §14-4707(a)(2)): the ban is \
        absolute, and the consumer's consent does not lift it. candor finds the sale from the facts: \
        a collected category whose items include sensitive data under Maryland law (the items' \
        `sensitive` kinds; or data about a known child, a category whose `subjects` or data sets' \
        subjects say `children yes`) and a third party that gives money or other valuable \
        consideration for it and is not a processor, an affiliate or an acquirer. The fix is to stop \
        the sale for Maryland consumers: state `consideration none` for that third party, or take the \
        sensitive items out of what it receives.",
        check: sensitive_sale,
    ),
    rule!(maryland::"minors", Error,
        summary: "a Maryland controller neither sells nor targets advertising with the data of consumers under 18",
        citation: "Md. Code, Com. Law §14-4707(a)(4)-(5)",
        since: "2025-10-01",
        explanation: "\
        A controller may not process a consumer's personal data for targeted advertising, nor sell \
        it, if it knew or should have known that the consumer is under 18 (Md. Code, Com. Law \
        §14-4707(a)(4)-(5)). Unlike the teen rules of New Jersey or Minnesota, consent does not lift \
        the ban. candor reports what the facts show: the `children` declaration's `sells_under_16 \
        yes` (the business sells or shares the information of consumers under 16, all of them under \
        18), and a category or data set about children (`subjects` whose group says `children yes`) \
        that is sold under Maryland's definition or used for targeted advertising (a purpose that \
        says `targeted_advertising yes`, or a third party that does).",
        check: minors,
    ),
    rule!(maryland::"strict-necessity", Error,
        summary: "Maryland sensitive data is processed only where strictly necessary for a product the consumer requested",
        citation: "Md. Code, Com. Law §14-4707(a)(1)",
        since: "2025-10-01",
        explanation: "\
        A controller may not collect, process or share sensitive data except where that is strictly \
        necessary to provide or maintain a specific product or service the consumer requested (Md. \
        Code, Com. Law §14-4707(a)(1)); consent does not widen the limit. Targeted advertising is \
        never a product the consumer requested, so candor reports a data set covered by Maryland's \
        law that holds sensitive data under its list (the items' `sensitive` kinds) and serves a \
        purpose that says `targeted_advertising yes`, and a category holding such data that goes to \
        a third party that uses it for targeted advertising. Whether another purpose is strictly \
        necessary is for a person to judge; the rule does not guess.",
        check: strict_necessity,
    ),
];

fn sensitive_sale(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = super::state(ctx) else {
        return;
    };
    let p = ctx.policy;
    for (c, t) in law.sold_categories(p) {
        let about_children = law.category_about_children(p, c);
        let Some(item) = c
            .items
            .iter()
            .find(|i| about_children || law.sensitive_on(p.get(*i), ctx.today))
        else {
            continue;
        };
        out.push(
            finding(
                t.span(),
                format!(
                    "the category `{}` holds sensitive data (`{}`) and is sold to `{}`, which Maryland law forbids",
                    c.id,
                    item.id(),
                    t.id()
                ),
            )
            .with_label("a sale of sensitive data")
            .with_secondary(item.span(), "sensitive data under Maryland law")
            .with_help(
                "a controller may not sell sensitive data, even with consent (Md. Code, Com. Law \
                 §14-4707(a)(2)): stop the sale for Maryland consumers, e.g. `consideration none` \
                 for this third party, or keep the sensitive items out of the category it receives",
            ),
        );
    }
}

fn minors(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = super::state(ctx) else {
        return;
    };
    let p = ctx.policy;
    if let Some(children) = p.children.iter().find(|c| c.sells_under_16 == Some(true)) {
        out.push(
            finding(
                children.spans.sells_under_16.unwrap_or(children.span),
                "the business sells or shares the information of consumers under 16, which Maryland law forbids for anyone under 18, consent or not",
            )
            .with_label("`sells_under_16 yes`")
            .with_help(
                "stop selling, and using for targeted advertising, the data of Maryland consumers \
                 known (or who should be known) to be under 18 (Md. Code, Com. Law \
                 §14-4707(a)(4)-(5)), and say `sells_under_16 no`",
            ),
        );
        return;
    }
    for c in law.collected(p) {
        let about_minors = c.subjects.iter().any(|r| p.get(r).children == Some(true))
            || c.datasets
                .iter()
                .any(|d| StateLaw::about_children(p, p.get(d)));
        if !about_minors {
            continue;
        }
        let sold = law.sold_to(p, c).first().copied();
        let advertiser = c
            .third_parties
            .iter()
            .find(|t| p.get(*t).targeted_advertising == Some(true));
        let purpose = c
            .purposes
            .iter()
            .find(|r| p.get(*r).targeted_advertising == Some(true));
        let (what, span, label) = match (sold, advertiser, purpose) {
            (Some(t), _, _) => ("is sold to", t.span(), format!("`{}` buys it", t.id())),
            (None, Some(t), _) => (
                "is used for targeted advertising by",
                t.span(),
                format!("`{}` advertises with it", t.id()),
            ),
            (None, None, Some(r)) => (
                "is used for targeted advertising by",
                r.span(),
                format!("`{}` is targeted advertising", r.id()),
            ),
            (None, None, None) => continue,
        };
        let by = label.split('`').nth(1).unwrap_or_default().to_owned();
        out.push(
            finding(
                span,
                format!(
                    "the category `{}` is about minors and {what} `{by}`, which Maryland law forbids for consumers under 18",
                    c.id
                ),
            )
            .with_label(label)
            .with_help(
                "a controller may not sell, nor process for targeted advertising, the personal \
                 data of a consumer it knew or should have known to be under 18 (Md. Code, Com. \
                 Law §14-4707(a)(4)-(5)): keep minors' data out of it for Maryland consumers",
            ),
        );
    }
}

fn strict_necessity(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = super::state(ctx) else {
        return;
    };
    let p = ctx.policy;
    for d in law.datasets(p) {
        let Some(item) = d
            .collects
            .iter()
            .map(|i| p.get(i))
            .find(|i| law.sensitive_on(i, ctx.today))
        else {
            continue;
        };
        let Some(purpose) = d
            .purposes
            .iter()
            .find(|r| p.get(*r).targeted_advertising == Some(true))
        else {
            continue;
        };
        out.push(
            finding(
                purpose.span(),
                format!(
                    "the data set `{}` holds sensitive data (`{}`) and serves the targeted advertising purpose `{}`, which Maryland law does not allow",
                    d.id,
                    item.id,
                    purpose.id()
                ),
            )
            .with_label("not strictly necessary for a product the consumer requested")
            .with_secondary(item.span, "sensitive data under Maryland law")
            .with_help(
                "process sensitive data only where strictly necessary to provide or maintain a \
                 product or service the consumer requested (Md. Code, Com. Law §14-4707(a)(1)): \
                 keep it out of targeted advertising for Maryland consumers",
            ),
        );
    }
    for c in law.collected(p) {
        let Some(item) = c
            .items
            .iter()
            .map(|i| p.get(i))
            .find(|i| law.sensitive_on(i, ctx.today))
        else {
            continue;
        };
        let Some(t) = c
            .third_parties
            .iter()
            .find(|t| p.get(*t).targeted_advertising == Some(true))
        else {
            continue;
        };
        out.push(
            finding(
                t.span(),
                format!(
                    "the category `{}` holds sensitive data (`{}`) and goes to `{}`, which uses it for targeted advertising: Maryland law does not allow it",
                    c.id,
                    item.id,
                    t.id()
                ),
            )
            .with_label("shared for targeted advertising")
            .with_secondary(item.span, "sensitive data under Maryland law")
            .with_help(
                "share sensitive data only where strictly necessary to provide or maintain a \
                 product or service the consumer requested (Md. Code, Com. Law §14-4707(a)(1))",
            ),
        );
    }
}
