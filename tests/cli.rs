//! The `candor` executable as CI and people run it: exit codes, the JSON
//! contract, and bad input of every kind.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn candor() -> Command {
    Command::cargo_bin("candor").expect("the binary is built")
}

/// The smallest GDPR policy that is not non-compliant on its face: a
/// controller and the rights, with the right to complain.
const MINIMAL: &str = "policy site \"Privacy Policy\" {\n  updated 2024-01\n  jurisdictions gdpr\n  outline intro\n}\nsection intro {\n  text \"Hello.\"\n  insert controller\n  insert rights rights\n}\ncontroller owner \"Site Owner Ltd\" { email \"privacy@site.example\" }\nrights rights \"Your rights\" {\n  jurisdiction gdpr\n  right complaint \"The right to complain\" { text \"to your supervisory authority\" }\n}\n";

fn write(dir: &Path, name: &str, text: &[u8]) {
    fs::write(dir.join(name), text).expect("write fixture");
}

#[test]
fn check_passes_on_the_bundled_policy() {
    candor()
        .args(["check", "--today", "2026-11-29"])
        .assert()
        .code(0);
}

#[test]
fn check_defaults_to_policy_directory_and_deny_warnings_counts_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.policy",
        format!("{MINIMAL}item unused \"never used\"\n").as_bytes(),
    );
    candor()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("candor::unused"));
    candor()
        .arg("check")
        .arg(dir.path())
        .args(["--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn json_report_follows_the_contract() {
    let output = candor()
        .args([
            "check",
            "tests/fixtures/invalid/unknown-reference.policy",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&output).expect("stdout is JSON");
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics array");
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        for key in ["code", "severity", "message", "file"] {
            assert!(d[key].is_string(), "{key} is a string in {d}");
        }
        assert!(d["help"].is_string() || d["help"].is_null());
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(
                d[key].as_u64().is_some_and(|n| n >= 1),
                "{key} is 1-based in {d}"
            );
        }
        assert_eq!(d["file"], "tests/fixtures/invalid/unknown-reference.policy");
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .count();
    assert_eq!(report["summary"]["errors"].as_u64(), Some(errors as u64));
    assert!(report["summary"]["warnings"].is_u64());
    let first = &diagnostics[0];
    assert_eq!(first["code"], "candor::unknown-reference");
    assert_eq!(first["line"], 10);
    assert_eq!(first["column"], 19);
}

#[test]
fn garbage_appended_to_a_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("policy/policy.policy", dir.path().join("policy.policy")).ok();
    for entry in fs::read_dir("policy").unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let target = dir.path().join("policy.policy");
    let mut text = fs::read_to_string(&target).unwrap();
    let lines = text.lines().count();
    text.push_str("}} this is not candor {{\n");
    fs::write(&target, text).unwrap();
    let out = candor()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json", "--today", "2026-11-29"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    let hit = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error");
    assert!(hit["file"].as_str().unwrap().ends_with("policy.policy"));
    assert_eq!(hit["line"].as_u64(), Some(lines as u64 + 1));
    assert_eq!(hit["column"].as_u64(), Some(1));
}

#[test]
fn two_mistakes_in_two_files_are_both_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.policy",
        format!("{MINIMAL}item email \"email\" {{ ccpa Q }}\n").as_bytes(),
    );
    write(
        dir.path(),
        "b.policy",
        b"purpose reply \"Reply\" {\n  text \"unterminated\n}\n",
    );
    let out = candor()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    let files: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(files.iter().any(|f| f.ends_with("a.policy")), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("b.policy")), "{files:?}");
}

#[test]
fn io_problems_exit_2() {
    candor()
        .args(["check", "no/such/dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    let empty = tempfile::tempdir().unwrap();
    candor()
        .arg("check")
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no `.policy` files"));
    candor()
        .args(["check", "--today", "yesterday"])
        .assert()
        .code(2);
    candor()
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
}

#[test]
fn a_file_that_is_not_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = MINIMAL.as_bytes().to_vec();
    bytes.extend_from_slice(b"item a \"caf\xe9\"\n");
    write(dir.path(), "latin1.policy", &bytes);
    let line = format!("latin1.policy:{}:", MINIMAL.lines().count() + 1);
    candor()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("candor::not-utf8").and(predicate::str::contains(line)));
}

#[test]
fn byte_order_mark_and_crlf_line_ends_work() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{feff}{}", MINIMAL.replace('\n', "\r\n"));
    write(dir.path(), "windows.policy", text.as_bytes());
    candor().arg("check").arg(dir.path()).assert().code(0);
}

#[test]
fn deep_and_long_input_is_reported_without_crashing() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "{MINIMAL}purpose p \"P\" {}{}\n",
        "{".repeat(100_000),
        "}".repeat(100_000)
    );
    write(dir.path(), "deep.policy", deep.as_bytes());
    candor()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("candor::syntax"));

    let long = tempfile::tempdir().unwrap();
    let items: Vec<String> = (0..20_000)
        .map(|i| format!("item i{i} \"item {i}\""))
        .collect();
    let list: Vec<String> = (0..20_000).map(|i| format!("i{i}")).collect();
    let text = format!(
        "{MINIMAL}{}\npurpose p \"P\"\ndataset d \"D\" {{\n  collects {}\n  purposes p\n  basis contract\n  retention kept\n}}\nretention kept \"Kept\" {{ period \"six years\" }}\nsection s {{ insert datasets }}\n",
        items.join("\n"),
        list.join(", ")
    );
    write(long.path(), "long.policy", text.as_bytes());
    candor().arg("check").arg(long.path()).assert().code(0);
}
