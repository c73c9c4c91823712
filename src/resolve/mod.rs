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
mod lower;
pub(crate) mod read;
mod symbols;

pub(crate) use fields::{Cx, FromField, Reader};
pub(crate) use lower::{Lower, display_name, id_of};

use crate::diagnostic::Diagnostic;
use crate::model::Policy;
use crate::source::Sources;
use crate::syntax::tree::File;

/// Code: a reference to a name that is not declared.
pub const UNKNOWN_REFERENCE: &str = "candor::unknown-reference";
/// Code: a name that declarations of two kinds share, where either would do.
pub const AMBIGUOUS_REFERENCE: &str = "candor::ambiguous-reference";
/// Code: a reference to a declaration of the wrong kind.
pub const WRONG_KIND: &str = "candor::wrong-kind";
/// Code: two declarations of one kind with the same id.
pub const DUPLICATE_ID: &str = "candor::duplicate-id";
/// Code: a declaration nothing uses.
pub const UNUSED: &str = "candor::unused";
/// Code: a word outside a closed set, a bad date or number.
pub const INVALID_VALUE: &str = "candor::invalid-value";
/// Code: a required field or name is missing.
pub const MISSING_FIELD: &str = "candor::missing-field";
/// Code: a field or declaration keyword the language does not know.
pub const UNKNOWN_KEYWORD: &str = "candor::unknown-keyword";
/// Code: a field given twice where it may appear once.
pub const DUPLICATE_FIELD: &str = "candor::duplicate-field";

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
    let policy = lower::lower(files, sources, &table, broken_ids, &mut diagnostics);
    Resolved {
        policy,
        diagnostics,
    }
}
