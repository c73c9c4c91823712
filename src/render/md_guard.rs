//! The last step of every Markdown output: the whole document, as it will
//! be published, read back as CommonMark and made safe.
//!
//! Prose is made safe piece by piece ([`super::markdown::to_markdown`]),
//! but a piece pasted into a list item, a definition or a table cell means
//! something else there: a fenced code block loses its fence and its
//! `<script>` line becomes an HTML block; lines joined into one table cell
//! become inline HTML. So the document is parsed once more, with the same
//! parser every renderer is close to (raw HTML recognised, GitHub tables),
//! and every [`Hazard`] found is escaped where it stands, until none is
//! left. The only raw HTML a template may write is `<br>`, in table cells.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::markdown::{is_safe_url, looks_like_entity, parser, push_escaped};

/// Something in a Markdown document that a renderer would turn into markup
/// or a link the author of a policy should not be able to produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hazard {
    /// Raw HTML, as a block or inline (other than a template's `<br>`).
    RawHtml(Range<usize>),
    /// A link or image whose address has a scheme other than `http`,
    /// `https`, `mailto` or `tel`.
    UnsafeUrl(Range<usize>),
    /// A link reference definition: it applies to the whole document.
    LinkDefinition(Range<usize>),
    /// A link that takes its address from a definition.
    ReferenceLink(Range<usize>),
    /// A `<` or `>` that CommonMark reads as text (bare, or escaped with a
    /// backslash), but a laxer renderer might not, and one that links bare
    /// addresses may take the backslash into the address.
    BareAngle(Range<usize>),
    /// Where a renderer that links bare addresses in the source would start
    /// reading one (`https://`, `www.`): it would take the backslash
    /// escapes after it into the address.
    BareAddress(Range<usize>),
}

impl Hazard {
    /// Where it is in the document.
    #[must_use]
    pub fn range(&self) -> &Range<usize> {
        match self {
            Hazard::RawHtml(r)
            | Hazard::UnsafeUrl(r)
            | Hazard::LinkDefinition(r)
            | Hazard::ReferenceLink(r)
            | Hazard::BareAngle(r)
            | Hazard::BareAddress(r) => r,
        }
    }
}

/// Every hazard of a Markdown document, in document order.
#[must_use]
pub fn hazards(document: &str) -> Vec<Hazard> {
    let mut found = Vec::new();
    let mut in_code_block = false;
    let mut in_autolink = false;
    let mut events = parser(document).into_offset_iter();
    for (event, range) in events.by_ref() {
        match event {
            Event::InlineHtml(html) if html.as_ref() == "<br>" => {}
            Event::Html(_) | Event::InlineHtml(_) => found.push(Hazard::RawHtml(range)),
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    ..
                },
            ) => {
                in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if !is_safe_url(&dest_url) {
                    found.push(Hazard::UnsafeUrl(range));
                } else if !matches!(
                    link_type,
                    LinkType::Inline | LinkType::Autolink | LinkType::Email
                ) {
                    found.push(Hazard::ReferenceLink(range));
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::End(TagEnd::Link) => in_autolink = false,
            Event::Text(_) if !in_code_block && !in_autolink => {
                let bytes = document.as_bytes();
                for i in range {
                    let escaped =
                        bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1;
                    match bytes[i] {
                        b'<' | b'>' => {
                            let start = if escaped { i - 1 } else { i };
                            found.push(Hazard::BareAngle(start..i + 1));
                        }
                        b':' | b'.' if !escaped && swallows(document, i) => {
                            found.push(Hazard::BareAddress(i..i + 1));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    for (_, definition) in events.reference_definitions().iter() {
        found.push(Hazard::LinkDefinition(definition.span.clone()));
    }
    found.sort_by_key(|h| (h.range().start, std::cmp::Reverse(h.range().end)));
    found
}

/// Whether the byte at `at` (a `:` or a `.`) is where a renderer that
/// links bare addresses in the source (cmark-gfm, markdown-it's inline
/// `linkify`) starts reading one, and the address it would read (up to a
/// space or a `<`) takes in an escape (a backslash, or an entity such as
/// `&lt;`) or the backtick that opens a code span (the code after it would
/// be read as Markdown, its `<img>` as HTML). The start is then escaped (`https\://`, `www\.`), which changes
/// nothing in what a reader sees, but no longer starts an address in the
/// source; renderers that link addresses in the parsed text still may,
/// and safely, for the parsed text has no escape left to lose.
///
/// An address followed by nothing it could swallow stays as written, and
/// GitHub still links it.
fn swallows(document: &str, at: usize) -> bool {
    let bytes = document.as_bytes();
    let starts = match bytes.get(at) {
        Some(b':') => {
            bytes[at + 1..].starts_with(b"//") && at > 0 && bytes[at - 1].is_ascii_alphanumeric()
        }
        Some(b'.') => {
            at >= 3
                && bytes[at - 3..at].eq_ignore_ascii_case(b"www")
                // GitHub's rule: at the start of a line, after a space or
                // after `*`, `_`, `~` or `(`.
                && (at == 3 || matches!(bytes[at - 4], b' ' | b'\t' | b'\n' | b'\r' | b'*' | b'_' | b'~' | b'('))
        }
        _ => false,
    };
    if !starts {
        return false;
    }
    let run = &document[at..];
    let run = &run[..run
        .find(|c: char| c.is_whitespace() || c == '<')
        .unwrap_or(run.len())];
    run.contains(['\\', '`'])
        || run
            .match_indices('&')
            .any(|(i, _)| looks_like_entity(&run[i + 1..]))
}

/// How many times [`guard`] escapes and reads again before giving up.
const ROUNDS: usize = 8;

/// The document with every hazard escaped: raw HTML, unsafe links,
/// reference links and definitions become the literal characters they
/// were written with.
///
/// Escaping can change how the lines around a hazard read (an HTML block
/// that becomes a paragraph may take in the next line), so the document is
/// read again after each round, until it has no hazard.
///
/// # Errors
/// Hazards are still found after several rounds; nothing should then be
/// published. The message says what is left.
pub fn guard(document: &str) -> Result<String, String> {
    let mut text = document.to_owned();
    for _ in 0..ROUNDS {
        let found = hazards(&text);
        if found.is_empty() {
            return Ok(text);
        }
        text = escape_ranges(&text, found.iter().map(Hazard::range));
    }
    let left = hazards(&text);
    match left.first() {
        None => Ok(text),
        Some(hazard) => Err(format!(
            "the rendered Markdown still holds {} hazards after escaping (the first: {hazard:?})",
            left.len()
        )),
    }
}

/// Backslash-escapes the ASCII punctuation of each range (sorted by start;
/// a range inside one already escaped is skipped).
fn escape_ranges<'a>(text: &str, ranges: impl Iterator<Item = &'a Range<usize>>) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for range in ranges {
        if range.end <= at {
            continue;
        }
        let start = range.start.max(at);
        out.push_str(&text[at..start]);
        let mut piece = &text[start..range.end];
        if let Some(angle) = piece.strip_prefix('\\')
            && matches!(angle, "<" | ">")
        {
            piece = angle; // an escaped `\<`: the entity alone
        }
        for c in piece.chars() {
            push_escaped(&mut out, c);
        }
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_line_out_of_its_fence_is_escaped() {
        let doc = "Term: ```\n<script>alert(document.cookie)</script>\n```\n";
        assert!(!hazards(doc).is_empty());
        let safe = guard(doc).expect("guarded");
        assert!(hazards(&safe).is_empty(), "{safe}");
        assert!(!safe.contains("<script>"), "{safe}");
    }

    #[test]
    fn cross_block_definitions_are_text() {
        let doc = "## A\n\n[x]: javascript:alert(document.domain)\n\n## B\n\n[write to us][x]\n";
        let safe = guard(doc).expect("guarded");
        assert!(hazards(&safe).is_empty(), "{safe}");
        assert!(safe.contains("\\[write to us\\]\\[x\\]"), "{safe}");
    }

    #[test]
    fn template_breaks_are_kept() {
        let doc =
            "| a | b |\n| --- | --- |\n| one<br>two | ~~~ <img src=x onerror=alert(1)> ~~~ |\n";
        let safe = guard(doc).expect("guarded");
        assert!(safe.contains("one<br>two"), "{safe}");
        assert!(safe.contains("~~~ &lt;img src\\=x"), "{safe}");
        assert!(hazards(&safe).is_empty(), "{safe}");
    }

    #[test]
    fn an_address_before_an_escape_no_longer_starts_in_the_source() {
        let doc = "Notice https://ok.example/\\<img src=x onerror=alert(1)\\>\n";
        let safe = guard(doc).expect("guarded");
        assert_eq!(
            safe,
            "Notice https\\://ok.example/&lt;img src=x onerror=alert(1)&gt;\n"
        );
        let code = guard("see https://a.example/`<img src=x onerror=f()>`\n").expect("guarded");
        assert_eq!(code, "see https\\://a.example/`<img src=x onerror=f()>`\n");
        let www = guard("see www.shop.example/a\\_b\n").expect("guarded");
        assert_eq!(www, "see www\\.shop.example/a\\_b\n");
        // An address with nothing to swallow stays as written.
        let clean = "see https://shop.example/privacy and www.shop.example.\n";
        assert_eq!(guard(clean).expect("guarded"), clean);
    }
}
