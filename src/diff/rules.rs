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

/// A kind of entity of the model.
#[derive(Debug)]
pub(crate) struct Collection {
    /// The model's key: `recipients`.
    pub key: &'static str,
    /// What one is called: "recipient".
    pub kind: &'static str,
    /// Why adding one is material, or `None` when it is editorial.
    pub added: Option<&'static str>,
    /// The sentence announcing an addition; `{}` is the name.
    pub added_notice: &'static str,
    /// Why removing one is material, or `None`.
    pub removed: Option<&'static str>,
}

/// Every collection of the model, in the order changes are listed.
pub(crate) const COLLECTIONS: &[Collection] = &[
    Collection {
        key: "controller",
        kind: "controller",
        added: Some("new controller"),
        added_notice: "**{}** is now the controller of your personal data.",
        removed: Some("controller removed"),
    },
    Collection {
        key: "contacts",
        kind: "contact",
        added: None,
        added_notice: "You can now contact us through **{}**.",
        removed: None,
    },
    Collection {
        key: "items",
        kind: "data item",
        added: Some("new data"),
        added_notice: "We now collect **{}**.",
        removed: None,
    },
    Collection {
        key: "subjects",
        kind: "data subject",
        added: Some("new data subjects"),
        added_notice: "We now process personal data about **{}**.",
        removed: None,
    },
    Collection {
        key: "sources",
        kind: "source",
        added: Some("new source of data"),
        added_notice: "We now obtain personal data from **{}**.",
        removed: None,
    },
    Collection {
        key: "methods",
        kind: "collection method",
        added: None,
        added_notice: "We now also collect data this way: **{}**.",
        removed: None,
    },
    Collection {
        key: "purposes",
        kind: "purpose",
        added: Some("new purpose"),
        added_notice: "We now use personal data for a new purpose: **{}**.",
        removed: None,
    },
    Collection {
        key: "datasets",
        kind: "data set",
        added: Some("new data"),
        added_notice: "We now process a new set of personal data: **{}**.",
        removed: None,
    },
    Collection {
        key: "recipients",
        kind: "recipient",
        added: Some("new recipient"),
        added_notice: "We may now share personal data with a new category of recipients: **{}**.",
        removed: None,
    },
    Collection {
        key: "third_parties",
        kind: "category of third parties",
        added: Some("new recipient"),
        added_notice: "We may now disclose personal information to a new category of third parties: **{}**.",
        removed: None,
    },
    Collection {
        key: "vendors",
        kind: "vendor",
        added: Some("new recipient"),
        added_notice: "We now work with a new vendor: **{}**.",
        removed: None,
    },
    Collection {
        key: "cookies",
        kind: "cookie category",
        added: Some("new cookies"),
        added_notice: "We now use a new category of cookies: **{}**.",
        removed: None,
    },
    Collection {
        key: "transfers",
        kind: "transfer",
        added: Some("new transfer abroad"),
        added_notice: "We now transfer personal data abroad: **{}**.",
        removed: None,
    },
    Collection {
        key: "rights",
        kind: "rights",
        added: None,
        added_notice: "This policy now describes **{}**.",
        removed: Some("removed rights"),
    },
    Collection {
        key: "retention",
        kind: "retention rule",
        added: Some("retention changed"),
        added_notice: "New retention rule: **{}**.",
        removed: Some("retention changed"),
    },
    Collection {
        key: "children",
        kind: "children's data",
        added: None,
        added_notice: "This policy now has a section on **{}**.",
        removed: None,
    },
    Collection {
        key: "ccpa",
        kind: "CCPA category",
        added: Some("new data"),
        added_notice: "We now collect a new category of personal information: **{}**.",
        removed: None,
    },
    Collection {
        key: "definitions",
        kind: "definition",
        added: None,
        added_notice: "New defined term: **{}**.",
        removed: None,
    },
    Collection {
        key: "sections",
        kind: "section",
        added: None,
        added_notice: "New section: **{}**.",
        removed: None,
    },
];

/// The collection a model key names.
pub(crate) fn collection(key: &str) -> Option<&'static Collection> {
    COLLECTIONS.iter().find(|c| c.key == key)
}

fn kind_of(collection: &str) -> &'static str {
    match collection {
        "policy" => "policy",
        other => super::rules::collection(other).map_or("entity", |c| c.kind),
    }
}

/// How a field's change is classed.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Text only: editorial.
    Wording,
    /// Any change is material, for this reason.
    Material(&'static str),
    /// A list: material when it gains an element.
    Grows(&'static str),
    /// A list: material when it loses an element.
    Shrinks(&'static str),
    /// A flag: material when it turns yes.
    TurnsYes(&'static str),
    /// A period in words: material unless it is measurably shorter.
    Longer(&'static str),
    /// A number of days: material when it grows.
    Increases(&'static str),
    /// Lawful bases: compared as facts, their wording apart.
    Bases,
    /// The rights of a rights block, matched by kind.
    Rights,
    /// Not part of the notice.
    Ignore,
}

fn rule(collection: &str, field: &str, old: &Value, new: &Value) -> Rule {
    use Rule::{
        Bases, Grows, Ignore, Increases, Longer, Material, Rights, Shrinks, TurnsYes, Wording,
    };
    match (collection, field) {
        ("controller", "name") => Material("new controller"),
        ("policy", "rule_settings" | "templates") => Ignore,
        ("policy" | "controller" | "contacts" | "definitions" | "sections", _)
        | (
            _,
            "name" | "text" | "heading" | "examples" | "operations" | "verification" | "agents"
            | "opt_out_signals" | "copy" | "url",
        ) => Wording,
        ("items", "ccpa") => Grows("new category of data"),
        ("items", "special") => Material("special category data"),
        ("items", "sensitive") => Material("sensitive personal information"),
        ("sources", "kind") => Material("source changed"),
        ("methods", "sources") | ("datasets" | "ccpa", "sources") => Grows("new source of data"),
        ("purposes", "marketing") => TurnsYes("now used for direct marketing"),
        ("purposes", "profiling") => TurnsYes("now used for profiling"),
        ("purposes", "automated_decisions") => TurnsYes("now used for automated decisions"),
        ("purposes", "targeted_advertising") => TurnsYes("now used for targeted advertising"),
        ("datasets", "subjects") => Grows("new data subjects"),
        ("datasets", "collects") | ("ccpa", "items") => Grows("new data"),
        ("ccpa", "statutory") => Grows("new category of data"),
        ("datasets" | "ccpa" | "cookies", "purposes") => Grows("new purpose"),
        ("datasets" | "cookies", "bases") => Bases,
        ("datasets" | "ccpa", "retention") => Material("retention changed"),
        ("datasets", "recipients") | ("recipients", "datasets") => Grows("new recipient"),
        ("datasets", "transfers") => Grows("new transfer abroad"),
        ("datasets", "methods" | "required" | "kind") => Wording,
        ("recipients" | "third_parties" | "vendors", "kind" | "recipient" | "location") => {
            Material("recipient changed")
        }
        ("recipients", "shares") => Material("data shared changed"),
        ("cookies", "vendors") => Grows("new recipient"),
        ("cookies", "duration") => Longer("cookies kept longer"),
        ("transfers", "from" | "to") => Material("transfer changed"),
        ("transfers", "safeguards") => Material("safeguards changed"),
        ("rights", "rights") => Rights,
        ("rights", "jurisdiction") => Material("rights changed"),
        ("rights", "request_methods") => Shrinks("a way to exercise rights removed"),
        ("rights", "online_only") => TurnsYes("requests only online"),
        ("rights", "response_days" | "extension_days") => Increases("slower response to requests"),
        ("retention", "applies_to" | "criteria") => Material("retention changed"),
        ("retention", "period") => Longer("longer retention"),
        ("children", "ages") => Material("age thresholds changed"),
        ("ccpa", "sold") => TurnsYes("personal information now sold"),
        ("ccpa", "shared") => TurnsYes("personal information now shared"),
        ("ccpa", "disclosed") => TurnsYes("personal information now disclosed"),
        ("ccpa", "third_parties") => Grows("new recipient"),
        ("ccpa", "third_parties_same_as") => Material("new recipient"),
        _ if is_text(old) && is_text(new) => Wording,
        _ => Material("changed"),
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
fn names_collection(field: &str) -> Option<&'static str> {
    Some(match field {
        "collects" | "items" => "items",
        "purposes" => "purposes",
        "subjects" => "subjects",
        "sources" => "sources",
        "methods" => "methods",
        "recipients" | "recipient" => "recipients",
        "transfers" => "transfers",
        "datasets" => "datasets",
        "vendors" => "vendors",
        "third_parties" => "third_parties",
        "request_methods" | "contacts" | "dpo" | "representative" => "contacts",
        "retention" => "retention",
        "outline" => "sections",
        _ => return None,
    })
}

/// How a field is called in sentences.
fn label(field: &str) -> String {
    match field {
        "collects" => "data collected",
        "items" => "data items",
        "subjects" => "data subjects",
        "methods" => "collection methods",
        "operations" => "processing operations",
        "bases" => "lawful bases",
        "transfers" => "transfers abroad",
        "required" => "whether providing the data is required",
        "shares" => "data shared",
        "datasets" => "data sets shared",
        "recipient" => "recipient category",
        "to" => "destination",
        "copy" => "how to get a copy of the safeguards",
        "request_methods" => "ways to make a request",
        "online_only" => "online-only requests",
        "response_days" => "response time in days",
        "extension_days" => "extension in days",
        "agents" => "authorised agents",
        "opt_out_signals" => "opt-out preference signals",
        "applies_to" => "what it applies to",
        "ages" => "age thresholds",
        "statutory" => "statutory categories",
        "disclosed" => "disclosed for a business purpose",
        "third_parties" | "third_parties_same_as" => "categories of third parties",
        "ccpa" => "CCPA categories",
        "special" => "special category",
        "sensitive" => "sensitive kind",
        "marketing" => "direct marketing",
        "automated_decisions" => "automated decisions",
        "targeted_advertising" => "targeted advertising",
        "blocks" => "content",
        "updated" => "last-updated date",
        "jurisdictions" => "laws addressed",
        other => return other.replace('_', " "),
    }
    .to_owned()
}

// ─── Changes ───────────────────────────────────────────────────────────────

pub(crate) fn added(collection: &Collection, entity: &Entity, value: &Value) -> Change {
    let (class, reason) = match collection.added {
        Some(reason) => (Class::Material, reason),
        None => (Class::Editorial, "addition"),
    };
    Change {
        class,
        change: ChangeKind::Added,
        kind: collection.kind,
        id: entity.id.clone(),
        name: entity.name.clone(),
        field: None,
        old: None,
        new: Some(value.clone()),
        reason: reason.to_owned(),
        summary: format!("new {} `{}` “{}”", collection.kind, entity.id, entity.name),
        notice: collection.added_notice.replace("{}", &entity.name),
    }
}

pub(crate) fn removed(collection: &Collection, entity: &Entity, value: &Value) -> Change {
    let (class, reason) = match collection.removed {
        Some(reason) => (Class::Material, reason),
        None => (Class::Editorial, "removal"),
    };
    Change {
        class,
        change: ChangeKind::Removed,
        kind: collection.kind,
        id: entity.id.clone(),
        name: entity.name.clone(),
        field: None,
        old: Some(value.clone()),
        new: None,
        reason: reason.to_owned(),
        summary: format!(
            "removed {} `{}` “{}”",
            collection.kind, entity.id, entity.name
        ),
        notice: format!(
            "This policy no longer describes **{}** ({}).",
            entity.name, collection.kind
        ),
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
    };
    let name = &entity.name;
    let what = label(field);
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
    let what = label(field);
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
            .map(|id| names_collection(field).map_or_else(|| (*id).to_owned(), |c| names.of(c, id)))
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
            label(other)
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
