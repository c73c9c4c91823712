//! The US state privacy laws of `law/declarations.rs`. One family of rules per law (`virginia::appeal`), so that a
//! finding names the one statute it applies, a policy can allow a finding
//! for one state without silencing the others, and `candor rules` groups
//! the rules by law. The checks are shared: each reads the law it runs for
//! (`Ctx::law`) and derives that law's labels from the disclosure facts
//! (`law::states`). These rules run when the policy declares the state.

use crate::diagnostic::Diagnostic;
use crate::law::signals::SignalStatement;
use crate::law::states::{self, StateLaw};
use crate::model::RightsBlock;
use crate::model::words::{RightKind, SensitiveKind, Word};

use super::context::{Ctx, and_list};
use super::{Rule, finding, rule};

mod consent;
mod maryland;
mod minnesota;
mod rhode_island;

/// A rule every state law has: like `rule!`, with the law's word as a
/// literal (its fixtures are `tests/fixtures/rules/<word>/<name>.*.policy`).
macro_rules! state_rule {
    (
        $word:literal :: $name:literal,
        $severity:ident,
        summary: $summary:expr,
        citation: $citation:expr,
        since: $since:literal,
        explanation: $explanation:expr,
        check: $check:expr $(,)?
    ) => {
        Rule::new(
            concat!($word, "::", $name),
            crate::diagnostic::Severity::$severity,
            crate::law::Family::of_word($word),
            [$summary, $citation, $explanation],
            [Some(crate::law::day($since)), None],
            [
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/rules/",
                    $word,
                    "/",
                    $name,
                    ".fail.policy"
                )),
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/rules/",
                    $word,
                    "/",
                    $name,
                    ".pass.policy"
                )),
            ],
            $check,
        )
    };
}

/// The rules every state law has, each citing its own declaration
/// (`law/declarations.rs`): `rights-block`, `rights`, `request-methods`,
/// `notice-contents`, `opt-out`, and `appeal` and `sensitive-consent` where
/// the law has them.
macro_rules! state_rules {
    ($(
        $variant:ident = $word:literal {
            state: $state:literal,
            act: $act:literal,
            code: $code:literal,
            in_force: $in_force:literal,
            applies: $applies:literal, $thresholds:literal,
            consumer: $consumer:literal,
            sale: $sale_def:literal, other_value: $other_value:literal,
            sensitive: $sensitive:literal,
            kinds: [$($kind:ident),* $(,)?],
            kinds_from: [$(($later:ident, $from:literal)),* $(,)?],
            children: $children:literal,
            rights: $rights:literal,
            correct_from: [$($correct:literal)?],
            profiling_opt_out: $profiling:literal,
            targeted_opt_out: $targeted:literal,
            third_party_list: [$($list:literal)?],
            signals: [$($signals:literal, $signals_from:literal)?],
            opt_out_link: [$($link:literal)?],
            notice: $notice:literal,
            disclose_sale: $sale:literal,
            requests: $requests:literal,
            last_updated: [$($last_updated:literal)?],
            appeal: [$($appeal:literal)?],
            consent: [$($consent:literal)?],
            sensitive_opt_out: [$($sensitive_opt_out:literal)?],
            minors: [$($minors:ident, $minors_from:literal, $minors_to:literal, $minors_cite:literal)?],
            buyers_named: [$($buyers:literal)?],
        }
    )*) => {
        /// The rules every state law has, law by law.
        const GENERIC: &[&[Rule]] = &[$(&[
            state_rule!($word::"rights-block", Error,
                summary: concat!("a policy declaring ", $state, " describes the ", $state, " consumer's rights"),
                citation: concat!($notice, "; ", $rights),
                since: $in_force,
                explanation: concat!("\
    The privacy notice must say how consumers may exercise their rights (", $notice, "), the \
    rights that ", $rights, " grants. That needs a `rights` declaration for the law: one with \
    `jurisdiction ", $word, "`, or a block of another law whose rights are the same \
    and which says `covers ", $word, "`."),
                check: rights_block,
            ),
            state_rule!($word::"rights", Warning,
                summary: concat!("the ", $state, " rights list access, correction, deletion and portability"),
                citation: $rights,
                since: $in_force,
                explanation: concat!("\
    ", $rights, " grants every consumer the rights to confirm processing and access the data, to \
    delete, and to obtain a portable copy, and (where the law grants it, from the day it began) to \
    correct inaccuracies; the privacy notice describes how to exercise them. candor accepts the \
    GDPR and CCPA kinds that say the same (`access` or `know`, `correct` or `rectification`, \
    `delete` or `erasure`, `portability`). The opt-outs are `", $word, "::opt-out`'s question: \
    they are owed in the notice when the business sells, targets advertising or profiles."),
                check: rights,
            ),
            state_rule!($word::"request-methods", Error,
                summary: concat!("the ", $state, " rights say by which means a request is made"),
                citation: $requests,
                since: $in_force,
                explanation: concat!("\
    The notice describes the means by which consumers submit requests (", $requests, "). The \
    rights block needs `request_methods` naming the contacts (a web form, an email address, a \
    phone number) that take requests."),
                check: request_methods,
            ),
            state_rule!($word::"notice-contents", Warning,
                summary: concat!("the notice gives the categories of personal data, their purposes and the categories of third parties (", $state, ")"),
                citation: $notice,
                since: $in_force,
                explanation: concat!("\
    The privacy notice lists the categories of personal data processed, the purpose of \
    processing, the categories shared with third parties and the categories of those third \
    parties (", $notice, "). candor reads the categories from the `ccpa` declarations, the \
    policy's categories of personal data under every law, and from the data sets: it reports a \
    notice with no category at all, a collected category with no purpose, and a category said to \
    be sold, shared or disclosed that names no category of third parties."),
                check: notice_contents,
            ),
            state_rule!($word::"opt-out", Error,
                summary: concat!("selling, targeted advertising and significant profiling come with their opt-out in the ", $state, " rights"),
                citation: concat!($sale, "; ", $rights, "; ", $sale_def),
                since: $in_force,
                explanation: concat!("\
    A controller that sells personal data or processes it for targeted advertising discloses it \
    clearly and conspicuously, with the manner in which consumers opt out (", $sale, "). The \
    sale is the law's own (", $sale_def, "): candor derives it from the third parties' \
    `consideration` and `kind` (`law::states`). Targeted advertising is a third party of a \
    collected category with `targeted_advertising yes`, or a purpose that says so. Where the \
    law grants an opt-out of profiling in furtherance of decisions with legal or similarly \
    significant effects, a purpose with `automated_decisions yes` calls for it too. Each needs \
    its right in the rights block: `opt_out` (sale), `opt_out_targeted`, `opt_out_profiling`."),
                check: opt_out,
            ),
            $(
            state_rule!($word::"appeal", Error,
                summary: concat!("the ", $state, " rights say how to appeal a refused request"),
                citation: $appeal,
                since: $in_force,
                explanation: concat!("\
    The controller establishes a process for consumers to appeal its refusal to act on a \
    request, and the privacy notice says how to appeal (", $appeal, "). The rights block needs \
    `appeal \"...\"` (how, and by when) or a right of kind `appeal`; `attorney_general \"...\"` \
    gives the attorney general's contact, which the answer to a denied appeal must give."),
                check: appeal,
            ),
            )?
            $(
            state_rule!($word::"third-party-list", Warning,
                summary: concat!("the ", $state, " rights include a list of the specific third parties data was disclosed to"),
                citation: $list,
                since: $in_force,
                explanation: concat!("\
    A ", $state, " consumer may obtain a list of the specific third parties to which the \
    controller has disclosed the consumer's personal data (or, where the controller does not \
    keep that per consumer, any consumers' personal data) (", $list, "). Unlike the \
    categories of third parties of the other state laws, this is named recipients, on request. \
    The notice describes how to exercise each right: the rights block needs a right of kind \
    `third_party_list` when any third party receives personal data."),
                check: third_party_list,
            ),
            )?
            $(
            state_rule!($word::"opt-out-signals", Error,
                summary: concat!("a controller that sells or targets advertising under ", $state, " law says how it honours opt-out preference signals, and does not refuse them"),
                citation: $signals,
                since: $signals_from,
                explanation: concat!("\
    From ", $signals_from, " a controller must let consumers opt out of the sale of personal data \
    and of targeted advertising through an opt-out preference signal, such as Global Privacy \
    Control sent by a browser or a device setting, and act on it (", $signals, "). When the \
    facts show a sale under ", $state, " law or targeted advertising, the rights block serving \
    ", $state, " needs `opt_out_signals \"...\"` naming the signal, what it does and what it \
    applies to (the browser, the device or the account); a text that says the signal is not \
    honoured is an error, since the law requires honouring it."),
                check: opt_out_signals,
            ),
            )?
            $(
            state_rule!($word::"opt-out-link", Error,
                summary: concat!("a controller that sells or targets advertising under ", $state, " law links to a web page where consumers opt out"),
                citation: $link,
                since: $in_force,
                explanation: concat!("\
    The means of making a request include a clear and conspicuous link on the controller's \
    website to a web page where the consumer, or an agent, can opt out of targeted advertising \
    or the sale of personal data (", $link, "). When the facts show a sale under ", $state, " \
    law or targeted advertising, candor asks the `request_methods` of the rights block serving \
    ", $state, " to name a contact with a `url`: the opt-out page."),
                check: opt_out_link,
            ),
            )?
            $(
            state_rule!($word::"sensitive-consent", Warning,
                summary: concat!("the ", $state, " sensitive data is processed with the consumer's consent"),
                citation: $consent,
                since: $in_force,
                explanation: concat!("\
    A controller does not process a consumer's sensitive data without the consumer's consent, nor \
    the personal data of a known child (under 13) without the consent of a parent or as COPPA \
    requires (", $consent, "). Sensitive data is ", $state, "'s own list (", $sensitive, "), \
    read from the items' `sensitive` kinds (`candor explain` lists the kinds this law counts, \
    and the day from which a kind an amendment added counts); a data set whose `subjects` \
    include a group with `children yes` holds a known child's data. candor reads the consent \
    from each data set the law reaches (subjects not in an employment or commercial \
    `context`): its `consent` for this law (`consent under ", $word, " { how \"...\" \
    withdraw \"...\" }`, or `consent` with no `under` for every state law), or a lawful basis \
    `consent` (or the Art. 9(2) condition `explicit_consent`) with no `when` condition. A GDPR \
    basis with a `when` condition holds only for the readers it names and does not count. It \
    reports a data set that collects sensitive data with neither, and an item of a collected \
    category that no such data set collects. The law's exemptions (a legal obligation, \
    security, a contract the consumer asked for) can still answer a finding: record them with \
    `allow`."),
                check: consent::sensitive_consent,
            ),
            )?
            $(
            state_rule!($word::"last-updated", Warning,
                summary: concat!("the notice says when it was last updated (", $state, ")"),
                citation: $last_updated,
                since: $in_force,
                explanation: concat!("\
    The privacy notice gives the date it was last updated, or took effect (", $last_updated, "), \
    so that a consumer can tell whether it changed since they last read it. The policy needs \
    `updated YYYY-MM-DD` in its `policy` declaration, which the notice prints."),
                check: last_updated,
            ),
            )?
            $(
            state_rule!($word::"sensitive-opt-out", Warning,
                summary: concat!("sensitive data processed without consent comes with a chance to opt out (", $state, ")"),
                citation: $sensitive_opt_out,
                since: $in_force,
                explanation: concat!("\
    ", $state, " does not ask for consent to process sensitive data; it asks that the consumer \
    first be presented with clear notice and an opportunity to opt out of the processing \
    (", $sensitive_opt_out, "). Sensitive data is ", $state, "'s own list (", $sensitive, "), read \
    from the items' `sensitive` kinds. candor reports a data set the law reaches that collects \
    sensitive data with no consent stated (`consent`, or a lawful basis `consent` or \
    `explicit_consent` with no `when` condition, which is more than the law asks) when the rights block serving ", $state, " offers no right of kind \
    `limit_sensitive`, the opportunity to opt out."),
                check: sensitive_opt_out,
            ),
            )?
        ]),*];
    };
}

crate::state_laws!(state_rules);

/// The rules that only one state has.
const SPECIFIC: &[Rule] = &[
    rule!(texas::"sensitive-sale-notice", Error,
        summary: "a Texas controller that sells sensitive data prints \"NOTICE: We may sell your sensitive personal data.\"",
        citation: "Tex. Bus. & Com. Code §541.102(b), §541.001",
        since: "2024-07-01",
        explanation: "\
    If a controller engages in the sale of personal data that is sensitive data, it includes the \
    notice \"NOTICE: We may sell your sensitive personal data.\", posted in the same location and \
    in the same manner as the privacy notice (§541.102(b)). candor finds the sale from the facts: \
    a collected category whose items include sensitive data under Texas law (racial or ethnic \
    origin, religious beliefs, health, sexuality, citizenship or immigration status, genetic or \
    biometric data, precise geolocation: the items' `sensitive` kinds; or data collected from a \
    known child, a category whose `subjects` or data sets' subjects say `children yes`) and a \
    third party that gives money or other valuable consideration for it and is not a processor, an affiliate or \
    an acquirer. The text of a section the notice prints (one the `outline` lists) must then hold \
    the sentence word for word.",
        check: texas_sensitive_notice,
    ),
    rule!(texas::"biometric-sale-notice", Error,
        summary: "a Texas controller that sells biometric data prints \"NOTICE: We may sell your biometric personal data.\"",
        citation: "Tex. Bus. & Com. Code §541.102(c)",
        since: "2024-07-01",
        explanation: "\
    If a controller engages in the sale of personal data that is biometric data, it includes the \
    notice \"NOTICE: We may sell your biometric personal data.\", posted in the same location and \
    in the same manner as the privacy notice (§541.102(c)). This is a second notice: a business \
    that sells biometric data prints both, since biometric data is also sensitive data. candor \
    reads biometric data from the items' `sensitive biometric` kind in a collected category that \
    a third party buys.",
        check: texas_biometric_notice,
    ),
    rule!(texas::"sensitive-categories", Warning,
        summary: "the Texas notice's categories include the sensitive data processed",
        citation: "Tex. Bus. & Com. Code §541.102(a)(1)",
        since: "2024-07-01",
        explanation: "\
    The privacy notice lists the categories of personal data processed, \"including, if \
    applicable, any sensitive data processed by the controller\" (§541.102(a)(1)). candor reports \
    an item that is sensitive data under Texas law, collected by a data set, that no collected \
    category lists among its `items`.",
        check: sensitive_categories,
    ),
    rule!(oregon::"sensitive-categories", Warning,
        summary: "the Oregon notice's categories include the categories of sensitive data processed",
        citation: "ORS 646A.578(4)(a), (4)(d)",
        since: "2024-07-01",
        explanation: "\
    The privacy notice lists the categories of personal data, including the categories of \
    sensitive data, that the controller processes, and those it shares with third parties (ORS \
    646A.578(4)(a), (d)). candor reports an item that is sensitive data under Oregon law, \
    collected by a data set, that no collected category lists among its `items`.",
        check: sensitive_categories,
    ),
    rule!(oregon::"contact-method", Error,
        summary: "the Oregon notice gives an email address or online method, actively monitored, to contact the controller",
        citation: "ORS 646A.578(4)(f)",
        since: "2024-07-01",
        explanation: "\
    The privacy notice specifies an electronic mail address or other online method by which a \
    consumer can contact the controller and that the controller actively monitors (ORS \
    646A.578(4)(f)). candor looks for an email address or web address on the controller or among \
    the Oregon rights' `request_methods`.",
        check: online_contact,
    ),
    rule!(oregon::"controller-identity", Error,
        summary: "the Oregon notice identifies the controller",
        citation: "ORS 646A.578(4)(g)",
        since: "2024-07-01",
        explanation: "\
    The privacy notice identifies the controller, including any business name under which it \
    registered with the Secretary of State and any assumed business name it uses in Oregon (ORS \
    646A.578(4)(g)). That needs a `controller` declaration; its display name should be the \
    registered name.",
        check: controller_identity,
    ),
    rule!(connecticut::"contact-method", Error,
        summary: "the Connecticut notice gives an active email address or other online mechanism to contact the controller",
        citation: "Conn. Gen. Stat. §42-520(c)(6)",
        since: "2023-07-01",
        explanation: "\
    The privacy notice includes an active electronic mail address or other online mechanism that \
    the consumer may use to contact the controller (§42-520(c)(6)). candor looks for an email \
    address or web address on the controller or among the Connecticut rights' \
    `request_methods`.",
        check: online_contact,
    ),
];

/// Every rule of the state laws, law by law.
pub(super) fn rules() -> impl Iterator<Item = &'static Rule> {
    GENERIC
        .iter()
        .flat_map(|rules| rules.iter())
        .chain(SPECIFIC)
        .chain(maryland::RULES)
        .chain(rhode_island::RULES)
        .chain(minnesota::RULES)
}

/// The state law the rules run for, and its rights block.
///
/// None when the law reaches no one the policy describes: when every data
/// set and every category of personal data is about people in an
/// employment or commercial context, whom the law's definition of consumer
/// leaves out (e.g. C.R.S. §6-1-1303(6)), its rules have nothing to judge.
fn state<'p>(ctx: &Ctx<'p>) -> Option<(&'static StateLaw, Option<&'p RightsBlock>)> {
    let law = ctx.law?;
    let state = StateLaw::of(law.jurisdiction)?;
    if !state.reaches_anyone(ctx.policy) {
        return None;
    }
    Some((state, law.rights_block(ctx.policy)))
}

fn has_right(block: &RightsBlock, kinds: &[RightKind]) -> bool {
    block.rights.iter().any(|r| kinds.contains(&r.kind))
}

fn rights_block(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, None)) = state(ctx) else {
        return;
    };
    let word = law.jurisdiction.word();
    out.push(
        finding(
            ctx.policy.span,
            format!(
                "the policy declares `{word}` but describes no {} consumer rights",
                law.state
            ),
        )
        .with_label(format!("no `rights` for `{word}`"))
        .with_help(format!(
            "add `rights ID \"{} Residents Rights\" {{ jurisdiction {word} ... }}` with the rights, \
             `request_methods` and `appeal`, or write `covers {word}` in a rights block whose \
             rights are the same",
            law.state
        )),
    );
}

fn rights(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, Some(block))) = state(ctx) else {
        return;
    };
    // The right to correct is owed from the day the law granted it (Utah's
    // from 1 July 2026), and not at all under a law that grants none.
    let correct_owed = law.correct_from.is_some_and(|from| from <= ctx.today);
    let wanted: [(&str, &[RightKind], bool); 4] = [
        ("access", &[RightKind::Access, RightKind::Know], true),
        (
            "correct",
            &[RightKind::Correct, RightKind::Rectification],
            correct_owed,
        ),
        ("delete", &[RightKind::Delete, RightKind::Erasure], true),
        ("portability", &[RightKind::Portability], true),
    ];
    let missing: Vec<String> = wanted
        .iter()
        .filter(|(_, kinds, owed)| *owed && !has_right(block, kinds))
        .map(|(w, _, _)| format!("`{w}`"))
        .collect();
    if missing.is_empty() {
        return;
    }
    out.push(
        finding(
            block.span,
            format!(
                "the rights block `{}` does not list the {} rights {}",
                block.id,
                law.state,
                and_list(&missing)
            ),
        )
        .with_label(format!("{} rights incomplete", law.state))
        .with_help(format!(
            "add `right KIND \"...\" {{ text \"...\" }}` for {} ({})",
            and_list(&missing),
            law.rights_cite
        )),
    );
}

fn request_methods(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, Some(block))) = state(ctx) else {
        return;
    };
    if !block.request_methods.is_empty() {
        return;
    }
    out.push(
        finding(
            block.span,
            format!(
                "the rights block `{}` does not say how {} consumers make a request",
                block.id, law.state
            ),
        )
        .with_label("no `request_methods`")
        .with_help(
            "add `request_methods CONTACT, ...` naming the web form, email address or phone \
             number that takes requests",
        ),
    );
}

fn notice_contents(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = state(ctx) else {
        return;
    };
    let p = ctx.policy;
    let categories: Vec<_> = law.collected(p).collect();
    let datasets_collect = law.datasets(p).any(|d| !d.collects.is_empty());
    if categories.is_empty() && !datasets_collect {
        out.push(
            finding(
                p.span,
                format!(
                    "the notice lists no category of personal data that {} consumers are told about",
                    law.state
                ),
            )
            .with_label("no categories")
            .with_help(
                "declare the categories of personal data with `ccpa ID \"Name\" { items ...; \
                 purposes ...; third_parties ... }`, or data sets with `collects`",
            ),
        );
        return;
    }
    for c in categories {
        if c.purposes.is_empty() && c.datasets.is_empty() {
            out.push(
                finding(
                    c.span,
                    format!("the category `{}` gives no purpose for processing it", c.id),
                )
                .with_label("no `purposes`")
                .with_help(format!(
                    "add `purposes ID, ...` to the category ({})",
                    law.notice_cite
                )),
            );
        }
        let said = [c.sold, c.shared, c.disclosed].contains(&Some(true));
        if said && c.third_parties.is_empty() {
            out.push(
                finding(
                    c.span,
                    format!(
                        "the category `{}` is said to go to third parties but names no category of them",
                        c.id
                    ),
                )
                .with_label("no `third_parties`")
                .with_help(format!(
                    "add `third_parties ID, ...`: the notice gives the categories of third parties \
                     data is shared with ({})",
                    law.notice_cite
                )),
            );
        }
    }
}

fn opt_out(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, block)) = state(ctx) else {
        return;
    };
    let Some(block) = block else {
        return;
    };
    let p = ctx.policy;
    let mut owed: Vec<(RightKind, String, crate::source::Span)> = Vec::new();
    if let Some((c, t)) = law.sold_categories(p).next() {
        let money = if law.other_value_sells {
            "money or other valuable consideration"
        } else {
            "money"
        };
        owed.push((
            RightKind::OptOut,
            format!(
                "the category `{}` is sold under {} law: the third party `{}` gives {money} for it",
                c.id,
                law.state,
                t.id()
            ),
            t.span(),
        ));
    }
    if let Some((what, span)) =
        states::targeted_advertising(law, p).filter(|_| law.targeted_opt_out)
    {
        owed.push((
            RightKind::OptOutTargeted,
            format!("{what} serves targeted advertising"),
            span,
        ));
    }
    if let Some(purpose) = states::significant_profiling(law, p).filter(|_| law.profiling_opt_out) {
        owed.push((
            RightKind::OptOutProfiling,
            format!(
                "the purpose `{}` makes automated decisions with legal or similarly significant effects",
                purpose.id
            ),
            purpose.span,
        ));
    }
    for (kind, why, span) in owed {
        if has_right(block, &[kind]) {
            continue;
        }
        out.push(
            finding(
                span,
                format!(
                    "{why}, but the {} rights give no right `{}`",
                    law.state,
                    kind.word()
                ),
            )
            .with_label("opt-out owed")
            .with_secondary(block.span, "no such right here")
            .with_help(format!(
                "add `right {} \"...\" {{ text \"...how to opt out...\" }}` to `{}`, and disclose \
                 the processing clearly and conspicuously ({})",
                kind.word(),
                block.id,
                law.sale_cite
            )),
        );
    }
}

fn appeal(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, Some(block))) = state(ctx) else {
        return;
    };
    let stated = block
        .appeal
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    if stated || has_right(block, &[RightKind::Appeal]) {
        return;
    }
    out.push(
        finding(
            block.span,
            format!(
                "the rights block `{}` does not say how {} consumers appeal a refused request",
                block.id, law.state
            ),
        )
        .with_label("no `appeal`")
        .with_help(
            "add `appeal \"If we decline your request, you may appeal by ... within ... days; we \
             answer within ... days\"` and `attorney_general \"...\"` with the attorney general's \
             complaint page",
        ),
    );
}

/// What shows a sale under the law, or targeted advertising, among the
/// data the law reaches: the message and where it is written.
fn sells_or_targets(
    law: &StateLaw,
    p: &crate::model::Policy,
) -> Option<(String, crate::source::Span)> {
    if let Some((c, t)) = law.sold_categories(p).next() {
        return Some((
            format!(
                "the category `{}` is sold to `{}` under {} law",
                c.id,
                t.id(),
                law.state
            ),
            t.span(),
        ));
    }
    states::targeted_advertising(law, p)
        .map(|(what, span)| (format!("{what} serves targeted advertising"), span))
}

fn opt_out_signals(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, Some(block))) = state(ctx) else {
        return;
    };
    let Some((why, span)) = sells_or_targets(law, ctx.policy) else {
        return;
    };
    let at = block.spans.opt_out_signals.unwrap_or(block.span);
    let (message, label, help) = match block
        .opt_out_signals
        .as_deref()
        .map(crate::law::signals::read)
    {
        Some(SignalStatement::Described) => return,
        Some(SignalStatement::Refused) => (
            format!(
                "{why}, but the rights block `{}` says opt-out preference signals are not honoured, which {} law requires",
                block.id, law.state
            ),
            "signal refused",
            "honour the signal: treat a Global Privacy Control signal as a request to opt out of \
             the sale of personal data and of targeted advertising, and say so in `opt_out_signals`",
        ),
        Some(SignalStatement::Vague) => (
            format!(
                "{why}, but the rights block `{}` mentions opt-out preference signals without saying how they are applied",
                block.id
            ),
            "how is the signal applied?",
            "name the signal (Global Privacy Control), what it does (it opts the consumer out of \
             sale and targeted advertising) and what it applies to (the browser or device, and the \
             account when the consumer is known)",
        ),
        None => (
            format!(
                "{why}, but the rights block `{}` does not say how opt-out preference signals are processed",
                block.id
            ),
            "no `opt_out_signals`",
            "add `opt_out_signals \"We treat a Global Privacy Control signal as a request to opt \
             out of the sale of your personal data and of targeted advertising for that browser \
             and, if you are signed in, for your account.\"`",
        ),
    };
    out.push(
        finding(at, message)
            .with_label(label)
            .with_secondary(span, "sale or targeted advertising")
            .with_help(help),
    );
}

fn opt_out_link(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, Some(block))) = state(ctx) else {
        return;
    };
    let p = ctx.policy;
    let Some((why, span)) = sells_or_targets(law, p) else {
        return;
    };
    if block.request_methods.iter().any(|r| p.get(r).url.is_some()) {
        return;
    }
    out.push(
        finding(
            block.span,
            format!(
                "{why}, but the rights block `{}` names no web page where {} consumers opt out",
                block.id, law.state
            ),
        )
        .with_label("no opt-out page")
        .with_secondary(span, "sale or targeted advertising")
        .with_help(
            "name the opt-out page among `request_methods`, e.g. `contact choices \"Your Privacy \
             Choices\" { url \"https://.../privacy-choices\" }`, and link to it clearly and \
             conspicuously from the website",
        ),
    );
}

fn last_updated(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = state(ctx) else {
        return;
    };
    let p = ctx.policy;
    if p.updated.is_some() {
        return;
    }
    out.push(
        finding(
            p.span,
            format!(
                "the notice does not say when it was last updated, which {} law asks it to",
                law.state
            ),
        )
        .with_label("no `updated`")
        .with_help("add `updated YYYY-MM-DD` with the date of the last change to the notice"),
    );
}

fn sensitive_opt_out(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, Some(block))) = state(ctx) else {
        return;
    };
    if has_right(block, &[RightKind::LimitSensitive]) {
        return;
    }
    let p = ctx.policy;
    for d in law.datasets(p) {
        if states::consented(law, d) {
            continue;
        }
        let items: Vec<String> = d
            .collects
            .iter()
            .filter(|r| law.sensitive_on(p.get(*r), ctx.today))
            .map(|r| format!("`{}`", r.id()))
            .collect();
        if items.is_empty() {
            continue;
        }
        out.push(
            finding(
                d.span,
                format!(
                    "the data set `{}` collects {}, sensitive data under {} law, with no consent, but the {} rights offer no way to opt out of its processing",
                    d.id,
                    and_list(&items),
                    law.state,
                    law.state
                ),
            )
            .with_label("sensitive data without an opt-out")
            .with_secondary(block.span, "no `limit_sensitive` right here")
            .with_help(format!(
                "add `right limit_sensitive \"Right to opt out of the processing of sensitive data\" {{ text \"...how...\" }}` to `{}`, or state the consumer's consent on the data set",
                block.id
            )),
        );
    }
}

/// The verbatim notices of Tex. Bus. & Com. Code §541.102(b) and (c).
const TEXAS_SENSITIVE: &str = "NOTICE: We may sell your sensitive personal data.";
const TEXAS_BIOMETRIC: &str = "NOTICE: We may sell your biometric personal data.";

/// Whether the notice prints a sentence word for word (spaces and line
/// breaks aside) in the text of a section the notice prints: one the
/// `outline` lists, or any when there is no outline. A sentence in a
/// section the outline leaves out is never read by anyone.
fn prints(ctx: &Ctx<'_>, sentence: &str) -> bool {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let wanted = squash(sentence);
    let p = ctx.policy;
    let printed: Vec<&crate::model::Section> = if p.outline.is_empty() {
        p.sections.iter().collect()
    } else {
        p.outline.iter().map(|r| p.get(r)).collect()
    };
    printed.iter().any(|section| {
        section.blocks.iter().any(|block| {
            matches!(block, crate::model::Block::Text { markdown, .. } if squash(markdown).contains(&wanted))
        })
    })
}

fn texas_notice(
    ctx: &Ctx<'_>,
    out: &mut Vec<Diagnostic>,
    which: fn(&StateLaw, &crate::model::Item) -> bool,
    children: bool,
    sentence: &str,
    what: &str,
) {
    let Some((law, _)) = state(ctx) else {
        return;
    };
    let p = ctx.policy;
    // An item of the kind, or any item of a category about known children
    // when their data counts (it is sensitive data in Texas, §541.001).
    // The item itself must be sold: where the data sets say where an item
    // goes, a category sold for one of its items is not a sale of the
    // others (precise location kept in-house beside coarse location sold).
    let item_sold = |i: &crate::model::Ref<crate::model::Item>| {
        crate::views::flows::item_recipients(p, i)
            .is_none_or(|rs| rs.iter().any(|r| law.sells(p.get(r)) == Some(true)))
    };
    let sold = law.sold_categories(p).find_map(|(c, t)| {
        let about_children = children && law.category_about_children(p, c);
        c.items
            .iter()
            .find(|i| (about_children || which(law, p.get(*i))) && item_sold(i))
            .map(|i| (c, t, i))
    });
    let Some((c, t, item)) = sold else {
        return;
    };
    if prints(ctx, sentence) {
        return;
    }
    out.push(
        finding(
            t.span(),
            format!(
                "the category `{}` holds {what} data (`{}`) and is sold to `{}`, but the notice does not print \"{sentence}\"",
                c.id,
                item.id(),
                t.id()
            ),
        )
        .with_label("a sale under Texas law")
        .with_secondary(item.span(), format!("{what} data"))
        .with_help(format!(
            "print the notice word for word where the privacy notice is, e.g. in a section: \
             `text \"{sentence}\"`"
        )),
    );
}

fn texas_sensitive_notice(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    texas_notice(
        ctx,
        out,
        StateLaw::sensitive,
        true,
        TEXAS_SENSITIVE,
        "sensitive",
    );
}

fn texas_biometric_notice(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    texas_notice(
        ctx,
        out,
        |_, i| i.sensitive == Some(SensitiveKind::Biometric),
        false,
        TEXAS_BIOMETRIC,
        "biometric",
    );
}

pub(super) fn sensitive_categories(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, _)) = state(ctx) else {
        return;
    };
    let p = ctx.policy;
    let listed: std::collections::HashSet<usize> = law
        .collected(p)
        .flat_map(|c| c.items.iter().map(crate::model::Ref::index))
        .collect();
    let mut reported = std::collections::HashSet::new();
    for d in law.datasets(p) {
        for r in &d.collects {
            let item = p.get(r);
            if !law.sensitive_on(item, ctx.today)
                || listed.contains(&r.index())
                || !reported.insert(r.index())
            {
                continue;
            }
            out.push(
                finding(
                    r.span(),
                    format!(
                        "`{}` is sensitive data under {} law, but no category of the notice lists it",
                        r.id(),
                        law.state
                    ),
                )
                .with_label("sensitive data")
                .with_help(format!(
                    "add `{}` to the `items` of the category that discloses it, e.g. a category \
                     \"Sensitive personal data\" ({})",
                    r.id(),
                    law.sensitive_cite
                )),
            );
        }
    }
}

fn third_party_list(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, Some(block))) = state(ctx) else {
        return;
    };
    let p = ctx.policy;
    let discloses = law.collected(p).any(|c| !c.third_parties.is_empty());
    if !discloses || has_right(block, &[RightKind::ThirdPartyList]) {
        return;
    }
    out.push(
        finding(
            block.span,
            format!(
                "the rights block `{}` does not offer {} consumers the list of specific third parties their data was disclosed to",
                block.id, law.state
            ),
        )
        .with_label("no `third_party_list` right")
        .with_help(
            "add `right third_party_list \"Right to a list of third parties\" { text \"you may ask \
             for a list of the specific third parties, other than natural persons, to which we \
             have disclosed your personal data\" }`",
        ),
    );
}

fn online_contact(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((law, block)) = state(ctx) else {
        return;
    };
    let p = ctx.policy;
    let controller = p
        .controller
        .as_ref()
        .is_some_and(|c| c.email.is_some() || c.url.is_some());
    let methods = block.is_some_and(|b| {
        b.request_methods
            .iter()
            .map(|r| p.get(r))
            .any(|c| c.email.is_some() || c.url.is_some())
    });
    if controller || methods {
        return;
    }
    let span = block.map_or(p.span, |b| b.span);
    out.push(
        finding(
            span,
            format!(
                "the notice gives {} consumers no email address or online method to contact the controller",
                law.state
            ),
        )
        .with_label("no email or web address")
        .with_help(
            "give the controller an `email` (an address someone reads) or name a contact with an \
             `email` or `url` in `request_methods`",
        ),
    );
}

fn controller_identity(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.policy.controller.is_some() {
        return;
    }
    out.push(
        finding(
            ctx.policy.span,
            "the notice does not identify the controller for Oregon consumers",
        )
        .with_label("no `controller`")
        .with_help(
            "add `controller ID \"Registered Business Name, Inc.\" { address \"...\"; email \"...\" }` \
             with the name registered with the Oregon Secretary of State",
        ),
    );
}
