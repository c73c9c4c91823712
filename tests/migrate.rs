//! `candor migrate`: a policy of the older shape loses what its `ccpa`
//! rows repeat of the data sets, and nothing a reader sees changes.
//!
//! The command compares the outputs itself before it writes; these tests
//! check the claim from outside, with the library: the bundled policy and
//! every corpus policy, copied, migrated, then compiled and rendered again,
//! give the same bytes in every output and the same findings; a second run
//! has nothing left to do; and a row that states something the data sets
//! do not keeps it.

use std::path::{Path, PathBuf};

use candor::model::PolicyDate;
use candor::render::{self, RenderOptions};
use candor::{Options, compile};

/// The built `candor` binary, without colours.
fn candor() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("candor").expect("the binary is built");
    command.env("NO_COLOR", "1");
    command
}

fn options() -> Options {
    Options {
        today: PolicyDate::parse("2026-11-15"),
        ..Options::default()
    }
}

/// Every output, and the sorted codes of every finding.
fn published(dir: &Path) -> (Vec<(String, String)>, Vec<String>) {
    let compiled = compile(dir, &options()).expect("loads");
    let mut codes: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    codes.sort();
    let policy = compiled.policy.expect("a model");
    let outputs = render::render(&policy, &RenderOptions::default())
        .expect("renders")
        .into_iter()
        .map(|o| (o.name.to_owned(), o.contents))
        .collect();
    (outputs, codes)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("readable") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "policy") {
            std::fs::copy(&path, to.join(path.file_name().expect("a name"))).expect("copy");
        }
    }
}

fn policy_text(dir: &Path) -> String {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "policy"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("text"))
        .collect()
}

fn ccpa_fields(text: &str) -> usize {
    // Counts the fields written inside `ccpa` blocks, one per line.
    let mut inside = false;
    let mut count = 0;
    for line in text.lines() {
        if line.starts_with("ccpa ") && line.trim_end().ends_with('{') {
            inside = true;
        } else if inside && line.starts_with('}') {
            inside = false;
        } else if inside && line.starts_with("  ") && !line.starts_with("   ") {
            count += 1;
        }
    }
    count
}

#[test]
fn migrating_changes_no_output_and_no_finding_and_is_idempotent() {
    // The bundled policy and the corpus (migrated already: nothing may be
    // left to do), and three corpus policies as they were written before
    // the data map, in `tests/fixtures/migrate/`.
    let mut dirs = vec![PathBuf::from("policy")];
    for root in ["tests/fixtures/corpus", "tests/fixtures/migrate"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root)
            .expect("the corpus")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        dirs.extend(found);
    }
    let temp = tempfile::tempdir().expect("a temporary directory");
    let mut removed = 0;
    for dir in &dirs {
        let old_shape = dir.starts_with("tests/fixtures/migrate");
        let name = dir
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        let name = if old_shape {
            format!("old-{name}")
        } else {
            name
        };
        let copy = temp.path().join(&name);
        copy_dir(dir, &copy);
        let before_text = policy_text(&copy);
        let before = published(&copy);
        candor().arg("migrate").arg(&copy).assert().success();
        let after_text = policy_text(&copy);
        let after = published(&copy);
        assert_eq!(before.1, after.1, "{name}: the findings changed");
        for ((n, a), (_, b)) in before.0.iter().zip(&after.0) {
            assert!(a == b, "{name}: `{n}` changed");
        }
        assert_eq!(before.0.len(), after.0.len(), "{name}: the outputs");
        let gone = ccpa_fields(&before_text) - ccpa_fields(&after_text);
        if old_shape {
            removed += gone;
        } else {
            assert_eq!(gone, 0, "{name} is not migrated: run `candor migrate`");
        }
        candor()
            .args(["migrate", "--check"])
            .arg(&copy)
            .assert()
            .success();
    }
    // The old-shape policies' rows repeat their data sets: most of what
    // they repeat goes.
    assert!(
        removed > 40,
        "only {removed} repeated fields were found in the old-shape policies"
    );
}

#[test]
fn a_row_that_says_something_else_keeps_it() {
    let temp = tempfile::tempdir().expect("a temporary directory");
    let file = temp.path().join("calm.policy");
    std::fs::copy(
        "tests/fixtures/rules/ccpa/category-data-map.fail.policy",
        &file,
    )
    .expect("copy");
    candor()
        .args(["migrate", "--check"])
        .arg(&file)
        .assert()
        .code(1);
    candor().arg("migrate").arg(&file).assert().success();
    let text = std::fs::read_to_string(&file).expect("text");
    let identifiers = &text[text.find("ccpa identifiers").expect("the row")..];
    let identifiers = &identifiers[..identifiers.find('}').expect("its end")];
    // Its sources and purposes disagree with the data sets: kept, and
    // still reported.
    assert!(identifiers.contains("sources you\n"), "{identifiers}");
    assert!(identifiers.contains("purposes account\n"), "{identifiers}");
    // Its answers and third parties are what the data sets give: gone.
    assert!(!identifiers.contains("third_parties"), "{identifiers}");
    assert!(!identifiers.contains("disclosed"), "{identifiers}");
    let compiled = compile(&file, &options()).expect("loads");
    assert!(
        compiled
            .diagnostics
            .iter()
            .any(|d| d.code == "ccpa::category-data-map"),
        "the disagreement is still reported"
    );
}

#[test]
fn a_policy_with_errors_is_not_touched() {
    let temp = tempfile::tempdir().expect("a temporary directory");
    let file = temp.path().join("broken.policy");
    let text = std::fs::read_to_string("tests/fixtures/rules/ccpa/category-data-map.pass.policy")
        .expect("fixture")
        .replace("sources you, ad_sdk", "sources you, nobody");
    std::fs::write(&file, &text).expect("write");
    candor().arg("migrate").arg(&file).assert().code(1);
    assert_eq!(std::fs::read_to_string(&file).expect("text"), text);
}
