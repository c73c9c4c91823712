//! The rules of `candor audit`: the notice against what the website and
//! the app really do. They read recorded visits (HAR files, or candor's own
//! visits in headless Chromium) and an app's manifests, not only the
//! policy, so they are not in [`super::rules`]; their codes are in
//! [`crate::check::codes::all`], so `--deny`, `rules { allow ... }`,
//! SARIF, `candor rules` and `candor explain` know them like any other.

use crate::diagnostic::Severity;
use crate::diagnostic::code::Code;

/// One rule of `candor audit`.
#[derive(Debug)]
pub struct AuditRule {
    /// Stable code, `audit::...`.
    pub code: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// One line: what it reports.
    pub summary: &'static str,
    /// The provisions it comes from.
    pub citation: &'static str,
    /// Why the law asks for it, and what counts.
    pub explanation: &'static str,
    /// What to do about a finding.
    pub fix: &'static str,
    /// The fixtures that show it (`tests/fixtures/audit/`).
    pub example: &'static str,
}

impl AuditRule {
    /// The rule's code, with its severity and summary.
    #[must_use]
    pub fn code(&self) -> Code {
        Code {
            name: self.code,
            severity: self.severity,
            summary: self.summary,
        }
    }
}

/// A vendor seen on the site or linked in the app that the notice does not name.
pub const UNDECLARED_VENDOR: &str = "audit::undeclared-vendor";
/// A non-essential tracker loaded before consent, or after a refusal.
pub const BEFORE_CONSENT: &str = "audit::before-consent";
/// An advertising request that carries `Sec-GPC: 1` where the notice honours the signal.
pub const GPC_IGNORED: &str = "audit::gpc-ignored";
/// A cookie that lives longer than its category's declared duration.
pub const COOKIE_LIFETIME: &str = "audit::cookie-lifetime";
/// An SDK in the app whose data types the store labels do not declare.
pub const SDK_STORE_LABEL: &str = "audit::sdk-store-label";
/// An SDK or permission the app's manifests do not match.
pub const MANIFEST: &str = "audit::privacy-manifest";
/// A declared vendor never seen.
pub const NOT_SEEN: &str = "audit::vendor-not-seen";

/// Every rule of `candor audit`, in the order `candor rules` lists them.
pub static RULES: &[AuditRule] = &[
    AuditRule {
        code: UNDECLARED_VENDOR,
        severity: Severity::Error,
        summary: "a vendor the site contacts, whose cookie it sets, or whose SDK the app links, is \
                  not named in the notice",
        citation: "GDPR Art. 13(1)(e); PECR reg. 6(1) and Sch. A1 para. 2(1)(a); Cal. Civ. Code \
                   §1798.100(a)(1)",
        explanation: "The notice must name the recipients, or categories of recipients, of the \
             personal data (GDPR Art. 13(1)(e)); storing or reading a cookie needs clear and \
             comprehensive information about its purpose (PECR reg. 6 and Schedule A1; ePrivacy \
             Directive Art. 5(3)); and a business must say, at or before collection, what it \
             collects and whether it sells or shares it (Cal. Civ. Code §1798.100(a)(1)). A \
             tracker on the page or an SDK in the app is a recipient: when the notice names \
             neither the vendor nor its company, the notice and the product disagree. A vendor \
             counts as named when a `vendor`, `recipient` or `third_party` declaration's id or \
             display name is the product's name, one of its other names, or its company's name \
             (`vendor google \"Google\"` names every Google product), or names another product \
             of the same company: the recipient is the company.",
        fix: "Declare the vendor (`vendor hotjar \"Hotjar\" { kind analytics }`) and list it in the \
              `vendors` of the cookie category it belongs to; or remove the tag or SDK.",
        example: "candor audit tests/fixtures/audit/policy --har \
                  tests/fixtures/audit/har/accepted-all.fail.har --recorded-consent given (the \
                  pass case: tests/fixtures/audit/har/accepted-all.pass.har )",
    },
    AuditRule {
        code: BEFORE_CONSENT,
        severity: Severity::Error,
        summary: "a tracker that needs consent is loaded, or its cookie set, before the visitor \
                  consents or after they refuse",
        citation: "Directive 2002/58/EC (ePrivacy) Art. 5(3); PECR reg. 6(1) and Sch. A1 para. \
                   2(1)(b); GDPR Art. 4(11), Art. 7",
        explanation: "Storing information on a visitor's device, or reading it, needs their \
             consent unless it is strictly necessary for the service they asked for (ePrivacy \
             Directive Art. 5(3); in the UK, PECR reg. 6(1) with Schedule A1). Consent is given \
             before the storage, by a clear affirmative act (GDPR Art. 4(11)): a tag that fires \
             on the first page view, or again after a refusal, has no consent. The rule runs \
             when the policy declares `gdpr` or `uk_gdpr` and the tracker is not strictly \
             necessary: the notice's own cookie category decides (`essential yes`), otherwise \
             the registry's category (payments, bot protection and consent tools are taken as \
             necessary). A HAR file is taken as recorded on a first visit with no choice made, \
             unless `--recorded-consent` says otherwise.",
        fix: "Load the tag only once the consent tool reports consent for its category (a tag \
              manager's consent settings, or `type=\"text/plain\"` scripts the consent tool \
              enables).",
        example: "candor audit tests/fixtures/audit/policy --har \
                  tests/fixtures/audit/har/first-visit.fail.har (the pass case: \
                  tests/fixtures/audit/har/first-visit.pass.har )",
    },
    AuditRule {
        code: GPC_IGNORED,
        severity: Severity::Error,
        summary: "an advertising request carries `Sec-GPC: 1`, though the notice says the opt-out \
                  preference signal is honoured",
        citation: "Cal. Code Regs. tit. 11, §7025(b), (c)(1); Cal. Civ. Code §1798.135(b)",
        explanation: "A business that sells or shares personal information must process an \
             opt-out preference signal such as Global Privacy Control as a valid request to opt \
             out of sale and sharing for that browser (Cal. Code Regs. tit. 11, §7025(b) and \
             (c)(1)). When the notice states how it handles the signal (`opt_out_signals`) and \
             the browser sends `Sec-GPC: 1`, a request to an advertising vendor that tracks \
             across sites is the sharing the signal asked to stop.",
        fix: "Suppress advertising tags when `navigator.globalPrivacyControl` is true or the \
              request carries `Sec-GPC: 1` (most consent tools have a setting for it).",
        example: "candor audit tests/fixtures/audit/policy --har \
                  tests/fixtures/audit/har/gpc.fail.har --recorded-consent given (the pass \
                  case: tests/fixtures/audit/har/gpc.pass.har )",
    },
    AuditRule {
        code: COOKIE_LIFETIME,
        severity: Severity::Warning,
        summary: "a cookie lives longer than the duration its category declares",
        citation: "GDPR Art. 13(2)(a); CJEU C-673/17 Planet49; PECR reg. 6 and Sch. A1 \
                   para. 2(1)(a)",
        explanation: "The notice must give the period for which data is stored (GDPR Art. \
             13(2)(a)); for cookies, the Court of Justice holds that their duration is part of \
             the clear and comprehensive information consent needs (Planet49). A cookie \
             category's `duration` is compared with each cookie of its vendors: a session-only \
             category whose vendor sets a persistent cookie, or a cookie that outlives the \
             stated months or years, is reported. A duration candor cannot read as a period \
             (\"a reasonable time\") is not compared.",
        fix: "State the longest lifetime the category's cookies really have (`duration \"up to 13 \
              months\"`), or shorten the cookie's `Max-Age`.",
        example: "candor audit tests/fixtures/audit/policy --har \
                  tests/fixtures/audit/har/cookie-lifetime.fail.har --recorded-consent given \
                  (the pass case: tests/fixtures/audit/har/cookie-lifetime.pass.har )",
    },
    AuditRule {
        code: SDK_STORE_LABEL,
        severity: Severity::Error,
        summary: "an SDK the app links collects a data type the store labels do not declare",
        citation: "GDPR Art. 13(1)(c), (e); Cal. Civ. Code §1798.100(a)(1)",
        explanation: "An SDK collects data in the app's name: Crashlytics sends crash logs, an \
             attribution SDK the device's identifiers. The App Store privacy details and the \
             Google Play data safety section are derived from the items' `apple` and `play` \
             words, and the notice states what is collected and who receives it (GDPR Art. \
             13(1)(c) and (e); Cal. Civ. Code §1798.100(a)(1)). When the policy states store \
             types at all and an SDK's own disclosure lists a type that no item declares, the \
             labels are missing what the SDK collects.",
        fix: "Declare an item with the SDK's data type (`item crash_logs \"crash logs\" { apple \
              crash_data  play crash_logs }`) in the data set it belongs to, or remove the SDK.",
        example: "candor audit tests/fixtures/audit/mobile-policy --app \
                  tests/fixtures/audit/app/android-gradle.fail (the pass case: \
                  tests/fixtures/audit/app/android-gradle.pass )",
    },
    AuditRule {
        code: MANIFEST,
        severity: Severity::Error,
        summary: "the app's privacy manifest or Android manifest does not match its SDKs or the \
                  store labels",
        citation: "GDPR Art. 13(1)(c); Cal. Civ. Code §1798.100(a)(1)",
        explanation: "The iOS privacy manifest (`PrivacyInfo.xcprivacy`) lists the data types \
             the app collects and, where it tracks, `NSPrivacyTracking` with the tracking \
             domains; Apple compiles the privacy report from it. The Android manifest's \
             permissions show what the app can read: precise location, contacts, the \
             microphone, the advertising ID. A tracking SDK under `NSPrivacyTracking false`, an \
             SDK's data type missing from the manifest, or a permission whose data no item \
             declares, means the notice and the labels derived from it describe a different \
             app.",
        fix: "Add the data type to `NSPrivacyCollectedDataTypes` (and the tracking domains), or \
              declare the item the permission reads with its `apple` or `play` type.",
        example: "candor audit tests/fixtures/audit/mobile-policy --app \
                  tests/fixtures/audit/app/ios-cocoapods.fail (the pass case: \
                  tests/fixtures/audit/app/ios-spm.pass )",
    },
    AuditRule {
        code: NOT_SEEN,
        severity: Severity::Advice,
        summary: "a vendor the notice declares was not seen in any visit or manifest audited",
        citation: "GDPR Art. 5(1)(a), Art. 13(1)(e)",
        explanation: "A vendor the notice names but the site and app no longer use makes the \
             notice say more than is true; it is information rather than an error, since a \
             visit may not reach every page where the vendor loads. Reported only for vendors \
             the registry can recognise (it knows their hosts, cookies or SDKs) and only for \
             the kind of evidence audited (web vendors when a visit was audited, SDKs when an \
             app was), and only under `--complete`, which says the evidence covers every page \
             and build where vendors load.",
        fix: "Remove the vendor from the notice if the product no longer uses it, or audit the \
              pages where it loads.",
        example: "candor audit tests/fixtures/audit/policy --har \
                  tests/fixtures/audit/har/first-visit.pass.har --complete",
    },
];

/// The codes of `candor audit`.
pub fn codes() -> impl Iterator<Item = Code> {
    RULES.iter().map(AuditRule::code)
}

/// The rule with this code.
#[must_use]
pub fn find(code: &str) -> Option<&'static AuditRule> {
    RULES.iter().find(|r| r.code == code)
}
