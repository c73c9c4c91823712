//! `candor init`: the starter policy passes `check` without a warning,
//! builds, is formatted, and never overwrites a policy.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

fn candor() -> Command {
    Command::cargo_bin("candor").expect("the binary is built")
}

#[test]
fn init_writes_a_policy_that_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy");
    candor()
        .arg("init")
        .arg(&policy)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("created"));
    for (name, _) in candor::init::STARTER_FILES {
        assert!(policy.join(name).is_file(), "{name} written");
    }
    // The date is the day of the run, so the CCPA's twelve-month rule holds.
    let today = candor::check::system_today().to_string();
    let main = fs::read_to_string(policy.join("policy.policy")).unwrap();
    assert!(main.contains(&format!("updated {today}")), "{main}");

    candor()
        .arg("check")
        .arg(&policy)
        .args(["--deny", "warnings", "--color", "never"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("no problems found"));
    let out = dir.path().join("out");
    candor()
        .arg("build")
        .arg(&policy)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    assert!(out.join("privacy-policy.md").is_file());
    candor()
        .arg("fmt")
        .arg(&policy)
        .arg("--check")
        .assert()
        .code(0);
}

#[test]
fn init_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy");
    fs::create_dir(&policy).unwrap();
    fs::write(policy.join("mine.policy"), "item a \"A\"\n").unwrap();
    candor()
        .arg("init")
        .arg(&policy)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already holds a policy"));
    assert_eq!(
        fs::read_to_string(policy.join("mine.policy")).unwrap(),
        "item a \"A\"\n"
    );
    assert!(!policy.join("policy.policy").exists());

    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    candor().arg("init").arg(&file).assert().code(2);
}

#[test]
fn init_into_an_empty_existing_directory() {
    let dir = tempfile::tempdir().unwrap();
    candor().arg("init").arg(dir.path()).assert().code(0);
    candor().arg("init").arg(dir.path()).assert().code(2);
}

#[test]
fn the_starter_files_carry_the_placeholder_date() {
    let (_, main) = candor::init::STARTER_FILES[0];
    assert!(main.contains(&format!("updated {}", candor::init::STARTER_DATE)));
}
