//! `candor build` as people and CI run it: the seven files, `--check`,
//! `--fragment`, template overrides, and every way a build can fail without
//! touching the previous output.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support;

use predicates::prelude::*;
use support::{FIXTURE, build, candor};

/// Every file of a directory with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("the directory exists") {
        let path = entry.expect("an entry").path();
        files.insert(path.clone(), fs::read(&path).expect("readable"));
    }
    files
}

fn fixture_abs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

#[test]
fn build_writes_the_seven_files_and_check_passes() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    let names: Vec<String> = snapshot(&out)
        .keys()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            ".candor-manifest",
            "candor.css",
            "ccpa.html",
            "ccpa.md",
            "policy.json",
            "policy.schema.json",
            "privacy-policy.html",
            "privacy-policy.md"
        ]
    );
    let page = fs::read_to_string(out.join("privacy-policy.html")).expect("html");
    assert!(
        page.starts_with("<!DOCTYPE html>")
            && page.contains("<style>")
            && page.contains("<nav class=\"candor-toc\"")
    );
    build(Path::new(FIXTURE), &out, &["--check"])
        .assert()
        .code(0);
    // Nothing stays behind beside the output.
    let beside: Vec<_> = fs::read_dir(dir.path())
        .expect("tmp")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(beside, ["out"]);
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().expect("tmp");
    build(Path::new(FIXTURE), &dir.path().join("a"), &[])
        .assert()
        .code(0);
    build(Path::new(FIXTURE), &dir.path().join("b"), &[])
        .assert()
        .code(0);
    let a: Vec<Vec<u8>> = snapshot(&dir.path().join("a")).into_values().collect();
    let b: Vec<Vec<u8>> = snapshot(&dir.path().join("b")).into_values().collect();
    assert_eq!(a, b);
}

#[test]
fn check_names_stale_missing_and_unexpected_files_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    fs::write(out.join("ccpa.md"), "edited by hand\n").expect("edit");
    fs::remove_file(out.join("policy.json")).expect("remove");
    fs::write(out.join("notes.md"), "mine\n").expect("extra");
    let before = snapshot(&out);
    build(Path::new(FIXTURE), &out, &["--check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("stale: `").and(predicate::str::contains("ccpa.md`")))
        .stderr(
            predicate::str::contains("missing: `").and(predicate::str::contains("policy.json`")),
        )
        .stderr(
            predicate::str::contains("unexpected: `").and(predicate::str::contains("notes.md`")),
        );
    assert_eq!(snapshot(&out), before, "--check must not write");
    // A missing output directory: every file is missing.
    build(Path::new(FIXTURE), &dir.path().join("never"), &["--check"])
        .assert()
        .code(1);
    assert!(!dir.path().join("never").exists());
}

#[test]
fn a_policy_with_errors_writes_nothing_and_leaves_out_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    let before = snapshot(&out);
    let broken = dir.path().join("broken.policy");
    let source = fs::read_to_string(FIXTURE).expect("fixture");
    fs::write(
        &broken,
        source.replace(
            "purposes manage, secure",
            "purposes manage, no_such_purpose",
        ),
    )
    .expect("write");
    build(&broken, &out, &[])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no_such_purpose"));
    assert_eq!(snapshot(&out), before);
    build(&broken, &dir.path().join("fresh"), &[])
        .assert()
        .code(1);
    assert!(!dir.path().join("fresh").exists());
}

#[test]
fn template_failures_exit_2_and_leave_out_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    let before = snapshot(&out);

    // A missing templates directory.
    build(Path::new(FIXTURE), &out, &["--templates", "no/such/dir"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no/such/dir").and(predicate::str::contains("does not exist")),
        );

    // A typo in an override: tera 2 fails on the undefined field.
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).expect("mkdir");
    fs::write(templates.join("ccpa.md"), "# {{ ccpa.captoin }}\n").expect("write");
    build(
        Path::new(FIXTURE),
        &out,
        &["--templates", templates.to_str().expect("utf-8")],
    )
    .assert()
    .code(2)
    .stderr(predicate::str::contains("ccpa.md").and(predicate::str::contains("captoin")));

    // A template that does not parse.
    fs::write(templates.join("ccpa.md"), "{% for x in %}\n").expect("write");
    build(
        Path::new(FIXTURE),
        &out,
        &["--templates", templates.to_str().expect("utf-8")],
    )
    .assert()
    .code(2);

    // An unknown filter is caught when the templates load.
    fs::write(templates.join("ccpa.md"), "{{ title | shout }}\n").expect("write");
    build(
        Path::new(FIXTURE),
        &out,
        &["--templates", templates.to_str().expect("utf-8")],
    )
    .assert()
    .code(2)
    .stderr(predicate::str::contains("shout"));

    assert_eq!(snapshot(&out), before);
}

#[test]
fn an_unwritable_output_exits_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let blocker = dir.path().join("a-file");
    fs::write(&blocker, "not a directory\n").expect("write");
    build(Path::new(FIXTURE), &blocker.join("out"), &[])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot"));
    assert_eq!(
        fs::read_to_string(&blocker).expect("intact"),
        "not a directory\n"
    );
}

#[test]
fn build_refuses_to_replace_a_directory_it_did_not_write() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("site");
    fs::create_dir_all(out.join("assets")).expect("mkdir");
    fs::write(out.join("index.php"), "<?php\n").expect("write");
    build(Path::new(FIXTURE), &out, &[])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did not write"));
    assert!(out.join("assets").is_dir() && out.join("index.php").is_file());
}

#[test]
fn fragment_writes_bodies_only() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &["--fragment"])
        .assert()
        .code(0);
    for name in ["privacy-policy.html", "ccpa.html"] {
        let html = fs::read_to_string(out.join(name)).expect("html");
        assert!(html.starts_with("<article"), "{name}: {}", &html[..40]);
        assert!(!html.contains("<html") && !html.contains("<head>") && !html.contains("<body"));
    }
    let ccpa = fs::read_to_string(out.join("ccpa.html")).expect("html");
    assert!(
        ccpa.contains("<caption")
            && ccpa.contains("<th scope=\"col\">")
            && ccpa.contains("<th scope=\"row\">")
    );
}

#[test]
fn templates_override_by_file_name_from_the_flag_or_the_policy() {
    let dir = tempfile::tempdir().expect("tmp");
    let templates = dir.path().join("my-templates");
    fs::create_dir(&templates).expect("mkdir");
    fs::write(
        templates.join("ccpa.md"),
        "# {{ title }}\n\n{% include \"ccpa-table.md\" %}\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    build(
        Path::new(FIXTURE),
        &out,
        &["--templates", templates.to_str().expect("utf-8")],
    )
    .assert()
    .code(0);
    let ccpa = fs::read_to_string(out.join("ccpa.md")).expect("md");
    assert!(ccpa.starts_with("# California Notice\n"), "{ccpa}");

    // The same through the policy's own `templates` setting, relative to its directory.
    let policy_dir = dir.path().join("policy");
    fs::create_dir(&policy_dir).expect("mkdir");
    let source = fs::read_to_string(FIXTURE).expect("fixture");
    let source = source.replacen(
        "numbered yes",
        "numbered yes\n  templates \"../my-templates\"",
        1,
    );
    fs::write(policy_dir.join("notice.policy"), source).expect("write");
    let out2 = dir.path().join("out2");
    build(&policy_dir, &out2, &["--allow-templates-outside"])
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(out2.join("ccpa.md")).expect("md"), ccpa);
}

#[test]
fn built_in_templates_work_from_any_directory() {
    let dir = tempfile::tempdir().expect("tmp");
    candor()
        .current_dir(dir.path())
        .arg("build")
        .arg(fixture_abs())
        .args(["--out", "published", "--today", "2026-01-01"])
        .assert()
        .code(0);
    assert!(dir.path().join("published/privacy-policy.html").is_file());
}

#[test]
fn without_out_the_build_lands_beside_the_policy_whatever_the_current_directory() {
    // A company's repository: the policy in `site/policy`, the build run
    // from elsewhere (a CI step, a script in `tools/`).
    let repo = tempfile::tempdir().expect("tmp");
    let policy = repo.path().join("site/policy");
    fs::create_dir_all(&policy).expect("mkdir");
    fs::copy(fixture_abs(), policy.join("notice.policy")).expect("copy");
    let elsewhere = repo.path().join("tools");
    fs::create_dir_all(&elsewhere).expect("mkdir");
    candor()
        .current_dir(&elsewhere)
        .arg("build")
        .arg("../site/policy")
        .args(["--today", "2026-01-01"])
        .assert()
        .code(0);
    assert!(repo.path().join("site/out/privacy-policy.html").is_file());
    assert!(!elsewhere.join("out").exists());
    assert!(!policy.join("out").exists());

    // `.` inside the policy directory writes its sibling, not into itself;
    // `--check` looks in the same place.
    candor()
        .current_dir(&policy)
        .args(["build", ".", "--check", "--today", "2026-01-01"])
        .assert()
        .code(0);
    assert!(!policy.join("out").exists());

    // A single file: `out` in the file's directory.
    candor()
        .current_dir(&elsewhere)
        .arg("build")
        .arg(policy.join("notice.policy"))
        .args(["--today", "2026-01-01"])
        .assert()
        .code(0);
    assert!(policy.join("out/privacy-policy.html").is_file());
}
