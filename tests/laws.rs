//! The laws as declarations and the days their duties begin: every rule
//! carries a start date, `check` judges it against `--today`, and a duty an
//! amendment added (Utah's right to correct, Connecticut's P.A. 25-113
//! kinds of sensitive data, UK GDPR Art. 6(1)(ea)) counts from its day.

use std::path::Path;

use candor::check;
use candor::law::states::STATES;
use candor::law::{Family, LAWS};
use candor::model::PolicyDate;
use candor::{Options, compile};

fn on(day: &str) -> Options {
    Options {
        today: PolicyDate::parse(day),
        levels: Vec::new(),
    }
}

/// The codes a fixture of `tests/fixtures/laws/` draws on a day.
fn codes(name: &str, day: &str) -> Vec<String> {
    let path = Path::new("tests/fixtures/laws").join(name);
    let compiled = compile(&path, &on(day)).expect("the fixture compiles");
    compiled.diagnostics.into_iter().map(|d| d.code).collect()
}

#[test]
fn every_rule_of_a_law_has_a_start_date() {
    for rule in check::rules() {
        match rule.family {
            Family::Structure => assert!(
                rule.since.is_none(),
                "{}: a structural rule follows no law's commencement",
                rule.code
            ),
            _ => {
                let since = rule
                    .since
                    .unwrap_or_else(|| panic!("{} has no start date", rule.code));
                assert!(since.day.is_some(), "{}: a start date is a day", rule.code);
                if let Some(until) = rule.until {
                    assert!(since < until, "{}: ends before it begins", rule.code);
                }
            }
        }
    }
}

#[test]
fn a_state_law_s_rules_start_no_earlier_than_the_law() {
    for law in STATES {
        for rule in check::rules().filter(|r| r.family == Family::State(law.jurisdiction)) {
            let since = rule.since.expect("a start date");
            assert!(
                since >= law.in_force,
                "{} starts {since}, before the {} ({})",
                rule.code,
                law.act,
                law.in_force
            );
        }
    }
}

#[test]
fn every_state_law_has_its_family_its_rules_and_one_citation_each() {
    for law in STATES {
        let family = Family::State(law.jurisdiction);
        assert!(Family::ALL.contains(&family), "{}", law.state);
        assert!(LAWS.iter().any(|l| l.family == family), "{}", law.state);
        let word = candor::model::words::Word::word(law.jurisdiction);
        for name in [
            "rights-block",
            "rights",
            "request-methods",
            "notice-contents",
            "opt-out",
        ] {
            let code = format!("{word}::{name}");
            assert!(check::find(&code).is_some(), "{code} is missing");
        }
        assert_eq!(
            check::find(&format!("{word}::appeal")).is_some(),
            law.appeal,
            "{}: an appeal rule exactly when the law grants an appeal",
            law.state
        );
        assert_eq!(
            check::find(&format!("{word}::sensitive-consent")).is_some(),
            !law.consent_cite.is_empty(),
            "{}: a consent rule exactly when the law asks for consent",
            law.state
        );
        for cite in [
            law.rights_cite,
            law.notice_cite,
            law.sale_cite,
            law.requests_cite,
            law.sale_definition,
            law.sensitive_cite,
            law.consumer_cite,
            law.applies_cite,
        ] {
            assert!(
                !cite.trim().is_empty(),
                "{}: a citation is empty",
                law.state
            );
        }
        assert!(!law.thresholds.is_empty(), "{}", law.state);
    }
}

#[test]
fn a_duty_not_yet_begun_is_not_judged() {
    // Connecticut's LLM-training disclosure (P.A. 25-113) begins on 1 July 2026.
    let fixture = Path::new("tests/fixtures/rules/connecticut/llm-training.fail.policy");
    let codes_on = |day: &str| -> Vec<String> {
        compile(fixture, &on(day))
            .expect("compiles")
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect()
    };
    assert!(!codes_on("2026-06-30").contains(&"connecticut::llm-training".to_owned()));
    assert!(codes_on("2026-07-01").contains(&"connecticut::llm-training".to_owned()));
    // No Texas rule runs before the Act took effect on 1 July 2024.
    let texas = Path::new("tests/fixtures/rules/texas/rights-block.fail.policy");
    let before: Vec<String> = compile(texas, &on("2024-06-30"))
        .expect("compiles")
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert!(
        before.iter().all(|c| !c.starts_with("texas::")),
        "{before:?}"
    );
}

#[test]
fn utah_s_right_to_correct_is_owed_from_1_july_2026() {
    assert!(
        !codes("utah_before_correction.policy", "2026-06-30").contains(&"utah::rights".to_owned())
    );
    assert!(
        codes("utah_before_correction.policy", "2026-07-01").contains(&"utah::rights".to_owned())
    );
}

#[test]
fn connecticut_s_new_kinds_of_sensitive_data_count_from_1_july_2026() {
    let code = "connecticut::sensitive-consent".to_owned();
    assert!(!codes("connecticut_bank_accounts.policy", "2026-06-30").contains(&code));
    assert!(codes("connecticut_bank_accounts.policy", "2026-07-01").contains(&code));
}

#[test]
fn a_recognised_legitimate_interest_is_no_uk_basis_before_5_february_2026() {
    let code = "gdpr::uk-only-basis".to_owned();
    assert!(codes("uk_recognised_interest.policy", "2026-02-04").contains(&code));
    assert!(!codes("uk_recognised_interest.policy", "2026-02-05").contains(&code));
}

#[test]
fn rules_json_prints_every_start_date() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["rules", "--format", "json"])
        .output()
        .expect("candor runs");
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules = rules.as_array().expect("an array");
    assert_eq!(
        rules.len(),
        check::rules().count() + check::audit::RULES.len()
    );
    for r in rules {
        let since = r["since"].as_str().expect("a since");
        // The structural rules and `candor audit`'s compare the policy with
        // itself or with what the site does: no law's commencement.
        let structure = r["family"] == "structure" || r["family"] == "audit";
        assert_eq!(since == "always", structure, "{r}");
        if !structure {
            assert!(
                PolicyDate::parse(since).is_some_and(|d| d.day.is_some()),
                "{r}"
            );
        }
    }
}

#[test]
fn a_state_law_judges_nothing_when_everyone_is_an_employee() {
    let found = codes("colorado_employees.policy", "2026-11-29");
    assert!(
        found.iter().all(|c| !c.starts_with("colorado::")),
        "{found:?}"
    );
    // The same notice about customers is the law's to judge.
    let path = Path::new("tests/fixtures/laws/colorado_employees.policy");
    let text = std::fs::read_to_string(path).expect("fixture").replace(
        "\"employees\" { context employment }",
        "\"customers\" { context consumer }",
    );
    let mut sources = candor::source::Sources::new();
    sources.add(candor::source::SourceFile::new(path.to_path_buf(), &text));
    let compiled = candor::compile_sources(sources, &[], &on("2026-11-29"));
    assert!(
        compiled
            .diagnostics
            .iter()
            .any(|d| d.code == "colorado::rights-block"),
        "{:?}",
        compiled
            .diagnostics
            .iter()
            .map(|d| &d.code)
            .collect::<Vec<_>>()
    );
}

#[test]
fn uk_analytics_cookies_with_an_opt_out_need_no_consent_from_5_february_2026() {
    let path =
        Path::new("tests/fixtures/false-alarms/gdpr__cookie-consent@uk-analytics-opt-out.policy");
    let codes_on = |day: &str| -> Vec<String> {
        compile(path, &on(day))
            .expect("compiles")
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect()
    };
    let code = "gdpr::cookie-consent".to_owned();
    assert!(codes_on("2026-02-04").contains(&code));
    assert!(!codes_on("2026-02-05").contains(&code));
}

#[test]
fn the_charity_soft_opt_in_counts_from_5_february_2026() {
    let path = Path::new(
        "tests/fixtures/false-alarms/gdpr__electronic-marketing@charity-soft-opt-in.policy",
    );
    let codes_on = |day: &str| -> Vec<String> {
        compile(path, &on(day))
            .expect("compiles")
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect()
    };
    let code = "gdpr::electronic-marketing".to_owned();
    assert!(codes_on("2026-02-04").contains(&code));
    assert!(!codes_on("2026-02-05").contains(&code));
}

#[test]
fn gpc_json_says_what_the_notice_says_about_the_signal() {
    let gpc = |name: &str| -> String {
        let path = Path::new("tests/fixtures/missed-findings").join(name);
        let compiled = compile(&path, &on("2026-11-29")).expect("compiles");
        candor::render::export::signals::gpc(compiled.policy.as_ref().expect("a model"))
    };
    assert!(gpc("structure__gpc-signals@refused.policy").contains("\"gpc\": false"));
    let pass = Path::new("tests/fixtures/rules/structure/gpc-signals.pass.policy");
    let compiled = compile(pass, &on("2026-11-29")).expect("compiles");
    let json = candor::render::export::signals::gpc(compiled.policy.as_ref().expect("a model"));
    assert!(json.contains("\"gpc\": true"), "{json}");
}
