//! The legal and consistency rules.
//!
//! Every rule of the catalogue has two fixtures under
//! `tests/fixtures/rules/<family>/`: `<name>.fail.policy` triggers it and
//! `<name>.pass.policy`, the same policy fixed, does not. The failing ones
//! are snapshotted with the rule's diagnostics as a person sees them. The
//! same two files are the example and the fix `candor explain` prints.

use std::path::{Path, PathBuf};
use std::time::Instant;

use candor::check::{self, EXAMPLE_TODAY};
use candor::diagnostic::{Color, Diagnostic, Severity, render_human};
use candor::model::words::RuleLevel;
use candor::source::{SourceFile, Sources};
use candor::{Compiled, Options, compile, compile_sources};

fn options() -> Options {
    Options {
        today: Some(EXAMPLE_TODAY),
        levels: Vec::new(),
    }
}

/// The message of the first finding of a rule.
fn message_of(compiled: &Compiled, code: &str) -> String {
    compiled
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .map(|d| d.message.clone())
        .expect("a finding")
}

/// The options of a check run on `day` (`YYYY-MM-DD`).
fn options_on(day: &str) -> Options {
    Options {
        today: candor::model::PolicyDate::parse(day),
        levels: Vec::new(),
    }
}

fn fixture(code: &str, outcome: &str) -> PathBuf {
    let (family, name) = code.split_once("::").expect("a rule code has a family");
    Path::new("tests/fixtures/rules")
        .join(family)
        .join(format!("{name}.{outcome}.policy"))
}

fn compiled(path: &Path, options: &Options) -> Compiled {
    let compiled = compile(path, options).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // The rules only run on a policy that resolves: a fixture with a
    // compiler error would test nothing.
    let core: Vec<&Diagnostic> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code.starts_with("candor::"))
        .collect();
    assert!(
        core.is_empty(),
        "{} does not compile:\n{}",
        path.display(),
        render_human(&compiled.diagnostics, &compiled.sources, Color::Never)
    );
    compiled
}

fn codes(compiled: &Compiled) -> Vec<&str> {
    compiled
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn every_rule_fails_its_fail_fixture_and_passes_its_pass_fixture() {
    for rule in check::rules() {
        let fail = compiled(&fixture(rule.code, "fail"), &options());
        assert!(
            codes(&fail).contains(&rule.code),
            "{} should report {}, got {:?}",
            fixture(rule.code, "fail").display(),
            rule.code,
            codes(&fail)
        );
        for d in fail.diagnostics.iter().filter(|d| d.code == rule.code) {
            assert_eq!(
                d.severity, rule.severity,
                "{}: the default severity",
                rule.code
            );
            assert!(
                d.help.is_some(),
                "{}: every finding says how to fix it",
                rule.code
            );
            assert!(
                !d.message.ends_with('.'),
                "{}: no final period: {}",
                rule.code,
                d.message
            );
            assert!(
                d.message.chars().next().is_some_and(|c| !c.is_uppercase()),
                "{}: starts in lower case: {}",
                rule.code,
                d.message
            );
        }
        let pass = compiled(&fixture(rule.code, "pass"), &options());
        assert!(
            !codes(&pass).contains(&rule.code),
            "{} should not report {}:\n{}",
            fixture(rule.code, "pass").display(),
            rule.code,
            render_human(&pass.diagnostics, &pass.sources, Color::Never)
        );
    }
}

#[test]
fn every_fixture_belongs_to_a_rule() {
    for family in std::fs::read_dir("tests/fixtures/rules").expect("fixtures") {
        let family = family.expect("entry").path();
        if !family.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&family).expect("family") {
            let path = file.expect("entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let stem = name
                .trim_end_matches(".fail.policy")
                .trim_end_matches(".pass.policy");
            let fam = family
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let code = format!("{fam}::{stem}");
            assert!(
                check::find(&code).is_some(),
                "{} names no rule",
                path.display()
            );
        }
    }
}

#[test]
fn fail_fixtures_report_as_snapshotted() {
    insta::glob!("fixtures/rules/*/*.fail.policy", |path| {
        let path = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path);
        let family = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .trim_end_matches(".fail.policy");
        let code = format!("{family}::{name}");
        let compiled = compiled(path, &options());
        let ours: Vec<Diagnostic> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .cloned()
            .collect();
        insta::assert_snapshot!(render_human(&ours, &compiled.sources, Color::Never));
    });
}

#[test]
fn a_complete_policy_draws_no_finding() {
    let compiled = compiled(Path::new("tests/fixtures/rules/clean.policy"), &options());
    assert!(
        compiled.diagnostics.is_empty(),
        "{}",
        render_human(&compiled.diagnostics, &compiled.sources, Color::Never)
    );
}

#[test]
fn the_catalogue_is_large_documented_and_unique() {
    let rules: Vec<_> = check::rules().collect();
    assert!(rules.len() >= 30, "{} rules", rules.len());
    let mut seen = std::collections::HashSet::new();
    for r in &rules {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        assert!(candor::law::Family::of_code(r.code).is_some(), "{}", r.code);
        assert!(
            !r.summary.is_empty() && !r.citation.is_empty() && r.explanation.len() > 80,
            "{}",
            r.code
        );
        // The family is the law's `jurisdictions` word (`new_jersey`), the
        // name after `::` lower-case words joined by `-`.
        let (family, name) = r.code.split_once("::").expect("a family");
        assert!(
            family.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "codes are lower-case words: {}",
            r.code
        );
    }
}

#[test]
fn the_documentation_lists_every_rule() {
    let doc = std::fs::read_to_string("docs/rules.md").expect("docs/rules.md");
    // The count in the heading went stale twice before this line.
    let count = check::rules().count();
    assert!(
        doc.contains(&format!("## The catalogue ({count} rules)")),
        "docs/rules.md's catalogue heading does not say {count} rules"
    );
    let laws = std::fs::read_to_string("docs/laws.md").expect("docs/laws.md");
    assert!(
        laws.contains(&format!("lists the {count} legal and consistency rules")),
        "docs/laws.md does not say {count} rules"
    );
    for rule in check::rules() {
        assert!(
            doc.contains(&format!("`{}`", rule.code)),
            "docs/rules.md does not list {}",
            rule.code
        );
    }
}

// ─── Jurisdictions ────────────────────────────────────────────────────────

fn from_text(text: &str, options: &Options) -> Compiled {
    let mut sources = Sources::new();
    sources.add(SourceFile::new(PathBuf::from("inline.policy"), text));
    compile_sources(sources, &[], options)
}

#[test]
fn rules_apply_only_to_the_laws_the_policy_declares() {
    // The CCPA fixture for `last-updated` is stale; declared GDPR-only, no
    // CCPA rule runs on it.
    let text = std::fs::read_to_string(fixture("ccpa::last-updated", "fail")).expect("fixture");
    let gdpr_only = from_text(
        &text.replace("jurisdictions ccpa", "jurisdictions gdpr"),
        &options(),
    );
    assert!(
        !codes(&gdpr_only).iter().any(|c| c.starts_with("ccpa::")),
        "{:?}",
        codes(&gdpr_only)
    );
    // And the GDPR fixture for consent withdrawal, declared CCPA-only.
    let text =
        std::fs::read_to_string(fixture("gdpr::consent-withdrawal", "fail")).expect("fixture");
    let ccpa_only = from_text(
        &text.replace("jurisdictions gdpr", "jurisdictions ccpa"),
        &options(),
    );
    assert!(
        !codes(&ccpa_only).iter().any(|c| c.starts_with("gdpr::")),
        "{:?}",
        codes(&ccpa_only)
    );
    // UK GDPR counts as GDPR.
    let uk = from_text(
        &text.replace("jurisdictions gdpr", "jurisdictions uk_gdpr"),
        &options(),
    );
    assert!(codes(&uk).contains(&"gdpr::consent-withdrawal"));
}

#[test]
fn a_rules_law_is_its_family() {
    for rule in check::rules() {
        let expected = candor::law::Family::of_code(rule.code).expect("a known family");
        assert_eq!(rule.family, expected, "{}", rule.code);
    }
}

// ─── Cases of issue 10, beyond the fixture pairs ──────────────────────────

fn fixture_text(code: &str, outcome: &str) -> String {
    std::fs::read_to_string(fixture(code, outcome)).expect("fixture")
}

#[test]
fn ages_of_digital_consent_are_checked_per_member_state() {
    let text = fixture_text("gdpr::child-age", "pass");
    let age = |line: &str| {
        let policy = text.replace("  age eea 18\n", &format!("  {line}\n"));
        codes(&from_text(&policy, &options())).contains(&"gdpr::child-age")
    };
    assert!(
        !age("age eea 18"),
        "an adults-only age is stricter, so lawful"
    );
    assert!(!age("age eea 16"));
    assert!(age("age eea 13"), "13 does not hold where the law kept 16");
    assert!(age("age fr 14"), "France set 15");
    assert!(!age("age at 14"), "Austria set 14");
    assert!(!age("age uk 13"));
    assert!(age("age uk 12"));
    assert!(age("age no 12"), "no age below 13 anywhere");
    assert!(
        !age("age no 13"),
        "candor does not record Norway's age: only the bounds"
    );
}

#[test]
fn a_business_that_sells_minors_information_describes_their_opt_in() {
    let text = fixture_text("ccpa::minors-opt-in", "pass").replace(
        "  sells_under_16 no\n  text \"We do not sell or share the personal information of consumers we know to be under 16.\"",
        "  sells_under_16 yes\n  text \"We may share the personal information of teenagers.\"",
    );
    assert!(text.contains("sells_under_16 yes"));
    assert!(codes(&from_text(&text, &options())).contains(&"ccpa::minors-opt-in"));
    let described = text.replace(
        "We may share the personal information of teenagers.",
        "We share the personal information of consumers under 16 only if they (13 to 15) or a parent (under 13) opted in.",
    );
    assert!(!codes(&from_text(&described, &options())).contains(&"ccpa::minors-opt-in"));
    // A sentence about GDPR consent for children is not the CCPA opt-in.
    let unrelated = text.replace(
        "We may share the personal information of teenagers.",
        "Below 16, a parent must consent before you use our service.",
    );
    assert!(codes(&from_text(&unrelated, &options())).contains(&"ccpa::minors-opt-in"));
    // A service closed to people under 16 knows no such consumers.
    let adults = fixture_text("ccpa::minors-opt-in", "fail")
        + "\nchildren minors \"Minors\" { minimum_age 18 }\n";
    assert!(!codes(&from_text(&adults, &options())).contains(&"ccpa::minors-opt-in"));
}

#[test]
fn frictionless_signals_spare_the_opt_out_link() {
    let text = fixture_text("ccpa::opt-out-link", "fail").replace(
        "  agents \"Your authorised agent",
        "  frictionless yes\n  agents \"Your authorised agent",
    );
    assert!(text.contains("frictionless yes"));
    assert!(!codes(&from_text(&text, &options())).contains(&"ccpa::opt-out-link"));
}

#[test]
fn the_right_to_limit_is_owed_for_other_uses_of_sensitive_information() {
    let text = fixture_text("ccpa::rights", "pass");
    assert!(!codes(&from_text(&text, &options())).contains(&"ccpa::rights"));
    let other_uses = text.replace("sensitive_other_uses no", "sensitive_other_uses yes");
    let compiled = from_text(&other_uses, &options());
    let d = compiled
        .diagnostics
        .iter()
        .find(|d| d.code == "ccpa::rights")
        .expect("the right to limit is owed");
    assert!(d.message.contains("limit_sensitive"), "{}", d.message);
}

#[test]
fn the_admt_notice_says_from_when_it_applies() {
    let text = fixture_text("ccpa::admt-notice", "fail");
    let message = |day: &str| message_of(&from_text(&text, &options_on(day)), "ccpa::admt-notice");
    assert!(message("2026-11-29").contains("from 1 January 2027"));
    assert!(message("2027-01-01").contains("its pre-use notice does not give"));
}

#[test]
fn the_date_rule_measures_against_the_given_day() {
    let text = std::fs::read_to_string(fixture("ccpa::last-updated", "pass")).expect("fixture");
    // Updated 2026-06 (read as 2026-06-30): in time until 2027-06-30.
    let on = |day: &str| codes(&from_text(&text, &options_on(day))).contains(&"ccpa::last-updated");
    assert!(!on("2027-06-30"));
    assert!(on("2027-07-01"));
}

// ─── US state laws and the UK GDPR (issue 11) ─────────────────────────────

/// The Markdown notice of a policy that compiles without errors.
fn markdown(compiled: Compiled) -> String {
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    let policy = compiled.policy.expect("a model");
    crate::support::notice_markdown(&policy)
}

/// The `opt-out` fail fixture of a state, with the ad networks paid in kind
/// and not advertising: only the sale is in question.
fn paid_in_kind(state: &str) -> String {
    fixture_text(&format!("{state}::opt-out"), "fail")
        .replace("consideration money", "consideration other_value")
        .replace("targeted_advertising yes", "targeted_advertising no")
}

#[test]
fn a_sale_for_other_value_counts_in_colorado_but_not_in_virginia() {
    for (state, sells) in [
        ("colorado", true),
        ("connecticut", true),
        ("texas", true),
        ("oregon", true),
        ("virginia", false),
        ("utah", false),
    ] {
        let compiled = from_text(&paid_in_kind(state), &options());
        let code = format!("{state}::opt-out");
        assert_eq!(
            codes(&compiled).contains(&code.as_str()),
            sells,
            "{state}: {:?}",
            codes(&compiled)
        );
    }
}

#[test]
fn processors_affiliates_and_acquirers_never_buy() {
    for kind in ["service_provider", "affiliate", "acquirer"] {
        let text = paid_in_kind("colorado").replace("kind ad_network", &format!("kind {kind}"));
        assert!(
            !codes(&from_text(&text, &options())).contains(&"colorado::opt-out"),
            "{kind}"
        );
    }
}

#[test]
fn unknown_consideration_is_not_a_sale() {
    let text = paid_in_kind("colorado").replace("consideration other_value; ", "");
    assert!(!codes(&from_text(&text, &options())).contains(&"colorado::opt-out"));
}

#[test]
fn significant_profiling_calls_for_its_opt_out_except_in_utah() {
    for (state, owed) in [("virginia", true), ("utah", false)] {
        let text = fixture_text(&format!("{state}::rights"), "pass").replace(
            "purpose service \"To provide our services\"",
            "purpose service \"Deciding on credit\" { automated_decisions yes }",
        );
        let compiled = from_text(&text, &options());
        let found = compiled.diagnostics.iter().any(|d| {
            d.code == format!("{state}::opt-out") && d.message.contains("opt_out_profiling")
        });
        assert_eq!(found, owed, "{state}");
    }
}

#[test]
fn the_texas_notices_are_verbatim() {
    let pass = fixture_text("texas::sensitive-sale-notice", "pass");
    assert!(!codes(&from_text(&pass, &options())).contains(&"texas::sensitive-sale-notice"));
    // A paraphrase is not the notice.
    let paraphrase = pass.replace(
        "NOTICE: We may sell your sensitive personal data.",
        "Notice: we might sell sensitive data.",
    );
    assert!(codes(&from_text(&paraphrase, &options())).contains(&"texas::sensitive-sale-notice"));
    // Line breaks inside the sentence do not matter.
    let wrapped = pass.replace(
        "text \"NOTICE: We may sell your sensitive personal data.\"",
        "text \"\"\"\n    NOTICE: We may sell your\n    sensitive personal data.\n    \"\"\"",
    );
    assert!(!codes(&from_text(&wrapped, &options())).contains(&"texas::sensitive-sale-notice"));
    // Government identifiers are sensitive in California, not in Texas.
    let id = fixture_text("texas::sensitive-sale-notice", "fail")
        .replace("sensitive precise_geolocation", "sensitive government_id");
    assert!(!codes(&from_text(&id, &options())).contains(&"texas::sensitive-sale-notice"));
}

#[test]
fn a_texas_policy_that_also_declares_the_ccpa_and_sells_sensitive_data_fails() {
    let text = std::fs::read_to_string("tests/fixtures/valid/us-states.policy").expect("fixture");
    assert!(!from_text(&text, &options()).has_errors());
    let without = text.replace(
        "  text \"NOTICE: We may sell your sensitive personal data.\"\n",
        "",
    );
    let compiled = from_text(&without, &options());
    assert!(compiled.has_errors());
    assert!(codes(&compiled).contains(&"texas::sensitive-sale-notice"));
}

#[test]
fn one_rights_block_serves_the_states_it_covers() {
    let pass = fixture_text("virginia::rights-block", "pass")
        .replace("jurisdictions virginia", "jurisdictions virginia, colorado");
    let compiled = from_text(&pass, &options());
    assert!(
        codes(&compiled).contains(&"colorado::rights-block"),
        "{:?}",
        codes(&compiled)
    );
    let covered = pass.replace(
        "  jurisdiction virginia\n",
        "  jurisdiction virginia\n  covers colorado\n",
    );
    let compiled = from_text(&covered, &options());
    assert!(
        !codes(&compiled)
            .iter()
            .any(|c| c.ends_with("::rights-block")),
        "{:?}",
        codes(&compiled)
    );
}

#[test]
fn state_rules_run_only_for_the_states_declared() {
    let text = fixture_text("virginia::appeal", "fail")
        .replace("jurisdictions virginia", "jurisdictions ccpa");
    let compiled = from_text(&text, &options());
    assert!(
        !codes(&compiled).iter().any(|c| c.starts_with("virginia::")),
        "{:?}",
        codes(&compiled)
    );
}

#[test]
fn a_policy_declaring_states_renders_their_rights_section() {
    let md = markdown(
        compile(
            Path::new("tests/fixtures/valid/us-states.policy"),
            &options(),
        )
        .expect("the fixture loads"),
    );
    for expected in [
        "If you live in Colorado, Virginia or Texas",
        "Example Retail sells personal data as the privacy laws of Colorado and Texas define a sale (an exchange of personal data for monetary or other valuable consideration); you may opt out of the sale.",
        "Example Retail does not sell personal data as the privacy law of Virginia defines a sale (an exchange of personal data for monetary consideration).",
        "Example Retail processes personal data for targeted advertising; you may opt out of it.",
        "**How to appeal:** If we decline your request",
        "NOTICE: We may sell your sensitive personal data.",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
}

#[test]
fn utah_has_no_appeal_and_says_so() {
    let text = fixture_text("utah::rights-block", "pass");
    let md = markdown(from_text(&text, &options()));
    assert!(
        // One state: a paragraph, not an item of the request methods' list.
        md.contains("\n\nIn Utah, the law provides no appeal of a refused request."),
        "{md}"
    );
    assert!(candor::check::find("utah::appeal").is_none());
}

#[test]
fn the_uk_gdpr_rules_run_only_for_the_uk() {
    let text = fixture_text("gdpr::uk-transfer-tool", "fail")
        .replace("jurisdictions uk_gdpr", "jurisdictions gdpr");
    let compiled = from_text(&text, &options());
    assert!(
        !codes(&compiled).iter().any(|c| c.starts_with("gdpr::uk-")),
        "{:?}",
        codes(&compiled)
    );
}

#[test]
fn at_least_25_new_rules_with_a_citation_each() {
    let new: Vec<_> = candor::check::rules()
        .filter(|r| {
            [
                "colorado",
                "virginia",
                "connecticut",
                "texas",
                "oregon",
                "utah",
            ]
            .contains(&r.family())
        })
        .collect();
    assert!(new.len() >= 25, "{}", new.len());
    assert!(new.iter().all(|r| !r.citation.is_empty()));
}

// ─── Rule settings ────────────────────────────────────────────────────────

fn with_rules(code: &str, rules: &str) -> String {
    let text = std::fs::read_to_string(fixture(code, "fail")).expect("fixture");
    format!("{text}\nrules {{\n{rules}\n}}\n")
}

#[test]
fn an_allow_with_a_reason_silences_a_rule() {
    let text = with_rules(
        "ccpa::shared-ad-networks",
        "  allow ccpa::shared-ad-networks \"our ad network contracts forbid cross-context advertising (counsel, 2026-10-01)\"",
    );
    let compiled = from_text(&text, &options());
    assert!(
        !codes(&compiled).contains(&"ccpa::shared-ad-networks"),
        "{:?}",
        codes(&compiled)
    );
    assert!(!compiled.has_errors());
}

#[test]
fn an_allow_without_a_reason_is_an_error() {
    let text = with_rules(
        "ccpa::shared-ad-networks",
        "  allow ccpa::shared-ad-networks",
    );
    let compiled = from_text(&text, &options());
    let d = compiled
        .diagnostics
        .iter()
        .find(|d| d.code == check::ALLOW_WITHOUT_REASON)
        .expect("reported");
    assert_eq!(d.severity, Severity::Error);
    insta::assert_snapshot!(render_human(
        std::slice::from_ref(d),
        &compiled.sources,
        Color::Never
    ));
}

#[test]
fn an_unknown_code_in_the_policy_gets_a_did_you_mean() {
    let text = with_rules("ccpa::shared-ad-networks", "  deny ccpa::shared-ad-network");
    let compiled = from_text(&text, &options());
    let d = compiled
        .diagnostics
        .iter()
        .find(|d| d.code == check::UNKNOWN_RULE)
        .expect("reported");
    assert!(
        d.message
            .contains("did you mean `ccpa::shared-ad-networks`?"),
        "{}",
        d.message
    );
    insta::assert_snapshot!(render_human(
        std::slice::from_ref(d),
        &compiled.sources,
        Color::Never
    ));
}

#[test]
fn deny_and_warn_change_the_severity_and_the_command_line_wins() {
    let text = with_rules(
        "ccpa::shared-ad-networks",
        "  deny ccpa::shared-ad-networks",
    );
    let denied = from_text(&text, &options());
    assert!(
        denied
            .diagnostics
            .iter()
            .any(|d| d.code == "ccpa::shared-ad-networks" && d.is_error())
    );
    let options = Options {
        today: Some(EXAMPLE_TODAY),
        levels: vec![("ccpa::shared-ad-networks".to_owned(), RuleLevel::Warn)],
    };
    let warned = from_text(&text, &options);
    assert!(
        warned
            .diagnostics
            .iter()
            .any(|d| d.code == "ccpa::shared-ad-networks" && !d.is_error())
    );
}

#[test]
fn deny_warnings_turns_every_warning_into_an_error() {
    let text = with_rules("ccpa::last-updated", "  deny warnings");
    let compiled = from_text(&text, &options());
    assert!(
        compiled
            .diagnostics
            .iter()
            .any(|d| d.code == "ccpa::last-updated")
    );
    assert!(compiled.diagnostics.iter().all(Diagnostic::is_error));
}

#[test]
fn setting_codes_are_validated() {
    assert!(check::validate_setting("gdpr::consent-withdrawal", RuleLevel::Deny).is_ok());
    assert!(check::validate_setting("warnings", RuleLevel::Deny).is_ok());
    assert!(check::validate_setting("candor::unused", RuleLevel::Allow).is_ok());
    let core = check::validate_setting("candor::unusd", RuleLevel::Deny).unwrap_err();
    assert!(core.contains("did you mean `candor::unused`?"), "{core}");
    let typo = check::validate_setting("gdpr::consent-withdrawl", RuleLevel::Deny).unwrap_err();
    assert!(
        typo.contains("did you mean `gdpr::consent-withdrawal`?"),
        "{typo}"
    );
    let bare = check::validate_setting("consent-withdrawal", RuleLevel::Deny).unwrap_err();
    assert!(
        bare.contains("did you mean `gdpr::consent-withdrawal`?"),
        "{bare}"
    );
    assert!(check::validate_setting("warnings", RuleLevel::Allow).is_err());
}

// ─── The reference policy ─────────────────────────────────────────────────

#[test]
fn the_reference_policy_draws_only_its_recorded_findings() {
    let compiled = compile(Path::new("policy"), &options()).expect("policy/ loads");
    assert!(
        !compiled.has_errors(),
        "{}",
        render_human(&compiled.diagnostics, &compiled.sources, Color::Never)
    );
    let mut found: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(|d| {
            let file = compiled.sources.get(d.primary.span.file).display_path();
            format!("{} {file}: {}", d.code, d.message)
        })
        .collect();
    found.sort();
    insta::assert_snapshot!(found.join("\n"));
}

// ─── Speed ────────────────────────────────────────────────────────────────

/// A policy with `n` data sets, each collecting two items, with two
/// purposes, two bases, a recipient and a retention rule; and `n / 10`
/// CCPA categories.
fn large_policy(n: usize) -> String {
    let mut text = String::from(
        "policy big \"Privacy Policy\" {\n  updated 2026-06\n  jurisdictions gdpr, ccpa\n  outline data, california\n}\n\
         section data { insert datasets }\nsection california { insert ccpa_table }\n\
         source you \"you\" { kind data_subject }\n\
         recipient hosting \"Hosting\" { kind service_provider }\n\
         third_party providers \"service providers\" { kind service_provider; recipient hosting }\n\
         retention keep \"Records\" { period \"six years\" }\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "item a{i} \"item a{i}\" {{ ccpa A }}\nitem b{i} \"item b{i}\" {{ ccpa A }}\n\
             purpose p{i} \"purpose {i}\"\npurpose q{i} \"purpose q{i}\" {{ marketing yes }}\n\
             dataset d{i} \"data set {i}\" {{\n  collects a{i}, b{i}\n  sources you\n  purposes p{i}, q{i}\n\
             \x20 basis contract for p{i}\n  basis consent for q{i} {{ withdraw \"by email\" }}\n\
             \x20 recipients hosting\n  retention keep\n  required no \"we cannot serve you\"\n}}\n"
        ));
    }
    for i in 0..n / 10 {
        text.push_str(&format!(
            "ccpa c{i} \"category {i}\" {{\n  statutory A\n  items a{i}\n  sources you\n  sold no\n  shared no\n\
             \x20 disclosed yes\n  third_parties providers\n  purposes p{i}\n  retention keep\n}}\n"
        ));
    }
    text
}

#[test]
#[ignore = "performance: run by .ci/run in a step of its own (cargo test --test integration rules_run_in_linear_time -- --ignored)"]
fn rules_run_in_linear_time() {
    let compiled = from_text(&large_policy(10_000), &options());
    let policy = compiled.policy.expect("the large policy resolves");
    let start = Instant::now();
    let found = check::run(&policy, &options());
    let elapsed = start.elapsed();
    // 250 ms is the target for an optimised build; a debug build is about
    // ten times slower.
    let limit = if cfg!(debug_assertions) { 2_500 } else { 250 };
    eprintln!("rules over 10,000 data sets: {} ms", elapsed.as_millis());
    assert!(
        elapsed.as_millis() < limit,
        "{} ms for 10,000 data sets",
        elapsed.as_millis()
    );
    assert!(
        found.len() < 10,
        "{:?}",
        found.iter().map(|d| &d.code).collect::<Vec<_>>()
    );
}

// ─── The commands ─────────────────────────────────────────────────────────

fn candor() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("candor").expect("the binary is built")
}

#[test]
fn rules_lists_the_catalogue_as_json() {
    let output = candor()
        .args(["rules", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rules: serde_json::Value = serde_json::from_slice(&output).expect("JSON");
    let rules = rules.as_array().expect("an array");
    assert_eq!(
        rules.len(),
        check::rules().count() + check::audit::RULES.len()
    );
    assert!(rules.len() >= 30);
    for r in rules {
        for key in ["code", "severity", "summary", "citation"] {
            assert!(
                r[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {r}"
            );
        }
    }
    candor()
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("gdpr::consent-withdrawal"));
}

#[test]
fn explain_works_for_every_code() {
    for rule in check::rules() {
        let output = candor()
            .args(["explain", rule.code])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(output).expect("UTF-8");
        for part in [rule.citation, "Example", "candor reports", "The fix"] {
            assert!(
                text.contains(part),
                "`candor explain {}` lacks {part}",
                rule.code
            );
        }
        assert!(
            text.contains(&format!("[{}]\n", rule.code)),
            "`candor explain {}` shows the finding",
            rule.code
        );
    }
}

#[test]
fn explain_of_one_rule_reads_as_snapshotted() {
    let output = candor()
        .args(["explain", "gdpr::consent-withdrawal"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8(output).expect("UTF-8"));
}

#[test]
fn unknown_codes_get_a_did_you_mean_and_exit_2() {
    candor()
        .args(["explain", "gdpr::consent-withdrawl"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "did you mean `gdpr::consent-withdrawal`?",
        ));
    candor()
        .args(["check", "policy", "--deny", "ccpa::shared-ad-network"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "did you mean `ccpa::shared-ad-networks`?",
        ));
}

#[test]
fn the_reference_policy_passes_with_warnings_and_fails_when_they_are_denied() {
    candor()
        .args(["check", "policy", "--today", "2026-11-29"])
        .assert()
        .code(0);
    candor()
        .args([
            "check",
            "policy",
            "--today",
            "2026-11-29",
            "--deny",
            "warnings",
        ])
        .assert()
        .code(1);
    candor()
        .args([
            "check",
            "policy",
            "--today",
            "2026-11-29",
            "--deny",
            "ccpa::shared-ad-networks",
        ])
        .assert()
        .code(1);
}

#[test]
fn each_gdpr_law_has_its_own_rights_block_checked() {
    let text = std::fs::read_to_string("tests/fixtures/rules/gdpr/complaint-right.pass.policy")
        .expect("the fixture");
    let both = text.replace("jurisdictions gdpr", "jurisdictions gdpr, uk_gdpr");
    // One block for both laws: clean, and reported once if it were not.
    assert!(!codes(&from_text(&both, &options())).contains(&"gdpr::complaint-right"));
    // A UK block of its own that forgets the complaint right: found there,
    // although the EU block is complete.
    let uk_block = text
        .split("\nrights gdpr_rights")
        .nth(1)
        .expect("a rights block")
        .replace("jurisdiction gdpr", "jurisdiction uk_gdpr")
        .replace(
            "  right complaint \"The right to complain\" {\n    text \"to the supervisory authority where you live or work\"\n  }\n",
            "",
        );
    let with_uk = format!(
        "{}\nrights uk_rights{uk_block}",
        both.replace(
            "insert rights gdpr_rights }",
            "insert rights gdpr_rights\n  insert rights uk_rights }"
        )
    );
    let compiled = from_text(&with_uk, &options());
    let complaint: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "gdpr::complaint-right")
        .collect();
    assert_eq!(complaint.len(), 1, "{:#?}", compiled.diagnostics);
}

/// The text rules read every prose field the schema marks, not only
/// `text`: an address cut short in a purpose's `logic` is reported, at the
/// purpose.
#[test]
fn a_text_rule_reads_a_purpose_logic_field() {
    let compiled = compiled(
        Path::new("tests/fixtures/prose/purpose-logic.policy"),
        &options(),
    );
    let found: Vec<&Diagnostic> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "structure::email-format")
        .collect();
    assert_eq!(found.len(), 1, "{:?}", codes(&compiled));
    assert!(
        found[0].message.contains("purpose `scoring`")
            && found[0].message.contains("`review@example`"),
        "{}",
        found[0].message
    );
}

#[test]
fn sharing_is_derived_and_silence_is_not_a_denial() {
    let fail = fixture_text("ccpa::shared-ad-networks", "fail");
    // The row leaves `shared` out: the ad network still makes it a finding.
    let silent = fail.replace("  shared no\n", "");
    assert!(!silent.contains("shared no"));
    assert!(codes(&from_text(&silent, &options())).contains(&"ccpa::shared-ad-networks"));
    // A row whose third party advertises with the data, paid or not, is
    // shared: `shared no` beside it is a contradiction (an error).
    let stated = fail.replace(
        "third_party providers \"service providers\" { kind service_provider }",
        "third_party providers \"service providers\" { kind ad_network; targeted_advertising yes; consideration none }",
    );
    assert!(stated.contains("targeted_advertising yes"));
    let found = from_text(&stated, &options());
    assert!(codes(&found).contains(&"ccpa::disclosure-contradiction"));
    // Derived without a stated answer: the table prints "Shared – yes".
    let derived = stated.replace("  shared no\n", "");
    let compiled = from_text(&derived, &options());
    assert!(!codes(&compiled).contains(&"ccpa::disclosure-contradiction"));
    let policy = compiled.policy.expect("model");
    let row = &policy.ccpa[0];
    assert_eq!(
        candor::law::ccpa::disclosures(&policy, row).shared.value,
        Some(true)
    );
}

// ─── Scope and consent to sensitive data (issue 11) ───────────────────────

/// A fixture with the data set's people given a context: `consumer`,
/// `employment` or `commercial`.
fn with_subjects(text: &str, context: &str) -> String {
    text.replace(
        "purpose service",
        &format!("subject people \"People\" {{ context {context} }}\npurpose service"),
    )
    .replace(
        "dataset account \"Your account\" {\n",
        "dataset account \"Your account\" {\n  subjects people\n",
    )
}

/// A fixture whose `identifiers` row is about one group of people, declared
/// with its fields (`context employment`, `children yes`).
fn row_about(text: &str, fields: &str) -> String {
    let about = text.replace(
        "ccpa identifiers \"Identifiers\" {\n",
        &format!(
            "subject people \"People\" {{ {fields} }}\nccpa identifiers \"Identifiers\" {{\n  subjects people\n"
        ),
    );
    assert_ne!(text, about, "the fixture has the row");
    about
}

#[test]
fn employees_and_business_contacts_are_outside_the_state_laws() {
    for state in ["colorado", "virginia", "connecticut", "texas", "oregon"] {
        let code = format!("{state}::sensitive-consent");
        let fail = fixture_text(&code, "fail");
        for (context, fires) in [
            ("consumer", true),
            ("employment", false),
            ("commercial", false),
        ] {
            // Texas's fixture is about known children, its subject already
            // in the consumer context.
            let text = if fail.contains("subject kids") {
                fail.replace("context consumer", &format!("context {context}"))
            } else {
                with_subjects(&fail, context)
            };
            let compiled = from_text(&text, &options());
            assert_eq!(
                codes(&compiled).contains(&code.as_str()),
                fires,
                "{state}, {context}: {:?}",
                codes(&compiled)
            );
        }
    }
}

#[test]
fn a_sale_of_employee_data_is_not_a_state_sale() {
    // The `ccpa` row says whom it is about: employees are California
    // consumers but not Virginia's.
    let text = paid_in_kind("colorado");
    let employees = row_about(&text, "context employment");
    assert!(codes(&from_text(&text, &options())).contains(&"colorado::opt-out"));
    assert!(!codes(&from_text(&employees, &options())).contains(&"colorado::opt-out"));
}

#[test]
fn sensitive_data_follows_each_laws_list() {
    // Oregon's status as transgender or non-binary is not sensitive in
    // Virginia, nor in California (no `ccpa::` finding asks for letter L).
    let oregon = fixture_text("oregon::sensitive-consent", "fail");
    let virginia = oregon
        .replace("jurisdictions oregon", "jurisdictions virginia")
        .replace("jurisdiction oregon", "jurisdiction virginia");
    let virginia = from_text(&virginia, &options());
    assert!(
        !codes(&virginia).contains(&"virginia::sensitive-consent"),
        "{:?}",
        codes(&virginia)
    );
    let california = from_text(
        &oregon.replace("jurisdictions oregon", "jurisdictions oregon, ccpa"),
        &options(),
    );
    assert!(
        !codes(&california).contains(&"ccpa::sensitive-letter"),
        "{:?}",
        codes(&california)
    );
    // Utah asks for no consent: its rules have none.
    assert!(
        !check::rules().any(|r| r.code == "utah::sensitive-consent"),
        "Utah Code §13-61-302(3) asks for notice and an opt-out"
    );
}

#[test]
fn explicit_consent_counts_as_consent() {
    let fail = fixture_text("virginia::sensitive-consent", "fail");
    let explicit = fail.replace(
        "collects diagnosis\n  purposes service\n}",
        "collects diagnosis\n  purposes service\n  basis contract { special explicit_consent }\n}",
    );
    assert_ne!(fail, explicit);
    assert!(!codes(&from_text(&explicit, &options())).contains(&"virginia::sensitive-consent"));
    // A basis that is not consent does not answer.
    let contract = fail.replace(
        "collects diagnosis\n  purposes service\n}",
        "collects diagnosis\n  purposes service\n  basis contract\n}",
    );
    assert_ne!(fail, contract);
    assert!(codes(&from_text(&contract, &options())).contains(&"virginia::sensitive-consent"));
}

#[test]
fn profiling_of_employees_owes_no_state_opt_out() {
    let text = fixture_text("virginia::rights", "pass").replace(
        "purpose service \"To provide our services\"",
        "purpose service \"Deciding on promotions\" { automated_decisions yes }",
    );
    let staff = row_about(&text, "context employment");
    let owed = |t: &str| {
        from_text(t, &options())
            .diagnostics
            .iter()
            .any(|d| d.code == "virginia::opt-out" && d.message.contains("opt_out_profiling"))
    };
    assert!(owed(&text));
    assert!(!owed(&staff));
}

#[test]
fn selling_a_known_childs_data_calls_for_the_texas_notice() {
    // The fail fixture without its sensitive kind sells no sensitive data...
    let plain = fixture_text("texas::sensitive-sale-notice", "fail")
        .replace("{ ccpa G, L; sensitive precise_geolocation }", "{ ccpa G }");
    assert!(!codes(&from_text(&plain, &options())).contains(&"texas::sensitive-sale-notice"));
    // ...until the category is about children the business knows to be under 13.
    let children = row_about(&plain, "children yes");
    assert!(codes(&from_text(&children, &options())).contains(&"texas::sensitive-sale-notice"));
}

// ─── The Data (Use and Access) Act 2025 and Connecticut's P.A. 25-113 ─────

/// The codes a fixture draws when checked on `day`.
fn codes_on(code: &str, outcome: &str, day: &str) -> Vec<String> {
    codes(&from_text(&fixture_text(code, outcome), &options_on(day)))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_new_duties_apply_from_their_commencement() {
    // DPA 2018 s. 164A: in force 19 June 2026 (SI 2026/82 reg. 3).
    let complaint = "gdpr::uk-controller-complaint";
    assert!(!codes_on(complaint, "fail", "2026-06-18").contains(&complaint.to_owned()));
    assert!(codes_on(complaint, "fail", "2026-06-19").contains(&complaint.to_owned()));
    // Conn. Pub. Act 25-113: in force 1 July 2026.
    let llm = "connecticut::llm-training";
    assert!(!codes_on(llm, "fail", "2026-06-30").contains(&llm.to_owned()));
    assert!(codes_on(llm, "fail", "2026-07-01").contains(&llm.to_owned()));
}

#[test]
fn the_llm_statement_may_be_a_fact_or_a_sentence() {
    let fail = fixture_text("connecticut::llm-training", "fail");
    let in_prose = fail.replace(
        "  insert state_rights\n",
        "  text \"We do not use personal data to train large language models.\"\n  insert state_rights\n",
    );
    assert!(in_prose.contains("large language models."));
    assert!(!codes(&from_text(&in_prose, &options())).contains(&"connecticut::llm-training"));
    // The fact is enough, whatever its answer.
    let yes = fixture_text("connecticut::llm-training", "pass")
        .replace("llm_training no", "llm_training yes");
    assert!(yes.contains("llm_training yes"));
    assert!(!codes(&from_text(&yes, &options())).contains(&"connecticut::llm-training"));
}

#[test]
fn a_recognised_legitimate_interest_is_a_uk_basis_only() {
    let fail = fixture_text("gdpr::uk-only-basis", "fail");
    // The same data set under the UK GDPR alone draws nothing.
    let uk_only = fail.replace("jurisdictions gdpr, uk_gdpr", "jurisdictions uk_gdpr");
    assert!(uk_only.contains("jurisdictions uk_gdpr\n"));
    assert!(!codes(&from_text(&uk_only, &options())).contains(&"gdpr::uk-only-basis"));
    // Under the EU GDPR alone it is the error.
    let eu_only = fail.replace("jurisdictions gdpr, uk_gdpr", "jurisdictions gdpr");
    assert!(codes(&from_text(&eu_only, &options())).contains(&"gdpr::uk-only-basis"));
    // A basis for the data set's every purpose answers it too.
    let covered = fail.replace(
        "  basis recognised_legitimate_interest for crime {",
        "  basis legitimate_interest { interest \"preventing fraud\" }\n  basis recognised_legitimate_interest for crime {",
    );
    assert!(!codes(&from_text(&covered, &options())).contains(&"gdpr::uk-only-basis"));
}

#[test]
fn the_uk_automated_decisions_finding_names_the_art_22c_safeguards() {
    let text = fixture_text("gdpr::automated-decisions-right", "fail");
    let message = |jurisdiction: &str| {
        let changed = text
            .replace(
                "jurisdictions gdpr",
                &format!("jurisdictions {jurisdiction}"),
            )
            .replace("jurisdiction gdpr", &format!("jurisdiction {jurisdiction}"));
        message_of(
            &from_text(&changed, &options()),
            "gdpr::automated-decisions-right",
        )
    };
    assert!(message("gdpr").contains("rights of Art. 22"));
    assert!(message("uk_gdpr").contains("safeguards of Art. 22C"));
}
