//! The legal and consistency rules.
//!
//! Each rule is a function over the resolved [`Policy`] that yields
//! diagnostics, and lives in the file of its family:
//!
//! - [`structure`]: the policy holds together (every data set has a purpose,
//!   every purpose a lawful basis, every address is well formed, ...);
//! - [`gdpr`]: GDPR Art. 13 and 14, and the lawful bases of Art. 6 and 9;
//! - [`notice`]: more of what the GDPR notice says: the representative, the
//!   DPO, joint controllers, cookies, withdrawal, automated decisions;
//! - [`transfers`]: GDPR Chapter V, transfers outside the EEA;
//! - [`children`]: children's ages (GDPR Art. 8) and minors (CCPA §1798.120(c));
//! - [`translations`]: every language's translation is complete and current,
//!   and a Quebec business publishes in French;
//! - [`ccpa`]: the CCPA / CPRA privacy policy;
//! - [`exports`]: the facts the exports need, and the store labels against the notice.
//! - [`uk`]: what the UK GDPR asks beyond the GDPR's text: the ICO, the UK
//!   representative, the UK transfer tools;
//! - [`states`]: the US state laws of `law/declarations.rs`, one family
//!   per law;
//! - [`colorado`]: what the Colorado Privacy Act Rules (4 CCR 904-3) add:
//!   the purpose-by-purpose disclosures, loyalty programmes, profiling.
//!
//! Every rule is a [`Rule`]: a stable code, a default severity, a summary, the
//! provision it comes from, an explanation, and an example that triggers it
//! with its fix (the example and the fix are the rule's test fixtures, so the
//! documentation cannot drift from what the rule does). [`rules`] is the
//! catalogue that `candor rules` and `candor explain` print.
//!
//! [`run`] runs every rule whose law the policy declares (GDPR rules when it
//! declares `gdpr` or `uk_gdpr`, CCPA rules when it declares `ccpa`).
//! [`apply_levels`] then applies the policy's own `rules { ... }` settings and
//! the command line's `--allow`, `--warn` and `--deny`.
//!
//! Every rule runs in time linear in the size of the policy: rules index by
//! id (a [`crate::model::Ref`] carries the index of what it names) and never
//! compare every data set with every recipient.

pub mod anchors;
pub mod audit;
mod ccpa;
mod children;
pub mod codes;
mod colorado;
mod connecticut;
mod context;
mod dates;
mod denials;
pub mod explain;
mod exports;
mod gdpr;
mod notice;
mod sources;
mod states;
mod structure;
mod transfers;
mod translations;
mod uk;

use crate::text;

use std::collections::HashMap;

use crate::Options;
use crate::diagnostic::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::law::{self, Family, Law};
use crate::model::words::RuleLevel;
use crate::model::{Policy, PolicyDate};
use crate::source::Span;

pub use dates::system_today;

use context::Ctx;

pub use crate::diagnostic::code::{ALLOW_WITHOUT_REASON, UNKNOWN_RULE, WARNINGS};

/// The date the examples of `candor explain` and the rule fixtures are
/// checked against, so that the date-dependent rule gives the same answer on
/// every day.
pub const EXAMPLE_TODAY: PolicyDate = PolicyDate {
    year: 2026,
    month: 11,
    day: Some(29),
};

/// What a rule's function does: reads the policy, pushes findings. The
/// runner stamps each finding with the rule's code and severity.
type CheckFn = fn(&Ctx<'_>, &mut Vec<Diagnostic>);

/// One rule of the catalogue.
pub struct Rule {
    /// Stable code, e.g. `gdpr::consent-withdrawal`.
    pub code: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// Its family, which decides the laws it applies.
    pub family: Family,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// The provision it comes from.
    pub citation: &'static str,
    /// The day the duty began, from the commencement provisions: the rule
    /// runs only when `--today` (or the system date) is on or after it.
    /// `None` only for the structural rules, which check that the policy
    /// holds together and follow no one law's commencement.
    pub since: Option<PolicyDate>,
    /// The day the duty ended, when it was repealed: the rule runs only
    /// before it.
    pub until: Option<PolicyDate>,
    /// Why the law asks for it, and what counts.
    pub explanation: &'static str,
    /// A policy that triggers the rule.
    pub example: &'static str,
    /// The same policy, fixed.
    pub fixed: &'static str,
    check: CheckFn,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

/// The law of a family of rules: `gdpr::` rules run on policies that
/// declare `gdpr` or `uk_gdpr`, `ccpa::` rules on those that declare
/// `ccpa`, `structure::` rules on every policy. A rule's scope is its
/// family's, so the two cannot disagree; a family not listed here does not
/// compile.
macro_rules! family_scope {
    (structure) => {
        $crate::law::Family::Structure
    };
    (gdpr) => {
        $crate::law::Family::Gdpr
    };
    (ccpa) => {
        $crate::law::Family::Ccpa
    };
    // A state law of `law/declarations.rs`, by its word.
    ($state:ident) => {
        $crate::law::Family::of_word(stringify!($state))
    };
}
pub(crate) use family_scope;

/// Declares a rule of a family, whose law its family decides (see
/// [`family_scope!`]). The example and the fix are the rule's test
/// fixtures, `tests/fixtures/rules/<family>/<name>.fail.policy` and
/// `.pass.policy`.
macro_rules! rule {
    (
        $family:ident :: $name:literal,
        $severity:ident,
        summary: $summary:expr,
        citation: $citation:expr,
        since: $since:literal,
        $(until: $until:literal,)?
        explanation: $explanation:expr,
        check: $check:expr $(,)?
    ) => {
        $crate::check::Rule::new(
            concat!(stringify!($family), "::", $name),
            $crate::diagnostic::Severity::$severity,
            $crate::check::family_scope!($family),
            [$summary, $citation, $explanation],
            [$crate::check::since($since), $crate::check::until(&[$($until)?])],
            [
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/rules/",
                    stringify!($family),
                    "/",
                    $name,
                    ".fail.policy"
                )),
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/rules/",
                    stringify!($family),
                    "/",
                    $name,
                    ".pass.policy"
                )),
            ],
            $check,
        )
    };
}
pub(crate) use rule;

impl Rule {
    /// Used by [`rule!`].
    const fn new(
        code: &'static str,
        severity: Severity,
        family: Family,
        [summary, citation, explanation]: [&'static str; 3],
        [since, until]: [Option<PolicyDate>; 2],
        [example, fixed]: [&'static str; 2],
        check: CheckFn,
    ) -> Self {
        Rule {
            code,
            severity,
            family,
            summary,
            citation,
            since,
            until,
            explanation,
            example,
            fixed,
            check,
        }
    }

    /// The rule's code, with its severity and summary.
    #[must_use]
    pub fn code(&self) -> Code {
        Code {
            name: self.code,
            severity: self.severity,
            summary: self.summary,
        }
    }

    /// Whether the duty is in force on a day: on or after [`Rule::since`]
    /// and before [`Rule::until`].
    #[must_use]
    pub fn in_force_on(&self, today: PolicyDate) -> bool {
        self.since.is_none_or(|s| s <= today) && self.until.is_none_or(|u| today < u)
    }

    /// The family: `gdpr` of `gdpr::consent-withdrawal`.
    #[must_use]
    pub fn family(&self) -> &'static str {
        self.code
            .split_once("::")
            .map_or(self.code, |(family, _)| family)
    }
}

/// A rule's `since`: a day `YYYY-MM-DD`, or `always` for a structural
/// rule (used by [`rule!`]; anything else fails to compile).
#[must_use]
pub(crate) const fn since(text: &str) -> Option<PolicyDate> {
    if text.len() == 6 {
        assert!(
            text.as_bytes()[0] == b'a',
            "`since` is YYYY-MM-DD or `always`"
        );
        None
    } else {
        Some(law::day(text))
    }
}

/// A rule's `until`, when it has one (used by [`rule!`]).
#[must_use]
pub(crate) const fn until(text: &[&str]) -> Option<PolicyDate> {
    match text {
        [day] => Some(law::day(day)),
        _ => None,
    }
}

/// Every rule, family by family, in catalogue order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    structure::RULES
        .iter()
        .chain(gdpr::RULES)
        .chain(notice::RULES)
        .chain(sources::RULES)
        .chain(transfers::RULES)
        .chain(children::RULES)
        .chain(translations::RULES)
        .chain(uk::RULES)
        .chain(ccpa::RULES)
        .chain(denials::RULES)
        .chain(exports::RULES)
        .chain(states::rules())
        .chain(colorado::RULES)
        .chain(connecticut::RULES)
}

/// The rule with this code.
#[must_use]
pub fn find(code: &str) -> Option<&'static Rule> {
    rules().find(|r| r.code == code)
}

/// A finding at `span`; the runner fills in the rule's code and severity.
pub(crate) fn finding(span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(String::new(), Severity::Warning, span, message)
}

/// Runs every rule that applies to the policy.
#[must_use]
pub fn run(policy: &Policy, options: &Options) -> Vec<Diagnostic> {
    let today = options.today.unwrap_or_else(system_today);
    let prose = context::collect_prose(policy);
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut found = Vec::new();
    for &family in Family::ALL {
        // A law's family runs once per declared law of the family, each time
        // with that law's rights block; the structural rules run once.
        let laws: Vec<Option<&Law>> = if family == Family::Structure {
            vec![None]
        } else {
            law::declared(policy)
                .filter(|l| l.family == family)
                .map(Some)
                .collect()
        };
        for law in laws {
            let ctx = Ctx::new(policy, today, law, &prose);
            // A duty not yet begun (or repealed) on `today` is not judged.
            for rule in rules().filter(|r| r.family == family && r.in_force_on(today)) {
                (rule.check)(&ctx, &mut found);
                for mut d in found.drain(..) {
                    d.code = rule.code.to_owned();
                    d.severity = rule.severity;
                    all.push(d);
                }
            }
        }
    }
    // Two laws of one family find the same fact once: a finding that does
    // not depend on the law's rights block is reported once.
    let mut seen = std::collections::HashSet::new();
    all.retain(|d| seen.insert((d.code.clone(), d.primary.span, d.message.clone())));
    all
}

// ─── Rule settings ─────────────────────────────────────────────────────────

/// Every code a setting may name.
fn known_codes() -> impl Iterator<Item = &'static str> {
    codes::all().map(|c| c.name).chain([WARNINGS])
}

/// The did-you-mean for a code that names no rule: the closest code, or the
/// full code when only the part after `::` was written.
fn suggestion(code: &str) -> Option<&'static str> {
    if let Some(full) = known_codes().find(|c| c.split_once("::").is_some_and(|(_, n)| n == code)) {
        return Some(full);
    }
    crate::suggest::closest(code, known_codes())
}

/// Whether a code can be configured: a rule of the catalogue, a code of the
/// compiler core (such as `candor::unused`), or `warnings`.
#[must_use]
pub fn is_known_code(code: &str) -> bool {
    codes::is_configurable(code)
}

/// Checks one setting, as written in `rules { ... }` or on the command line.
///
/// # Errors
/// A message for a code that names no rule (with a did-you-mean), or for
/// `allow warnings` (warnings are silenced one rule at a time, each with its
/// reason).
pub fn validate_setting(code: &str, level: RuleLevel) -> Result<(), String> {
    if !is_known_code(code) {
        let mut message = format!("`{code}` is not a rule candor knows");
        if let Some(s) = suggestion(code) {
            message.push_str(&format!(": did you mean `{s}`?"));
        }
        return Err(message);
    }
    if code == WARNINGS && level == RuleLevel::Allow {
        return Err(
            "`allow warnings` would silence every rule at once; allow each rule by its \
                    code, with the reason for the decision"
                .to_owned(),
        );
    }
    Ok(())
}

/// Applies rule settings: the policy's own `rules { ... }` first, then the
/// command line's, so a later setting wins. `deny warnings` turns every
/// remaining warning into an error.
///
/// A setting in the policy with an unknown code is reported, with a
/// did-you-mean; so is an `allow` without a reason, since allowing a finding
/// is a legal decision that must be on record. Errors of the compiler core
/// (syntax, unknown names) cannot be allowed or lowered.
pub fn apply_levels(diagnostics: &mut Vec<Diagnostic>, policy: Option<&Policy>, options: &Options) {
    let mut levels: HashMap<&str, RuleLevel> = HashMap::new();
    let mut problems = Vec::new();
    if let Some(policy) = policy {
        for setting in &policy.rule_settings {
            if let Err(message) = validate_setting(&setting.code, setting.level) {
                let mut d = Diagnostic::error(UNKNOWN_RULE, setting.span, message)
                    .with_label("unknown rule");
                d = if setting.code == WARNINGS {
                    d.with_help("write `allow CODE \"reason\"` for each finding the policy accepts")
                } else {
                    d.with_help("`candor rules` lists every rule and its code")
                };
                problems.push(d);
                continue;
            }
            let no_reason = setting
                .reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty());
            if setting.level == RuleLevel::Allow && no_reason {
                problems.push(
                    Diagnostic::error(
                        ALLOW_WITHOUT_REASON,
                        setting.span,
                        format!("`allow {}` gives no reason", setting.code),
                    )
                    .with_label("no reason")
                    .with_help(format!(
                        "allowing a finding is a legal decision on record: write why, e.g. \
                         `allow {} \"reviewed by counsel on ...: ...\"`",
                        setting.code
                    )),
                );
            }
            levels.insert(&setting.code, setting.level);
        }
    }
    for (code, level) in &options.levels {
        if validate_setting(code, *level).is_ok() {
            levels.insert(code, *level);
        }
    }
    let deny_warnings = levels.get(WARNINGS) == Some(&RuleLevel::Deny);
    diagnostics.retain_mut(|d| {
        let core_error = d.severity == Severity::Error && d.code.starts_with("candor::");
        if !core_error {
            match levels.get(d.code.as_str()) {
                Some(RuleLevel::Allow) => return false,
                Some(RuleLevel::Warn) => d.severity = Severity::Warning,
                Some(RuleLevel::Deny) => d.severity = Severity::Error,
                None => {}
            }
        }
        if deny_warnings && d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
        true
    });
    diagnostics.extend(problems);
}
