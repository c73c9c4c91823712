//! Markdown prose: the one place the pulldown-cmark parser is configured,
//! and the ways prose leaves candor.
//!
//! A policy's prose is Markdown written by a legal team, and it ends up in
//! a web page. Three rules keep that safe, in both outputs alike:
//!
//! - **raw HTML is text.** An HTML block or inline tag written in prose is
//!   shown as the characters the author typed, never interpreted. Markdown
//!   covers the formatting a notice needs; a `<script>` or an `onclick=`
//!   can then never reach a page, whatever renders the Markdown later.
//! - **links keep only safe schemes** (`http`, `https`, `mailto`, `tel`,
//!   or a relative address). A `javascript:` link becomes its plain text.
//! - **plain strings are escaped**: display names are text, not Markdown,
//!   so [`escape_text`] backslash-escapes what Markdown would act on.
//!
//! The HTML produced here is then passed through ammonia
//! ([`super::html::sanitise`]) as a second, independent line of defence.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::html;
use super::prose::{self, ProseOptions};

/// The parser every piece of prose goes through. Tables and strikethrough
/// are the GitHub extensions lawyers reach for; smart punctuation stays off
/// so that the notice prints the author's quotes and dashes unchanged.
pub(crate) fn parser(markdown: &str) -> Parser<'_> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(markdown, options)
}

/// Whether a link or image address is safe to keep: `http`, `https`,
/// `mailto`, `tel`, or no scheme at all (a relative address or a fragment).
/// Browsers ignore ASCII whitespace and control characters inside a scheme
/// (`java\tscript:`), so they are ignored here too.
#[must_use]
pub fn is_safe_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    let Some(colon) = compact.find(':') else {
        return true;
    };
    if compact[..colon].contains(['/', '?', '#']) {
        return true;
    }
    let scheme = compact[..colon].to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
}

/// One change [`to_markdown`] makes to the author's text.
enum Edit {
    /// Backslash-escape the ASCII punctuation of the range.
    Escape,
    /// Replace the range by this text.
    Replace(String),
}

/// A link or image being read: where it is, and where its text is.
struct OpenLink {
    range: Range<usize>,
    image: bool,
    /// An autolink `<https://...>` or `<a@b.c>`: its text is its address.
    autolink: bool,
    /// A reference link with its definition in the same prose, rewritten
    /// inline: `(destination, title)`.
    inline: Option<(String, String)>,
    text: Option<Range<usize>>,
}

/// Prose as Markdown for `privacy-policy.md`: the author's text, with every
/// raw HTML span and every link with an unsafe address turned into literal
/// text by backslash-escaping its punctuation.
///
/// Prose is pasted into a larger document, so nothing in it may reach past
/// itself: a link reference definition (`[x]: https://...`) would apply to
/// the whole document, and a `[text][x]` would find a definition written in
/// another section. Reference links whose definition is in the same prose
/// are rewritten as inline links, the definitions are dropped, and every
/// other `[` or `]` of the text is escaped.
#[must_use]
pub fn to_markdown(markdown: &str) -> String {
    let mut edits: Vec<(Range<usize>, Edit)> = Vec::new();
    let mut in_code_block = false;
    let mut links: Vec<OpenLink> = Vec::new();
    let mut events = parser(markdown).into_offset_iter();
    for (event, range) in events.by_ref() {
        // Every event inside a link is part of its text, but the end of
        // the link itself.
        let closing = usize::from(matches!(event, Event::End(TagEnd::Link | TagEnd::Image)));
        let inside = links.len().saturating_sub(closing);
        for open in &mut links[..inside] {
            let text = open.text.get_or_insert(range.clone());
            text.start = text.start.min(range.start);
            text.end = text.end.max(range.end);
        }
        match event {
            Event::Start(Tag::HtmlBlock) => {}
            Event::InlineHtml(_) | Event::Html(_) => edits.push((range, Edit::Escape)),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !is_safe_url(&dest_url) =>
            {
                edits.push((range, Edit::Escape));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => links.push(open_link(range, false, link_type, &dest_url, &title)),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                ..
            }) => links.push(open_link(range, true, link_type, &dest_url, &title)),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(link) = links.pop() {
                    close_link(link, &mut edits);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            // A `<` that CommonMark reads as text (`<img src=x onerror=f('')>`
            // is not a valid tag) is escaped too, for Markdown renderers
            // that are laxer about what a tag is; so are brackets, which
            // could otherwise pair with a definition elsewhere.
            // `<` and `>` become entities even when the author escaped
            // them (see [`push_escaped`]). The text of an autolink
            // `<https://...>` is its address, and stays as written.
            Event::Text(_) if !in_code_block && !in_autolink(&links) => {
                let bytes = markdown.as_bytes();
                for i in range.clone() {
                    let escaped = odd_backslashes_before(bytes, i);
                    match bytes[i] {
                        b'<' | b'>' => {
                            let start = if escaped { i - 1 } else { i };
                            edits.push((start..i + 1, Edit::Escape));
                        }
                        b'[' | b']' if !escaped => edits.push((i..i + 1, Edit::Escape)),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    for (_, definition) in events.reference_definitions().iter() {
        edits.push((definition.span.clone(), Edit::Replace(String::new())));
    }
    if edits.is_empty() {
        return markdown.trim_end().to_owned();
    }
    edits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut at = 0;
    for (range, edit) in edits {
        if range.end <= at && !(range.is_empty() && range.start == at) {
            continue; // inside a range already edited
        }
        match edit {
            Edit::Escape => {
                let start = range.start.max(at);
                out.push_str(&markdown[at..start]);
                let mut piece = &markdown[start..range.end];
                if let Some(angle) = piece.strip_prefix('\\')
                    && matches!(angle, "<" | ">")
                {
                    piece = angle; // the author's `\<`: the entity alone
                }
                for c in piece.chars() {
                    push_escaped(&mut out, c);
                }
            }
            Edit::Replace(text) => {
                if range.start < at {
                    continue; // overlaps an edit already made
                }
                out.push_str(&markdown[at..range.start]);
                out.push_str(&text);
            }
        }
        at = range.end;
    }
    out.push_str(&markdown[at..]);
    out.trim_end().to_owned()
}

/// Whether the innermost link being read is an autolink `<...>`.
fn in_autolink(links: &[OpenLink]) -> bool {
    links.last().is_some_and(|l| l.autolink)
}

/// Whether the byte at `at` is escaped: an odd number of backslashes
/// right before it.
fn odd_backslashes_before(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

/// Starts reading a link: a reference link is noted for rewriting inline.
fn open_link(
    range: Range<usize>,
    image: bool,
    link_type: LinkType,
    dest: &str,
    title: &str,
) -> OpenLink {
    let reference = matches!(
        link_type,
        LinkType::Reference
            | LinkType::ReferenceUnknown
            | LinkType::Collapsed
            | LinkType::CollapsedUnknown
            | LinkType::Shortcut
            | LinkType::ShortcutUnknown
    );
    OpenLink {
        range,
        image,
        autolink: matches!(link_type, LinkType::Autolink | LinkType::Email),
        inline: reference.then(|| (dest.to_owned(), title.to_owned())),
        text: None,
    }
}

/// Rewrites a reference link as `[text](destination "title")`.
fn close_link(link: OpenLink, edits: &mut Vec<(Range<usize>, Edit)>) {
    let Some((dest, title)) = link.inline else {
        return;
    };
    let opener = if link.image { 2 } else { 1 };
    let text = link
        .text
        .unwrap_or(link.range.start + opener..link.range.start + opener);
    let mut tail = String::from("](");
    for c in dest.chars() {
        match c {
            '<' | '>' | '(' | ')' | '\\' => {
                tail.push('\\');
                tail.push(c);
            }
            ' ' => tail.push_str("%20"),
            c if c.is_control() => {}
            c => tail.push(c),
        }
    }
    if !title.is_empty() {
        tail.push_str(" \"");
        for c in title.chars() {
            match c {
                '"' | '\\' => {
                    tail.push('\\');
                    tail.push(c);
                }
                c if c.is_control() => tail.push(' '),
                c => tail.push(c),
            }
        }
        tail.push('"');
    }
    tail.push(')');
    let head = if link.image { "![" } else { "[" };
    edits.push((link.range.start..text.start, Edit::Replace(head.to_owned())));
    edits.push((text.end..link.range.end, Edit::Replace(tail)));
}

/// Prose as one cell of a Markdown table: a GitHub table cell is one line,
/// so paragraphs are joined with `<br><br>` and the lines of a paragraph
/// with a space, and a `|` is escaped so that it cannot end the cell.
#[must_use]
pub fn to_markdown_cell(markdown: &str) -> String {
    let safe = to_markdown(markdown);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in safe.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    escape_pipes(&paragraphs.join("<br><br>"))
}

/// Escapes each `|` not already escaped, for a Markdown table cell.
fn escape_pipes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut backslashes = 0usize;
    for c in text.chars() {
        if c == '|' && backslashes.is_multiple_of(2) {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// How deeply quotes and lists may nest in the HTML of prose.
const MAX_NESTING: usize = 16;

/// Prose as sanitised HTML, block by block (`<p>`, `<ul>`, ...), with the
/// default [`ProseOptions`].
#[must_use]
pub fn to_html(markdown: &str) -> String {
    to_html_with(markdown, &ProseOptions::default())
}

/// Prose as sanitised HTML, block by block. Headings written in prose
/// become subsections under the section's heading, and addresses are
/// linked, as [`prose`] describes.
#[must_use]
pub fn to_html_with(markdown: &str, options: &ProseOptions) -> String {
    let mut in_unsafe_link = false;
    // Whether each open container (quote, list, item) is kept: past
    // MAX_NESTING, containers are flattened into their parent, so that
    // 50,000 nested `>` do not reach the HTML sanitiser as 50,000 levels.
    let mut containers: Vec<bool> = Vec::new();
    let mut kept = 0usize;
    let events = parser(markdown).filter_map(|event| match event {
        Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
            let keep = kept < MAX_NESTING;
            containers.push(keep);
            kept += usize::from(keep);
            keep.then_some(event)
        }
        Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
            let keep = containers.pop().unwrap_or(true);
            kept -= usize::from(keep && kept > 0);
            keep.then_some(event)
        }
        // An item goes with its list.
        Event::Start(Tag::Item) | Event::End(TagEnd::Item) => {
            containers.last().copied().unwrap_or(true).then_some(event)
        }
        // Raw HTML becomes text, which the HTML writer escapes.
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => None,
        // An unsafe link keeps its text and loses its address; an unsafe
        // image keeps its alternative text.
        Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. })
            if !is_safe_url(dest_url) =>
        {
            in_unsafe_link = true;
            None
        }
        Event::End(TagEnd::Link | TagEnd::Image) if in_unsafe_link => {
            in_unsafe_link = false;
            None
        }
        other => Some(other),
    });
    let events = prose::transform(events, options);
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    html::sanitise(out.trim_end())
}

/// Prose as HTML to sit inside a line (a list item, after "Name – "): one
/// paragraph loses its `<p>` wrapper; longer prose keeps its blocks.
#[must_use]
pub fn to_html_inline(markdown: &str) -> String {
    to_html_inline_with(markdown, &ProseOptions::default())
}

/// [`to_html_inline`] with the given [`ProseOptions`].
#[must_use]
pub fn to_html_inline_with(markdown: &str, options: &ProseOptions) -> String {
    let block = to_html_with(markdown, options);
    match block
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => block,
    }
}

/// A plain string (a display name, an address) as Markdown text that shows
/// exactly those characters: Markdown's punctuation is backslash-escaped,
/// an entity-like `&name;` keeps its ampersand, and a line break becomes a
/// space (a plain string is one line; in a table cell a break would end the
/// row).
#[must_use]
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&text[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// How a character of text is written so that it stays text: `<` and `>`
/// as entities, other ASCII punctuation backslash-escaped.
///
/// `<` and `>` are never backslash-escaped: a renderer that turns bare
/// addresses into links (GitHub's, markdown-it's `linkify`) reads the
/// address in the source up to the `<`, takes the backslash into the link,
/// and the `<img onerror=...>` after it becomes live HTML. An entity has no
/// backslash to lose.
pub(crate) fn push_escaped(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        c if c.is_ascii_punctuation() => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    }
}

/// Whether text after an `&` would make an entity: `amp;`, `#39;`, `#x27;`.
pub(crate) fn looks_like_entity(rest: &str) -> bool {
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name_len > 0 && rest.as_bytes().get(name_len) == Some(&b';')
}

/// Writes [`escape_text`] of `input`: the escape function of the Markdown
/// templates, so that `{{ name }}` in a `.md` template is escaped the way
/// `{{ name }}` in an `.html` template is.
///
/// # Errors
/// Only the writer's.
pub fn write_escaped(input: &str, output: &mut dyn std::io::Write) -> std::io::Result<()> {
    output.write_all(escape_text(input).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text_in_markdown() {
        let md = to_markdown("Hello <script>alert(1)</script> world");
        assert!(!md.contains("<script>"), "{md}");
        assert!(md.contains("&lt;script&gt;"), "{md}");
    }

    #[test]
    fn html_block_is_text_in_markdown() {
        let md = to_markdown("<div onclick=\"x()\">\nhi\n</div>\n\nAfter.");
        assert!(
            md.starts_with("&lt;div onclick\\=\\\"x\\(\\)\\\"&gt;"),
            "{md}"
        );
        assert!(md.ends_with("After."), "{md}");
    }

    #[test]
    fn raw_html_is_escaped_in_html() {
        let html = to_html("Hello <img src=x onerror=alert(1)> <b>bold</b>");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_lose_their_address() {
        let html = to_html("[click](javascript:alert(1)) and [ok](https://example.com)");
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(html.contains("click"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
        let md = to_markdown("[click](JaVaScRiPt:alert(1)) <javascript:alert(2)>");
        assert!(md.starts_with("\\[click\\]"), "{md}");
        assert!(md.contains("&lt;javascript\\:alert\\(2\\)&gt;"), "{md}");
        assert_eq!(
            to_markdown("a <img src=x onerror=f('')> `<b>`"),
            "a &lt;img src=x onerror=f('')&gt; `<b>`"
        );
        assert!(!to_html("<javascript:alert(2)>").contains("href"));
    }

    #[test]
    fn safe_url_schemes() {
        assert!(is_safe_url("https://x.y"));
        assert!(is_safe_url("mailto:a@b.c"));
        assert!(is_safe_url("#section"));
        assert!(is_safe_url("/path:with:colons"));
        assert!(!is_safe_url("javascript:alert(1)"));
        assert!(!is_safe_url(" java\nscript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
        assert!(!is_safe_url("vbscript:x"));
    }

    #[test]
    fn cells_are_one_line() {
        let cell = to_markdown_cell("First line\nsame paragraph.\n\nSecond | paragraph.");
        assert_eq!(
            cell,
            "First line same paragraph.<br><br>Second \\| paragraph."
        );
    }

    #[test]
    fn inline_html_unwraps_one_paragraph() {
        assert_eq!(to_html_inline("Some *text*."), "Some <em>text</em>.");
        assert!(to_html_inline("One.\n\nTwo.").starts_with("<p>"));
    }

    #[test]
    fn prose_headings_are_subsections_with_anchors() {
        assert_eq!(to_html("# Title"), "<h3 id=\"title\">Title</h3>");
        assert!(to_html("#### Deeper").starts_with("<h4 id=\"deeper\">"));
    }

    #[test]
    fn plain_text_is_escaped_for_markdown() {
        assert_eq!(
            escape_text("a*b_c [x](y) <i> | AT&T &amp;"),
            "a\\*b\\_c \\[x\\](y) &lt;i&gt; \\| AT&T \\&amp;"
        );
        assert_eq!(escape_text("two\nlines"), "two lines");
    }
}
