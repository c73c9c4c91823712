//! What the language server knows about the language's shape: the field
//! keywords of each declaration kind, what a field's words name (ids of
//! which kinds, or words of which closed set), and a doc line per field.
//!
//! This is the one place that reads those facts, all from the schema table
//! ([`crate::schema`]): the kinds' fields and their shapes and docs. The
//! closed sets that a shape implies rather than names (lawful bases for
//! `basis`, rights, regions, generators) come from [`crate::model::words`].

use crate::model::words::{
    GeneratorKind, Jurisdiction, LawfulBasis, Region, RightKind, Word, YesNo,
};
use crate::schema::{self, FieldSpec, Shape};
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

/// Every kind, so that one kind can be handed out as a `'static` slice.
static KINDS: [DeclKind; 23] = DeclKind::ALL;

/// The ids of one kind.
fn ids(kind: DeclKind) -> Target {
    match KINDS.iter().position(|k| *k == kind) {
        Some(i) => Target::Ids(std::slice::from_ref(&KINDS[i])),
        None => Target::Other,
    }
}

/// The written fields of a declaration kind.
fn specs(kind: DeclKind) -> impl Iterator<Item = &'static FieldSpec> {
    schema::kind(kind)
        .into_iter()
        .flat_map(|spec| spec.written_fields())
}

/// The field keywords of a declaration kind, in the schema's order.
pub(crate) fn fields(kind: DeclKind) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = specs(kind).map(|f| f.keyword).collect();
    out.dedup();
    out
}

/// The field keywords of a nested block opened by the field `key`.
pub(crate) fn block_fields(key: &str) -> Vec<&'static str> {
    schema::block(key)
        .unwrap_or(&[])
        .iter()
        .filter(|f| f.is_written())
        .map(|f| f.keyword)
        .collect()
}

/// The keywords that declare something.
pub(crate) fn declaration_keywords() -> impl Iterator<Item = &'static str> {
    DeclKind::ALL.iter().map(|k| k.keyword())
}

/// Whether two kinds share a namespace of ids (`dataset` and `processing`).
pub(crate) fn same_namespace(a: DeclKind, b: DeclKind) -> bool {
    let ns = |k| schema::kind(k).map_or(k, |spec| spec.namespace);
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

/// The language codes offered for a list of languages: English and the
/// five languages California's Civil Code §1632 names for contracts
/// negotiated in them (Spanish, Chinese, Tagalog, Vietnamese, Korean),
/// then the others candor writes. Any ISO 639 code is accepted; these are
/// suggestions.
const LANGUAGES: &[&str] = &[
    "en", "es", "zh", "tl", "vi", "ko", "de", "fr", "it", "nl", "pt",
];

/// The spec of the field `key` of a declaration of `kind`, or of the block
/// of the field `block`.
fn spec(kind: DeclKind, block: Option<&str>, key: &str) -> Option<&'static FieldSpec> {
    match block {
        Some(b) => schema::block(b)?.iter().find(|f| f.keyword == key),
        None => specs(kind).find(|f| f.keyword == key),
    }
}

/// What the words at `slot` of the field `key` name, in a declaration of
/// `kind` (`block` is the field whose block holds the field, if any).
pub(crate) fn target(kind: DeclKind, block: Option<&str>, key: &str, slot: Slot<'_>) -> Target {
    let Some(field) = spec(kind, block, key) else {
        return Target::Other;
    };
    let (index, first) = match slot {
        Slot::Clause("for") if matches!(field.shape, Shape::Basis | Shape::Consent) => {
            return ids(DeclKind::Purpose);
        }
        Slot::Clause("under") if field.shape == Shape::Consent => {
            return words::<Jurisdiction>();
        }
        Slot::Clause("same_as") if field.shape == Shape::ThirdParties => {
            return ids(DeclKind::Ccpa);
        }
        Slot::Clause(_) => return Target::Other,
        Slot::Arg { index, first } => (index, first),
    };
    match (field.shape, index) {
        (Shape::Word { what, words } | Shape::Words { what, words }, _) => {
            Target::Words(what, words)
        }
        (Shape::YesNo | Shape::Requirement, 0) => words::<YesNo>(),
        (Shape::Ref(k) | Shape::Refs(k), _) => ids(k),
        (Shape::ThirdParties, _) => ids(DeclKind::ThirdParty),
        (Shape::RetentionTargets, _) => Target::Ids(&[DeclKind::Dataset, DeclKind::Ccpa]),
        (Shape::Basis, 0) => words::<LawfulBasis>(),
        (Shape::Right, 0) => words::<RightKind>(),
        (Shape::Age, 0) => words::<Region>(),
        (Shape::Languages, _) => Target::Words("language", LANGUAGES),
        (Shape::Insert, 0) => words::<GeneratorKind>(),
        (Shape::Insert, _) => match first {
            Some("definitions") => ids(DeclKind::Definition),
            Some("processing") => ids(DeclKind::Dataset),
            Some("methods") => ids(DeclKind::Method),
            Some("rights" | "requests") => ids(DeclKind::Rights),
            Some("retention") => ids(DeclKind::Retention),
            Some("contacts") => ids(DeclKind::Contact),
            _ => Target::Other,
        },
        _ => Target::Other,
    }
}

/// The doc line of the field `key` of a declaration of `kind` (inside the
/// block of the field `block`, if any), from the schema.
pub(crate) fn doc(kind: DeclKind, block: Option<&str>, key: &str) -> Option<String> {
    let field = spec(kind, block, key)?;
    Some(format!(
        "`{key}`: {} ({})",
        field.doc(),
        field.shape.syntax()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_languages_offers_language_codes() {
        let slot = Slot::Arg {
            index: 1,
            first: Some("en"),
        };
        let languages = target(DeclKind::Controller, None, "consumer_languages", slot);
        assert!(
            matches!(languages, Target::Words("language", words) if words.contains(&"es") && words.contains(&"zh")),
            "{languages:?}"
        );
        // `serves` is a list of regions, as `established` is.
        let serves = target(DeclKind::Controller, None, "serves", slot);
        assert!(
            matches!(serves, Target::Words("region", words) if words.contains(&"quebec")),
            "{serves:?}"
        );
    }

    #[test]
    fn doc_lines_come_from_the_schema() {
        let numbered = doc(DeclKind::Policy, None, "numbered").unwrap_or_default();
        assert!(
            numbered.starts_with("`numbered`: whether headed sections"),
            "{numbered}"
        );
        let collects = doc(DeclKind::Processing, None, "collects").unwrap_or_default();
        assert_eq!(Some(collects), doc(DeclKind::Dataset, None, "collects"));
        assert!(doc(DeclKind::Dataset, Some("basis"), "interest").is_some());
        assert!(doc(DeclKind::Item, None, "nonsense").is_none());
    }

    #[test]
    fn fields_per_kind() {
        assert!(fields(DeclKind::Dataset).contains(&"collects"));
        assert!(!fields(DeclKind::Dataset).contains(&"statutory"));
        assert_eq!(fields(DeclKind::Rules), vec!["allow", "warn", "deny"]);
        assert!(block_fields("basis").contains(&"special"));
    }

    #[test]
    fn targets_follow_the_schema() {
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
        assert!(matches!(
            target(DeclKind::Dataset, Some("basis"), "special", arg0),
            Target::Words(_, _)
        ));
        let after = Slot::Arg {
            index: 1,
            first: Some("rights"),
        };
        assert_eq!(
            target(DeclKind::Section, None, "insert", after),
            Target::Ids(&[DeclKind::Rights])
        );
        assert_eq!(
            target(
                DeclKind::Ccpa,
                None,
                "third_parties",
                Slot::Clause("same_as")
            ),
            Target::Ids(&[DeclKind::Ccpa])
        );
    }
}
