//! Which changes are material: one rule per kind of entity and field.
//!
//! An entity added is material when it brings new processing (data, a
//! purpose, a recipient, a transfer, cookies, a CCPA category); a removal
//! is material only for rights and retention rules. A changed field is
//! classed by its [`Rule`]; a field this table does not know (the model
//! grew) is wording when it holds text and material otherwise, so that an
//! unknown change is never waved through.

use serde_json::Value;

use super::{Change, ChangeKind, Class, Entity, Names};
use crate::schema::{self, DiffRule as Rule, FieldSpec, KindSpec, Shape};
use crate::syntax::tree::DeclKind;

/// A kind of entity of the model, as the schema declares it.
pub(crate) type Collection = KindSpec;

/// Every collection of the model compared entity by entity, in the order
/// changes are listed: the schema's kinds, less the policy itself (its
/// fields are compared one by one), `processing` and `third_party` (they
/// share the data sets' and the recipients' lists) and the rule settings
/// (not part of the notice).
pub(crate) fn collections() -> impl Iterator<Item = &'static Collection> {
    schema::KINDS.iter().filter(|k| {
        !matches!(
            k.kind,
            DeclKind::Policy | DeclKind::Processing | DeclKind::ThirdParty | DeclKind::Rules
        )
    })
}

/// The collection a model key names.
pub(crate) fn collection(key: &str) -> Option<&'static Collection> {
    collections().find(|c| c.collection == key)
}

fn kind_of(collection: &str) -> &'static str {
    schema::collection(collection).map_or("entity", |c| c.lifecycle.noun)
}

/// The spec of a field of an entity of `collection` (`policy` for the
/// policy's own fields).
fn field_spec(collection: &str, field: &str) -> Option<&'static FieldSpec> {
    schema::collection(collection).and_then(|c| c.model_field(field))
}

/// How a change of `field` is classed: by the schema, and for a field the
/// schema does not know (the model grew), wording when it holds text and
/// material otherwise, so that an unknown change is never waved through.
fn rule(collection: &str, field: &str, old: &Value, new: &Value) -> Rule {
    let spec = schema::collection(collection);
    if let Some(spec) = spec
        && matches!(field, "name" | "title" | "heading")
    {
        return spec.lifecycle.renamed;
    }
    if collection == "policy" && schema::collection(field).is_some() {
        // The rule settings, kept in the policy's JSON: not the notice.
        return Rule::Ignore;
    }
    match field_spec(collection, field) {
        Some(spec) => spec.diff,
        None if is_text(old) && is_text(new) => Rule::Wording,
        None => Rule::Material("changed"),
    }
}

fn is_text(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Null)
}

/// A value that reads well inline: a word, a flag, a number, a list of ids.
fn is_simple(value: &Value) -> bool {
    match value {
        Value::Array(list) => list.iter().all(|v| v.is_string() || v.get("id").is_some()),
        Value::Object(_) => false,
        _ => true,
    }
}

/// Which collection the ids of a field name, to print their names.
fn names_collection(collection: &str, field: &str) -> Option<&'static str> {
    let kind = match field_spec(collection, field)?.shape {
        Shape::Ref(kind) | Shape::Refs(kind) => kind,
        Shape::ThirdParties => DeclKind::ThirdParty,
        _ => return None,
    };
    schema::kind(kind).map(|k| k.collection)
}

/// How a field is called in sentences.
fn label(collection: &str, field: &str) -> String {
    match field_spec(collection, field) {
        Some(spec) if spec.is_written() => spec.label.to_owned(),
        _ => field.replace('_', " "),
    }
}

// ─── Changes ───────────────────────────────────────────────────────────────

pub(crate) fn added(collection: &Collection, entity: &Entity, value: &Value) -> Change {
    let (class, reason) = match collection.lifecycle.added {
        Some(reason) => (Class::Material, reason),
        None => (Class::Editorial, "addition"),
    };
    Change {
        class,
        change: ChangeKind::Added,
        kind: collection.lifecycle.noun,
        id: entity.id.clone(),
        name: entity.name.clone(),
        field: None,
        old: None,
        new: Some(value.clone()),
        reason: reason.to_owned(),
        summary: format!(
            "new {} `{}` “{}”",
            collection.lifecycle.noun, entity.id, entity.name
        ),
        notice: collection
            .lifecycle
            .added_notice
            .replace("{}", &entity.name),
        law: None,
    }
}

pub(crate) fn removed(collection: &Collection, entity: &Entity, value: &Value) -> Change {
    let (class, reason) = match collection.lifecycle.removed {
        Some(reason) => (Class::Material, reason),
        None => (Class::Editorial, "removal"),
    };
    Change {
        class,
        change: ChangeKind::Removed,
        kind: collection.lifecycle.noun,
        id: entity.id.clone(),
        name: entity.name.clone(),
        field: None,
        old: Some(value.clone()),
        new: None,
        reason: reason.to_owned(),
        summary: format!(
            "removed {} `{}` “{}”",
            collection.lifecycle.noun, entity.id, entity.name
        ),
        notice: format!(
            "This policy no longer describes **{}** ({}).",
            entity.name, collection.lifecycle.noun
        ),
        law: None,
    }
}

/// The changes one differing field makes (usually one).
pub(crate) fn field_change(
    entity: &Entity,
    field: &str,
    old: &Value,
    new: &Value,
    names: &Names<'_>,
) -> Vec<Change> {
    let change = |class: Class, reason: &str, summary: String, notice: String| Change {
        class,
        change: ChangeKind::Changed,
        kind: kind_of(entity.collection),
        id: entity.id.clone(),
        name: entity.name.clone(),
        field: Some(field.to_owned()),
        old: Some(old.clone()),
        new: Some(new.clone()),
        reason: reason.to_owned(),
        summary: format!(
            "{} `{}`: {}",
            kind_of(entity.collection),
            entity.id,
            summary
        ),
        notice,
        law: None,
    };
    let name = &entity.name;
    let what = label(entity.collection, field);
    let from_to = format!("{what}: {} → {}", show(old), show(new));
    let reworded = || {
        let kind = kind_of(entity.collection);
        change(
            Class::Editorial,
            "wording",
            format!("{what} reworded"),
            format!("We reworded the {what} of **{name}** ({kind})."),
        )
    };
    match rule(entity.collection, field, old, new) {
        Rule::Ignore => Vec::new(),
        Rule::Wording => {
            if is_text(old) && is_text(new) && !old.is_null() && !new.is_null() {
                vec![reworded()]
            } else if is_simple(old) && is_simple(new) {
                let notice = format!(
                    "**{name}**: the {what} changed from {} to {}.",
                    show(old),
                    show(new)
                );
                vec![change(Class::Editorial, "wording", from_to, notice)]
            } else {
                let kind = kind_of(entity.collection);
                let notice = format!("We changed the {what} of **{name}** ({kind}).");
                vec![change(
                    Class::Editorial,
                    "wording",
                    format!("{what} changed"),
                    notice,
                )]
            }
        }
        Rule::Material(reason) => {
            let notice = format!(
                "**{name}**: the {what} changed from {} to {}.",
                show(old),
                show(new)
            );
            vec![change(Class::Material, reason, from_to, notice)]
        }
        Rule::Grows(reason) => vec![list_change(
            entity, field, old, new, names, true, reason, &change,
        )],
        Rule::Shrinks(reason) => vec![list_change(
            entity, field, old, new, names, false, reason, &change,
        )],
        Rule::TurnsYes(reason) => {
            if new.as_bool() == Some(true) && old.as_bool() != Some(true) {
                vec![change(
                    Class::Material,
                    reason,
                    from_to,
                    yes_notice(entity, field),
                )]
            } else {
                let notice = format!(
                    "**{name}**: {what} changed from {} to {}.",
                    show(old),
                    show(new)
                );
                vec![change(Class::Editorial, "narrower", from_to, notice)]
            }
        }
        Rule::Longer(reason) => {
            let (o, n) = (
                old.as_str().and_then(duration_days),
                new.as_str().and_then(duration_days),
            );
            match (o, n) {
                (Some(o), Some(n)) if n <= o => {
                    let notice = format!(
                        "**{name}**: the {what} changed from {} to {}.",
                        show(old),
                        show(new)
                    );
                    vec![change(Class::Editorial, "not longer", from_to, notice)]
                }
                (Some(_), Some(_)) => {
                    let notice = format!(
                        "**{name}**: we now keep data for longer: {} instead of {}.",
                        show(new),
                        show(old)
                    );
                    vec![change(Class::Material, reason, from_to, notice)]
                }
                _ => {
                    let notice = format!(
                        "**{name}**: how long we keep data changed from {} to {}.",
                        show(old),
                        show(new)
                    );
                    vec![change(
                        Class::Material,
                        "retention changed",
                        from_to,
                        notice,
                    )]
                }
            }
        }
        Rule::Increases(reason) => {
            let material = match (old.as_u64(), new.as_u64()) {
                (Some(o), Some(n)) => n > o,
                (_, None) => false,
                (None, Some(_)) => true,
            };
            let notice = format!(
                "**{name}**: the {what} changed from {} to {}.",
                show(old),
                show(new)
            );
            let class = if material {
                Class::Material
            } else {
                Class::Editorial
            };
            vec![change(
                class,
                if material { reason } else { "faster" },
                from_to,
                notice,
            )]
        }
        Rule::Bases => vec![bases_change(entity, old, new, &change)],
        Rule::Rights => rights_changes(entity, old, new, &change),
    }
}

/// A list that gained or lost elements: material when it gained (`grows`)
/// or lost (`!grows`) one.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site per direction; a struct would only rename them"
)]
fn list_change(
    entity: &Entity,
    field: &str,
    old: &Value,
    new: &Value,
    names: &Names<'_>,
    grows: bool,
    reason: &str,
    change: &dyn Fn(Class, &str, String, String) -> Change,
) -> Change {
    let name = &entity.name;
    let kind = kind_of(entity.collection);
    let what = label(entity.collection, field);
    let (old_ids, new_ids) = (ids(old), ids(new));
    let gained: Vec<&str> = new_ids
        .iter()
        .filter(|i| !old_ids.contains(i))
        .map(String::as_str)
        .collect();
    let lost: Vec<&str> = old_ids
        .iter()
        .filter(|i| !new_ids.contains(i))
        .map(String::as_str)
        .collect();
    let named = |list: &[&str]| -> String {
        list.iter()
            .map(|id| {
                names_collection(entity.collection, field)
                    .map_or_else(|| (*id).to_owned(), |c| names.of(c, id))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !gained.is_empty() {
        parts.push(format!("+ {}", gained.join(", ")));
    }
    if !lost.is_empty() {
        parts.push(format!("- {}", lost.join(", ")));
    }
    if parts.is_empty() {
        parts.push("order changed".to_owned());
    }
    let summary = format!("{what}: {}", parts.join("; "));
    let notice = match (gained.is_empty(), lost.is_empty()) {
        (false, true) => format!("**{name}** ({kind}): new {what}: {}.", named(&gained)),
        (true, false) => format!("**{name}** ({kind}): no longer {what}: {}.", named(&lost)),
        (false, false) => format!(
            "**{name}** ({kind}): {what} now include {} and no longer {}.",
            named(&gained),
            named(&lost)
        ),
        (true, true) => format!("We reordered the {what} of **{name}**."),
    };
    let material = if grows {
        !gained.is_empty()
    } else {
        !lost.is_empty()
    };
    if material {
        change(Class::Material, reason, summary, notice)
    } else {
        change(Class::Editorial, "narrower", summary, notice)
    }
}

fn yes_notice(entity: &Entity, field: &str) -> String {
    let name = &entity.name;
    match field {
        "sold" => format!("We now **sell** this category of personal information: **{name}**."),
        "shared" => format!(
            "We now **share** this category of personal information for cross-context behavioural advertising: **{name}**."
        ),
        "disclosed" => {
            format!(
                "We now disclose this category of personal information for a business purpose: **{name}**."
            )
        }
        "online_only" => format!("Requests under **{name}** can now only be made online."),
        other => format!(
            "We now use personal data for **{name}** for {}.",
            label(entity.collection, other)
        ),
    }
}

/// Lawful bases are compared by what they establish (the basis, the
/// purposes it covers, its condition, the interest pursued, the Art. 9
/// condition); their sentences and withdrawal wording are editorial.
fn bases_change(
    entity: &Entity,
    old: &Value,
    new: &Value,
    change: &dyn Fn(Class, &str, String, String) -> Change,
) -> Change {
    let facts = |list: &Value| -> Vec<String> {
        let mut out: Vec<String> = list
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|b| {
                        let mut purposes = ids(b.get("purposes").unwrap_or(&Value::Null));
                        purposes.sort();
                        let mut text = text(b.get("basis")).unwrap_or_default();
                        if !purposes.is_empty() {
                            text.push_str(&format!(" for {}", purposes.join(", ")));
                        }
                        if let Some(c) = text_opt(b.get("condition")) {
                            text.push_str(&format!(" when “{c}”"));
                        }
                        if let Some(i) = text_opt(b.get("interest")) {
                            text.push_str(&format!(" (interest: “{i}”)"));
                        }
                        if let Some(s) = text_opt(b.get("special")) {
                            text.push_str(&format!(" [{s}]"));
                        }
                        text
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    };
    let (before, after) = (facts(old), facts(new));
    let name = &entity.name;
    if before == after {
        return change(
            Class::Editorial,
            "wording",
            "lawful bases reworded".to_owned(),
            format!("We reworded how we describe the lawful bases of **{name}**."),
        );
    }
    let gained: Vec<&String> = after.iter().filter(|b| !before.contains(b)).collect();
    let lost: Vec<&String> = before.iter().filter(|b| !after.contains(b)).collect();
    let mut summary = Vec::new();
    if !gained.is_empty() {
        summary.push(format!(
            "+ {}",
            gained
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if !lost.is_empty() {
        summary.push(format!(
            "- {}",
            lost.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    change(
        Class::Material,
        "basis change",
        format!("lawful bases: {}", summary.join("; ")),
        format!("**{name}**: the lawful basis on which we process this data changed."),
    )
}

/// Rights matched by kind: a right removed is material, one added or
/// reworded is editorial.
fn rights_changes(
    entity: &Entity,
    old: &Value,
    new: &Value,
    change: &dyn Fn(Class, &str, String, String) -> Change,
) -> Vec<Change> {
    let list = |v: &Value| -> Vec<(String, String, Value)> {
        v.as_array()
            .map(|l| {
                l.iter()
                    .map(|r| {
                        let kind = text(r.get("kind")).unwrap_or_default();
                        let name = text(r.get("name")).unwrap_or_else(|| kind.clone());
                        (kind, name, r.clone())
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (before, after) = (list(old), list(new));
    let block = &entity.name;
    let mut out = Vec::new();
    for (kind, name, _) in &before {
        if !after.iter().any(|(k, _, _)| k == kind) {
            out.push(change(
                Class::Material,
                "removed right",
                format!("right removed: {kind} “{name}”"),
                format!("**{block}** no longer lists **{name}**."),
            ));
        }
    }
    for (kind, name, value) in &after {
        match before.iter().find(|(k, _, _)| k == kind) {
            None => out.push(change(
                Class::Editorial,
                "added right",
                format!("right added: {kind} “{name}”"),
                format!("**{block}** now also lists **{name}**."),
            )),
            Some((_, _, old_value)) if old_value != value => out.push(change(
                Class::Editorial,
                "wording",
                format!("right reworded: {kind} “{name}”"),
                format!("We reworded **{name}** in **{block}**."),
            )),
            Some(_) => {}
        }
    }
    if out.is_empty() {
        out.push(change(
            Class::Editorial,
            "wording",
            "rights reordered".to_owned(),
            format!("We reordered the rights in **{block}**."),
        ));
    }
    out
}

// ─── Values ────────────────────────────────────────────────────────────────

fn text(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(str::to_owned)
}

fn text_opt(value: Option<&Value>) -> Option<String> {
    text(value).filter(|s| !s.is_empty())
}

/// The ids in a list value: strings, or objects with an `id`.
fn ids(value: &Value) -> Vec<String> {
    match value {
        Value::Array(list) => list.iter().map(id_of).collect(),
        Value::Null => Vec::new(),
        other => vec![id_of(other)],
    }
}

fn id_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Object(map) => match map.get("id") {
            Some(Value::String(s)) => s.clone(),
            _ => map
                .values()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join(" "),
        },
        other => other.to_string(),
    }
}

/// A value as a reviewer reads it.
pub(crate) fn show(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::String(s) => {
            let short: String = s.chars().take(60).collect();
            if short.len() < s.len() {
                format!("“{short}…”")
            } else {
                format!("“{s}”")
            }
        }
        Value::Array(list) if list.is_empty() => "none".to_owned(),
        Value::Array(list) => list.iter().map(id_of).collect::<Vec<_>>().join(", "),
        other => id_of(other),
    }
}

/// A period written in words ("six years", "24 months", "90 days") in
/// days, when it can be read.
pub(crate) fn duration_days(text: &str) -> Option<u64> {
    const NUMBERS: &[(&str, u64)] = &[
        ("one", 1),
        ("a", 1),
        ("an", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("eighteen", 18),
        ("twenty", 20),
        ("thirty", 30),
    ];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = None;
    for pair in words.windows(2) {
        let count = pair[0]
            .parse::<u64>()
            .ok()
            .or_else(|| NUMBERS.iter().find(|(w, _)| *w == pair[0]).map(|(_, n)| *n));
        let unit = match pair[1].trim_end_matches('s') {
            "day" => Some(1),
            "week" => Some(7),
            "month" => Some(30),
            "year" => Some(365),
            _ => None,
        };
        if let (Some(count), Some(unit)) = (count, unit) {
            if found.is_some() {
                // Two periods ("one year, or six months after ..."): too
                // subtle to compare.
                return None;
            }
            found = Some(count * unit);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::duration_days;

    #[test]
    fn reads_periods_in_words() {
        assert_eq!(duration_days("six years"), Some(6 * 365));
        assert_eq!(duration_days("24 months after the last contact"), Some(720));
        assert_eq!(duration_days("1 day"), Some(1));
        assert_eq!(duration_days("as long as needed"), None);
        assert_eq!(duration_days("one year or two years"), None);
    }
}
