//! The state tables (`insert state_categories`, `insert colorado_purposes`)
//! name a category the data map derived in the state laws' words, not
//! California's: "sensitive data" for sensitive personal information when
//! every item of it is sensitive data under each declared law that reaches
//! it, and plain names for the categories of Cal. Civ. Code §1798.80(e)
//! and of the protected classifications "under California or federal law".

use std::path::Path;

use candor::model::PolicyDate;
use candor::{Compiled, Options, compile};

fn options() -> Options {
    Options {
        today: PolicyDate::parse("2026-12-01"),
        ..Options::default()
    }
}

fn markdown(compiled: &Compiled) -> String {
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    let policy = compiled.policy.as_ref().expect("a resolved model");
    crate::support::notice_markdown(policy)
}

/// The rows of the state categories table: the first cell of each.
fn state_rows(md: &str) -> Vec<String> {
    let start = md
        .find("| Category of personal data | Personal data |")
        .expect("the state categories table");
    md[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.split('|').nth(1).unwrap_or_default().trim().to_owned())
        .collect()
}

/// The cycle-tracking app of the consent fixtures, under the GDPR and
/// Colorado, with the state categories table: its rows are derived from
/// its data sets (it declares no `ccpa` row).
fn luna() -> String {
    let path = "tests/fixtures/false-alarms/colorado__sensitive-consent@state-consent.policy";
    let text = std::fs::read_to_string(path).expect("the fixture").replace(
        "  insert colorado_purposes\n",
        "  insert colorado_purposes\n  insert state_categories\n",
    );
    assert!(text.contains("insert state_categories"));
    let mut sources = candor::source::Sources::new();
    sources.add(candor::source::SourceFile::new(
        std::path::PathBuf::from("luna.policy"),
        &text,
    ));
    markdown(&candor::compile_sources(sources, &[], &options()))
}

#[test]
fn sensitive_data_is_named_in_the_state_laws_words() {
    let md = luna();
    assert_eq!(
        state_rows(&md),
        ["Personal records", "Sensitive data"],
        "{md}"
    );
    assert!(
        md.contains(
            "| **Predicting your cycle and showing you your history** | Personal records, Sensitive data |"
        ),
        "{md}"
    );
    let state = &md[md
        .find("If you live in Colorado")
        .expect("the state section")..];
    assert!(!state.contains("1798.80(e)"), "{state}");
    assert!(!state.contains("Sensitive personal information"), "{state}");
}

#[test]
fn a_row_with_data_one_law_does_not_call_sensitive_keeps_californias_name() {
    // Telehealth is under Virginia: its sensitive personal information holds
    // a payment card number, which Virginia does not list as sensitive data.
    let compiled = compile(Path::new("tests/fixtures/corpus/telehealth"), &options())
        .expect("the corpus policy loads");
    let md = markdown(&compiled);
    let rows = state_rows(&md);
    assert!(rows.contains(&"Personal records".to_owned()), "{rows:?}");
    assert!(
        rows.contains(&"Characteristics of protected classifications".to_owned()),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"Sensitive personal information".to_owned()),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|r| r.contains("1798.80(e)")), "{rows:?}");
    assert!(
        !rows.iter().any(|r| r.contains("under California")),
        "{rows:?}"
    );
}

#[test]
fn a_row_the_policy_names_keeps_its_name() {
    let compiled = compile(
        Path::new("tests/fixtures/corpus/virginia_health"),
        &options(),
    )
    .expect("the corpus policy loads");
    let rows = state_rows(&markdown(&compiled));
    assert!(
        rows.contains(&"Health information (sensitive data)".to_owned()),
        "{rows:?}"
    );
}
