//! candor: a privacy policy-as-code compiler.
//!
//! A legal team writes its privacy notice as candor source; candor checks it
//! and renders the published documents from it. The pipeline:
//!
//! 1. [`source`]: load every `*.policy` file of a directory, in path order.
//! 2. [`syntax`]: parse each file with the pest grammar into a syntax tree
//!    with a span on every node; a syntax error skips one declaration, not
//!    the run.
//! 3. [`resolve`]: look up every name, per kind, and build the typed
//!    [`model::Policy`], in which no reference can dangle.
//! 4. [`views`]: the tables the data map implies (the CCPA rows), computed
//!    once from the data sets' facts.
//! 5. [`check`]: the legal and consistency rules, each a function over the
//!    model that yields diagnostics. They run once resolution is clean, so
//!    that they never report the echo of a mistake already reported.
//! 6. [`render`]: the Markdown and HTML notice, the CCPA table, the JSON and
//!    its schema, from the model alone.
//!
//! Every stage reports all its findings as [`diagnostic::Diagnostic`]s; the
//! run ends with all of them, sorted by file and position.

// Nothing that came from a policy file may panic: no `unwrap` outside tests.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

// pest and pest_derive are used without their `std` feature: it only adds a
// stack-depth probe to every rule call (the grammar has no recursive rule, so
// the depth is bounded) and costs a fifth of the parsing time. The generated
// parser then refers to `crate::alloc`.
extern crate alloc;

pub mod archive;
pub mod audit;
pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod diff;
pub mod format;
pub mod init;
pub mod law;
pub mod locale;
pub mod lsp;
pub mod model;
pub mod render;
pub mod report;
pub mod resolve;
pub mod schema;
pub mod serve;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod text;
pub mod views;

use std::path::Path;

use diagnostic::{Diagnostic, Severity};
use model::words::RuleLevel;
use model::{Policy, PolicyDate};
use source::{LoadError, NotUtf8, Sources, Span};

pub use diagnostic::code::NOT_UTF8;

/// How to compile.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date date-dependent rules measure against; `None` is the system
    /// date.
    pub today: Option<PolicyDate>,
    /// Rule levels from the command line: every `--allow`, then every
    /// `--warn`, then every `--deny`, so that for one rule deny wins over
    /// warn and warn over allow; all of them win over the policy's own
    /// settings. The code `warnings` with `Deny` turns every warning into an
    /// error.
    pub levels: Vec<(String, RuleLevel)>,
}

/// The result of compiling a policy.
#[derive(Debug)]
pub struct Compiled {
    /// The files read.
    pub sources: Sources,
    /// The model, when resolution got far enough to build one.
    pub policy: Option<Policy>,
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    /// Whether any diagnostic is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Loads and compiles the policy at `path` (a directory or one file).
///
/// # Errors
/// Only I/O problems: a missing path, a directory without policy files, an
/// unreadable file. Mistakes in the policy are diagnostics in [`Compiled`].
pub fn compile(path: &Path, options: &Options) -> Result<Compiled, LoadError> {
    let (sources, not_utf8) = Sources::load(path)?;
    Ok(compile_sources(sources, &not_utf8, options))
}

/// Compiles sources already in memory.
#[must_use]
pub fn compile_sources(sources: Sources, not_utf8: &[NotUtf8], options: &Options) -> Compiled {
    suggest::reset_budget();
    let mut diagnostics = Vec::new();
    for bad in not_utf8 {
        let at = bad.offset;
        diagnostics.push(
            Diagnostic::error(
                NOT_UTF8,
                Span::new(bad.file, at, at),
                "this file is not valid UTF-8 text from here on",
            )
            .with_help("save the file as UTF-8 (the encoding every editor offers by default)"),
        );
    }
    let mut files = Vec::with_capacity(sources.len());
    let mut broken_ids = Vec::new();
    for (id, file) in sources.iter() {
        let parsed = syntax::parse(id, file);
        diagnostics.extend(parsed.diagnostics);
        broken_ids.extend(parsed.broken_ids);
        files.push(parsed.file);
    }
    // Nothing reads the tree after resolution, which drops each
    // declaration once it is lowered.
    let resolved = resolve::resolve_owned(files, &sources, &broken_ids);
    let (policy, diagnostics) = check_resolved(resolved, diagnostics, options);
    Compiled {
        sources,
        policy,
        diagnostics,
    }
}

/// The stages after resolution: the rules (when resolution is clean), the
/// rule levels, the sort. `diagnostics` are the findings of the earlier
/// stages. The language server calls this after resolving the parses it
/// keeps.
#[must_use]
pub fn check_resolved(
    resolved: resolve::Resolved,
    mut diagnostics: Vec<Diagnostic>,
    options: &Options,
) -> (Option<Policy>, Vec<Diagnostic>) {
    diagnostics.extend(resolved.diagnostics);
    if let Some(policy) = &resolved.policy {
        // Links to anchors and anchors claimed twice: errors, like an
        // unknown reference, so they come before the rules.
        check::anchors::check(policy, &mut diagnostics);
    }
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    let mut policy = resolved.policy;
    if let Some(policy) = &mut policy {
        views::derive(policy);
    }
    if let (true, Some(policy)) = (clean, &policy) {
        diagnostics.extend(check::run(policy, options));
    }
    check::apply_levels(&mut diagnostics, policy.as_ref(), options);
    diagnostic::sort(&mut diagnostics);
    (policy, diagnostics)
}
