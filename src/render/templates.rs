//! The tera templates: the built-in set, compiled into the binary, and a
//! user's overrides.
//!
//! The built-in templates are embedded with `include_str!`, so `candor
//! build` works from any directory. A templates directory (`--templates`,
//! or the policy's `templates "dir"`) replaces any of them by file name and
//! may add partials of its own for the others to `{% include %}`.
//!
//! Two engines are kept, one per output language, because escaping depends
//! on it: in `.html` templates `{{ name }}` is HTML-escaped (tera's
//! default), and in `.md` templates it is Markdown-escaped
//! ([`markdown::write_escaped`]). Either way, a template prints plain text
//! with `{{ field }}` and already-rendered prose with `{{ field | safe }}`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use super::markdown;

/// The built-in templates, by file name.
pub const BUILT_IN: [(&str, &str); 9] = [
    (
        "privacy-policy.md",
        include_str!("../../templates/privacy-policy.md"),
    ),
    ("ccpa.md", include_str!("../../templates/ccpa.md")),
    (
        "ccpa-table.md",
        include_str!("../../templates/ccpa-table.md"),
    ),
    (
        "privacy-policy.html",
        include_str!("../../templates/privacy-policy.html"),
    ),
    ("ccpa.html", include_str!("../../templates/ccpa.html")),
    (
        "ccpa-table.html",
        include_str!("../../templates/ccpa-table.html"),
    ),
    ("page.html", include_str!("../../templates/page.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("wording.tera", include_str!("../../templates/wording.tera")),
];

/// Why templates could not be loaded or rendered.
#[derive(Debug)]
pub enum TemplateError {
    /// The templates directory is missing or unreadable.
    Directory {
        /// The directory.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// A template file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// A template does not parse.
    Syntax {
        /// Where the templates come from (`built-in` or a directory).
        origin: String,
        /// tera's report.
        report: String,
    },
    /// A template failed while rendering.
    Render {
        /// The template's file name.
        name: String,
        /// tera's report.
        report: String,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Directory { path, reason } => {
                write!(
                    f,
                    "cannot use the templates directory `{}`: {reason}",
                    path.display()
                )
            }
            TemplateError::Read { path, reason } => {
                write!(f, "cannot read the template `{}`: {reason}", path.display())
            }
            TemplateError::Syntax { origin, report } => {
                write!(f, "a template from {origin} does not parse\n{report}")
            }
            TemplateError::Render { name, report } => {
                write!(f, "the template `{name}` failed to render\n{report}")
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// The loaded templates, ready to render.
pub struct Templates {
    markdown: Tera,
    html: Tera,
}

impl Templates {
    /// The built-in templates, overridden by the files of `dir` when given.
    ///
    /// # Errors
    /// A missing or unreadable directory or file, or a template that does
    /// not parse (tera checks filters, tests and includes at this point, so
    /// a typo in an override fails before anything is written).
    pub fn load(dir: Option<&Path>) -> Result<Self, TemplateError> {
        let mut sources: BTreeMap<String, String> = BUILT_IN
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
            .collect();
        let origin = match dir {
            Some(dir) => {
                sources.extend(read_dir(dir)?);
                format!("`{}`", dir.display())
            }
            None => "the built-in set".to_owned(),
        };
        // `.tera` files (the wording macros) serve both formats.
        let md_sources: Vec<_> = sources
            .iter()
            .filter(|(name, _)| is_markdown(name) || is_shared(name))
            .collect();
        let html_sources: Vec<_> = sources
            .iter()
            .filter(|(name, _)| !is_markdown(name))
            .collect();

        // Every template of an engine escapes (the empty suffix matches any
        // name), so escaping never depends on what a user names a partial.
        let mut markdown = Tera::default();
        markdown.autoescape_on([""]);
        markdown.set_escape_fn(markdown::write_escaped);
        let mut html = Tera::default();
        html.autoescape_on([""]);
        for (tera, list) in [(&mut markdown, md_sources), (&mut html, html_sources)] {
            tera.add_raw_templates(list.iter().map(|(n, t)| (n.as_str(), t.as_str())))
                .map_err(|e| TemplateError::Syntax {
                    origin: origin.clone(),
                    report: e.to_string(),
                })?;
        }
        Ok(Templates { markdown, html })
    }

    /// Renders the template `name` with a typed context.
    ///
    /// # Errors
    /// The template is missing or fails (an undefined variable, a filter
    /// given the wrong type, ...).
    pub fn render<C: Serialize>(&self, name: &str, context: &C) -> Result<String, TemplateError> {
        let tera = if is_markdown(name) {
            &self.markdown
        } else {
            &self.html
        };
        let failed = |e: tera::Error| TemplateError::Render {
            name: name.to_owned(),
            report: report(&e),
        };
        let context = Context::from_serialize(context).map_err(failed)?;
        tera.render(name, &context).map_err(failed)
    }
}

/// Whether a template writes Markdown (and so is escaped for Markdown).
/// Templates both formats import: the macros of `wording.tera`.
fn is_shared(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tera"))
}

fn is_markdown(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// tera's message, with its causes.
fn report(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str("\ncaused by: ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Every regular file of `dir`, by file name (subdirectories are ignored).
fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, TemplateError> {
    let directory = |reason: String| TemplateError::Directory {
        path: dir.to_owned(),
        reason,
    };
    if !dir.is_dir() {
        return Err(directory(if dir.exists() {
            "it is not a directory".to_owned()
        } else {
            "it does not exist".to_owned()
        }));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| directory(e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| directory(e.to_string()))?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if name.starts_with('.') {
            continue; // editor swap files and the like
        }
        let text = std::fs::read_to_string(&path).map_err(|e| TemplateError::Read {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        files.push((name, text));
    }
    files.sort();
    Ok(files)
}
