//! Regressions for false alarms: each file of `tests/fixtures/false-alarms/`
//! is named `FAMILY__RULE@CASE.policy` and is a policy on which the rule
//! `FAMILY::RULE` once fired although what it reports is not true of the
//! policy. The rule must stay silent on it, and the policy must compile.

use std::path::PathBuf;

use candor::check::{self, EXAMPLE_TODAY};
use candor::diagnostic::{Color, render_human};
use candor::{Options, compile};

fn cases() -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir("tests/fixtures/false-alarms")
        .expect("the false-alarm fixtures exist")
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

#[test]
fn each_false_alarm_stays_silent() {
    let cases = cases();
    assert!(!cases.is_empty());
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
        assert!(!compiled.has_errors(), "{}:\n{report}", path.display());
        assert!(
            compiled.diagnostics.iter().all(|d| d.code != rule),
            "{} should not report {rule}:\n{report}",
            path.display()
        );
    }
}
