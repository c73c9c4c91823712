//! The Connecticut Data Privacy Act as amended by Public Act 25-113 (SB
//! 1295), in force from 1 July 2026, where it asks the notice for something
//! the other states do not: a statement whether personal data is used to
//! train large language models. The state rules every law shares are in
//! `states.rs`.

use crate::diagnostic::Diagnostic;
use crate::model::PolicyDate;
use crate::model::words::Jurisdiction;

use super::context::Ctx;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[rule!(connecticut::"llm-training", Warning,
    summary: "the Connecticut notice says whether personal data is used to train large language models",
    citation: "Conn. Gen. Stat. §42-520(c), as amended by Conn. Pub. Act 25-113 (SB 1295), effective 1 July 2026",
    since: "2026-07-01",
    explanation: "\
    From 1 July 2026 the privacy notice of a controller under the Connecticut Data Privacy Act \
    includes a statement disclosing whether the controller collects, uses or sells personal data \
    for the purpose of training large language models (Conn. Gen. Stat. §42-520(c) as amended by \
    Public Act 25-113). The statement is owed either way: a controller that does not train one \
    says so. candor takes the controller's `llm_training yes` or `no`, which `insert controller` \
    prints, or else a sentence of the notice's prose that mentions large language models (or \
    LLMs); it cannot tell whether the statement is true, only that it is there. Before 1 July \
    2026 (`--today`) the rule finds nothing.",
    check: llm_training,
)];

/// The day Public Act 25-113 took effect.
const AMENDMENTS_FROM: PolicyDate = PolicyDate {
    year: 2026,
    month: 7,
    day: Some(1),
};

fn llm_training(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx
        .law
        .is_none_or(|l| l.jurisdiction != Jurisdiction::Connecticut)
        || ctx.today.day_number() < AMENDMENTS_FROM.day_number()
    {
        return;
    }
    let stated = ctx
        .policy
        .controller
        .as_ref()
        .is_some_and(|c| c.llm_training.is_some());
    if stated
        || ctx
            .sentences_about(&["large language model", "LLM"])
            .next()
            .is_some()
    {
        return;
    }
    out.push(
        finding(
            ctx.policy.span,
            "the notice does not say whether personal data is collected, used or sold to train large language models (Connecticut)",
        )
        .with_label("no statement on large language models")
        .with_help(
            "state it on the controller, `llm_training no` (or `yes`), which `insert controller` \
             prints; or in the prose, e.g. `text \"We do not collect, use or sell personal data to \
             train large language models.\"`",
        ),
    );
}
