//! What the Minnesota Consumer Data Privacy Act adds to the rules every
//! state law has: a consumer whose personal data is profiled in furtherance
//! of decisions with legal or similarly significant effects may question
//! the result, be told the reason and what could have secured a different
//! decision, review the data used, and have the decision reevaluated when
//! it rested on inaccurate data (Minn. Stat. §325M.14 subd. 1(g)).

use crate::check::context::Ctx;
use crate::check::{Rule, finding, rule};
use crate::diagnostic::Diagnostic;
use crate::law::states;
use crate::model::words::RightKind;

pub(super) const RULES: &[Rule] = &[rule!(minnesota::"question-profiling", Warning,
    summary: "a Minnesota business that profiles for significant decisions describes the right to question the result",
    citation: "Minn. Stat. §325M.14 subd. 1(g)",
    since: "2025-07-31",
    explanation: "\
    If a consumer's personal data is profiled in furtherance of decisions that produce legal or \
    similarly significant effects, the consumer has the right to question the result, to be \
    told the reason for the decision and, if feasible, what they might have done, and might do, \
    to secure a different one, to review the personal data used, and, if the decision rested on \
    inaccurate data, to have the data corrected and the decision reevaluated (Minn. Stat. \
    §325M.14 subd. 1(g)). No other state law grants it. candor asks for it when a purpose says \
    `automated_decisions yes` and the Minnesota rights have no `right question_profiling`.",
    check: question_profiling,
)];

fn question_profiling(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, block)) = super::state(ctx) else {
        return;
    };
    let Some(purpose) = states::significant_profiling(law, ctx.policy) else {
        return;
    };
    if block.is_some_and(|b| {
        b.rights
            .iter()
            .any(|r| r.kind == RightKind::QuestionProfiling)
    }) {
        return;
    }
    let mut d = finding(
        purpose.span,
        format!(
            "the purpose `{}` makes decisions with legal or similarly significant effects, but the Minnesota rights do not describe the right to question the result",
            purpose.id
        ),
    )
    .with_label("profiling for significant decisions")
    .with_help(
        "add `right question_profiling \"Right to question a profiling decision\" { text \"...\" }` \
         to the Minnesota rights: how to question the result, learn the reason and what could \
         change it, review the data used, and have the decision reevaluated after a correction \
         (Minn. Stat. §325M.14 subd. 1(g))",
    );
    if let Some(b) = block {
        d = d.with_secondary(b.span, "the Minnesota rights");
    }
    out.push(d);
}
