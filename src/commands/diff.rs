//! `candor diff OLD NEW` and `candor diff --git REV [PATH]`: compare two
//! versions of a policy's model and class each change (see
//! [`crate::diff`]).
//!
//! With `--git REV`, the old version is the same path as it was at `REV`,
//! read with `git ls-tree` and `git show` (nothing is checked out), and the
//! new one is the working tree. Exit codes: 0, or 1 with `--fail-on` when a
//! change of that class exists; 2 when a side cannot be read or does not
//! compile (its errors are reported).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{EXIT_OK, EXIT_POLICY, EXIT_USAGE, color, fail};
use crate::cli::{DiffArgs, DiffFormat, FailOn};
use crate::diagnostic::{self, Diagnostic};
use crate::diff::{Diff, compare, render};
use crate::source::{SourceFile, Sources};
use crate::{Compiled, Options, compile, compile_sources};

/// Runs `candor diff`.
pub(crate) fn run(args: &DiffArgs) -> u8 {
    let options = Options::default();
    let (old, old_label, new, new_label) = match (&args.git, &args.new) {
        (Some(_), Some(_)) => {
            return fail("give either two policy directories, or one with `--git REV`");
        }
        (None, None) => {
            return fail(
                "give the old and the new policy directory, or `--git REV` to compare with a revision",
            );
        }
        (None, Some(new)) => {
            let old = match compile(&args.old, &options) {
                Ok(c) => c,
                Err(e) => return fail(&e.to_string()),
            };
            let new_compiled = match compile(new, &options) {
                Ok(c) => c,
                Err(e) => return fail(&e.to_string()),
            };
            (old, shown(&args.old), new_compiled, shown(new))
        }
        (Some(rev), None) => {
            let sources = match from_git(rev, &args.old) {
                Ok(s) => s,
                Err(message) => return fail(&message),
            };
            let old = compile_sources(sources, &[], &options);
            let new = match compile(&args.old, &options) {
                Ok(c) => c,
                Err(e) => return fail(&e.to_string()),
            };
            (
                old,
                format!("{rev}:{}", shown(&args.old)),
                new,
                shown(&args.old),
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
            let text = diagnostic::render_human(&errors, &compiled.sources, color(args.color));
            let mut stderr = std::io::stderr();
            let _ = stderr.write_all(text.as_bytes());
            let _ = writeln!(
                stderr,
                "error: the {side} policy ({label}) does not compile, so it cannot be compared"
            );
            return EXIT_USAGE;
        }
    }
    let (Some(old_policy), Some(new_policy)) = (&old.policy, &new.policy) else {
        return EXIT_USAGE;
    };
    let diff = match compare(old_policy, new_policy) {
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
    exit_code(&diff, args.fail_on)
}

fn exit_code(diff: &Diff, fail_on: Option<FailOn>) -> u8 {
    match fail_on {
        Some(FailOn::Material) if diff.material() > 0 => EXIT_POLICY,
        Some(FailOn::Any) if !diff.is_empty() => EXIT_POLICY,
        _ => EXIT_OK,
    }
}

/// A side can be compared when it has a model and no mistake in the
/// language itself (syntax, names, values). Findings of the legal rules do
/// not stop a comparison: the model they judge is complete.
fn usable(compiled: &Compiled) -> bool {
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
fn from_git(rev: &str, path: &Path) -> Result<Sources, String> {
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
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
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
