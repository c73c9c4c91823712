//! One list of diagnostic codes: every code SARIF declares and `candor
//! rules` prints is one that `--deny` accepts, and nothing else is.

use assert_cmd::Command;
use candor::check::codes;
use candor::model::words::RuleLevel;

fn candor() -> Command {
    Command::cargo_bin("candor").expect("the binary is built")
}

#[test]
fn sarif_rules_and_deny_know_the_same_codes() {
    let sarif = candor()
        .args([
            "check",
            "policy",
            "--format",
            "sarif",
            "--today",
            "2026-11-29",
        ])
        .output()
        .expect("candor runs");
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF is JSON");
    let in_sarif: Vec<String> = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("a rule list")
        .iter()
        .map(|r| r["id"].as_str().expect("an id").to_owned())
        .collect();
    let all: Vec<String> = codes::all().map(|c| c.name.to_owned()).collect();
    assert_eq!(in_sarif, all);

    let listed = String::from_utf8(candor().arg("rules").output().unwrap().stdout).unwrap();
    for name in &all {
        assert!(
            listed.contains(name.as_str()),
            "`candor rules` does not list `{name}`"
        );
        // What `--deny NAME` runs before compiling anything (one process
        // per code, compiling the bundled policy each time, took a minute).
        assert!(
            candor::check::validate_setting(name, RuleLevel::Deny).is_ok(),
            "`--deny {name}` is refused"
        );
    }
    // And the command line goes through it: one accepted, one refused.
    let accepted = candor()
        .args(["check", "policy", "--deny", &all[0], "--format", "json"])
        .output()
        .expect("candor runs");
    assert_ne!(accepted.status.code(), Some(2));
    let refused = candor()
        .args(["check", "policy", "--deny", "candor::no-such-code"])
        .output()
        .expect("candor runs");
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn a_basis_is_underlined_from_its_keyword_to_its_word_however_spaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.policy"),
        "policy site \"Privacy Policy\" {\n  updated 2024-01\n  jurisdictions gdpr\n  outline intro\n}\n\
         section intro {\n  insert datasets\n}\n\
         item email \"email address\"\n\
         purpose news \"Newsletter\"\n\
         dataset letters \"Newsletter\" {\n  collects email\n  purposes news\n  basis     consent\n}\n",
    )
    .unwrap();
    let run = candor()
        .args(["check", ".", "--format", "json", "--today", "2024-02-01"])
        .current_dir(dir.path())
        .output()
        .expect("candor runs");
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let finding = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "gdpr::consent-withdrawal")
        .expect("consent without a way to withdraw is reported");
    let line = "  basis     consent";
    assert_eq!(finding["line"], 14);
    assert_eq!(finding["column"], 3);
    assert_eq!(finding["end_column"], line.len() + 1, "{finding}");
}
