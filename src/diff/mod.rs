//! `candor diff`: what changed between two versions of a policy, and
//! whether users must be told.
//!
//! The comparison reads the two compiled models, not the text: moving a
//! declaration to another file, reformatting or reordering fields changes
//! nothing here. Both models are taken in their JSON form (the
//! `policy.json` contract, so ids and references are plain ids), every
//! entity is matched by kind and id, and each difference becomes a
//! [`Change`]: an entity added or removed, or one field of an entity
//! changed.
//!
//! Every change is classed by [`rules`] as
//!
//! - **material**: a change a privacy notice must announce (GDPR Art. 13(3)
//!   and 14(4), the CCPA's notice at collection): new data, a new purpose, a
//!   new recipient or transfer, a lawful basis that changed, personal
//!   information now sold or shared, retention that is longer (or changed in
//!   a way that cannot be measured), a right removed;
//! - **editorial**: wording, and changes that only narrow what is done
//!   (data no longer collected, a recipient removed, shorter retention).
//!
//! [`render`] prints a list of changes for people, as JSON, or as a
//! Markdown changelog entry for the notice of changes.

pub mod anchors;
pub mod gate;
pub mod law;
pub mod links;
pub mod notice;
mod rename;
pub mod render;
pub mod rules;
mod translations;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::Policy;

/// Whether users must be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// A change the notice of changes must announce.
    Material,
    /// Wording, or a change that narrows processing.
    Editorial,
}

impl Class {
    /// The word used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Material => "material",
            Class::Editorial => "editorial",
        }
    }
}

/// What happened to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// It exists only in the new version.
    Added,
    /// It exists only in the old version.
    Removed,
    /// One of its fields differs.
    Changed,
}

/// One difference between the two versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// Material or editorial.
    pub class: Class,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// The kind of entity, as a lawyer calls it: "recipient", "CCPA category".
    pub kind: &'static str,
    /// The entity's id.
    pub id: String,
    /// Its display name (the new one when both exist).
    pub name: String,
    /// The field that changed (`shared`, `collects`), for a change.
    pub field: Option<String>,
    /// The old value (JSON), for a change or a removal.
    pub old: Option<Value>,
    /// The new value (JSON), for a change or an addition.
    pub new: Option<Value>,
    /// Why it has its class: "new recipient", "wording".
    pub reason: String,
    /// One line for a reviewer: "shared: no → yes".
    pub summary: String,
    /// A sentence for users, for the notice of changes.
    pub notice: String,
    /// For a material change, the law that makes it material.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<law::Law>,
}

/// Every difference between two policies, material first, then in the
/// order of the model (policy, controller, items, ... sections).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Diff {
    /// The changes.
    pub changes: Vec<Change>,
}

impl Diff {
    /// How many changes are material.
    #[must_use]
    pub fn material(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.class == Class::Material)
            .count()
    }

    /// How many changes are editorial.
    #[must_use]
    pub fn editorial(&self) -> usize {
        self.changes.len() - self.material()
    }

    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares two compiled policies.
///
/// # Errors
/// A model that cannot be put in its JSON form. Comparing what could not
/// be read would report "no changes" for any change, so it is an error.
pub fn compare(old: &Policy, new: &Policy) -> Result<Diff, serde_json::Error> {
    let removed_anchors = anchors::removed(old, new);
    let translated = translations::changes(old, new);
    let old = serde_json::to_value(old)?;
    let new = serde_json::to_value(new)?;
    let mut diff = compare_values(&old, &new);
    diff.changes.extend(removed_anchors);
    diff.changes.extend(translated);
    cite(&mut diff.changes);
    diff.changes.sort_by_key(|c| c.class);
    Ok(diff)
}

/// Compares two models in their JSON form.
#[must_use]
pub fn compare_values(old: &Value, new: &Value) -> Diff {
    let (renamed, renames) = rename::find(old, new);
    let old = &renamed;
    let names = Names { old, new };
    let mut changes = Vec::new();
    // The policy's own fields.
    let empty = Map::new();
    let old_top = old.as_object().unwrap_or(&empty);
    let new_top = new.as_object().unwrap_or(&empty);
    let policy_entity = Entity {
        collection: "policy",
        id: text_of(new.get("id")).unwrap_or_default(),
        name: text_of(new.get("title")).unwrap_or_default(),
    };
    let scalar_keys = union_keys(old_top, new_top).into_iter().filter(|k| {
        rules::collection(k).is_none() && !matches!(k.as_str(), "schema_version" | "id")
    });
    for key in scalar_keys {
        let (o, n) = (
            old_top.get(&key).unwrap_or(&Value::Null),
            new_top.get(&key).unwrap_or(&Value::Null),
        );
        if o != n {
            changes.extend(rules::field_change(&policy_entity, &key, o, n, &names));
        }
    }
    // Every collection of entities, in model order.
    for collection in rules::collections() {
        let old_list = entities(old_top.get(collection.collection));
        let new_list = entities(new_top.get(collection.collection));
        for (id, n) in &new_list {
            let entity = Entity {
                collection: collection.collection,
                id: id.clone(),
                name: display_name(n, id),
            };
            match old_list.iter().find(|(oid, _)| oid == id) {
                None => changes.push(rules::added(collection, &entity, n)),
                Some((_, o)) => {
                    let (o_map, n_map) = (
                        o.as_object().unwrap_or(&empty),
                        n.as_object().unwrap_or(&empty),
                    );
                    for field in union_keys(o_map, n_map) {
                        if field == "id" {
                            continue;
                        }
                        let (ov, nv) = (
                            o_map.get(&field).unwrap_or(&Value::Null),
                            n_map.get(&field).unwrap_or(&Value::Null),
                        );
                        if ov != nv {
                            changes.extend(rules::field_change(&entity, &field, ov, nv, &names));
                        }
                    }
                }
            }
        }
        for (id, o) in &old_list {
            if !new_list.iter().any(|(nid, _)| nid == id) {
                let entity = Entity {
                    collection: collection.collection,
                    id: id.clone(),
                    name: display_name(o, id),
                };
                changes.push(rules::removed(collection, &entity, o));
            }
        }
    }
    changes.extend(renames.iter().map(|r| rename::change(r, new)));
    cite(&mut changes);
    changes.sort_by_key(|c| c.class);
    Diff { changes }
}

/// Names the law of every material change.
fn cite(changes: &mut [Change]) {
    for change in changes {
        change.law = (change.class == Class::Material).then(|| law::of(&change.reason));
    }
}

/// An entity being compared.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    /// The model's key for its kind (`recipients`), or `policy`.
    pub collection: &'static str,
    pub id: String,
    pub name: String,
}

/// Looks up display names of ids, in the new model first, then the old.
pub(crate) struct Names<'a> {
    old: &'a Value,
    new: &'a Value,
}

impl Names<'_> {
    /// The display name of `id` in collection `key`, or the id itself.
    pub(crate) fn of(&self, key: &str, id: &str) -> String {
        for model in [self.new, self.old] {
            if let Some(found) = model.get(key).and_then(Value::as_array).and_then(|list| {
                list.iter()
                    .find(|e| e.get("id").and_then(Value::as_str) == Some(id))
            }) {
                return display_name(found, id);
            }
        }
        id.to_owned()
    }
}

/// The entities of a collection with their ids. The controller is one
/// object, not a list: it is matched whatever its id.
fn entities(value: Option<&Value>) -> Vec<(String, &Value)> {
    match value {
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    text_of(e.get("id")).unwrap_or_else(|| format!("#{}", i + 1)),
                    e,
                )
            })
            .collect(),
        Some(object @ Value::Object(_)) => vec![("controller".to_owned(), object)],
        _ => Vec::new(),
    }
}

fn display_name(entity: &Value, id: &str) -> String {
    text_of(entity.get("name"))
        .or_else(|| text_of(entity.get("heading")))
        .unwrap_or_else(|| id.to_owned())
}

fn text_of(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(str::to_owned)
}

fn union_keys(a: &Map<String, Value>, b: &Map<String, Value>) -> Vec<String> {
    let mut keys: Vec<String> = a.keys().cloned().collect();
    for k in b.keys() {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    keys
}
