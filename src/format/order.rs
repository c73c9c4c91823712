//! The canonical order of the fields inside each kind of declaration: the
//! order of the kind's fields in the schema (the facts first, `text` last). A section keeps its order (its `text` and `insert` fields are the
//! document, in order), and so do the rule settings (a later one wins).
//! Fields with the same keyword (`basis`, `right`, `age`) keep their order
//! among themselves, since the notice prints them in that order.

use crate::schema::{self, FieldSpec};
use crate::syntax::tree::{DeclKind, Field};

/// The fields of a declaration kind, in canonical order (the schema's), or
/// `None` when its fields keep the order they are written in.
#[must_use]
pub fn declaration_fields(kind: DeclKind) -> Option<&'static [FieldSpec]> {
    schema::kind(kind)
        .filter(|spec| !spec.ordered)
        .map(|spec| spec.fields)
}

/// The fields of a nested block (`basis ... { }`, `right ... { }`), in
/// canonical order.
#[must_use]
pub fn block_fields(field_key: &str) -> Option<&'static [FieldSpec]> {
    schema::block(field_key)
}

/// The positions of `fields` in the order they are printed: sorted by their
/// keyword's place in `order` (unknown keywords last), stable otherwise.
pub(super) fn arrange(order: Option<&[FieldSpec]>, fields: &[Field]) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..fields.len()).collect();
    if let Some(order) = order {
        let rank = |f: &Field| {
            if f.known {
                order
                    .iter()
                    .filter(|spec| spec.is_written())
                    .position(|spec| spec.keyword == f.key.node)
                    .unwrap_or(order.len())
            } else {
                order.len()
            }
        };
        positions.sort_by_key(|&i| rank(&fields[i]));
    }
    positions
}
