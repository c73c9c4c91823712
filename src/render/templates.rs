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
use std::path::{Component, Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use super::markdown;
use crate::locale::{ListKind, Locale};

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

/// The catalogue of each language but English: a translation of
/// `wording.tera`, component for component (`tests/catalogues.rs` holds
/// them to the same components, parameters and keys).
pub const CATALOGUES: [(Locale, &str); 6] = [
    (
        Locale::De,
        include_str!("../../templates/locales/de/wording.tera"),
    ),
    (
        Locale::Fr,
        include_str!("../../templates/locales/fr/wording.tera"),
    ),
    (
        Locale::Es,
        include_str!("../../templates/locales/es/wording.tera"),
    ),
    (
        Locale::It,
        include_str!("../../templates/locales/it/wording.tera"),
    ),
    (
        Locale::Nl,
        include_str!("../../templates/locales/nl/wording.tera"),
    ),
    (
        Locale::Pt,
        include_str!("../../templates/locales/pt/wording.tera"),
    ),
];

/// The built-in catalogue of a language: `wording.tera` for English.
#[must_use]
pub fn catalogue(locale: Locale) -> &'static str {
    CATALOGUES
        .iter()
        .find(|(l, _)| *l == locale)
        .map_or(BUILT_IN[8].1, |(_, text)| text)
}

/// The file name under which a templates directory overrides a language's
/// catalogue: `wording.tera` for English, `wording.de.tera` for German.
#[must_use]
pub fn catalogue_name(locale: Locale) -> String {
    match locale {
        Locale::En => "wording.tera".to_owned(),
        other => format!("wording.{}.tera", other.tag()),
    }
}

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
        Self::load_in(dir, Locale::En)
    }

    /// The templates of one language: the built-in set with that
    /// language's catalogue as `wording.tera`, overridden by the files of
    /// `dir` (whose `wording.de.tera` overrides the German catalogue).
    /// The engines get the language's CLDR formatters as filters:
    /// `and_list`, `or_list` and `number`.
    ///
    /// # Errors
    /// As [`Templates::load`].
    pub fn load_in(dir: Option<&Path>, locale: Locale) -> Result<Self, TemplateError> {
        let mut sources: BTreeMap<String, String> = BUILT_IN
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
            .collect();
        sources.insert("wording.tera".to_owned(), catalogue(locale).to_owned());
        let origin = match dir {
            Some(dir) => {
                let own = catalogue_name(locale);
                for (name, text) in read_dir(dir)? {
                    // Another language's catalogue is not a template here.
                    let other_catalogue = name.starts_with("wording.")
                        && name.ends_with(".tera")
                        && name != "wording.tera";
                    if name == own {
                        sources.insert("wording.tera".to_owned(), text);
                    } else if !(other_catalogue || name == "wording.tera" && locale != Locale::En) {
                        sources.insert(name, text);
                    }
                }
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
            register_cldr(tera, locale);
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

/// The CLDR formatters of a language as tera filters, for the catalogues:
/// `{{ states | and_list }}` ("Colorado, Virginia und Texas"),
/// `{{ states | or_list }}`, `{{ 10000000 | number }}` ("10.000.000").
/// Their output is plain text, escaped like any other `{{ }}`.
fn register_cldr(tera: &mut Tera, locale: Locale) {
    fn strings(values: &[tera::Value]) -> Vec<String> {
        values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect()
    }
    tera.register_filter(
        "and_list",
        move |values: &[tera::Value], _: tera::Kwargs, _: &tera::State| -> String {
            let items = strings(values);
            let items: Vec<&str> = items.iter().map(String::as_str).collect();
            locale.list(&items, ListKind::And)
        },
    );
    tera.register_filter(
        "or_list",
        move |values: &[tera::Value], _: tera::Kwargs, _: &tera::State| -> String {
            let items = strings(values);
            let items: Vec<&str> = items.iter().map(String::as_str).collect();
            locale.list(&items, ListKind::Or)
        },
    );
    tera.register_filter(
        "number",
        move |value: u64, _: tera::Kwargs, _: &tera::State| -> String { locale.number(value) },
    );
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
/// The templates directory a build or a preview may use: `cli` (the
/// `--templates` flag), else the policy's `templates` setting
/// (`from_policy`), which is relative to the directory of `policy_path`.
/// `candor build` and `candor serve` both call it, so that the preview
/// reads exactly what the build would.
///
/// A policy file is often edited by people who do not run the build (a
/// pull request), so what it names is confined to the policy's own tree:
/// no absolute path, no `..`, and no template that is a symbolic link
/// leading out (`env -> /proc/self/environ` would publish the build's
/// secrets) or that is not a regular file (a FIFO would hang the build).
/// Templates given with `--templates` are confined to their own directory
/// the same way. `trust` (`--allow-templates-outside`) lifts both.
///
/// # Errors
/// The path leads out, or the directory cannot be read; the message says
/// which and how to proceed.
pub fn confined_dir(
    policy_path: &Path,
    cli: Option<&Path>,
    from_policy: Option<&str>,
    trust: bool,
) -> Result<Option<PathBuf>, String> {
    if let Some(dir) = cli {
        if !trust {
            confine(dir, dir)?;
        }
        return Ok(Some(dir.to_owned()));
    }
    let Some(dir) = from_policy else {
        return Ok(None);
    };
    let base = if policy_path.is_dir() {
        policy_path
    } else {
        policy_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    let relative = Path::new(dir);
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !trust && !inside {
        return Err(format!(
            "the policy's `templates \"{dir}\"` leads out of the policy's directory\nhelp: keep the templates in a directory inside the policy's, or pass `--allow-templates-outside` to trust this path"
        ));
    }
    let joined = base.join(relative);
    if !trust {
        confine(&joined, base)?;
    }
    Ok(Some(joined))
}

/// Refuses a templates directory, or a template in it, that resolves
/// (through symbolic links) to a place outside `root`, or a template that
/// is not a regular file. A directory that does not exist is left for the
/// template loader to report.
fn confine(dir: &Path, root: &Path) -> Result<(), String> {
    let (Ok(root), Ok(real_dir)) = (std::fs::canonicalize(root), std::fs::canonicalize(dir)) else {
        return Ok(());
    };
    let outside = |what: &Path, real: &Path| {
        format!(
            "the template `{}` leads to `{}`, outside `{}`\nhelp: copy the file into the templates directory, or pass `--allow-templates-outside` to trust it",
            what.display(),
            real.display(),
            root.display()
        )
    };
    if !real_dir.starts_with(&root) {
        return Err(outside(dir, &real_dir));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read the templates directory `{}`: {e}",
            dir.display()
        )
    })?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Ok(real) = std::fs::canonicalize(&path) else {
            continue;
        };
        if !real.starts_with(&root) {
            return Err(outside(&path, &real));
        }
        let regular = std::fs::metadata(&real).is_ok_and(|m| m.is_file() || m.is_dir());
        if !regular {
            return Err(format!(
                "the template `{}` is not a regular file\nhelp: templates are plain text files",
                path.display()
            ));
        }
    }
    Ok(())
}
