//! Links and headings in HTML prose: autolinked addresses, cross-references
//! under an id prefix, and headings at the right level with an anchor.
//!
//! [`super::markdown::to_html_with`] passes the events of every piece of
//! prose through [`transform`]:
//!
//! - **autolinks**: a web address (`https://...`, `www....`), an e-mail
//!   address (`name@example.com`) or a phone number (`866-978-8260`,
//!   `+44 20 7946 0000`) written in running text becomes a link, outside
//!   code and existing links. A national number gets the policy's country
//!   calling code in its `tel:` address when the policy knows it.
//! - **cross-references**: a link to `#anchor` gets the id prefix, so that
//!   it still points into its own fragment when two share a page.
//!   `crate::check::anchors` checks at compile time that the anchor exists.
//! - **headings** written in prose are subsections: `###` (the level they
//!   have in `privacy-policy.md`) and anything shallower is one level below
//!   the section heading, `####` two levels, and so on, at most `<h6>`.
//!   Each gets an `id`: the prefix and [`slug`] of its text.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

pub use crate::text::{is_id_prefix, slug};

/// How prose is turned into HTML beyond the Markdown itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseOptions {
    /// Put before every `id` and `#` link (`pp-`); empty by default.
    pub id_prefix: String,
    /// The HTML level of a subsection heading (`###` in prose): one below
    /// the section headings. 3 by default (title `<h1>`, sections `<h2>`).
    pub subsection_level: u8,
    /// The country calling code (`1`, `44`) for the `tel:` links of
    /// national numbers, when the policy says where the controller is.
    pub calling_code: Option<String>,
    /// Whether to link addresses and numbers found in running text.
    pub autolink: bool,
}

impl Default for ProseOptions {
    fn default() -> Self {
        ProseOptions {
            id_prefix: String::new(),
            subsection_level: 3,
            calling_code: None,
            autolink: true,
        }
    }
}

/// Applies autolinks, the id prefix and heading levels to a stream of
/// Markdown events.
pub fn transform<'a>(
    events: impl Iterator<Item = Event<'a>>,
    options: &ProseOptions,
) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::new();
    let mut text = String::new();
    let mut link_depth = 0usize;
    let mut code_depth = 0usize;
    let mut heading: Option<usize> = None;
    for event in events {
        if let Event::Text(t) = &event
            && link_depth == 0
            && code_depth == 0
        {
            text.push_str(t);
            continue;
        }
        flush(&mut text, &mut out, options);
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                link_depth += 1;
                let dest_url = match dest_url.strip_prefix('#') {
                    Some(anchor) if !options.id_prefix.is_empty() => {
                        CowStr::from(format!("#{}{anchor}", options.id_prefix))
                    }
                    _ => dest_url,
                };
                out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                out.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                code_depth += 1;
                out.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                code_depth = code_depth.saturating_sub(1);
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                heading = Some(out.len());
                out.push(Event::Start(Tag::Heading {
                    level: subsection(level, options.subsection_level),
                    id: None,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading.take() {
                    let words = plain_text(&out[start..]);
                    if let Some(Event::Start(Tag::Heading { id, .. })) = out.get_mut(start) {
                        let slug = slug(&words);
                        if !slug.is_empty() {
                            *id = Some(CowStr::from(format!("{}{slug}", options.id_prefix)));
                        }
                    }
                }
                out.push(Event::End(TagEnd::Heading(subsection(
                    level,
                    options.subsection_level,
                ))));
            }
            other => out.push(other),
        }
    }
    flush(&mut text, &mut out, options);
    out
}

/// The text of a run of events (a heading's words).
fn plain_text(events: &[Event<'_>]) -> String {
    let mut words = String::new();
    for event in events {
        if let Event::Text(t) | Event::Code(t) = event {
            words.push_str(t);
        }
    }
    words
}

/// The HTML level of a prose heading: `###` and above is the subsection
/// level, each `#` more one level deeper, at most 6.
fn subsection(level: HeadingLevel, subsection_level: u8) -> HeadingLevel {
    let depth = (level as u8).saturating_sub(3);
    match subsection_level.saturating_add(depth).clamp(1, 6) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Writes the text gathered so far, with its addresses linked.
fn flush<'a>(text: &mut String, out: &mut Vec<Event<'a>>, options: &ProseOptions) {
    if text.is_empty() {
        return;
    }
    let text = std::mem::take(text);
    if !options.autolink {
        out.push(Event::Text(CowStr::from(text)));
        return;
    }
    let mut at = 0;
    for found in find_links(&text, options.calling_code.as_deref()) {
        if found.start > at {
            out.push(Event::Text(CowStr::from(text[at..found.start].to_owned())));
        }
        out.push(Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(found.href),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        out.push(Event::Text(CowStr::from(
            text[found.start..found.end].to_owned(),
        )));
        out.push(Event::End(TagEnd::Link));
        at = found.end;
    }
    if at < text.len() {
        out.push(Event::Text(CowStr::from(text[at..].to_owned())));
    }
}

/// An address found in text: its byte range and its link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The link: `https://...`, `mailto:...`, `tel:...`.
    pub href: String,
}

/// Every web address, e-mail address and phone number in `text`, in order.
#[must_use]
pub fn find_links(text: &str, calling_code: Option<&str>) -> Vec<Found> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !is_word_byte(bytes[i - 1]);
        let next = if boundary {
            web_at(text, i)
                .or_else(|| email_at(text, i))
                .or_else(|| phone_at(text, i, calling_code))
        } else {
            None
        };
        match next {
            Some(f) => {
                i = f.end;
                found.push(f);
            }
            None => i += 1,
        }
    }
    found
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 || b == b'@' || b == b'.' || b == b'/'
}

/// Punctuation that ends a sentence rather than an address.
fn trim_trailing(candidate: &str) -> &str {
    candidate.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', '’', '”', '-'])
}

/// `https://...`, `http://...` or `www....` starting at `i`.
fn web_at(text: &str, i: usize) -> Option<Found> {
    let rest = &text[i..];
    let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
    let www = lower.starts_with("www.");
    if !(lower.starts_with("https://") || lower.starts_with("http://") || www) {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(rest.len());
    let url = trim_trailing(&rest[..len]);
    let host_start = if www { 0 } else { url.find("//")? + 2 };
    let host = url[host_start..].split(['/', '?', '#']).next()?;
    if !host.contains('.') || host.ends_with('.') {
        return None;
    }
    let href = if www {
        format!("https://{url}")
    } else {
        url.to_owned()
    };
    Some(Found {
        start: i,
        end: i + url.len(),
        href,
    })
}

/// `name@example.com` starting at `i`: a local part, `@`, and a domain
/// with a dot and a top-level domain of letters.
fn email_at(text: &str, i: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let local = bytes[i..]
        .iter()
        .take_while(|&&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
        })
        .count();
    if local == 0 || bytes.get(i + local) != Some(&b'@') || bytes[i] == b'.' {
        return None;
    }
    let domain_start = i + local + 1;
    let domain_len = bytes[domain_start..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        .count();
    let domain = text[domain_start..domain_start + domain_len].trim_end_matches(['.', '-']);
    let tld = domain.rsplit('.').next()?;
    if !domain.contains('.') || tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let end = domain_start + domain.len();
    Some(Found {
        start: i,
        end,
        href: format!("mailto:{}", &text[i..end]),
    })
}

/// A phone number starting at `i`: an optional `+`, then 10 to 15 digits in
/// groups separated by one space, `-`, `.` or parentheses.
fn phone_at(text: &str, i: usize, calling_code: Option<&str>) -> Option<Found> {
    let bytes = text.as_bytes();
    let first = *bytes.get(i)?;
    if !(first.is_ascii_digit() || first == b'+' || first == b'(') {
        return None;
    }
    let mut digits = String::new();
    let mut end = i;
    let mut j = i;
    let mut last_was_separator = false;
    while j < bytes.len() {
        let b = bytes[j];
        if b.is_ascii_digit() {
            digits.push(char::from(b));
            j += 1;
            end = j;
            last_was_separator = false;
        } else if (b == b'+' && j == i) || b == b'(' || b == b')' {
            j += 1;
            if b == b')' {
                end = j;
            }
        } else if matches!(b, b' ' | b'-' | b'.') && !last_was_separator && !digits.is_empty() {
            last_was_separator = true;
            j += 1;
        } else {
            break;
        }
    }
    if !(10..=15).contains(&digits.len()) {
        return None;
    }
    // Not part of a longer word or number.
    if bytes.get(end).is_some_and(|&b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let start = if first == b'(' && !text[i..end].contains(')') {
        i + 1
    } else {
        i
    };
    Some(Found {
        start,
        end,
        href: tel_href(&text[start..end], calling_code)?,
    })
}

/// A `tel:` address: `+` and the digits, with the country calling code
/// added to a national number when it is known (a leading trunk `0` is
/// dropped; a North American `1` is kept as the code).
#[must_use]
pub fn tel_href(number: &str, calling_code: Option<&str>) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 3 {
        return None;
    }
    if number.trim_start().starts_with('+') {
        return Some(format!("tel:+{digits}"));
    }
    Some(match calling_code {
        Some("1") if digits.len() == 11 && digits.starts_with('1') => format!("tel:+{digits}"),
        Some(code) => format!("tel:+{code}{}", digits.trim_start_matches('0')),
        None => format!("tel:{digits}"),
    })
}

/// Country names an address may end with, and their calling codes.
const COUNTRIES: &[(&str, &str)] = &[
    ("united states of america", "1"),
    ("united states", "1"),
    ("usa", "1"),
    ("u.s.a.", "1"),
    ("us", "1"),
    ("canada", "1"),
    ("united kingdom", "44"),
    ("uk", "44"),
    ("ireland", "353"),
    ("germany", "49"),
    ("france", "33"),
    ("spain", "34"),
    ("italy", "39"),
    ("netherlands", "31"),
    ("the netherlands", "31"),
    ("belgium", "32"),
    ("luxembourg", "352"),
    ("austria", "43"),
    ("switzerland", "41"),
    ("sweden", "46"),
    ("denmark", "45"),
    ("norway", "47"),
    ("finland", "358"),
    ("poland", "48"),
    ("portugal", "351"),
    ("israel", "972"),
    ("australia", "61"),
    ("india", "91"),
];

/// The calling code of the country a postal address ends with
/// (`..., Newark, NJ 07102 United States` gives `1`).
#[must_use]
pub fn calling_code(address: &str) -> Option<&'static str> {
    let lower = address
        .trim()
        .trim_end_matches('.')
        .to_lowercase()
        .replace(',', " ");
    COUNTRIES.iter().find_map(|(name, code)| {
        let cut = lower.strip_suffix(name)?;
        (cut.is_empty() || cut.ends_with(' ')).then_some(*code)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hrefs(text: &str) -> Vec<(String, String)> {
        find_links(text, Some("1"))
            .into_iter()
            .map(|f| (text[f.start..f.end].to_owned(), f.href))
            .collect()
    }

    #[test]
    fn links_urls_emails_and_phones_in_text() {
        let text = "Go to https://www.idt.net/ccpa-request and complete the form, write to \
                    Privacy@net2phone.com. Or call 866-978-8260, or www.example.org/a.";
        assert_eq!(
            hrefs(text),
            vec![
                (
                    "https://www.idt.net/ccpa-request".to_owned(),
                    "https://www.idt.net/ccpa-request".to_owned()
                ),
                (
                    "Privacy@net2phone.com".to_owned(),
                    "mailto:Privacy@net2phone.com".to_owned()
                ),
                ("866-978-8260".to_owned(), "tel:+18669788260".to_owned()),
                (
                    "www.example.org/a".to_owned(),
                    "https://www.example.org/a".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn leaves_what_is_not_an_address() {
        // No top-level domain; dates, section numbers and day counts.
        assert!(hrefs("send an email to Privacy@net2phone for information").is_empty());
        assert!(hrefs("on 2023-01-15, §1798.140, within 45 days, 12 month period").is_empty());
        assert!(hrefs("see http://localhost or https://").is_empty());
        assert!(hrefs("a1234567890b").is_empty());
    }

    #[test]
    fn tel_links_carry_the_calling_code() {
        assert_eq!(
            tel_href("+44 20 7946 0000", None),
            Some("tel:+442079460000".to_owned())
        );
        assert_eq!(
            tel_href("020 7946 0000", Some("44")),
            Some("tel:+442079460000".to_owned())
        );
        assert_eq!(
            tel_href("1-866-978-8260", Some("1")),
            Some("tel:+18669788260".to_owned())
        );
        assert_eq!(
            tel_href("866-978-8260", None),
            Some("tel:8669788260".to_owned())
        );
        assert_eq!(
            calling_code("520 Broad Street, Newark, NJ 07102 United States"),
            Some("1")
        );
        assert_eq!(calling_code("1 Rue de la Paix, Paris, France"), Some("33"));
        assert_eq!(calling_code("Somewhere without a country"), None);
        assert_eq!(calling_code("12 Bus Road"), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("D. How to Exercise Your Rights."),
            "d-how-to-exercise-your-rights"
        );
        assert_eq!(slug("  Ünïcode – words "), "ünïcode-words");
        assert_eq!(slug("..."), "");
    }
}
