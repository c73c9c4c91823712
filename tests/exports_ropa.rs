//! The record of processing speaks in words and cites the controller's own
//! law: no closed-set words ("eea", "racial_or_ethnic_origin") in a cell,
//! and a UK-only controller's record cites the UK GDPR.

use std::path::Path;

use candor::model::{Policy, PolicyDate};
use candor::render::export::ropa;
use candor::{Options, compile};

fn model_of(path: &Path) -> Policy {
    let options = Options {
        today: PolicyDate::parse("2026-07-01"),
        ..Options::default()
    };
    compile(path, &options)
        .expect("the policy loads")
        .policy
        .expect("a resolved model")
}

#[test]
fn regions_and_special_categories_are_written_in_words() {
    // The complete fixture, its health item recorded as revealing ethnic
    // origin instead.
    let text = std::fs::read_to_string("tests/fixtures/valid/complete.policy")
        .expect("fixture")
        .replacen(
            "  special health\n",
            "  special racial_or_ethnic_origin\n",
            1,
        );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("complete.policy");
    std::fs::write(&file, text).expect("write");
    let policy = model_of(&file);
    let csv = ropa::csv(&policy);
    assert!(!csv.contains("(from eea)"), "{csv}");
    assert!(csv.contains("(from the European Economic Area)"), "{csv}");
    assert!(csv.contains("(racial or ethnic origin)"), "{csv}");
    for row in ropa::rows(&policy) {
        assert!(!row[9].contains('_'), "a closed-set word in {:?}", row[9]);
    }
}

#[test]
fn a_uk_only_controller_cites_the_uk_gdpr() {
    let policy = model_of(Path::new("tests/fixtures/corpus/uk_retailer/policy.policy"));
    let rows = ropa::rows(&policy);
    let bases: Vec<&str> = rows.iter().map(|r| r[6].as_str()).collect();
    assert!(
        bases.iter().any(|b| b.contains("(UK GDPR Art. 6(1)(b))")),
        "{bases:?}"
    );
    for b in &bases {
        assert!(
            !b.replace("UK GDPR", "").contains("GDPR"),
            "the EU GDPR cited in {b}"
        );
    }
    for r in &rows {
        assert!(!r[12].contains("adequacy decision"), "{}", r[12]);
    }
}
