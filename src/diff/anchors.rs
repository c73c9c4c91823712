//! Anchors that websites link to: a removed one is a material change.
//!
//! A published notice is linked from elsewhere (`/privacy#cookies_usage`,
//! a cookie banner, an app). Renaming a section or a data set without
//! keeping its old id as an alias (`aliases old_id`) silently breaks those
//! links, so every anchor of the old notice that the new one lacks is
//! reported as material, with the alias that would keep it.

use super::{Change, ChangeKind, Class};
use crate::check::anchors;
use crate::model::Policy;
use serde_json::Value;

/// One change per anchor of `old`'s HTML notice that `new`'s lacks.
#[must_use]
pub fn removed(old: &Policy, new: &Policy) -> Vec<Change> {
    let kept = anchors::of(new);
    anchors::of(old)
        .into_iter()
        .filter(|(anchor, _)| !kept.iter().any(|(k, _)| k == anchor))
        .map(|(anchor, what)| {
            let keep = match anchor.strip_prefix("dataset-") {
                Some(id) => format!("`aliases {id}` in the data set that replaces it"),
                None if is_id(&anchor) => {
                    format!("`aliases {anchor}` in the section that replaces it")
                }
                None => "a link that still leads there".to_owned(),
            };
            Change {
                class: Class::Material,
                change: ChangeKind::Removed,
                kind: "anchor",
                id: anchor.clone(),
                name: what.clone(),
                field: None,
                old: Some(Value::String(format!("#{anchor}"))),
                new: None,
                reason: "published links break".to_owned(),
                summary: format!(
                    "removed anchor `#{anchor}` ({what}): links to it from websites break; keep it with {keep}"
                ),
                notice: format!(
                    "Links to `#{anchor}` ({what}) no longer lead to a place in this policy."
                ),
                law: None,
            }
        })
        .collect()
}

/// Whether an anchor is a plain id (a section's), which an alias can keep.
fn is_id(anchor: &str) -> bool {
    !anchor.is_empty()
        && anchor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
}
