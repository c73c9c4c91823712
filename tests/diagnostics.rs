//! The compiler's own diagnostics (syntax, names, closed sets, required
//! fields), one fixture per case under `tests/fixtures/invalid/`, each with
//! a snapshot of the report a person sees.
//!
//! A fixture's file name starts with the code it must produce:
//! `unknown-reference.policy` must yield `candor::unknown-reference`.

use std::path::Path;

use candor::diagnostic::{Color, Diagnostic, render_human};
use candor::model::PolicyDate;
use candor::{Options, compile};

fn options() -> Options {
    Options {
        today: PolicyDate::parse("2024-06-01"),
        levels: Vec::new(),
    }
}

/// The fixture's path relative to the crate, so snapshots do not depend on
/// where the checkout lives.
fn relative(path: &Path) -> &Path {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
}

/// The code a fixture promises, from its file name: the longest known code
/// that prefixes the name.
fn expected_code(path: &Path) -> String {
    const CODES: [&str; 12] = [
        "syntax",
        "ambiguous-reference",
        "unknown-keyword",
        "unknown-reference",
        "wrong-kind",
        "duplicate-id",
        "duplicate-field",
        "unused",
        "invalid-value",
        "invalid-escape",
        "missing-field",
        "missing-policy",
    ];
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let code = CODES
        .iter()
        .filter(|c| stem.starts_with(*c))
        .max_by_key(|c| c.len())
        .unwrap_or_else(|| panic!("fixture {stem} does not start with a known code"));
    let code = if *code == "missing-policy" {
        "missing-field"
    } else {
        code
    };
    format!("candor::{code}")
}

#[test]
fn invalid_fixtures_report_their_diagnostic() {
    insta::glob!("fixtures/invalid/*.policy", |path| {
        let compiled = compile(relative(path), &options()).expect("fixture loads");
        let ours: Vec<Diagnostic> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("candor::"))
            .cloned()
            .collect();
        let code = expected_code(path);
        assert!(
            ours.iter().any(|d| d.code == code),
            "{} should report {code}, got {:?}",
            path.display(),
            ours.iter().map(|d| &d.code).collect::<Vec<_>>()
        );
        insta::assert_snapshot!(render_human(&ours, &compiled.sources, Color::Never));
    });
}

#[test]
fn valid_fixtures_have_no_errors() {
    insta::glob!("fixtures/valid/*.policy", |path| {
        let compiled = compile(relative(path), &options()).expect("fixture loads");
        let errors: Vec<&Diagnostic> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            render_human(&compiled.diagnostics, &compiled.sources, Color::Never)
        );
        assert!(compiled.policy.is_some());
    });
}

#[test]
fn the_bundled_policy_has_no_errors() {
    let compiled = compile(Path::new("policy"), &options()).expect("policy/ loads");
    assert!(
        !compiled.has_errors(),
        "{}",
        render_human(&compiled.diagnostics, &compiled.sources, Color::Never)
    );
}

#[test]
fn errors_come_sorted_by_file_and_position() {
    let compiled = compile(
        Path::new("tests/fixtures/invalid/unknown-reference.policy"),
        &options(),
    )
    .expect("loads");
    let positions: Vec<_> = compiled
        .diagnostics
        .iter()
        .map(|d| (d.primary.span.file, d.primary.span.start))
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    assert!(
        compiled.diagnostics.len() >= 3,
        "every unknown name is reported, not just the first"
    );
}

#[test]
fn a_circle_of_same_as_is_reported_once() {
    let compiled = compile(
        Path::new("tests/fixtures/invalid/invalid-value-same-as-circle.policy"),
        &options(),
    )
    .expect("fixture loads");
    let circles = compiled
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("in a circle"))
        .count();
    assert_eq!(circles, 1, "{:#?}", compiled.diagnostics);
}

#[test]
fn an_ambiguous_retention_target_names_both_candidates() {
    let compiled = compile(
        Path::new("tests/fixtures/invalid/ambiguous-reference.policy"),
        &options(),
    )
    .expect("fixture loads");
    let found: Vec<&Diagnostic> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "candor::ambiguous-reference")
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", compiled.diagnostics);
    let labels: Vec<&str> = found[0]
        .secondary
        .iter()
        .filter_map(|label| label.message.as_deref())
        .collect();
    assert_eq!(labels, ["the data set", "the CCPA category"]);
}
