//! HTML-only concerns: the sanitiser every piece of rendered prose passes
//! through.
//!
//! [`super::markdown`] already renders raw HTML as text and drops unsafe
//! link addresses, so on a correct build this pass changes nothing of
//! substance. It is kept as an independent second line of defence: should a
//! future pulldown-cmark option or a bug let markup through, ammonia's
//! allow-list still keeps scripts, event handlers and `javascript:` URLs out
//! of the page.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The sanitiser: ammonia's defaults (a conservative allow-list of tags and
/// attributes, an `id` on headings, no `style`, no event handlers, `rel="noopener noreferrer"`
/// on links), with URLs limited to the schemes a notice needs.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
    // Prose headings carry their anchor (`super::prose`).
    for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(heading, ["id"]);
    }
    builder
});

/// Sanitises a fragment of HTML rendered from prose.
///
/// Most prose renders to paragraphs and emphasis only: tags without a
/// single attribute, from a short allow-list, which can carry no script,
/// handler or URL. Such a fragment is returned as pulldown-cmark wrote it:
/// there is nothing for ammonia to remove, and skipping it makes a
/// 10,000-data-set build several times faster. Anything else (a link, an image, a tag
/// outside the list, an attribute) goes through ammonia, which may also
/// re-serialise it (`<br>` for `<br />`, `"` for `&quot;`).
#[must_use]
pub fn sanitise(fragment: &str) -> String {
    if is_plain(fragment) {
        return fragment.to_owned();
    }
    SANITISER.clean(fragment).to_string()
}

/// Tags that are harmless when they have no attributes.
const PLAIN_TAGS: &[&str] = &[
    "p",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// Whether every tag of `html` is an attribute-free tag of [`PLAIN_TAGS`]
/// (`<p>`, `</em>`, `<br />`); text between tags is escaped by the
/// Markdown writer, so such a fragment holds no active content.
fn is_plain(html: &str) -> bool {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('>') else {
            return false;
        };
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        let name = tag.strip_prefix('/').unwrap_or(tag);
        let name = name.strip_suffix(" /").unwrap_or(name);
        if !PLAIN_TAGS.contains(&name) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{is_plain, sanitise};

    #[test]
    fn only_attribute_free_listed_tags_skip_ammonia() {
        assert!(is_plain(
            "<p>a <em>b</em> &lt;script&gt;<br />\nc</p>\n<ul>\n<li>d</li>\n</ul>"
        ));
        assert!(!is_plain("<p><a href=\"https://x\">x</a></p>"));
        assert!(!is_plain("<p onclick=\"x()\">a</p>"));
        assert!(!is_plain("<script>alert(1)</script>"));
        assert!(!is_plain("<p>unclosed <"));
        assert!(!is_plain("<img src=x>"));
    }

    #[test]
    fn removes_scripts_handlers_and_javascript_urls() {
        let dirty =
            r#"<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a></p>"#;
        let clean = sanitise(dirty);
        assert!(!clean.contains("script"), "{clean}");
        assert!(!clean.contains("onclick"), "{clean}");
        assert!(!clean.contains("javascript"), "{clean}");
    }
}
