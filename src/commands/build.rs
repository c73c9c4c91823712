//! `candor build`: check the policy, then write (or, with `--check`,
//! verify) the output directory.
//!
//! The order matters for safety: every file is rendered in memory first,
//! and only a complete, error-free set is written, through
//! [`crate::render::output::write_atomically`]. Errors in the policy exit 1
//! and write nothing; a template or I/O problem exits 2 and leaves the
//! previous output as it was.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::{EXIT_OK, EXIT_POLICY, compile, fail, report};
use crate::Compiled;
use crate::cli::BuildArgs;
use crate::render::{self, RenderOptions, output, templates};

/// Runs `candor build`.
pub(crate) fn run(args: &BuildArgs) -> u8 {
    let compiled = match compile(&args.compile) {
        Ok(compiled) => compiled,
        Err(code) => return code,
    };
    if !compiled.diagnostics.is_empty() {
        report(&compiled.diagnostics, &compiled.sources, &args.compile);
    }
    if compiled.has_errors() {
        let _ = writeln!(std::io::stderr(), "nothing written: the policy has errors");
        return EXIT_POLICY;
    }
    // The sources and diagnostics have been reported; only the model is
    // needed from here, and a large policy's text is worth freeing.
    let Compiled {
        policy,
        sources,
        diagnostics,
    } = compiled;
    drop((sources, diagnostics));
    let Some(policy) = policy else {
        return fail("the policy could not be resolved, and no error says why");
    };
    let id_prefix = args
        .id_prefix
        .clone()
        .or_else(|| policy.id_prefix.clone())
        .unwrap_or_default();
    // `insert changes` prints the versions in the git history.
    let policy = super::publish::with_history(policy, &args.compile.path, &id_prefix);

    let templates = match templates::confined_dir(
        &args.compile.path,
        args.templates.as_deref(),
        policy.templates.as_deref(),
        args.allow_templates_outside,
    ) {
        Ok(templates) => templates,
        Err(e) => return fail(&format!("{e}\nnothing written")),
    };
    let options = RenderOptions {
        fragment: args.fragment,
        templates,
        id_prefix,
        heading_level: args.heading_level.or(policy.heading_level).unwrap_or(1),
        notice_url: args.notice_url.clone(),
        notice_id_prefix: args.notice_id_prefix.clone(),
    };
    let mut outputs = match render::render(&policy, &options) {
        Ok(outputs) => outputs,
        Err(e) => return fail(&format!("{e}\nnothing written")),
    };
    if let Some(path) = &args.merge_manifest
        && let Err(e) = merge_manifest(&policy, path, &mut outputs)
    {
        return fail(&format!("{e}\nnothing written"));
    }

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| default_out(&args.compile.path));
    if args.check {
        return check(&out, &outputs);
    }
    match output::write_atomically(&out, &outputs) {
        Ok(()) => {
            let _ = writeln!(
                std::io::stderr(),
                "wrote {} files to `{}`",
                outputs.len(),
                out.display()
            );
            EXIT_OK
        }
        Err(e) => fail(&format!("{e}\nthe previous output is unchanged")),
    }
}

/// `--merge-manifest`: the privacy manifest merged into the file at `path`.
fn merge_manifest(
    policy: &crate::model::Policy,
    path: &Path,
    outputs: &mut [render::Output],
) -> Result<(), String> {
    let Some(manifest) = outputs
        .iter_mut()
        .find(|o| o.name == "PrivacyInfo.xcprivacy")
    else {
        return Err(format!(
            "--merge-manifest `{}`: the policy writes no privacy manifest (add `app_store` to `exports`)",
            path.display()
        ));
    };
    let existing =
        std::fs::read(path).map_err(|e| format!("--merge-manifest `{}`: {e}", path.display()))?;
    let merged = render::export::store::merge_manifest(policy, &existing)
        .map_err(|e| format!("--merge-manifest `{}`: {e}", path.display()))?;
    manifest.contents = merged;
    Ok(())
}

/// Where `build` writes without `--out`: beside the policy, as mdBook
/// writes `book/` beside `book.toml`, whatever the current directory. For a
/// policy directory that is its sibling `out` (`candor build policy` writes
/// `out`, `candor build site/policy` writes `site/out`); for a single policy
/// file, `out` in the file's directory. A path that ends in `.` or `..` is
/// made absolute first, so that `candor build .` inside the policy
/// directory writes its sibling too, never into the policy itself.
#[must_use]
pub(crate) fn default_out(policy: &Path) -> PathBuf {
    let named = matches!(policy.components().next_back(), Some(Component::Normal(_)));
    let policy = if named {
        policy.to_path_buf()
    } else {
        std::fs::canonicalize(policy).unwrap_or_else(|_| policy.to_path_buf())
    };
    // A directory's parent holds its sibling; a file's parent is the
    // directory it is in: either way, the parent.
    match policy.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join("out"),
        _ => PathBuf::from("out"),
    }
}

/// `--check`: names every missing, stale or unexpected file; exit 1 if any.
fn check(out: &Path, outputs: &[render::Output]) -> u8 {
    match output::compare(out, outputs) {
        Ok(findings) if findings.is_empty() => EXIT_OK,
        Ok(findings) => {
            let mut stderr = std::io::stderr().lock();
            for finding in &findings {
                let _ = writeln!(stderr, "{finding}");
            }
            let _ = writeln!(
                stderr,
                "`{}` is not what `candor build` writes for this policy; run `candor build` and commit the result",
                out.display()
            );
            EXIT_POLICY
        }
        Err(e) => fail(&e.to_string()),
    }
}
