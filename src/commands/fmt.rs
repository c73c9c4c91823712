//! `candor fmt`: rewrite policy files in the canonical layout (see
//! [`crate::format`]), or with `--check` only name the files that are not.
//!
//! A file with syntax errors is never touched: its errors are reported and,
//! so that a half-formatted directory never results, no file is written at
//! all. Exit codes: 0 done (or, with `--check`, everything formatted), 1 a
//! file would change or has syntax errors, 2 a usage or I/O error.

use std::io::Write;
use std::path::Path;

use super::{EXIT_OK, EXIT_POLICY, color, fail};
use crate::cli::FmtArgs;
use crate::diagnostic::{self, Diagnostic};
use crate::format::format_source;
use crate::source::{Sources, Span};

/// Runs `candor fmt`.
pub(crate) fn run(args: &FmtArgs) -> u8 {
    let (sources, not_utf8) = match Sources::load(&args.path) {
        Ok(loaded) => loaded,
        Err(e) => return fail(&e.to_string()),
    };
    let mut diagnostics: Vec<Diagnostic> = not_utf8
        .iter()
        .map(|bad| {
            Diagnostic::error(
                crate::NOT_UTF8,
                Span::new(bad.file, bad.offset, bad.offset),
                "this file is not valid UTF-8 text from here on",
            )
            .with_help("save the file as UTF-8 (the encoding every editor offers by default)")
        })
        .collect();
    let mut changed = Vec::new();
    for (id, file) in sources.iter() {
        if not_utf8.iter().any(|bad| bad.file == id) {
            continue;
        }
        match format_source(id, file) {
            Ok(text) => match std::fs::read(&file.path) {
                Ok(bytes) if bytes == text.as_bytes() => {}
                Ok(_) => changed.push((file.path.clone(), file.display_path(), text)),
                Err(e) => return fail(&format!("cannot read `{}`: {e}", file.display_path())),
            },
            Err(found) => diagnostics.extend(found),
        }
    }
    let mut stderr = std::io::stderr();
    if !diagnostics.is_empty() {
        diagnostic::sort(&mut diagnostics);
        let text = diagnostic::render_human(&diagnostics, &sources, color(args.color));
        let _ = stderr.write_all(text.as_bytes());
        let _ = writeln!(stderr, "no file was formatted: fix the syntax errors first");
        return EXIT_POLICY;
    }
    if args.check {
        for (_, shown, _) in &changed {
            let _ = writeln!(stderr, "would reformat {shown}");
        }
        if changed.is_empty() {
            return EXIT_OK;
        }
        let files = if changed.len() == 1 {
            "1 file is"
        } else {
            "files are"
        };
        let _ = writeln!(
            stderr,
            "{} not formatted; run `candor fmt {}` to format {}",
            if changed.len() == 1 {
                files.to_owned()
            } else {
                format!("{} {files}", changed.len())
            },
            args.path.display(),
            if changed.len() == 1 { "it" } else { "them" },
        );
        return EXIT_POLICY;
    }
    for (path, shown, text) in &changed {
        if let Err(e) = write_atomically(path, text) {
            return fail(&format!("cannot write `{shown}`: {e}"));
        }
        let _ = writeln!(stderr, "formatted {shown}");
    }
    EXIT_OK
}

/// Writes next to the file, then renames over it, so that an interrupted
/// run never leaves a half-written policy. A symbolic link is written
/// through (its target is replaced, the link kept), the file keeps its
/// permissions, and the new text is `fsync`ed before the rename and the
/// directory after it.
pub(super) fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let path = std::fs::canonicalize(path)?;
    let permissions = std::fs::metadata(&path)?.permissions();
    let mut temp = path.as_os_str().to_owned();
    temp.push(".candor-fmt");
    let temp = std::path::PathBuf::from(temp);
    let _ = std::fs::remove_file(&temp); // left by a killed run
    let written = crate::render::output::write_synced(&temp, text.as_bytes())
        .and_then(|()| std::fs::set_permissions(&temp, permissions))
        .and_then(|()| std::fs::rename(&temp, &path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    if let Some(dir) = path.parent() {
        crate::render::output::sync_dir(dir).map_err(std::io::Error::other)?;
    }
    Ok(())
}
