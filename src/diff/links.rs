//! Where in the published notice a change can be read: the anchor a
//! "Changes to this notice" list or a change notice links each change to.

use serde_json::Value;

use super::Change;
use crate::schema;

/// The anchor of the place that prints what `change` is about, in the
/// notice rendered from `model` (the new version's JSON), given that
/// notice's anchors. `None` when nothing prints it (a removal, or an entity
/// no section shows).
#[must_use]
pub fn anchor(change: &Change, model: &Value, anchors: &[(String, String)]) -> Option<String> {
    let exists = |a: &str| anchors.iter().any(|(k, _)| k == a);
    let collection = schema::KINDS
        .iter()
        .find(|k| k.lifecycle.noun == change.kind)
        .map(|k| k.collection)?;
    let own = match collection {
        "datasets" => Some(format!("dataset-{}", change.id)),
        "recipients" => Some(format!("recipient-{}", change.id)),
        "ccpa" => Some(format!("ccpa-{}", change.id)),
        "definitions" => Some(format!("definition-{}", change.id)),
        "sections" => Some(change.id.clone()),
        _ => None,
    };
    if let Some(own) = own.filter(|a| exists(a)) {
        return Some(own);
    }
    let generators: &[&str] = match collection {
        "controller" | "contacts" => &["controller"],
        "items" | "subjects" | "sources" | "purposes" | "datasets" => &["datasets", "processing"],
        "methods" => &["methods"],
        "recipients" | "vendors" => &["recipients", "cookies"],
        "third_parties" | "ccpa" => &["ccpa_table"],
        "cookies" => &["cookies"],
        "transfers" => &["transfers"],
        "rights" => &["rights", "requests"],
        "retention" => &["retention"],
        "children" => &["children"],
        "definitions" => &["definitions"],
        _ => &[],
    };
    let sections = model.get("sections").and_then(Value::as_array)?;
    sections
        .iter()
        .find(|s| {
            s.get("blocks")
                .and_then(Value::as_array)
                .is_some_and(|blocks| {
                    blocks.iter().any(|b| {
                        b.pointer("/insert/generator")
                            .and_then(Value::as_str)
                            .is_some_and(|g| generators.contains(&g))
                    })
                })
        })
        .and_then(|s| s.get("id").and_then(Value::as_str))
        .filter(|a| exists(a))
        .map(str::to_owned)
}
