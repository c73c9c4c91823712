//! Ids renamed while nothing a reader sees changed.
//!
//! An id is the author's handle, not the reader's: renaming purpose `news`
//! to `newsletter` changes no word of the notice. Compared id by id, it
//! would read as a purpose removed, a purpose added and every reference to
//! it changed, each of them material. So before comparing, an entity that
//! disappeared is paired with one that appeared in the same collection
//! when the two are equal but for their id (and `aliases`), the old
//! model's references to it are rewritten to the new id, and the pairing
//! is reported as one editorial change. Pairing repeats until nothing new
//! pairs, so two renames that refer to each other are both found. A link to
//! a renamed anchor (a data set's, a section's) is still reported by
//! [`super::anchors`]: that is what a reader does see.

use serde_json::{Map, Value};

use super::{Change, ChangeKind, Class, rules};
use crate::schema::{self, Shape};

/// One rename: the collection, the old id and the new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rename {
    pub collection: &'static str,
    pub old: String,
    pub new: String,
}

/// Finds the renames from `old` to `new` and returns `old` with them
/// applied (ids and references), ready to compare with `new`.
pub(crate) fn find(old: &Value, new: &Value) -> (Value, Vec<Rename>) {
    let mut renames: Vec<Rename> = Vec::new();
    let mut current = old.clone();
    // Each round pairs at least one entity, so this ends; the bound is a
    // guard against a model with thousands of look-alike entities.
    for _ in 0..64 {
        let found = pairs(&current, new, &renames);
        if found.is_empty() {
            break;
        }
        for rename in &found {
            current = apply(&current, rename);
        }
        renames.extend(found);
    }
    (current, renames)
}

/// The change that reports a rename.
pub(crate) fn change(rename: &Rename, new: &Value) -> Change {
    let spec = schema::collection(rename.collection);
    let noun = spec.map_or("entity", |s| s.lifecycle.noun);
    let name = new
        .get(rename.collection)
        .and_then(Value::as_array)
        .and_then(|list| {
            list.iter()
                .find(|e| e.get("id").and_then(Value::as_str) == Some(rename.new.as_str()))
        })
        .and_then(|e| e.get("name").or_else(|| e.get("heading")))
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .unwrap_or(&rename.new)
        .to_owned();
    Change {
        class: Class::Editorial,
        change: ChangeKind::Changed,
        kind: noun,
        id: rename.new.clone(),
        name: name.clone(),
        field: Some("id".to_owned()),
        old: Some(Value::String(rename.old.clone())),
        new: Some(Value::String(rename.new.clone())),
        reason: "id renamed".to_owned(),
        summary: format!(
            "{noun} `{}` renamed to `{}`: nothing a reader sees changed",
            rename.old, rename.new
        ),
        notice: format!("We renamed **{name}** in our records; nothing changes for you."),
        law: None,
    }
}

/// Entities removed from `old` that equal one added in `new` but for the
/// id, in every collection. An id that names entities of another
/// collection too is left alone: rewriting its references could not tell
/// which one they mean.
fn pairs(old: &Value, new: &Value, known: &[Rename]) -> Vec<Rename> {
    let mut found = Vec::new();
    for collection in rules::collections() {
        let key = collection.collection;
        let (Some(old_list), Some(new_list)) = (
            old.get(key).and_then(Value::as_array),
            new.get(key).and_then(Value::as_array),
        ) else {
            continue;
        };
        let ids = |list: &[Value]| -> Vec<String> {
            list.iter()
                .filter_map(|e| e.get("id").and_then(Value::as_str).map(str::to_owned))
                .collect()
        };
        let (old_ids, new_ids) = (ids(old_list), ids(new_list));
        let gone: Vec<&Value> = old_list
            .iter()
            .filter(|e| id(e).is_some_and(|i| !new_ids.iter().any(|n| n == i)))
            .collect();
        let came: Vec<&Value> = new_list
            .iter()
            .filter(|e| id(e).is_some_and(|i| !old_ids.iter().any(|o| o == i)))
            .collect();
        for o in &gone {
            let matches: Vec<&&Value> = came.iter().filter(|n| same_but_id(o, n)).collect();
            let twins = gone.iter().filter(|g| same_but_id(g, o)).count();
            if let ([n], 1) = (matches.as_slice(), twins) {
                let (Some(o_id), Some(n_id)) = (id(o), id(n)) else {
                    continue;
                };
                if elsewhere(old, key, o_id) || elsewhere(new, key, n_id) {
                    continue;
                }
                let rename = Rename {
                    collection: key,
                    old: o_id.to_owned(),
                    new: n_id.to_owned(),
                };
                if !known.contains(&rename) {
                    found.push(rename);
                }
            }
        }
    }
    found
}

fn id(entity: &Value) -> Option<&str> {
    entity.get("id").and_then(Value::as_str)
}

fn same_but_id(a: &Value, b: &Value) -> bool {
    strip(a) == strip(b)
}

fn strip(entity: &Value) -> Map<String, Value> {
    let mut map = entity.as_object().cloned().unwrap_or_default();
    map.remove("id");
    map.remove("aliases");
    map
}

/// Whether an id also names an entity of another collection.
fn elsewhere(model: &Value, collection: &str, id_: &str) -> bool {
    rules::collections()
        .filter(|c| c.collection != collection)
        .filter_map(|c| model.get(c.collection).and_then(Value::as_array))
        .flatten()
        .any(|e| id(e) == Some(id_))
}

/// The keys whose strings are prose, never a reference: every text field
/// of the schema, and the keys of names and Markdown blocks.
fn is_prose_key(key: &str) -> bool {
    if matches!(
        key,
        "id" | "name" | "title" | "heading" | "markdown" | "text"
    ) {
        return true;
    }
    let text_field = |fields: &[schema::FieldSpec]| {
        fields
            .iter()
            .any(|f| f.model == key && f.shape == Shape::Text)
    };
    schema::KINDS.iter().any(|k| text_field(k.fields))
        || text_field(schema::BASIS_FIELDS)
        || text_field(schema::RIGHT_FIELDS)
}

/// `model` with the renamed entity's id and every reference to it
/// rewritten.
fn apply(model: &Value, rename: &Rename) -> Value {
    let mut out = model.clone();
    if let Some(list) = out.get_mut(rename.collection).and_then(Value::as_array_mut) {
        for entity in list.iter_mut() {
            if id(entity) == Some(rename.old.as_str())
                && let Some(map) = entity.as_object_mut()
            {
                map.insert("id".to_owned(), Value::String(rename.new.clone()));
            }
        }
    }
    if let Some(map) = out.as_object_mut() {
        for (key, value) in map.iter_mut() {
            if key == "id" {
                continue;
            }
            rewrite(value, key, rename);
        }
    }
    out
}

/// Rewrites references under `key`: a string equal to the old id, in a
/// list or under a key that is not prose.
fn rewrite(value: &mut Value, key: &str, rename: &Rename) {
    match value {
        Value::String(s) if *s == rename.old && !is_prose_key(key) => {
            s.clone_from(&rename.new);
        }
        Value::Array(list) => {
            for item in list {
                rewrite(item, key, rename);
            }
        }
        Value::Object(map) => {
            // A tagged reference (`{"kind": "dataset", "id": "letters"}`)
            // holds the id it refers to; any other object's `id` is its own.
            let reference = map.len() == 2 && map.contains_key("kind");
            for (k, v) in map.iter_mut() {
                if k == "id" && !reference {
                    continue;
                }
                let k = if k == "id" { "reference" } else { k.as_str() };
                rewrite(v, k, rename);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::diff::{Class, compare_values};

    fn model(purpose: &str, text: &str) -> serde_json::Value {
        json!({
            "id": "site",
            "title": "Privacy Policy",
            "purposes": [{"id": purpose, "name": "Newsletter", "text": text}],
            "datasets": [{
                "id": "letters",
                "name": "Newsletter",
                "purposes": [purpose],
                "bases": [{"basis": "consent", "purposes": [purpose], "text": "With your consent."}],
                "text": "When you subscribe."
            }],
            "retention": [{"id": "kept", "name": "", "applies_to": [{"kind": "dataset", "id": "letters"}]}]
        })
    }

    #[test]
    fn a_pure_rename_is_one_editorial_change() {
        let diff = compare_values(
            &model("news", "We send news."),
            &model("newsletter", "We send news."),
        );
        assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
        let change = &diff.changes[0];
        assert_eq!(change.class, Class::Editorial);
        assert_eq!(change.reason, "id renamed");
        assert_eq!(change.id, "newsletter");
    }

    #[test]
    fn a_rename_with_a_change_still_reports_the_change() {
        // Renamed and reworded: the two cannot be paired, so the rename is
        // not hidden and the new purpose is still material.
        let diff = compare_values(
            &model("news", "We send news."),
            &model("newsletter", "We send offers."),
        );
        assert!(diff.material() > 0, "{:#?}", diff.changes);
        assert!(diff.changes.iter().all(|c| c.reason != "id renamed"));
    }

    #[test]
    fn a_renamed_data_set_rewrites_tagged_references() {
        let old = model("news", "We send news.");
        let mut new = old.clone();
        new["datasets"][0]["id"] = json!("mailing");
        new["retention"][0]["applies_to"][0]["id"] = json!("mailing");
        let diff = compare_values(&old, &new);
        assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
        assert_eq!(diff.changes[0].reason, "id renamed");
    }

    #[test]
    fn an_id_shared_with_another_kind_is_not_paired() {
        // `letters` names a data set; a purpose renamed to `letters` could
        // not be told apart from it in references.
        let diff = compare_values(
            &model("news", "We send news."),
            &model("letters", "We send news."),
        );
        assert!(diff.changes.iter().all(|c| c.reason != "id renamed"));
        assert!(diff.material() > 0);
    }
}
