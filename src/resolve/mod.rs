//! Resolution: from syntax tree to model.
//!
//! Two passes. The first ([`symbols`]) gives every declaration its place in
//! the list of its kind and reports duplicate ids. The second ([`lower`])
//! reads each declaration's fields, looks up every name among the
//! declarations of the kind the field expects, checks closed-set words, and
//! builds the typed [`Policy`]. Every mistake is collected; a reference that
//! cannot be resolved is left out of the model (and reported), so the model
//! never holds a dangling one. Finally declarations that nothing uses are
//! reported as warnings.

mod fields;
mod incremental;
mod lower;
pub(crate) mod read;
mod symbols;
mod translation;

pub(crate) use fields::{Cx, FromField, Reader};
pub use incremental::Incremental;
pub(crate) use lower::{Lower, display_name, id_of};

use crate::diagnostic::Diagnostic;
use crate::model::Policy;
use crate::source::Sources;
use crate::syntax::tree::File;

pub use crate::diagnostic::code::{
    AMBIGUOUS_REFERENCE, DUPLICATE_FIELD, DUPLICATE_ID, INVALID_VALUE, MISSING_FIELD,
    UNKNOWN_KEYWORD, UNKNOWN_REFERENCE, UNUSED, WRONG_KIND,
};

/// What resolution produced.
#[derive(Debug)]
pub struct Resolved {
    /// The model, unless the policy has no `policy` declaration at all.
    pub policy: Option<Policy>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolves parsed files into a model. `broken_ids` are ids of declarations
/// that failed to parse: references to them are not reported again, and
/// when there are any, unused declarations are not reported either (the
/// declaration that used them may be the one that failed to parse).
#[must_use]
pub fn resolve(files: &[File], sources: &Sources, broken_ids: &[String]) -> Resolved {
    let mut diagnostics = Vec::new();
    let table = symbols::collect(files, &mut diagnostics);
    let declarations = files.iter().enumerate().flat_map(|(fi, file)| {
        file.declarations
            .iter()
            .enumerate()
            .map(move |(di, decl)| ((fi, di), decl))
    });
    lower_all(&table, diagnostics, declarations, sources, broken_ids)
}

/// [`resolve`], consuming the tree: each declaration is dropped as soon as
/// it is lowered, so a large policy never holds its whole tree and its
/// whole model at once. For a compile that has no further use for the
/// tree (an editor that re-resolves keeps it and calls [`resolve`]).
#[must_use]
pub fn resolve_owned(files: Vec<File>, sources: &Sources, broken_ids: &[String]) -> Resolved {
    let mut diagnostics = Vec::new();
    let table = symbols::collect(&files, &mut diagnostics);
    let declarations = files.into_iter().enumerate().flat_map(|(fi, file)| {
        file.declarations
            .into_iter()
            .enumerate()
            .map(move |(di, decl)| ((fi, di), decl))
    });
    lower_all(&table, diagnostics, declarations, sources, broken_ids)
}

/// The second pass, once the symbol table is made: every declaration
/// lowered (the prose's links to anchors are checked later, by
/// [`crate::check::anchors`], from [`crate::check_resolved`]).
fn lower_all<D: std::borrow::Borrow<crate::syntax::tree::Declaration>>(
    table: &symbols::SymbolTable,
    mut diagnostics: Vec<Diagnostic>,
    declarations: impl Iterator<Item = ((usize, usize), D)>,
    sources: &Sources,
    broken_ids: &[String],
) -> Resolved {
    let policy = lower::lower(declarations, sources, table, broken_ids, &mut diagnostics);
    Resolved {
        policy,
        diagnostics,
    }
}
