//! What the language server knows about the language's shape: the field
//! keywords of each declaration kind, what a field's words name (ids of
//! which kinds, or words of which closed set), and a doc line per field.
//!
//! This is the one place that reads those facts. Until the schema table
//! (`src/schema/`) exists, the keywords come from the formatter's field
//! order ([`crate::format::order`]), the closed sets from
//! [`crate::model::words`], the targets of references from a table here
//! that mirrors `resolve/lower.rs`, and the doc lines from the field table
//! of `docs/language.md`. Moving to the schema changes this file only.

use crate::format::order::{block_fields as order_block_fields, declaration_fields};
use crate::model::words::{
    Art9Condition, CcpaLetter, GeneratorKind, Jurisdiction, LawfulBasis, RecipientKind, Region,
    RightKind, RuleLevel, Safeguard, SensitiveKind, SourceKind, SpecialCategory, Word, YesNo,
};
use crate::syntax::tree::DeclKind;

/// What the words of a field's argument name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Ids of declarations of these kinds.
    Ids(&'static [DeclKind]),
    /// Words of a closed set: what the set is called, and its words.
    Words(&'static str, &'static [&'static str]),
    /// Text, numbers, dates or nothing to complete.
    Other,
}

const fn words<W: Word>() -> Target {
    Target::Words(W::WHAT, W::WORDS)
}

/// The field keywords of a declaration kind.
pub(crate) fn fields(kind: DeclKind) -> &'static [&'static str] {
    match kind {
        DeclKind::Section => &["text", "insert"],
        DeclKind::Rules => RuleLevel::WORDS,
        other => declaration_fields(other).unwrap_or(&[]),
    }
}

/// The field keywords of a nested block opened by the field `key`.
pub(crate) fn block_fields(key: &str) -> &'static [&'static str] {
    order_block_fields(key).unwrap_or(&[])
}

/// The keywords that declare something.
pub(crate) fn declaration_keywords() -> impl Iterator<Item = &'static str> {
    DeclKind::ALL.iter().map(|k| k.keyword())
}

/// Whether two kinds share a namespace of ids (`dataset` and `processing`).
pub(crate) fn same_namespace(a: DeclKind, b: DeclKind) -> bool {
    let ns = |k| match k {
        DeclKind::Processing => DeclKind::Dataset,
        other => other,
    };
    ns(a) == ns(b)
}

/// Where in a field a word is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot<'a> {
    /// The field's `index`-th argument (0-based); `first` is the first
    /// argument's word when there is one.
    Arg {
        /// The argument's position.
        index: usize,
        /// The first argument, which decides for `insert`.
        first: Option<&'a str>,
    },
    /// After a clause keyword: `for`, `same_as`.
    Clause(&'a str),
}

/// What the words at `slot` of the field `key` name, in a declaration of
/// `kind` (`block` is the field whose block holds the field, if any).
pub(crate) fn target(kind: DeclKind, block: Option<&str>, key: &str, slot: Slot<'_>) -> Target {
    use DeclKind as K;
    if block == Some("basis") {
        return match key {
            "special" => words::<Art9Condition>(),
            _ => Target::Other,
        };
    }
    if block.is_some() {
        return Target::Other;
    }
    let (index, first) = match slot {
        Slot::Clause("for") => return Target::Ids(&[K::Purpose]),
        Slot::Clause("same_as") => return Target::Ids(&[K::Ccpa]),
        Slot::Clause(_) => return Target::Other,
        Slot::Arg { index, first } => (index, first),
    };
    match (kind, key) {
        (_, "basis") if index == 0 => words::<LawfulBasis>(),
        (K::Rights, "right") if index == 0 => words::<RightKind>(),
        (K::Children, "age") if index == 0 => words::<Region>(),
        (K::Section, "insert") if index == 0 => words::<GeneratorKind>(),
        (K::Section, "insert") => match first {
            Some("definitions") => Target::Ids(&[K::Definition]),
            Some("processing") => Target::Ids(&[K::Dataset]),
            Some("methods") => Target::Ids(&[K::Method]),
            Some("rights") => Target::Ids(&[K::Rights]),
            Some("retention") => Target::Ids(&[K::Retention]),
            Some("contacts") => Target::Ids(&[K::Contact]),
            _ => Target::Other,
        },
        (K::Rules, "allow" | "warn" | "deny") => Target::Other,
        (_, "basis" | "right" | "age" | "insert") => Target::Other,
        (K::Policy, "jurisdictions") | (K::Rights, "jurisdiction") => words::<Jurisdiction>(),
        (K::Policy, "outline") => Target::Ids(&[K::Section]),
        (K::Controller, "contacts" | "dpo" | "representative") | (K::Rights, "request_methods") => {
            Target::Ids(&[K::Contact])
        }
        (K::Item | K::Ccpa, "ccpa" | "statutory") => words::<CcpaLetter>(),
        (K::Item, "special") => words::<SpecialCategory>(),
        (K::Item, "sensitive") => words::<SensitiveKind>(),
        (K::Source, "kind") => words::<SourceKind>(),
        (K::Recipient | K::ThirdParty | K::Vendor, "kind") => words::<RecipientKind>(),
        (K::Transfer, "from") => words::<Region>(),
        (K::Transfer, "safeguards") => words::<Safeguard>(),
        (
            _,
            "public"
            | "marketing"
            | "profiling"
            | "automated_decisions"
            | "targeted_advertising"
            | "required"
            | "sold"
            | "shared"
            | "disclosed"
            | "online_only"
            | "numbered",
        ) => words::<YesNo>(),
        (K::Method | K::Dataset | K::Processing | K::Ccpa, "sources") => Target::Ids(&[K::Source]),
        (K::Dataset | K::Processing, "subjects") => Target::Ids(&[K::Subject]),
        (K::Dataset | K::Processing | K::Ccpa, "collects" | "items") => Target::Ids(&[K::Item]),
        (K::Dataset | K::Processing, "methods") => Target::Ids(&[K::Method]),
        (K::Dataset | K::Processing | K::Cookie | K::Ccpa, "purposes") => {
            Target::Ids(&[K::Purpose])
        }
        (K::Dataset | K::Processing | K::Ccpa, "retention") => Target::Ids(&[K::Retention]),
        (K::Dataset | K::Processing, "recipients") | (K::ThirdParty | K::Vendor, "recipient") => {
            Target::Ids(&[K::Recipient])
        }
        (K::Dataset | K::Processing, "transfers") => Target::Ids(&[K::Transfer]),
        (K::Recipient, "datasets") => Target::Ids(&[K::Dataset]),
        (K::Cookie, "vendors") => Target::Ids(&[K::Vendor]),
        (K::Retention, "applies_to") => Target::Ids(&[K::Dataset, K::Ccpa]),
        (K::Ccpa, "third_parties") => Target::Ids(&[K::ThirdParty]),
        _ => Target::Other,
    }
}

/// The field table of the language reference.
const LANGUAGE: &str = include_str!("../../docs/language.md");

/// The doc line of the field `key` of a declaration of `kind`: its entry in
/// the field table of `docs/language.md`, when the table has one.
pub(crate) fn doc(kind: DeclKind, key: &str) -> Option<String> {
    let head = format!("| `{} ", kind.keyword());
    let alt = format!("/ `{} ", kind.keyword());
    let bare = format!("| `{}` ", kind.keyword());
    let row = LANGUAGE.lines().find(|l| {
        l.starts_with(&head) || l.starts_with(&bare) || (l.starts_with("| `") && l.contains(&alt))
    })?;
    let cells: Vec<&str> = row.split(" | ").collect();
    let fields = cells.get(1)?.trim_end_matches(" |").trim();
    entries(fields)
        .into_iter()
        .find(|e| {
            let word = e.trim_start_matches('`');
            word.strip_prefix(key)
                .is_some_and(|rest| rest.starts_with([' ', '`']))
        })
        .map(str::to_owned)
}

/// Splits a cell of the field table at the commas between entries: those
/// outside backticks and brackets.
fn entries(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut tick, mut depth, mut start) = (false, 0_i32, 0);
    for (i, c) in cell.char_indices() {
        match c {
            '`' => tick = !tick,
            '(' | '[' if !tick => depth += 1,
            ')' | ']' if !tick => depth -= 1,
            ',' if !tick && depth == 0 => {
                out.push(cell[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(cell[start..].trim());
    out.retain(|e| !e.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_lines_come_from_the_language_table() {
        assert_eq!(
            doc(DeclKind::Policy, "numbered").as_deref(),
            Some("`numbered yes` (number headed sections `1.`, `2.`)")
        );
        assert_eq!(
            doc(DeclKind::Dataset, "collects").as_deref(),
            Some("`collects item, ...`")
        );
        assert_eq!(
            doc(DeclKind::Processing, "collects").as_deref(),
            Some("`collects item, ...`")
        );
        assert!(doc(DeclKind::Item, "nonsense").is_none());
    }

    #[test]
    fn targets_follow_the_resolver() {
        let arg0 = Slot::Arg {
            index: 0,
            first: None,
        };
        assert_eq!(
            target(DeclKind::Dataset, None, "collects", arg0),
            Target::Ids(&[DeclKind::Item])
        );
        assert_eq!(
            target(DeclKind::Dataset, None, "basis", Slot::Clause("for")),
            Target::Ids(&[DeclKind::Purpose])
        );
        assert!(matches!(
            target(DeclKind::Dataset, None, "basis", arg0),
            Target::Words("lawful basis", _)
        ));
        let after = Slot::Arg {
            index: 1,
            first: Some("rights"),
        };
        assert_eq!(
            target(DeclKind::Section, None, "insert", after),
            Target::Ids(&[DeclKind::Rights])
        );
    }
}
