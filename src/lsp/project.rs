//! One policy as the language server holds it: every file's text, parse and
//! index, kept between edits. An edit re-parses only the file that changed;
//! resolution then lowers again only the files whose lowering may differ
//! ([`crate::resolve::Incremental`]), and the rules run over the whole
//! model (they need the whole policy: a reference in one file names a
//! declaration in another).

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, Sources};
use crate::syntax::tree::File;
use crate::{Options, check_resolved, resolve, syntax};

use super::index::FileIndex;

/// One policy: the `.policy` files under a directory.
#[derive(Debug)]
pub struct Project {
    root: PathBuf,
    /// The texts; a file's id is its place here, for as long as the
    /// project lives (a deleted file stays as an empty text).
    pub(crate) sources: Sources,
    trees: Vec<File>,
    parse_diagnostics: Vec<Vec<Diagnostic>>,
    broken_ids: Vec<Vec<String>>,
    pub(crate) indexes: Vec<FileIndex>,
    /// Whether the file exists (on disk or in the editor).
    pub(crate) present: Vec<bool>,
    /// Whether the editor holds the file's text.
    pub(crate) open: Vec<bool>,
    /// Whether the file's tree changed since the last analysis.
    changed: Vec<bool>,
    /// The lowering of each file, kept between analyses.
    resolver: resolve::Incremental,
    diagnostics: Vec<Diagnostic>,
    options: Options,
}

impl Project {
    /// Reads every `.policy` file under `root` (none is fine: files may be
    /// opened later).
    #[must_use]
    pub fn load(root: &Path) -> Self {
        Project::load_from(root, true)
    }

    /// Reads the `.policy` files of `root`, and of its subdirectories when
    /// `recursive`, walked as `candor check` walks them (see
    /// [`crate::source::policy_paths`]).
    #[must_use]
    pub fn load_from(root: &Path, recursive: bool) -> Self {
        let mut project = Project::empty(root);
        for path in crate::source::policy_paths(root, recursive) {
            let text = read(&path);
            project.set_text(&path, &text);
        }
        project
    }

    /// A project of `root` with no file yet.
    #[must_use]
    pub fn empty(root: &Path) -> Self {
        Project {
            root: root.to_owned(),
            sources: Sources::new(),
            trees: Vec::new(),
            parse_diagnostics: Vec::new(),
            broken_ids: Vec::new(),
            indexes: Vec::new(),
            present: Vec::new(),
            open: Vec::new(),
            changed: Vec::new(),
            resolver: resolve::Incremental::new(),
            diagnostics: Vec::new(),
            options: Options::default(),
        }
    }

    /// The directory.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The id of the file at `path`, if the project has it.
    #[must_use]
    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        self.sources
            .iter()
            .find(|(id, f)| f.path == path && self.present[id.0 as usize])
            .map(|(id, _)| id)
    }

    /// Gives the file at `path` a new text and re-parses it (and only it).
    /// Returns its id.
    pub fn set_text(&mut self, path: &Path, text: &str) -> FileId {
        let file = SourceFile::new(path.to_owned(), text);
        let existing = self
            .sources
            .iter()
            .find(|(_, f)| f.path == path)
            .map(|(id, _)| id);
        let id = match existing {
            Some(id) => {
                self.sources.replace(id, file);
                id
            }
            None => {
                let id = self.sources.add(file);
                self.trees.push(File {
                    file: id,
                    declarations: Vec::new(),
                });
                self.parse_diagnostics.push(Vec::new());
                self.broken_ids.push(Vec::new());
                self.indexes.push(FileIndex::default());
                self.present.push(true);
                self.open.push(false);
                self.changed.push(true);
                id
            }
        };
        let i = id.0 as usize;
        self.present[i] = true;
        let parsed = syntax::parse(id, self.sources.get(id));
        self.indexes[i] = FileIndex::build(&parsed.file);
        self.trees[i] = parsed.file;
        self.parse_diagnostics[i] = parsed.diagnostics;
        self.broken_ids[i] = parsed.broken_ids;
        self.changed[i] = true;
        id
    }

    /// Forgets a deleted file (its id stays taken, by an empty text).
    pub fn remove(&mut self, path: &Path) {
        if let Some(id) = self.file_id(path) {
            self.set_text(path, "");
            let i = id.0 as usize;
            self.present[i] = false;
            self.open[i] = false;
        }
    }

    /// Resolves and checks the whole policy from the kept parses, and
    /// returns every finding: the same as a full `check` of the texts.
    pub fn analyse(&mut self) -> &[Diagnostic] {
        let diagnostics: Vec<Diagnostic> =
            self.parse_diagnostics.iter().flatten().cloned().collect();
        let broken: Vec<String> = self.broken_ids.iter().flatten().cloned().collect();
        let resolved = self
            .resolver
            .resolve(&self.trees, &self.changed, &self.sources, &broken);
        self.changed.fill(false);
        let (policy, diagnostics) = check_resolved(resolved, diagnostics, &self.options);
        self.resolver.restore(policy);
        self.diagnostics = diagnostics;
        &self.diagnostics
    }

    /// How many files the last [`Project::analyse`] lowered again (the
    /// others' lowering was kept).
    #[must_use]
    pub fn files_lowered(&self) -> usize {
        self.resolver.files_lowered()
    }

    /// The findings of the last [`Project::analyse`].
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The ids of the files that exist.
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.sources
            .iter()
            .map(|(id, _)| id)
            .filter(|id| self.present[id.0 as usize])
    }

    /// A file's text and path.
    #[must_use]
    pub fn source(&self, id: FileId) -> &SourceFile {
        self.sources.get(id)
    }
}

/// A file's text; an unreadable file counts as empty, and text that is not
/// UTF-8 is read as far as it is.
pub(crate) fn read(path: &Path) -> String {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                String::from_utf8_lossy(&e.into_bytes()[..valid]).into_owned()
            }
        },
        Err(_) => String::new(),
    }
}

/// The directory of the policy a file belongs to: its own directory, or,
/// inside one of the editor's workspace folders, the highest ancestor
/// reached through directories that hold `.policy` files (a policy may
/// keep files in subdirectories). Never above a workspace folder: a file
/// outside them is a policy of its own directory.
#[must_use]
pub fn root_of(file: &Path, workspaces: &[PathBuf]) -> PathBuf {
    let mut root = file.parent().unwrap_or(Path::new(".")).to_owned();
    let Some(top) = workspaces.iter().find(|w| root.starts_with(w)) else {
        return root;
    };
    while let Some(parent) = root.parent() {
        if !parent.starts_with(top) || !holds_policy(parent) {
            break;
        }
        root = parent.to_owned();
    }
    root
}

fn holds_policy(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "policy"))
    })
}
