//! Rendering the model into the published documents.
//!
//! From one checked [`Policy`], [`render`] produces the six files of the
//! output directory, in memory:
//!
//! | file | how |
//! |---|---|
//! | `privacy-policy.md` | [`context`] (Markdown flavour) through the `privacy-policy.md` template |
//! | `privacy-policy.html` | [`context`] (HTML flavour) through `privacy-policy.html`, wrapped by `page.html` unless a fragment is asked for |
//! | `ccpa.md`, `ccpa.html` | the same context through the `ccpa.*` templates |
//! | `policy.json`, `policy.schema.json` | [`json`]: serde and schemars over the model itself |
//!
//! Prose goes through [`markdown`] (one parser configuration, raw HTML
//! shown as text, unsafe links dropped) and [`html`] (ammonia). [`output`]
//! writes the files atomically or compares them with what is on disk.
//! Nothing here reads a clock or iterates a hash map, so the same source
//! always gives the same bytes.

pub mod context;
pub mod html;
pub mod json;
pub mod markdown;
pub mod output;
pub mod templates;
pub mod text;

use std::path::PathBuf;

use crate::model::Policy;
use context::{DocumentContext, Flavor, PageContext};
pub use templates::TemplateError;
use templates::Templates;

/// The files a build writes, in the order it writes them.
pub const FILE_NAMES: [&str; 6] = [
    "privacy-policy.md",
    "privacy-policy.html",
    "ccpa.md",
    "ccpa.html",
    "policy.json",
    "policy.schema.json",
];

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Write the HTML documents without the page around them, for
    /// embedding in a site.
    pub fragment: bool,
    /// A directory whose templates override the built-in ones.
    pub templates: Option<PathBuf>,
}

/// One rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Its file name in the output directory.
    pub name: &'static str,
    /// Its contents.
    pub contents: String,
}

/// Renders every output file of a policy.
///
/// # Errors
/// Only template problems: a templates directory that is missing, or a
/// template that does not parse or fails to render. The built-in
/// templates render any model that resolved.
pub fn render(policy: &Policy, options: &RenderOptions) -> Result<Vec<Output>, TemplateError> {
    let templates = Templates::load(options.templates.as_deref())?;
    // The Markdown, the HTML and the JSON are independent: render them side
    // by side. Each is a pure function of the model, so the bytes do not
    // depend on the scheduling.
    let (markdown, html, json) = std::thread::scope(|scope| {
        let markdown = scope.spawn(|| render_markdown(policy, &templates));
        let json = scope.spawn(|| [json::policy_json(policy), json::policy_schema()]);
        let html = render_html(policy, &templates, options.fragment);
        (join(markdown), html, join(json))
    });
    let [policy_md, ccpa_md] = markdown?;
    let [policy_html, ccpa_html] = html?;
    let [policy_json, schema] = json;
    let contents = [
        policy_md,
        policy_html,
        ccpa_md,
        ccpa_html,
        policy_json,
        schema,
    ];
    Ok(FILE_NAMES
        .iter()
        .zip(contents)
        .map(|(&name, contents)| Output { name, contents })
        .collect())
}

/// The result of a scoped thread; a panic in it is re-raised here.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// `privacy-policy.md` and `ccpa.md`.
fn render_markdown(policy: &Policy, templates: &Templates) -> Result<[String; 2], TemplateError> {
    let context = DocumentContext::build(policy, Flavor::Markdown);
    Ok([
        finish_markdown(&templates.render("privacy-policy.md", &context)?),
        finish_markdown(&templates.render("ccpa.md", &context)?),
    ])
}

/// `privacy-policy.html` and `ccpa.html`, as pages or as fragments.
fn render_html(
    policy: &Policy,
    templates: &Templates,
    fragment: bool,
) -> Result<[String; 2], TemplateError> {
    let context = DocumentContext::build(policy, Flavor::Html);
    let page = |document: &str, title: &str, body: String| -> Result<String, TemplateError> {
        if fragment {
            return Ok(finish(&body));
        }
        let page = PageContext {
            lang: context.lang.clone(),
            title: title.to_owned(),
            updated: context.updated.clone(),
            document: document.to_owned(),
            body: body.trim().to_owned(),
        };
        Ok(finish(&templates.render("page.html", &page)?))
    };
    Ok([
        page(
            "privacy-policy",
            &context.title,
            templates.render("privacy-policy.html", &context)?,
        )?,
        page(
            "ccpa",
            &context.ccpa.caption,
            templates.render("ccpa.html", &context)?,
        )?,
    ])
}

/// Trims a rendered document and ends it with one newline.
fn finish(text: &str) -> String {
    let mut out = text.trim().to_owned();
    out.push('\n');
    out
}

/// Markdown templates are written for readability, not for exact blank
/// lines: this keeps at most one blank line between blocks and ends the
/// document with one newline. Other lines are kept byte for byte (two
/// trailing spaces may be an author's hard break).
fn finish_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0usize;
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}
