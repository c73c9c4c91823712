//! Helpers the build tests share: the real binary, and `candor build`.

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
