//! What one file declares and references, with where: built from the file's
//! syntax tree, kept with its parse, and read by hover, definition,
//! references, rename, completion and the outline.

use crate::source::Span;
use crate::syntax::tree::{Arg, DeclKind, Field, File, Text};

use super::schema::{self, Slot, Target};

/// One declaration of the file.
#[derive(Debug, Clone)]
pub(crate) struct Decl {
    /// Its kind.
    pub kind: DeclKind,
    /// Its id, when it has one.
    pub id: Option<String>,
    /// Where the id is written (the keyword when there is no id).
    pub id_span: Span,
    /// The display name.
    pub name: Option<String>,
    /// The first `text` field.
    pub text: Option<String>,
    /// The whole declaration.
    pub span: Span,
}

/// A word that names a declaration.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    /// The id written.
    pub name: String,
    /// The kinds it may name.
    pub kinds: &'static [DeclKind],
    /// Where.
    pub span: Span,
}

/// A word of note that is not a reference.
#[derive(Debug, Clone)]
pub(crate) enum Other {
    /// A field keyword, in a declaration of `kind` (inside the block of the
    /// field `block`, if any).
    Key {
        /// The declaration's kind.
        kind: DeclKind,
        /// The field whose block holds it.
        block: Option<String>,
        /// The keyword.
        key: String,
    },
    /// A rule code in `rules`.
    Code(String),
    /// A word of a closed set.
    Word(&'static str),
}

/// Everything notable in one file.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileIndex {
    /// The declarations, in order.
    pub decls: Vec<Decl>,
    /// The references, in order.
    pub references: Vec<Reference>,
    /// Keywords, codes, closed-set words.
    pub others: Vec<(Span, Other)>,
}

impl FileIndex {
    /// Indexes a parsed file.
    pub(crate) fn build(file: &File) -> Self {
        let mut index = FileIndex::default();
        for decl in &file.declarations {
            let text = decl
                .fields
                .iter()
                .find(|f| f.key.node == "text")
                .and_then(|f| f.args.first())
                .and_then(|a| match a {
                    Arg::Text(t) => Some(t.node.value.clone()),
                    _ => None,
                });
            let kind = decl.kind.node;
            index.decls.push(Decl {
                kind,
                id: decl.id.as_ref().map(|i| i.node.clone()),
                id_span: decl.id.as_ref().map_or(decl.kind.span, |i| i.span),
                name: decl.name.as_ref().map(|n| text_of(&n.node)),
                text,
                span: decl.span,
            });
            for field in &decl.fields {
                index.field(kind, None, field);
            }
        }
        index
    }

    fn field(&mut self, kind: DeclKind, block: Option<&str>, field: &Field) {
        if field.known {
            self.others.push((
                field.key.span,
                Other::Key {
                    kind,
                    block: block.map(str::to_owned),
                    key: field.key.node.clone(),
                },
            ));
        }
        let first = match field.args.first() {
            Some(Arg::Ident(w)) => Some(w.node.as_str()),
            _ => None,
        };
        for (index, arg) in field.args.iter().enumerate() {
            let slot = Slot::Arg { index, first };
            self.arg(
                schema::target(kind, block, &field.key.node, slot),
                arg,
                kind,
                block,
                field,
            );
        }
        if let Some(inner) = &field.block {
            for f in inner {
                self.field(kind, Some(&field.key.node), f);
            }
        }
    }

    fn arg(
        &mut self,
        target: Target,
        arg: &Arg,
        kind: DeclKind,
        block: Option<&str>,
        field: &Field,
    ) {
        match arg {
            Arg::Ident(w) => self.word(target, &w.node, w.span),
            Arg::List(ws) => {
                for w in ws {
                    self.word(target, &w.node, w.span);
                }
            }
            Arg::Clause(keyword, inner) => {
                let target =
                    schema::target(kind, block, &field.key.node, Slot::Clause(&keyword.node));
                self.arg(target, inner, kind, block, field);
            }
            Arg::Code(code) => self
                .others
                .push((code.span, Other::Code(code.node.clone()))),
            Arg::Text(_) | Arg::Date(_) | Arg::Number(_) | Arg::Flag(_) | Arg::Raw(_) => {}
        }
    }

    fn word(&mut self, target: Target, word: &str, span: Span) {
        match target {
            Target::Ids(kinds) => self.references.push(Reference {
                name: word.to_owned(),
                kinds,
                span,
            }),
            Target::Words(what, _) => self.others.push((span, Other::Word(what))),
            Target::Other => {}
        }
    }
}

/// A name or text as plain text.
fn text_of(text: &Text) -> String {
    text.value.clone()
}

/// Whether a byte offset is inside (or at the end of) a span.
pub(crate) fn covers(span: Span, offset: usize) -> bool {
    (span.start as usize) <= offset && offset <= span.end as usize
}
