//! Structure: the policy holds together. Every data set says why it
//! processes data and on what basis, every company that receives data falls
//! in a recipient category the notice discloses, every address a reader may
//! use works.
//!
//! Unknown names, unused declarations and duplicate ids are reported by
//! resolution (`candor::...` codes), not here.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::model::words::{Jurisdiction, RecipientKind};
use crate::model::{Basis, Block, Insert, Purpose, RecipientList, Ref};
use crate::source::Span;

use super::context::{Ctx, and_list, covers, noun};
use super::text;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(structure::"dataset-purpose", Error,
        summary: "every data set and processing activity names at least one purpose",
        citation: "GDPR Art. 5(1)(b), Art. 13(1)(c), Art. 14(1)(c); Cal. Civ. Code §1798.100(a)(1)",
        since: "always",
        explanation: "\
    A notice tells people why their data is processed: the GDPR asks for the purposes of each \
    processing (Art. 13(1)(c), 14(1)(c)), and the CCPA for the purposes of each category collected \
    (§1798.100(a)(1)). A data set without a purpose tells the reader nothing about why the data is \
    held, and none of its lawful bases can be checked against a purpose.",
        check: dataset_purpose,
    ),
    rule!(gdpr::"purpose-basis", Error,
        summary: "every purpose of a data set or cookie category has a lawful basis",
        citation: "GDPR Art. 6(1), Art. 13(1)(c), Art. 14(1)(c)",
        since: "2018-05-25",
        explanation: "\
    Under the GDPR each purpose needs one of the six lawful bases of Art. 6(1), and the notice must \
    state it next to the purpose (Art. 13(1)(c)). A `basis` without `for` covers every purpose of its \
    data set; a basis `for` some purposes covers only those. A purpose no basis covers is processing \
    the notice does not justify.",
        check: purpose_basis,
    ),
    rule!(structure::"basis-purpose", Warning,
        summary: "a lawful basis is given only for purposes of its own data set",
        citation: "GDPR Art. 13(1)(c)",
        since: "always",
        explanation: "\
    A `basis ... for PURPOSE` ties the basis to a purpose of the same data set (or cookie \
    category). When the purpose is not listed in the data set's `purposes`, the notice gives a basis \
    for processing it never describes there: either the purpose is missing from the list, or the \
    basis names the wrong purpose.",
        check: basis_purpose,
    ),
    rule!(gdpr::"recipient-category", Warning,
        summary: "every vendor and CCPA third party falls in a disclosed recipient category",
        citation: "GDPR Art. 13(1)(e), Art. 14(1)(e)",
        since: "2018-05-25",
        explanation: "\
    The GDPR asks the notice to name the recipients, or the categories of recipients, of personal \
    data (Art. 13(1)(e)). When a vendor or a category of third parties of the CCPA table receives \
    data but fits none of the recipient categories the notice lists (neither through `recipient` \
    nor by being of the same kind as one), the GDPR recipients list is incomplete, and the two \
    parts of the notice disagree about who receives data. A vendor the cookie list names is a \
    recipient named, which Art. 13(1)(e) allows in place of a category, and the kind of such \
    vendors counts as disclosed.",
        check: recipient_category,
    ),
    rule!(structure::"method-sources", Warning,
        summary: "a data set lists the sources its collection methods draw on",
        citation: "GDPR Art. 14(2)(f); Cal. Civ. Code §1798.110(a)(2)",
        since: "always",
        explanation: "\
    A collection method (\"provided by your admin\", \"from third parties\") draws on sources. When a \
    data set uses a method but does not list that method's sources among its own, the notice is \
    inconsistent about where the data comes from, which both the GDPR (Art. 14(2)(f)) and the CCPA \
    (categories of sources) ask it to say.",
        check: method_sources,
    ),
    rule!(structure::"retention-empty", Warning,
        summary: "a retention rule states a period or the criteria that set it",
        citation: "GDPR Art. 13(2)(a), Art. 14(2)(a); Cal. Civ. Code §1798.100(a)(3); Cal. Code Regs. tit. 11, §7012",
        since: "always",
        explanation: "\
    Both laws ask for the period data is kept or, where no fixed period is possible, the criteria \
    that set it. A retention rule with neither `period` nor `criteria` records no answer candor can \
    check, so the data sets and categories relying on it are not known to have one.",
        check: retention_empty,
    ),
    rule!(structure::"email-format", Warning,
        summary: "every email address, in a field or in prose, is well formed",
        citation: "GDPR Art. 12(2), Art. 13(1)(a)",
        since: "always",
        explanation: "\
    An email address with no domain (`privacy@example`), a space or a missing part sends a \
    person's request nowhere. candor reads the `email` fields and every address written in prose \
    (a word, `@`, a host), and reports those that are not complete addresses.",
        check: email_format,
    ),
    rule!(structure::"undeclared-email", Warning,
        summary: "an email address of the company written in prose is one of the declared contacts",
        citation: "GDPR Art. 12(2), Art. 13(1)(a)",
        since: "always",
        explanation: "\
    Addresses written in prose drift: a team renames a mailbox, updates the contact block and \
    forgets the sentence in section 9. Every address of the company that the notice gives should \
    be one it declares (and monitors), so candor compares each address in prose, ignoring case, \
    with the controller's and the contacts' `email` fields. It reports an address at the domain \
    of a declared one, or a typo away from one; an address at another organisation's domain (a \
    supervisory authority, a vendor) is left alone.",
        check: undeclared_email,
    ),
    rule!(structure::"url-format", Warning,
        summary: "every web address, in a field or in prose, is a well-formed http(s) address",
        citation: "GDPR Art. 12(1); Cal. Code Regs. tit. 11, §7003(a)-(b), §7011",
        since: "always",
        explanation: "\
    Request forms, opt-out pages and vendors' policies are links. A web address without `https://`, \
    without a host or with a space in it does not open, and a notice must be accessible (GDPR Art. \
    12(1); CCPA regulations §7003(a)-(b), which the privacy policy must meet under §7011).",
        check: url_format,
    ),
    rule!(structure::"phone-format", Warning,
        summary: "every phone number has digits only (and usual punctuation) and a plausible length",
        citation: "GDPR Art. 13(1)(a); Cal. Civ. Code §1798.130(a)(1)",
        since: "always",
        explanation: "\
    A phone number is written with digits, spaces, `+`, `-`, `.`, `/` and brackets, and has between \
    7 and 15 digits (ITU-T E.164). Anything else is likely a typo or a placeholder left in.",
        check: phone_format,
    ),
    rule!(structure::"california-table", Advice,
        summary: "a notice that does not declare the CCPA prints the state laws' categories table, not California's",
        citation: "Cal. Civ. Code §1798.140(e), (ad), (ah); Va. Code §59.1-575; C.R.S. §6-1-1303",
        since: "always",
        explanation: "\
    `insert ccpa_table` prints California's labels: the statutory letters of §1798.140(v)(1), \
    \"shared\" in the sense of cross-context behavioural advertising (§1798.140(ah)) and \
    \"disclosed for a business purpose\" (§1798.140(e)). In a notice that declares state laws but \
    not the CCPA, these are not the reader's law's terms: Virginia, Colorado and the others speak \
    of sales under their own definitions, targeted advertising and third parties that exclude \
    processors (e.g. Va. Code §59.1-575; C.R.S. §6-1-1303). `insert state_categories` prints the \
    same rows with those labels. Good practice, not a requirement: advice.",
        check: california_table,
    ),
    rule!(structure::"toll-free-phone", Warning,
        summary: "a phone number marked toll_free has a toll-free area code",
        citation: "Cal. Civ. Code §1798.130(a)(1)(A)",
        since: "always",
        explanation: "\
    The CCPA asks for a toll-free number among the request methods, and candor trusts the \
    `toll_free` mark when it checks that. A North American number is toll-free only with the area \
    codes 800, 833, 844, 855, 866, 877 or 888; one marked `toll_free` with another area code is \
    either not toll-free or mistyped. Numbers of other plans are not judged.",
        check: toll_free_phone,
    ),
];

fn dataset_purpose(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for d in &ctx.policy.datasets {
        if d.purposes.is_empty() {
            out.push(
                finding(d.span, format!("{} `{}` names no purpose", noun(d), d.id))
                    .with_label("no `purposes`")
                    .with_help(format!(
                        "add `purposes ...` to `{}`, naming why the data is processed",
                        d.id
                    )),
            );
        }
    }
}

/// Reports the purposes of one data set or cookie category that no basis
/// covers, or the whole owner when it has no basis.
fn uncovered(
    out: &mut Vec<Diagnostic>,
    what: &dyn Fn() -> String,
    span: Span,
    purposes: &[Ref<Purpose>],
    bases: &[Basis],
) {
    if bases.is_empty() {
        let what = what();
        out.push(
            finding(span, format!("{what} gives no lawful basis"))
                .with_label("no `basis`")
                .with_help("add `basis BASIS` with one of the six bases of Art. 6(1), e.g. `basis contract`"),
        );
        return;
    }
    for p in purposes {
        if !bases.iter().any(|b| covers(b, p)) {
            out.push(
                finding(
                    p.span(),
                    format!("purpose `{}` of {} has no lawful basis", p.id(), what()),
                )
                .with_label("no basis covers this purpose")
                .with_help(format!(
                    "add `basis BASIS for {}`, or add `{}` to the `for` list of an existing basis",
                    p.id(),
                    p.id()
                )),
            );
        }
    }
}

fn purpose_basis(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // A flow of people the law does not reach (`regions us`) owes it no
    // basis.
    for d in ctx.policy.datasets.iter().filter(|d| ctx.reaches(d)) {
        uncovered(
            out,
            &|| format!("{} `{}`", noun(d), d.id),
            d.span,
            &d.purposes,
            &d.bases,
        );
    }
    for c in &ctx.policy.cookies {
        uncovered(
            out,
            &|| format!("cookie category `{}`", c.id),
            c.span,
            &c.purposes,
            &c.bases,
        );
    }
}

fn foreign_purposes(
    out: &mut Vec<Diagnostic>,
    what: &dyn Fn() -> String,
    purposes_at: Option<Span>,
    span: Span,
    purposes: &[Ref<Purpose>],
    bases: &[Basis],
) {
    if bases.iter().all(|b| b.purposes.is_empty()) {
        return;
    }
    let own: HashSet<usize> = purposes.iter().map(Ref::index).collect();
    for b in bases {
        for p in &b.purposes {
            if !own.contains(&p.index()) {
                let what = what();
                let mut d = finding(
                    p.span(),
                    format!("the `{}` basis of {what} is given for `{}`, which is not one of its purposes", b.basis, p.id()),
                )
                .with_label("not among the purposes")
                .with_help(format!(
                    "add `{}` to the `purposes` of {what}, or give the basis for a purpose it lists",
                    p.id()
                ));
                if let Some(s) = purposes_at {
                    d = d.with_secondary(s, "the purposes it lists");
                } else {
                    d = d.with_secondary(span, "declared here");
                }
                out.push(d);
            }
        }
    }
}

fn basis_purpose(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for d in &ctx.policy.datasets {
        foreign_purposes(
            out,
            &|| format!("{} `{}`", noun(d), d.id),
            d.spans.purposes,
            d.span,
            &d.purposes,
            &d.bases,
        );
    }
    for c in &ctx.policy.cookies {
        foreign_purposes(
            out,
            &|| format!("cookie category `{}`", c.id),
            c.spans.purposes,
            c.span,
            &c.purposes,
            &c.bases,
        );
    }
}

/// Declarations of one kind: the kind, and each one's id and span.
type Group = (Option<RecipientKind>, Vec<(String, Span)>);

fn recipient_category(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let mut kinds: HashSet<RecipientKind> = p
        .recipients
        .iter()
        .filter(|r| r.list == RecipientList::Recipients)
        .filter_map(|r| r.kind)
        .collect();
    // Unmapped vendors and third parties, grouped by kind in order of appearance.
    let mut groups: Vec<Group> = Vec::new();
    let mut slot: HashMap<Option<RecipientKind>, usize> = HashMap::new();
    // A vendor the notice names in its cookie list is a recipient named
    // (Art. 13(1)(e) allows recipients or their categories).
    // The kinds of those named vendors are disclosed too: a CCPA category
    // "ad networks" is the ad networks the cookie list names.
    let mut named = vec![false; p.vendors.len()];
    for c in &p.cookies {
        for v in &c.vendors {
            named[v.index()] = true;
            kinds.extend(p.get(v).kind);
        }
    }
    let unmapped = p
        .vendors
        .iter()
        .zip(named)
        .filter(|(v, named)| v.recipient.is_none() && !named)
        .map(|(v, _)| v)
        .map(|v| (v.kind, v.id.clone(), v.span))
        .chain(
            p.recipients
                .iter()
                .filter(|t| t.list == RecipientList::ThirdParties && t.part_of.is_none())
                .map(|t| (t.kind, t.id.clone(), t.span)),
        );
    for (kind, name, span) in unmapped {
        if kind.is_some_and(|k| kinds.contains(&k)) {
            continue;
        }
        let i = *slot.entry(kind).or_insert_with(|| {
            groups.push((kind, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push((name, span));
    }
    for (kind, members) in groups {
        let ids: Vec<String> = members.iter().map(|(id, _)| format!("`{id}`")).collect();
        let one = members.len() == 1;
        let verb = if one { "falls" } else { "fall" };
        let who = match kind {
            Some(k) => format!("the {} {}", kind_phrase(k, one), and_list(&ids)),
            None => and_list(&ids),
        };
        let help = match kind {
            Some(k) => format!(
                "consider adding a `recipient` of kind `{k}` to the recipients table and pointing \
                 each of them at it with `recipient ID`; if they belong to an existing category, \
                 write `recipient ID` on each"
            ),
            None => "write `recipient ID` naming the recipient category each belongs to, or give \
                     each a `kind` matching one"
                .to_owned(),
        };
        let mut d = finding(
            members[0].1,
            format!("{who} {verb} in no recipient category the notice discloses"),
        )
        .with_label("in no recipient category")
        .with_help(help);
        for (id, span) in &members[1..] {
            d = d.with_secondary(*span, format!("`{id}` neither"));
        }
        out.push(d);
    }
}

/// "ad network" or "ad networks", as a message names a kind.
fn kind_phrase(kind: RecipientKind, one: bool) -> &'static str {
    let (singular, plural) = match kind {
        RecipientKind::Affiliate => ("affiliate", "affiliates"),
        RecipientKind::ServiceProvider => ("service provider", "service providers"),
        RecipientKind::Acquirer => ("acquirer", "acquirers"),
        RecipientKind::LawEnforcement => ("law enforcement body", "law enforcement bodies"),
        RecipientKind::Government => ("government body", "government bodies"),
        RecipientKind::Advisor => ("advisor", "advisors"),
        RecipientKind::AdNetwork => ("ad network", "ad networks"),
        RecipientKind::Analytics => ("analytics provider", "analytics providers"),
        RecipientKind::SocialNetwork => ("social network", "social networks"),
        RecipientKind::DataBroker => ("data broker", "data brokers"),
        RecipientKind::JointController => ("joint controller", "joint controllers"),
        RecipientKind::Other => ("recipient", "recipients"),
    };
    if one { singular } else { plural }
}

fn method_sources(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for d in &p.datasets {
        if d.sources.is_empty() {
            continue;
        }
        let own: HashSet<usize> = d.sources.iter().map(Ref::index).collect();
        for m in &d.methods {
            let method = p.get(m);
            // A method may draw on more sources than this data set uses
            // ("from you or from your admin"): only a method none of whose
            // sources the data set lists contradicts it.
            if method.sources.is_empty() || method.sources.iter().any(|s| own.contains(&s.index()))
            {
                continue;
            }
            let theirs: Vec<String> = method
                .sources
                .iter()
                .map(|s| format!("`{}`", s.id()))
                .collect();
            out.push(
                finding(
                    m.span(),
                    format!(
                        "{} `{}` uses method `{}`, which draws on {}, but lists none of them among its sources",
                        noun(d),
                        d.id,
                        m.id(),
                        and_list(&theirs)
                    ),
                )
                .with_label("this method")
                .with_secondary(d.spans.sources.unwrap_or(d.span), "the sources it lists")
                .with_secondary(method.span, "the method is declared here")
                .with_help(format!(
                    "add to the `sources` of `{}` the one of {} its data actually comes from, or \
                     remove the method",
                    d.id,
                    and_list(&theirs)
                )),
            );
        }
    }
}

fn retention_empty(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for r in &ctx.policy.retention {
        if r.period.is_none() && r.criteria.is_none() {
            out.push(
                finding(
                    r.span,
                    format!(
                        "retention rule `{}` states neither a period nor the criteria for one",
                        r.id
                    ),
                )
                .with_label("no `period` or `criteria`")
                .with_help(
                    "add `period \"...\"` (e.g. \"six years after the end of the contract\") or \
                         `criteria \"...\"` (what decides how long the data is kept)",
                ),
            );
        }
    }
}

/// Declared email addresses, lower case, with their original spelling.
fn declared_emails<'p>(ctx: &Ctx<'p>) -> Vec<&'p str> {
    let p = ctx.policy;
    p.controller
        .iter()
        .filter_map(|c| c.email.as_deref())
        .chain(p.contacts.iter().filter_map(|c| c.email.as_deref()))
        .collect()
}

/// A declared address close to `written`: one it is the beginning of
/// (`privacy@example` for `privacy@example.com`), or one a typo away.
fn suggest_email<'a>(written: &str, declared: &[&'a str]) -> Option<&'a str> {
    let lower = written.to_lowercase();
    declared
        .iter()
        .find(|d| d.to_lowercase().starts_with(&lower))
        .copied()
        .or_else(|| crate::suggest::closest(written, declared.iter().copied()))
}

/// Every address field of the policy: (kind of field, value, where).
fn address_fields<'p>(ctx: &Ctx<'p>, name: &'static str) -> Vec<(&'p str, Span, String)> {
    let p = ctx.policy;
    let mut out = Vec::new();
    // The value of the address field `name` and where it is written.
    let pick = |email: (&'p Option<String>, Option<Span>),
                phone: (&'p Option<String>, Option<Span>),
                url: (&'p Option<String>, Option<Span>)| {
        let (value, at) = match name {
            "email" => email,
            "phone" => phone,
            _ => url,
        };
        value.as_deref().map(|v| (v, at))
    };
    if let Some(c) = &p.controller
        && let Some((v, at)) = pick(
            (&c.email, c.spans.email),
            (&c.phone, c.spans.phone),
            (&c.url, c.spans.url),
        )
    {
        out.push((v, at.unwrap_or(c.span), format!("controller `{}`", c.id)));
    }
    for c in &p.contacts {
        if let Some((v, at)) = pick(
            (&c.email, c.spans.email),
            (&c.phone, c.spans.phone),
            (&c.url, c.spans.url),
        ) {
            out.push((v, at.unwrap_or(c.span), format!("contact `{}`", c.id)));
        }
    }
    if name == "url" {
        for v in &p.vendors {
            if let Some(u) = v.url.as_deref() {
                out.push((
                    u,
                    v.spans.url.unwrap_or(v.span),
                    format!("vendor `{}`", v.id),
                ));
            }
        }
    }
    out
}

fn email_format(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let declared: Vec<&str> = declared_emails(ctx)
        .into_iter()
        .filter(|e| text::is_email(e))
        .collect();
    let help = |written: &str| match suggest_email(written, &declared) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "write the full address, e.g. `privacy@example.com`".to_owned(),
    };
    for (value, span, owner) in address_fields(ctx, "email") {
        if !text::is_email(value.trim()) {
            out.push(
                finding(
                    span,
                    format!("the email address of {owner}, `{value}`, is not well formed"),
                )
                .with_label("not an email address")
                .with_help(help(value)),
            );
        }
    }
    for prose in ctx.prose {
        for email in text::emails_in(prose.text) {
            if !text::is_email(email) {
                out.push(
                    finding(prose.span, format!("the prose of {} gives `{email}`, which is not a complete email address", prose.owner()))
                        .with_label("in this prose")
                        .with_help(help(email)),
                );
            }
        }
    }
}

fn undeclared_email(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let declared = declared_emails(ctx);
    let known: HashSet<String> = declared.iter().map(|e| e.to_lowercase()).collect();
    let domains: HashSet<&str> = known
        .iter()
        .filter_map(|e| e.split_once('@').map(|(_, d)| d))
        .collect();
    for prose in ctx.prose {
        for email in text::emails_in(prose.text) {
            let lower = email.to_lowercase();
            if !text::is_email(email) || known.contains(&lower) {
                continue;
            }
            // An address at another organisation's domain (a supervisory
            // authority, a vendor) is a reference, not a contact of ours;
            // one at our own domain, or a typo away from ours, is reported.
            let ours = lower
                .split_once('@')
                .is_some_and(|(_, d)| domains.contains(d));
            let typo = crate::suggest::closest(email, declared.iter().copied());
            if !ours && typo.is_none() {
                continue;
            }
            let help = match typo.or_else(|| suggest_email(email, &declared)) {
                Some(s) => format!(
                    "did you mean `{s}`? if the address is right, declare it as a `contact`"
                ),
                None => format!(
                    "declare it, e.g. `contact ID \"Label\" {{ email \"{email}\" }}`, so that \
                     every address the notice gives is one the company monitors"
                ),
            };
            out.push(
                finding(
                    prose.span,
                    format!(
                        "the prose of {} gives `{email}`, which no contact declares",
                        prose.owner()
                    ),
                )
                .with_label("in this prose")
                .with_help(help),
            );
        }
    }
}

fn url_format(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (value, span, owner) in address_fields(ctx, "url") {
        if !text::is_url(value.trim()) {
            out.push(
                finding(span, format!("the web address of {owner}, `{value}`, is not a well-formed http(s) address"))
                    .with_label("not a web address")
                    .with_help("write the full address, starting with `https://`"),
            );
        }
    }
    for prose in ctx.prose {
        for url in text::urls_in(prose.text) {
            if !text::is_url(url) {
                out.push(
                    finding(
                        prose.span,
                        format!(
                            "the prose of {} gives `{url}`, which is not a well-formed web address",
                            prose.owner()
                        ),
                    )
                    .with_label("in this prose")
                    .with_help("write the full address, with its host and top-level domain"),
                );
            }
        }
    }
}

fn california_table(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if p.jurisdictions.contains(&Jurisdiction::Ccpa)
        || crate::law::states::declared(p).next().is_none()
    {
        return;
    }
    for section in &p.sections {
        let prints = section.blocks.iter().any(|b| {
            matches!(
                b,
                Block::Insert {
                    insert: Insert::CcpaTable
                }
            )
        });
        if prints {
            out.push(
                finding(
                    section.span,
                    format!(
                        "section `{}` prints California's table, but the policy does not declare the CCPA",
                        section.id
                    ),
                )
                .with_label("`insert ccpa_table` here")
                .with_help(
                    "write `insert state_categories` for the state laws' labels, or add `ccpa` to `jurisdictions` if the notice also serves California",
                ),
            );
        }
    }
}

fn phone_format(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (value, span, owner) in address_fields(ctx, "phone") {
        if !text::is_phone(value) {
            out.push(
                finding(span, format!("the phone number of {owner}, `{value}`, is not a phone number"))
                    .with_label("not a phone number")
                    .with_help("write 7 to 15 digits, with spaces, `+`, `-`, `.` or brackets only, e.g. `+1 866-978-8260`"),
            );
        }
    }
}

fn toll_free_phone(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let marked = p
        .controller
        .iter()
        .filter(|c| c.toll_free)
        .map(|c| {
            (
                c.phone.as_deref(),
                c.spans.phone.unwrap_or(c.span),
                format!("controller `{}`", c.id),
            )
        })
        .chain(p.contacts.iter().filter(|c| c.toll_free).map(|c| {
            (
                c.phone.as_deref(),
                c.spans.phone.unwrap_or(c.span),
                format!("contact `{}`", c.id),
            )
        }));
    for (phone, span, owner) in marked {
        if let Some(phone) = phone
            && text::nanp_toll_free(phone) == Some(false)
        {
            out.push(
                    finding(span, format!("the phone number of {owner}, `{phone}`, is marked toll_free but its area code is not a toll-free one"))
                        .with_label("not a toll-free area code")
                        .with_help(
                            "check the number; North American toll-free numbers start with 800, 833, \
                             844, 855, 866, 877 or 888. If it is not toll-free, remove `toll_free`",
                        ),
                );
        }
    }
}
