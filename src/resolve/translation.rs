//! Lowering a `translation` declaration (issue 22): its language and its
//! entries, as written. Whether each entry names a block that exists, and
//! whether it is stale, is for `check::translations`, which sees the whole
//! model.

use crate::diagnostic::Diagnostic;
use crate::diagnostic::code::{DUPLICATE_ID, INVALID_VALUE, MISSING_FIELD};
use crate::locale::Locale;
use crate::model::translation::{Translation, TranslationEntry};
use crate::suggest::closest;
use crate::syntax::tree::{Arg, DeclKind, Declaration};

use super::fields::Cx;

/// The translation a declaration states, or `None` (with a diagnostic)
/// when its language is not one candor writes or is translated twice.
pub(super) fn lower(
    cx: &mut Cx<'_>,
    decl: &Declaration,
    earlier: &[Translation],
) -> Option<Translation> {
    let Some(tag) = &decl.id else {
        cx.diagnostics.push(
            Diagnostic::error(MISSING_FIELD, decl.span, "a translation needs its language")
                .with_help("write it as `translation de { ... }`"),
        );
        return None;
    };
    let Some(locale) = Locale::from_tag(&tag.node).filter(|l| l.tag() == tag.node) else {
        let help = match closest(&tag.node, Locale::ALL.iter().map(|l| l.tag())) {
            Some(s) => format!("did you mean `{s}`? candor writes {}", Locale::known()),
            None => format!("candor writes {}", Locale::known()),
        };
        cx.diagnostics.push(
            Diagnostic::error(
                INVALID_VALUE,
                tag.span,
                format!("`{}` is not a language candor writes", tag.node),
            )
            .with_label("not a language of candor's catalogues")
            .with_help(help),
        );
        return None;
    };
    if earlier.iter().any(|t| t.locale == locale) {
        cx.diagnostics.push(
            Diagnostic::error(
                DUPLICATE_ID,
                tag.span,
                format!("the `{locale}` translation is declared twice"),
            )
            .with_label("a second translation of the same language")
            .with_help("keep one `translation` per language"),
        );
        return None;
    }
    let mut entries = Vec::with_capacity(decl.fields.len());
    for field in &decl.fields {
        let words: Vec<&str> = DeclKind::ALL.iter().map(|k| k.keyword()).collect();
        let Some(kind) = DeclKind::ALL
            .into_iter()
            .find(|k| k.keyword() == field.key.node)
        else {
            let help = match closest(&field.key.node, words.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "an entry starts with the kind of the translated declaration: `dataset`, `section`, ...".to_owned(),
            };
            cx.diagnostics.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    field.key.span,
                    format!("`{}` is not a kind of declaration", field.key.node),
                )
                .with_label("not a kind of declaration")
                .with_help(help),
            );
            continue;
        };
        let mut idents = field.args.iter().filter_map(|a| match a {
            Arg::Ident(w) => Some(w),
            _ => None,
        });
        let (Some(id), Some(path)) = (idents.next(), idents.next()) else {
            continue; // the grammar asks for both
        };
        let fingerprint = field.args.iter().find_map(|a| match a {
            Arg::Code(c) => Some((c.node.trim_start_matches('@').to_ascii_lowercase(), c.span)),
            _ => None,
        });
        let text = field.args.iter().find_map(|a| match a {
            Arg::Text(t) => Some(t.node.value.clone()),
            _ => None,
        });
        let (Some((fingerprint, fingerprint_span)), Some(text)) = (fingerprint, text) else {
            continue;
        };
        entries.push(TranslationEntry {
            kind,
            id: id.node.clone(),
            path: path.node.clone(),
            fingerprint,
            fingerprint_span,
            text,
            span: field.span,
        });
    }
    Some(Translation {
        locale,
        span: tag.span,
        entries,
    })
}
