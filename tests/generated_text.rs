//! Generated text that reads as a lawyer would write it (issue #26, item 7).
//!
//! Every corpus policy and the bundled policy is rendered with one extra
//! section per generator (`insert` of every kind, over every declaration it
//! can list), after its own sections, as Markdown and as HTML; the notice
//! and, where the policy declares the CCPA, the California page are read
//! as plain text and checked for what a careful editor would strike out:
//!
//! - a lower-case letter after a full stop ("Account records. two years"),
//!   abbreviations aside;
//! - a doubled phrase ("precise geolocation (precise geolocation)");
//! - a raw code of the source: a `snake_case` word (`legitimate_interest`),
//!   a region code as a label ("eea: 16") or as a value ("Established in:
//!   IE");
//! - an empty heading ("## 1. ");
//! - a doubled sentence: the same sentence twice in one paragraph, list
//!   item or cell; two sentences of one section that both say what is not
//!   sold of children of one age; an age fact after a text that gives the
//!   age;
//! - transfers not grouped: with several transfers, each transfer's facts
//!   must follow its own text, before the next transfer's.
//!
//! Each finding names the policy, the file and the text around it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use candor::model::Policy;
use candor::model::words::{Jurisdiction, Region, Word};
use candor::render::{self, RenderOptions};
use candor::{Options, compile};

/// The policies: every corpus policy, the bundled one, and the data map's
/// scenario pairs (small policies whose data sets often state no text).
fn policies() -> Vec<PathBuf> {
    let mut dirs = crate::support::corpus();
    dirs.push(PathBuf::from("policy"));
    let mut pairs: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/datamap")
        .expect("the scenario pairs exist")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "policy"))
        // The halves that show a finding have errors, which stop a build.
        .filter(|p| !compile(p, &options()).is_ok_and(|c| c.has_errors()))
        .collect();
    pairs.sort();
    dirs.extend(pairs);
    dirs
}

fn options() -> Options {
    Options {
        today: candor::model::PolicyDate::parse("2026-12-01"),
        // The sections this test adds to a policy published in several
        // languages have no translation; their English is what is read.
        levels: vec![(
            "structure::translation-missing".to_owned(),
            candor::model::words::RuleLevel::Allow,
        )],
    }
}

fn model(dir: &Path) -> Policy {
    let compiled = compile(dir, &options()).expect("the policy loads");
    assert!(
        !compiled.has_errors(),
        "{}: {:#?}",
        dir.display(),
        compiled.diagnostics
    );
    compiled.policy.expect("a model")
}

/// What the policy's own notice already inserts: `(generator, ids)` of each
/// `insert` (the ids of its list, or of its rights block).
fn inserted(policy: &Policy) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for section in &policy.sections {
        let json = serde_json::to_value(&section.blocks).expect("serializable");
        for block in json.as_array().into_iter().flatten() {
            let Some(insert) = block.get("insert") else {
                continue;
            };
            let generator = insert["generator"].as_str().unwrap_or_default().to_owned();
            let mut ids = Vec::new();
            for (_, value) in insert.as_object().into_iter().flatten() {
                match value {
                    serde_json::Value::String(id) if id != &generator => ids.push(id.clone()),
                    serde_json::Value::Array(list) => {
                        ids.extend(list.iter().filter_map(|v| v.as_str().map(str::to_owned)));
                    }
                    _ => {}
                }
            }
            out.push((generator, ids));
        }
    }
    out
}

/// One section per generator, over everything the policy declares that its
/// own notice does not already insert (a second copy would declare its
/// anchors twice): its id and its source.
fn generator_sections(policy: &Policy) -> Vec<(String, String)> {
    let done = inserted(policy);
    let has = |generator: &str| done.iter().any(|(g, _)| g == generator);
    let listed = |generator: &str, id: &str| {
        done.iter()
            .any(|(g, ids)| g == generator && ids.iter().any(|i| i == id))
    };
    // A section whose heading was left empty: printed without a heading.
    let mut sections: Vec<(String, String)> = vec![(
        "gen_untitled".to_owned(),
        "section gen_untitled \"\" {\n  text \"Questions about this notice are welcome.\"\n}\n"
            .to_owned(),
    )];
    let mut add = |id: String, insert: String| {
        let heading = insert
            .split(' ')
            .next()
            .unwrap_or_default()
            .replace('_', " ");
        let source = format!("section {id} \"Generated: {heading}\" {{\n  insert {insert}\n}}\n");
        sections.push((id, source));
    };
    for generator in [
        "summary",
        "controller",
        "datasets",
        "cookies",
        "methods",
        "recipients",
        "transfers",
        "children",
    ] {
        if !has(generator) {
            add(format!("gen_{generator}"), generator.to_owned());
        }
    }
    let definitions: Vec<&str> = policy
        .definitions
        .iter()
        .map(|d| d.id.as_str())
        .filter(|id| !listed("definitions", id))
        .collect();
    if !definitions.is_empty() {
        add(
            "gen_definitions".into(),
            format!("definitions {}", definitions.join(", ")),
        );
    }
    let activities: Vec<&str> = policy
        .datasets
        .iter()
        .map(|d| d.id.as_str())
        .filter(|id| !listed("processing", id))
        .collect();
    if !activities.is_empty() {
        add(
            "gen_processing".into(),
            format!("processing {}", activities.join(", ")),
        );
    }
    for block in &policy.rights {
        if !listed("rights", &block.id) {
            add(
                format!("gen_rights_{}", block.id),
                format!("rights {} numbered", block.id),
            );
        }
        if !listed("requests", &block.id) {
            add(
                format!("gen_requests_{}", block.id),
                format!("requests {}", block.id),
            );
        }
    }
    let rules: Vec<&str> = policy
        .retention
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !listed("retention", id))
        .collect();
    if !rules.is_empty() {
        add(
            "gen_retention".into(),
            format!("retention {}", rules.join(", ")),
        );
    }
    let contacts: Vec<&str> = policy.contacts.iter().map(|c| c.id.as_str()).collect();
    if !contacts.is_empty() {
        add(
            "gen_contacts".into(),
            format!("contacts {}", contacts.join(", ")),
        );
    }
    if policy.has(Jurisdiction::Ccpa) {
        if !has("ccpa_table") {
            add("gen_ccpa_table".into(), "ccpa_table".into());
        }
        if !has("notice_at_collection") {
            add(
                "gen_notice_at_collection".into(),
                "notice_at_collection".into(),
            );
        }
    }
    if policy.jurisdictions.iter().any(|j| j.is_us_state_law()) {
        for generator in ["state_rights", "state_categories"] {
            if !has(generator) {
                add(format!("gen_{generator}"), generator.to_owned());
            }
        }
    }
    if policy.has(Jurisdiction::Colorado) && !has("colorado_purposes") {
        add("gen_colorado_purposes".into(), "colorado_purposes".into());
    }
    sections
}

/// The policy's files copied into `into`, with the generator sections
/// added to its outline (after its own sections) and written beside them.
fn augment(dir: &Path, policy: &Policy, into: &Path) {
    let sections = generator_sections(policy);
    let ids: Vec<&str> = sections.iter().map(|(id, _)| id.as_str()).collect();
    let mut found = false;
    // A policy of one file, or a directory of them.
    let mut entries: Vec<PathBuf> = if dir.is_file() {
        vec![dir.to_path_buf()]
    } else {
        std::fs::read_dir(dir)
            .expect("readable")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "policy"))
            .collect()
    };
    entries.sort();
    for path in entries {
        let mut text = std::fs::read_to_string(&path).expect("readable");
        if let Some(at) = text.find("\n  outline ") {
            let start = at + "\n  outline ".len();
            text.insert_str(start, &format!("{}, ", ids.join(", ")));
            found = true;
        }
        std::fs::write(into.join(path.file_name().expect("a name")), text).expect("written");
    }
    assert!(found, "{}: no outline line", dir.display());
    let generated: String = sections.iter().map(|(_, s)| s.as_str()).collect();
    std::fs::write(into.join("zz_generated.policy"), generated).expect("written");
}

/// The plain text of an HTML document, one line per block.
fn html_text(html: &str) -> String {
    let body = html.find("<body").map_or(html, |at| &html[at..]);
    let mut text = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if tag.starts_with("style") || tag.starts_with("script") {
            let end = format!("</{name}>");
            let skip = rest[open..]
                .find(&end)
                .map_or(rest.len() - open, |e| e + end.len());
            rest = &rest[open + skip..];
            continue;
        }
        let block = [
            "p", "li", "td", "th", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "dt",
            "dd", "div", "section", "ul", "ol", "table", "nav", "header", "footer",
        ];
        let heading = !tag.starts_with('/')
            && name.len() == 2
            && name.starts_with('h')
            && name.as_bytes()[1].is_ascii_digit();
        if heading {
            text.push_str("\n# ");
        } else {
            text.push(if block.contains(&name.as_str()) {
                '\n'
            } else {
                ' '
            });
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The plain text of a Markdown document: one line per line, table cells
/// and `<br>` as lines, emphasis and link targets dropped.
fn markdown_text(md: &str) -> String {
    let mut out = String::new();
    for line in md.lines() {
        let line = line.replace("<br>", "\n").replace(" | ", "\n");
        let mut plain = String::with_capacity(line.len());
        let mut rest = line.as_str();
        // `[text](target)` -> `text`.
        while let Some(at) = rest.find("](") {
            plain.push_str(&rest[..at]);
            let after = &rest[at + 2..];
            rest = after.find(')').map_or("", |end| &after[end + 1..]);
        }
        plain.push_str(rest);
        let plain = plain
            .replace("**", "")
            .replace(['[', '\\'], "")
            .trim_matches('|')
            .to_owned();
        out.push_str(&plain);
        out.push('\n');
    }
    out
}

/// Words after which a full stop is an abbreviation's, not a sentence's end.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "llc", "tit", "seq", "cf", "vs", "no", "st",
    // "S.à r.l.", the Luxembourg and French private limited company.
    "s.à r.l", "r.l", "art", "regs", "cal", "civ", "stat", "rev", "sec", "para", "p", "pp", "u.s",
    "com", "md", "va", "colo", "conn", "ann", "ch", "al",
];

/// A text cut into sections (its lines starting with `#` are headings): `(heading, lines)`.
fn sections_of(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            out.push((trimmed.to_owned(), Vec::new()));
        } else if !trimmed.is_empty() {
            out.last_mut().expect("one").1.push(trimmed.to_owned());
        }
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

/// The sentences of a line.
fn sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for w in line.split_whitespace() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(w);
        let bare = w.trim_end_matches('.').to_lowercase();
        if w.ends_with('.') && !ABBREVIATIONS.contains(&bare.trim_start_matches('(')) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Every defect of one rendered document.
#[allow(clippy::too_many_lines)]
fn defects(text: &str, markdown: bool, raw: &str, transfers: &[(String, bool)]) -> Vec<String> {
    let mut found = Vec::new();
    let regions: Vec<&str> = Region::WORDS.to_vec();
    for line in text.lines() {
        let ws = words(line);
        // A lower-case letter after a full stop.
        for pair in ws.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let bare = a
                .trim_end_matches('.')
                .trim_start_matches(['(', '“', '"'])
                .to_lowercase();
            if a.ends_with('.')
                && !a.ends_with("..")
                && b.starts_with(|c: char| c.is_lowercase())
                && !ABBREVIATIONS.contains(&bare.as_str())
                && !bare.chars().all(|c| c.is_ascii_digit())
                && !a.contains('@')
                && !a.contains("://")
            {
                found.push(format!("lower case after a full stop: “{line}”"));
            }
        }
        // A doubled phrase: "X (X)".
        let mut rest = line;
        while let Some(open) = rest.find('(') {
            let inner = rest[open + 1..]
                .find(')')
                .map(|c| &rest[open + 1..open + 1 + c]);
            if let Some(inner) = inner {
                let before = rest[..open].trim_end().to_lowercase();
                let inner_l = inner.trim().to_lowercase();
                if !inner_l.is_empty()
                    && before.ends_with(&inner_l)
                    && before[..before.len() - inner_l.len()]
                        .chars()
                        .last()
                        .is_none_or(|c| !c.is_alphanumeric())
                {
                    found.push(format!("doubled phrase “{inner}”: “{line}”"));
                }
            }
            rest = &rest[open + 1..];
        }
        // Raw codes: snake_case words, region codes as labels or values.
        for w in &ws {
            if w.contains('@') || w.contains("://") || w.contains('/') {
                continue;
            }
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
            if bare.contains('_')
                && bare.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && !bare.starts_with('_')
            {
                found.push(format!("raw code `{bare}`: “{line}”"));
            }
        }
        // A region code as the label of a value: "eea: 16".
        for pair in ws.windows(2) {
            if let Some(label) = pair[0].strip_suffix(':')
                && regions.contains(&label)
                && !["is", "it", "no", "be"].contains(&label)
                && pair[1].starts_with(|c: char| c.is_ascii_digit())
            {
                found.push(format!("raw region code `{label}`: “{line}”"));
            }
        }
        if let Some((_, value)) = line.rsplit_once(": ") {
            let codes: Vec<&str> = value.split(", ").map(str::trim).collect();
            if codes.iter().all(|c| {
                c.len() >= 2
                    && c.chars().all(|ch| ch.is_ascii_uppercase())
                    && regions.contains(&c.to_lowercase().as_str())
            }) {
                found.push(format!("raw region code as a value: “{line}”"));
            }
        }
    }
    // A paragraph or list item that opens on the business in lower case
    // ("we process personal data …"): read in the Markdown, where a line
    // after an empty one opens a paragraph (a line after another continues
    // a wrapped paragraph of the source).
    if markdown {
        let mut previous = "";
        for line in raw.lines() {
            let opens = previous.trim().is_empty() || line.starts_with("- ");
            let first = line
                .trim_start_matches("- ")
                .split_whitespace()
                .next()
                .unwrap_or_default();
            if opens && ["we", "our"].contains(&first) {
                found.push(format!("lower case at the start of a paragraph: “{line}”"));
            }
            previous = line;
        }
    }
    // A label twice in a row: two ways to reach one contact printed as two
    // lines under the same label ("Data protection officer: dpo@…" then
    // "Data protection officer: 10 Hanover Quay …"). A vendor or a safeguard
    // per line is a list of different things, each under its label; so are
    // two paragraphs (an empty line between); the headings of this test's
    // own sections are "Generated: …".
    let mut previous: Option<&str> = None;
    let mut before = "";
    for line in text.lines().map(|l| l.trim().trim_start_matches("- ")) {
        if line.starts_with('#') {
            previous = None;
            continue;
        }
        let label = line.split_once(": ").map(|(l, _)| l).filter(|l| {
            !l.is_empty() && l.len() < 60 && !["Vendor", "Safeguard", "Generated"].contains(l)
        });
        if label.is_some() && label == previous {
            found.push(format!("a label twice in a row: “{before}” then “{line}”"));
        }
        previous = label;
        before = line;
    }
    // A table cell that opens on a line break (a row's facts printed after
    // an empty text).
    if markdown {
        for line in raw.lines().filter(|l| l.starts_with('|')) {
            if line.contains("| <br>") {
                found.push(format!("cell opening on a line break: “{line}”"));
            }
        }
    }
    // Empty headings.
    if markdown {
        for line in raw.lines() {
            if let Some(h) = line.strip_prefix('#') {
                let h = h.trim_start_matches('#').trim();
                let h = h
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start_matches('.');
                if h.trim().is_empty() {
                    found.push(format!("empty heading “{line}”"));
                }
            }
        }
    } else {
        let mut rest = raw;
        while let Some(at) = rest.find("<h") {
            let after = &rest[at + 2..];
            if after.starts_with(|c: char| c.is_ascii_digit())
                && let Some(end) = after.find("</h")
            {
                let inner = html_text(&format!("<x{}", &after[..end]));
                let inner = inner
                    .trim()
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
                if inner.trim().is_empty() {
                    found.push(format!("empty heading “<h{}”", &after[..end.min(60)]));
                }
            }
            rest = after;
        }
    }
    // Doubled sentences: the same sentence twice in one paragraph, list
    // item or cell; in one section, two sentences that both say what is not
    // sold of children, or an age fact whose age a sentence already gives.
    for (heading, lines) in sections_of(text) {
        // The ages of which a sentence says they are not sold.
        let mut not_sold_children: Vec<&str> = Vec::new();
        for line in &lines {
            let mut seen: Vec<String> = Vec::new();
            for s in sentences(line) {
                let norm = s.to_lowercase();
                if words(&norm).len() >= 4 && seen.contains(&norm) {
                    found.push(format!("doubled sentence in “{heading}”: “{s}”"));
                }
                if norm.contains("not sell") || norm.contains("never sell") {
                    for age in ["under 13", "under 16", "under 18"] {
                        if norm.contains(age) {
                            if not_sold_children.contains(&age) {
                                found.push(format!(
                                    "doubled sentence in “{heading}”: two sentences say what is not sold of consumers {age}"
                                ));
                            }
                            not_sold_children.push(age);
                        }
                    }
                }
                seen.push(norm);
            }
        }
        for line in &lines {
            let Some(age) = ["Minimum age: ", "Age of digital consent"]
                .iter()
                .find(|l| line.starts_with(*l))
                .and_then(|_| line.rsplit(' ').next())
            else {
                continue;
            };
            let said = lines.iter().any(|other| {
                other != line
                    && [
                        format!("under {age}"),
                        format!("{age} or older"),
                        format!("{age} or over"),
                        format!("aged {age}"),
                        format!("age of {age}"),
                    ]
                    .iter()
                    .any(|p| other.contains(p.as_str()))
            });
            if said {
                found.push(format!(
                    "doubled sentence in “{heading}”: “{line}” after a text that gives the age"
                ));
            }
        }
    }
    // Transfers grouped: each one's facts (its origin, its safeguards)
    // after its own text, before the next transfer's text.
    for pair in transfers.windows(2) {
        let ((start, has_facts), (next, _)) = (&pair[0], &pair[1]);
        let (Some(at), true) = (text.find(start.as_str()), *has_facts) else {
            continue;
        };
        let end = text[at..]
            .find(next.as_str())
            .map_or(text.len(), |e| e + at);
        let segment = &text[at..end];
        if !segment.contains("From:") && !segment.contains("Safeguard:") {
            found.push(format!(
                "transfers not grouped: the facts of the transfer “{start}…” do not follow its text"
            ));
        }
    }
    found
}

/// Each transfer with a text: the start of its text, and whether it has
/// facts to print under it (an origin or a safeguard).
fn transfer_marks(policy: &Policy) -> Vec<(String, bool)> {
    policy
        .transfers
        .iter()
        .filter_map(|t| {
            let text = t.text.as_deref()?;
            let start: String = text
                .split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" ");
            Some((start, t.from.is_some() || !t.safeguards.is_empty()))
        })
        .collect()
}

#[test]
fn every_generator_reads_as_written_by_hand() {
    let mut report = String::new();
    let mut count = 0;
    for dir in policies() {
        let original = model(&dir);
        let work = tempfile::tempdir().expect("a temporary directory");
        augment(&dir, &original, work.path());
        let policy = model(work.path());
        let outputs = render::render(&policy, &RenderOptions::default()).expect("renders");
        let transfers = transfer_marks(&policy);
        for output in &outputs {
            let markdown = output.name.ends_with(".md");
            if !(markdown || output.name.ends_with(".html")) {
                continue;
            }
            let text = if markdown {
                markdown_text(&output.contents)
            } else {
                html_text(&output.contents)
            };
            for defect in defects(&text, markdown, &output.contents, &transfers) {
                count += 1;
                let _ = writeln!(report, "{} {}: {defect}", dir.display(), output.name);
            }
        }
    }
    assert!(
        count == 0,
        "{count} defects in the generated text:\n{report}"
    );
}

/// The text of an HTML document outside links, tags and the `<head>`:
/// what a reader sees as plain text.
fn unlinked_text(html: &str) -> String {
    let body = html.find("<body").map_or(html, |at| &html[at..]);
    let mut text = String::new();
    let mut rest = body;
    let mut in_link = 0usize;
    while let Some(open) = rest.find('<') {
        if in_link == 0 {
            text.push_str(&rest[..open]);
        }
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close + 1];
        if tag.starts_with("<a ") || tag == "<a>" {
            in_link += 1;
        } else if tag == "</a>" {
            in_link = in_link.saturating_sub(1);
        }
        text.push(' ');
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    text
}

/// Addresses a reader would expect to follow: e-mail addresses, web
/// addresses and phone numbers (ten digits or more in groups).
fn addresses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in text.split_whitespace() {
        let w = word.trim_matches(|c: char| ",.;:()“”\"'".contains(c));
        let email = w.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && domain.rsplit('.').next().is_some_and(|tld| {
                    tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
                })
        });
        let web = (w.starts_with("https://") || w.starts_with("http://") || w.starts_with("www."))
            && w.len() > 12;
        if email || web {
            found.push(w.to_owned());
        }
    }
    // Phone numbers: runs of digits joined by one `-`, ` ` or `.`.
    let mut digits = 0usize;
    let mut start = 0usize;
    let mut last = ' ';
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            if digits == 0 {
                start = i;
            }
            digits += 1;
        } else if digits > 0 && matches!(c, '-' | ' ' | '.') && last.is_ascii_digit() {
            // A separator inside the number.
        } else {
            if (10..=15).contains(&digits) {
                found.push(text[start..i].trim().to_owned());
            }
            digits = 0;
        }
        last = c;
    }
    found
}

/// Every rendered HTML document of every policy, with every generator.
fn every_html() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in policies() {
        let original = model(&dir);
        let work = tempfile::tempdir().expect("a temporary directory");
        augment(&dir, &original, work.path());
        let policy = model(work.path());
        for output in render::render(&policy, &RenderOptions::default()).expect("renders") {
            if output.name.ends_with(".html") {
                out.push((
                    format!("{} {}", dir.display(), output.name),
                    output.contents,
                ));
            }
        }
    }
    out
}

#[test]
fn every_address_is_a_link_and_row_headers_hold_names() {
    let mut report = String::new();
    let mut count = 0;
    for (name, html) in every_html() {
        for address in addresses(&unlinked_text(&html)) {
            count += 1;
            let _ = writeln!(report, "{name}: not a link: {address}");
        }
        let mut rest = html.as_str();
        while let Some(at) = rest.find("<th scope=\"row\"") {
            let cell = &rest[at..];
            let end = cell.find("</th>").unwrap_or(cell.len());
            let inner = &cell[..end];
            let text = html_text(inner);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if inner.contains("<ul") || inner.contains("<p") || text.chars().count() > 160 {
                count += 1;
                let _ = writeln!(
                    report,
                    "{name}: a row header holds more than a name: {text}"
                );
            }
            rest = &cell[end..];
        }
    }
    assert!(count == 0, "{count} problems:\n{report}");
}

#[test]
fn the_ccpa_page_links_back_to_the_notice_where_it_is() {
    let policy = model(Path::new("policy"));
    let ccpa = |options: &RenderOptions| {
        render::render(&policy, options)
            .expect("renders")
            .into_iter()
            .find(|o| o.name == "ccpa.html")
            .expect("a CCPA page")
            .contents
    };
    // By default: the notice beside it, from the same build.
    let page = ccpa(&RenderOptions {
        fragment: true,
        id_prefix: "ca-".to_owned(),
        ..RenderOptions::default()
    });
    assert!(page.contains("href=\"privacy-policy.html#ca-california\""));
    // Published elsewhere.
    let page = ccpa(&RenderOptions {
        fragment: true,
        id_prefix: "ca-".to_owned(),
        notice_url: Some("/legal/privacy".to_owned()),
        ..RenderOptions::default()
    });
    assert!(page.contains("href=\"/legal/privacy#ca-california\""));
    assert!(!page.contains("privacy-policy.html"));
    // On the same page, under the notice's own prefix: every link back
    // points into it, none to a file.
    let page = ccpa(&RenderOptions {
        fragment: true,
        id_prefix: "ca-".to_owned(),
        notice_id_prefix: Some("pp-".to_owned()),
        ..RenderOptions::default()
    });
    assert!(page.contains("href=\"#pp-california\""));
    assert!(!page.contains("privacy-policy.html"));
    assert!(!page.contains("href=\"#ca-california\""));
    // An address that could leave the attribute or run script is refused
    // (the CLI says why; the library falls back to the default).
    for bad in [
        "javascript:alert(1)",
        "/a\" onmouseover=\"x",
        "/a b",
        "/a#b",
    ] {
        assert!(!candor::render::context::is_notice_url(bad), "{bad}");
        let page = ccpa(&RenderOptions {
            fragment: true,
            notice_url: Some(bad.to_owned()),
            ..RenderOptions::default()
        });
        assert!(
            page.contains("href=\"privacy-policy.html#california\""),
            "{bad}"
        );
    }
    assert!(candor::render::context::is_notice_url(
        "https://example.com/privacy"
    ));
    assert!(candor::render::context::is_notice_url("/privacy"));
}

#[test]
fn the_summary_links_every_line_into_the_notice() {
    for (name, html) in every_html() {
        if !name.ends_with("privacy-policy.html") {
            continue;
        }
        let start = html
            .find("<div class=\"candor-summary\">")
            .unwrap_or_else(|| panic!("{name}: no summary"));
        let end = start
            + html[start..]
                .find("</dl>")
                .expect("the summary's list ends");
        let summary = &html[start..end];
        let lines = summary.matches("<dt>").count();
        let linked = summary.matches("<dt><a href=\"#").count();
        assert!(
            lines >= 5,
            "{name}: {lines} lines in the summary:\n{summary}"
        );
        assert_eq!(
            lines, linked,
            "{name}: a summary line without its link:\n{summary}"
        );
        for piece in summary.split("<dt><a href=\"#").skip(1) {
            let anchor = &piece[..piece.find('"').expect("the link ends")];
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{name}: the summary links to #{anchor}, which the page does not hold"
            );
        }
        // The English label; a page in another language says it in its own.
        if !name.contains('/') || !name.rsplit(' ').next().is_some_and(|f| f.contains('/')) {
            assert!(summary.contains("Who is responsible"), "{name}");
        }
    }
}
