//! Resolution that keeps each file's lowering between analyses, for the
//! language server (issue 13).
//!
//! A full [`super::resolve`] lowers every declaration again. Here each
//! file's lowered declarations, findings and uses are kept, with the names
//! its declarations looked up and what each resolved to. On the next
//! analysis the symbol table is kept when the changed files declare the
//! same ids as before (only where they are written moves), and built again
//! otherwise; then a file is lowered again only when
//! - its text changed;
//! - one of the names it looked up now resolves elsewhere, or no longer
//!   (or now) resolves: an id another file added, removed or moved;
//! - which of its declarations are duplicates changed, or where the first
//!   `policy` or `controller` declaration of the files before it is;
//! - its lowering read more of the table than single names (a failed
//!   reference, whose help suggests a name of the whole namespace) or made
//!   a suggestion at all (the suggestions share one budget per analysis):
//!   files with such mistakes are lowered on every analysis, in file order,
//!   as a full resolution lowers them.
//!
//! The steps over the whole policy (`same_as` lists, generators' uses,
//! unused declarations) then run over the kept lists, which are
//! moved (not copied) into one model and back. The result is the same as
//! [`super::resolve`]'s; `tests/incremental.rs` compares the two after a
//! series of edits.

use crate::diagnostic::Diagnostic;
use crate::model::Policy;
use crate::source::{Sources, Span};
use crate::suggest;
use crate::syntax::tree::{DeclKind, File};

use super::Resolved;
use super::fields::{Cx, Lookups};
use super::lower::{Lists, Singles, finish, lower_declaration};
use super::symbols::{self, Namespace, SymbolTable};

/// What resolution keeps of one file.
#[derive(Default)]
struct Kept {
    /// Whether the rest holds a lowering of the file's current text.
    lowered: bool,
    /// Its declarations, lowered (empty while lent to the model).
    lists: Lists,
    /// Its `policy` and `controller` declarations, lowered.
    singles: Singles,
    /// Where the first `policy` and `controller` declarations of the files
    /// before it were, when it was lowered.
    before: (Option<Span>, Option<Span>),
    /// Its declarations left out as duplicates.
    duplicates: Vec<usize>,
    /// The findings of its lowering.
    diagnostics: Vec<Diagnostic>,
    /// The declarations it used.
    used: Vec<(Namespace, usize)>,
    /// What it looked up.
    lookups: Lookups,
    /// The ids it declares, as [`symbols::declared`] lists them, when the
    /// table was last built or brought up to date.
    declares: Vec<(usize, Namespace, String)>,
}

/// Resolution that lowers again only the files whose lowering may differ.
#[derive(Default)]
pub struct Incremental {
    kept: Vec<Kept>,
    /// The symbol table of the last analysis, kept while no file changes the
    /// ids it declares (and no id is declared twice).
    table: Option<SymbolTable>,
    /// While the model of the last [`Incremental::resolve`] is out: each
    /// file's list lengths, and which files the policy and the controller
    /// came from.
    lent: Option<Lent>,
    /// How many files the last analysis lowered (for tests and benchmarks).
    lowered: usize,
}

/// What [`Incremental::restore`] needs to give the lists back.
struct Lent {
    lens: Vec<Vec<usize>>,
    policy: Option<usize>,
    controller: Option<usize>,
}

impl std::fmt::Debug for Incremental {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Incremental")
            .field("files", &self.kept.len())
            .field("lowered", &self.lowered)
            .finish_non_exhaustive()
    }
}

impl Incremental {
    /// A resolver that keeps nothing yet.
    #[must_use]
    pub fn new() -> Self {
        Incremental::default()
    }

    /// How many files the last [`Incremental::resolve`] lowered again.
    #[must_use]
    pub fn files_lowered(&self) -> usize {
        self.lowered
    }

    /// Resolves the parsed files as [`super::resolve`] does, lowering again
    /// only what may have changed. `changed[i]` says that file `i`'s tree
    /// is new since the last call (a file beyond `changed` counts as
    /// changed). Give the model back with [`Incremental::restore`] once it
    /// has been checked; otherwise the next call lowers every file.
    pub fn resolve(
        &mut self,
        files: &[File],
        changed: &[bool],
        sources: &Sources,
        broken_ids: &[String],
    ) -> Resolved {
        if self.lent.take().is_some() {
            // The lists were not given back: nothing kept is whole.
            self.kept.clear();
        }
        if self.kept.len() != files.len() {
            self.table = None;
        }
        self.kept.resize_with(files.len(), Kept::default);
        suggest::reset_budget();
        let mut diagnostics = Vec::new();
        let table = match self.table.take() {
            Some(table) => self.update_table(table, files, changed),
            None => None,
        };
        let table = table.unwrap_or_else(|| {
            let table = symbols::collect(files, &mut diagnostics);
            for (kept, file) in self.kept.iter_mut().zip(files) {
                kept.declares = owned(symbols::declared(file));
            }
            table
        });
        let mut duplicates = vec![Vec::new(); files.len()];
        for &(fi, di) in &table.duplicates {
            if let Some(list) = duplicates.get_mut(fi) {
                list.push(di);
            }
        }
        let mut before = (None, None);
        self.lowered = 0;
        for (fi, file) in files.iter().enumerate() {
            let mut dups = std::mem::take(&mut duplicates[fi]);
            dups.sort_unstable();
            let kept = &mut self.kept[fi];
            let stale = changed.get(fi).copied().unwrap_or(true)
                || !kept.lowered
                || kept.lookups.volatile
                || kept.before != before
                || kept.duplicates != dups
                || !still_resolves(&kept.lookups, &table);
            if stale {
                let declares = std::mem::take(&mut kept.declares);
                *kept = lower_file(file, &table, broken_ids, before, dups);
                kept.declares = declares;
                self.lowered += 1;
            }
            for decl in &file.declarations {
                match decl.kind.node {
                    DeclKind::Policy if before.0.is_none() => before.0 = Some(decl.span),
                    DeclKind::Controller if before.1.is_none() => before.1 = Some(decl.span),
                    _ => {}
                }
            }
        }
        let resolved = self.assemble(&table, diagnostics, sources, broken_ids);
        if table.duplicates.is_empty() {
            self.table = Some(table);
        }
        resolved
    }

    /// The kept table brought up to date with the changed files, when none
    /// of them changed the ids it declares: only where they are written
    /// moves. `None` when the table must be built again.
    fn update_table(
        &mut self,
        mut table: SymbolTable,
        files: &[File],
        changed: &[bool],
    ) -> Option<SymbolTable> {
        for (fi, file) in files.iter().enumerate() {
            if !changed.get(fi).copied().unwrap_or(true) {
                continue;
            }
            let declared = symbols::declared(file);
            let kept = &self.kept[fi].declares;
            let same = kept.len() == declared.len()
                && kept
                    .iter()
                    .zip(&declared)
                    .all(|((_, ns, name), (_, ns2, name2))| ns == ns2 && name == name2);
            if !same {
                return None;
            }
            for &(di, ns, name) in &declared {
                let span = file.declarations[di].id.as_ref()?.span;
                if !table.respan(ns, name, span) {
                    return None;
                }
            }
            self.kept[fi].declares = owned(declared);
        }
        Some(table)
    }

    /// Puts the kept lowerings together into one model, and runs the steps
    /// over the whole policy.
    fn assemble(
        &mut self,
        table: &SymbolTable,
        mut diagnostics: Vec<Diagnostic>,
        sources: &Sources,
        broken_ids: &[String],
    ) -> Resolved {
        let mut lists = Lists::default();
        let mut lens = Vec::with_capacity(self.kept.len());
        let mut used = std::collections::HashSet::new();
        for kept in &mut self.kept {
            diagnostics.extend(kept.diagnostics.iter().cloned());
            used.extend(kept.used.iter().copied());
            lens.push(kept.lists.lens());
            lists.append(&mut kept.lists);
        }
        let policy_from = self.kept.iter().position(|k| k.singles.policy.is_some());
        let controller_from = self
            .kept
            .iter()
            .position(|k| k.singles.controller.is_some());
        let mut cx = Cx::new(table, broken_ids, &mut diagnostics);
        cx.used = used;
        finish(&mut cx, &mut lists, policy_from.is_some(), sources);
        let lent = Lent {
            lens,
            policy: policy_from,
            controller: controller_from,
        };
        let Some(from) = policy_from else {
            // No model to lend: the lists go straight back.
            self.give_back(lists, &lent.lens);
            return Resolved {
                policy: None,
                diagnostics,
            };
        };
        let mut policy = self.kept[from].singles.policy.take();
        if let Some(policy) = &mut policy {
            policy.controller =
                controller_from.and_then(|c| self.kept[c].singles.controller.take());
            lists.into_policy(policy);
        }
        self.lent = Some(lent);
        Resolved {
            policy,
            diagnostics,
        }
    }

    /// Takes back the model of the last [`Incremental::resolve`] (after the
    /// rules have read it), so that the next call can keep its parts.
    pub fn restore(&mut self, policy: Option<Policy>) {
        let Some(lent) = self.lent.take() else {
            return;
        };
        let Some(mut policy) = policy else {
            // The lists went with the model: lower everything next time.
            self.kept.clear();
            return;
        };
        let lists = Lists::take_from(&mut policy);
        if let Some(c) = lent.controller {
            self.kept[c].singles.controller = policy.controller.take();
        }
        if let Some(p) = lent.policy {
            self.kept[p].singles.policy = Some(policy);
        }
        self.give_back(lists, &lent.lens);
    }

    /// Splits the lists of the whole policy back into the files'.
    fn give_back(&mut self, mut lists: Lists, lens: &[Vec<usize>]) {
        for (kept, lens) in self.kept.iter_mut().zip(lens).rev() {
            let lists_all = std::mem::take(&mut kept.lists.lists_all);
            kept.lists = lists.split_off_back(lens);
            kept.lists.lists_all = lists_all;
        }
    }
}

/// The ids a file declares, owned.
fn owned(declared: Vec<(usize, Namespace, &str)>) -> Vec<(usize, Namespace, String)> {
    declared
        .into_iter()
        .map(|(di, ns, name)| (di, ns, name.to_owned()))
        .collect()
}

/// Whether every name the file looked up resolves as it did.
fn still_resolves(lookups: &Lookups, table: &SymbolTable) -> bool {
    lookups
        .names
        .iter()
        .all(|(ns, name, at)| table.get(*ns, name).map(|s| s.index) == *at)
}

/// Lowers one file's declarations, recording what they look up.
fn lower_file(
    file: &File,
    table: &SymbolTable,
    broken_ids: &[String],
    before: (Option<Span>, Option<Span>),
    duplicates: Vec<usize>,
) -> Kept {
    let mut diagnostics = Vec::new();
    let mut cx = Cx::new(table, broken_ids, &mut diagnostics);
    cx.lookups = Some(Lookups::default());
    let mut lists = Lists::default();
    let mut singles = Singles {
        policy_first: before.0,
        controller_first: before.1,
        ..Singles::default()
    };
    let spent = suggest::spent();
    for (di, decl) in file.declarations.iter().enumerate() {
        if duplicates.binary_search(&di).is_err() {
            lower_declaration(&mut cx, &mut lists, decl, &mut singles);
        }
    }
    let mut lookups = cx.lookups.take().unwrap_or_default();
    lookups.volatile |= suggest::spent() != spent;
    let used = cx.used.into_iter().collect();
    Kept {
        lowered: true,
        lists,
        singles,
        before,
        duplicates,
        diagnostics,
        used,
        lookups,
        declares: Vec::new(),
    }
}
