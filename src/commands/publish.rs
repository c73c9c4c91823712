//! `candor publish`: the archive of every published version
//! ([`crate::archive`]), read from the git history of the policy or from a
//! folder of versions.
//!
//! Git is run as a command (`git log`, `git ls-tree`, `git show`), as
//! `candor diff --git` already does, rather than through a git library:
//! every machine that has the repository has git, nothing is checked out,
//! and a library (libgit2 or gitoxide) would add minutes of compile time
//! for three read-only commands.
//!
//! A version from git: the commits that changed the policy directory, in
//! first-parent order (the history of the published branch), each
//! compiled from its own files; a run of commits with the same dates is
//! one version ([`crate::archive::group`]). With `--tags`, only tagged
//! commits count. A commit whose policy does not compile is skipped with a
//! warning: it was never published.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::diff::{from_git, git, usable};
use super::{EXIT_OK, fail};
use crate::archive::{self, ArchiveOptions, File, Version};
use crate::cli::PublishArgs;
use crate::model::Policy;
use crate::render::RenderOptions;
use crate::{Options, compile, compile_sources};

/// Runs `candor publish`.
pub(crate) fn run(args: &PublishArgs) -> u8 {
    let candidates = match &args.from {
        Some(folder) => from_folder(folder),
        None => from_history(&args.path, args.tags),
    };
    let candidates = match candidates {
        Ok(c) => c,
        Err(message) => return fail(&message),
    };
    let (versions, skipped) = archive::group(candidates);
    let mut stderr = std::io::stderr();
    for source in &skipped {
        let _ = writeln!(
            stderr,
            "warning: {source} states no `updated` date, so it is not a published version"
        );
    }
    if versions.is_empty() {
        return fail(
            "no published version found\nhelp: a version is a commit (or folder) whose policy compiles and states `updated`",
        );
    }
    let Some(latest) = versions.last() else {
        return fail("no published version found");
    };
    let options = ArchiveOptions {
        render: RenderOptions {
            fragment: args.fragment,
            templates: None,
            id_prefix: args
                .id_prefix
                .clone()
                .or_else(|| latest.policy.id_prefix.clone())
                .unwrap_or_default(),
            heading_level: args
                .heading_level
                .or(latest.policy.heading_level)
                .unwrap_or(1),
            ..RenderOptions::default()
        },
        base_url: args.base_url.as_ref().map(|u| {
            if u.ends_with('/') {
                u.clone()
            } else {
                format!("{u}/")
            }
        }),
    };
    let files = match archive::build(&versions, &options) {
        Ok(files) => files,
        Err(e) => return fail(&format!("{e}\nnothing written")),
    };
    if let Err(e) = write(&args.out, &files) {
        return fail(&format!("{e}\nthe previous archive is unchanged"));
    }
    let _ = writeln!(
        stderr,
        "wrote {} version{} ({} files) to `{}`",
        versions.len(),
        if versions.len() == 1 { "" } else { "s" },
        files.len(),
        args.out.display()
    );
    EXIT_OK
}

/// Every subdirectory of `folder`, in name order, compiled.
fn from_folder(folder: &Path) -> Result<Vec<Version>, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot read `{}`: {e}", folder.display()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        let compiled =
            compile(&dir, &Options::default()).map_err(|e| format!("`{}`: {e}", dir.display()))?;
        let name = dir.display().to_string().replace('\\', "/");
        if !usable(&compiled) {
            warn_skipped(&name);
            continue;
        }
        if let Some(policy) = compiled.policy {
            out.push(Version {
                policy,
                source: name,
            });
        }
    }
    Ok(out)
}

/// The policy at each commit of the first-parent history that touched it
/// (or, with `tags`, each tagged commit), oldest first.
fn from_history(path: &Path, tags: bool) -> Result<Vec<Version>, String> {
    let dir = if path.is_dir() {
        path.to_owned()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_owned)
    };
    let log = if tags {
        git(
            &dir,
            &["log", "--first-parent", "--reverse", "--format=%H", "HEAD"],
        )?
    } else {
        git(
            &dir,
            &[
                "log",
                "--first-parent",
                "--reverse",
                "--format=%H",
                "HEAD",
                "--",
                ".",
            ],
        )?
    };
    let mut commits: Vec<String> = String::from_utf8_lossy(&log)
        .lines()
        .map(str::to_owned)
        .collect();
    if tags {
        let tagged = git(
            &dir,
            &[
                "for-each-ref",
                "--format=%(objectname) %(*objectname)",
                "refs/tags",
            ],
        )?;
        let tagged = String::from_utf8_lossy(&tagged).into_owned();
        commits.retain(|c| tagged.split_whitespace().any(|t| t == c));
    }
    let mut out = Vec::new();
    for commit in commits {
        let sources = match from_git(&commit, path) {
            Ok(s) => s,
            // The directory did not exist yet, or held no policy.
            Err(_) => continue,
        };
        let compiled = compile_sources(sources, &[], &Options::default());
        let short: String = commit.chars().take(12).collect();
        if !usable(&compiled) {
            warn_skipped(&format!("commit {short}"));
            continue;
        }
        if let Some(policy) = compiled.policy {
            out.push(Version {
                policy,
                source: commit,
            });
        }
    }
    Ok(out)
}

/// The policy with every `insert changes` filled in from the git history
/// of `path` and the working tree's own version (for `candor build`),
/// links to earlier versions relative to `versions/`. A policy that prints
/// no history is returned as it is; a history that cannot be read leaves
/// the section empty, with a warning.
pub(crate) fn with_history(mut policy: Policy, path: &Path, id_prefix: &str) -> Policy {
    if !archive::uses_history(&policy) {
        return policy;
    }
    let mut candidates = match from_history(path, false) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "warning: `insert changes` prints nothing: the history cannot be read ({e})"
            );
            return policy;
        }
    };
    candidates.push(Version {
        policy: policy.clone(),
        source: "working tree".to_owned(),
    });
    let (versions, _) = archive::group(candidates);
    let options = ArchiveOptions {
        render: RenderOptions {
            id_prefix: id_prefix.to_owned(),
            ..RenderOptions::default()
        },
        base_url: None,
    };
    match archive::entries(&versions, &options) {
        Ok(entries) => archive::fill_history(&mut policy, &entries, "versions/"),
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "warning: `insert changes` prints nothing: {e}"
            );
        }
    }
    policy
}

fn warn_skipped(what: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "warning: the policy of {what} does not compile, so it is not a published version"
    );
}

/// Writes the archive to `out`: a new directory beside it, then swapped
/// in. A directory that holds no `versions.json` and is not empty was not
/// written by candor and is left alone.
fn write(out: &Path, files: &[File]) -> Result<(), String> {
    if out.exists() {
        let ours = out.join("versions.json").is_file();
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !ours && !empty {
            return Err(format!(
                "`{}` holds files candor did not write (no `versions.json`); give another `--out`",
                out.display()
            ));
        }
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("`{}` is not a directory name", out.display()))?;
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let result = (|| -> Result<(), String> {
        for file in files {
            let path = staging.join(&file.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
            }
            std::fs::write(&path, &file.bytes)
                .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
        }
        if out.exists() {
            std::fs::rename(out, &old)
                .map_err(|e| format!("cannot move `{}` aside: {e}", out.display()))?;
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            let _ = std::fs::rename(&old, out);
            return Err(format!("cannot write `{}`: {e}", out.display()));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}
