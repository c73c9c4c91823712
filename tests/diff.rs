//! `candor diff`: models compared, changes classed, three output formats,
//! CI exit codes, `--git`, and sides that do not compile.

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn candor() -> Command {
    Command::cargo_bin("candor").expect("the binary is built")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

fn output(args: &[&str], dir: &Path) -> (i32, String) {
    let out = candor()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("candor runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

/// The bundled policy, and a copy with one more recipient and the first
/// CCPA category that was not shared switched to shared.
fn bundled_pair() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("policy"), &dir.path().join("old"));
    copy_dir(Path::new("policy"), &dir.path().join("new"));
    let new = dir.path().join("new");
    fs::write(
        new.join("zz-added.policy"),
        "recipient data_brokers \"Data brokers\" {\n  kind data_broker\n  shares \"identifiers\"\n  text \"We may sell data to data brokers.\"\n}\n",
    )
    .unwrap();
    let mut switched = None;
    let mut files: Vec<_> = fs::read_dir(&new)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        if switched.is_none() && text.contains("shared no") {
            // The id of the `ccpa` declaration that holds it.
            let at = text.find("shared no").unwrap();
            let decl = text[..at].rfind("\nccpa ").map_or(0, |n| n + 1);
            let id = text[decl..].split_whitespace().nth(1).unwrap().to_owned();
            fs::write(&path, text.replacen("shared no", "shared yes", 1)).unwrap();
            switched = Some(id);
        }
    }
    (
        dir,
        switched.expect("the bundled policy has a CCPA category that is not shared"),
    )
}

#[test]
fn bundled_policy_added_recipient_and_shared_row_are_material_in_every_format() {
    let (dir, ccpa_id) = bundled_pair();
    let root = dir.path();

    let (code, human) = output(&["diff", "old", "new"], root);
    assert_eq!(code, 0, "{human}");
    let material = human.split("\neditorial:").next().unwrap();
    assert!(material.contains("material:"), "{human}");
    assert!(material.contains("new recipient `data_brokers`"), "{human}");
    assert!(
        material.contains(&format!("CCPA category `{ccpa_id}`: shared: no → yes")),
        "{human}"
    );

    let (_, json) = output(&["diff", "old", "new", "--format", "json"], root);
    let report: Value = serde_json::from_str(&json).expect("JSON");
    let changes = report["changes"].as_array().unwrap();
    let recipient = changes
        .iter()
        .find(|c| c["id"] == "data_brokers")
        .expect("recipient change");
    assert_eq!(recipient["class"], "material");
    assert_eq!(recipient["change"], "added");
    assert_eq!(recipient["kind"], "recipient");
    let shared = changes
        .iter()
        .find(|c| c["id"] == ccpa_id.as_str() && c["field"] == "shared")
        .expect("shared change");
    assert_eq!(shared["class"], "material");
    assert_eq!(shared["old"], false);
    assert_eq!(shared["new"], true);
    assert_eq!(report["summary"]["material"], 2, "{json}");
    assert_eq!(report["summary"]["editorial"], 0, "{json}");

    let (_, markdown) = output(&["diff", "old", "new", "--format", "markdown"], root);
    let material = markdown.split("### Other changes").next().unwrap();
    assert!(
        markdown.starts_with("## Changes to this privacy policy\n"),
        "{markdown}"
    );
    assert!(material.contains("### What changes for you"), "{markdown}");
    assert!(material.contains("**Data brokers**"), "{markdown}");
    assert!(material.contains("We now **share**"), "{markdown}");

    candor()
        .args(["diff", "old", "new", "--fail-on", "material"])
        .current_dir(root)
        .assert()
        .code(1);
    candor()
        .args(["diff", "old", "new", "--fail-on", "any"])
        .current_dir(root)
        .assert()
        .code(1);
}

#[test]
fn identical_policies_have_no_changes() {
    candor()
        .args(["diff", "policy", "policy", "--fail-on", "any"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no changes"));
}

const OLD: &str = r#"policy site "Privacy Policy" {
  updated 2024-01
  jurisdictions gdpr, ccpa
  outline data, your_rights
}

section data { insert datasets }
section your_rights { insert rights eu_rights }

item email "email address" { ccpa A }
item phone "phone number" { ccpa A }
subject customers "customers"
source you "you" { kind data_subject }
purpose news "Newsletter" { text "We send you news." }

dataset letters "Newsletter" {
  subjects customers
  collects email
  sources you
  purposes news
  basis consent for news {
    withdraw "through the unsubscribe link"
    text "With your consent."
  }
  retention subscriptions
  text "When you subscribe."
}

retention subscriptions "Subscriptions" {
  applies_to letters
  period "two years"
  text "We keep it for two years."
}

retention logs "Logs" {
  applies_to letters
  period "24 months"
}

rights eu_rights "Your rights" {
  jurisdiction gdpr
  right access "The right of access" { text "You can ask for a copy." }
  right erasure "The right to erasure" { text "You can ask us to delete it." }
}

ccpa identifiers "Identifiers" {
  statutory A
  items email
  sources you
  sold no
  shared no
  disclosed yes
  purposes news
  retention subscriptions
}
"#;

fn new_version() -> String {
    OLD.replace("  collects email\n", "  collects email, phone\n")
        .replace("We send you news.", "We send you our news.")
        .replace(
            "  basis consent for news {\n    withdraw \"through the unsubscribe link\"\n    text \"With your consent.\"\n  }",
            "  basis legitimate_interest for news {\n    interest \"keeping customers informed\"\n    text \"On our legitimate interest.\"\n  }",
        )
        .replace("period \"two years\"", "period \"five years\"")
        .replace("period \"24 months\"", "period \"12 months\"")
        .replace(
            "  right erasure \"The right to erasure\" { text \"You can ask us to delete it.\" }",
            "  right portability \"The right to data portability\" { text \"You can take it with you.\" }",
        )
        .replace("  sold no\n", "  sold yes\n")
}

fn small_pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("old")).unwrap();
    fs::create_dir(dir.path().join("new")).unwrap();
    fs::write(dir.path().join("old/a.policy"), OLD).unwrap();
    fs::write(dir.path().join("new/a.policy"), new_version()).unwrap();
    dir
}

#[test]
fn changes_are_classed_material_or_editorial() {
    let dir = small_pair();
    let (code, json) = output(&["diff", "old", "new", "--format", "json"], dir.path());
    assert_eq!(code, 0, "{json}");
    let report: Value = serde_json::from_str(&json).unwrap();
    let class_of = |id: &str, field: Option<&str>| -> String {
        let found: Vec<&Value> = report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["id"] == id && field.is_none_or(|f| c["field"] == f))
            .collect();
        assert!(!found.is_empty(), "no change for {id} {field:?} in {json}");
        found
            .iter()
            .map(|c| c["class"].as_str().unwrap())
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(
        class_of("letters", Some("collects")),
        "material",
        "new data"
    );
    assert_eq!(
        class_of("letters", Some("bases")),
        "material",
        "basis change"
    );
    assert_eq!(class_of("news", Some("text")), "editorial", "wording");
    assert_eq!(
        class_of("subscriptions", Some("period")),
        "material",
        "longer retention"
    );
    assert_eq!(
        class_of("logs", Some("period")),
        "editorial",
        "shorter retention"
    );
    assert_eq!(
        class_of("eu_rights", Some("rights")),
        "material,editorial",
        "a right removed, one added"
    );
    assert_eq!(
        class_of("identifiers", Some("sold")),
        "material",
        "sold turning yes"
    );
}

#[test]
fn small_diff_in_three_formats() {
    let dir = small_pair();
    let (_, human) = output(&["diff", "old", "new"], dir.path());
    insta::assert_snapshot!("small_diff_human", human);
    let (_, markdown) = output(&["diff", "old", "new", "--format", "markdown"], dir.path());
    insta::assert_snapshot!("small_diff_markdown", markdown);
    let (_, json) = output(&["diff", "old", "new", "--format", "json"], dir.path());
    let report: Value = serde_json::from_str(&json).unwrap();
    insta::assert_json_snapshot!("small_diff_json", report);
}

#[test]
fn a_side_that_does_not_compile_is_reported_and_exits_2() {
    let dir = small_pair();
    fs::write(
        dir.path().join("new/a.policy"),
        OLD.replace("collects email", "collects emial"),
    )
    .unwrap();
    candor()
        .args(["diff", "old", "new", "--color", "never"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("candor::unknown-reference")
                .and(predicate::str::contains("the new policy")),
        );
    candor()
        .args(["diff", "old", "missing"])
        .current_dir(dir.path())
        .assert()
        .code(2);
    candor()
        .args(["diff", "old"])
        .current_dir(dir.path())
        .assert()
        .code(2);
}

fn git(dir: &Path, args: &[&str]) {
    let status = Process::new("git")
        .args([
            "-c",
            "user.email=ci@example.com",
            "-c",
            "user.name=ci",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// A git repository whose first commit holds `policy/NAME` (the `OLD`
/// policy).
fn committed_policy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("policy")).unwrap();
    fs::write(root.join("policy").join(name), OLD).unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);
    dir
}

#[test]
fn git_mode_compares_the_working_tree_with_a_revision() {
    let dir = committed_policy("a.policy");
    let root = dir.path();
    candor()
        .args(["diff", "--git", "HEAD", "policy", "--fail-on", "any"])
        .current_dir(root)
        .assert()
        .code(0);

    fs::write(root.join("policy/a.policy"), new_version()).unwrap();
    let (code, human) = output(
        &["diff", "--git", "HEAD", "policy", "--fail-on", "material"],
        root,
    );
    assert_eq!(code, 1, "{human}");
    assert!(human.contains("between HEAD:policy and policy"), "{human}");
    assert!(human.contains("sold: no → yes"), "{human}");

    candor()
        .args(["diff", "--git", "no-such-revision", "policy"])
        .current_dir(root)
        .assert()
        .code(2);
}

#[test]
fn a_change_of_the_laws_addressed_is_material() {
    let dir = small_pair();
    fs::write(
        dir.path().join("new/a.policy"),
        OLD.replace("jurisdictions gdpr, ccpa", "jurisdictions gdpr"),
    )
    .unwrap();
    let (code, json) = output(
        &[
            "diff",
            "old",
            "new",
            "--format",
            "json",
            "--fail-on",
            "material",
        ],
        dir.path(),
    );
    let report: Value = serde_json::from_str(&json).unwrap();
    let change = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "jurisdictions")
        .expect("the jurisdictions change is listed");
    assert_eq!(change["class"], "material", "{change}");
    assert_eq!(code, 1, "--fail-on material fails on it");
}

#[test]
fn git_mode_reads_non_ascii_file_names() {
    let dir = committed_policy("données.policy");
    let root = dir.path();
    let (code, human) = output(
        &["diff", "--git", "HEAD", "policy", "--fail-on", "material"],
        root,
    );
    assert_eq!(code, 0, "{human}");
    assert!(human.contains("no changes"), "{human}");
}

#[test]
fn git_mode_refuses_a_revision_that_git_would_read_as_an_option() {
    let dir = committed_policy("a.policy");
    let root = dir.path();
    let written = root.join("written");
    let option = format!("--output={}", written.display());
    candor()
        .args(["diff", &format!("--git={option}"), "policy"])
        .current_dir(root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a revision"));
    assert!(!written.exists(), "git was given `{option}` as an option");
}

#[test]
fn markdown_changelog_escapes_display_names() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("old")).unwrap();
    fs::create_dir(dir.path().join("new")).unwrap();
    fs::write(dir.path().join("old/a.policy"), OLD).unwrap();
    let hostile = format!(
        "{OLD}\nsubject evil \"<img src=x onerror=alert(1)> [click](javascript:alert(2))\"\n"
    );
    fs::write(dir.path().join("new/a.policy"), hostile).unwrap();
    let (_, markdown) = output(&["diff", "old", "new", "--format", "markdown"], dir.path());
    assert!(markdown.contains("onerror"), "{markdown}");
    for event in pulldown_cmark::Parser::new(&markdown) {
        match event {
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                panic!("raw HTML `{h}` in {markdown}")
            }
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                panic!("a link to `{dest_url}` in {markdown}")
            }
            _ => {}
        }
    }
    assert!(
        markdown.contains("**"),
        "the notice keeps its bold: {markdown}"
    );
}
