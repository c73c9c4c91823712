//! The canonical order of the fields inside each kind of declaration: the
//! order of the field table in `docs/language.md` (the facts first, `text`
//! last). A section keeps its order (its `text` and `insert` fields are the
//! document, in order), and so do the rule settings (a later one wins).
//! Fields with the same keyword (`basis`, `right`, `age`) keep their order
//! among themselves, since the notice prints them in that order.

use crate::syntax::tree::{DeclKind, Field};

/// The field keywords of a declaration kind, in canonical order, or `None`
/// when its fields keep the order they are written in.
#[must_use]
pub fn declaration_fields(kind: DeclKind) -> Option<&'static [&'static str]> {
    Some(match kind {
        DeclKind::Policy => &[
            "updated",
            "jurisdictions",
            "language",
            "outline",
            "numbered",
            "templates",
            "text",
        ],
        DeclKind::Controller => &[
            "address",
            "phone",
            "email",
            "url",
            "contacts",
            "dpo",
            "representative",
            "text",
        ],
        DeclKind::Contact => &["email", "phone", "url", "address", "text"],
        DeclKind::Item => &["ccpa", "special", "sensitive", "text"],
        DeclKind::Subject | DeclKind::Definition => &["text"],
        DeclKind::Source => &["kind", "public", "text"],
        DeclKind::Method => &["sources", "text"],
        DeclKind::Purpose => &[
            "marketing",
            "profiling",
            "automated_decisions",
            "targeted_advertising",
            "text",
        ],
        DeclKind::Dataset | DeclKind::Processing => &[
            "subjects",
            "collects",
            "sources",
            "methods",
            "purposes",
            "operations",
            "basis",
            "retention",
            "recipients",
            "transfers",
            "required",
            "text",
        ],
        DeclKind::Recipient => &["kind", "shares", "datasets", "location", "text"],
        DeclKind::ThirdParty => &["kind", "recipient", "text"],
        DeclKind::Vendor => &["kind", "recipient", "location", "url", "text"],
        DeclKind::Cookie => &["basis", "vendors", "purposes", "duration", "text"],
        DeclKind::Transfer => &["from", "to", "safeguards", "copy", "text"],
        DeclKind::Rights => &[
            "jurisdiction",
            "right",
            "request_methods",
            "online_only",
            "verification",
            "response_days",
            "extension_days",
            "agents",
            "opt_out_signals",
            "text",
        ],
        DeclKind::Retention => &["applies_to", "period", "criteria", "text"],
        DeclKind::Children => &["age", "text"],
        DeclKind::Ccpa => &[
            "statutory",
            "examples",
            "items",
            "sources",
            "sold",
            "shared",
            "disclosed",
            "third_parties",
            "purposes",
            "retention",
            "text",
        ],
        DeclKind::Section | DeclKind::Rules | DeclKind::Unknown => return None,
    })
}

/// The field keywords of a nested block (`basis ... { }`, `right ... { }`),
/// in canonical order.
#[must_use]
pub fn block_fields(field_key: &str) -> Option<&'static [&'static str]> {
    match field_key {
        "basis" => Some(&["interest", "withdraw", "special", "text"]),
        "right" => Some(&["text"]),
        _ => None,
    }
}

/// The positions of `fields` in the order they are printed: sorted by their
/// keyword's place in `order` (unknown keywords last), stable otherwise.
pub(super) fn arrange(order: Option<&[&str]>, fields: &[Field]) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..fields.len()).collect();
    if let Some(order) = order {
        let rank = |f: &Field| {
            if f.known {
                order
                    .iter()
                    .position(|k| *k == f.key.node)
                    .unwrap_or(order.len())
            } else {
                order.len()
            }
        };
        positions.sort_by_key(|&i| rank(&fields[i]));
    }
    positions
}
