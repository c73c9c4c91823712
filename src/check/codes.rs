//! Every code candor can report, in one list: the compiler's own
//! ([`crate::diagnostic::code::CORE`]), the legal rules' (from the rule
//! catalogue) and `candor audit`'s. It lives in `check`, where all three are
//! known, so that `diagnostic` need not import the rules.

use crate::diagnostic::code::{CORE, Code, WARNINGS};

/// Every code candor can report: the compiler's, the legal rules', then
/// those of `candor audit`.
pub fn all() -> impl Iterator<Item = Code> {
    CORE.iter()
        .copied()
        .chain(super::rules().map(super::Rule::code))
        .chain(super::audit::codes())
}

/// The code called `name`.
#[must_use]
pub fn find(name: &str) -> Option<Code> {
    all().find(|c| c.name == name)
}

/// Whether a setting may name `name`: a code of [`all`], or `warnings`.
#[must_use]
pub fn is_configurable(name: &str) -> bool {
    name == WARNINGS || find(name).is_some()
}
