//! `policy.json` and `policy.schema.json`.
//!
//! The model is the JSON: [`Policy`] derives `Serialize` (ids and display
//! names on every entity, references by id, a `schema_version`) and
//! `JsonSchema`, so the document and its schema cannot drift apart. Both
//! are pretty-printed with a final newline, for readable diffs of the
//! committed `out/`.

use super::{Body, OutputKind, RenderInput, TemplateError};
use crate::model::Policy;

/// The `policy.json` output.
pub(super) struct PolicyJson;

impl OutputKind for PolicyJson {
    fn name(&self) -> &'static str {
        "policy.json"
    }

    fn applies(&self, _: &Policy) -> bool {
        true
    }

    fn render(&self, input: &RenderInput<'_>) -> Result<Body, TemplateError> {
        Ok(Body::Text(policy_json(input.policy)))
    }
}

/// The `policy.schema.json` output.
pub(super) struct PolicySchema;

impl OutputKind for PolicySchema {
    fn name(&self) -> &'static str {
        "policy.schema.json"
    }

    fn applies(&self, _: &Policy) -> bool {
        true
    }

    fn render(&self, _: &RenderInput<'_>) -> Result<Body, TemplateError> {
        Ok(Body::Text(policy_schema()))
    }
}

/// `policy.json`. A CCPA row's `sold`, `shared` and `disclosed` are the
/// answers the notice prints: stated by the row, or derived from its third
/// parties' facts (`law::ccpa::disclosures`), so that a reader of the JSON
/// learns what a reader of the table learns, whichever shape the policy is
/// written in.
#[must_use]
pub fn policy_json(policy: &Policy) -> String {
    let answers: Vec<[Option<bool>; 3]> = policy
        .ccpa
        .iter()
        .map(|row| {
            let d = crate::law::ccpa::disclosures(policy, row);
            [d.sold.value, d.shared.value, d.disclosed.value]
        })
        .collect();
    let mut published = policy.clone();
    for (row, [sold, shared, disclosed]) in published.ccpa.iter_mut().zip(answers) {
        row.sold = sold;
        row.shared = shared;
        row.disclosed = disclosed;
    }
    // Serialising plain structs, strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&published).unwrap_or_default();
    text.push('\n');
    text
}

/// `policy.schema.json`: the JSON Schema (draft 2020-12) of `policy.json`.
#[must_use]
pub fn policy_schema() -> String {
    let schema = schemars::schema_for!(Policy);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
