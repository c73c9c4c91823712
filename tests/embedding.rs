//! HTML for websites: the scoped stylesheet, id prefixes and heading
//! levels for fragments, autolinks, checked cross-references, aliases as
//! extra anchors (and `diff` reporting a removed anchor), and the page
//! markup (`ccpa.html`'s heading, definitions and link back, meta tags).
//! The browser suite in `tests/browser/` checks the same pages in Chromium.

use std::fs;
use std::path::Path;

use candor::model::PolicyDate;
use candor::render::{self, Output, RenderOptions};
use candor::{Compiled, Options, compile};

fn options() -> Options {
    Options {
        today: PolicyDate::parse("2026-01-01"),
        ..Options::default()
    }
}

/// A copy of the bundled policy with one text replaced, in a temporary
/// directory.
fn bundled_with(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for entry in fs::read_dir("policy").expect("policy/") {
        let path = entry.expect("an entry").path();
        let mut text = fs::read_to_string(&path).expect("readable");
        if path.file_name().is_some_and(|n| n == file) {
            assert!(text.contains(from), "{file} holds `{from}`");
            text = text.replacen(from, to, 1);
        }
        fs::write(dir.path().join(path.file_name().expect("a name")), text).expect("write");
    }
    dir
}

fn compiled(path: &Path) -> Compiled {
    compile(path, &options()).expect("the policy loads")
}

fn render_bundled(options: &RenderOptions) -> Vec<Output> {
    let compiled = compiled(Path::new("policy"));
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    render::render(&compiled.policy.expect("a model"), options).expect("renders")
}

fn file<'a>(outputs: &'a [Output], name: &str) -> &'a str {
    &outputs
        .iter()
        .find(|o| o.name == name)
        .expect("the output exists")
        .contents
}

/// Every value of `attribute` in the page.
fn values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// A selector list split at its top-level commas (not those of `:is(a, b)`).
fn top_level(list: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0usize, 0usize);
    for (i, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&list[start..]);
    parts
}

#[test]
fn every_css_rule_is_scoped_to_the_candor_root() {
    let css = file(&render_bundled(&RenderOptions::default()), "candor.css").to_owned();
    // Drop comments, then read each rule's selector list (at-rules open a
    // block of rules and are skipped).
    let mut text = String::new();
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find("*/").expect("comments are closed") + 2;
        rest = &rest[end..];
    }
    text.push_str(rest);
    let mut selectors = 0;
    let mut depth_stack: Vec<bool> = Vec::new(); // true: a rule's declarations
    let mut prelude = String::new();
    for c in text.chars() {
        match c {
            '{' => {
                let head = prelude.trim().to_owned();
                prelude.clear();
                let in_declarations = depth_stack.last().copied().unwrap_or(false);
                assert!(!in_declarations, "nested rule inside declarations: {head}");
                if head.starts_with('@') {
                    depth_stack.push(false);
                    continue;
                }
                for selector in top_level(&head) {
                    let selector = selector.trim();
                    selectors += 1;
                    assert!(
                        selector.starts_with(".candor"),
                        "the selector `{selector}` is not scoped to `.candor`"
                    );
                    assert!(
                        !selector.contains(":root")
                            && !selector
                                .split_whitespace()
                                .any(|w| w == "html" || w == "body"),
                        "the selector `{selector}` reaches the host page"
                    );
                }
                depth_stack.push(true);
            }
            '}' => {
                depth_stack.pop();
                prelude.clear();
            }
            ';' if depth_stack.last().copied().unwrap_or(false) => prelude.clear(),
            _ => prelude.push(c),
        }
    }
    assert!(
        selectors > 50,
        "the stylesheet was read ({selectors} selectors)"
    );
    // The standalone page inlines the same stylesheet.
    let outputs = render_bundled(&RenderOptions::default());
    assert!(file(&outputs, "privacy-policy.html").contains(file(&outputs, "candor.css").trim()));
}

#[test]
fn fragments_take_an_id_prefix_and_a_heading_level() {
    let outputs = render_bundled(&RenderOptions {
        fragment: true,
        id_prefix: "pp-".to_owned(),
        heading_level: 2,
        ..RenderOptions::default()
    });
    let page = file(&outputs, "privacy-policy.html");
    assert!(
        page.starts_with("<article class=\"candor candor-policy\""),
        "{}",
        &page[..80]
    );
    assert!(!page.contains("<style") && !page.contains("<h1"));
    assert!(
        page.contains(
            "<h2 class=\"candor-title\" id=\"pp-privacy-policy-title\">Privacy Policy</h2>"
        )
    );
    // The contents are named by their heading and the notice's title, so
    // that two notices on one page keep distinct landmark names.
    assert!(page.contains(
        "<nav class=\"candor-toc\" aria-labelledby=\"pp-table-of-contents pp-privacy-policy-title\">"
    ));
    assert!(page.contains("<h3><a class=\"candor-anchor\" href=\"#pp-amendments\">"));
    // Prose subsections sit one level below the sections.
    assert!(page.contains(
        "<h4 id=\"pp-d-how-to-exercise-your-rights\">D. How to Exercise Your Rights.</h4>"
    ));
    let ids = values(page, "id");
    assert!(ids.len() > 40);
    for id in &ids {
        assert!(id.starts_with("pp-"), "the id `{id}` lacks the prefix");
    }
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in one fragment");
    for href in values(page, "href")
        .into_iter()
        .filter(|h| h.starts_with('#'))
    {
        assert!(ids.contains(&&href[1..]), "the link `{href}` leads nowhere");
    }
    // Two fragments with different prefixes share no id.
    let other = render_bundled(&RenderOptions {
        fragment: true,
        id_prefix: "ca-".to_owned(),
        heading_level: 2,
        ..RenderOptions::default()
    });
    let ccpa_ids = values(file(&other, "ccpa.html"), "id");
    assert!(!ccpa_ids.is_empty());
    assert!(ccpa_ids.iter().all(|id| !ids.contains(id)));
}

#[test]
fn an_id_prefix_must_be_a_valid_start_of_an_id() {
    let out = tempfile::tempdir().expect("tmp");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
        .args([
            "build",
            "policy",
            "--fragment",
            "--id-prefix",
            "1 bad\"",
            "--out",
        ])
        .arg(out.path().join("out"))
        .output()
        .expect("candor runs");
    assert_eq!(status.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&status.stderr).contains("an id prefix is a letter"));
}

#[test]
fn addresses_in_prose_are_linked_with_the_country_code() {
    let outputs = render_bundled(&RenderOptions::default());
    let page = file(&outputs, "privacy-policy.html");
    for link in [
        "href=\"https://www.idt.net/ccpa-request\"",
        "href=\"https://www.idt.net/ccpa-do-not-sell\"",
        "href=\"mailto:Privacy@net2phone.com\"",
        // The controller is in the United States: +1.
        "href=\"tel:+18669788260\"",
    ] {
        assert!(page.contains(link), "no {link}");
    }
    // An address without its domain's ending is left as text.
    assert!(page.contains("send an email to Privacy@net2phone for information"));
    // Cross-references are links to anchors that exist.
    assert!(page.contains("<a href=\"#cookies_usage\" rel=\"noopener noreferrer\">see below</a>"));
    assert!(
        page.contains("<a href=\"#cookies-list\" rel=\"noopener noreferrer\">specific cookies</a>")
    );
    assert!(page.contains("<ul class=\"candor-items\" id=\"cookies-list\">"));
}

#[test]
fn page_markup_for_websites() {
    let outputs = render_bundled(&RenderOptions::default());
    let page = file(&outputs, "privacy-policy.html");
    assert!(page.contains(
        "<meta name=\"description\" content=\"Privacy Policy of Net2Phone Global Services, LLC: "
    ));
    assert!(
        page.contains("<link rel=\"alternate\" type=\"application/json\" href=\"policy.json\"")
    );
    assert!(page.contains("<link rel=\"privacy-policy\" href=\"privacy-policy.html\">"));
    // Row headers hold the data set's name only.
    assert!(page.contains("<th scope=\"row\">Contact Us</th>"));
    let ccpa = file(&outputs, "ccpa.html");
    assert!(ccpa.contains("<h1 class=\"candor-title\">Privacy Policy: California residents</h1>"));
    assert!(ccpa.contains("<a href=\"privacy-policy.html#california\">Privacy Policy</a>"));
    // The term the header marks is defined beside the table.
    assert!(ccpa.contains("Shared(1) and/or Disclosed"));
    assert!(ccpa.contains("<dt>(1) Share and Shared</dt> <dd>mean sharing, renting"));
    assert!(
        ccpa.contains(
            "<meta name=\"description\" content=\"The categories of personal information"
        )
    );
}

#[test]
fn a_cross_reference_to_an_unknown_anchor_is_an_error_with_a_suggestion() {
    let dir = bundled_with("datasets.policy", "(#cookies_usage)", "(#cookie_usage)");
    let compiled = compiled(dir.path());
    let found: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "candor::unknown-reference")
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", compiled.diagnostics);
    assert_eq!(
        found[0].message,
        "the link `#cookie_usage` points at no section, table or heading of the notice"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `#cookies_usage`?")
    );
}

#[test]
fn an_alias_that_is_another_anchor_is_an_error() {
    let dir = bundled_with(
        "sections.policy",
        "section amendments \"AMENDMENTS\" {",
        "section amendments \"AMENDMENTS\" {\n  aliases security",
    );
    let compiled = compiled(dir.path());
    assert!(
        compiled
            .diagnostics
            .iter()
            .any(|d| d.code == "candor::duplicate-id" && d.message.contains("`#security`")),
        "{:#?}",
        compiled.diagnostics
    );
}

#[test]
fn aliases_are_extra_anchors_and_a_removed_anchor_is_material() {
    let old = compiled(Path::new("policy")).policy.expect("a model");
    // Rename a section and a data set without aliases: two anchors break.
    let renamed = bundled_with("sections.policy", "section security ", "section safety ");
    for file in ["sections.policy", "policy.policy"] {
        let path = renamed.path().join(file);
        let text = fs::read_to_string(&path).expect("read");
        fs::write(&path, text.replace(" security,", " safety,")).expect("write");
    }
    let path = renamed.path().join("datasets.policy");
    let text = fs::read_to_string(&path).expect("read");
    fs::write(
        &path,
        text.replace("dataset contact_us ", "dataset contact "),
    )
    .expect("write");
    let new = compiled(renamed.path());
    assert!(!new.has_errors(), "{:#?}", new.diagnostics);
    let diff =
        candor::diff::compare(&old, new.policy.as_ref().expect("a model")).expect("compared");
    let anchors: Vec<_> = diff.changes.iter().filter(|c| c.kind == "anchor").collect();
    let ids: Vec<&str> = anchors.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["dataset-contact_us", "security"], "{anchors:#?}");
    assert!(
        anchors
            .iter()
            .all(|c| c.class == candor::diff::Class::Material)
    );
    assert!(
        anchors[0]
            .summary
            .contains("`aliases contact_us` in the data set")
    );
    assert!(
        anchors[1]
            .summary
            .contains("`aliases security` in the section")
    );

    // With aliases, the old anchors stay and nothing material is left.
    for (file, from, to) in [
        (
            "sections.policy",
            "section safety \"SECURITY\" {",
            "section safety \"SECURITY\" {\n  aliases security",
        ),
        (
            "datasets.policy",
            "dataset contact \"Contact Us\" {",
            "dataset contact \"Contact Us\" {\n  aliases contact_us",
        ),
    ] {
        let path = renamed.path().join(file);
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{from}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write");
    }
    let aliased = compiled(renamed.path());
    assert!(!aliased.has_errors(), "{:#?}", aliased.diagnostics);
    let policy = aliased.policy.expect("a model");
    let diff = candor::diff::compare(&old, &policy).expect("compared");
    assert!(
        diff.changes.iter().all(|c| c.kind != "anchor"),
        "{:#?}",
        diff.changes
    );
    let outputs = render::render(&policy, &RenderOptions::default()).expect("renders");
    let page = file(&outputs, "privacy-policy.html");
    assert!(
        page.contains(
            "<section id=\"safety\">\n<span class=\"candor-alias\" id=\"security\"></span>"
        )
    );
    assert!(
        page.contains(
            "<span class=\"candor-alias\" id=\"dataset-contact_us\"></span>Contact Us</th>"
        )
    );
}

#[test]
fn the_policy_can_set_the_prefix_and_heading_level_and_the_flags_win() {
    let dir = bundled_with(
        "policy.policy",
        "  numbered yes\n",
        "  numbered yes\n  id_prefix \"pp-\"\n  heading_level 2\n",
    );
    let accepted = compiled(dir.path());
    assert!(!accepted.has_errors(), "{:#?}", accepted.diagnostics);
    let policy = accepted.policy.expect("a model");
    assert_eq!(policy.id_prefix.as_deref(), Some("pp-"));
    assert_eq!(policy.heading_level, Some(2));
    let out = tempfile::tempdir().expect("tmp");
    let run = |extra: &[&str]| {
        let target = out.path().join(format!("out{}", extra.len()));
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("build")
            .arg(dir.path())
            .arg("--fragment")
            .args(extra)
            .arg("--out")
            .arg(&target)
            .output()
            .expect("candor runs");
        assert_eq!(status.status.code(), Some(0), "{status:?}");
        fs::read_to_string(target.join("privacy-policy.html")).expect("written")
    };
    let from_policy = run(&[]);
    assert!(from_policy.contains("<h2 class=\"candor-title\" id=\"pp-privacy-policy-title\">"));
    assert!(from_policy.contains("id=\"pp-amendments\""));
    let from_flags = run(&["--id-prefix", "x-", "--heading-level", "3"]);
    assert!(from_flags.contains("<h3 class=\"candor-title\" id=\"x-privacy-policy-title\">"));
    assert!(from_flags.contains("id=\"x-amendments\""));

    let bad = bundled_with(
        "policy.policy",
        "  numbered yes\n",
        "  numbered yes\n  id_prefix \"1 x\"\n  heading_level 5\n",
    );
    let rejected = compiled(bad.path());
    let messages: Vec<&str> = rejected
        .diagnostics
        .iter()
        .filter(|d| d.code == "candor::invalid-value")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`1 x` cannot start an HTML id",
            "`heading_level 5` is not a heading level for the title"
        ]
    );
}
