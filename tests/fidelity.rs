//! Fidelity: the bundled policy, rendered, must contain at least 98% of the
//! reference document's sentences verbatim.
//!
//! A port of `fidelity.py` (the project's measuring tool): both sides are
//! normalised alike (tags dropped, entities decoded, curly quotes, dashes,
//! no-break spaces and the ellipsis unified, whitespace collapsed, case
//! folded), the reference is cut into sentences, and a sentence counts when
//! it stands, whole, somewhere in the rendered text. The test prints the
//! share and every missing sentence.

use std::path::Path;

use candor::model::PolicyDate;
use candor::render::{self, RenderOptions};

const REFERENCE: &str = include_str!("fixtures/reference/000_d491e0724e9382c4.txt");
const MINIMUM: f64 = 0.98;

/// `norm`: unescape, unify quotes and dashes, collapse whitespace, strip,
/// case-fold.
fn norm(text: &str) -> String {
    let text = unescape(text);
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let mapped: &str = match c {
            '\u{201c}' | '\u{201d}' => "\"",
            '\u{2018}' | '\u{2019}' => "'",
            '\u{2013}' | '\u{2014}' => "-",
            '\u{a0}' => " ",
            '\u{2026}' => "...",
            _ => "",
        };
        let piece = if mapped.is_empty() {
            None
        } else {
            Some(mapped)
        };
        for c in piece.map_or_else(|| vec![c], |m| m.chars().collect()) {
            if c.is_whitespace() {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    casefold(&out)
}

/// Python's `str.casefold` for the text a notice contains: lower case, and
/// the few letters whose folding is not their lower case.
fn casefold(text: &str) -> String {
    text.to_lowercase()
        .replace('ß', "ss")
        .replace('ς', "σ")
        .replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .replace('ﬀ', "ff")
}

/// `html.unescape` for the entities HTML writers produce: numeric ones and
/// the common named ones.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{a0}'),
                    "ndash" => Some('\u{2013}'),
                    "mdash" => Some('\u{2014}'),
                    "lsquo" => Some('\u{2018}'),
                    "rsquo" => Some('\u{2019}'),
                    "ldquo" => Some('\u{201c}'),
                    "rdquo" => Some('\u{201d}'),
                    "hellip" => Some('\u{2026}'),
                    "copy" => Some('©'),
                    _ => None,
                }
            };
            c.map(|c| (c, e + 1))
        });
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `seed_sentences`: per line, strip, drop a trailing `|` and a leading
/// bullet, split after `.!?;` before a capital, `(`, `“` or `"`, normalise,
/// keep sentences of 12 characters or more.
fn seed_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_end_matches('|').trim();
        let line = match line.strip_prefix(['-', '*']) {
            Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
            _ => line,
        };
        if line.is_empty() {
            continue;
        }
        for sentence in split_sentences(line) {
            let sentence = norm(sentence);
            if sentence.chars().count() >= 12 {
                out.push(sentence);
            }
        }
    }
    out
}

/// `re.split(r"(?<=[.!?;])\s+(?=[A-Z(“\"])", line)`.
fn split_sentences(line: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1.is_whitespace() && i > 0 && matches!(chars[i - 1].1, '.' | '!' | '?' | ';') {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
            if j < chars.len()
                && (chars[j].1.is_ascii_uppercase() || matches!(chars[j].1, '(' | '“' | '"'))
            {
                parts.push(&line[start..chars[i].0]);
                start = chars[j].0;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    parts.push(&line[start..]);
    parts
}

/// `rendered_text`: drop `<script>` and `<style>` elements, turn every tag
/// into a space, normalise.
fn rendered_text(page: &str) -> String {
    let lower = page.to_ascii_lowercase();
    let mut kept = String::with_capacity(page.len());
    let mut at = 0;
    while at < page.len() {
        let next = ["script", "style"]
            .iter()
            .filter_map(|name| {
                let mut from = at;
                while let Some(found) = lower[from..].find(&format!("<{name}")) {
                    let open = from + found;
                    let after = open + 1 + name.len();
                    let boundary = lower[after..]
                        .chars()
                        .next()
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    if boundary {
                        return lower[after..]
                            .find(&format!("</{name}>"))
                            .map(|close| (open, after + close + name.len() + 3));
                    }
                    from = after;
                }
                None
            })
            .min();
        let Some((open, close)) = next else {
            kept.push_str(&page[at..]);
            break;
        };
        kept.push_str(&page[at..open]);
        kept.push(' ');
        at = close;
    }
    let mut text = String::with_capacity(kept.len());
    let mut rest = kept.as_str();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        match rest[open + 1..].find('>') {
            Some(len) if len > 0 => {
                text.push(' ');
                rest = &rest[open + 1 + len + 1..];
            }
            _ => {
                text.push('<');
                rest = &rest[open + 1..];
            }
        }
    }
    text.push_str(rest);
    norm(&text)
}

#[test]
fn the_port_splits_and_normalises_like_the_tool() {
    assert_eq!(
        split_sentences("A b. C d; (e) f. g H"),
        ["A b.", "C d;", "(e) f. g H"]
    );
    assert_eq!(
        norm("  “Quoted” – text&nbsp;&amp;\n MORE… "),
        "\"quoted\" - text & more..."
    );
    assert_eq!(
        rendered_text("<style>x{}</style><p>Hi<br>there</p><SCRIPT>y</SCRIPT>"),
        "hi there"
    );
    assert_eq!(
        seed_sentences("- Item one is long enough.\nshort\n"),
        ["item one is long enough."]
    );
}

#[test]
fn the_bundled_policy_keeps_the_reference_text() {
    let policy_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("policy");
    let options = candor::Options {
        today: PolicyDate::parse("2026-01-01"),
        ..candor::Options::default()
    };
    let compiled = candor::compile(&policy_dir, &options).expect("policy/ loads");
    assert!(
        !compiled.has_errors(),
        "policy/ has errors: {:#?}",
        compiled.diagnostics
    );
    let policy = compiled.policy.expect("a resolved model");
    let outputs = render::render(&policy, &RenderOptions::default()).expect("it renders");
    let page = &outputs
        .iter()
        .find(|o| o.name == "privacy-policy.html")
        .expect("the notice")
        .contents;

    let sentences = seed_sentences(REFERENCE);
    let text = rendered_text(page);
    let missing: Vec<&String> = sentences
        .iter()
        .filter(|s| !text.contains(s.as_str()))
        .collect();
    #[expect(clippy::cast_precision_loss, reason = "a few hundred sentences")]
    let share = 1.0 - missing.len() as f64 / sentences.len() as f64;
    for sentence in &missing {
        println!(
            "missing: {}",
            sentence.chars().take(160).collect::<String>()
        );
    }
    println!(
        "fidelity {share:.4} ({}/{} reference sentences verbatim; min {MINIMUM})",
        sentences.len() - missing.len(),
        sentences.len()
    );
    assert!(share >= MINIMUM, "fidelity {share:.4} is below {MINIMUM}");
}
