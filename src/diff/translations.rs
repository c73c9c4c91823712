//! What changed in the translations (issue 22), block by block: a
//! reworded translation is editorial; a block that the new version leaves
//! untranslated in a language it publishes (and the old one did not) is
//! material, since readers of that language lose it.

use serde_json::Value;

use super::{Change, ChangeKind, Class};
use crate::model::Policy;
use crate::model::translation::{Needs, needs_work};

/// The translation changes between two versions.
#[must_use]
pub(super) fn changes(old: &Policy, new: &Policy) -> Vec<Change> {
    let mut out = Vec::new();
    for translation in &new.translations {
        let locale = translation.locale;
        let Some(before) = old.translations.iter().find(|t| t.locale == locale) else {
            continue;
        };
        for entry in &translation.entries {
            let earlier = before
                .entries
                .iter()
                .find(|e| e.kind == entry.kind && e.id == entry.id && e.path == entry.path);
            let Some(earlier) = earlier else { continue };
            if earlier.text.trim() == entry.text.trim() {
                continue;
            }
            let address = format!("{} {} {}", entry.kind.keyword(), entry.id, entry.path);
            out.push(Change {
                class: Class::Editorial,
                change: ChangeKind::Changed,
                kind: "translation",
                id: format!("{locale}: {address}"),
                name: address.clone(),
                field: Some(entry.path.clone()),
                old: Some(Value::String(earlier.text.clone())),
                new: Some(Value::String(entry.text.clone())),
                reason: "wording".to_owned(),
                summary: format!("the `{locale}` translation of `{address}` was reworded"),
                notice: String::new(),
                law: None,
            });
        }
    }
    let missing = |policy: &Policy| -> Vec<(String, String)> {
        needs_work(policy)
            .into_iter()
            .filter_map(|n| match n {
                Needs::Missing { locale, block } => Some((
                    locale.tag().to_owned(),
                    format!("{} {} {}", block.kind.keyword(), block.id, block.path),
                )),
                Needs::Stale { .. } => None,
            })
            .collect()
    };
    let before = missing(old);
    for (tag, address) in missing(new) {
        let language = crate::locale::Locale::from_tag(&tag).map_or("", |l| l.endonym());
        if before.contains(&(tag.clone(), address.clone())) {
            continue;
        }
        out.push(Change {
            class: Class::Material,
            change: ChangeKind::Removed,
            kind: "translation",
            id: format!("{tag}: {address}"),
            name: address.clone(),
            field: None,
            old: None,
            new: None,
            reason: "a translation is missing".to_owned(),
            summary: format!(
                "`{address}` has no `{tag}` translation: readers of that language get it untranslated"
            ),
            notice: format!("Part of the {language} version of this notice is not translated yet."),
            law: None,
        });
    }
    out
}
