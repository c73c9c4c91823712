//! What every fuzz target checks: the inputs it builds, and the oracles
//! that say an output is safe to publish.

#![allow(dead_code)]

use std::cell::RefCell;

use candor::source::{SourceFile, Sources};
use candor::{Compiled, Options, compile_sources};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Compiles one file of text, on a fixed date so that runs repeat.
pub fn compile(text: &str) -> Compiled {
    let mut sources = Sources::new();
    sources.add(SourceFile::new("fuzz.policy".into(), text));
    let options = Options {
        today: candor::model::PolicyDate::parse("2026-01-01"),
        ..Options::default()
    };
    compile_sources(sources, &[], &options)
}

/// Collects every start tag with its attributes.
#[derive(Default)]
struct Tags(RefCell<Vec<(String, Vec<(String, String)>)>>);

impl TokenSink for Tags {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token
            && tag.kind == TagKind::StartTag
        {
            let attrs = tag
                .attrs
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect();
            self.0.borrow_mut().push((tag.name.to_string(), attrs));
        }
        TokenSinkResult::Continue
    }
}

/// An address a browser would run or load as a document of its own.
fn unsafe_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| compact.starts_with(s))
}

/// The HTML5 oracle: tokenised the way a browser does (html5ever), a page
/// holds no script, frame, object or event handler, no unsafe address, and
/// no stylesheet but the template's own (at most `styles` of them).
pub fn assert_html_inert(name: &str, html: &str, styles: usize) {
    let tokenizer = Tokenizer::new(Tags::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let tags = tokenizer.sink.0.take();
    let mut style_count = 0;
    for (tag, attrs) in &tags {
        if tag == "link" {
            // The page template's own two links, and nothing else.
            let attr = |key: &str| {
                attrs
                    .iter()
                    .find(|(a, _)| a == key)
                    .map(|(_, v)| v.as_str())
            };
            let template_link = matches!(
                (attr("rel"), attr("href")),
                (Some("privacy-policy"), Some("privacy-policy.html"))
                    | (Some("alternate"), Some("policy.json"))
            );
            assert!(template_link, "{name}: <link {attrs:?}> in the output");
            continue;
        }
        assert!(
            !matches!(
                tag.as_str(),
                "script"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "frame"
                    | "frameset"
                    | "svg"
                    | "math"
                    | "form"
                    | "input"
                    | "button"
                    | "base"
                    | "img"
                    | "textarea"
            ),
            "{name}: <{tag}> in the output"
        );
        if tag == "style" {
            style_count += 1;
        }
        for (attr, value) in attrs {
            assert!(
                !attr.starts_with("on"),
                "{name}: <{tag} {attr}=...> is an event handler"
            );
            assert!(attr != "style", "{name}: <{tag} style=...> from input");
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) {
                assert!(!unsafe_url(value), "{name}: <{tag} {attr}=\"{value}\">");
            }
        }
    }
    assert!(
        style_count <= styles,
        "{name}: {style_count} <style> elements, the template writes {styles}"
    );
}

/// The CommonMark oracle: read as a Markdown renderer reads it (raw HTML
/// recognised), a document holds no raw HTML but `<br>`, no unsafe link,
/// and no link definition or reference that could join two sections.
pub fn assert_markdown_inert(name: &str, md: &str) {
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
    let mut parser = Parser::new_ext(md, Options::all()).into_offset_iter();
    for (event, range) in parser.by_ref() {
        match event {
            Event::InlineHtml(html) if html.as_ref() == "<br>" => {}
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("{name}: raw HTML `{html}` at {range:?}")
            }
            Event::Start(
                Tag::Link {
                    dest_url,
                    link_type,
                    ..
                }
                | Tag::Image {
                    dest_url,
                    link_type,
                    ..
                },
            ) => {
                assert!(!unsafe_url(&dest_url), "{name}: a link to `{dest_url}`");
                assert!(
                    matches!(
                        link_type,
                        LinkType::Inline | LinkType::Autolink | LinkType::Email
                    ),
                    "{name}: a reference link at {range:?}"
                );
            }
            _ => {}
        }
    }
    assert_eq!(
        parser.reference_definitions().iter().count(),
        0,
        "{name}: a link definition"
    );
}

/// The autolinking oracle: the document rendered as GitHub renders it
/// (comrak with its `autolink` extension, tables, strikethrough, raw HTML
/// passed through), and that HTML through [`assert_html_inert`]. A bare
/// address that takes a backslash escape into its link frees the markup
/// after it; CommonMark alone cannot see that.
pub fn assert_autolinked_inert(name: &str, md: &str) {
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    let html = comrak::markdown_to_html(md, &options);
    assert_html_inert(&format!("{name} (GitHub's renderer)"), &html, 0);
}

/// Renders a compiled policy both ways (page and fragment) and checks every
/// output with the oracles.
pub fn render_and_check(compiled: &Compiled) {
    if compiled.has_errors() {
        return;
    }
    let Some(policy) = &compiled.policy else {
        return;
    };
    for fragment in [false, true] {
        let options = candor::render::RenderOptions {
            fragment,
            ..candor::render::RenderOptions::default()
        };
        let Ok(outputs) = candor::render::render(policy, &options) else {
            // The only error the built-in templates may give is the
            // Markdown guard refusing to publish.
            continue;
        };
        for output in &outputs {
            if output.name.ends_with(".html") {
                assert_html_inert(output.name, &output.contents, usize::from(!fragment));
            } else if output.name.ends_with(".md") {
                assert_markdown_inert(output.name, &output.contents);
                assert_autolinked_inert(output.name, &output.contents);
            } else if output.name.ends_with(".json") {
                let _: serde_json::Value =
                    serde_json::from_str(&output.contents).expect("the JSON outputs parse");
            } else if candor::render::export::export_of(output.name).is_some() {
                // The exports (CSV, workbook, plist, YAML, JSON-LD) are read
                // back by their consumers in tests/exports.rs.
            } else {
                // The stylesheet is the template's alone: no input reaches it.
                assert_eq!(
                    output.name, "candor.css",
                    "an output the oracles do not know"
                );
            }
        }
    }
}
