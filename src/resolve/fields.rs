//! Reading a declaration's fields: the resolution context and the field
//! reader that notices unknown, repeated and missing fields.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::model::words::Word;
use crate::model::{FieldSpans, PolicyDate, Ref};
use crate::source::{Span, Spanned};
use crate::suggest::closest;
use crate::syntax::tree::{Arg, Field};

use super::symbols::{Namespace, SymbolTable};
use super::{
    DUPLICATE_FIELD, INVALID_VALUE, MISSING_FIELD, UNKNOWN_KEYWORD, UNKNOWN_REFERENCE, WRONG_KIND,
};

/// What every lowering step shares: the symbol table, the diagnostics, and
/// the set of declarations something used.
pub(crate) struct Cx<'a> {
    pub table: &'a SymbolTable,
    pub broken_ids: &'a [String],
    pub diagnostics: &'a mut Vec<Diagnostic>,
    pub used: HashSet<(Namespace, usize)>,
}

impl Cx<'_> {
    /// Reports a problem.
    pub(crate) fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Marks every declaration of a namespace as used (a generator that
    /// lists them all).
    pub(crate) fn use_all(&mut self, ns: Namespace) {
        for index in 0..self.table.count(ns) {
            self.used.insert((ns, index));
        }
    }

    /// Resolves a name that must be declared in `ns`.
    pub(crate) fn reference<T>(&mut self, ns: Namespace, name: &Spanned<String>) -> Option<Ref<T>> {
        if let Some(symbol) = self.table.get(ns, &name.node) {
            self.used.insert((ns, symbol.index));
            return Some(Ref::new(name.node.clone(), symbol.index, name.span));
        }
        if self.broken_ids.contains(&name.node) {
            return None;
        }
        let elsewhere = self.table.elsewhere(ns, &name.node);
        if let Some((other, symbol)) = elsewhere.first() {
            self.report(
                Diagnostic::error(
                    WRONG_KIND,
                    name.span,
                    format!(
                        "`{}` is {}, but {} is expected here",
                        name.node,
                        other.noun(),
                        ns.noun()
                    ),
                )
                .with_label(format!("expected {}", ns.noun()))
                .with_secondary(symbol.span, format!("`{}` is declared here", name.node))
                .with_help(format!(
                    "name {} here, or declare one with `{} {} \"...\"`",
                    ns.noun(),
                    ns.keyword(),
                    name.node
                )),
            );
            return None;
        }
        let names = self.table.names(ns);
        let help = match closest(&name.node, names.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("declare it with `{} {} \"...\"`", ns.keyword(), name.node),
        };
        let noun = ns.noun();
        let bare = noun.split_once(' ').map_or(noun, |(_, rest)| rest);
        self.report(
            Diagnostic::error(
                UNKNOWN_REFERENCE,
                name.span,
                format!("there is no {bare} called `{}`", name.node),
            )
            .with_label("not declared")
            .with_help(help),
        );
        None
    }

    /// Resolves a list of names in `ns`, keeping those that resolve.
    pub(crate) fn references<T>(
        &mut self,
        ns: Namespace,
        names: &[Spanned<String>],
    ) -> Vec<Ref<T>> {
        names.iter().filter_map(|n| self.reference(ns, n)).collect()
    }

    /// Reads a word of a closed set.
    pub(crate) fn word<W: Word>(&mut self, word: &Spanned<String>) -> Option<W> {
        if let Some(w) = W::from_word(&word.node) {
            return Some(w);
        }
        let list = W::WORDS
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match closest(&word.node, W::WORDS.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? The choices are {list}"),
            None => format!("the choices are {list}"),
        };
        self.report(
            Diagnostic::error(
                INVALID_VALUE,
                word.span,
                format!("`{}` is not a {}", word.node, W::WHAT),
            )
            .with_label("not allowed here")
            .with_help(help),
        );
        None
    }

    /// Reads a date.
    pub(crate) fn date(&mut self, text: &Spanned<String>) -> Option<PolicyDate> {
        let date = PolicyDate::parse(&text.node);
        if date.is_none() {
            self.report(
                Diagnostic::error(
                    INVALID_VALUE,
                    text.span,
                    format!("`{}` is not a valid date", text.node),
                )
                .with_help("write a month as `2023-01` or a day as `2023-01-15`"),
            );
        }
        date
    }

    /// Reads a whole number that fits in 32 bits.
    pub(crate) fn number(&mut self, text: &Spanned<String>) -> Option<u32> {
        let n = text.node.parse::<u32>().ok();
        if n.is_none() {
            self.report(
                Diagnostic::error(
                    INVALID_VALUE,
                    text.span,
                    format!("`{}` is too large a number", text.node),
                )
                .with_help("use a number below 4294967296"),
            );
        }
        n
    }
}

/// Reads the fields of one block, remembering which keys were asked for so
/// that the rest can be reported as unknown with a suggestion.
pub(crate) struct Reader<'f> {
    fields: &'f [Field],
    taken: Vec<bool>,
    known: Vec<&'static str>,
    /// "a data set": for messages.
    what: &'static str,
    /// Where each field was written.
    pub spans: FieldSpans,
}

impl<'f> Reader<'f> {
    pub(crate) fn new(fields: &'f [Field], what: &'static str) -> Self {
        Reader {
            fields,
            taken: vec![false; fields.len()],
            known: Vec::new(),
            what,
            spans: FieldSpans::default(),
        }
    }

    /// Every occurrence of a repeatable field.
    pub(crate) fn all(&mut self, key: &'static str) -> Vec<&'f Field> {
        self.known.push(key);
        let mut out = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            if f.known && f.key.node == key {
                self.taken[i] = true;
                out.push(f);
            }
        }
        if let Some(first) = out.first() {
            self.spans.insert(key, first.span);
        }
        out
    }

    /// The one occurrence of a field; a repeat is reported.
    pub(crate) fn one(&mut self, cx: &mut Cx<'_>, key: &'static str) -> Option<&'f Field> {
        self.known.push(key);
        let mut first: Option<&'f Field> = None;
        let mut again: Option<&'f Field> = None;
        for (i, f) in self.fields.iter().enumerate() {
            if f.known && f.key.node == key {
                self.taken[i] = true;
                if first.is_none() {
                    first = Some(f);
                } else if again.is_none() {
                    again = Some(f);
                }
            }
        }
        if let Some(f) = first {
            self.spans.insert(key, f.span);
        }
        if let (Some(first), Some(again)) = (first, again) {
            cx.report(
                Diagnostic::error(
                    DUPLICATE_FIELD,
                    again.key.span,
                    format!("`{key}` is given more than once in {}", self.what),
                )
                .with_label("given again here")
                .with_secondary(first.key.span, "first given here")
                .with_help(format!(
                    "keep one `{key}`; to list several values, separate them with commas"
                )),
            );
        }
        first
    }

    /// Text of a field's first text argument.
    pub(crate) fn text(&mut self, cx: &mut Cx<'_>, key: &'static str) -> Option<String> {
        self.one(cx, key).and_then(first_text).map(|t| t.node)
    }

    /// A single word argument.
    pub(crate) fn ident(&mut self, cx: &mut Cx<'_>, key: &'static str) -> Option<Spanned<String>> {
        self.one(cx, key).and_then(first_ident)
    }

    /// A list argument (a single word counts as a list of one).
    pub(crate) fn list(&mut self, cx: &mut Cx<'_>, key: &'static str) -> &'f [Spanned<String>] {
        self.one(cx, key).map(first_list).unwrap_or_default()
    }

    /// A closed-set word.
    pub(crate) fn word<W: Word>(&mut self, cx: &mut Cx<'_>, key: &'static str) -> Option<W> {
        let w = self.ident(cx, key)?;
        cx.word(&w)
    }

    /// `yes` / `no`.
    pub(crate) fn yes_no(&mut self, cx: &mut Cx<'_>, key: &'static str) -> Option<bool> {
        self.word::<crate::model::words::YesNo>(cx, key)
            .map(|y| y.0)
    }

    /// Reports a missing required field at `at`.
    pub(crate) fn require(&self, cx: &mut Cx<'_>, key: &'static str, at: Span, example: &str) {
        if self.spans.get(key).is_none() {
            cx.report(
                Diagnostic::error(MISSING_FIELD, at, format!("{} needs `{key}`", self.what))
                    .with_label(format!("no `{key}` here"))
                    .with_help(format!("add a line such as `{example}`")),
            );
        }
    }

    /// Reports every field nobody asked for.
    pub(crate) fn finish(self, cx: &mut Cx<'_>) -> FieldSpans {
        for (i, f) in self.fields.iter().enumerate() {
            if self.taken[i] {
                continue;
            }
            let help = match closest(&f.key.node, self.known.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the fields of {} are {}",
                    self.what,
                    self.known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            cx.report(
                Diagnostic::error(
                    UNKNOWN_KEYWORD,
                    f.key.span,
                    format!("`{}` is not a field of {}", f.key.node, self.what),
                )
                .with_label("unknown field")
                .with_help(help),
            );
        }
        self.spans
    }
}

/// The first text argument of a field.
pub(crate) fn first_text(field: &Field) -> Option<Spanned<String>> {
    field.args.iter().find_map(|a| match a {
        Arg::Text(t) => Some(Spanned::new(t.node.value.clone(), t.span)),
        _ => None,
    })
}

/// The first word argument of a field.
pub(crate) fn first_ident(field: &Field) -> Option<Spanned<String>> {
    field.args.iter().find_map(|a| match a {
        Arg::Ident(w) => Some(w.clone()),
        _ => None,
    })
}

/// The first list argument of a field.
pub(crate) fn first_list(field: &Field) -> &[Spanned<String>] {
    field
        .args
        .iter()
        .find_map(|a| match a {
            Arg::List(items) => Some(items.as_slice()),
            Arg::Ident(w) => Some(std::slice::from_ref(w)),
            _ => None,
        })
        .unwrap_or_default()
}

/// Whether a field carries a flag such as `toll_free`.
pub(crate) fn has_flag(field: &Field, flag: &str) -> bool {
    field
        .args
        .iter()
        .any(|a| matches!(a, Arg::Flag(f) if f.node == flag))
}

/// The value of a clause such as `for a, b` or `when "..."`.
pub(crate) fn clause<'f>(field: &'f Field, keyword: &str) -> Option<&'f Arg> {
    field.args.iter().find_map(|a| match a {
        Arg::Clause(k, v) if k.node == keyword => Some(v.as_ref()),
        _ => None,
    })
}
