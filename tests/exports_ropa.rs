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

/// The index of a column of the record.
fn column(name: &str) -> usize {
    ropa::COLUMNS
        .iter()
        .position(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no column {name}"))
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
    let special = column("Special categories of data");
    for row in ropa::rows(&policy) {
        assert!(
            !row[special].contains('_'),
            "a closed-set word in {:?}",
            row[special]
        );
    }
}

#[test]
fn a_uk_only_controller_cites_the_uk_gdpr() {
    let policy = model_of(Path::new("tests/fixtures/corpus/uk_retailer/policy.policy"));
    let rows = ropa::rows(&policy);
    let lawful = column("Lawful bases");
    let bases: Vec<&str> = rows.iter().map(|r| r[lawful].as_str()).collect();
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

/// The ICO's documentation template for controllers asks, beyond Art.
/// 30(1), for the legitimate interests, the Art. 9 condition, the source
/// of the data, the rights available and automated decision-making.
#[test]
fn the_record_has_the_ico_templates_columns() {
    for name in [
        "Legitimate interests",
        "Condition for special category data",
        "Sources of the data",
        "Rights available to individuals",
        "Automated decision-making, including profiling",
    ] {
        column(name);
    }
}

#[test]
fn the_mobile_apps_record_has_no_empty_cell() {
    let policy = model_of(Path::new("tests/fixtures/exports/mobile-app.policy"));
    for row in ropa::rows(&policy) {
        for ((name, _), cell) in ropa::COLUMNS.iter().zip(&row) {
            assert!(!cell.is_empty(), "{}: `{name}` is empty", row[0]);
        }
    }
    let rows = ropa::rows(&policy);
    let interests = column("Legitimate interests");
    assert_eq!(rows[1][interests], "keeping the app working");
    let automated = column("Automated decision-making, including profiling");
    assert_eq!(
        rows[2][automated],
        "profiling: Showing ads based on your activity in other apps"
    );
    let sources = column("Sources of the data");
    assert_eq!(rows[0][sources], "you; your phone");
}

#[test]
fn the_art_9_condition_is_recorded_with_the_uk_schedule_1_note() {
    let path = Path::new("tests/fixtures/rules/structure/ropa-activity.pass.policy");
    let condition = column("Condition for special category data");
    let rows = ropa::rows(&model_of(path));
    assert_eq!(
        rows[1][condition], "employment (GDPR Art. 9(2)(b))",
        "the Art. 9(2) condition is not dropped"
    );
    assert_eq!(
        rows[0][condition],
        "not applicable (no special category data)"
    );
    // The same firm in Belfast, under the UK GDPR only.
    let text = std::fs::read_to_string(path)
        .expect("fixture")
        .replace("jurisdictions gdpr", "jurisdictions uk_gdpr");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("uk.policy");
    std::fs::write(&file, text).expect("write");
    let rows = ropa::rows(&model_of(&file));
    assert_eq!(
        rows[1][condition],
        "employment (UK GDPR Art. 9(2)(b)), with a condition of DPA 2018 Sch. 1 Part 1 (s. 10(2))"
    );
}

#[test]
fn each_basis_names_the_purposes_it_serves_when_not_all() {
    // The clinic's medical record serves care and record-keeping, on two
    // bases: the record says which basis serves which purpose.
    let policy = model_of(Path::new("tests/fixtures/corpus/telehealth/policy.policy"));
    let bases = column("Lawful bases");
    let name = column("Processing activity");
    let rows = ropa::rows(&policy);
    let record = rows
        .iter()
        .find(|r| r[name] == "Medical record")
        .expect("the medical record's activity");
    assert!(
        record[bases].contains(", for Providing your care")
            && record[bases].contains(", for Keeping medical records"),
        "{}",
        record[bases]
    );
}
