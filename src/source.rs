//! Source files and the positions inside them.
//!
//! A policy is every `*.policy` file of a directory. [`Sources`] loads them in
//! path order (so every run sees the same order), normalises what editors add
//! without meaning to (a byte-order mark, CRLF line ends) and keeps the text so
//! that diagnostics can quote it. A [`Span`] is a byte range in one file.

use std::fmt;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets, saturating at `u32::MAX` for absurdly large files.
    #[must_use]
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file,
            start: clamp(start),
            end: clamp(end),
        }
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub node: T,
    /// Where it came from.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

impl Spanned<String> {
    /// The text, as a `&str`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.node
    }
}

/// One loaded source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (joined with the file name), for messages.
    pub path: PathBuf,
    /// The text, with any byte-order mark removed and CRLF or CR turned into LF.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Builds a file from its raw text, normalising BOM and line ends.
    #[must_use]
    pub fn new(path: PathBuf, raw: &str) -> Self {
        let without_bom = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        // CRLF and a lone CR (old Mac line ends) both end a line.
        let text = if without_bom.contains('\r') {
            without_bom.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            without_bom.to_owned()
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// The path for display, with forward slashes on every platform.
    #[must_use]
    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }

    /// 0-based index of the line that holds a byte offset.
    #[must_use]
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where a 0-based line starts (the end of the text past the
    /// last line).
    #[must_use]
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// 1-based line and column (in characters) of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// Why a policy directory could not be read. These are I/O problems (exit
/// code 2), not mistakes in the policy.
#[derive(Debug)]
pub enum LoadError {
    /// The path does not exist.
    Missing(PathBuf),
    /// The directory holds no `*.policy` file.
    Empty(PathBuf),
    /// Reading failed.
    Io(PathBuf, std::io::Error),
    /// The path is not a regular file (a FIFO, a device, a directory named
    /// `*.policy`), or a symbolic link that leads out of the policy's
    /// directory; the reason says which.
    Refused(PathBuf, String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing(p) => write!(f, "`{}` does not exist", p.display()),
            LoadError::Empty(p) => {
                write!(f, "`{}` contains no `.policy` files", p.display())
            }
            LoadError::Io(p, e) => write!(f, "cannot read `{}`: {e}", p.display()),
            LoadError::Refused(p, reason) => {
                write!(f, "refusing to read `{}`: {reason}", p.display())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// A file that is not valid UTF-8: a mistake in the policy, reported with its
/// location like any other.
#[derive(Debug, Clone)]
pub struct NotUtf8 {
    /// The file.
    pub file: FileId,
    /// Byte offset of the first invalid byte.
    pub offset: usize,
}

/// All the files of one policy.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// An empty set, to add files to by hand (tests, `init`).
    #[must_use]
    pub fn new() -> Self {
        Sources::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(file);
        id
    }

    /// Loads a policy: a single `.policy` file, or every `*.policy` file
    /// under a directory (recursively), in path order. Files that are not
    /// UTF-8 are loaded as the valid part of their text and returned in the
    /// second list so that the caller can report them.
    ///
    /// # Errors
    /// The path is missing, unreadable, or holds no policy file.
    pub fn load(path: &Path) -> Result<(Sources, Vec<NotUtf8>), LoadError> {
        if !path.exists() {
            return Err(LoadError::Missing(path.to_owned()));
        }
        let mut paths = Vec::new();
        let root = if path.is_dir() {
            collect_policy_files(path, &mut paths)?;
            Some(std::fs::canonicalize(path).map_err(|e| LoadError::Io(path.to_owned(), e))?)
        } else {
            paths.push(path.to_owned());
            None
        };
        if paths.is_empty() {
            return Err(LoadError::Empty(path.to_owned()));
        }
        paths.sort();
        let mut sources = Sources::new();
        let mut not_utf8 = Vec::new();
        for p in paths {
            check_policy_file(&p, root.as_deref())?;
            let bytes = std::fs::read(&p).map_err(|e| LoadError::Io(p.clone(), e))?;
            match String::from_utf8(bytes) {
                Ok(text) => {
                    sources.add(SourceFile::new(p, &text));
                }
                Err(err) => {
                    let valid = err.utf8_error().valid_up_to();
                    let bytes = err.into_bytes();
                    let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                    let file = sources.add(SourceFile::new(p, &text));
                    not_utf8.push(NotUtf8 {
                        file,
                        offset: sources.get(file).text.len(),
                    });
                }
            }
        }
        Ok((sources, not_utf8))
    }

    /// Puts a new version of a file in the place of the one with this id
    /// (the language server, when a file is edited). An id this set did not
    /// hand out changes nothing.
    pub fn replace(&mut self, id: FileId, file: SourceFile) {
        if let Some(slot) = self.files.get_mut(id.0 as usize) {
            *slot = file;
        }
    }

    /// The file with this id.
    ///
    /// # Panics
    /// Never for an id this set handed out.
    #[must_use]
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Every file with its id, in load order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), f))
    }

    /// How many files.
    #[must_use]
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The source text a span covers.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file)
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// The `.policy` files under `dir` that [`Sources::load`] would read, in
/// path order, for a reader that cannot stop at the first problem (the
/// language server): the walk does not follow links to directories (no
/// loop, no way out), and a file that is not a regular file or that links
/// out of `dir` is left out. An unreadable directory gives no file.
/// Without `recursive`, only the files of `dir` itself.
#[must_use]
pub fn policy_paths(dir: &Path, recursive: bool) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    if recursive {
        let _ = collect_policy_files(dir, &mut paths);
    } else if let Ok(entries) = std::fs::read_dir(dir) {
        paths.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "policy")),
        );
    }
    let Ok(root) = std::fs::canonicalize(dir) else {
        return Vec::new();
    };
    paths.retain(|p| check_policy_file(p, Some(&root)).is_ok());
    paths.sort();
    paths
}

fn collect_policy_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Io(dir.to_owned(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Io(dir.to_owned(), e))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| LoadError::Io(path.clone(), e))?;
        if kind.is_dir() {
            collect_policy_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "policy") {
            out.push(path);
        }
    }
    Ok(())
}

/// Refuses what must not be read as a policy file: anything but a regular
/// file (reading `/dev/zero` never ends, a FIFO blocks), and, for the files
/// of a directory, a symbolic link to a file outside it (a pull request
/// could otherwise publish any file of the machine that builds it).
fn check_policy_file(path: &Path, root: Option<&Path>) -> Result<(), LoadError> {
    let io = |e| LoadError::Io(path.to_owned(), e);
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(LoadError::Refused(
            path.to_owned(),
            "it is not a regular file".to_owned(),
        ));
    }
    if let Some(root) = root {
        let real = std::fs::canonicalize(path).map_err(io)?;
        if !real.starts_with(root) {
            return Err(LoadError::Refused(
                path.to_owned(),
                format!(
                    "it is a link to `{}`, outside the policy directory",
                    real.display()
                ),
            ));
        }
    }
    Ok(())
}
