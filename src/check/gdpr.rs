//! GDPR: what Art. 13 and 14 ask a notice to say, and the lawful bases of
//! Art. 6 and 9. These rules run when the policy declares `gdpr` or
//! `uk_gdpr` (the UK GDPR numbers its articles the same way).

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::model::words::{LawfulBasis, RightKind, SourceKind, Word};
use crate::model::{ActivityKind, Basis, Dataset, Item, Purpose, Ref, RetentionRule, RightsBlock};
use crate::source::Span;

use super::context::{
    Ctx, ResponseLimits, and_list, basis_span, covers, noun, response_limits, retention_index,
    right_span,
};
use super::text;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"controller-missing", Error,
        summary: "the notice identifies the controller",
        citation: "GDPR Art. 13(1)(a), Art. 14(1)(a)",
        since: "2018-05-25",
        explanation: "\
    The first thing a notice must say is who is responsible for the data: the identity of the \
    controller (Art. 13(1)(a)). A policy declaring the GDPR needs a `controller` declaration with \
    the controller's legal name.",
        check: controller_missing,
    ),
    rule!(gdpr::"controller-address", Warning,
        summary: "the controller has a postal address",
        citation: "GDPR Art. 13(1)(a), Art. 14(1)(a)",
        since: "2018-05-25",
        explanation: "\
    The controller's contact details (Art. 13(1)(a)) include where it is: the postal address is \
    how a person, a court or a supervisory authority identifies and reaches the controller, and \
    the EDPB's transparency guidelines expect it alongside the electronic contacts.",
        check: controller_address,
    ),
    rule!(gdpr::"controller-contact", Warning,
        summary: "the controller has an electronic contact (email or web address)",
        citation: "GDPR Art. 12(2), Art. 13(1)(a), Art. 14(1)(a)",
        since: "2018-05-25",
        explanation: "\
    A person must be able to reach the controller easily to ask about their data and exercise \
    their rights (Art. 12(2)). The EDPB's transparency guidelines expect several means of \
    communication, including an electronic one: the controller, or one of its `contacts`, needs \
    an `email` or a `url`.",
        check: controller_contact,
    ),
    rule!(gdpr::"legitimate-interest", Warning,
        summary: "a legitimate-interest basis names the interest pursued",
        citation: "GDPR Art. 6(1)(f), Art. 13(1)(d), Art. 14(2)(b)",
        since: "2018-05-25",
        explanation: "\
    When processing rests on legitimate interests, the notice must say which interest is pursued \
    (Art. 13(1)(d)): \"fraud prevention\", \"answering your inquiry\". \"Our legitimate interest\" \
    alone names the basis, not the interest, and gives the person nothing to weigh when deciding \
    whether to object. candor reports a `legitimate_interest` basis without `interest`, or whose \
    interest is only the words \"legitimate interest\" or \"business purposes\".",
        check: legitimate_interest,
    ),
    rule!(gdpr::"consent-withdrawal", Error,
        summary: "processing based on consent says how to withdraw it",
        citation: "GDPR Art. 7(3), Art. 13(2)(c), Art. 14(2)(d)",
        since: "2018-05-25",
        explanation: "\
    Where processing rests on consent (Art. 6(1)(a) or 9(2)(a)), the notice must tell people they \
    can withdraw it at any time (Art. 13(2)(c)), and withdrawing must be as easy as consenting \
    (Art. 7(3)). candor accepts either a `withdraw \"...\"` on the consent basis or a right of kind \
    `withdraw_consent` in the GDPR rights; it reports a consent basis with neither.",
        check: consent_withdrawal,
    ),
    rule!(gdpr::"special-category-condition", Error,
        summary: "special-category data has an Art. 9(2) condition",
        citation: "GDPR Art. 9(1)-(2), Art. 13(1)(c)",
        since: "2018-05-25",
        explanation: "\
    Health, ethnic origin, religion, biometrics and the other categories of Art. 9(1) may be \
    processed only under one of the conditions of Art. 9(2) (explicit consent, employment law, \
    legal claims, ...), in addition to an Art. 6 basis. A data set that collects an item marked \
    `special` needs a basis that names its condition (`special CONDITION`), and every branch \
    needs its own: a condition on one basis for a purpose (under one `when`) does not cover \
    another basis for the same purpose. This rule reports a data set that relies on no condition \
    and no consent at all, and each basis without a condition that shares a purpose with one that \
    has it (a basis with no `for` covers every purpose); a branch relying on ordinary consent is \
    reported by `gdpr::explicit-consent`.",
        check: special_category_condition,
    ),
    rule!(gdpr::"explicit-consent", Warning,
        summary: "consent to special-category data is explicit consent",
        citation: "GDPR Art. 9(2)(a), Art. 13(1)(c)",
        since: "2018-05-25",
        explanation: "\
    Consent can lift the ban on processing special-category data only when it is explicit (Art. \
    9(2)(a)): an express statement, not a pre-ticked box or an inference from conduct. A notice \
    that collects health or ethnicity data \"based upon your consent\" without saying that the \
    consent is explicit, and without naming another Art. 9(2) condition, leaves the Art. 9 \
    condition unstated.",
        check: explicit_consent,
    ),
    rule!(gdpr::"ambiguous-basis", Warning,
        summary: "a purpose with several lawful bases says when each applies",
        citation: "GDPR Art. 6(1), Art. 13(1)(c)",
        since: "2018-05-25",
        explanation: "\
    A purpose may rest on different bases for different people (contract for customers, \
    legitimate interest for prospects), but then the notice must say which applies when. \
    \"Consent or legitimate interest\" with no condition leaves the person unable to tell which \
    rights they have (withdrawal for consent, objection for legitimate interest). Several bases for \
    one purpose are fine when at most one has no `when \"...\"` condition: it is the default.",
        check: ambiguous_basis,
    ),
    rule!(gdpr::"retention", Error,
        summary: "every data set has a retention rule",
        citation: "GDPR Art. 5(1)(e), Art. 13(2)(a), Art. 14(2)(a)",
        since: "2018-05-25",
        explanation: "\
    The notice must give, for the data it describes, the period for which it will be stored or, \
    if that is not possible, the criteria used to determine that period (Art. 13(2)(a)). A data set \
    (or processing activity that collects its own items) with no `retention` rule, and named by no \
    rule's `applies_to`, has none.",
        check: retention,
    ),
    rule!(gdpr::"retention-open-ended", Warning,
        summary: "a data set's retention is more than open-ended wording",
        citation: "GDPR Art. 5(1)(e), Art. 13(2)(a), Art. 14(2)(a)",
        since: "2018-05-25",
        explanation: "\
    \"For a reasonable period\" or \"as long as necessary\" on its own is neither a period nor a \
    criterion: the EDPB's transparency guidelines say it is not enough to state generically that \
    data is kept as long as necessary. candor reports a data set whose retention rules all consist \
    of such wording, with no number, unit of time or event (\"until the account is closed\", \"six \
    years after the contract ends\") that bounds it.",
        check: retention_open_ended,
    ),
    rule!(gdpr::"rights-block", Error,
        summary: "a policy declaring the GDPR describes the data subject's rights",
        citation: "GDPR Art. 13(2)(b)-(d), Art. 14(2)(c)-(e)",
        since: "2018-05-25",
        explanation: "\
    A GDPR notice must describe the rights of access, rectification, erasure, restriction, \
    objection and portability, the right to withdraw consent and the right to complain to a \
    supervisory authority. That needs a `rights` declaration with `jurisdiction gdpr` (or \
    `uk_gdpr`).",
        check: rights_block,
    ),
    rule!(gdpr::"rights", Warning,
        summary: "the GDPR rights include access, rectification, erasure, restriction, objection and portability",
        citation: "GDPR Art. 13(2)(b), Art. 14(2)(c), Art. 15-18, 20, 21",
        since: "2018-05-25",
        explanation: "\
    Art. 13(2)(b) asks the notice to name the rights of access (Art. 15), rectification (16), \
    erasure (17), restriction (18), portability (20) and objection (21). candor asks for objection \
    only when something rests on legitimate interests, a public task or is direct marketing (where \
    the right exists), and for portability only when something rests on consent or contract.",
        check: rights,
    ),
    rule!(gdpr::"complaint-right", Error,
        summary: "the GDPR rights include the right to complain to a supervisory authority",
        citation: "GDPR Art. 13(2)(d), Art. 14(2)(e), Art. 77",
        since: "2018-05-25",
        explanation: "\
    Every data subject may lodge a complaint with a supervisory authority (Art. 77), and the \
    notice must say so (Art. 13(2)(d)). The GDPR rights need a right of kind `complaint`.",
        check: complaint_right,
    ),
    rule!(gdpr::"object-direct-marketing", Warning,
        summary: "with direct marketing on legitimate interest, the right to object covers direct marketing",
        citation: "GDPR Art. 21(2)-(4)",
        since: "2018-05-25",
        explanation: "\
    Objection to direct marketing is absolute: once a person objects, the marketing stops, with no \
    weighing of interests (Art. 21(2)-(3)); and the right must be brought to the person's attention \
    explicitly and separately (Art. 21(4)). When a purpose marked `marketing yes` rests on \
    legitimate interests, the description of the right to object must say that it covers direct \
    marketing. A description that only mentions the general right, which the controller may \
    override with compelling grounds, misstates the law for marketing.",
        check: object_direct_marketing,
    ),
    rule!(gdpr::"data-source", Warning,
        summary: "a data set says where its data comes from",
        citation: "GDPR Art. 14(2)(f)",
        since: "2018-05-25",
        explanation: "\
    Whether data comes from the person (Art. 13) or from someone else (Art. 14) decides what the \
    notice must say; for data obtained elsewhere, the notice must name the source (Art. 14(2)(f)). \
    A data set that collects items but lists neither `sources` nor `methods` leaves this open.",
        check: data_source,
    ),
    rule!(gdpr::"indirect-categories", Warning,
        summary: "a data set obtained from others names the categories of data",
        citation: "GDPR Art. 14(1)(d)",
        since: "2018-05-25",
        explanation: "\
    When data is not obtained from the person, they do not know what was collected: the notice \
    must name the categories of personal data concerned (Art. 14(1)(d)). A data set with a source \
    of another party (an account owner, a third party, a public source, a data broker) needs \
    `collects` listing the items.",
        check: indirect_categories,
    ),
    rule!(gdpr::"profiling-decisions", Advice,
        summary: "a profiling purpose says whether automated decisions are made",
        citation: "GDPR Art. 13(2)(f), Art. 14(2)(g), Art. 22",
        since: "2018-05-25",
        explanation: "\
    Art. 13(2)(f) asks for information only where there is automated decision-making with legal \
    or similarly significant effects (Art. 22(1), (4)); profiling alone does not bring it. Saying \
    that no such decisions are made is good practice, which the EDPB's guidelines on automated \
    decision-making recommend, not an obligation, so this is advice: a purpose marked `profiling \
    yes` that states neither `automated_decisions yes` nor `no` leaves the reader (and candor) \
    unable to tell.",
        check: profiling_decisions,
    ),
    rule!(gdpr::"automated-decisions-right", Error,
        summary: "automated decisions come with the Art. 22 rights",
        citation: "GDPR Art. 13(2)(f), Art. 14(2)(g), Art. 22(3); UK GDPR Art. 22C(1)-(2)",
        since: "2018-05-25",
        explanation: "\
    When decisions with legal or similarly significant effects are made by automated means, the \
    person has the right to obtain human intervention, to express their point of view and to \
    contest the decision (Art. 22(3)). Under the UK GDPR as amended by the Data (Use and Access) \
    Act 2025 (s. 80), Art. 22C(2) asks for the same safeguards for every significant decision \
    based solely on automated processing, whatever its basis: information about such decisions, \
    and the means to make representations, to obtain human intervention and to contest them. A \
    purpose marked `automated_decisions yes` needs a right of kind `automated_decisions` in the \
    rights of each GDPR law declared.",
        check: automated_decisions_right,
    ),
    rule!(gdpr::"required-data", Warning,
        summary: "data collected from the person says whether providing it is required",
        citation: "GDPR Art. 13(2)(e)",
        since: "2018-05-25",
        explanation: "\
    When data is collected from the person, the notice must say whether providing it is a \
    statutory or contractual requirement, or needed to enter a contract, whether the person must \
    provide it, and what happens if they do not (Art. 13(2)(e)). A data set with a source of kind \
    `data_subject` needs `required yes` or `required no`, with the consequence, unless each item \
    it collects says so itself (`item ... { required yes \"...\" }`). A data set that \
    rests on `contract` is processed because it is needed for the contract, so `required no` \
    there contradicts its own basis: the data is a requirement for entering the contract.",
        check: required_data,
    ),
    rule!(gdpr::"response-time", Error,
        summary: "the GDPR response time is at most one month, extendable by two",
        citation: "GDPR Art. 12(3)",
        since: "2018-05-25",
        explanation: "\
    A controller must act on a request without undue delay and at the latest within one month, \
    which it may extend by two further months for complex or numerous requests (Art. 12(3)). A \
    `response_days` above 31 or an `extension_days` above 62 in the GDPR rights promises less than \
    the law requires.",
        check: response_time,
    ),
];

fn controller_missing(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.policy.controller.is_none() {
        out.push(
            finding(
                ctx.policy.span,
                "the policy declares the GDPR but names no controller",
            )
            .with_label("no `controller` declaration")
            .with_help("add `controller ID \"Legal name\" { address \"...\" email \"...\" }`"),
        );
    }
}

fn controller_address(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(c) = &ctx.policy.controller
        && c.address.is_none()
    {
        out.push(
            finding(
                c.span,
                format!("the controller `{}` has no postal address", c.id),
            )
            .with_label("no `address`")
            .with_help("add `address \"...\"` with the controller's postal address"),
        );
    }
}

fn controller_contact(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if let Some(c) = &p.controller {
        let own = c.email.is_some() || c.url.is_some();
        let via = c.contacts.iter().any(|r| {
            let k = p.get(r);
            k.email.is_some() || k.url.is_some()
        });
        if !own && !via {
            out.push(
                finding(c.span, format!("the controller `{}` gives no email or web address", c.id))
                    .with_label("no electronic contact")
                    .with_help("add `email \"...\"` or `url \"...\"` to the controller, or to one of its `contacts`"),
            );
        }
    }
}

/// Whether an interest is only the name of the basis.
fn is_generic_interest(interest: &str) -> bool {
    let t = text::normalize(interest);
    let t = t.trim().trim_end_matches('.');
    let words = t.split_whitespace().count();
    (t.contains("legitimate interest") || t.contains("legitimate business interest")) && words <= 5
        || matches!(
            t,
            "business purposes"
                | "our business purposes"
                | "our business interests"
                | "business interests"
        )
}

fn legitimate_interest(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (b, _) in ctx.bases() {
        if b.basis != LawfulBasis::LegitimateInterest {
            continue;
        }
        match &b.interest {
            None => out.push(
                finding(basis_span(b), "this legitimate-interest basis does not name the interest pursued")
                    .with_label("no `interest`")
                    .with_help("add `interest \"...\"` naming what the processing achieves, e.g. `interest \"preventing fraud\"`"),
            ),
            Some(i) if is_generic_interest(i) => out.push(
                finding(basis_span(b), format!("the interest `{}` names the basis, not the interest pursued", i.trim()))
                    .with_label("generic interest")
                    .with_help("consider saying what the processing achieves, e.g. `interest \"answering your inquiry\"`"),
            ),
            Some(_) => {}
        }
    }
}

/// "purpose `a` of data set `x`" or "data set `x`", for the purposes a
/// basis covers.
fn what_basis_covers(basis: &Basis, owner: &str) -> String {
    if basis.purposes.is_empty() {
        owner.to_owned()
    } else {
        let ids: Vec<String> = basis
            .purposes
            .iter()
            .map(|p| format!("`{}`", p.id()))
            .collect();
        let noun = if ids.len() == 1 {
            "purpose"
        } else {
            "purposes"
        };
        format!("{noun} {} of {owner}", and_list(&ids))
    }
}

fn has_right(block: Option<&RightsBlock>, kind: RightKind) -> bool {
    block.is_some_and(|b| b.rights.iter().any(|r| r.kind == kind))
}

fn consent_withdrawal(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if has_right(ctx.gdpr_rights, RightKind::WithdrawConsent) {
        return;
    }
    let p = ctx.policy;
    let owners = p
        .datasets
        .iter()
        .filter(|d| ctx.reaches(d))
        .map(|d| (noun(d), d.id.as_str(), &d.bases))
        .chain(
            p.cookies
                .iter()
                .map(|c| ("cookie category", c.id.as_str(), &c.bases)),
        );
    for (kind, id, bases) in owners {
        for b in bases
            .iter()
            .filter(|b| b.basis == LawfulBasis::Consent && b.withdraw.is_none())
        {
            let owner = format!("{kind} `{id}`");
            let verb = if b.purposes.len() > 1 {
                "rely"
            } else {
                "relies"
            };
            let mut d = finding(
                basis_span(b),
                format!(
                    "{} {verb} on consent but the notice says nothing about how to withdraw it",
                    what_basis_covers(b, &owner)
                ),
            )
            .with_label("consent, with no `withdraw`")
            .with_help(
                "add `withdraw \"...\"` to the basis, e.g. `withdraw \"at any time through the \
                 unsubscribe link in every email\"`, or describe the right to withdraw consent \
                 (`right withdraw_consent`) in the GDPR rights",
            );
            if let Some(block) = ctx.gdpr_rights {
                d = d.with_secondary(
                    block.span,
                    "these rights do not include withdrawing consent",
                );
            }
            out.push(d);
        }
    }
}

/// The special-category items a data set collects.
fn special_items<'p>(ctx: &Ctx<'p>, d: &'p Dataset) -> Vec<&'p Ref<Item>> {
    d.collects
        .iter()
        .filter(|r| ctx.policy.get(*r).special.is_some())
        .collect()
}

fn special_labels(ctx: &Ctx<'_>, mut d: Diagnostic, items: &[&Ref<Item>]) -> Diagnostic {
    for r in items {
        let item = ctx.policy.get(*r);
        if let Some(cat) = item.special {
            d = d.with_secondary(
                item.spans.special.unwrap_or(item.span),
                format!(
                    "`{}` is {} data (Art. 9(1))",
                    item.id,
                    cat.word().replace('_', " ")
                ),
            );
        }
    }
    d
}

fn item_list(items: &[&Ref<Item>]) -> String {
    let ids: Vec<String> = items.iter().map(|r| format!("`{}`", r.id())).collect();
    and_list(&ids)
}

fn special_category_condition(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for d in &ctx.policy.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        let items = special_items(ctx, d);
        if items.is_empty() {
            continue;
        }
        let any_condition = d
            .bases
            .iter()
            .any(|b| b.special.is_some() || b.basis == LawfulBasis::Consent);
        if !any_condition {
            let diag = finding(
                d.spans.collects.unwrap_or(d.span),
                format!(
                    "{} `{}` collects special-category data ({}) but none of its bases names an Art. 9(2) condition",
                    noun(d),
                    d.id,
                    item_list(&items)
                ),
            )
            .with_label("special-category data collected here")
            .with_help(
                "add `special CONDITION` to the basis that covers this data, e.g. `special employment` \
                 or `special explicit_consent` (the Art. 9(2) conditions are listed in the language \
                 reference)",
            );
            out.push(special_labels(ctx, diag, &items));
            continue;
        }
        // Another branch names a condition: each branch of the same purpose
        // (another `when`, or a basis for all purposes) needs its own.
        // Consent without one is `gdpr::explicit-consent`'s.
        for b in d.bases.iter().filter(|b| {
            b.special.is_none()
                && b.basis != LawfulBasis::Consent
                && beside_a_condition(&d.bases, b)
        }) {
            let diag = finding(
                basis_span(b),
                format!(
                    "{} `{}` collects special-category data ({}), but its `{}` basis names no Art. 9(2) condition, although another basis for the same purpose does",
                    noun(d),
                    d.id,
                    item_list(&items),
                    b.basis
                ),
            )
            .with_label("no Art. 9(2) condition for this branch")
            .with_help(
                "each basis under which the special-category data is processed needs its own \
                 condition: add `special CONDITION` to this basis too",
            );
            out.push(special_labels(ctx, diag, &items));
        }
    }
}

fn explicit_consent(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for d in &ctx.policy.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        let items = special_items(ctx, d);
        if items.is_empty() {
            continue;
        }
        // A consent basis needs `special explicit_consent` (or another
        // condition): when no basis names a condition, or when a branch of
        // the same purpose does (the condition there does not cover it).
        let any_condition = d.bases.iter().any(|b| b.special.is_some());
        for consent in d.bases.iter().filter(|b| {
            b.basis == LawfulBasis::Consent
                && b.special.is_none()
                && (!any_condition || beside_a_condition(&d.bases, b))
        }) {
            let diag = finding(
                basis_span(consent),
                format!(
                    "{} `{}` collects special-category data ({}) on consent the notice does not say is explicit",
                    noun(d),
                    d.id,
                    item_list(&items)
                ),
            )
            .with_label("ordinary consent")
            .with_help(
                "consider stating that the consent is explicit, as Art. 9(2)(a) requires (`special \
                 explicit_consent` in this basis, and words to match in its text), or name the Art. \
                 9(2) condition relied on instead, e.g. `special employment`",
            );
            out.push(special_labels(ctx, diag, &items));
        }
    }
}

/// Whether a basis without an Art. 9(2) condition is a branch of a purpose
/// that another basis, with a condition, also covers: the two share a
/// purpose (a basis with no `for` covers every purpose of its data set).
fn beside_a_condition(bases: &[Basis], basis: &Basis) -> bool {
    let shares = |a: &Basis, b: &Basis| {
        a.purposes.is_empty()
            || b.purposes.is_empty()
            || a.purposes
                .iter()
                .any(|x| b.purposes.iter().any(|y| x.index() == y.index()))
    };
    bases
        .iter()
        .any(|other| other.special.is_some() && shares(other, basis))
}

fn ambiguous_in(
    out: &mut Vec<Diagnostic>,
    owner: &dyn Fn() -> String,
    purposes: &[Ref<Purpose>],
    bases: &[Basis],
) {
    if bases
        .iter()
        .filter(|b| b.condition.is_none())
        .nth(1)
        .is_none()
    {
        return;
    }
    // purpose index -> the first unconditioned basis covering it
    let mut first: HashMap<usize, &Basis> = HashMap::new();
    for b in bases.iter().filter(|b| b.condition.is_none()) {
        let covered: &[Ref<Purpose>] = if b.purposes.is_empty() {
            purposes
        } else {
            &b.purposes
        };
        let mut clashes: Vec<(&Basis, String)> = Vec::new();
        for p in covered {
            match first.get(&p.index()) {
                Some(other) if other.basis != b.basis => {
                    if let Some(entry) = clashes.iter_mut().find(|(o, _)| std::ptr::eq(*o, *other))
                    {
                        entry.1.push_str(&format!(", `{}`", p.id()));
                    } else {
                        clashes.push((other, format!("`{}`", p.id())));
                    }
                }
                Some(_) => {}
                None => {
                    first.insert(p.index(), b);
                }
            }
        }
        for (other, ids) in clashes {
            let ids = if ids.contains(',') {
                format!("purposes {ids}")
            } else {
                format!("purpose {ids}")
            };
            let verb = if ids.starts_with("purposes") {
                "rest"
            } else {
                "rests"
            };
            out.push(
                finding(
                    basis_span(b),
                    format!(
                        "{ids} of {} {verb} on both `{}` and `{}`, and no condition says when each applies",
                        owner(),
                        other.basis,
                        b.basis
                    ),
                )
                .with_label(format!("`{}`, with no `when`", b.basis))
                .with_secondary(basis_span(other), format!("`{}`, with no `when` either", other.basis))
                .with_help(
                    "say when each basis applies with `when \"...\"` (e.g. `when \"you are an existing \
                     customer\"`), or keep one basis for the purpose",
                ),
            );
        }
    }
}

fn ambiguous_basis(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for d in &ctx.policy.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        ambiguous_in(
            out,
            &|| format!("{} `{}`", noun(d), d.id),
            &d.purposes,
            &d.bases,
        );
    }
    for c in &ctx.policy.cookies {
        ambiguous_in(
            out,
            &|| format!("cookie category `{}`", c.id),
            &c.purposes,
            &c.bases,
        );
    }
}

/// Whether a data set needs retention: a row of the data table, or a
/// processing activity that collects items of its own.
fn needs_retention(d: &Dataset) -> bool {
    d.kind == ActivityKind::Dataset || !d.collects.is_empty()
}

fn retention(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let attached = retention_index(ctx.policy).datasets;
    for (d, rules) in ctx.policy.datasets.iter().zip(&attached) {
        if !ctx.reaches(d) {
            continue;
        }
        if needs_retention(d) && rules.is_empty() {
            out.push(
                finding(d.span, format!("{} `{}` says nothing about how long its data is kept", noun(d), d.id))
                    .with_label("no `retention`")
                    .with_help("add `retention RULE` naming a `retention` declaration with a `period` or `criteria`"),
            );
        }
    }
}

/// For each retention rule of the policy: `None` when it states neither
/// period nor criteria, otherwise whether all it states is open-ended
/// wording. Computed once, however many owners share a rule.
pub(super) fn open_ended_rules(ctx: &Ctx<'_>) -> Vec<Option<bool>> {
    ctx.policy
        .retention
        .iter()
        .map(|r| {
            let parts: Vec<&str> = [&r.period, &r.criteria]
                .into_iter()
                .filter_map(|t| t.as_deref())
                .collect();
            (!parts.is_empty()).then(|| parts.iter().any(|t| text::is_open_ended(t)))
        })
        .collect()
}

/// Reports an owner one of whose stated retention rules is open-ended:
/// each rule must bound the data it covers, so an anchored rule does not
/// clear an open-ended one beside it.
pub(super) fn report_open_ended(
    ctx: &Ctx<'_>,
    out: &mut Vec<Diagnostic>,
    owner: &dyn Fn() -> String,
    span: Span,
    rules: &[usize],
    open: &[Option<bool>],
) {
    let mut seen = HashSet::new();
    let open_ones: Vec<usize> = rules
        .iter()
        .copied()
        .filter(|&i| open[i] == Some(true) && seen.insert(i))
        .collect();
    if open_ones.is_empty() {
        return;
    }
    let mut d = finding(
        span,
        format!(
            "{} is kept for an open-ended period: its retention names no length, date or event",
            owner()
        ),
    )
    .with_label("open-ended retention")
    .with_help(
        "consider stating a period (\"24 months after your last visit\") or criteria that bound \
             it (\"until you close your account, then six years for tax records\")",
    );
    for i in open_ones {
        let r: &RetentionRule = &ctx.policy.retention[i];
        let (at, words) = match (&r.period, &r.criteria) {
            (Some(p), _) if text::is_open_ended(p) => (r.spans.period, p),
            (_, Some(c)) => (r.spans.criteria, c),
            (Some(p), None) => (r.spans.period, p),
            (None, None) => (None, &r.id),
        };
        d = d.with_secondary(
            at.unwrap_or(r.span),
            format!("`{}` says \"{}\"", r.id, words.trim()),
        );
    }
    out.push(d);
}

fn retention_open_ended(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let attached = retention_index(ctx.policy).datasets;
    let open = open_ended_rules(ctx);
    for (d, rules) in ctx.policy.datasets.iter().zip(&attached) {
        if !ctx.reaches(d) {
            continue;
        }
        let span = d.spans.retention.unwrap_or(d.span);
        let owner = || format!("the data of {} `{}`", noun(d), d.id);
        report_open_ended(ctx, out, &owner, span, rules, &open);
    }
}

fn rights_block(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.gdpr_rights.is_none() {
        out.push(
            finding(
                ctx.policy.span,
                "the policy declares the GDPR but describes no GDPR rights",
            )
            .with_label("no `rights` with `jurisdiction gdpr`")
            .with_help(
                "add `rights ID \"Your rights\" { jurisdiction gdpr ... }` with the rights of Art. \
                     15-22, the right to withdraw consent and the right to complain",
            ),
        );
    }
}

fn rights(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(block) = ctx.gdpr_rights else {
        return;
    };
    let mut wanted = vec![
        RightKind::Access,
        RightKind::Rectification,
        RightKind::Erasure,
        RightKind::Restriction,
    ];
    let marketing = ctx
        .policy
        .purposes
        .iter()
        .any(|p| p.marketing == Some(true));
    if ctx.uses_basis(LawfulBasis::LegitimateInterest)
        || ctx.uses_basis(LawfulBasis::PublicTask)
        || marketing
    {
        wanted.push(RightKind::Objection);
    }
    if ctx.uses_basis(LawfulBasis::Consent) || ctx.uses_basis(LawfulBasis::Contract) {
        wanted.push(RightKind::Portability);
    }
    let present: HashSet<RightKind> = block.rights.iter().map(|r| r.kind).collect();
    let missing: Vec<String> = wanted
        .iter()
        .filter(|k| !present.contains(k))
        .map(|k| format!("`{k}`"))
        .collect();
    if missing.is_empty() {
        return;
    }
    let noun = if missing.len() == 1 {
        "right"
    } else {
        "rights"
    };
    out.push(
        finding(block.span, format!("the GDPR rights `{}` leave out the {noun} of {}", block.id, and_list(&missing)))
            .with_label("incomplete list of rights")
            .with_help(format!(
                "add `right KIND \"Name\" {{ text \"...\" }}` for {}, describing what each lets the person do",
                and_list(&missing)
            )),
    );
}

fn complaint_right(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(block) = ctx.gdpr_rights
        && !has_right(Some(block), RightKind::Complaint)
    {
        out.push(
                finding(block.span, format!("the GDPR rights `{}` do not mention the right to complain to a supervisory authority", block.id))
                    .with_label("no `right complaint`")
                    .with_help(
                        "add `right complaint \"The right to lodge a complaint\" { text \"...\" }`, \
                         saying that people may complain to the supervisory authority where they live or work",
                    ),
            );
    }
}

fn object_direct_marketing(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let Some(block) = ctx.gdpr_rights else {
        return;
    };
    let Some(objection) = block.rights.iter().find(|r| r.kind == RightKind::Objection) else {
        return;
    };
    // Direct marketing resting on legitimate interests: (purpose, basis span).
    let mut seen = HashSet::new();
    let mut marketing: Vec<(&str, Span)> = Vec::new();
    for d in &p.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        for b in d
            .bases
            .iter()
            .filter(|b| b.basis == LawfulBasis::LegitimateInterest)
        {
            for r in &d.purposes {
                if covers(b, r) && p.get(r).marketing == Some(true) && seen.insert(r.index()) {
                    marketing.push((r.id(), basis_span(b)));
                }
            }
        }
    }
    if marketing.is_empty() {
        return;
    }
    let mentions = |t: &Option<String>| {
        t.as_deref()
            .is_some_and(|t| text::normalize(t).contains("marketing"))
    };
    let objection_says =
        mentions(&objection.text) || text::normalize(&objection.name).contains("marketing");
    let elsewhere = block.rights.iter().any(|r| {
        r.text.as_deref().is_some_and(|t| {
            let t = text::normalize(t);
            t.contains("object") && t.contains("marketing")
        })
    });
    if objection_says || elsewhere {
        return;
    }
    let mut d = finding(
        right_span(objection),
        "the right to object is described without saying that people may object to direct marketing at any time",
    )
    .with_label("no word on direct marketing")
    .with_help(
        "consider adding that objection to direct marketing is absolute, e.g. \"you may object at \
         any time to the use of your data for direct marketing, and we will then stop\" (Art. \
         21(2)-(3))",
    );
    for (purpose, span) in marketing {
        d = d.with_secondary(
            span,
            format!("direct marketing (`{purpose}`) rests on legitimate interest here"),
        );
    }
    out.push(d);
}

fn data_source(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for d in &ctx.policy.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        if !d.collects.is_empty() && d.sources.is_empty() && d.methods.is_empty() {
            out.push(
                finding(d.span, format!("{} `{}` does not say where its data comes from", noun(d), d.id))
                    .with_label("no `sources` or `methods`")
                    .with_help("add `sources ...` naming where the data is obtained (the person, their device, a third party, ...)"),
            );
        }
    }
}

fn indirect_categories(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for d in &p.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        if !d.collects.is_empty() {
            continue;
        }
        let indirect = d
            .sources
            .iter()
            .chain(d.methods.iter().flat_map(|m| p.get(m).sources.iter()))
            .find(|s| p.get(*s).kind.is_some_and(SourceKind::is_indirect));
        if let Some(source) = indirect {
            out.push(
                finding(
                    d.span,
                    format!(
                        "{} `{}` obtains data from `{}` but does not say which data",
                        noun(d),
                        d.id,
                        source.id()
                    ),
                )
                .with_label("no `collects`")
                .with_secondary(
                    source.span(),
                    "data obtained from someone other than the person",
                )
                .with_help(
                    "add `collects ...` listing the items obtained, as Art. 14(1)(d) requires",
                ),
            );
        }
    }
}

fn profiling_decisions(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for p in &ctx.policy.purposes {
        if p.profiling == Some(true) && p.automated_decisions.is_none() {
            out.push(
                finding(p.spans.profiling.unwrap_or(p.span), format!("purpose `{}` involves profiling but does not say whether automated decisions are made", p.id))
                    .with_label("profiling")
                    .with_help(
                        "add `automated_decisions no` and consider a sentence saying that no decisions \
                         with legal or similarly significant effects are made by automated means; or \
                         `automated_decisions yes` with the logic, significance and consequences",
                    ),
            );
        }
    }
}

fn automated_decisions_right(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(block) = ctx.gdpr_rights else {
        return;
    };
    if has_right(Some(block), RightKind::AutomatedDecisions) {
        return;
    }
    let uk = ctx
        .law
        .is_some_and(|l| l.jurisdiction == crate::model::words::Jurisdiction::UkGdpr);
    for p in &ctx.policy.purposes {
        if p.automated_decisions == Some(true) {
            out.push(
                finding(p.spans.automated_decisions.unwrap_or(p.span), if uk {
                    format!("purpose `{}` makes automated decisions, but the UK GDPR rights do not describe the safeguards of Art. 22C", p.id)
                } else {
                    format!("purpose `{}` makes automated decisions, but the GDPR rights do not describe the rights of Art. 22", p.id)
                })
                    .with_label("automated decisions")
                    .with_secondary(block.span, "no `right automated_decisions` here")
                    .with_help(if uk {
                        "add `right automated_decisions \"...\" { text \"...\" }` saying that people are told \
                         of such decisions and may make representations about them, obtain human \
                         intervention and contest them (UK GDPR Art. 22C(2))"
                    } else {
                        "add `right automated_decisions \"...\" { text \"...\" }` describing the right to \
                         human intervention, to express one's view and to contest the decision"
                    }),
            );
        }
    }
}

fn required_data(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for d in &p.datasets {
        if !ctx.reaches(d) {
            continue;
        }
        if d.kind != ActivityKind::Dataset {
            continue;
        }
        if let Some(req) = &d.required {
            let contract = d
                .bases
                .iter()
                .find(|b| b.basis == LawfulBasis::Contract && b.purposes.is_empty());
            if let (false, Some(b)) = (req.required, contract) {
                out.push(
                    finding(
                        d.spans.required.unwrap_or(d.span),
                        format!(
                            "{} `{}` rests on `contract` but says providing it is not required",
                            noun(d),
                            d.id
                        ),
                    )
                    .with_label("`required no`")
                    .with_secondary(basis_span(b), "needed for the contract")
                    .with_help(
                        "write `required yes \"without it we cannot provide the service\"`, or \
                             give the contract basis `for` the purposes that need the data only",
                    ),
                );
            }
            continue;
        }
        // Each item may answer for itself (`item ... { required yes "..." }`):
        // a data set whose every item does needs no answer of its own.
        if !d.collects.is_empty() && d.collects.iter().all(|r| p.get(r).required.is_some()) {
            continue;
        }
        if let Some(source) = d
            .sources
            .iter()
            .find(|s| p.get(*s).kind == Some(SourceKind::DataSubject))
        {
            out.push(
                finding(d.span, format!("{} `{}` is collected from the person but does not say whether providing it is required", noun(d), d.id))
                    .with_label("no `required`")
                    .with_secondary(source.span(), "collected from the person")
                    .with_help(
                        "add `required no \"what happens if it is not provided\"`, or `required yes` \
                         with the law or contract that requires it",
                    ),
            );
        }
    }
}

fn response_time(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(block) = ctx.gdpr_rights {
        response_limits(
            block,
            &ResponseLimits {
                law: "GDPR",
                response_days: 31,
                response_words: "the one month",
                response_label: "more than one month",
                response_help: "answer within one month (`response_days 30`), extendable by two months for complex requests",
                extension_days: 62,
                extension_words: "the two months",
                extension_label: "more than two months",
                extension_help: "an extension may add at most two months (`extension_days 60`)",
            },
            out,
        );
    }
}
