//! Writing the output directory safely, and checking that it is fresh.
//!
//! A build never edits `out/` in place. It writes every file into a new
//! directory beside it (`.out.tmp-PID`), `fsync`s each file and the
//! directory, and only then swaps it in: on Linux in one step
//! (`renameat2` with `RENAME_EXCHANGE`: `out` is never missing), elsewhere
//! with two renames: the old one aside (`.out.candor-old-PID-MARKER`), the
//! new one into its place. The old one is then removed and the parent
//! directory `fsync`ed. A build that fails or is killed before the swap
//! leaves the previous `out/` exactly as it was; a crash between the two
//! renames leaves it under its old name, and the next build puts it back
//! before doing anything else. Staging directories of builds that no
//! longer run are removed the same way. Only names with candor's prefix,
//! a process id and a random 16-hex-digit marker are ever taken for a
//! build's leftovers: a user's `.out.old-123` is left alone.
//!
//! Because the whole directory is replaced, a build replaces only a
//! directory it wrote: it keeps the list of its files in
//! [`MANIFEST`], and refuses a directory holding any file not on that list
//! (or, for a directory without a list, any file but the names candor
//! writes), so that `--out docs` or `--out .` cannot delete anyone's files.
//! An `--out` that is a symbolic link is followed: its target is replaced
//! and the link kept.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Output, file_names};

/// The file, in the output directory, that lists the files a build wrote.
pub const MANIFEST: &str = ".candor-manifest";

/// What the names of a build's temporary files and directories start
/// with, after `.NAME`: `.out.candor-tmp-PID-MARKER`,
/// `.out.candor-old-PID-MARKER`, `.ccpa.md.candor-tmp-PID-MARKER`.
const TMP: &str = ".candor-tmp-";
const OLD: &str = ".candor-old-";

/// A random 16-hex-digit marker for this build's temporary names (the
/// standard library's randomly seeded hasher; no dependency needed).
fn marker() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// A temporary name of a build: `.{name}{kind}{pid}-{marker}`.
fn temporary(name: &str, kind: &str, pid: u32, marker: &str) -> String {
    format!(".{name}{kind}{pid}-{marker}")
}

/// The process id in a name [`temporary`] made for `name` and `kind`, or
/// `None` for any other name: only a name with candor's prefix, a number
/// and a 16-hex-digit marker is a build's leftover, so that a user's own
/// `.out.old-123` or `.env.tmp-backup` is never taken for one.
fn leftover_pid(file_name: &str, name: &str, kind: &str) -> Option<u32> {
    let rest = file_name
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix(kind)?;
    let (pid, marker) = rest.split_once('-')?;
    let marked = marker.len() == 16
        && marker
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !marked || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// The first line of [`MANIFEST`].
const MANIFEST_HEADER: &str =
    "# written by `candor build`: it replaces this directory and only the files listed here";

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

/// The manifest's contents for a set of outputs.
#[must_use]
pub fn manifest(outputs: &[Output]) -> String {
    let mut names: Vec<&str> = outputs.iter().map(|o| o.name).collect();
    names.sort_unstable();
    let mut text = format!("{MANIFEST_HEADER}\n");
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// Every file a build writes, by name: the outputs, then the manifest.
fn with_manifest<'a>(
    outputs: &'a [Output],
    manifest: &'a str,
) -> impl Iterator<Item = (&'a str, &'a [u8])> {
    outputs
        .iter()
        .map(|o| (o.name, o.bytes()))
        .chain([(MANIFEST, manifest.as_bytes())])
}

/// Replaces the directory `out` with one holding exactly `outputs` and
/// their [`MANIFEST`].
///
/// # Errors
/// The directory's parent cannot be created or written, `out` holds files
/// candor did not write, or a rename fails. The previous `out` is then
/// left as it was.
pub fn write_atomically(out: &Path, outputs: &[Output]) -> Result<(), OutputError> {
    let out = resolve_out(out)?;
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return Err(OutputError {
            doing: format!("write to `{}`", out.display()),
            reason: "it is not a directory candor can replace".to_owned(),
        });
    };
    let name = name.to_string_lossy().into_owned();
    if parent.is_dir() {
        recover(parent, &name, &out)?;
    }
    if out.exists() {
        refuse_foreign(&out)?;
    }
    fs::create_dir_all(parent).map_err(error(format!("create `{}`", parent.display())))?;

    let pid = std::process::id();
    let marker = marker();
    let staging = parent.join(temporary(&name, TMP, pid, &marker));
    if out.is_dir() && !writable(parent) {
        return write_in_place(&out, outputs);
    }
    let result = stage(&staging, outputs)
        .and_then(|()| {
            swap(
                &staging,
                &out,
                &parent.join(temporary(&name, OLD, pid, &marker)),
            )
        })
        .and_then(|()| sync_dir(parent));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// The directory to replace: `out` made absolute, and, when it is a
/// symbolic link, the directory it points to (the link is kept).
fn resolve_out(out: &Path) -> Result<PathBuf, OutputError> {
    let absolute =
        std::path::absolute(out).map_err(error(format!("resolve `{}`", out.display())))?;
    match fs::symlink_metadata(&absolute) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(&absolute).map_err(|e| OutputError {
                doing: format!("write to `{}`", out.display()),
                reason: format!("it is a symbolic link that leads nowhere ({e})"),
            })
        }
        _ => Ok(absolute),
    }
}

/// Cleans up after builds that were killed: a previous output left under
/// its `.NAME.old-PID` name while `out` is missing is put back, and the
/// staging and old directories of builds that no longer run are removed.
fn recover(parent: &Path, name: &str, out: &Path) -> Result<(), OutputError> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(()); // nothing to recover where nothing can be listed
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let (is_old, pid) = if let Some(pid) = leftover_pid(&file_name, name, OLD) {
            (true, pid)
        } else if let Some(pid) = leftover_pid(&file_name, name, TMP) {
            (false, pid)
        } else {
            continue;
        };
        if process_runs(pid) {
            continue;
        }
        let path = entry.path();
        if is_old && !out.exists() {
            fs::rename(&path, out).map_err(error(format!(
                "restore the previous output `{}`",
                path.display()
            )))?;
        } else {
            fs::remove_dir_all(&path).map_err(error(format!(
                "remove `{}`, left by a build that was interrupted",
                path.display()
            )))?;
        }
    }
    Ok(())
}

/// Whether a process still runs: where `/proc` cannot tell, it is assumed
/// to, so that nothing of a running build is ever removed.
fn process_runs(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Writes every output and the manifest into a fresh `staging` directory,
/// each file `fsync`ed, then the directory.
fn stage(staging: &Path, outputs: &[Output]) -> Result<(), OutputError> {
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(error(format!("remove `{}`", staging.display())))?;
    }
    fs::create_dir(staging).map_err(error(format!("create `{}`", staging.display())))?;
    let manifest = manifest(outputs);
    let files = with_manifest(outputs, &manifest);
    for (name, contents) in files {
        let path = staging.join(name);
        // A language's pages are in its own directory (`de/`).
        if let Some(dir) = path.parent().filter(|d| *d != staging) {
            fs::create_dir_all(dir).map_err(error(format!("create `{}`", dir.display())))?;
        }
        write_synced(&path, contents).map_err(error(format!("write `{}`", path.display())))?;
    }
    for dir in subdirectories(outputs) {
        sync_dir(&staging.join(dir))?;
    }
    sync_dir(staging)
}

/// Whether a new entry can be made in `dir` (the staging directory).
fn writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".candor-probe-{}", std::process::id()));
    match fs::create_dir(&probe) {
        Ok(()) => {
            let _ = fs::remove_dir(&probe);
            true
        }
        Err(e) => e.kind() != io::ErrorKind::PermissionDenied,
    }
}

/// The fallback when the directory above `out` cannot be written (a CI
/// job given only its output directory): each file is written beside its
/// old self and renamed over it, the manifest last, and files the previous
/// build listed but this one does not write are removed. Each file is then
/// whole, old or new, but a build killed midway leaves a mix of the two,
/// which `build --check` reports.
fn write_in_place(out: &Path, outputs: &[Output]) -> Result<(), OutputError> {
    let previous: Vec<String> = fs::read_to_string(out.join(MANIFEST))
        .map(|t| t.lines().skip(1).map(str::to_owned).collect())
        .unwrap_or_default();
    let manifest = manifest(outputs);
    let files: Vec<(&str, &[u8])> = with_manifest(outputs, &manifest).collect();
    if let Ok(entries) = fs::read_dir(out) {
        for entry in entries.filter_map(Result::ok) {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let dead =
                |name: &str| leftover_pid(&file_name, name, TMP).is_some_and(|p| !process_runs(p));
            let ours = file_names().chain([MANIFEST]).any(dead) || previous.iter().any(|n| dead(n));
            if ours {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    let marker = marker();
    for (name, contents) in files {
        let path = out.join(name);
        let (dir, file) = match name.rsplit_once('/') {
            Some((dir, file)) => {
                let dir = out.join(dir);
                fs::create_dir_all(&dir).map_err(error(format!("create `{}`", dir.display())))?;
                (dir, file)
            }
            None => (out.to_path_buf(), name),
        };
        let temp = dir.join(temporary(file, TMP, std::process::id(), &marker));
        let _ = fs::remove_file(&temp);
        write_synced(&temp, contents)
            .and_then(|()| fs::rename(&temp, &path))
            .map_err(|e| {
                let _ = fs::remove_file(&temp);
                error(format!("write `{}`", path.display()))(e)
            })?;
    }
    for name in previous {
        if is_own_name(&name) && !outputs.iter().any(|o| o.name == name) {
            let path = out.join(&name);
            fs::remove_file(&path).map_err(error(format!("remove `{}`", path.display())))?;
        }
    }
    for dir in subdirectories(outputs) {
        sync_dir(&out.join(dir))?;
    }
    sync_dir(out)
}

/// The directories the outputs are in below the output directory: a
/// language's own (`de`), in order, once each.
fn subdirectories(outputs: &[Output]) -> Vec<&str> {
    let mut dirs: Vec<&str> = outputs
        .iter()
        .filter_map(|o| o.name.rsplit_once('/').map(|(dir, _)| dir))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    dirs
}

/// Whether a name a manifest lists is one candor may remove: a file of the
/// output directory, or of a language's directory in it (`de/ccpa.html`);
/// never a path that leads elsewhere.
fn is_own_name(name: &str) -> bool {
    match name.split_once('/') {
        None => !name.contains('\\') && !name.is_empty(),
        Some((dir, file)) => {
            crate::locale::Locale::from_tag(dir).is_some_and(|l| l.tag() == dir)
                && !file.is_empty()
                && !file.contains(['/', '\\'])
                && !file.starts_with('.')
        }
    }
}

/// Writes a new file and `fsync`s it.
pub(crate) fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write as _;
    let mut file = fs::File::create_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// `fsync`s a directory, so that the names it holds survive a power loss.
/// Where directories cannot be opened (Windows), this does nothing.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), OutputError> {
    #[cfg(unix)]
    {
        fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(error(format!("sync `{}`", dir.display())))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Puts `staging` in the place of `out`, keeping the old `out` until the
/// new one is in place.
fn swap(staging: &Path, out: &Path, old: &Path) -> Result<(), OutputError> {
    if !out.exists() {
        return fs::rename(staging, out)
            .map_err(error(format!("move the new files to `{}`", out.display())));
    }
    match exchange(staging, out) {
        // `out` is the new output in one step; the old one is under the
        // staging name, and a build killed now leaves only that leftover.
        Ok(true) => {
            return fs::remove_dir_all(staging).map_err(error(format!(
                "remove the previous output `{}`",
                staging.display()
            )));
        }
        Ok(false) => {}
        Err(e) => return Err(error(format!("replace `{}`", out.display()))(e)),
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

/// Swaps two directories in one atomic step (`renameat2` with
/// `RENAME_EXCHANGE`, Linux 3.15 and later, through rustix's safe
/// wrapper): `Ok(true)` when done, `Ok(false)` where the system or the
/// file system cannot (the caller then uses two renames, with a moment in
/// which `out` is missing).
///
/// # Errors
/// The exchange was possible but failed.
pub(crate) fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(true),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Ok(false)
    }
}

/// Refuses to replace a directory holding anything a build did not write:
/// the names candor writes (an output directory from before manifests, or
/// from a version that wrote fewer files), and the files its [`MANIFEST`]
/// lists. An empty directory is taken.
fn refuse_foreign(out: &Path) -> Result<(), OutputError> {
    let doing = || format!("replace `{}`", out.display());
    if !out.is_dir() {
        return Err(OutputError {
            doing: doing(),
            reason: "it is a file, not a directory".to_owned(),
        });
    }
    let listed: Option<Vec<String>> = match fs::read_to_string(out.join(MANIFEST)) {
        Ok(text) if text.starts_with(MANIFEST_HEADER) => Some(
            text.lines()
                .skip(1)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        Ok(_) => {
            return Err(OutputError {
                doing: doing(),
                reason: format!("its `{MANIFEST}` was not written by candor"),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(error(doing())(e)),
    };
    let entries = fs::read_dir(out).map_err(error(doing()))?;
    let mut foreign: Vec<String> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(error(doing()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        // A language's directory of an earlier build (`de/`).
        let own_dir = entry.file_type().is_ok_and(|t| t.is_dir())
            && listed.as_ref().is_some_and(|list| {
                list.iter()
                    .any(|n| is_own_name(n) && n.starts_with(&format!("{name}/")))
            });
        if own_dir {
            continue;
        }
        // `.NAME.candor-tmp-PID-MARKER`: left in place by a killed
        // in-place build.
        let leftover = file_names()
            .chain([MANIFEST])
            .any(|n| leftover_pid(&name, n, TMP).is_some());
        let ours = is_file
            && (name == MANIFEST
                || leftover
                || file_names().any(|n| n == name)
                || listed.as_ref().is_some_and(|list| list.contains(&name)));
        if !ours {
            foreign.push(name);
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let shown: Vec<String> = foreign.iter().take(3).map(|n| format!("`{n}`")).collect();
    let more = match foreign.len() {
        n if n > 3 => format!(" and {} more", n - 3),
        _ => String::new(),
    };
    Err(OutputError {
        doing: doing(),
        reason: format!(
            "it holds {}{more}, which candor did not write; a build replaces the whole directory, so choose an output directory of its own (a new or empty one)",
            shown.join(", ")
        ),
    })
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
    let manifest = manifest(outputs);
    let expected = with_manifest(outputs, &manifest);
    for (name, contents) in expected {
        let path = out.join(name);
        match fs::read(&path) {
            Ok(bytes) if bytes == contents => {}
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
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name != MANIFEST
                    && !outputs.iter().any(|o| name == o.name)
                    && !subdirectories(outputs).contains(&name.as_str())
            })
            .map(|e| e.path())
            .collect();
        // And what a language's directory holds besides its pages.
        for dir in subdirectories(outputs) {
            if let Ok(entries) = fs::read_dir(out.join(dir)) {
                extra.extend(
                    entries
                        .filter_map(Result::ok)
                        .filter(|e| {
                            let name = format!("{dir}/{}", e.file_name().to_string_lossy());
                            !outputs.iter().any(|o| o.name == name)
                        })
                        .map(|e| e.path()),
                );
            }
        }
        extra.sort();
        findings.extend(extra.into_iter().map(Staleness::Unexpected));
    }
    Ok(findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_place_writes_replace_listed_files_and_drop_stale_ones() {
        let dir = tempfile::tempdir().expect("tmp");
        let out = dir.path();
        let old = [Output::text("ccpa.md", "old\n".to_owned())];
        write_in_place(out, &old).expect("first write");
        fs::write(
            out.join(".ccpa.md.candor-tmp-999999999-0123456789abcdef"),
            "half",
        )
        .expect("leftover");
        refuse_foreign(out).expect("a leftover temporary file is candor's");
        let new = [Output::text("ccpa.html", "new\n".to_owned())];
        write_in_place(out, &new).expect("second write");
        let mut names: Vec<String> = fs::read_dir(out)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [MANIFEST, "ccpa.html"]);
        assert!(compare(out, &new).expect("compare").is_empty());
    }

    #[test]
    fn only_names_with_the_marker_are_leftovers() {
        assert_eq!(
            leftover_pid(".out.candor-old-42-0123456789abcdef", "out", OLD),
            Some(42)
        );
        for name in [
            ".out.old-42",
            ".OUT.old-42",
            ".out.candor-old-42",
            ".out.candor-old-42-backup",
            ".env.tmp-backup",
            ".out.candor-old--0123456789abcdef",
        ] {
            assert_eq!(leftover_pid(name, "out", OLD), None, "{name}");
            assert_eq!(leftover_pid(name, "env", TMP), None, "{name}");
        }
    }

    #[test]
    fn a_users_dot_old_folder_and_tmp_file_survive_a_build() {
        let dir = tempfile::tempdir().expect("tmp");
        let out = dir.path().join("out");
        // Names the old recovery took for its own (a dead process id).
        let theirs = dir.path().join(".out.old-999999999");
        fs::create_dir(&theirs).expect("mkdir");
        fs::write(theirs.join("notes.txt"), "mine").expect("write");
        write_atomically(&out, &[Output::text("ccpa.md", "one\n".to_owned())]).expect("build");
        assert!(
            theirs.join("notes.txt").exists(),
            "the user's folder was removed"
        );
        // Inside out/: a file whose name holds `.tmp-` is the user's, so
        // the build refuses the folder, and writing in place keeps it.
        fs::write(out.join(".env.tmp-backup"), "SECRET=1").expect("write");
        assert!(refuse_foreign(&out).is_err(), "taken for a leftover");
        write_in_place(&out, &[Output::text("ccpa.md", "two\n".to_owned())]).expect("in place");
        assert!(
            out.join(".env.tmp-backup").exists(),
            "the user's file was removed"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_swap_is_one_exchange() {
        let dir = tempfile::tempdir().expect("tmp");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir(&a).expect("mkdir");
        fs::create_dir(&b).expect("mkdir");
        fs::write(a.join("new"), "").expect("write");
        fs::write(b.join("old"), "").expect("write");
        if exchange(&a, &b).expect("exchange") {
            assert!(b.join("new").exists() && a.join("old").exists());
            // Through write_atomically: the previous output goes with the
            // staging directory, and nothing named `old` is ever made.
            let out = dir.path().join("out");
            write_atomically(&out, &[Output::text("ccpa.md", "1\n".to_owned())]).expect("first");
            write_atomically(&out, &[Output::text("ccpa.md", "2\n".to_owned())]).expect("second");
            assert_eq!(
                fs::read_to_string(out.join("ccpa.md")).expect("read"),
                "2\n"
            );
            let left: Vec<_> = fs::read_dir(dir.path())
                .expect("dir")
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains("candor"))
                .collect();
            assert!(left.is_empty(), "{left:?}");
        } else {
            eprintln!("skipped: this file system has no RENAME_EXCHANGE");
        }
    }
}
