//! Reading a declaration's fields: the resolution context and the field
//! reader that notices unknown, repeated and missing fields.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::model::words::{Word, YesNo};
use crate::model::{PolicyDate, Ref};
use crate::schema::{self, Declared, FieldSpec, Shape};
use crate::source::{Span, Spanned};
use crate::suggest::closest;
use crate::syntax::tree::{Arg, Declaration, Field};

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
    /// When lowering for the language server, what the declarations looked
    /// up in the symbol table (see [`super::incremental`]).
    pub lookups: Option<Lookups>,
}

/// The names one file's declarations looked up, and what each resolved to,
/// so that the file's lowering can be kept while the answers stay the same.
#[derive(Debug, Default)]
pub(crate) struct Lookups {
    /// Each name looked up, and the position it resolved to.
    pub names: Vec<(Namespace, String, Option<usize>)>,
    /// Whether the lowering read more of the table than single names (a
    /// reference that failed reads the whole namespace for a suggestion, a
    /// declaration named elsewhere, the broken ids): such a file is lowered
    /// again on every analysis.
    pub volatile: bool,
}

impl<'a> Cx<'a> {
    /// A context that records nothing beyond the diagnostics and uses.
    pub(crate) fn new(
        table: &'a SymbolTable,
        broken_ids: &'a [String],
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Cx {
            table,
            broken_ids,
            diagnostics,
            used: HashSet::new(),
            lookups: None,
        }
    }
}

impl Cx<'_> {
    /// The declaration called `name` in `ns`, recorded when lookups are.
    pub(crate) fn lookup(&mut self, ns: Namespace, name: &str) -> Option<super::symbols::Symbol> {
        let symbol = self.table.get(ns, name);
        if let Some(log) = &mut self.lookups {
            log.names
                .push((ns, name.to_owned(), symbol.map(|s| s.index)));
        }
        symbol
    }

    /// Notes that the lowering read the table beyond single names.
    pub(crate) fn read_whole_table(&mut self) {
        if let Some(log) = &mut self.lookups {
            log.volatile = true;
        }
    }

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
        if let Some(symbol) = self.lookup(ns, &name.node) {
            self.used.insert((ns, symbol.index));
            return Some(Ref::new(name.node.clone(), symbol.index, name.span));
        }
        self.read_whole_table();
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

/// Reads the fields of one declaration or block against its spec in the
/// schema, so that what is left over, repeated or missing is reported from
/// the one table of the language rather than from each kind's code.
pub(crate) struct Reader<'f> {
    fields: &'f [Field],
    spec: &'static [FieldSpec],
    /// "a data set": for messages.
    what: &'static str,
    taken: Vec<bool>,
}

impl<'f> Reader<'f> {
    /// The reader of a declaration's fields.
    pub(crate) fn for_declaration(decl: &'f Declaration) -> Self {
        let (spec, what) =
            schema::kind(decl.kind.node).map_or((&[][..], "a declaration"), |k| (k.fields, k.noun));
        Reader::new(&decl.fields, spec, what)
    }

    /// The reader of a nested block (`basis ... { }`).
    pub(crate) fn new(fields: &'f [Field], spec: &'static [FieldSpec], what: &'static str) -> Self {
        Reader {
            fields,
            spec,
            what,
            taken: vec![false; fields.len()],
        }
    }

    fn spec_of(&self, key: &str) -> Option<&'static FieldSpec> {
        self.spec
            .iter()
            .find(|f| f.is_written() && f.keyword == key)
    }

    /// Every occurrence of a field, marked as read. `key` must be a field
    /// of the spec: asking for another is a bug in candor, not in the
    /// policy, and the tests (which lower every keyword) would catch it.
    pub(crate) fn take(&mut self, key: &'static str) -> Vec<&'f Field> {
        debug_assert!(
            self.spec_of(key).is_some(),
            "`{key}` is not in the schema of {}",
            self.what
        );
        let mut out = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            if f.known && f.key.node == key {
                self.taken[i] = true;
                out.push(f);
            }
        }
        out
    }

    /// Every occurrence of a field, without marking it as read (for a
    /// model field derived from one that another line reads).
    pub(crate) fn peek(&self, key: &'static str) -> Vec<&'f Field> {
        self.fields
            .iter()
            .filter(|f| f.known && f.key.node == key)
            .collect()
    }

    /// The first occurrence of a field (a repeat is reported by
    /// [`Reader::finish`]).
    pub(crate) fn one(&mut self, key: &'static str) -> Option<&'f Field> {
        self.take(key).into_iter().next()
    }

    /// Where a field is first written.
    pub(crate) fn span_of(&self, key: &'static str) -> Option<Span> {
        self.fields
            .iter()
            .find(|f| f.known && f.key.node == key)
            .map(|f| f.span)
    }

    /// Text of a field's first text argument.
    pub(crate) fn text(&mut self, key: &'static str) -> Option<String> {
        self.one(key).and_then(first_text).map(|t| t.node)
    }

    /// Reports what the spec says is wrong with the fields as written:
    /// unknown fields (with did-you-mean), a field given twice where it
    /// may appear once, and required fields that are missing (at `at`).
    pub(crate) fn finish(self, cx: &mut Cx<'_>, at: Span) {
        let mut seen: Vec<(&str, Span)> = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            let spec = if f.known {
                self.spec_of(&f.key.node)
            } else {
                None
            };
            let Some(spec) = spec.filter(|_| self.taken[i]) else {
                self.unknown(cx, f);
                continue;
            };
            if spec.repeats {
                continue;
            }
            match seen.iter().find(|(k, _)| *k == spec.keyword) {
                Some((_, first)) => cx.report(
                    Diagnostic::error(
                        DUPLICATE_FIELD,
                        f.key.span,
                        format!(
                            "`{}` is given more than once in {}",
                            spec.keyword, self.what
                        ),
                    )
                    .with_label("given again here")
                    .with_secondary(*first, "first given here")
                    .with_help(format!(
                        "keep one `{}`; to list several values, separate them with commas",
                        spec.keyword
                    )),
                ),
                None => seen.push((spec.keyword, f.key.span)),
            }
        }
        for spec in self.spec {
            if let Some(example) = spec.required
                && !seen.iter().any(|(k, _)| *k == spec.keyword)
            {
                cx.report(
                    Diagnostic::error(
                        MISSING_FIELD,
                        at,
                        format!("{} needs `{}`", self.what, spec.keyword),
                    )
                    .with_label(format!("no `{}` here", spec.keyword))
                    .with_help(format!("add a line such as `{example}`")),
                );
            }
        }
    }

    fn unknown(&self, cx: &mut Cx<'_>, f: &Field) {
        let known = || {
            self.spec
                .iter()
                .filter(|s| s.is_written())
                .map(|s| s.keyword)
        };
        let help = match closest(&f.key.node, known()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "the fields of {} are {}",
                self.what,
                known()
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
}

/// A model type that a field's arguments lower to, with the shape the
/// schema records for it: the type of a model field decides how its
/// keyword is read.
pub(crate) trait FromField: Sized {
    /// How the arguments are written.
    const SHAPE: Shape;
    /// Lowers every occurrence of the field (usually none or one).
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self;
}

impl FromField for Option<String> {
    const SHAPE: Shape = Shape::Text;
    fn read(_: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields.first().and_then(|f| first_text(f)).map(|t| t.node)
    }
}

impl<W: Word> FromField for Option<W> {
    const SHAPE: Shape = Shape::Word {
        what: W::WHAT,
        words: W::WORDS,
    };
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        let word = fields.first().and_then(|f| first_ident(f))?;
        cx.word(&word)
    }
}

impl<W: Word> FromField for Vec<W> {
    const SHAPE: Shape = Shape::Words {
        what: W::WHAT,
        words: W::WORDS,
    };
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields
            .first()
            .map(|f| first_list(f))
            .unwrap_or_default()
            .iter()
            .filter_map(|w| cx.word::<W>(w))
            .collect()
    }
}

impl FromField for Vec<String> {
    const SHAPE: Shape = Shape::Ids;
    fn read(_: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields
            .first()
            .map(|f| first_list(f))
            .unwrap_or_default()
            .iter()
            .map(|w| w.node.clone())
            .collect()
    }
}

impl FromField for Option<bool> {
    const SHAPE: Shape = Shape::YesNo;
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        Option::<YesNo>::read(cx, fields).map(|y| y.0)
    }
}

impl FromField for Option<u32> {
    const SHAPE: Shape = Shape::Number;
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields.first().and_then(|f| number_arg(cx, f))
    }
}

impl FromField for Option<PolicyDate> {
    const SHAPE: Shape = Shape::Date;
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields.first().and_then(|f| match f.args.first() {
            Some(Arg::Date(d)) => cx.date(d),
            _ => None,
        })
    }
}

impl<T: Declared> FromField for Vec<Ref<T>> {
    const SHAPE: Shape = Shape::Refs(T::KIND);
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        let names = fields.first().map(|f| first_list(f)).unwrap_or_default();
        cx.references(Namespace::of(T::KIND), names)
    }
}

impl<T: Declared> FromField for Option<Ref<T>> {
    const SHAPE: Shape = Shape::Ref(T::KIND);
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        let name = fields.first().and_then(|f| first_ident(f))?;
        cx.reference(Namespace::of(T::KIND), &name)
    }
}

/// The number argument of a field.
pub(crate) fn number_arg(cx: &mut Cx<'_>, field: &Field) -> Option<u32> {
    field
        .args
        .iter()
        .find_map(|a| match a {
            Arg::Number(n) => Some(n.clone()),
            _ => None,
        })
        .and_then(|n| cx.number(&n))
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
