//! Every web address, e-mail address and phone number of an HTML document
//! as a link, wherever it appears: prose is linked as it is rendered
//! ([`super::prose`]), but the generated lists and table cells print plain
//! values (a contact note, a way to withdraw consent, a vendor's note) that
//! may hold one too.
//!
//! [`linkify_html`] reads the document candor itself wrote (the templates'
//! output, whose text is already escaped) and links the addresses
//! [`find_links`] finds in its text, outside tags, existing links, code,
//! and the `<head>`'s elements. The links it makes are only `https:`,
//! `http:`, `mailto:` and `tel:` ones, and their targets are the escaped
//! text itself, so that nothing the text did not say can enter an attribute.

use super::prose::find_links;

/// Elements whose text is left alone: links already, code, and what is not
/// shown as running text.
const SKIPPED: &[&str] = &[
    "a", "code", "pre", "script", "style", "title", "textarea", "button", "svg", "kbd", "samp",
    "select", "option",
];

/// The HTML with every address in its text linked.
#[must_use]
pub fn linkify_html(html: &str, calling_code: Option<&str>) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        link_text(&rest[..open], calling_code, &mut out);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").map_or(rest.len(), |e| e + 4 + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let Some(close) = tag_end(rest) else {
            // Not a tag (a stray `<` would have been escaped): keep the rest.
            out.push_str(rest);
            return out;
        };
        let tag = &rest[..close];
        out.push_str(tag);
        rest = &rest[close..];
        let name = tag_name(tag);
        if !tag.starts_with("</") && !tag.ends_with("/>") && SKIPPED.contains(&name.as_str()) {
            // Copy up to the matching end tag, counting nested ones.
            let mut depth = 1usize;
            loop {
                let Some(next) = rest.find('<') else {
                    out.push_str(rest);
                    return out;
                };
                out.push_str(&rest[..next]);
                rest = &rest[next..];
                let Some(close) = tag_end(rest) else {
                    out.push_str(rest);
                    return out;
                };
                let inner = &rest[..close];
                if tag_name(inner) == name && !inner.ends_with("/>") {
                    if inner.starts_with("</") {
                        depth -= 1;
                    } else {
                        depth += 1;
                    }
                }
                out.push_str(inner);
                rest = &rest[close..];
                if depth == 0 {
                    break;
                }
            }
        }
    }
    link_text(rest, calling_code, &mut out);
    out
}

/// The end (exclusive) of the tag `text` starts with, quoted attribute
/// values aside.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// The lower-case name of a tag (`<a href=...>` and `</a>` give `a`).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Escaped text with its addresses linked.
fn link_text(text: &str, calling_code: Option<&str>, out: &mut String) {
    if text.is_empty() {
        return;
    }
    let mut at = 0;
    for found in find_links(text, calling_code) {
        // An address stops where an escaped character starts (`&lt;`,
        // `&quot;`, ...): those were never part of one.
        let end = text[found.start..found.end]
            .match_indices('&')
            .map(|(i, _)| found.start + i)
            .find(|&i| !text[i..].starts_with("&amp;"))
            .unwrap_or(found.end);
        let shown = &text[found.start..end];
        let href = if end == found.end {
            found.href.clone()
        } else {
            let cut = found.end - end;
            found.href[..found.href.len().saturating_sub(cut)].to_owned()
        };
        if !safe_href(&href) || shown.is_empty() {
            continue;
        }
        out.push_str(&text[at..found.start]);
        out.push_str("<a href=\"");
        out.push_str(&href);
        out.push_str("\">");
        out.push_str(shown);
        out.push_str("</a>");
        at = end;
    }
    out.push_str(&text[at..]);
}

/// Only web, mail and phone links, with nothing that could end the
/// attribute or start a tag.
fn safe_href(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
        && !href.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_addresses_in_text_only() {
        let html = "<li>Write to privacy@example.com or call 1-888-555-0142.</li>";
        assert_eq!(
            linkify_html(html, Some("1")),
            "<li>Write to <a href=\"mailto:privacy@example.com\">privacy@example.com</a> or call \
             <a href=\"tel:+18885550142\">1-888-555-0142</a>.</li>"
        );
    }

    #[test]
    fn leaves_links_attributes_and_code_alone() {
        let html = "<a href=\"https://x.example\">https://x.example</a>\
                    <td data-label=\"a@b.example\">x</td><code>https://y.example</code>";
        assert_eq!(linkify_html(html, None), html);
    }

    #[test]
    fn an_escaped_character_ends_an_address() {
        let html = "<p>see https://x.example/a&quot;onmouseover=&quot;x and \
                    https://x.example/?a=1&amp;b=2 and https://x.example/?a&amp;b&lt;c</p>";
        let out = linkify_html(html, None);
        assert!(out.contains("<a href=\"https://x.example/a\">https://x.example/a</a>&quot;"));
        assert!(out.contains("<a href=\"https://x.example/?a=1&amp;b=2\">"));
        assert!(!out.contains("onmouseover=\""));
        assert!(out.contains(
            "<a href=\"https://x.example/?a&amp;b\">https://x.example/?a&amp;b</a>&lt;c"
        ));
    }

    #[test]
    fn nested_skipped_elements_and_comments() {
        let html = "<!-- a@b.example --><pre><code>a@b.example</code></pre><p>a@b.example</p>";
        let out = linkify_html(html, None);
        assert!(out.starts_with("<!-- a@b.example --><pre><code>a@b.example</code></pre>"));
        assert!(out.ends_with("<p><a href=\"mailto:a@b.example\">a@b.example</a></p>"));
    }
}
