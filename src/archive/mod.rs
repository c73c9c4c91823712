//! The archive: every published version of the notice, at a stable URL,
//! with what changed in each, for readers, regulators and feed readers.
//!
//! [`group`] turns a history of compiled policies (one per commit, or per
//! folder) into published versions: a version is known by its `updated`
//! date, and a run of commits with the same dates is one version (the
//! last commit of the run, the text that was served). [`build`] then
//! renders, in memory and from nothing but those versions, so that the
//! same history always gives the same bytes:
//!
//! | file | what |
//! |---|---|
//! | `DATE/privacy-policy.html`, `DATE/privacy-policy.md` | each version, as it was published |
//! | `versions.json` | every version: date, effective date, fingerprint (SHA-256 of its `policy.json`), its class and its changes, each material one with its law |
//! | `changes.html`, `changes.md` | the changes page: every version, newest first, material changes first, each linked to its section |
//! | `feed.xml` | an Atom feed (RFC 4287) of the versions, for people and monitors |
//!
//! Reading git or a folder is the command's business
//! ([`crate::commands`]); this module never touches the file system.

pub mod sha256;

use std::fmt::Write as _;

use serde::Serialize;

use crate::diff::{self, Change, Class, law::Law, links, notice::escape_notice};
use crate::model::{Block, Insert, Policy};
use crate::render::{self, RenderOptions, markdown};

/// One version of the policy, as found in the history.
#[derive(Debug, Clone)]
pub struct Version {
    /// The compiled policy.
    pub policy: Policy,
    /// Where it came from: a commit id, or a folder's name.
    pub source: String,
}

/// How to build the archive.
#[derive(Debug, Clone, Default)]
pub struct ArchiveOptions {
    /// How to render each version (`--fragment`, `--id-prefix`, ...).
    pub render: RenderOptions,
    /// The archive's public address, ending in `/`
    /// (`https://example.com/privacy/versions/`): the feed's links and ids
    /// are absolute with it, relative without it.
    pub base_url: Option<String>,
}

/// One file of the archive: its path inside the archive, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// A relative path with `/`: `2026-12-07/privacy-policy.html`.
    pub path: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Keeps one version per `updated` date: the last of each run of the
/// history with the same `updated` and `effective` dates. A candidate
/// without an `updated` date cannot be placed in time and is skipped; its
/// source is returned, to be reported.
#[must_use]
pub fn group(candidates: Vec<Version>) -> (Vec<Version>, Vec<String>) {
    let mut versions: Vec<Version> = Vec::new();
    let mut skipped = Vec::new();
    for candidate in candidates {
        let Some(updated) = candidate.policy.updated else {
            skipped.push(candidate.source);
            continue;
        };
        let same_run = versions.last().is_some_and(|last| {
            last.policy.updated == Some(updated)
                && last.policy.effective == candidate.policy.effective
        });
        if same_run {
            if let Some(last) = versions.last_mut() {
                *last = candidate;
            }
            continue;
        }
        // A date that comes back later replaces the version it named: one
        // URL, one text.
        versions.retain(|v| v.policy.updated != Some(updated));
        versions.push(candidate);
    }
    (versions, skipped)
}

/// A version as `versions.json` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Its `updated` date, as written: the name of its folder.
    pub date: String,
    /// Its `effective` date, when it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    /// The commit or folder it was published from.
    pub source: String,
    /// SHA-256 of its `policy.json`.
    pub fingerprint: String,
    /// `first`, `material`, `editorial` or `unchanged` (only its layout or
    /// settings changed).
    pub class: &'static str,
    /// Its notice, relative to the archive: `DATE/privacy-policy.html`.
    pub url: String,
    /// Its material changes from the version before.
    pub material: Vec<EntryChange>,
    /// Its editorial changes from the version before.
    pub editorial: Vec<EntryChange>,
    /// The date in words, for the pages.
    #[serde(skip)]
    long: String,
    /// The effective date in words.
    #[serde(skip)]
    effective_long: Option<String>,
}

/// One change of a version.
#[derive(Debug, Clone, Serialize)]
pub struct EntryChange {
    /// For a reviewer: "new purpose `x` “X”".
    pub summary: String,
    /// For a reader, in Markdown.
    pub notice: String,
    /// The law that makes it material.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<Law>,
    /// Where the version's notice prints it, relative to the archive:
    /// `DATE/privacy-policy.html#anchor`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The anchor alone, for a link within the same page.
    #[serde(skip)]
    anchor: Option<String>,
}

/// The index of the archive.
#[derive(Serialize)]
struct Index<'a> {
    policy: &'a str,
    title: &'a str,
    versions: Vec<&'a Entry>,
}

/// The entries of `versions`, oldest first: each compared with the one
/// before it.
///
/// # Errors
/// A model that cannot be put in its JSON form.
pub fn entries(versions: &[Version], options: &ArchiveOptions) -> Result<Vec<Entry>, String> {
    let prefix = &options.render.id_prefix;
    let mut out = Vec::with_capacity(versions.len());
    for (i, version) in versions.iter().enumerate() {
        let policy = &version.policy;
        let date = policy.updated.map(|d| d.to_string()).unwrap_or_default();
        let url = format!("{date}/privacy-policy.html");
        let json = serde_json::to_vec_pretty(policy).map_err(|e| e.to_string())?;
        let model = serde_json::to_value(policy).map_err(|e| e.to_string())?;
        let anchors = crate::check::anchors::of(policy);
        let (class, changes) = match i.checked_sub(1).map(|p| &versions[p]) {
            None => ("first", Vec::new()),
            Some(previous) => {
                let diff = diff::compare(&previous.policy, policy).map_err(|e| e.to_string())?;
                let class = if diff.material() > 0 {
                    "material"
                } else if diff.is_empty() {
                    "unchanged"
                } else {
                    "editorial"
                };
                (class, diff.changes)
            }
        };
        let entry_change = |c: &Change| {
            let anchor = links::anchor(c, &model, &anchors);
            EntryChange {
                summary: c.summary.clone(),
                notice: c.notice.clone(),
                law: c.law,
                link: anchor.as_ref().map(|a| format!("{url}#{prefix}{a}")),
                anchor,
            }
        };
        out.push(Entry {
            date,
            effective: policy.effective.map(|d| d.to_string()),
            source: version.source.clone(),
            fingerprint: sha256::hex(&json),
            class,
            url: url.clone(),
            material: changes
                .iter()
                .filter(|c| c.class == Class::Material)
                .map(entry_change)
                .collect(),
            editorial: changes
                .iter()
                .filter(|c| c.class == Class::Editorial)
                .map(entry_change)
                .collect(),
            long: policy.updated.map(|d| d.long()).unwrap_or_default(),
            effective_long: policy.effective.map(|d| d.long()),
        });
    }
    Ok(out)
}

/// "Changes to this notice": the last `count` versions up to and
/// including `entries`' last, newest first, material changes first, in
/// plain words, each linked (relative to `base`) to its section. The
/// heading is the caller's.
#[must_use]
pub fn changes_markdown(entries: &[Entry], count: usize, base: &str) -> String {
    let mut text = entries
        .iter()
        .rev()
        .take(count)
        .map(|e| entry_markdown(e, base, None))
        .collect::<Vec<_>>()
        .join("\n");
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

/// One version's entry. `own` is the date of the page it is printed on:
/// that version's links stay within the page (`#anchor`, which the HTML
/// renderer prefixes like every `#` link).
fn entry_markdown(entry: &Entry, base: &str, own: Option<&str>) -> String {
    let mut out = String::new();
    let here = own == Some(entry.date.as_str());
    if here {
        let _ = write!(
            out,
            "**{}** (this version)",
            markdown::escape_text(&entry.long)
        );
    } else {
        let _ = write!(
            out,
            "**[{}]({base}{})**",
            markdown::escape_text(&entry.long),
            entry.url
        );
    }
    if let Some(effective) = entry.effective_long.as_deref().filter(|e| *e != entry.long) {
        let _ = write!(out, ", effective {}", markdown::escape_text(effective));
    }
    out.push_str("\n\n");
    match entry.class {
        "first" => out.push_str("- The first published version of this notice.\n"),
        "unchanged" => out.push_str("- No change to what this notice says.\n"),
        _ => {
            let mut seen: Vec<&str> = Vec::new();
            for change in &entry.material {
                if seen.contains(&change.notice.as_str()) {
                    continue;
                }
                seen.push(&change.notice);
                let line = escape_notice(&change.notice);
                let link = if here {
                    change.anchor.as_ref().map(|a| format!("#{a}"))
                } else {
                    change.link.as_ref().map(|l| format!("{base}{l}"))
                };
                match link {
                    Some(link) => {
                        let _ = writeln!(out, "- {line} ([see the section]({link}))");
                    }
                    None => {
                        let _ = writeln!(out, "- {line}");
                    }
                }
            }
            let n = entry.editorial.len();
            if n > 0 {
                let _ = writeln!(
                    out,
                    "- {n} editorial change{}: wording, or doing less with personal data.",
                    if n == 1 { "" } else { "s" }
                );
            }
        }
    }
    out
}

/// Fills every `insert changes` of `policy` with the history `entries`
/// (oldest first; the policy's own version last, when it is one), links
/// to other versions relative to `base`.
pub fn fill_history(policy: &mut Policy, entries: &[Entry], base: &str) {
    let own = policy.updated.map(|d| d.to_string());
    let history: Vec<String> = entries
        .iter()
        .rev()
        .map(|e| entry_markdown(e, base, own.as_deref()))
        .collect();
    for section in &mut policy.sections {
        for block in &mut section.blocks {
            if let Block::Insert {
                insert: Insert::Changes { history: slot, .. },
            } = block
            {
                *slot = Some(history.clone());
            }
        }
    }
}

/// Whether the policy prints its history somewhere.
#[must_use]
pub fn uses_history(policy: &Policy) -> bool {
    policy.sections.iter().any(|s| {
        s.blocks.iter().any(|b| {
            matches!(
                b,
                Block::Insert {
                    insert: Insert::Changes { .. }
                }
            )
        })
    })
}

/// Builds every file of the archive.
///
/// # Errors
/// A template that fails to render, or a model that cannot be put in its
/// JSON form, as a message.
pub fn build(versions: &[Version], options: &ArchiveOptions) -> Result<Vec<File>, String> {
    let entries = entries(versions, options)?;
    let mut files = Vec::new();
    for (i, version) in versions.iter().enumerate() {
        let date = version
            .policy
            .updated
            .map(|d| d.to_string())
            .unwrap_or_default();
        let mut policy = version.policy.clone();
        fill_history(&mut policy, &entries[..=i], "../");
        let outputs = render::render(&policy, &options.render).map_err(|e| e.to_string())?;
        for output in outputs {
            if matches!(output.name, "privacy-policy.html" | "privacy-policy.md") {
                files.push(File {
                    path: format!("{date}/{}", output.name),
                    bytes: output.contents.into_bytes(),
                });
            }
        }
    }
    let Some(latest) = versions.last() else {
        return Ok(files);
    };
    let policy = &latest.policy;
    let index = Index {
        policy: &policy.id,
        title: &policy.title,
        versions: entries.iter().rev().collect(),
    };
    let mut json = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?;
    json.push('\n');
    files.push(File {
        path: "versions.json".to_owned(),
        bytes: json.into_bytes(),
    });
    let body = changes_markdown(&entries, entries.len(), "");
    let title = format!("Changes to the {}", policy.title);
    let md = format!(
        "# {}\n\nEvery version of this notice, newest first.\n\n{body}",
        markdown::escape_text(&title)
    );
    files.push(File {
        path: "changes.html".to_owned(),
        bytes: page(policy, &title, &md, options.render.fragment).into_bytes(),
    });
    files.push(File {
        path: "changes.md".to_owned(),
        bytes: md.into_bytes(),
    });
    files.push(File {
        path: "feed.xml".to_owned(),
        bytes: feed(policy, &entries, options.base_url.as_deref()).into_bytes(),
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The changes page as HTML: a whole page, or with `fragment` only its
/// `<article>`.
fn page(policy: &Policy, title: &str, md: &str, fragment: bool) -> String {
    let article = format!(
        "<article class=\"candor candor-changes\">\n{}</article>\n",
        markdown::to_html(md)
    );
    if fragment {
        return article;
    }
    let lang = policy.language.as_deref().unwrap_or("en");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"feed.xml\">\n</head>\n<body>\n{article}</body>\n</html>\n",
        xml_escape(lang),
        xml_escape(title),
        xml_escape(title),
    )
}

/// The Atom feed: one entry per version, newest first.
fn feed(policy: &Policy, entries: &[Entry], base_url: Option<&str>) -> String {
    let base = base_url.unwrap_or("");
    let id = |tail: &str| match base_url {
        Some(base) => format!("{base}{tail}"),
        None => format!("urn:candor:{}:{tail}", policy.id),
    };
    let author = policy
        .controller
        .as_ref()
        .map_or_else(|| policy.title.clone(), |c| c.name.clone());
    let latest = entries
        .last()
        .map_or_else(String::new, |e| timestamp(&e.date));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(
        out,
        "  <title>{}: versions</title>",
        xml_escape(&policy.title)
    );
    let _ = writeln!(out, "  <id>{}</id>", xml_escape(&id("feed.xml")));
    let _ = writeln!(out, "  <updated>{latest}</updated>");
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&format!("{base}feed.xml"))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&format!("{base}changes.html"))
    );
    let _ = writeln!(
        out,
        "  <author><name>{}</name></author>",
        xml_escape(&author)
    );
    for (i, entry) in entries.iter().enumerate().rev() {
        let title = match entry.class {
            "first" => format!("{}: first published version", entry.long),
            "material" => format!(
                "{}: {} material change{}",
                entry.long,
                entry.material.len(),
                if entry.material.len() == 1 { "" } else { "s" }
            ),
            "editorial" => format!("{}: editorial changes", entry.long),
            _ => format!("{}: no change to what the notice says", entry.long),
        };
        let html = markdown::to_html(&changes_markdown(&entries[..=i], 1, base));
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", xml_escape(&title));
        let _ = writeln!(out, "    <id>{}</id>", xml_escape(&id(&entry.url)));
        let _ = writeln!(out, "    <updated>{}</updated>", timestamp(&entry.date));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&format!("{base}{}", entry.url))
        );
        let _ = writeln!(out, "    <category term=\"{}\"/>", xml_escape(entry.class));
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>",
            xml_escape(&html)
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// A policy date as an RFC 3339 timestamp: midnight UTC of the day (the
/// first of the month for a month).
fn timestamp(date: &str) -> String {
    if date.len() == 7 {
        format!("{date}-01T00:00:00Z")
    } else {
        format!("{date}T00:00:00Z")
    }
}

/// Text for XML content or a quoted attribute.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
