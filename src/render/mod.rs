//! Rendering the model into the published documents.
//!
//! From one checked [`Policy`], [`render`] produces the files of the output
//! directory, in memory. Each file is an [`OutputKind`] of the registry
//! [`OUTPUTS`], which says when a policy gets it:
//!
//! | file | how |
//! |---|---|
//! | `privacy-policy.md` | [`context`] (Markdown flavour) through the `privacy-policy.md` template |
//! | `privacy-policy.html` | [`context`] (HTML flavour) through `privacy-policy.html`, wrapped by `page.html` unless a fragment is asked for |
//! | `ccpa.md`, `ccpa.html` | the same context through the `ccpa.*` templates, when the policy declares `ccpa` |
//! | `candor.css` | the `style.css` template: the stylesheet the pages inline, for sites that embed a fragment |
//! | `policy.json`, `policy.schema.json` | [`json`]: serde and schemars over the model itself |
//! | `ropa.csv`, `ropa.xlsx`, `gpc.json`, `consent.json`, `app_privacy_details.json`, `PrivacyInfo.xcprivacy`, `play_data_safety.csv`, `fides.yml`, `dpv.jsonld`, `gpp.json` | [`export`], each when the policy's `exports` names it |
//!
//! Prose goes through [`markdown`] (one parser configuration, raw HTML
//! shown as text, unsafe links dropped) and [`html`] (ammonia); each whole
//! Markdown document is then read back and made safe by [`md_guard`]. [`output`]
//! writes the files atomically or compares them with what is on disk.
//! Nothing here reads a clock or iterates a hash map, so the same source
//! always gives the same bytes.

pub mod context;
pub mod export;
pub mod html;
pub mod json;
pub mod linkify;
pub mod markdown;
pub mod md_guard;
pub mod output;
pub mod prose;
pub mod templates;
pub mod text;
pub mod words;

use std::path::PathBuf;

use crate::locale::Locale;
use crate::model::Policy;
use crate::model::words::Jurisdiction;
use context::{Alternate, DocumentContext, Flavor, HtmlOptions, PageContext};
pub use templates::TemplateError;
use templates::Templates;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Write the HTML documents without the page around them, for
    /// embedding in a site.
    pub fragment: bool,
    /// A directory whose templates override the built-in ones.
    pub templates: Option<PathBuf>,
    /// Put before every `id` and `#` link of the HTML, so that two
    /// documents can share a page (`--id-prefix`).
    pub id_prefix: String,
    /// The heading level of the HTML document's title, 1-4 (`0` means 1),
    /// so that a fragment nests under a host page's headings
    /// (`--heading-level`).
    pub heading_level: u8,
    /// Where the full notice is published, for the CCPA page's links back
    /// to it (`--notice-url`; see [`HtmlOptions::notice_url`]). Ignored
    /// unless [`context::is_notice_url`] accepts it.
    pub notice_url: Option<String>,
    /// The full notice's id prefix (`--notice-id-prefix`), alone: the
    /// notice is on the same page.
    pub notice_id_prefix: Option<String>,
}

/// One rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Its file name in the output directory.
    pub name: &'static str,
    /// Its text (empty for a binary file).
    pub contents: String,
    /// Its bytes, for a binary file (the `.xlsx` workbook).
    pub binary: Option<Vec<u8>>,
}

impl Output {
    /// A text file.
    #[must_use]
    pub fn text(name: &'static str, contents: String) -> Self {
        Output {
            name,
            contents,
            binary: None,
        }
    }

    /// The bytes written to disk.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        self.binary.as_deref().unwrap_or(self.contents.as_bytes())
    }
}

/// What an output renders to: text, or the bytes of a binary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A text file.
    Text(String),
    /// A binary file.
    Binary(Vec<u8>),
}

impl From<String> for Body {
    fn from(text: String) -> Self {
        Body::Text(text)
    }
}

/// What every output renders from: the model, the templates, the options,
/// and the two document contexts (built once, shared by the notice and the
/// CCPA page of each flavour).
pub struct RenderInput<'a> {
    /// The checked model.
    pub policy: &'a Policy,
    /// The templates, built in or overridden.
    templates: &'a Templates,
    /// How to render.
    pub options: &'a RenderOptions,
    /// The contexts of the Markdown and the HTML documents: `None` when no
    /// output of that flavour is rendered ([`render_only`]).
    markdown: Option<DocumentContext>,
    html: Option<DocumentContext>,
    /// How the HTML context was built (the links back to the notice).
    html_options: HtmlOptions,
    /// The language of these documents, and the others of the notice.
    languages: Languages,
}

/// The languages of a notice: the one its source is written in (its pages
/// are at the top of the output directory) and the others it is published
/// in (`de/privacy-policy.html`, ...), as the policy's `languages` says.
#[derive(Debug, Clone)]
struct Languages {
    /// The language of the documents being rendered.
    current: Locale,
    /// The language of the source, whose pages are at the top.
    source: Locale,
    /// Every language the notice is published in, the source first; only
    /// the source when the policy declares no others.
    published: Vec<Locale>,
}

impl Languages {
    fn of(policy: &Policy) -> Self {
        let source = source_locale(policy);
        let mut published = vec![source];
        published.extend(policy.languages.iter().copied().filter(|l| *l != source));
        Languages {
            current: source,
            source,
            published,
        }
    }

    /// The path from the current documents to the top of the output
    /// directory: empty, or `../` from a language's own directory.
    fn root(&self) -> &'static str {
        if self.current == self.source {
            ""
        } else {
            "../"
        }
    }

    /// The same document in every published language, for `hreflang`
    /// alternates and the language switcher; empty when there is one.
    fn alternates(&self, file: &str) -> Vec<Alternate> {
        if self.published.len() < 2 {
            return Vec::new();
        }
        self.published
            .iter()
            .map(|&l| Alternate {
                tag: l.tag(),
                name: l.endonym(),
                href: if l == self.current {
                    file.to_owned()
                } else if l == self.source {
                    format!("{}{file}", self.root())
                } else {
                    format!("{}{}/{file}", self.root(), l.tag())
                },
                current: l == self.current,
            })
            .collect()
    }
}

pub use crate::model::translation::source_locale;

/// The pages of each language published besides the source, in the
/// language's own directory.
static LOCALE_FILES: [(Locale, [&str; 4]); 7] = [
    (
        Locale::En,
        [
            "en/privacy-policy.md",
            "en/privacy-policy.html",
            "en/ccpa.md",
            "en/ccpa.html",
        ],
    ),
    (
        Locale::De,
        [
            "de/privacy-policy.md",
            "de/privacy-policy.html",
            "de/ccpa.md",
            "de/ccpa.html",
        ],
    ),
    (
        Locale::Fr,
        [
            "fr/privacy-policy.md",
            "fr/privacy-policy.html",
            "fr/ccpa.md",
            "fr/ccpa.html",
        ],
    ),
    (
        Locale::Es,
        [
            "es/privacy-policy.md",
            "es/privacy-policy.html",
            "es/ccpa.md",
            "es/ccpa.html",
        ],
    ),
    (
        Locale::It,
        [
            "it/privacy-policy.md",
            "it/privacy-policy.html",
            "it/ccpa.md",
            "it/ccpa.html",
        ],
    ),
    (
        Locale::Nl,
        [
            "nl/privacy-policy.md",
            "nl/privacy-policy.html",
            "nl/ccpa.md",
            "nl/ccpa.html",
        ],
    ),
    (
        Locale::Pt,
        [
            "pt/privacy-policy.md",
            "pt/privacy-policy.html",
            "pt/ccpa.md",
            "pt/ccpa.html",
        ],
    ),
];

/// The documents (the first four outputs) as a language's directory names
/// them.
fn locale_name(locale: Locale, index: usize) -> &'static str {
    LOCALE_FILES
        .iter()
        .find(|(l, _)| *l == locale)
        .map_or(OUTPUTS[index].name(), |(_, names)| names[index])
}

/// One file of the output directory: its name, when a policy gets it, and
/// how it is rendered. A new output is one implementation of this, listed
/// in [`OUTPUTS`], plus its templates.
pub trait OutputKind: Sync {
    /// Its file name.
    fn name(&self) -> &'static str;
    /// Whether a policy gets it (the CCPA page only when the policy
    /// declares the CCPA).
    fn applies(&self, policy: &Policy) -> bool;
    /// Renders it.
    ///
    /// # Errors
    /// A template that fails to render.
    fn render(&self, input: &RenderInput<'_>) -> Result<Body, TemplateError>;
}

/// Every output, in the order a build writes them.
pub static OUTPUTS: &[&dyn OutputKind] = &[
    &Document {
        name: "privacy-policy.md",
        template: "privacy-policy.md",
        flavor: Flavor::Markdown,
        law: None,
    },
    &Document {
        name: "privacy-policy.html",
        template: "privacy-policy.html",
        flavor: Flavor::Html,
        law: None,
    },
    &Document {
        name: "ccpa.md",
        template: "ccpa.md",
        flavor: Flavor::Markdown,
        law: Some(Jurisdiction::Ccpa),
    },
    &Document {
        name: "ccpa.html",
        template: "ccpa.html",
        flavor: Flavor::Html,
        law: Some(Jurisdiction::Ccpa),
    },
    &Stylesheet,
    &json::PolicyJson,
    &json::PolicySchema,
    // The exports, each written only when the policy asks for it.
    &export::ropa::RopaCsv,
    &export::ropa::RopaXlsx,
    &export::signals::GpcJson,
    &export::signals::ConsentJson,
    &export::store::AppPrivacyDetails,
    &export::store::PrivacyManifest,
    &export::store::PlayDataSafety,
    &export::fides::FidesManifest,
    &export::dpv::DpvJsonLd,
    &export::gpp::GppJson,
];

/// The names of every file a build may write, in order.
pub fn file_names() -> impl Iterator<Item = &'static str> {
    OUTPUTS.iter().map(|o| o.name())
}

/// Renders every output file that applies to a policy.
///
/// # Errors
/// Only template problems: a templates directory that is missing, or a
/// template that does not parse or fails to render. The built-in
/// templates render any model that resolved.
pub fn render(policy: &Policy, options: &RenderOptions) -> Result<Vec<Output>, TemplateError> {
    render_only(policy, options, |_| true)
}

/// Renders the HTML pages only: the notice and the California page, in
/// each language the notice is published in. What `candor serve` shows.
///
/// # Errors
/// As [`render`].
pub fn render_pages(
    policy: &Policy,
    options: &RenderOptions,
) -> Result<Vec<Output>, TemplateError> {
    render_only(policy, options, |name| name.ends_with(".html"))
}

/// Renders the outputs whose file name (`privacy-policy.md`,
/// `de/ccpa.html`, `policy.json`) `keep` accepts, byte for byte as
/// [`render`] writes them; the others are not built, nor the Markdown or
/// HTML context when no document of that flavour is kept. `serve` renders
/// its pages so, and a test that reads one kind of output.
///
/// # Errors
/// As [`render`].
pub fn render_only(
    policy: &Policy,
    options: &RenderOptions,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<Output>, TemplateError> {
    let languages = Languages::of(policy);
    let templates = Templates::load_in(options.templates.as_deref(), languages.source)?;
    let html_options = html_options(options);
    let flavours = |names: &mut dyn Iterator<Item = &str>| {
        names.fold((false, false), |(md, html), name| {
            let kept = keep(name);
            (
                md || kept && name.ends_with(".md"),
                html || kept && name.ends_with(".html"),
            )
        })
    };
    let wanted = flavours(&mut OUTPUTS.iter().map(|o| o.name()));
    let (markdown, html) = contexts(policy, &html_options, languages.source, wanted);
    let input = RenderInput {
        policy,
        templates: &templates,
        options,
        markdown,
        html,
        html_options: html_options.clone(),
        languages: languages.clone(),
    };
    let mut outputs = render_outputs(&input, &keep)?;
    // Each other language: the notice (and the California page) in its
    // own directory, from the policy with its translated prose.
    for &locale in languages.published.iter().skip(1) {
        let mut names = (0..4).map(|index| locale_name(locale, index));
        let wanted = flavours(&mut names);
        if wanted == (false, false) {
            continue;
        }
        let translated = crate::model::translation::translated(policy, locale);
        let templates = Templates::load_in(options.templates.as_deref(), locale)?;
        let (markdown, html) = contexts(&translated, &html_options, locale, wanted);
        let input = RenderInput {
            policy: &translated,
            templates: &templates,
            options,
            markdown,
            html,
            html_options: html_options.clone(),
            languages: Languages {
                current: locale,
                ..languages.clone()
            },
        };
        for (index, output) in OUTPUTS.iter().take(4).enumerate() {
            let name = locale_name(locale, index);
            if !output.applies(policy) || !keep(name) {
                continue;
            }
            let Body::Text(contents) = output.render(&input)? else {
                continue;
            };
            outputs.push(Output::text(name, contents));
        }
    }
    Ok(outputs)
}

/// The Markdown and the HTML contexts of a policy in one language, each
/// when `wanted` says so. They, then the outputs, are independent pure
/// functions of the model: build them side by side; the bytes do not
/// depend on the scheduling.
fn contexts(
    policy: &Policy,
    html_options: &HtmlOptions,
    locale: Locale,
    (markdown, html): (bool, bool),
) -> (Option<DocumentContext>, Option<DocumentContext>) {
    std::thread::scope(|scope| {
        let md = markdown.then(|| {
            scope.spawn(|| {
                DocumentContext::build_in(policy, Flavor::Markdown, &HtmlOptions::default(), locale)
            })
        });
        let html =
            html.then(|| DocumentContext::build_in(policy, Flavor::Html, html_options, locale));
        (md.map(join), html)
    })
}

/// How the HTML context is built from the render options: the id prefix,
/// heading levels, whether the page stands alone, and where the links back
/// to the notice point (`--notice-url`, `--notice-id-prefix`, each used
/// only when well-formed).
fn html_options(options: &RenderOptions) -> HtmlOptions {
    HtmlOptions {
        id_prefix: options.id_prefix.clone(),
        heading_level: options.heading_level.max(1),
        standalone: !options.fragment,
        notice_url: options
            .notice_url
            .clone()
            .filter(|u| context::is_notice_url(u)),
        notice_id_prefix: options
            .notice_id_prefix
            .clone()
            .filter(|p| prose::is_id_prefix(p)),
    }
}

/// Renders every output of the source language that applies and that
/// `keep` accepts.
fn render_outputs(
    input: &RenderInput<'_>,
    keep: &impl Fn(&str) -> bool,
) -> Result<Vec<Output>, TemplateError> {
    let policy = input.policy;
    let applicable: Vec<&dyn OutputKind> = OUTPUTS
        .iter()
        .copied()
        .filter(|o| o.applies(policy) && keep(o.name()))
        .collect();
    let rendered: Vec<Result<Body, TemplateError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = applicable
            .iter()
            .map(|o| scope.spawn(|| o.render(input)))
            .collect();
        handles.into_iter().map(join).collect()
    });
    applicable
        .iter()
        .zip(rendered)
        .map(|(o, body)| {
            Ok(match body? {
                Body::Text(contents) => Output::text(o.name(), contents),
                Body::Binary(bytes) => Output {
                    name: o.name(),
                    contents: String::new(),
                    binary: Some(bytes),
                },
            })
        })
        .collect()
}

/// The result of a scoped thread; a panic in it is re-raised here.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A document rendered through one template: the notice or the CCPA page,
/// as Markdown or as HTML.
struct Document {
    name: &'static str,
    template: &'static str,
    flavor: Flavor,
    /// The law whose page it is, or `None` for the notice itself.
    law: Option<Jurisdiction>,
}

impl OutputKind for Document {
    fn name(&self) -> &'static str {
        self.name
    }

    fn applies(&self, policy: &Policy) -> bool {
        self.law.is_none_or(|law| policy.has(law))
    }

    fn render(&self, input: &RenderInput<'_>) -> Result<Body, TemplateError> {
        self.render_text(input).map(Body::Text)
    }
}

impl Document {
    fn render_text(&self, input: &RenderInput<'_>) -> Result<String, TemplateError> {
        match self.flavor {
            Flavor::Markdown => {
                let Some(markdown) = &input.markdown else {
                    return Err(unbuilt(self.name));
                };
                let mut text = finish_markdown(&input.templates.render(self.template, markdown)?);
                if self.law.is_some() {
                    text = links_back(&text, "](#", &[], |anchor| {
                        format!("](privacy-policy.md#{anchor}")
                    });
                }
                md_guard::guard(&text).map_err(|report| TemplateError::Render {
                    name: self.name.to_owned(),
                    report,
                })
            }
            Flavor::Html => {
                let Some(context) = &input.html else {
                    return Err(unbuilt(self.name));
                };
                let mut body = input.templates.render(self.template, context)?;
                // Addresses in generated lists and cells, as in prose.
                let calling_code = input
                    .policy
                    .controller
                    .as_ref()
                    .and_then(|c| c.address.as_deref())
                    .and_then(prose::calling_code);
                body = linkify::linkify_html(&body, calling_code);
                if self.law.is_some() {
                    // The page holds only the table: a link to any other
                    // part of the notice goes back to the notice.
                    let held = ids(&body);
                    let own = &input.html_options.id_prefix;
                    body = links_back(&body, "href=\"#", &held, |anchor| {
                        let bare = anchor.strip_prefix(own.as_str()).unwrap_or(anchor);
                        format!("href=\"{}", input.html_options.notice_link(bare))
                    });
                }
                if input.options.fragment {
                    return Ok(finish(&body));
                }
                let document = self.name.trim_end_matches(".html");
                let page = PageContext {
                    root: input.languages.root(),
                    alternates: input.languages.alternates(self.name),
                    lang: context.lang.clone(),
                    title: context.title.clone(),
                    updated: context.updated.clone(),
                    document: document.to_owned(),
                    controller: context.controller.clone(),
                    who: context.ccpa.who.clone(),
                    body: body.trim().to_owned(),
                };
                Ok(finish(&input.templates.render("page.html", &page)?))
            }
        }
    }
}

/// A document whose context [`render_only`] did not build: never, as it
/// builds the context of every document it keeps.
fn unbuilt(name: &str) -> TemplateError {
    TemplateError::Render {
        name: name.to_owned(),
        report: "its context was not built".to_owned(),
    }
}

/// The ids an HTML body declares (`id="..."`).
fn ids(html: &str) -> Vec<String> {
    html.match_indices("id=\"")
        .filter_map(|(at, found)| {
            let rest = &html[at + found.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// Points every in-page link (`marker` then the anchor) that the page does
/// not hold (`held`) at the full notice instead (`replacement` of the
/// anchor: the marker and the new target up to the anchor's end).
fn links_back(
    text: &str,
    marker: &str,
    held: &[String],
    replacement: impl Fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        out.push_str(&rest[..at]);
        let after = &rest[at + marker.len()..];
        let end = after
            .find(|c: char| c == '"' || c == ')' || c.is_whitespace())
            .unwrap_or(after.len());
        let anchor = &after[..end];
        if held.iter().any(|h| h == anchor) {
            out.push_str(marker);
            rest = after;
        } else {
            out.push_str(&replacement(anchor));
            rest = &after[end..];
        }
    }
    out.push_str(rest);
    out
}

/// `candor.css`: the stylesheet the standalone pages inline, for sites that
/// embed a fragment. Every selector is scoped to the `.candor` root.
struct Stylesheet;

impl OutputKind for Stylesheet {
    fn name(&self) -> &'static str {
        "candor.css"
    }

    fn applies(&self, _policy: &Policy) -> bool {
        true
    }

    fn render(&self, input: &RenderInput<'_>) -> Result<Body, TemplateError> {
        Ok(Body::Text(finish(
            &input
                .templates
                .render("style.css", &serde_json::Map::new())?,
        )))
    }
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
