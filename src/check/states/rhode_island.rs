//! What the Rhode Island Data Transparency and Privacy Protection Act adds
//! to the rules every state law has: a controller that sells customers'
//! personally identifiable information identifies, in its notice, every
//! third party it has sold or may sell it to (R.I. Gen. Laws
//! §6-48.1-3(a)(2)): the buyers themselves, not categories of them.

use crate::check::context::Ctx;
use crate::check::{Rule, finding, rule};
use crate::diagnostic::Diagnostic;

pub(super) const RULES: &[Rule] = &[rule!(rhode_island::"buyers-named", Error,
    summary: "a Rhode Island notice names every third party personal data is sold to",
    citation: "R.I. Gen. Laws §6-48.1-3(a)(2)",
    since: "2026-01-01",
    explanation: "\
    A controller that collects, stores and sells customers' personally identifiable information \
    must identify all third parties to whom it has sold or may sell it (R.I. Gen. Laws \
    §6-48.1-3(a)(2)), where customers can see it. A category (\"partner brands\", \"data \
    brokers\") identifies no one. candor reads the buyers from the facts (a third party that \
    gives money or other valuable consideration for a category of personal data, not a \
    processor, an affiliate or an acquirer) and asks each for the companies it stands for: \
    `vendor ... { recipient THIRD_PARTY }` declarations, which `insert state_rights` lists under \
    Rhode Island.",
    check: buyers_named,
)];

fn buyers_named(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = super::state(ctx) else {
        return;
    };
    if law.buyers_named_cite.is_empty() {
        return;
    }
    for (t, named) in law.buyers(ctx.policy) {
        if !named.is_empty() {
            continue;
        }
        out.push(
            finding(
                t.span(),
                format!(
                    "`{}` buys personal data, but the notice names none of the companies it stands for, as Rhode Island law asks",
                    t.id()
                ),
            )
            .with_label("which companies?")
            .with_help(format!(
                "declare each buyer, e.g. `vendor acme \"Acme Outdoors, Inc.\" {{ recipient {} }}`: \
                 the notice must identify all third parties to whom personal data has been or may \
                 be sold (R.I. Gen. Laws §6-48.1-3(a)(2))",
                t.id()
            )),
        );
    }
}
