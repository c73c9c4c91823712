//! What the Maryland Online Data Privacy Act adds to the rules every state
//! law has: a controller may not sell sensitive data at all (Md. Code, Com.
//! Law §14-4707(a)(2)); consent does not make such a sale lawful, unlike
//! the other state laws, where `*::sensitive-consent` asks for consent.

use crate::check::context::Ctx;
use crate::check::{Rule, finding, rule};
use crate::diagnostic::Diagnostic;

pub(super) const RULES: &[Rule] = &[rule!(maryland::"sensitive-sale", Error,
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
)];

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
