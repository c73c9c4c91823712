//! Writing the output directory safely, and checking that it is fresh.
//!
//! A build never edits `out/` in place. It writes every file into a new
//! directory beside it (`.out.tmp-PID`), and only when all of them are
//! written does it swap that directory in with two renames: the old one
//! aside, the new one into its place, then the old one removed. A build
//! that fails or is interrupted before the swap leaves the previous `out/`
//! exactly as it was; only a crash between the two renames, a window of
//! two system calls, leaves it under its `.out.old-PID` name.
//!
//! The files are not `fsync`ed: the guarantee is against a build that fails
//! or is killed, not against losing power mid-write, and six `fsync`s would
//! cost more than the whole build of a typical policy.
//!
//! Because the whole directory is replaced, a build refuses to replace a
//! directory that holds anything candor would not have written (a
//! subdirectory, or a file that is not `.md`, `.html`, `.css` or `.json`): `--out .`
//! must not swap away a repository.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Output;

/// Why the outputs could not be written.
#[derive(Debug)]
pub struct OutputError {
    /// What was being done, with the path.
    pub doing: String,
    /// The cause.
    pub reason: String,
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot {}: {}", self.doing, self.reason)
    }
}

impl std::error::Error for OutputError {}

fn error(doing: String) -> impl FnOnce(io::Error) -> OutputError {
    move |e| OutputError {
        doing,
        reason: e.to_string(),
    }
}

/// Replaces the directory `out` with one holding exactly `outputs`.
///
/// # Errors
/// The directory's parent cannot be created or written, `out` holds files
/// candor did not write, or a rename fails. The previous `out` is then
/// left as it was.
pub fn write_atomically(out: &Path, outputs: &[Output]) -> Result<(), OutputError> {
    let out = std::path::absolute(out).map_err(error(format!("resolve `{}`", out.display())))?;
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return Err(OutputError {
            doing: format!("write to `{}`", out.display()),
            reason: "it is not a directory candor can replace".to_owned(),
        });
    };
    let name = name.to_string_lossy().into_owned();
    if out.exists() {
        refuse_foreign(&out)?;
    }
    fs::create_dir_all(parent).map_err(error(format!("create `{}`", parent.display())))?;

    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tmp-{pid}"));
    let result = stage(&staging, outputs)
        .and_then(|()| swap(&staging, &out, &parent.join(format!(".{name}.old-{pid}"))));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// Writes every output into a fresh `staging` directory.
fn stage(staging: &Path, outputs: &[Output]) -> Result<(), OutputError> {
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(error(format!("remove `{}`", staging.display())))?;
    }
    fs::create_dir(staging).map_err(error(format!("create `{}`", staging.display())))?;
    for output in outputs {
        let path = staging.join(output.name);
        fs::write(&path, output.contents.as_bytes())
            .map_err(error(format!("write `{}`", path.display())))?;
    }
    Ok(())
}

/// Puts `staging` in the place of `out`, keeping the old `out` until the
/// new one is in place.
fn swap(staging: &Path, out: &Path, old: &Path) -> Result<(), OutputError> {
    if !out.exists() {
        return fs::rename(staging, out)
            .map_err(error(format!("move the new files to `{}`", out.display())));
    }
    if old.exists() {
        fs::remove_dir_all(old).map_err(error(format!("remove `{}`", old.display())))?;
    }
    fs::rename(out, old).map_err(error(format!("replace `{}`", out.display())))?;
    if let Err(e) = fs::rename(staging, out) {
        // Put the previous output back before reporting.
        let _ = fs::rename(old, out);
        return Err(error(format!("move the new files to `{}`", out.display()))(
            e,
        ));
    }
    fs::remove_dir_all(old).map_err(error(format!(
        "remove the previous output `{}`",
        old.display()
    )))
}

/// Refuses to replace a directory holding anything but generated files.
fn refuse_foreign(out: &Path) -> Result<(), OutputError> {
    let doing = || format!("replace `{}`", out.display());
    if !out.is_dir() {
        return Err(OutputError {
            doing: doing(),
            reason: "it is a file, not a directory".to_owned(),
        });
    }
    let entries = fs::read_dir(out).map_err(error(doing()))?;
    for entry in entries {
        let entry = entry.map_err(error(doing()))?;
        let path = entry.path();
        let generated = path.is_file()
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "md" | "html" | "json" | "css"));
        if !generated {
            return Err(OutputError {
                doing: doing(),
                reason: format!(
                    "it holds `{}`, which candor did not write; choose an output directory of its own",
                    entry.file_name().to_string_lossy()
                ),
            });
        }
    }
    Ok(())
}

/// How a file of the output directory differs from a fresh build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Staleness {
    /// The build would write it, and it is not there.
    Missing(PathBuf),
    /// It is there with other contents.
    Stale(PathBuf),
    /// It is there, and the build would not write it.
    Unexpected(PathBuf),
}

impl fmt::Display for Staleness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Staleness::Missing(p) => write!(f, "missing: `{}`", p.display()),
            Staleness::Stale(p) => write!(f, "stale: `{}`", p.display()),
            Staleness::Unexpected(p) => write!(
                f,
                "unexpected: `{}` (the build does not write it)",
                p.display()
            ),
        }
    }
}

/// Compares the directory `out` with a fresh build, reading only.
///
/// # Errors
/// A file or the directory exists but cannot be read.
pub fn compare(out: &Path, outputs: &[Output]) -> Result<Vec<Staleness>, OutputError> {
    let mut findings = Vec::new();
    for output in outputs {
        let path = out.join(output.name);
        match fs::read(&path) {
            Ok(bytes) if bytes == output.contents.as_bytes() => {}
            Ok(_) => findings.push(Staleness::Stale(path)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                findings.push(Staleness::Missing(path))
            }
            Err(e) => return Err(error(format!("read `{}`", path.display()))(e)),
        }
    }
    if out.is_dir() {
        let mut extra: Vec<PathBuf> = fs::read_dir(out)
            .map_err(error(format!("read `{}`", out.display())))?
            .filter_map(Result::ok)
            .filter(|e| !outputs.iter().any(|o| e.file_name() == o.name))
            .map(|e| e.path())
            .collect();
        extra.sort();
        findings.extend(extra.into_iter().map(Staleness::Unexpected));
    }
    Ok(findings)
}
