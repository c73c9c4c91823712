//! Helpers the tests share: the real binary, `candor build`, and reading
//! a rendered Markdown notice by section and table row.

use std::path::Path;

use assert_cmd::Command;

/// The policy most build tests build.
pub(crate) const FIXTURE: &str = "tests/fixtures/valid/render-ccpa.policy";

/// The built `candor` binary, without colours.
pub(crate) fn candor() -> Command {
    let mut command = Command::cargo_bin("candor").expect("the binary is built");
    command.env("NO_COLOR", "1");
    command
}

/// `candor build POLICY --out OUT` on a fixed date, plus extra arguments.
pub(crate) fn build(policy: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut command = candor();
    command
        .arg("build")
        .arg(policy)
        .arg("--out")
        .arg(out)
        .args(["--today", "2026-01-01"])
        .args(extra);
    command
}

/// The Markdown from a heading to the next `## ` heading.
pub(crate) fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(heading)
        .unwrap_or_else(|| panic!("no `{heading}` in:\n{md}"));
    let rest = &md[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// The table row of a text whose first cell starts with `cell` (plain or
/// bold).
pub(crate) fn row<'a>(text: &'a str, cell: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(&format!("| {cell}")) || l.starts_with(&format!("| **{cell}**")))
        .unwrap_or_else(|| panic!("no row `{cell}` in:\n{text}"))
}

/// The Markdown notice (`privacy-policy.md`) of a resolved policy.
pub(crate) fn notice_markdown(policy: &candor::model::Policy) -> String {
    candor::render::render(policy, &candor::render::RenderOptions::default())
        .expect("the templates render")
        .into_iter()
        .find(|o| o.name == "privacy-policy.md")
        .expect("the notice")
        .contents
}

/// The corpus policies (one directory each), in name order.
pub(crate) fn corpus() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> = std::fs::read_dir("tests/fixtures/corpus")
        .expect("the corpus directory exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}
