//! The first pass: every declaration's place in the list of its kind.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::tree::{DeclKind, File};

use super::DUPLICATE_ID;

/// The namespace a declaration's id lives in. `dataset` and `processing`
/// share one (both are [`crate::model::Dataset`]s); every other kind has its
/// own, so a purpose and a data set may both be called `marketing`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Namespace(DeclKind);

impl Namespace {
    /// The namespace of a declaration kind.
    pub(crate) fn of(kind: DeclKind) -> Self {
        Namespace(crate::schema::kind(kind).map_or(kind, |spec| spec.namespace))
    }

    /// How a lawyer calls a declaration of this namespace.
    pub(crate) fn noun(self) -> &'static str {
        self.0.noun()
    }

    /// The keyword that declares one.
    pub(crate) fn keyword(self) -> &'static str {
        self.0.keyword()
    }
}

/// One declared name.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Symbol {
    /// Position in the model's list of that kind.
    pub index: usize,
    /// Where the id is written.
    pub span: Span,
}

/// Every declared name, per namespace.
#[derive(Debug, Default)]
pub(crate) struct SymbolTable {
    names: HashMap<Namespace, HashMap<String, Symbol>>,
    /// Names in declaration order, per namespace, for suggestions.
    ordered: HashMap<Namespace, Vec<String>>,
    /// Declarations left out because their id was taken: (file index, declaration index).
    pub duplicates: std::collections::HashSet<(usize, usize)>,
}

impl SymbolTable {
    /// The declaration called `name` in a namespace.
    pub(crate) fn get(&self, ns: Namespace, name: &str) -> Option<Symbol> {
        self.names.get(&ns).and_then(|m| m.get(name)).copied()
    }

    /// Every namespace other than `ns` that declares `name`, in a stable order.
    pub(crate) fn elsewhere(&self, ns: Namespace, name: &str) -> Vec<(Namespace, Symbol)> {
        let mut found: Vec<(Namespace, Symbol)> = self
            .names
            .iter()
            .filter(|(other, _)| **other != ns)
            .filter_map(|(other, m)| m.get(name).map(|s| (*other, *s)))
            .collect();
        found.sort_by_key(|(n, _)| *n);
        found
    }

    /// The names of a namespace, in declaration order.
    pub(crate) fn names(&self, ns: Namespace) -> &[String] {
        self.ordered.get(&ns).map_or(&[], Vec::as_slice)
    }

    /// Moves the declaration called `name` in `ns` to `span` (its file was
    /// edited without changing the ids it declares). Returns whether the
    /// table has it.
    pub(crate) fn respan(&mut self, ns: Namespace, name: &str, span: Span) -> bool {
        match self.names.get_mut(&ns).and_then(|m| m.get_mut(name)) {
            Some(symbol) => {
                symbol.span = span;
                true
            }
            None => false,
        }
    }

    /// How many declarations a namespace has.
    pub(crate) fn count(&self, ns: Namespace) -> usize {
        self.names(ns).len()
    }
}

/// Declaration kinds that are entities with ids in a namespace.
pub(crate) fn has_namespace(kind: DeclKind) -> bool {
    !matches!(
        kind,
        DeclKind::Policy
            | DeclKind::Controller
            | DeclKind::Rules
            | DeclKind::Translation
            | DeclKind::Unknown
    )
}

/// The ids a file declares, in order, with their namespaces and places in
/// the file: what decides the file's part of the table.
pub(crate) fn declared(file: &File) -> Vec<(usize, Namespace, &str)> {
    file.declarations
        .iter()
        .enumerate()
        .filter(|(_, decl)| has_namespace(decl.kind.node))
        .filter_map(|(di, decl)| {
            decl.id
                .as_ref()
                .map(|id| (di, Namespace::of(decl.kind.node), id.node.as_str()))
        })
        .collect()
}

/// Builds the table, reporting duplicate ids.
pub(crate) fn collect(files: &[File], diagnostics: &mut Vec<Diagnostic>) -> SymbolTable {
    let mut table = SymbolTable::default();
    for (fi, file) in files.iter().enumerate() {
        for (di, decl) in file.declarations.iter().enumerate() {
            if !has_namespace(decl.kind.node) {
                continue;
            }
            let Some(id) = &decl.id else { continue };
            let ns = Namespace::of(decl.kind.node);
            let names = table.names.entry(ns).or_default();
            if let Some(first) = names.get(&id.node) {
                diagnostics.push(
                    Diagnostic::error(
                        DUPLICATE_ID,
                        id.span,
                        format!("`{}` is declared twice as {}", id.node, ns.noun()),
                    )
                    .with_label("declared again here")
                    .with_secondary(first.span, "first declared here")
                    .with_help("give one of them another id, or merge them into one declaration"),
                );
                table.duplicates.insert((fi, di));
                continue;
            }
            let index = names.len();
            names.insert(
                id.node.clone(),
                Symbol {
                    index,
                    span: id.span,
                },
            );
            table.ordered.entry(ns).or_default().push(id.node.clone());
        }
    }
    table
}
