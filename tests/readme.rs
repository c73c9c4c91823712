//! The README and the user guide (docs/, an mdBook) say what candor does:
//!
//! - the language examples of docs/policy-language.md are candor: every code
//!   block parses without a syntax error, so the guide cannot drift from the
//!   grammar (they are fragments, so the names they use are not looked up);
//! - what the README says the first run prints is what it prints;
//! - the generated tables (field order, the rule catalogue's rows, the
//!   layout of the code) are what the schema, the catalogue and the tree
//!   give: `CANDOR_UPDATE_DOCS=1 cargo test --test integration readme::` rewrites them;
//! - every relative link and anchor resolves, and SUMMARY.md names every
//!   chapter (the link check CI runs beside `mdbook build`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use candor::source::{SourceFile, Sources};
use candor::syntax::parse;

/// The fenced blocks without a language tag between two headings.
fn examples(readme: &str, from: &str, to: &str) -> Vec<String> {
    let start = readme.find(from).expect("start heading");
    let end = readme[start..].find(to).map_or(readme.len(), |i| start + i);
    let mut blocks = Vec::new();
    // None: outside a block; Some(None): inside a block with a language tag
    // (skipped); Some(Some(text)): inside an untagged block.
    let mut current: Option<Option<String>> = None;
    for line in readme[start..end].lines() {
        let fence = line.trim_end().strip_prefix("```");
        match (&mut current, fence) {
            (None, Some("")) => current = Some(Some(String::new())),
            (None, Some(_)) => current = Some(None),
            (Some(block), Some(_)) => {
                if let Some(text) = block.take() {
                    blocks.push(text);
                }
                current = None;
            }
            (Some(Some(text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (Some(None) | None, None) => {}
        }
    }
    blocks
}

#[test]
fn every_language_example_in_the_guide_parses() {
    let readme = std::fs::read_to_string("docs/policy-language.md").expect("the guide");
    let blocks = examples(
        &readme,
        "## Declarations, with an example of each",
        "## Diagnostics",
    );
    assert!(blocks.len() >= 15, "found only {} examples", blocks.len());
    for block in blocks {
        let mut sources = Sources::new();
        let id = sources.add(SourceFile::new("README.md".into(), &block));
        let parsed = parse(id, sources.get(id));
        assert!(
            parsed.diagnostics.is_empty(),
            "this example of the guide does not parse:\n{block}\n{:?}",
            parsed
                .diagnostics
                .iter()
                .map(|d| &d.message)
                .collect::<Vec<_>>()
        );
        assert!(!parsed.file.declarations.is_empty());
    }
}

/// Replaces the text between `<!-- generated:NAME -->` and
/// `<!-- end:NAME -->` in `path` when `CANDOR_UPDATE_DOCS` is set; otherwise
/// fails when it differs from `expected`.
fn generated(path: &str, name: &str, expected: &str) {
    let text = std::fs::read_to_string(path).expect("the docs are readable");
    let begin = format!("<!-- generated:{name} -->\n");
    let end = format!("<!-- end:{name} -->");
    let start = text
        .find(&begin)
        .unwrap_or_else(|| panic!("{path} has no {begin}"))
        + begin.len();
    let stop = text
        .find(&end)
        .unwrap_or_else(|| panic!("{path} has no {end}"));
    if text[start..stop] == *expected {
        return;
    }
    if std::env::var_os("CANDOR_UPDATE_DOCS").is_some() {
        let updated = format!("{}{expected}{}", &text[..start], &text[stop..]);
        std::fs::write(path, updated).expect("the docs are writable");
    } else {
        panic!(
            "{path}'s `{name}` table differs from what candor generates; \
             run `CANDOR_UPDATE_DOCS=1 cargo test --test integration readme::` and review the change"
        );
    }
}

#[test]
fn the_readme_says_what_the_first_run_prints() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for command in [
        "cargo run --release -- build",
        "cargo test",
        "cargo install --locked --path .",
    ] {
        assert!(readme.contains(command), "the README lacks `{command}`");
    }
    let compiled = candor::compile(Path::new("policy"), &candor::Options::default())
        .expect("the bundled policy loads");
    let summary = candor::diagnostic::Summary::of(&compiled.diagnostics);
    let line = candor::diagnostic::summary_line(summary);
    assert!(
        readme.contains(&format!("\n{line}")),
        "the README's first run does not end with `{}`",
        line.trim_end()
    );
    let expected = format!(
        "**{} errors, {} warnings and {} advice are expected.**",
        summary.errors, summary.warnings, summary.advice
    );
    assert!(
        readme.contains(&expected),
        "the README does not say {expected}"
    );
}

/// The field-order table of docs/tools.md, from the schema.
fn field_order() -> String {
    use candor::schema::{self, KINDS};
    let mut rows: Vec<(Vec<&str>, String)> = Vec::new();
    for spec in KINDS {
        let order = if spec.ordered {
            "as written".to_owned()
        } else {
            spec.written_fields()
                .map(|f| format!("`{}`", f.keyword))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match rows.iter_mut().find(|(_, o)| *o == order) {
            Some((kinds, _)) => kinds.push(spec.keyword),
            None => rows.push((vec![spec.keyword], order)),
        }
    }
    for block in ["basis", "right"] {
        let fields = schema::block(block).expect("a block");
        let order = fields
            .iter()
            .filter(|f| f.is_written())
            .map(|f| format!("`{}`", f.keyword))
            .collect::<Vec<_>>()
            .join(", ");
        rows.push((vec![block], order));
    }
    let mut out = String::from("| declaration | field order |\n|---|---|\n");
    for (i, (kinds, order)) in rows.iter().enumerate() {
        let block = i >= rows.len() - 2;
        let names = kinds
            .iter()
            .map(|k| {
                if block {
                    format!("`{k} ... {{ }}`")
                } else {
                    format!("`{k}`")
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!("| {names} | {order} |\n"));
    }
    out
}

#[test]
fn the_field_order_table_is_the_schemas() {
    generated("docs/tools.md", "field-order", &field_order());
}

#[test]
fn the_rule_catalogue_rows_are_the_catalogues() {
    let path = "docs/rules.md";
    let mut text = std::fs::read_to_string(path).expect("docs/rules.md");
    let mut stale = Vec::new();
    for rule in candor::check::rules() {
        let row = format!(
            "| `{}` | {} | {} | {} |",
            rule.code, rule.severity, rule.summary, rule.citation
        );
        let prefix = format!("| `{}` |", rule.code);
        let Some(at) = text.find(&prefix) else {
            stale.push(format!("{} is not in the catalogue", rule.code));
            continue;
        };
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if text[at..end] != row {
            stale.push(format!("the row of {} differs from the rule", rule.code));
            text.replace_range(at..end, &row);
        }
    }
    if stale.is_empty() {
        return;
    }
    if std::env::var_os("CANDOR_UPDATE_DOCS").is_some()
        && stale.iter().all(|s| s.contains("differs"))
    {
        std::fs::write(path, text).expect("writable");
    } else {
        panic!(
            "{path}: {}; run `CANDOR_UPDATE_DOCS=1 cargo test --test integration readme::` for rows (a new rule needs a row by hand, in its family's table)",
            stale.join("; ")
        );
    }
}

/// The first sentence of a Rust file's `//!` documentation.
fn module_doc(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a source file");
    let mut doc = String::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("//!") else {
            break;
        };
        let rest = rest.trim();
        if rest.is_empty() {
            break;
        }
        if !doc.is_empty() {
            doc.push(' ');
        }
        doc.push_str(rest);
    }
    // The first sentence: up to a full stop followed by a space (or the end).
    let end = doc.find(". ").map_or(doc.len(), |i| i + 1);
    doc[..end].trim_end_matches('.').replace('|', "\\|")
}

/// What the directories outside `src/` hold (the tree decides which exist).
const OUTSIDE_SRC: &[(&str, &str)] = &[
    (
        ".ci/",
        "what CI runs (`run`), the pre-commit hooks' and the action's tests",
    ),
    (
        "benches/",
        "whole-process benchmarks and the synthetic policy generator",
    ),
    (
        "data/",
        "the vendor registry `candor audit` reads (`vendors.toml`)",
    ),
    ("docs/", "this guide (mdBook: `book.toml`, `SUMMARY.md`)"),
    (
        "editors/",
        "the VS Code extension: grammar, client, grammar test",
    ),
    (
        "fuzz/",
        "cargo-fuzz targets, their dictionary and corpus (own workspace)",
    ),
    (
        "grammar/",
        "the language, in commented sections (`policy.pest`)",
    ),
    (
        "out/",
        "what `candor build` writes for `policy/` (CI checks it is fresh)",
    ),
    (
        "policy/",
        "the reference policy: Net2Phone's published notice as candor source",
    ),
    (
        "templates/",
        "the built-in tera templates and the style sheet",
    ),
    (
        "tests/",
        "integration tests, fixtures, snapshots, the browser and GPP suites",
    ),
];

/// The layout table of docs/layout.md, from the tree.
fn layout() -> String {
    let mut out = String::from("| path | what it is |\n|---|---|\n");
    let mut top: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(".")
        .expect("the root")
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !matches!(name.as_str(), "target" | ".git" | "src") {
            top.insert(format!("{name}/"));
        }
    }
    let known: BTreeSet<String> = OUTSIDE_SRC.iter().map(|(d, _)| (*d).to_owned()).collect();
    let unknown: Vec<_> = top.difference(&known).collect();
    assert!(
        unknown.is_empty(),
        "docs/layout.md: describe {unknown:?} in OUTSIDE_SRC (tests/readme.rs)"
    );
    let mut src: Vec<(String, PathBuf)> = Vec::new();
    let mut walk = vec![PathBuf::from("src")];
    while let Some(dir) = walk.pop() {
        for entry in std::fs::read_dir(&dir).expect("src").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                // `dir/mod.rs`, or `dir.rs` beside `dir/`.
                let module = path.join("mod.rs");
                let beside = path.with_extension("rs");
                if module.is_file() {
                    src.push((format!("{}/", path.display()), module));
                } else if beside.is_file() {
                    src.push((format!("{}/", path.display()), beside));
                }
                walk.push(path);
            } else if dir == Path::new("src") && path.extension().is_some_and(|e| e == "rs") {
                src.push((path.display().to_string(), path));
            }
        }
    }
    src.sort();
    for (shown, file) in src {
        out.push_str(&format!("| `{shown}` | {} |\n", module_doc(&file)));
    }
    for (dir, what) in OUTSIDE_SRC {
        if top.contains(*dir) {
            out.push_str(&format!("| `{dir}` | {what} |\n"));
        }
    }
    out
}

#[test]
fn the_layout_table_is_the_trees() {
    generated("docs/layout.md", "layout", &layout());
}

/// A heading's anchor as mdBook and GitHub make it: lower case, letters,
/// digits, `-` and `_` kept, spaces to `-`, the rest dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a Markdown file: its headings' slugs and explicit ids.
fn anchors(text: &str) -> BTreeSet<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut found = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                if let Some(id) = id {
                    found.insert(id.to_string());
                }
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    found.insert(slug(&h));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                for part in h.split("id=\"").skip(1) {
                    if let Some(end) = part.find('"') {
                        found.insert(part[..end].to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Every Markdown file of the front door and the guide.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("README.md")];
    for entry in std::fs::read_dir("docs")
        .expect("docs/")
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut broken = Vec::new();
    for file in documents() {
        let text = std::fs::read_to_string(&file).expect("readable");
        let dir = file.parent().unwrap_or(Path::new(""));
        for event in Parser::new(&text) {
            let (Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })) = event
            else {
                continue;
            };
            let url = dest_url.to_string();
            if url.contains("://") || url.starts_with("mailto:") {
                continue;
            }
            let (target, anchor) = match url.split_once('#') {
                Some((t, a)) => (t, Some(a)),
                None => (url.as_str(), None),
            };
            let path = if target.is_empty() {
                file.clone()
            } else {
                dir.join(target)
            };
            if !path.exists() {
                broken.push(format!("{}: `{url}` (no such file)", file.display()));
                continue;
            }
            if let Some(anchor) = anchor
                && path.extension().is_some_and(|e| e == "md")
            {
                let target_text = std::fs::read_to_string(&path).expect("readable");
                if !anchors(&target_text).contains(anchor) {
                    broken.push(format!("{}: `{url}` (no such anchor)", file.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_guide_names_every_chapter_once() {
    let summary = std::fs::read_to_string("docs/SUMMARY.md").expect("SUMMARY.md");
    let named: Vec<&str> = summary
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .collect();
    let unique: BTreeSet<&str> = named.iter().copied().collect();
    assert_eq!(unique.len(), named.len(), "a chapter is named twice");
    for file in documents() {
        let Some(name) = file.strip_prefix("docs").ok().and_then(|f| f.to_str()) else {
            continue;
        };
        let name = name.trim_start_matches('/');
        if name == "SUMMARY.md" {
            continue;
        }
        assert!(
            unique.contains(name),
            "docs/SUMMARY.md does not name {name}"
        );
    }
}
