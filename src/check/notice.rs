//! GDPR rules on who speaks and what the notice says about cookies,
//! consent, automated decisions and sources: the Art. 27 representative,
//! the DPO's contact, joint controllers, consent to cookies (ePrivacy
//! Directive Art. 5(3)), withdrawal of consent, automated decisions and
//! publicly accessible sources. These run when the policy declares `gdpr`
//! or `uk_gdpr`.

use crate::diagnostic::Diagnostic;
use crate::model::words::{
    Jurisdiction, LawfulBasis, RecipientKind, Region, RightKind, SourceKind,
};
use crate::model::{Block, Contact, CookieCategory, Insert, PolicyDate, Ref};

use super::context::{Ctx, advertising_vendors, and_list};
use super::text;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(gdpr::"representative", Warning,
        summary: "a controller established outside the EU names its representative there",
        citation: "GDPR Art. 3(2), Art. 27, Art. 13(1)(a), Art. 14(1)(a)",
        since: "2018-05-25",
        explanation: "\
    A controller with no establishment in the Union that offers goods or services to people there, \
    or monitors their behaviour (Art. 3(2)), must designate a representative in the Union (Art. \
    27(1)), and the notice gives the representative's identity and contact details (Art. \
    13(1)(a)); the UK GDPR asks the same for the UK, which `gdpr::uk-representative` checks. \
    candor reads the controller's establishments from `established REGION, ...`: when none is in \
    the EEA (for `gdpr`), the controller needs `representative CONTACT`, and that contact needs a \
    way to reach it. Art. 27(2) exempts occasional processing that involves no large-scale special \
    categories and public authorities: allow the finding with that reason where it applies.",
        check: representative,
    ),
    rule!(gdpr::"dpo-contact", Error,
        summary: "the notice gives the contact details of a designated data protection officer",
        citation: "GDPR Art. 13(1)(b), Art. 14(1)(b), Art. 37(7)",
        since: "2018-05-25",
        explanation: "\
    Where a data protection officer is designated, the notice gives the officer's contact details \
    (Art. 13(1)(b)); the controller publishes them (Art. 37(7)). The controller's `dpo CONTACT` \
    records the designation; the notice shows the officer's details when a section inserts the \
    controller (whose lines include its DPO and representative) or the contact (`insert \
    contacts CONTACT`), or when the prose gives them. A \
    designated officer the notice never gives a way to reach leaves Art. 13(1)(b) unanswered.",
        check: dpo_contact,
    ),
    rule!(gdpr::"joint-controllers", Warning,
        summary: "a joint controller comes with the essence of the arrangement",
        citation: "GDPR Art. 26(1)-(2)",
        since: "2018-05-25",
        explanation: "\
    Controllers that decide the purposes and means together are joint controllers; they set out \
    their responsibilities in an arrangement whose essence is made available to the data subject \
    (Art. 26(2)), typically in the notice. A `recipient` of kind `joint_controller` needs \
    `arrangement \"...\"`: who answers requests, who gives the notice, and that the person may \
    exercise their rights against each of them (Art. 26(3)).",
        check: joint_controllers,
    ),
    rule!(gdpr::"cookie-consent", Warning,
        summary: "cookies that are not strictly necessary rest on consent",
        citation: "Directive 2002/58/EC (ePrivacy) Art. 5(3); GDPR Art. 4(11), Art. 6(1)(a); CJEU C-673/17 Planet49; PECR reg. 6 and Sch. A1 (Data (Use and Access) Act 2025 s. 112)",
        since: "2011-05-25",
        explanation: "\
    Storing or reading information on a person's device needs their consent, given with clear \
    and comprehensive information, unless it is strictly necessary for the service they asked for \
    (ePrivacy Directive Art. 5(3); in the UK, PECR reg. 6); consent is GDPR consent, so a \
    pre-ticked box does not do (CJEU C-673/17, Planet49). A cookie category that is marked \
    `essential no`, serves targeted advertising, or lets ad or social networks collect data cannot \
    rest on legitimate interest or contract. In the UK, from 5 February 2026, PECR Schedule A1 \
    (inserted by the Data (Use and Access) Act 2025 s. 112, SI 2026/82) lets cookies that collect \
    statistics on how a service is used, to improve it, do without consent if the person is told \
    clearly and can object: a notice for the UK only whose category measures use (its name, text, \
    basis or purposes say analytics, statistics or improving), serves no advertising and says how \
    to opt out is not reported. Some EU authorities exempt narrowly configured audience \
    measurement; allow the finding with that reason where it applies.",
        check: cookie_consent,
    ),
    rule!(gdpr::"cookie-details", Warning,
        summary: "a cookie category that needs consent says how long its cookies last and who can read them",
        citation: "Directive 2002/58/EC (ePrivacy) Art. 5(3); CJEU C-673/17 Planet49",
        since: "2011-05-25",
        explanation: "\
    Consent to cookies is informed only if the person is told how long the cookies operate and \
    whether third parties may access them (CJEU C-673/17, Planet49). A cookie category that is not \
    `essential yes` needs `duration \"...\"`, and either `vendors` naming who reads the cookies or \
    a `text` saying that they are first-party cookies no one else reads.",
        check: cookie_details,
    ),
    rule!(gdpr::"withdrawal-effect", Warning,
        summary: "the right to withdraw consent says that withdrawal does not affect earlier processing",
        citation: "GDPR Art. 7(3), Art. 13(2)(c), Art. 14(2)(d)",
        since: "2018-05-25",
        explanation: "\
    Where processing rests on consent, the notice states \"the right to withdraw consent at any \
    time, without affecting the lawfulness of processing based on consent before its withdrawal\" \
    (Art. 13(2)(c)). candor looks, in the withdrawal texts and the prose, for a sentence on \
    withdrawing that speaks of lawfulness or of processing before the withdrawal.",
        check: withdrawal_effect,
    ),
    rule!(gdpr::"automated-decisions-info", Warning,
        summary: "automated decisions come with their logic, significance and consequences",
        citation: "GDPR Art. 13(2)(f), Art. 14(2)(g), Art. 15(1)(h), Art. 22",
        since: "2018-05-25",
        explanation: "\
    When decisions with legal or similarly significant effects are made by automated means (Art. \
    22(1), (4)), the notice gives meaningful information about the logic involved and the \
    significance and envisaged consequences for the person (Art. 13(2)(f)). A purpose marked \
    `automated_decisions yes` needs `logic \"...\"` (what the system weighs, in plain words) and \
    `consequences \"...\"` (what the decision means for the person).",
        check: automated_decisions_info,
    ),
    rule!(gdpr::"public-source", Warning,
        summary: "data from publicly accessible sources is said to come from them",
        citation: "GDPR Art. 14(2)(f)",
        since: "2018-05-25",
        explanation: "\
    For data not obtained from the person, the notice names the source \"and, if applicable, \
    whether it came from publicly accessible sources\" (Art. 14(2)(f)). A source of kind `public`, \
    or marked `public yes`, must read as public to the person: candor looks for the word in what \
    the notice prints of it, the source's name or the text of a method of collection that draws \
    on it (`method ... { sources ...; text \"...\" }`); the source's own `text` is not printed.",
        check: public_source,
    ),
    rule!(gdpr::"electronic-marketing", Warning,
        summary: "marketing by email or text message rests on consent, or on the soft opt-in",
        citation: "Directive 2002/58/EC (ePrivacy) Art. 13(1)-(2); PECR reg. 22(2)-(3A) (reg. 22(3A) inserted by the Data (Use and Access) Act 2025 s. 114, in force 5 February 2026)",
        since: "2003-10-31",
        explanation: "\
    Unsolicited direct marketing by email or text message to an individual needs their prior \
    consent (ePrivacy Directive Art. 13(1); in the UK, PECR reg. 22(2)), whatever the GDPR basis \
    of the processing. The exception, the soft opt-in, covers the business's own customers: \
    details obtained in the course of a sale, for similar products, with a simple way to refuse \
    given when the details were collected and in every message (Art. 13(2); reg. 22(3)). In the \
    UK, from 5 February 2026, a charity may also email its supporters for its charitable \
    purposes on the same terms (reg. 22(3A)). candor reads electronic marketing from a purpose \
    with `fides marketing_communications_email` or `marketing_communications_sms`, or `marketing \
    yes` and a name that says email, text messages or a newsletter; it reports a basis other \
    than consent for such a purpose unless the basis (its `when` or text) says the people are \
    customers (or, in the UK, a charity's supporters) and how to opt out.",
        check: electronic_marketing,
    ),
];

/// Whether a region is in the EEA (the EU, the EEA or a member state).
fn in_eea(region: Region) -> bool {
    region.is_eea()
}

/// Whether the notice shows a contact's details: a section inserts it
/// (`insert contacts ...`), or inserts the controller whose DPO or
/// representative it is (the `controller` generator prints their line too),
/// or the prose gives its email, phone, web or postal address.
fn shown(ctx: &Ctx<'_>, contact: &Ref<Contact>) -> bool {
    let of_controller = ctx.policy.controller.as_ref().is_some_and(|c| {
        [&c.dpo, &c.representative]
            .into_iter()
            .flatten()
            .any(|r| r.index() == contact.index())
    });
    let inserted = ctx.policy.sections.iter().any(|s| {
        s.blocks.iter().any(|b| match b {
            Block::Insert {
                insert: Insert::Contacts { contacts },
            } => contacts.contains(contact),
            Block::Insert {
                insert: Insert::Controller,
            } => of_controller,
            Block::Text { .. } => false,
            Block::Insert { .. } => false,
        })
    });
    if inserted {
        return true;
    }
    let c = ctx.policy.get(contact);
    let details: Vec<String> = [&c.email, &c.phone, &c.url, &c.address]
        .into_iter()
        .flatten()
        .map(|d| text::normalize(d.trim()))
        .filter(|d| !d.is_empty())
        .collect();
    ctx.prose.iter().any(|p| {
        let t = text::normalize(p.text);
        details.iter().any(|d| t.contains(d.as_str()))
    })
}

/// The help for a contact the notice does not show.
fn show_help(id: &str) -> String {
    format!(
        "add `insert controller` (whose lines include its DPO and representative) or `insert \
         contacts {id}` to a section, or give its email or address in the prose"
    )
}

fn representative(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let Some(c) = &p.controller else {
        return;
    };
    if c.established.is_empty() {
        return;
    }
    let mut missing = Vec::new();
    if p.has(Jurisdiction::Gdpr) && !c.established.iter().any(|r| in_eea(*r)) {
        missing.push("the EU");
    }
    // The UK's representative is `uk_representative` (`gdpr::uk-representative`).
    if missing.is_empty() {
        return;
    }
    let span = c.spans.established.unwrap_or(c.span);
    match &c.representative {
        None => out.push(
            finding(
                span,
                format!(
                    "the controller `{}` has no establishment in {} but names no representative there",
                    c.id,
                    and_list(&missing)
                ),
            )
            .with_label("established outside")
            .with_help(
                "add `representative CONTACT` naming the representative designated under Art. 27, \
                 with its contact details; if Art. 27(2) exempts the controller, allow the finding \
                 with that reason",
            ),
        ),
        Some(r) if !shown(ctx, r) => out.push(
            finding(
                r.span(),
                format!(
                    "the representative `{}` is declared, but the notice never gives its contact details",
                    r.id()
                ),
            )
            .with_label("not shown in the notice")
            .with_help(show_help(r.id())),
        ),
        Some(_) => {}
    }
}

fn dpo_contact(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if let Some(c) = &p.controller
        && let Some(dpo) = &c.dpo
        && !shown(ctx, dpo)
    {
        out.push(
            finding(
                dpo.span(),
                format!(
                    "the data protection officer `{}` is designated, but the notice never gives their contact details",
                    dpo.id()
                ),
            )
            .with_label("not shown in the notice")
            .with_help(show_help(dpo.id())),
        );
    }
}

fn joint_controllers(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for r in &ctx.policy.recipients {
        if r.kind == Some(RecipientKind::JointController) && r.arrangement.is_none() {
            out.push(
                finding(r.span, format!("`{}` is a joint controller, but the notice gives no essence of the arrangement", r.id))
                    .with_label("joint controller")
                    .with_help(
                        "add `arrangement \"...\"` saying who does what (who answers requests, who \
                         informs people) and that the person may exercise their rights against \
                         each controller",
                    ),
            );
        }
    }
}

/// Why a cookie category needs consent, when the policy shows it: marked
/// not essential, serving targeted advertising, or read by an advertiser.
fn needs_consent(ctx: &Ctx<'_>, c: &CookieCategory) -> Option<String> {
    let p = ctx.policy;
    if c.essential == Some(true) {
        return None;
    }
    if c.essential == Some(false) {
        return Some("it is marked `essential no`".to_owned());
    }
    if let Some(r) = c
        .purposes
        .iter()
        .find(|r| p.get(*r).targeted_advertising == Some(true))
    {
        return Some(format!("it serves targeted advertising (`{}`)", r.id()));
    }
    let ads = advertising_vendors(p, c);
    (!ads.is_empty()).then(|| format!("{} read them", and_list(&ads)))
}

/// The day PECR Schedule A1 (inserted by the Data (Use and Access) Act 2025
/// s. 112 and Sch. 12) came into force: 5 February 2026 (SI 2026/82 reg.
/// 2(w)).
const PECR_SCHEDULE_A1_FROM: PolicyDate = PolicyDate {
    year: 2026,
    month: 2,
    day: Some(5),
};

/// Whether UK cookies fall under PECR's exception for statistical purposes
/// (Schedule A1, as inserted by the Data (Use and Access) Act 2025 s. 112):
/// a policy for the UK only, on or after 5 February 2026, whose category
/// measures how the service is used (analytics, statistics), serves no
/// advertising and tells the person how to object (opt out).
fn uk_statistics_exempt(ctx: &Ctx<'_>, c: &CookieCategory) -> bool {
    let p = ctx.policy;
    let uk_only = ctx
        .law
        .is_some_and(|l| l.jurisdiction == Jurisdiction::UkGdpr)
        && !p.has(Jurisdiction::Gdpr);
    if !uk_only || ctx.today < PECR_SCHEDULE_A1_FROM {
        return false;
    }
    let advertising = c
        .purposes
        .iter()
        .any(|r| p.get(r).targeted_advertising == Some(true))
        || !advertising_vendors(p, c).is_empty();
    if advertising {
        return false;
    }
    let texts: Vec<String> = std::iter::once(c.name.as_str())
        .chain(c.text.as_deref())
        .chain(c.bases.iter().filter_map(|b| b.text.as_deref()))
        .chain(c.purposes.iter().map(|r| p.get(r).name.as_str()))
        .map(text::normalize)
        .collect();
    let statistics = texts.iter().any(|t| {
        [
            "analytic",
            "statistic",
            "measure",
            "how our",
            "how you use",
            "improve",
        ]
        .iter()
        .any(|w| t.contains(w))
    });
    let objection = texts.iter().any(|t| {
        [
            "opt out",
            "opt-out",
            "object",
            "turn off",
            "switch off",
            "turn them off",
            "refuse",
        ]
        .iter()
        .any(|w| t.contains(w))
    });
    statistics && objection
}

/// Whether a purpose is direct marketing by email or text message.
fn electronic_marketing_purpose(purpose: &crate::model::Purpose) -> bool {
    use crate::model::words::FidesDataUse;
    if matches!(
        purpose.fides,
        Some(FidesDataUse::MarketingCommunicationsEmail | FidesDataUse::MarketingCommunicationsSms)
    ) {
        return true;
    }
    let name = text::normalize(&purpose.name);
    purpose.marketing == Some(true)
        && ["email", "e-mail", "text message", "sms", "newsletter"]
            .iter()
            .any(|w| name.contains(w))
}

fn electronic_marketing(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let charities = ctx
        .law
        .is_some_and(|l| l.jurisdiction == Jurisdiction::UkGdpr)
        && ctx.today >= PECR_SCHEDULE_A1_FROM;
    let mentions = |texts: &[String], words: &[&str]| {
        texts.iter().any(|t| words.iter().any(|w| t.contains(w)))
    };
    for d in &p.datasets {
        for purpose_ref in &d.purposes {
            let purpose = p.get(purpose_ref);
            if !electronic_marketing_purpose(purpose) {
                continue;
            }
            for b in d.bases.iter().filter(|b| {
                b.basis != LawfulBasis::Consent
                    && (b.purposes.is_empty()
                        || b.purposes.iter().any(|r| r.index() == purpose_ref.index()))
            }) {
                let texts: Vec<String> = [
                    b.condition.as_deref(),
                    b.text.as_deref(),
                    b.interest.as_deref(),
                ]
                .into_iter()
                .flatten()
                .map(text::normalize)
                .collect();
                let opt_out = mentions(
                    &texts,
                    &["unsubscribe", "opt out", "opt-out", "refuse", "object"],
                );
                let customers = mentions(
                    &texts,
                    &["customer", "bought", "purchase", "buy from us", "ordered"],
                );
                let supporters =
                    charities && mentions(&texts, &["supporter", "donat", "charit", "volunteer"]);
                if opt_out && (customers || supporters) {
                    continue;
                }
                out.push(
                    finding(
                        super::context::basis_span(b),
                        format!(
                            "purpose `{}` sends marketing by email or text message on `{}`, but neither consent nor the soft opt-in is stated",
                            purpose.id, b.basis
                        ),
                    )
                    .with_label("electronic marketing without consent")
                    .with_help(
                        "rest email and text-message marketing on `basis consent { withdraw \"...\" }`; \
                         or, for your own customers, say so in the basis (`when \"you bought from \
                         us\"`) with how to opt out (the unsubscribe link in every message)",
                    ),
                );
            }
        }
    }
}

fn cookie_consent(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for c in &ctx.policy.cookies {
        if c.bases.is_empty() || c.bases.iter().any(|b| b.basis == LawfulBasis::Consent) {
            continue;
        }
        let Some(why) = needs_consent(ctx, c) else {
            continue;
        };
        if uk_statistics_exempt(ctx, c) {
            continue;
        }
        let basis = &c.bases[0];
        out.push(
            finding(
                super::context::basis_span(basis),
                format!(
                    "cookie category `{}` rests on `{}`, but it is not strictly necessary: {why}",
                    c.id, basis.basis
                ),
            )
            .with_label("not consent")
            .with_help(
                "rest these cookies on `basis consent` with a way to withdraw it; or, if they are \
                 strictly necessary for the service the person asked for, mark them `essential yes`",
            ),
        );
    }
}

fn cookie_details(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // One finding for the cookie list, with each category that falls short.
    let mut lacking: Vec<(&CookieCategory, Vec<&str>)> = Vec::new();
    for c in &ctx.policy.cookies {
        if c.essential == Some(true) {
            continue;
        }
        let first_party = c.text.as_deref().is_some_and(|t| {
            let t = text::normalize(t);
            [
                "first-party",
                "first party",
                "no third part",
                "our own",
                "under our name",
            ]
            .iter()
            .any(|w| t.contains(w))
        });
        let mut missing = Vec::new();
        if c.duration.is_none() {
            missing.push("how long they last");
        }
        if c.vendors.is_empty() && !first_party {
            missing.push("who can read them");
        }
        if !missing.is_empty() {
            lacking.push((c, missing));
        }
    }
    let Some((first, first_missing)) = lacking.first() else {
        return;
    };
    let message = if lacking.len() == 1 {
        format!(
            "cookie category `{}` does not say {}",
            first.id,
            and_list(first_missing)
        )
    } else {
        format!(
            "{} cookie categories that need consent do not say how long their cookies last or who can read them",
            lacking.len()
        )
    };
    let mut d = finding(first.span, message)
        .with_label(format!("no word on {}", and_list(first_missing)))
        .with_help(
            "give each category its lifetime (`duration \"13 months\"`) and who can read the \
             cookies (`vendors ...`, or a `text` saying they are first-party); a category that \
             needs no consent can be marked `essential yes`",
        );
    for (c, missing) in &lacking[1..] {
        d = d.with_secondary(
            c.span,
            format!("`{}`: no word on {}", c.id, and_list(missing)),
        );
    }
    out.push(d);
}

/// Whether a sentence says that withdrawing consent leaves earlier
/// processing lawful.
fn states_withdrawal_effect(sentence: &str) -> bool {
    sentence.contains("withdr")
        && (sentence.contains("lawful")
            || sentence.contains("before")
            || sentence.contains("prior to")
            || sentence.contains("earlier")
            || sentence.contains("already"))
}

/// The sentences of the prose that mention withdrawal, split only where a
/// sentence ends (`.`, `!`, `?`, a blank line): a semicolon joins two
/// clauses of one sentence ("you may withdraw consent at any time; doing so
/// does not affect earlier processing").
fn withdrawal_sentences<'a>(ctx: &'a Ctx<'_>) -> impl Iterator<Item = String> + 'a {
    ctx.prose
        .iter()
        .filter(|p| text::mentions_any(p.text, &["withdr"]))
        .flat_map(|p| {
            p.text
                .split(['.', '!', '?'])
                .flat_map(|s| s.split("\n\n"))
                .map(|s| text::normalize(&s.split_whitespace().collect::<Vec<_>>().join(" ")))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
}

fn withdrawal_effect(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((basis, _)) = ctx.bases().find(|(b, _)| b.basis == LawfulBasis::Consent) else {
        return;
    };
    if withdrawal_sentences(ctx).any(|s| states_withdrawal_effect(&s)) {
        return;
    }
    let mut d = finding(
        super::context::basis_span(basis),
        "processing rests on consent, but the notice does not say that withdrawing it leaves earlier processing lawful",
    )
    .with_label("consent")
    .with_help(
        "consider adding \"withdrawing your consent does not affect the lawfulness of processing \
         based on consent before its withdrawal\" to the right to withdraw consent",
    );
    if let Some(block) = ctx.gdpr_rights
        && let Some(r) = block
            .rights
            .iter()
            .find(|r| r.kind == RightKind::WithdrawConsent)
    {
        d = d.with_secondary(
            super::context::right_span(r),
            "the right to withdraw consent",
        );
    }
    out.push(d);
}

fn automated_decisions_info(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for p in &ctx.policy.purposes {
        if p.automated_decisions != Some(true) {
            continue;
        }
        let mut missing = Vec::new();
        if p.logic.is_none() {
            missing.push("the logic involved (`logic`)");
        }
        if p.consequences.is_none() {
            missing.push("its significance and consequences (`consequences`)");
        }
        if missing.is_empty() {
            continue;
        }
        out.push(
            finding(
                p.spans.automated_decisions.unwrap_or(p.span),
                format!(
                    "purpose `{}` makes automated decisions, but the notice does not give {}",
                    p.id,
                    and_list(&missing)
                ),
            )
            .with_label("automated decisions")
            .with_help(
                "add `logic \"...\"` (what the system weighs, in plain words) and `consequences \
                 \"...\"` (what the decision means for the person, e.g. a refused application)",
            ),
        );
    }
}

fn public_source(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let says_public = |t: &str| {
        let t = text::normalize(t);
        t.contains("public") || t.contains("published")
    };
    let mut used = vec![false; p.sources.len()];
    for d in &p.datasets {
        for s in &d.sources {
            used[s.index()] = true;
        }
        for m in &d.methods {
            for s in &p.get(m).sources {
                used[s.index()] = true;
            }
        }
    }
    // What a reader sees of a source: its name, and the text of a method of
    // collection that draws on it (which `insert methods` prints). The
    // source's own `text` is not printed, so it cannot say so.
    let mut said = vec![false; p.sources.len()];
    for m in &p.methods {
        if m.text.as_deref().is_some_and(says_public) {
            for s in &m.sources {
                said[s.index()] = true;
            }
        }
    }
    for ((s, used), said) in p.sources.iter().zip(used).zip(said) {
        let public = s.kind == Some(SourceKind::Public) || s.public == Some(true);
        if !used || !public || said || says_public(&s.name) {
            continue;
        }
        out.push(
            finding(s.span, format!("source `{}` is publicly accessible, but neither its name nor the text of a method that draws on it says so", s.id))
                .with_label("public source")
                .with_help("say that the data comes from publicly accessible sources in the source's name (`source ID \"public profiles on professional networks\"`) or in the text of the method of collection that the notice prints"),
        );
    }
}
