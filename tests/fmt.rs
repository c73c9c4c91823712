//! `candor fmt`: the canonical layout is idempotent, never changes the
//! compiled model, keeps every comment and every byte of prose, and the
//! command behaves as CI expects.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use candor::format::format_str;
use predicates::prelude::*;

fn candor() -> Command {
    Command::cargo_bin("candor").expect("the binary is built")
}

/// Every policy file of the repository: the fixtures and the bundled policy.
fn all_policy_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "policy") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new("tests/fixtures"), &mut files);
    walk(Path::new("policy"), &mut files);
    walk(Path::new("src/init"), &mut files);
    files.sort();
    assert!(files.len() > 10, "found the fixtures");
    files
}

/// Formats a file's text; `None` when it has syntax errors (the formatter
/// then refuses, which is tested below).
fn formatted(path: &Path) -> Option<String> {
    let text = fs::read_to_string(path).ok()?;
    match format_str(&text) {
        Ok(out) => Some(out),
        Err(diagnostics) => {
            assert!(
                diagnostics
                    .iter()
                    .all(|d| d.code.starts_with("candor::syntax")
                        || d.code == "candor::invalid-escape"),
                "{}: the formatter failed on its own: {diagnostics:?}",
                path.display()
            );
            None
        }
    }
}

#[test]
fn formatting_twice_gives_the_same_text_as_once() {
    let mut formatted_count = 0;
    for path in all_policy_files() {
        let Some(once) = formatted(&path) else {
            continue;
        };
        let twice = format_str(&once).unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
        assert_eq!(
            once,
            twice,
            "{} is not formatted idempotently",
            path.display()
        );
        formatted_count += 1;
    }
    assert!(formatted_count > 10);
}

fn model_json(path: &Path) -> Option<serde_json::Value> {
    let options = candor::Options {
        today: candor::model::PolicyDate::parse("2026-11-29"),
        levels: Vec::new(),
    };
    let compiled = candor::compile(path, &options).ok()?;
    let policy = compiled.policy?;
    Some(serde_json::to_value(&policy).expect("the model serialises"))
}

#[test]
fn formatting_never_changes_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut compared = 0;
    // Each fixture on its own.
    for path in all_policy_files()
        .into_iter()
        .filter(|p| p.starts_with("tests/fixtures"))
    {
        let Some(before) = model_json(&path) else {
            continue;
        };
        let Some(text) = formatted(&path) else {
            continue;
        };
        let copy = dir.path().join(format!("fixture{compared}.policy"));
        fs::write(&copy, text).unwrap();
        let after = model_json(&copy).expect("the formatted fixture still compiles");
        assert_eq!(
            before,
            after,
            "formatting changed the model of {}",
            path.display()
        );
        compared += 1;
    }
    assert!(compared > 10, "compared {compared} fixtures");
    // The bundled policy as a whole.
    let policy_copy = dir.path().join("policy");
    fs::create_dir(&policy_copy).unwrap();
    for entry in fs::read_dir("policy").unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "policy") {
            let text = formatted(&path).expect("the bundled policy parses");
            fs::write(policy_copy.join(entry.file_name()), text).unwrap();
        }
    }
    assert_eq!(
        model_json(Path::new("policy")),
        model_json(&policy_copy),
        "formatting changed the bundled policy's model"
    );
}

/// Comments in every position the language allows.
const COMMENTED: &str = r#"# A file comment.

# Another, after a blank line.
policy site "Privacy Policy" { # after the opening brace
  # before a field
  jurisdictions gdpr, # after a comma
                # alone inside a list
                ccpa # after the last word of a list
  updated 2024-01   # after a date; fields are reordered, comments follow
  outline intro; numbered yes # after the second field of a line
  # before the closing brace
} # after the closing brace
# between declarations

item email "email address" { ccpa A } # after a one-line declaration

dataset contact "Contact" {
  text """
      Prose keeps its # hash signs and its
        relative indentation.
  """ # after prose
  collects email
  purposes answer
  basis consent for answer when "you ask" { # after a nested brace
    # inside a nested block
    withdraw "by email" # after a nested field
    # at the end of a nested block
  } # after a nested block
}

section intro { text "Hi # not a comment" }
purpose answer "Answering"
# at the end of the file
"#;

#[test]
fn comments_in_every_position_survive() {
    let out = format_str(COMMENTED).expect("formats");
    for line in COMMENTED.lines() {
        if let Some(at) = line.find('#') {
            let comment = line[at..].trim_end();
            if comment.contains("not a comment") || comment.contains("hash signs") {
                continue;
            }
            assert_eq!(
                out.matches(comment).count(),
                1,
                "`{comment}` appears once in:\n{out}"
            );
        }
    }
    assert!(
        out.contains("\n    Prose keeps its # hash signs and its\n      relative indentation.\n"),
        "{out}"
    );
    assert!(out.contains("\"Hi # not a comment\""));
    assert_eq!(format_str(&out).expect("formats again"), out);
    insta::assert_snapshot!(out);
}

#[test]
fn layout_rules() {
    let input = "item a \"A\" { text \"t\"; ccpa A }\nitem b \"B\"\n\n\n\nitem c \"C\" {\nccpa B\n}\ndataset d \"D\" { purposes p; collects a }\n";
    let out = format_str(input).unwrap();
    insta::assert_snapshot!(out, @r#"
    item a "A" {
      ccpa A
      text "t"
    }

    item b "B"

    item c "C" { ccpa B }

    dataset d "D" {
      collects a
      purposes p
    }
    "#);
}

#[test]
fn long_lists_wrap_after_commas_aligned_under_the_first_word() {
    let words: Vec<String> = (0..30).map(|i| format!("purpose_number_{i}")).collect();
    let input = format!("dataset d \"D\" {{\n  purposes {}\n}}\n", words.join(", "));
    let out = format_str(&input).unwrap();
    for line in out.lines() {
        assert!(line.chars().count() <= candor::format::MAX_WIDTH, "{line}");
    }
    let continuation = out.lines().nth(2).unwrap();
    assert!(
        continuation.starts_with(&" ".repeat("  purposes ".len())),
        "{out}"
    );
    assert!(out.lines().nth(1).unwrap().ends_with(','));
}

#[test]
fn strings_and_prose_keep_every_byte() {
    let input = "section s {\n  text \"tab\\there “curly” – \\\"quoted\\\"\"\n  text \"\"\"\n\t\tMarkdown  \n\n\t\t    code block\n\t\t\"\"\"\n}\n";
    let out = format_str(input).unwrap();
    assert!(
        out.contains("text \"tab\\there “curly” – \\\"quoted\\\"\""),
        "{out}"
    );
    // The tab indentation common to the lines goes, the rest stays, trailing
    // blanks included.
    assert!(
        out.contains("\n    Markdown  \n\n        code block\n  \"\"\"\n"),
        "{out:?}"
    );
}

#[test]
fn fmt_check_names_unformatted_files_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "item b \"B\" { text \"t\"; ccpa A }\n";
    fs::write(dir.path().join("messy.policy"), messy).unwrap();
    fs::write(dir.path().join("tidy.policy"), "item a \"A\" { ccpa A }\n").unwrap();
    candor()
        .arg("fmt")
        .arg(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("messy.policy")
                .and(predicate::str::contains("tidy.policy").not()),
        );
    assert_eq!(
        fs::read_to_string(dir.path().join("messy.policy")).unwrap(),
        messy
    );

    candor()
        .arg("fmt")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("formatted"));
    candor()
        .arg("fmt")
        .arg(dir.path())
        .arg("--check")
        .assert()
        .code(0);
    let tidy = fs::read_to_string(dir.path().join("messy.policy")).unwrap();
    assert_eq!(tidy, "item b \"B\" {\n  ccpa A\n  text \"t\"\n}\n");
}

#[test]
fn fmt_refuses_files_with_syntax_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "item a \"A\" {\n  ccpa A\n";
    let messy = "item b \"B\" { text \"t\"; ccpa A }\n";
    fs::write(dir.path().join("a.policy"), broken).unwrap();
    fs::write(dir.path().join("b.policy"), messy).unwrap();
    candor()
        .arg("fmt")
        .arg(dir.path())
        .args(["--color", "never"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("candor::syntax")
                .and(predicate::str::contains("no file was formatted")),
        );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.policy")).unwrap(),
        broken
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("b.policy")).unwrap(),
        messy
    );
}

#[test]
fn fmt_of_a_missing_path_is_a_usage_error() {
    candor().args(["fmt", "no/such/dir"]).assert().code(2);
}

#[test]
fn crlf_files_are_rewritten_with_lf() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.policy"), "item a \"A\" { ccpa A }\r\n").unwrap();
    candor()
        .arg("fmt")
        .arg(dir.path())
        .arg("--check")
        .assert()
        .code(1);
    candor().arg("fmt").arg(dir.path()).assert().code(0);
    assert_eq!(
        fs::read_to_string(dir.path().join("a.policy")).unwrap(),
        "item a \"A\" { ccpa A }\n"
    );
}
