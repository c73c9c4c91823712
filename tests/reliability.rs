//! Issue 15: what a hostile contributor or a careless user could do to a
//! build, each finding reproduced: files outside the output directory,
//! templates and policy files from outside their trees, symbolic links,
//! interrupted builds, unusual line ends.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::support;

use predicates::prelude::*;
use support::{FIXTURE, build, candor};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("a directory")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn build_does_not_delete_a_folder_of_markdown_it_did_not_write() {
    let dir = tempfile::tempdir().expect("tmp");
    // `candor build policy --out docs` in this repository.
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).expect("mkdir");
    for name in ["language.md", "rendering.md", "rules.md", "tools.md"] {
        fs::write(docs.join(name), "# mine\n").expect("write");
    }
    build(Path::new(FIXTURE), &docs, &[])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("`language.md`")
                .and(predicate::str::contains("did not write")),
        );
    assert_eq!(names(&docs).len(), 4);
    // A site folder with a page and a package file.
    let site = dir.path().join("site");
    fs::create_dir(&site).expect("mkdir");
    fs::write(site.join("index.html"), "<p>home</p>\n").expect("write");
    fs::write(site.join("package.json"), "{}\n").expect("write");
    build(Path::new(FIXTURE), &site, &[]).assert().code(2);
    assert_eq!(names(&site), ["index.html", "package.json"]);
    // An empty directory is taken.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    build(Path::new(FIXTURE), &empty, &[]).assert().code(0);
}

#[test]
fn build_replaces_only_what_its_manifest_lists() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    let manifest = fs::read_to_string(out.join(".candor-manifest")).expect("a manifest");
    assert!(
        manifest.lines().any(|l| l == "privacy-policy.md"),
        "{manifest}"
    );
    // A second build replaces its own files.
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    // Someone adds a file: the next build refuses rather than delete it.
    fs::write(out.join("notes.json"), "{}\n").expect("write");
    build(Path::new(FIXTURE), &out, &[])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`notes.json`"));
    assert!(out.join("notes.json").is_file());
    // A manifest that candor did not write is not trusted.
    fs::remove_file(out.join("notes.json")).expect("rm");
    fs::write(out.join(".candor-manifest"), "notes.json\n").expect("write");
    build(Path::new(FIXTURE), &out, &[]).assert().code(2);
}

#[test]
fn an_output_directory_from_before_manifests_is_still_replaced() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    fs::remove_file(out.join(".candor-manifest")).expect("rm");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    assert!(out.join(".candor-manifest").is_file());
}

#[test]
fn an_out_that_is_a_symlink_keeps_its_link_and_loses_stale_files() {
    let dir = tempfile::tempdir().expect("tmp");
    let target = dir.path().join("published");
    let link = dir.path().join("out");
    build(Path::new(FIXTURE), &target, &[]).assert().code(0);
    // A file an earlier version wrote and listed.
    fs::write(target.join("old.md"), "stale\n").expect("write");
    let manifest = fs::read_to_string(target.join(".candor-manifest")).expect("manifest");
    fs::write(
        target.join(".candor-manifest"),
        format!("{manifest}old.md\n"),
    )
    .expect("write");
    symlink(&target, &link).expect("symlink");
    build(Path::new(FIXTURE), &link, &[]).assert().code(0);
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link was replaced by a directory"
    );
    assert!(
        !target.join("old.md").exists(),
        "the target keeps a stale file"
    );
    build(Path::new(FIXTURE), &link, &["--check"])
        .assert()
        .code(0);
}

#[test]
fn leftovers_of_killed_builds_are_cleaned_and_a_half_swapped_out_restored() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("out");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    // A build killed while staging (its PID is above any pid_max).
    let tmp = dir
        .path()
        .join(".out.candor-tmp-999999999-0123456789abcdef");
    fs::create_dir(&tmp).expect("mkdir");
    fs::write(tmp.join("privacy-policy.md"), "half\n").expect("write");
    // A build killed between its two renames: `out` aside, nothing in place.
    fs::rename(
        &out,
        dir.path()
            .join(".out.candor-old-999999998-fedcba9876543210"),
    )
    .expect("rename");
    build(Path::new(FIXTURE), &out, &[]).assert().code(0);
    assert_eq!(names(dir.path()), ["out"]);
    build(Path::new(FIXTURE), &out, &["--check"])
        .assert()
        .code(0);
}

/// A policy directory holding the fixture and a `templates` setting.
fn policy_with_templates(root: &Path, setting: &str) -> std::path::PathBuf {
    let policy = root.join("policy");
    fs::create_dir_all(&policy).expect("mkdir");
    let source = fs::read_to_string(FIXTURE).expect("fixture");
    let source = source.replacen(
        "numbered yes",
        &format!("numbered yes\n  templates \"{setting}\""),
        1,
    );
    fs::write(policy.join("notice.policy"), source).expect("write");
    policy
}

#[test]
fn the_templates_setting_stays_inside_the_policy_tree() {
    let dir = tempfile::tempdir().expect("tmp");
    let outside = dir.path().join("elsewhere");
    fs::create_dir(&outside).expect("mkdir");
    fs::write(outside.join("ccpa.md"), "# outside\n").expect("write");
    for setting in ["../elsewhere", outside.to_str().expect("utf-8")] {
        let policy = policy_with_templates(dir.path(), setting);
        build(&policy, &dir.path().join("out"), &[])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--allow-templates-outside"));
        assert!(!dir.path().join("out").exists());
        build(
            &policy,
            &dir.path().join("out"),
            &["--allow-templates-outside"],
        )
        .assert()
        .code(0);
        fs::remove_dir_all(dir.path().join("out")).expect("rm");
    }
}

#[test]
fn a_template_linking_out_of_the_tree_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "CI_TOKEN=hunter2\n").expect("write");
    let policy = policy_with_templates(dir.path(), "tpl");
    let templates = policy.join("tpl");
    fs::create_dir(&templates).expect("mkdir");
    symlink(&secret, templates.join("env")).expect("symlink");
    fs::write(
        templates.join("ccpa.md"),
        "# {{ ccpa.caption }}\n{% include \"env\" %}\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    build(&policy, &out, &[])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside"));
    assert!(!out.exists());
    // The same directory given on the command line is confined to itself.
    build(
        Path::new(FIXTURE),
        &out,
        &["--templates", templates.to_str().expect("utf-8")],
    )
    .assert()
    .code(2);
    assert!(!out.exists());
}

#[test]
fn policy_files_that_are_not_regular_files_are_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let policy = dir.path().join("policy");
    fs::create_dir(&policy).expect("mkdir");
    fs::copy(FIXTURE, policy.join("a.policy")).expect("copy");
    symlink("/dev/zero", policy.join("zero.policy")).expect("symlink");
    candor()
        .arg("check")
        .arg(&policy)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("zero.policy")
                .and(predicate::str::contains("not a regular file")),
        );
    fs::remove_file(policy.join("zero.policy")).expect("rm");
    let status = std::process::Command::new("mkfifo")
        .arg(policy.join("fifo.policy"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    candor()
        .arg("check")
        .arg(&policy)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fifo.policy"));
    fs::remove_file(policy.join("fifo.policy")).expect("rm");
    // A link to a file outside the directory.
    let outside = dir.path().join("other.policy");
    fs::write(&outside, "item x \"x\"\n").expect("write");
    symlink(&outside, policy.join("link.policy")).expect("symlink");
    candor()
        .arg("check")
        .arg(&policy)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside the policy directory"));
}

#[test]
fn cr_only_line_ends_read_like_lf() {
    let dir = tempfile::tempdir().expect("tmp");
    let source = fs::read_to_string(FIXTURE).expect("fixture");
    let source = format!("# a comment first\n{source}");
    let lf = dir.path().join("lf.policy");
    let cr = dir.path().join("cr.policy");
    fs::write(&lf, &source).expect("write");
    fs::write(&cr, source.replace('\n', "\r")).expect("write");
    build(&lf, &dir.path().join("lf"), &[]).assert().code(0);
    build(&cr, &dir.path().join("cr"), &[]).assert().code(0);
    for name in ["privacy-policy.md", "policy.json"] {
        let a = fs::read(dir.path().join("lf").join(name)).expect("read");
        let b = fs::read(dir.path().join("cr").join(name)).expect("read");
        assert!(a == b, "{name} differs with CR line ends");
    }
}

const MINIMAL: &str = "policy site \"Privacy Policy\" {\n  updated 2024-01\n  jurisdictions gdpr\n  outline intro\n}\nsection intro { text \"Hello.\" }\n";

#[test]
fn findings_on_a_very_long_line_are_clipped_not_a_panic() {
    let dir = tempfile::tempdir().expect("tmp");
    // 5,000 unknown references on one line of about 55 KB, the last ones
    // past column 65,535.
    let list: Vec<String> = (0..5_000).map(|i| format!("unknown_{i:05}")).collect();
    let text = format!(
        "{MINIMAL}purpose p \"P\"\ndataset d \"D\" {{\n  collects {}\n  purposes p\n  basis contract\n}}\n",
        list.join(", ")
    );
    fs::write(dir.path().join("long.policy"), text).expect("write");
    let output = candor()
        .arg("check")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .expect("candor runs");
    assert_eq!(output.status.code(), Some(1), "exit code");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("shown around column"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(stderr.contains("unknown_04999"));
    // Bounded: a few hundred bytes per finding, not the whole line each time.
    assert!(
        output.stderr.len() < 5_000 * 1_000,
        "{} bytes of report",
        output.stderr.len()
    );
}

/// Seconds to compile (and, when it compiles, render) a one-file policy:
/// the best of five runs (the machine may be busy).
fn seconds(text: &str) -> f64 {
    (0..5)
        .map(|_| {
            let started = std::time::Instant::now();
            let mut sources = candor::source::Sources::new();
            sources.add(candor::source::SourceFile::new("t.policy".into(), text));
            let options = candor::Options {
                today: candor::model::PolicyDate::parse("2026-01-01"),
                ..candor::Options::default()
            };
            let compiled = candor::compile_sources(sources, &[], &options);
            if let (false, Some(policy)) = (compiled.has_errors(), &compiled.policy) {
                let _ = candor::render::render(policy, &candor::render::RenderOptions::default());
            }
            let _ = candor::diagnostic::render_human(
                &compiled.diagnostics,
                &compiled.sources,
                candor::diagnostic::Color::Never,
            );
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Input `n` and input `4n` take about four times as long, not sixteen.
///
/// The tests that time inputs are `#[ignore]`d: in a debug build they took
/// 115 of `cargo test`'s 257 seconds. `.ci/run` runs them in a step of
/// their own; they compare n with 4n, so the debug build serves.
fn assert_linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let small = seconds(&make(n));
    let large = seconds(&make(4 * n));
    let ratio = large / small.max(0.002);
    assert!(
        ratio < 9.0,
        "{name}: n = {n} took {small:.3} s, 4n took {large:.3} s, a ratio of {ratio:.1} (linear is 4, quadratic 16)"
    );
}

#[test]
#[ignore = "performance: run by .ci/run in a step of its own (cargo test --test integration reliability:: -- --ignored)"]
fn unclosed_braces_and_prose_parse_in_linear_time() {
    assert_linear(
        "unclosed item blocks",
        |n| format!("{MINIMAL}{}", "item a \"A\" {\n".repeat(n)),
        2_000,
    );
    assert_linear("unclosed unknown blocks", |n| "x {\n".repeat(n), 4_000);
    assert_linear(
        "unclosed blocks inside one declaration",
        |n| format!("{MINIMAL}item a \"A\" {{\n{}", "  x {\n".repeat(n)),
        2_000,
    );
    assert_linear(
        "unclosed prose",
        |n| format!("{MINIMAL}{}", "purpose p \"P\" { text \"\"\"\n".repeat(n)),
        1_000,
    );
    assert_linear(
        "unclosed prose in unknown fields",
        |n| format!("{MINIMAL}item a \"A\" {{\n{}", "  x \"\"\" {\n".repeat(n)),
        1_000,
    );
}

#[test]
#[ignore = "performance: run by .ci/run in a step of its own (cargo test --test integration reliability:: -- --ignored)"]
fn many_unknown_names_against_many_names_is_linear() {
    assert_linear(
        "did-you-mean",
        |n| {
            let items: String = (0..n)
                .map(|i| format!("item item_{i:05} \"i\"\n"))
                .collect();
            let refs: Vec<String> = (0..n).map(|i| format!("itme_{i:05}")).collect();
            format!(
                "{MINIMAL}{items}purpose p \"P\"\ndataset d \"D\" {{\n  collects {}\n  purposes p\n  basis contract\n}}\n",
                refs.join(",\n    ")
            )
        },
        400,
    );
}

#[test]
#[ignore = "performance: run by .ci/run in a step of its own (cargo test --test integration reliability:: -- --ignored)"]
fn deeply_nested_quotes_render_in_linear_time() {
    assert_linear(
        "nested quotes",
        |n| {
            MINIMAL.replace(
                "text \"Hello.\"",
                &format!("text \"{} [a](https://example.com)\"", ">".repeat(n)),
            )
        },
        8_000,
    );
}

#[test]
fn fmt_keeps_modes_and_writes_through_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let policy = dir.path().join("policy");
    fs::create_dir_all(policy.join("real")).expect("mkdir");
    let unformatted = MINIMAL.replace("section intro {", "section   intro {");
    let real = policy.join("real/a.policy");
    fs::write(&real, &unformatted).expect("write");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = policy.join("b.policy");
    symlink("real/a.policy", &link).expect("symlink");
    candor().arg("fmt").arg(&link).assert().code(0);
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link was replaced by a copy"
    );
    let text = fs::read_to_string(&real).expect("read");
    assert!(text.contains("section intro {"), "{text}");
    let mode = fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the mode was widened to {mode:o}");
    assert_eq!(names(&policy.join("real")), ["a.policy"]);
}
