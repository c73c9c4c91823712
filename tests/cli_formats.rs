//! The CI formats of diagnostics: SARIF 2.1.0 (validated against the OASIS
//! schema vendored in `tests/fixtures`) and GitHub workflow commands, plus
//! the `--color` switch of the human format.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn candor() -> Command {
    Command::cargo_bin("candor").expect("the binary is built")
}

/// Policies that give diagnostics of every kind: syntax errors, resolution
/// errors with related locations, warnings, and legal rules.
const INPUTS: &[&str] = &[
    "tests/fixtures/invalid/unknown-reference.policy",
    "tests/fixtures/invalid/duplicate-id.policy",
    "tests/fixtures/invalid/syntax-unclosed-block.policy",
    "tests/fixtures/invalid/unused.policy",
    "policy",
];

fn stdout_of(args: &[&str]) -> String {
    let output = candor().args(args).output().expect("candor runs");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {output:?}"
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn json_report(path: &str) -> Value {
    let text = stdout_of(&["check", path, "--today", "2026-11-29", "--format", "json"]);
    serde_json::from_str(&text).expect("JSON report")
}

fn sarif_validator() -> jsonschema::Validator {
    let text =
        fs::read_to_string("tests/fixtures/sarif-schema-2.1.0.json").expect("vendored schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn the_vendored_schema_is_the_oasis_sarif_2_1_0_schema() {
    let text =
        fs::read_to_string("tests/fixtures/sarif-schema-2.1.0.json").expect("vendored schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-04/schema#");
    assert_eq!(schema["properties"]["version"]["enum"][0], "2.1.0");
    assert!(schema["definitions"]["result"].is_object());
    // A log that breaks the schema is rejected, so the validation below
    // means something.
    let validator = sarif_validator();
    let bad = serde_json::json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": {} } }] });
    assert!(!validator.is_valid(&bad));
}

#[test]
fn sarif_validates_against_the_schema_and_matches_the_json_report() {
    let validator = sarif_validator();
    for path in INPUTS {
        let text = stdout_of(&["check", path, "--today", "2026-11-29", "--format", "sarif"]);
        let log: Value = serde_json::from_str(&text).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{path}: SARIF does not validate:\n{}",
            errors.join("\n")
        );

        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        assert!(rules.iter().any(|r| r["id"] == "candor::unknown-reference"));
        let results = run["results"].as_array().expect("results");
        let report = json_report(path);
        let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
        assert_eq!(
            results.len(),
            diagnostics.len(),
            "{path}: one result per diagnostic"
        );
        for (result, d) in results.iter().zip(diagnostics) {
            let index = usize::try_from(result["ruleIndex"].as_u64().expect("ruleIndex")).unwrap();
            assert_eq!(
                rules[index]["id"], result["ruleId"],
                "{path}: ruleIndex names the rule"
            );
            assert_eq!(result["ruleId"], d["code"]);
            let level = match d["severity"].as_str() {
                Some("error") => "error",
                Some("warning") => "warning",
                _ => "note",
            };
            assert_eq!(result["level"], level);
            assert!(
                result["message"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with(d["message"].as_str().unwrap())
            );
            let location = &result["locations"][0]["physicalLocation"];
            assert_eq!(location["artifactLocation"]["uri"], d["file"]);
            let region = &location["region"];
            assert_eq!(region["startLine"], d["line"]);
            assert_eq!(region["startColumn"], d["column"]);
            assert_eq!(region["endLine"], d["end_line"]);
            assert_eq!(region["endColumn"], d["end_column"]);
        }
    }
}

#[test]
fn sarif_lists_the_legal_rules_catalogue() {
    let text = stdout_of(&[
        "check",
        "policy",
        "--today",
        "2026-11-29",
        "--format",
        "sarif",
    ]);
    let log: Value = serde_json::from_str(&text).expect("SARIF is JSON");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    for rule in candor::check::rules() {
        let entry = rules
            .iter()
            .find(|r| r["id"] == rule.code)
            .unwrap_or_else(|| panic!("{} listed", rule.code));
        assert_eq!(entry["shortDescription"]["text"], rule.summary);
        assert!(entry["fullDescription"]["text"].is_string());
    }
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "rule ids are unique");
}

#[test]
fn github_format_is_one_workflow_command_per_diagnostic() {
    for path in INPUTS {
        let text = stdout_of(&["check", path, "--today", "2026-11-29", "--format", "github"]);
        let report = json_report(path);
        let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.len(),
            diagnostics.len(),
            "{path}: one line per diagnostic:\n{text}"
        );
        for (line, d) in lines.iter().zip(diagnostics) {
            let command = match d["severity"].as_str() {
                Some("error") => "error",
                Some("warning") => "warning",
                _ => "notice",
            };
            let file = d["file"]
                .as_str()
                .unwrap()
                .replace(':', "%3A")
                .replace(',', "%2C");
            let title = d["code"].as_str().unwrap().replace(':', "%3A");
            let prefix = format!(
                "::{command} file={file},line={},col={},endLine={},endColumn={},title={title}::",
                d["line"], d["column"], d["end_line"], d["end_column"]
            );
            assert!(
                line.starts_with(&prefix),
                "{line}\ndoes not start with\n{prefix}"
            );
            assert!(!line.contains('\r'));
        }
    }
}

#[test]
fn github_format_escapes_line_breaks_and_percent_signs() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.policy");
    // An unknown declaration keyword: the message quotes the user's word.
    fs::write(
        &file,
        "policy p \"P\" {\n  updated 2024-01\n  jurisdictions gdpr\n  outline s\n}\nsection s { text \"100% sure\" }\nfoo bar \"x\"\n",
    )
    .unwrap();
    let text = stdout_of(&["check", file.to_str().unwrap(), "--format", "github"]);
    assert!(!text.is_empty());
    for line in text.lines() {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice ")
        );
        let (_, message) = line
            .split_once("::")
            .and_then(|(_, rest)| rest.split_once("::"))
            .expect("message");
        assert!(!message.contains('\n'));
        // Every `%` of the message is the start of an escape.
        for (i, _) in message.match_indices('%') {
            let escape = &message[i..(i + 3).min(message.len())];
            assert!(
                ["%25", "%0A", "%0D"].contains(&escape),
                "bare % in {message}"
            );
        }
    }
    assert!(
        text.contains("%0A%0Ahelp: "),
        "help follows an escaped blank line:\n{text}"
    );
}

#[test]
fn color_always_and_never() {
    let path = "tests/fixtures/invalid/unknown-reference.policy";
    let colored = candor()
        .args(["check", path, "--color", "always"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&colored.stderr).contains("\u{1b}["),
        "ANSI colours"
    );
    let plain = candor()
        .args(["check", path, "--color", "never"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&plain.stderr).contains("\u{1b}["),
        "no ANSI colours"
    );
}

#[test]
fn sarif_uris_are_relative_for_relative_paths_and_file_uris_for_absolute_ones() {
    let absolute = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid/unknown-reference.policy");
    let text = stdout_of(&["check", absolute.to_str().unwrap(), "--format", "sarif"]);
    let log: Value = serde_json::from_str(&text).unwrap();
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(sarif_validator().is_valid(&log));
}
