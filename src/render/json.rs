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

/// `policy.json`.
#[must_use]
pub fn policy_json(policy: &Policy) -> String {
    // Serialising plain structs, strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(policy).unwrap_or_default();
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
