//! The exports: every fact an export the policy asks for needs is stated,
//! and the app stores' labels agree with the notice.
//!
//! These rules run on every policy (the `structure::` family) and find
//! nothing unless the policy's `exports` names the export concerned.

use crate::diagnostic::Diagnostic;
use crate::model::Purpose;
use crate::model::words::{AccountCreation, Export, PlayPurpose, RightKind, Word};
use crate::views::exports::collected;

use super::context::Ctx;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(structure::"ropa-security", Warning,
        summary: "a record of processing describes the security measures of each activity",
        citation: "GDPR Art. 30(1)(g), Art. 32(1)",
        since: "always",
        explanation: "\
    The record of processing activities holds, where possible, a general description of the \
    technical and organisational security measures of Art. 32(1) (Art. 30(1)(g)). When the policy \
    asks for `exports ropa`, candor fills that column from the data set's `security` or, failing \
    that, the controller's `security`; an activity with neither would get an empty cell.",
        check: ropa_security,
    ),
    rule!(structure::"ropa-activity", Warning,
        summary: "every activity of a record of processing states its purposes, subjects, data and time limits",
        citation: "GDPR Art. 30(1)(b), (c), (f); Art. 9(2)",
        since: "always",
        explanation: "\
    The record of processing activities holds, for each activity, the purposes of the processing \
    (Art. 30(1)(b)), a description of the categories of data subjects and of personal data \
    (Art. 30(1)(c)) and, where possible, the time limits for erasure (Art. 30(1)(f)); special \
    category data needs its Art. 9(2) condition. When the policy asks for `exports ropa`, a data \
    set or processing activity without `purposes`, `subjects`, `collects`, `retention`, or a \
    basis's `special` condition for the special category data it collects, would give a row with \
    an empty cell: the record would say less than Art. 30 asks.",
        check: ropa_activity,
    ),
    rule!(structure::"gpc-signals", Error,
        summary: "a policy that publishes `gpc.json` says in its notice how it handles opt-out preference signals",
        citation: "Global Privacy Control specification, \"Well-known Resource\"; Cal. Code Regs. tit. 11, §7025",
        since: "always",
        explanation: "\
    `/.well-known/gpc.json` with `\"gpc\": true` tells browsers the site honours the Global Privacy \
    Control. The claim must come from the notice: candor writes `true` only when a rights block \
    states how opt-out preference signals are handled (`opt_out_signals`) and does not refuse \
    them. A policy that asks for `exports gpc` without that statement, or with one that refuses \
    the signal, would publish `\"gpc\": false`, or a promise its notice does not make.",
        check: gpc_signals,
    ),
    rule!(structure::"gpc-signals-how", Warning,
        summary: "the statement behind `gpc.json` says how the signal is applied",
        citation: "Global Privacy Control specification, \"Well-known Resource\"; Cal. Code Regs. tit. 11, §7025(c)(1), §7011",
        since: "always",
        explanation: "\
    `\"gpc\": true` tells every browser that the site applies the Global Privacy Control. A notice \
    that only mentions signals (\"we will process any opt-out preference signal that meets the \
    requirements of the CCPA\") backs that claim with a sentence `ccpa::opt-out-signals` rejects: \
    it does not name what the signal does (opts out of sale and sharing, is treated as a request) \
    nor what it applies to (the browser or device, and any profile or account linked to it, \
    §7025(c)(1)). candor reads the statements of `opt_out_signals` that do not refuse the signal \
    and reports a `gpc.json` that rests on none that says how.",
        check: gpc_signals_how,
    ),
    rule!(ccpa::"opt-out-signals-refused", Error,
        summary: "a business that sells or shares personal information does not refuse opt-out preference signals",
        citation: "Cal. Code Regs. tit. 11, §7025(b)",
        since: "2023-03-29",
        explanation: "\
    \"A business that sells or shares personal information shall process any opt-out preference \
    signal that meets the following requirements as a valid request to opt-out of sale/sharing\" \
    (Cal. Code Regs. tit. 11, §7025(b)); the Global Privacy Control is such a signal. When a CCPA \
    category is sold or shared, the CCPA rights' `opt_out_signals` cannot say that the business does \
    not respond to, honour or recognise the signal. candor reads the statement as `gpc.json` does \
    (a refusal there publishes `\"gpc\": false`).",
        check: opt_out_signals_refused,
    ),
    rule!(structure::"consent-essential", Error,
        summary: "a policy that exports its consent configuration says of every cookie category whether it is essential",
        citation: "Directive 2002/58/EC (ePrivacy) Art. 5(3)",
        since: "always",
        explanation: "\
    A consent banner asks for consent before setting any cookie that is not strictly necessary for \
    the service the person asked for (ePrivacy Directive Art. 5(3)). `consent.json` derives which \
    categories need consent from `essential`; a category without it would leave the banner to \
    guess, so `exports consent` needs `essential yes` or `essential no` on every cookie category.",
        check: consent_essential,
    ),
    rule!(structure::"store-label-facts", Error,
        summary: "every collected item and its purposes name their app-store data type and purpose",
        citation: "App Store Review Guidelines 5.1.1; Apple, \"App privacy details on the App Store\"; Google Play Developer Program Policy, \"User Data: Data safety section\"",
        since: "always",
        explanation: "\
    The App Store privacy details and the Google Play Data safety form list every type of data the \
    app collects, with its purposes; Apple also asks whether each is linked to the person and used \
    to track them, and Google whether providing it is optional. When the policy asks for \
    `exports app_store` or `exports play_data_safety`, every item a data set collects needs its \
    store data type (`apple`, `play`), every purpose of those data sets its store purpose, and each \
    item the other answers (`linked` and `tracking` for Apple, `required` on the item or its data \
    set for Google). Tracking is derived from the data sets when they answer it (a purpose of \
    targeted advertising, a recipient that advertises with the data or is a data broker; every \
    other recipient saying `targeted_advertising no` or being a kind that cannot advertise): \
    `tracking` is needed only when they do not. An item without them would be missing from the \
    label, which would then say less than the notice.",
        check: store_label_facts,
    ),
    rule!(structure::"store-label-notice", Error,
        summary: "the app-store labels claim no tracking or advertising that the notice does not publish",
        citation: "App Store Review Guidelines 5.1.1, 5.1.2(i); Google Play Developer Program Policy, \"User Data: Data safety section\"; GDPR Art. 13(1)(c)",
        since: "always",
        explanation: "\
    A store label and the notice describe the same processing and must agree. An item marked \
    `tracking yes` is used to track people for advertising: the notice must say so, through a \
    data set that collects it with a purpose of targeted advertising, a recipient that advertises \
    with it (`targeted_advertising yes`, which also makes it shared under the CCPA) or a data \
    broker; and an item such a data set collects must not be marked `tracking no`. A purpose \
    labelled for advertising (`apple third_party_advertising` or `developers_advertising`, \
    `play advertising`) must be one the notice presents as marketing or targeted advertising.",
        check: store_label_notice,
    ),
    rule!(structure::"play-form-facts", Warning,
        summary: "a policy that exports the Play Data safety form states encryption in transit, account creation, the deletion pages and ephemeral processing",
        citation: "Google Play Developer Program Policy, \"User Data: Data safety section\" and \"Account deletion requirement\"; Play Console Help 10787469, \"Provide information for Google Play's Data safety section\"",
        since: "always",
        explanation: "\
    Besides the data types, the Data safety form asks whether all collected data is encrypted in \
    transit, how people create an account, a web link where they can ask for their account and its \
    data to be deleted (Play requires one of every app that lets people create an account), whether \
    they can ask for some or all of their data to be deleted without deleting the account and where, \
    and for each data type whether it is processed only ephemerally. candor answers from the \
    controller's `encrypted_in_transit`, `account_creation`, `account_deletion` and `data_deletion` \
    (which `insert controller` prints) and the items' `ephemeral`; an answer the policy does not \
    state is left blank in `play_data_safety.csv`, for the Console to ask.",
        check: play_form_facts,
    ),
    rule!(structure::"store-label-advertising", Error,
        summary: "a purpose of advertising, marketing or tracking is not labelled as app functionality or analytics",
        citation: "App Store Review Guidelines 5.1.1; Apple, \"App privacy details on the App Store\" (purposes); Google Play Developer Program Policy, \"User Data: Data safety section\"",
        since: "always",
        explanation: "\
    A store label that files advertising under app functionality or analytics says less than the \
    notice. A purpose the notice presents as targeted advertising (`targeted_advertising yes`) or \
    direct marketing (`marketing yes`) is, in Apple's terms, third-party advertising or the \
    developer's advertising or marketing, and in Google's, advertising or marketing; labelled \
    `app_functionality` or `analytics` (`apple` or `play`), it would hide the advertising from the \
    store listing.",
        check: store_label_advertising,
    ),
    rule!(structure::"store-label-sensitive", Error,
        summary: "health and other special category data carry the stores' health and sensitive labels",
        citation: "Apple, \"App privacy details on the App Store\" (Health, Fitness, Sensitive Info); Play Console Help 10787469, \"Data types\" (Health and fitness; Personal info); GDPR Art. 9(1)",
        since: "always",
        explanation: "\
    Both stores give sensitive data types of their own. Apple: Health and Fitness for health data, \
    Sensitive Info for racial or ethnic data, sexual orientation, religious or philosophical \
    beliefs, trade union membership, political opinion, genetic information and biometric data. \
    Google: Health info and Fitness info, Race and ethnicity, Political or religious beliefs, \
    Sexual orientation. An item the notice marks as health data (`special health` or \
    `sensitive health`) or as another special category, labelled with an ordinary type, would \
    say less in the store than the notice does.",
        check: store_label_sensitive,
    ),
    rule!(structure::"manifest-tracking-domains", Warning,
        summary: "a privacy manifest that says the app tracks lists the domains it tracks through",
        citation: "Apple, Bundle Resources, \"NSPrivacyTracking\" and \"NSPrivacyTrackingDomains\"",
        since: "always",
        explanation: "\
    Apple's documentation of `NSPrivacyTracking`: \"When set to `true` you need to provide a list of \
    internet domains in `NSPrivacyTrackingDomains`\"; iOS blocks requests to those domains until \
    the person allows tracking. candor sets `NSPrivacyTracking` from the items marked `tracking yes` \
    and lists the domains the vendors state (`tracking_domains \"ads.adnet.example\"`); an app that \
    tracks with no vendor stating its domains gets an empty list, and a domain written with a \
    scheme, a path or a space is no domain.",
        check: manifest_tracking_domains,
    ),
    rule!(structure::"fides-facts", Error,
        summary: "a policy that exports a fideslang manifest names the taxonomy key of every item, purpose and subject of its data sets",
        citation: "fideslang taxonomy (data categories, data uses, data subjects); GDPR Art. 30(1)(b)-(c)",
        since: "always",
        explanation: "\
    A fideslang manifest describes processing with the keys of the fideslang taxonomy: each privacy \
    declaration names its data categories, its data use and its data subjects. `exports fides` \
    needs the key of every item (`fides user_contact_email`), purpose (`fides essential_service`) \
    and subject (`fides customer`) of the data sets, `.` written `_`; one without its key would be \
    missing from the data map, which would then say less than the notice.",
        check: fides_facts,
    ),
    rule!(structure::"gpp-facts", Error,
        summary: "a policy that exports the GPP notice fields states the facts each field is derived from",
        citation: "IAB Tech Lab, GPP \"US National Privacy Technical Specification\" (usnat notice fields); Cal. Civ. Code §1798.120, §1798.121, §1798.135",
        since: "always",
        explanation: "\
    The notice fields of the GPP US National section say whether the business sells or shares \
    personal data, advertises on it, or processes sensitive data, and if so whether the notice offers \
    the opt-out. candor derives them: sale and sharing from the CCPA rows' disclosures, sensitive \
    data from the items' `sensitive` kinds and the CCPA rights' `sensitive_other_uses`. \
    A field whose facts are unknown would be guessed by the consent platform; `exports gpp` needs \
    them stated.",
        check: gpp_facts,
    ),
];

fn gpp_facts(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if !p.exports(Export::Gpp) {
        return;
    }
    let unknown: Vec<String> = crate::law::gpp::fields(p)
        .into_iter()
        .filter(|(_, v)| v.is_null())
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    if unknown.is_empty() {
        return;
    }
    out.push(
        finding(
            p.span,
            format!(
                "the GPP notice fields {} cannot be derived from the policy",
                super::context::and_list(&unknown)
            ),
        )
        .with_label("`exports gpp`")
        .with_help(
            "state the facts: whether each CCPA category is sold and shared (or its third parties' `consideration` and `targeted_advertising`), every recipient's `kind`, and `sensitive_other_uses` in the CCPA rights",
        ),
    );
}

fn fides_facts(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if !p.exports(Export::Fides) {
        return;
    }
    let mut items = vec![false; p.items.len()];
    let mut purposes = vec![false; p.purposes.len()];
    let mut subjects = vec![false; p.subjects.len()];
    for d in &p.datasets {
        for r in &d.collects {
            if let Some(seen) = items.get_mut(r.index()) {
                *seen = true;
            }
        }
        for r in &d.purposes {
            if let Some(seen) = purposes.get_mut(r.index()) {
                *seen = true;
            }
        }
        for r in &d.subjects {
            if let Some(seen) = subjects.get_mut(r.index()) {
                *seen = true;
            }
        }
    }
    let missing = |kind: &str, id: &str, example: &str, span| {
        finding(
            span,
            format!("{kind} `{id}` has no fideslang key for the manifest"),
        )
        .with_label("no `fides`")
        .with_help(format!(
            "add its key in the fideslang taxonomy, `.` written `_`: e.g. `fides {example}`"
        ))
    };
    for (item, _) in p
        .items
        .iter()
        .zip(&items)
        .filter(|(i, used)| **used && i.fides.is_none())
    {
        out.push(missing("item", &item.id, "user_contact_email", item.span));
    }
    for (purpose, _) in p
        .purposes
        .iter()
        .zip(&purposes)
        .filter(|(x, used)| **used && x.fides.is_none())
    {
        out.push(missing(
            "purpose",
            &purpose.id,
            "essential_service",
            purpose.span,
        ));
    }
    for (subject, _) in p
        .subjects
        .iter()
        .zip(&subjects)
        .filter(|(x, used)| **used && x.fides.is_none())
    {
        out.push(missing("subject", &subject.id, "customer", subject.span));
    }
}

fn ropa_security(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if !p.exports(Export::Ropa) || p.controller.as_ref().is_some_and(|c| c.security.is_some()) {
        return;
    }
    for d in p.datasets.iter().filter(|d| d.security.is_none()) {
        out.push(
            finding(
                d.span,
                format!(
                    "the record of processing has no security measures for `{}`",
                    d.id
                ),
            )
            .with_label("no `security`, and the controller has none")
            .with_help(
                "describe the technical and organisational measures in the controller's `security \"...\"` (or in this data set's own `security`)",
            ),
        );
    }
}

fn ropa_activity(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if !p.exports(Export::Ropa) {
        return;
    }
    for d in &p.datasets {
        let mut missing: Vec<&str> = Vec::new();
        if d.purposes.is_empty() {
            missing.push("`purposes` (Art. 30(1)(b))");
        }
        if d.subjects.is_empty() {
            missing.push("`subjects` (Art. 30(1)(c))");
        }
        if d.collects.is_empty() {
            missing.push("`collects` (Art. 30(1)(c))");
        }
        if d.retention.is_empty() {
            missing.push("`retention` (Art. 30(1)(f))");
        }
        let special = d.collects.iter().any(|i| p.get(i).special.is_some());
        if special && d.bases.iter().all(|b| b.special.is_none()) {
            missing.push("a basis's `special` condition (Art. 9(2)) for its special category data");
        }
        if missing.is_empty() {
            continue;
        }
        out.push(
            finding(
                d.span,
                format!(
                    "the record of processing's row for `{}` lacks {}",
                    d.id,
                    super::context::and_list(&missing)
                ),
            )
            .with_label("incomplete activity")
            .with_help(
                "state them on the data set or processing activity: e.g. `subjects customers`, `collects email`, `retention account_kept`",
            ),
        );
    }
}

/// What each rights block says of opt-out preference signals, read, with
/// where it says it.
fn signal_statements(
    p: &crate::model::Policy,
) -> Vec<(crate::law::signals::SignalStatement, crate::source::Span)> {
    p.rights
        .iter()
        .filter_map(|b| {
            b.opt_out_signals.as_deref().map(|s| {
                (
                    crate::law::signals::read(s),
                    b.spans.opt_out_signals.unwrap_or(b.span),
                )
            })
        })
        .collect()
}

fn gpc_signals(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    use crate::law::signals::SignalStatement;
    let p = ctx.policy;
    if !p.exports(Export::Gpc) {
        return;
    }
    let statements = signal_statements(p);
    // A statement that does not refuse the signal is enough for the file
    // (`ccpa::opt-out-signals` and `STATE::opt-out-signals` ask how it is
    // applied); one that refuses it contradicts `"gpc": true`.
    if statements
        .iter()
        .any(|(s, _)| *s != SignalStatement::Refused)
    {
        return;
    }
    if let Some((_, span)) = statements.first() {
        out.push(
            finding(
                *span,
                "the policy exports `gpc.json`, but the notice says opt-out preference signals are not honoured: `gpc.json` says `\"gpc\": false`",
            )
            .with_label("`exports gpc`")
            .with_help(
                "honour the Global Privacy Control and say how in `opt_out_signals`, or remove `gpc` from `exports`",
            ),
        );
        return;
    }
    out.push(
        finding(
            p.span,
            "the policy exports `gpc.json` but no rights block says how opt-out preference signals are handled",
        )
        .with_label("`exports gpc`")
        .with_help(
            "state how the Global Privacy Control is honoured in the rights block (`opt_out_signals \"...\"`), or remove `gpc` from `exports`",
        ),
    );
}

fn gpc_signals_how(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    use crate::law::signals::SignalStatement;
    let p = ctx.policy;
    if !p.exports(Export::Gpc) {
        return;
    }
    let statements = signal_statements(p);
    // No statement, or only refusals: `structure::gpc-signals`' finding.
    if statements
        .iter()
        .any(|(s, _)| *s == SignalStatement::Described)
    {
        return;
    }
    if let Some((_, span)) = statements
        .iter()
        .find(|(s, _)| *s == SignalStatement::Vague)
    {
        out.push(
            finding(
                *span,
                "`gpc.json` says `\"gpc\": true`, but the notice mentions opt-out preference signals without saying how they are applied",
            )
            .with_label("how is the signal applied?")
            .with_help(
                "say what the business does on receiving a Global Privacy Control signal and to what it applies, e.g. \"we treat a Global Privacy Control signal as a request to opt out of sale and sharing for that browser and, if you are signed in, your account\"",
            ),
        );
    }
}

fn play_form_facts(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if !p.exports(Export::PlayDataSafety) {
        return;
    }
    let labelled: Vec<_> = collected(p)
        .into_iter()
        .filter(|c| c.item.play.is_some())
        .collect();
    if labelled.is_empty() {
        return;
    }
    let controller = p.controller.as_ref();
    let at = controller.map_or(p.span, |c| c.span);
    let mut missing: Vec<&str> = Vec::new();
    if controller.is_none_or(|c| c.encrypted_in_transit.is_none()) {
        missing.push("`encrypted_in_transit` (`yes` or `no`)");
    }
    let methods = controller
        .map(|c| c.account_creation.as_slice())
        .unwrap_or_default();
    if methods.is_empty() {
        missing.push("`account_creation` (e.g. `password, oauth`, or `none`)");
    }
    let accounts = methods.iter().any(|m| *m != AccountCreation::None);
    if accounts && controller.is_none_or(|c| c.account_deletion.is_none()) {
        missing.push("`account_deletion` (the web page to ask for the account's deletion)");
    }
    let deletion = controller.is_some_and(|c| c.data_deletion.is_some())
        || p.rights.iter().any(|b| {
            b.rights
                .iter()
                .any(|r| matches!(r.kind, RightKind::Erasure | RightKind::Delete))
        });
    if deletion && controller.is_none_or(|c| c.data_deletion.is_none()) {
        missing.push("`data_deletion` (the web page to ask for data's deletion, the right of erasure's way in)");
    }
    if !missing.is_empty() {
        out.push(
            finding(
                at,
                format!(
                    "the Play Data safety form asks what the controller does not state: {}",
                    super::context::and_list(&missing)
                ),
            )
            .with_label("unanswered in the Play form")
            .with_help(
                "state them on the controller, e.g. `encrypted_in_transit yes`, `account_creation password`, `account_deletion \"https://example.com/delete-account\"`, `data_deletion \"https://example.com/privacy-request\"`",
            ),
        );
    }
    if accounts && methods.contains(&AccountCreation::None) {
        let span = controller
            .and_then(|c| c.spans.account_creation)
            .unwrap_or(at);
        out.push(
            finding(
                span,
                "`account_creation` says both `none` and a way to create an account",
            )
            .with_label("contradicts itself")
            .with_help("keep `none` only for an app that creates no accounts"),
        );
    }
    for c in labelled {
        if c.item.ephemeral.is_none() {
            out.push(
                finding(
                    c.item.span,
                    format!(
                        "item `{}` is in the Play form but does not say whether it is processed ephemerally",
                        c.item.id
                    ),
                )
                .with_label("ephemeral?")
                .with_help(
                    "add `ephemeral no` (it is stored) or `ephemeral yes` (held in memory for one request, never stored)",
                ),
            );
        }
    }
}

fn manifest_tracking_domains(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    use crate::views::exports::{manifest_tracks, split_domains, tracking_domains};
    let p = ctx.policy;
    if !p.exports(Export::AppStore) {
        return;
    }
    for v in &p.vendors {
        let Some(text) = v.tracking_domains.as_deref() else {
            continue;
        };
        let at = v.spans.tracking_domains.unwrap_or(v.span);
        let domains = split_domains(text);
        if domains.is_empty() {
            out.push(
                finding(at, format!("vendor `{}` states no tracking domain", v.id))
                    .with_label("empty")
                    .with_help("write its domains, comma-separated: `tracking_domains \"ads.example.com\"`, or remove the field"),
            );
        }
        for d in domains {
            let host = d.split('.').all(|label| {
                !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            if !host || !d.contains('.') {
                out.push(
                    finding(
                        at,
                        format!("`{d}` of vendor `{}` is not an internet domain", v.id),
                    )
                    .with_label("not a domain")
                    .with_help("write the host name alone, without `https://`, a path or a port: `ads.example.com`"),
                );
            }
        }
    }
    if !manifest_tracks(p) || !tracking_domains(p).is_empty() {
        return;
    }
    let item = collected(p)
        .into_iter()
        .find(|c| c.tracking(p) == Some(true))
        .map_or(p.span, |c| c.item.spans.tracking.unwrap_or(c.item.span));
    out.push(
        finding(
            item,
            "`PrivacyInfo.xcprivacy` says the app tracks (`NSPrivacyTracking` true) but lists no tracking domains",
        )
        .with_label("tracks")
        .with_help(
            "state the internet domains the app tracks through on the vendors that track, e.g. `tracking_domains \"ads.adnet.example\"` (Apple requires them when `NSPrivacyTracking` is true)",
        ),
    );
}

fn opt_out_signals_refused(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(block) = ctx.ccpa_rights else {
        return;
    };
    let refuses = block.opt_out_signals.as_deref().is_some_and(|s| {
        crate::law::signals::read(s) == crate::law::signals::SignalStatement::Refused
    });
    if !refuses {
        return;
    }
    let Some((c, word)) = ctx.collected_rows().find_map(|c| {
        if ctx.sold(c) == Some(true) {
            Some((c, "sold"))
        } else if ctx.shared(c) == Some(true) {
            Some((c, "shared"))
        } else {
            None
        }
    }) else {
        return;
    };
    let span = if word == "sold" {
        c.spans.sold
    } else {
        c.spans.shared
    };
    out.push(
        finding(
            block.spans.opt_out_signals.unwrap_or(block.span),
            format!(
                "the CCPA category `{}` is {word}, but the CCPA rights say opt-out preference signals are not honoured",
                c.id
            ),
        )
        .with_label("refuses the signal")
        .with_secondary(span.unwrap_or(c.span), word)
        .with_help(
            "a business that sells or shares must process a signal such as Global Privacy Control as a valid request to opt out of sale/sharing (Cal. Code Regs. tit. 11, §7025(b)): say so, e.g. `opt_out_signals \"We treat a Global Privacy Control signal from your browser as a request to opt out of sale and sharing for that browser and any profile linked to it.\"`",
        ),
    );
}

fn consent_essential(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if !p.exports(Export::Consent) {
        return;
    }
    for c in p.cookies.iter().filter(|c| c.essential.is_none()) {
        out.push(
            finding(
                c.span,
                format!(
                    "cookie category `{}` does not say whether it is essential, so `consent.json` cannot say whether it needs consent",
                    c.id
                ),
            )
            .with_label("no `essential`")
            .with_help("add `essential yes` (strictly necessary) or `essential no` (needs consent)"),
        );
    }
}

fn store_label_facts(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let apple = p.exports(Export::AppStore);
    let play = p.exports(Export::PlayDataSafety);
    if !apple && !play {
        return;
    }
    let mut purposes_seen = vec![false; p.purposes.len()];
    for c in collected(p) {
        let item = c.item;
        let mut missing: Vec<&str> = Vec::new();
        if apple {
            if item.apple.is_none() {
                missing.push("`apple` (its App Store data type)");
            }
            if item.linked.is_none() {
                missing.push("`linked`");
            }
            if c.tracking(p).is_none() {
                missing.push("`tracking` (or whether its recipients advertise with it)");
            }
        }
        if play {
            if item.play.is_none() {
                missing.push("`play` (its Play data type)");
            }
            if item.required.is_none() && c.datasets.iter().all(|d| d.required.is_none()) {
                missing.push("`required` (on the item or a data set that collects it)");
            }
        }
        if !missing.is_empty() {
            out.push(
                finding(
                    item.span,
                    format!(
                        "item `{}` is collected but the store labels lack {}",
                        item.id,
                        super::context::and_list(&missing)
                    ),
                )
                .with_label("collected, not labelled")
                .with_help(
                    "add the missing fields to the item: e.g. `apple email_address`, `play email`, `linked yes`, `tracking no`, `required yes`",
                ),
            );
        }
        for d in &c.datasets {
            for r in &d.purposes {
                let Some(seen) = purposes_seen.get_mut(r.index()) else {
                    continue;
                };
                if *seen {
                    continue;
                }
                *seen = true;
                let purpose = p.get(r);
                let mut lacks: Vec<&str> = Vec::new();
                if apple && purpose.apple.is_none() {
                    lacks.push("`apple` (its App Store purpose)");
                }
                if play && purpose.play.is_none() {
                    lacks.push("`play` (its Play purpose)");
                }
                if !lacks.is_empty() {
                    out.push(
                        finding(
                            purpose.span,
                            format!(
                                "purpose `{}` of labelled data lacks {}",
                                purpose.id,
                                super::context::and_list(&lacks)
                            ),
                        )
                        .with_label("no store purpose")
                        .with_help(
                            "add the store purpose it is: e.g. `apple app_functionality`, `play app_functionality`",
                        ),
                    );
                }
            }
        }
    }
}

/// Whether a data set tracks the people it collects data from, in the
/// notice's own terms: a purpose of targeted advertising, or a data broker
/// among its recipients.
fn advertises(purpose: &Purpose) -> bool {
    purpose.marketing == Some(true) || purpose.targeted_advertising == Some(true)
}

fn store_label_advertising(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    use crate::model::words::ApplePurpose;
    let p = ctx.policy;
    let apple = p.exports(Export::AppStore);
    let play = p.exports(Export::PlayDataSafety);
    if !apple && !play {
        return;
    }
    for purpose in &p.purposes {
        let what = if purpose.targeted_advertising == Some(true) {
            "targeted advertising"
        } else if purpose.marketing == Some(true) {
            "direct marketing"
        } else {
            continue;
        };
        let mut labels: Vec<(String, crate::source::Span)> = Vec::new();
        if apple
            && let Some(a @ (ApplePurpose::AppFunctionality | ApplePurpose::Analytics)) =
                purpose.apple
        {
            labels.push((
                format!("`apple {}`", a.word()),
                purpose.spans.apple.unwrap_or(purpose.span),
            ));
        }
        if play
            && let Some(l @ (PlayPurpose::AppFunctionality | PlayPurpose::Analytics)) = purpose.play
        {
            labels.push((
                format!("`play {}`", l.word()),
                purpose.spans.play.unwrap_or(purpose.span),
            ));
        }
        for (label, span) in labels {
            out.push(
                finding(
                    span,
                    format!(
                        "purpose `{}` is {what} in the notice but labelled {label} in the store",
                        purpose.id
                    ),
                )
                .with_label("advertising filed as something else")
                .with_help(
                    "label it as advertising: `apple third_party_advertising` (or `developers_advertising` for your own marketing), `play advertising`",
                ),
            );
        }
    }
}

fn store_label_sensitive(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    use crate::model::words::{AppleDataType, PlayDataType, SensitiveKind, SpecialCategory};
    let p = ctx.policy;
    let apple = p.exports(Export::AppStore);
    let play = p.exports(Export::PlayDataSafety);
    if !apple && !play {
        return;
    }
    for c in collected(p) {
        let item = c.item;
        let health = item.special == Some(SpecialCategory::Health)
            || item.sensitive == Some(SensitiveKind::Health);
        let other = item.special.filter(|s| *s != SpecialCategory::Health);
        if apple && let Some(kind) = item.apple {
            let (fits, wanted) = if health {
                (
                    matches!(kind, AppleDataType::Health | AppleDataType::Fitness),
                    "`apple health` or `apple fitness`",
                )
            } else if other.is_some() {
                (
                    kind == AppleDataType::SensitiveInfo,
                    "`apple sensitive_info`",
                )
            } else {
                (true, "")
            };
            if !fits {
                out.push(
                    finding(
                        item.spans.apple.unwrap_or(item.span),
                        format!(
                            "item `{}` is {} data in the notice but labelled `apple {}`",
                            item.id,
                            if health { "health" } else { "special category" },
                            kind.word()
                        ),
                    )
                    .with_label("sensitive data, ordinary label")
                    .with_help(format!("label it {wanted}")),
                );
            }
        }
        if play && let Some(kind) = item.play {
            let wanted: Option<(&[PlayDataType], &str)> = if health {
                Some((
                    &[PlayDataType::Health, PlayDataType::Fitness],
                    "`play health` or `play fitness`",
                ))
            } else {
                match other {
                    Some(SpecialCategory::RacialOrEthnicOrigin) => {
                        Some((&[PlayDataType::RaceEthnicity], "`play race_ethnicity`"))
                    }
                    Some(
                        SpecialCategory::PoliticalOpinions
                        | SpecialCategory::ReligiousOrPhilosophicalBeliefs,
                    ) => Some((
                        &[PlayDataType::PoliticalReligious],
                        "`play political_religious`",
                    )),
                    Some(SpecialCategory::SexLifeOrSexualOrientation) => Some((
                        &[PlayDataType::SexualOrientation],
                        "`play sexual_orientation`",
                    )),
                    // Play has no type of its own for the others.
                    _ => None,
                }
            };
            if let Some((types, words)) = wanted
                && !types.contains(&kind)
            {
                out.push(
                    finding(
                        item.spans.play.unwrap_or(item.span),
                        format!(
                            "item `{}` is {} data in the notice but labelled `play {}`",
                            item.id,
                            if health { "health" } else { "special category" },
                            kind.word()
                        ),
                    )
                    .with_label("sensitive data, ordinary label")
                    .with_help(format!("label it {words}")),
                );
            }
        }
    }
}

fn store_label_notice(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let apple = p.exports(Export::AppStore);
    let play = p.exports(Export::PlayDataSafety);
    if !apple && !play {
        return;
    }
    for c in collected(p) {
        let item = c.item;
        let notice_tracks = c.tracking_by_flows(p);
        if apple && item.tracking == Some(true) && notice_tracks == Some(false) {
            out.push(
                finding(
                    item.spans.tracking.unwrap_or(item.span),
                    format!(
                        "item `{}` is labelled as used to track people, but no data set that collects it has a purpose of targeted advertising, a recipient that advertises with it or a data broker",
                        item.id
                    ),
                )
                .with_label("`tracking yes`")
                .with_help(
                    "publish the tracking in the notice (a purpose with `targeted_advertising yes`, or a recipient that advertises with the item, in a data set that collects it), or write `tracking no`",
                ),
            );
        }
        if apple && item.tracking == Some(false) && notice_tracks == Some(true) {
            out.push(
                finding(
                    item.spans.tracking.unwrap_or(item.span),
                    format!(
                        "item `{}` is labelled as not used to track people, but a data set that collects it uses it for targeted advertising or sends it to a recipient that advertises with it or a data broker",
                        item.id
                    ),
                )
                .with_label("`tracking no`")
                .with_help("write `tracking yes` (or leave it out: the data sets answer it), or take the item out of the data set that tracks"),
            );
        }
    }
    for purpose in &p.purposes {
        let labelled = (apple && purpose.apple.is_some_and(|a| a.is_advertising()))
            || (play && purpose.play == Some(PlayPurpose::Advertising));
        if labelled && !advertises(purpose) {
            let word = match (purpose.apple, purpose.play) {
                (Some(a), _) if a.is_advertising() => format!("apple {}", a.word()),
                _ => "play advertising".to_owned(),
            };
            out.push(
                finding(
                    purpose.span,
                    format!(
                        "purpose `{}` is labelled `{word}` in the store labels, but the notice does not present it as marketing or targeted advertising",
                        purpose.id
                    ),
                )
                .with_label("advertising in the store, not in the notice")
                .with_help(
                    "say so in the notice (`marketing yes` or `targeted_advertising yes`), or choose the store purpose it is",
                ),
            );
        }
    }
}
