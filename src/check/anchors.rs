//! The anchors of the HTML notice, and the cross-references to them.
//!
//! Every place of the published page that a link may point at has an
//! anchor, derived from the source so that it survives rewording and
//! renumbering:
//!
//! | anchor | where |
//! |---|---|
//! | `ID` | a section (and each of its `aliases`) |
//! | `dataset-ID` | a row of the data table (and each of its `aliases`) |
//! | `recipient-ID`, `ccpa-ID` | a row of the recipients or CCPA table |
//! | `definition-ID` | a defined term |
//! | `datasets-table`, `recipients-table`, `ccpa-table`, `cookies-list` | a generated table or list |
//! | the heading's words, `d-how-to-exercise-your-rights` | a heading written in prose |
//!
//! Prose refers to them with an ordinary Markdown link to `#anchor`
//! (`see [Cookies Usage](#cookies_usage)`); [`check`] reports a link to an
//! anchor that does not exist (with the closest one), and two things that
//! claim the same anchor. `candor diff` compares [`of`] the two versions: a
//! removed anchor breaks links that websites have published.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::diagnostic::Diagnostic;
use crate::model::{Block, Insert, Policy, Section};
use crate::render::markdown;
use crate::resolve::{DUPLICATE_ID, UNKNOWN_REFERENCE};
use crate::source::Span;
use crate::suggest;
use crate::text::slug;

/// Every anchor of the notice, in document order, each with what carries
/// it (for messages: "the section `x`").
#[must_use]
pub fn of(policy: &Policy) -> Vec<(String, String)> {
    let mut anchors: Vec<(String, String)> = Vec::new();
    let mut add = |anchor: String, what: String| anchors.push((anchor, what));
    for section in rendered_sections(policy) {
        add(section.id.clone(), format!("the section `{}`", section.id));
        for alias in &section.aliases {
            add(
                alias.clone(),
                format!("an alias of the section `{}`", section.id),
            );
        }
        for block in &section.blocks {
            match block {
                Block::Text { markdown, .. } => {
                    for heading in headings(markdown) {
                        let anchor = slug(&heading);
                        if !anchor.is_empty() {
                            add(anchor, format!("the heading `{heading}`"));
                        }
                    }
                }
                Block::Insert { insert } => {
                    let generated = match insert {
                        Insert::Datasets => Some("datasets-table"),
                        Insert::Recipients => Some("recipients-table"),
                        Insert::CcpaTable => Some("ccpa-table"),
                        Insert::ColoradoPurposes => Some("colorado-purposes-table"),
                        Insert::Cookies => Some("cookies-list"),
                        _ => None,
                    };
                    if let Some(anchor) = generated {
                        add(anchor.to_owned(), format!("the generated `{anchor}`"));
                    }
                    match insert {
                        Insert::Datasets => {
                            for d in policy.table_datasets() {
                                add(
                                    format!("dataset-{}", d.id),
                                    format!("the data set `{}`", d.id),
                                );
                                for alias in &d.aliases {
                                    add(
                                        format!("dataset-{alias}"),
                                        format!("an alias of the data set `{}`", d.id),
                                    );
                                }
                            }
                        }
                        Insert::Recipients => {
                            for r in policy.listed_recipients() {
                                add(
                                    format!("recipient-{}", r.id),
                                    format!("the recipient `{}`", r.id),
                                );
                            }
                        }
                        Insert::CcpaTable => {
                            for c in &policy.ccpa {
                                add(
                                    format!("ccpa-{}", c.id),
                                    format!("the CCPA category `{}`", c.id),
                                );
                            }
                        }
                        Insert::ColoradoPurposes => {
                            for u in crate::law::colorado::purpose_uses(policy) {
                                add(
                                    format!("colorado-purpose-{}", u.purpose.id),
                                    format!("the Colorado row of the purpose `{}`", u.purpose.id),
                                );
                            }
                        }
                        Insert::Definitions { definitions } => {
                            let ids: Vec<&str> = if definitions.is_empty() {
                                policy.definitions.iter().map(|d| d.id.as_str()).collect()
                            } else {
                                definitions
                                    .iter()
                                    .map(|r| policy.get(r).id.as_str())
                                    .collect()
                            };
                            for id in ids {
                                add(format!("definition-{id}"), format!("the definition `{id}`"));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    anchors
}

/// The sections the notice prints: the outline's, or all of them when the
/// policy has no outline.
fn rendered_sections(policy: &Policy) -> Vec<&Section> {
    if policy.outline.is_empty() {
        policy.sections.iter().collect()
    } else {
        policy.outline.iter().map(|r| policy.get(r)).collect()
    }
}

/// The text of each heading written in a piece of prose.
fn headings(prose: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for event in markdown::parser(prose) {
        match event {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => found.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(words) = current.as_mut() {
                    words.push_str(&t);
                }
            }
            _ => {}
        }
    }
    found
}

/// The `#anchor` links of a piece of prose.
fn links(prose: &str) -> Vec<String> {
    markdown::parser(prose)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                dest_url.strip_prefix('#').map(str::to_owned)
            }
            _ => None,
        })
        .collect()
}

/// Every piece of prose that the HTML notice prints, with the place to
/// point at: the `text` field of a section, or the declaration.
fn prose<'p>(policy: &'p Policy) -> Vec<(&'p str, Span)> {
    let mut all: Vec<(&'p str, Span)> = Vec::new();
    for section in &policy.sections {
        for block in &section.blocks {
            if let Block::Text { markdown, span } = block {
                all.push((markdown, *span));
            }
        }
    }
    let mut push = |text: Option<&'p String>, span: Span| {
        if let Some(text) = text {
            all.push((text.as_str(), span));
        }
    };
    for d in &policy.datasets {
        push(d.text.as_ref(), d.spans.text.unwrap_or(d.span));
        push(d.operations.as_ref(), d.spans.operations.unwrap_or(d.span));
        for basis in &d.bases {
            push(basis.text.as_ref(), basis.span);
        }
    }
    for p in &policy.purposes {
        push(p.text.as_ref(), p.span);
    }
    for m in &policy.methods {
        push(m.text.as_ref(), m.span);
    }
    for r in &policy.recipients {
        push(r.text.as_ref(), r.span);
        push(r.shares.as_ref(), r.span);
    }
    for c in &policy.cookies {
        push(c.text.as_ref(), c.span);
    }
    for t in &policy.transfers {
        push(t.text.as_ref(), t.span);
    }
    for block in &policy.rights {
        for right in &block.rights {
            push(right.text.as_ref(), right.span);
        }
    }
    for r in &policy.retention {
        push(r.text.as_ref(), r.span);
        push(r.criteria.as_ref(), r.span);
        push(r.period.as_ref(), r.span);
    }
    for c in &policy.children {
        push(c.text.as_ref(), c.span);
    }
    for c in &policy.ccpa {
        push(c.examples.as_ref(), c.span);
    }
    for d in &policy.definitions {
        push(d.text.as_ref(), d.span);
    }
    all
}

/// Reports cross-references to anchors that do not exist, and anchors
/// claimed twice (an alias that is another section's id, two prose
/// headings with the same words).
pub fn check(policy: &Policy, diagnostics: &mut Vec<Diagnostic>) {
    let anchors = of(policy);
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (anchor, what) in &anchors {
        if let Some(first) = seen.get(anchor.as_str()) {
            let span = duplicate_span(policy, anchor);
            diagnostics.push(
                Diagnostic::error(
                    DUPLICATE_ID,
                    span,
                    format!("the anchor `#{anchor}` would be used twice: by {first} and by {what}"),
                )
                .with_help(
                    "rename the heading or the alias: every anchor of the page must be unique",
                ),
            );
        } else {
            seen.insert(anchor, what);
        }
    }
    for (text, span) in prose(policy) {
        for target in links(text) {
            if seen.contains_key(target.as_str()) {
                continue;
            }
            let mut diagnostic = Diagnostic::error(
                UNKNOWN_REFERENCE,
                span,
                format!(
                    "the link `#{target}` points at no section, table or heading of the notice"
                ),
            );
            diagnostic = match suggest::closest(&target, seen.keys().copied()) {
                Some(close) => diagnostic.with_help(format!("did you mean `#{close}`?")),
                None => diagnostic.with_help(
                    "link to a section id (`#cookies_usage`), a row (`#dataset-ID`, `#recipient-ID`, `#ccpa-ID`), a definition (`#definition-ID`), a table (`#datasets-table`) or a heading written in prose (its words, joined by `-`)",
                ),
            };
            diagnostics.push(diagnostic);
        }
    }
}

/// Where to point for an anchor used twice: the section or data set whose
/// alias it is, else the section whose prose holds the heading.
fn duplicate_span(policy: &Policy, anchor: &str) -> Span {
    for section in &policy.sections {
        if section.aliases.iter().any(|a| a == anchor) {
            return section.span;
        }
    }
    for d in &policy.datasets {
        if d.aliases.iter().any(|a| format!("dataset-{a}") == anchor) {
            return d.spans.aliases.unwrap_or(d.span);
        }
    }
    for section in &policy.sections {
        for block in &section.blocks {
            if let Block::Text { markdown, span } = block
                && headings(markdown).iter().any(|h| slug(h) == anchor)
            {
                return *span;
            }
        }
    }
    policy.span
}
