//! Regressions of the rules on real shapes (most found by the corpus,
//! `tests/fixtures/corpus/`). Each file is named `FAMILY__RULE@CASE.policy`
//! and must resolve without a compiler error (other rules may report on
//! it):
//!
//! - `tests/fixtures/false-alarms/`: the rule `FAMILY::RULE` once fired
//!   although what it reports is not true of the policy; it must stay
//!   silent;
//! - `tests/fixtures/missed-findings/`: the rule once stayed silent although
//!   what it checks for is true of the policy; it must report it.

use std::path::PathBuf;

use candor::check::{self, EXAMPLE_TODAY};
use candor::diagnostic::{Color, render_human};
use candor::{Options, compile};

fn cases(dir: &str) -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .expect("the regression fixtures exist")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "policy"))
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let rule = stem
                .split_once('@')
                .map_or(stem.as_str(), |(rule, _)| rule)
                .replacen("__", "::", 1);
            (rule, p)
        })
        .collect();
    cases.sort();
    cases
}

/// Compiles every case of `dir` and asserts that its rule reports (or
/// not) a finding.
fn check_cases(dir: &str, reported: bool) {
    let cases = cases(dir);
    assert!(!cases.is_empty(), "{dir} holds cases");
    for (rule, path) in cases {
        assert!(
            check::find(&rule).is_some(),
            "{} names no rule (`{rule}`)",
            path.display()
        );
        let compiled = compile(
            &path,
            &Options {
                today: Some(EXAMPLE_TODAY),
                levels: Vec::new(),
            },
        )
        .expect("the fixture loads");
        let report = render_human(&compiled.diagnostics, &compiled.sources, Color::Never);
        // The rules run only on a policy that resolves: a compiler error
        // would make the case test nothing.
        assert!(
            compiled
                .diagnostics
                .iter()
                .all(|d| !(d.is_error() && d.code.starts_with("candor::"))),
            "{}:\n{report}",
            path.display()
        );
        let found = compiled.diagnostics.iter().any(|d| d.code == rule);
        assert!(
            found == reported,
            "{} should {}report {rule}:\n{report}",
            path.display(),
            if reported { "" } else { "not " }
        );
    }
}

#[test]
fn each_false_alarm_stays_silent() {
    check_cases("tests/fixtures/false-alarms", false);
}

#[test]
fn each_missed_finding_is_reported() {
    check_cases("tests/fixtures/missed-findings", true);
}
