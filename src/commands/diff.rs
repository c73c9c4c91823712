//! `candor diff OLD NEW` and `candor diff --git REV [PATH]`: compare two
//! versions of a policy's model and class each change (see
//! [`crate::diff`]).
//!
//! With `--git REV`, the old version is the same path as it was at `REV`,
//! read with `git ls-tree` and `git show` (nothing is checked out), and the
//! new one is the working tree. Exit codes: 0, or 1 with `--fail-on any`
//! when anything changed, with `--fail-on material` when a material
//! change exists, and with either `material` or `unannounced` when a
//! material change is not announced (see [`crate::diff::gate`]); 2 when a
//! side cannot be read or does not compile (its errors are reported).
//!
//! `candor notice-of-change` compares the same way and writes the change
//! notice for users ([`crate::diff::notice`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{EXIT_OK, EXIT_POLICY, EXIT_USAGE, color, fail};
use crate::cli::{ColorChoice, DiffArgs, DiffFormat, FailOn, NoticeArgs};
use crate::diagnostic::{self, Diagnostic};
use crate::diff::{Diff, compare, gate, notice, render};
use crate::model::Policy;
use crate::source::{SourceFile, Sources};
use crate::{Compiled, Options, compile, compile_sources};

/// Runs `candor diff`.
pub(crate) fn run(args: &DiffArgs) -> u8 {
    let (old_policy, old_label, new_policy, new_label) = match load(
        &args.old,
        args.new.as_deref(),
        args.git.as_deref(),
        args.color,
    ) {
        Ok(pair) => pair,
        Err(code) => return code,
    };
    let diff = match compare(&old_policy, &new_policy) {
        Ok(diff) => diff,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "error: the policies cannot be compared: {e}"
            );
            return EXIT_USAGE;
        }
    };
    let text = match args.format {
        DiffFormat::Human => render::human(&diff, &old_label, &new_label),
        DiffFormat::Json => render::json(&diff, &old_label, &new_label),
        DiffFormat::Markdown => {
            let updated = new_policy
                .updated
                .filter(|d| Some(*d) != old_policy.updated)
                .map(|d| d.long());
            render::markdown(&diff, updated.as_deref())
        }
    };
    let _ = std::io::stdout().write_all(text.as_bytes());
    let mut unannounced = false;
    if matches!(args.fail_on, Some(FailOn::Material | FailOn::Unannounced)) {
        let findings = gate::unannounced(&diff, &old_policy, &new_policy);
        let mut stderr = std::io::stderr();
        for finding in &findings {
            let _ = writeln!(
                stderr,
                "error: {}\n  help: {}",
                finding.message, finding.help
            );
        }
        unannounced = !findings.is_empty();
    }
    if unannounced {
        return EXIT_POLICY;
    }
    exit_code(&diff, args.fail_on)
}

/// Runs `candor notice-of-change`: the change notice for users, in
/// Markdown, from the same comparison as `candor diff`.
pub(crate) fn notice(args: &NoticeArgs) -> u8 {
    let (old_policy, _, new_policy, _) = match load(
        &args.old,
        args.new.as_deref(),
        args.git.as_deref(),
        args.color,
    ) {
        Ok(pair) => pair,
        Err(code) => return code,
    };
    let diff = match compare(&old_policy, &new_policy) {
        Ok(diff) => diff,
        Err(e) => return fail(&format!("the policies cannot be compared: {e}")),
    };
    let text = notice::markdown(&diff, &new_policy, args.url.as_deref());
    match &args.out {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => EXIT_OK,
            Err(e) => fail(&format!("cannot write `{}`: {e}", path.display())),
        },
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            EXIT_OK
        }
    }
}

/// Compiles both sides (the old one from git with `git`), reporting the
/// errors of a side that cannot be compared; the error is the exit code.
fn load(
    old_path: &Path,
    new_path: Option<&Path>,
    git: Option<&str>,
    color_choice: ColorChoice,
) -> Result<(Policy, String, Policy, String), u8> {
    let options = Options::default();
    let (old, old_label, new, new_label) = match (git, new_path) {
        (Some(_), Some(_)) => {
            return Err(fail(
                "give either two policy directories, or one with `--git REV`",
            ));
        }
        (None, None) => {
            return Err(fail(
                "give the old and the new policy directory, or `--git REV` to compare with a revision",
            ));
        }
        (None, Some(new)) => {
            let old = compile(old_path, &options).map_err(|e| fail(&e.to_string()))?;
            let new_compiled = compile(new, &options).map_err(|e| fail(&e.to_string()))?;
            (old, shown(old_path), new_compiled, shown(new))
        }
        (Some(rev), None) => {
            let sources = from_git(rev, old_path).map_err(|message| fail(&message))?;
            let old = compile_sources(sources, &[], &options);
            let new = compile(old_path, &options).map_err(|e| fail(&e.to_string()))?;
            (
                old,
                format!("{rev}:{}", shown(old_path)),
                new,
                shown(old_path),
            )
        }
    };
    for (side, compiled, label) in [("old", &old, &old_label), ("new", &new, &new_label)] {
        if !usable(compiled) {
            let errors: Vec<Diagnostic> = compiled
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect();
            let text = diagnostic::render_human(&errors, &compiled.sources, color(color_choice));
            let mut stderr = std::io::stderr();
            let _ = stderr.write_all(text.as_bytes());
            let _ = writeln!(
                stderr,
                "error: the {side} policy ({label}) does not compile, so it cannot be compared"
            );
            return Err(EXIT_USAGE);
        }
    }
    match (old.policy, new.policy) {
        (Some(o), Some(n)) => Ok((o, old_label, n, new_label)),
        _ => Err(EXIT_USAGE),
    }
}

fn exit_code(diff: &Diff, fail_on: Option<FailOn>) -> u8 {
    match fail_on {
        Some(FailOn::Material) if diff.material() > 0 => EXIT_POLICY,
        Some(FailOn::Any) if !diff.is_empty() => EXIT_POLICY,
        // `unannounced` is decided by the caller, from the gate.
        _ => EXIT_OK,
    }
}

/// A side can be compared when it has a model and no mistake in the
/// language itself (syntax, names, values). Findings of the legal rules do
/// not stop a comparison: the model they judge is complete.
pub(crate) fn usable(compiled: &Compiled) -> bool {
    compiled.policy.is_some()
        && !compiled
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.code.starts_with("candor::"))
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The policy at `path` as it was at revision `rev`: every `*.policy` file
/// under it (or the one file it names), read with `git show`.
pub(crate) fn from_git(rev: &str, path: &Path) -> Result<Sources, String> {
    // A revision is passed to git as an argument of its own, before `--`:
    // one that starts with `-` would be read as an option (`--output=FILE`).
    if rev.is_empty() || rev.starts_with('-') || rev.contains(['\0', '\n']) {
        return Err(format!(
            "`{rev}` is not a revision\nhelp: give a commit, branch or tag name, such as `HEAD` or `main`"
        ));
    }
    let (dir, files) = if path.is_file() {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (dir.to_owned(), vec![name])
    } else if path.is_dir() {
        // `-z`: names as they are, not quoted (git quotes non-ASCII names).
        let listing = git(
            path,
            &["ls-tree", "-r", "-z", "--name-only", rev, "--", "."],
        )?;
        let mut files: Vec<String> = listing
            .split(|&b| b == 0)
            .filter_map(|name| std::str::from_utf8(name).ok())
            .filter(|name| name.ends_with(".policy"))
            .map(str::to_owned)
            .collect();
        files.sort_by(|a, b| PathBuf::from(a).cmp(&PathBuf::from(b)));
        (path.to_owned(), files)
    } else {
        return Err(format!("`{}` does not exist", path.display()));
    };
    if files.is_empty() {
        return Err(format!(
            "`{}` holds no `.policy` file at `{rev}`",
            path.display()
        ));
    }
    let mut sources = Sources::new();
    for file in files {
        let bytes = git(&dir, &["show", &format!("{rev}:./{file}")])?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("`{file}` at `{rev}` is not UTF-8 text"))?;
        let shown_path = if path.is_file() {
            shown(path)
        } else {
            format!("{}/{file}", shown(path))
        };
        sources.add(SourceFile::new(
            PathBuf::from(format!("{rev}:{shown_path}")),
            &text,
        ));
    }
    Ok(sources)
}

/// Runs git in `dir` and returns its output, or its error as a message.
pub(crate) fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let message = String::from_utf8_lossy(&output.stderr);
        Err(format!("git {}: {}", args.join(" "), message.trim()))
    }
}
