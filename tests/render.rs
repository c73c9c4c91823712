//! Rendering, in process: snapshots of every valid fixture's Markdown, JSON
//! and HTML body; the JSON against its schema; injected markup; and
//! determinism.

use std::path::Path;

use candor::model::PolicyDate;
use candor::render::{self, Output, RenderOptions};
use candor::{Options, compile};
use pulldown_cmark::{Event, LinkType, Tag};

fn options() -> Options {
    Options {
        today: PolicyDate::parse("2026-01-01"),
        ..Options::default()
    }
}

/// Compiles a policy that must be free of errors and renders it.
fn render_policy(path: &Path, fragment: bool) -> Vec<Output> {
    let compiled = compile(path, &options()).expect("the fixture loads");
    assert!(
        !compiled.has_errors(),
        "{} has errors: {:#?}",
        path.display(),
        compiled.diagnostics
    );
    let policy = compiled.policy.expect("a resolved model");
    render::render(
        &policy,
        &RenderOptions {
            fragment,
            ..RenderOptions::default()
        },
    )
    .expect("the built-in templates render")
}

fn file<'a>(outputs: &'a [Output], name: &str) -> &'a str {
    &outputs
        .iter()
        .find(|o| o.name == name)
        .expect("the output exists")
        .contents
}

#[test]
fn valid_fixtures_render() {
    insta::glob!("fixtures/valid/*.policy", |path| {
        let outputs = render_policy(path, true);
        insta::assert_snapshot!("markdown", file(&outputs, "privacy-policy.md"));
        if let Some(ccpa) = outputs.iter().find(|o| o.name == "ccpa.md") {
            insta::assert_snapshot!("ccpa_markdown", ccpa.contents);
        }
        insta::assert_snapshot!("html_body", file(&outputs, "privacy-policy.html"));
        insta::assert_snapshot!("json", file(&outputs, "policy.json"));
    });
}

#[test]
fn every_build_writes_the_six_files_in_order() {
    let outputs = render_policy(Path::new("tests/fixtures/valid/render-ccpa.policy"), false);
    let names: Vec<&str> = outputs.iter().map(|o| o.name).collect();
    // Every file but the exports, which a policy gets only when it asks.
    let expected: Vec<&str> = render::file_names()
        .filter(|n| render::export::export_of(n).is_none())
        .collect();
    assert_eq!(names, expected);
    assert!(
        outputs
            .iter()
            .all(|o| o.contents.ends_with('\n') && !o.contents.ends_with("\n\n"))
    );
}

#[test]
fn json_validates_against_its_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&render::json::policy_schema()).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let mut paths: Vec<_> = std::fs::read_dir("tests/fixtures/valid")
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "policy"))
        .collect();
    paths.push("policy".into());
    paths.sort();
    for path in paths {
        let outputs = render_policy(&path, false);
        let instance: serde_json::Value =
            serde_json::from_str(file(&outputs, "policy.json")).expect("policy.json is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{}: {e}", e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{} does not validate:\n{}",
            path.display(),
            errors.join("\n")
        );
        assert_eq!(instance["schema_version"], candor::model::SCHEMA_VERSION);
    }
}

#[test]
fn rendering_is_deterministic() {
    for path in [
        "tests/fixtures/valid/render-lists.policy",
        "tests/fixtures/valid/render-ccpa.policy",
    ] {
        let first = render_policy(Path::new(path), false);
        let second = render_policy(Path::new(path), false);
        assert_eq!(first, second, "{path} renders differently twice");
    }
}

/// A policy that tries to put markup, event handlers and `javascript:` URLs
/// into the page through every kind of string and prose.
const HOSTILE: &str = r#"
policy hostile "<script>alert('title')</script>" {
  updated 2024-01
  jurisdictions gdpr, ccpa
  outline intro, data, california
}

controller evil "Evil <img src=x onerror=alert('controller')> Inc" {
  address "<svg onload=alert('address')>"
  phone "<b onmouseover=alert('phone')>1</b>"
  email "a@b.c\" onmouseover=\"alert('email')"
  url "javascript:alert('url')"
}

item email "<i onclick=alert('item')>email</i>"
source you "\"><script>alert('source')</script>" { kind data_subject }
purpose reply "<a href=javascript:alert('purpose')>reply</a>" {
  text """
    We reply. <script>alert('purpose text')</script>
    [click me](javascript:alert(1)) and ![img](javascript:alert(2)) [ref][r]
    <JavaScript:alert(3)> <a href="javascript:alert('a')" onclick="alert('onclick')">a</a>

    [r]: javascript:alert(4)
  """
}

dataset contact "<svg/onload=alert('dataset')>" {
  collects email
  sources you
  purposes reply
  basis legitimate_interest for reply {
    interest "replying"
    text """
      <iframe src="javascript:alert('iframe')"></iframe>

      <div onmouseover="alert('div')">block html</div>
    """
  }
  text "<style>body{display:none}</style> [x](JAVASCRIPT:alert('upper'))"
}

third_party tp "<script>alert('third party')</script>" { kind other }

ccpa identifiers "<img src=x onerror=alert('ccpa')>" {
  statutory A
  examples "<script>alert('examples')</script>"
  items email
  sources you
  sold no
  shared no
  disclosed yes
  third_parties tp
  purposes reply
}

rights gdpr_rights "<script>alert('rights')</script>" {
  jurisdiction gdpr
  right access "<img src=x onerror=alert('right')>" { text "<script>alert('right text')</script>" }
}

rights ccpa_rights "California rights" {
  jurisdiction ccpa
  right know "Right to Know" { text "[know](javascript:alert('know'))" }
}

section intro {
  text "Intro <img src=x onerror=alert('intro')>"
  insert controller
}

section data "<b onmouseover=alert('heading')>DATA</b>" {
  insert datasets
}

section california "CALIFORNIA" {
  insert ccpa_table
  insert rights gdpr_rights
  insert rights ccpa_rights numbered
}

# Lowered so that the rendering can be tested: the notice is hostile, not complete.
rules {
  warn gdpr::retention
  warn gdpr::complaint-right
  warn ccpa::category-retention
}
"#;

/// Tags the built-in templates and sanitised prose may produce.
const ALLOWED_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "link",
    "title",
    "style",
    "body",
    "main",
    "article",
    "header",
    "nav",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "time",
    "ul",
    "ol",
    "li",
    "a",
    "dl",
    "dt",
    "dd",
    "div",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "strong",
    "em",
    "br",
    "code",
    "pre",
    "blockquote",
    "del",
    "hr",
    "span",
];

/// Every tag of a page: its name and its attributes' raw text.
fn tags(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("every tag is closed");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let tag = tag.trim_start_matches('/');
        let name_len = tag
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(tag.len());
        out.push((
            tag[..name_len].to_ascii_lowercase(),
            tag[name_len..].to_owned(),
        ));
    }
    out
}

/// The names of a tag's attributes (`href`, `onclick`), read the way a
/// browser reads them: a quoted value is skipped whole, so text inside a
/// value (`content="... onerror=x ..."`) is not taken for an attribute.
fn attribute_names(attributes: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut chars = attributes.trim_end_matches('/').chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '=' {
                break;
            }
            name.push(c);
            chars.next();
        }
        if name.is_empty() && chars.peek().is_none() {
            return names;
        }
        names.push(name);
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek() == Some(&'=') {
            chars.next();
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            match chars.peek().copied() {
                Some(quote @ ('"' | '\'')) => {
                    chars.next();
                    assert!(
                        chars.by_ref().any(|c| c == quote),
                        "an attribute value is not closed: {attributes}"
                    );
                }
                _ => while chars.next_if(|c| !c.is_whitespace()).is_some() {},
            }
        }
    }
}

#[test]
fn attribute_names_skip_quoted_values() {
    assert_eq!(
        attribute_names(r#" content="a onerror=x" id=b onclick='y'"#),
        ["content", "id", "onclick"]
    );
}

#[test]
fn injected_markup_never_reaches_the_page_as_markup() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("hostile.policy");
    std::fs::write(&path, HOSTILE).expect("write the policy");
    for fragment in [false, true] {
        let outputs = render_policy(&path, fragment);
        for name in ["privacy-policy.html", "ccpa.html"] {
            let html = file(&outputs, name);
            // Remove the page's own stylesheet, the only <style> there is.
            let html = match (html.find("<style>"), html.find("</style>")) {
                (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b + "</style>".len()..]),
                _ => html.to_owned(),
            };
            assert!(!html.contains("<style"), "{name}: a second <style> got in");
            for (tag, attributes) in tags(&html) {
                assert!(
                    ALLOWED_TAGS.contains(&tag.as_str()),
                    "{name}: tag <{tag}{attributes}> got in"
                );
                let lower = attributes.to_ascii_lowercase();
                assert!(
                    !lower.contains("javascript:"),
                    "{name}: <{tag}{attributes}> carries a javascript: URL"
                );
                for attribute in attribute_names(&lower) {
                    assert!(
                        !attribute.starts_with("on"),
                        "{name}: <{tag}{attributes}> has an event handler"
                    );
                }
            }
            // The hostile text is still shown, as text.
            assert!(
                html.contains("&lt;script&gt;alert("),
                "{name}: the injected text should be visible as text"
            );
        }
        for name in ["privacy-policy.md", "ccpa.md"] {
            assert_markdown_is_inert(name, file(&outputs, name));
        }
    }
}

#[test]
fn a_policy_without_the_ccpa_gets_no_ccpa_page() {
    let outputs = render_policy(Path::new("tests/fixtures/valid/render-lists.policy"), false);
    let names: Vec<&str> = outputs.iter().map(|o| o.name).collect();
    assert_eq!(
        names,
        [
            "privacy-policy.md",
            "privacy-policy.html",
            "candor.css",
            "policy.json",
            "policy.schema.json"
        ]
    );
}

/// As a Markdown renderer reads it (CommonMark, raw HTML recognised): no
/// raw HTML but the templates' `<br>`, no unsafe link, no link definition
/// or reference, and outside code not even a `<` that CommonMark reads as
/// text.
fn assert_markdown_is_inert(name: &str, md: &str) {
    let md = md.replace("<br>", "");
    let mut code: Vec<std::ops::Range<usize>> = Vec::new();
    let mut parser =
        pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all()).into_offset_iter();
    for (event, range) in parser.by_ref() {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("{name}: raw HTML `{html}`"),
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => code.push(range),
            Event::Start(
                Tag::Link {
                    dest_url,
                    link_type,
                    ..
                }
                | Tag::Image {
                    dest_url,
                    link_type,
                    ..
                },
            ) => {
                assert!(
                    !dest_url.to_ascii_lowercase().contains("javascript"),
                    "{name}: link to `{dest_url}`"
                );
                assert!(
                    matches!(
                        link_type,
                        LinkType::Inline | LinkType::Autolink | LinkType::Email
                    ),
                    "{name}: a reference link `{}`",
                    &md[range]
                );
            }
            _ => {}
        }
    }
    let definitions = parser.reference_definitions().iter().count();
    assert_eq!(definitions, 0, "{name}: a link definition");
    for (i, _) in md.match_indices('<') {
        assert!(
            code.iter().any(|r| r.contains(&i)) || (i > 0 && md.as_bytes()[i - 1] == b'\\'),
            "{name}: an unescaped `<` at {}",
            &md[i..md.len().min(i + 40)]
        );
    }
}

/// Prose that is safe on its own but not where the templates paste it: a
/// fenced block in a list item and in a table cell, and a link definition
/// in one section used by a reference in another (issue 15, finding 1).
const OUT_OF_CONTEXT: &str = r#"
policy hostile "Hostile" {
  updated 2024-01
  jurisdictions gdpr
  outline intro, sharing, rights_section, later
}

controller c "C" { email "a@b.example" }
item email "email"
source you "you" { kind data_subject }
purpose reply "Reply" { text "We reply." }

recipient providers "Providers" {
  kind service_provider
  shares """
    ~~~
    <img src=x onerror=alert(1)>
    ~~~
  """
  text "```\n<script>alert('cell')</script>\n```"
}

dataset contact "Contact" {
  collects email
  sources you
  purposes reply
  basis legitimate_interest for reply { interest "replying" }
  recipients providers
  retention kept
  text "When you write."
}

retention kept "Kept" {
  applies_to contact
  period "two years"
  text "We keep it for two years."
}

rights gdpr_rights "Your rights" {
  jurisdiction gdpr
  right access "Access" {
    text """
      ```
      <script>alert(document.cookie)</script>
      ```
    """
  }
  right complaint "Complaints" { text "You may lodge a complaint with a supervisory authority." }
}

section intro "Intro" {
  text """
    Read [our terms][terms].

    [terms]: https://example.com/terms
    [x]: javascript:alert(document.domain)
    [y]: https://evil.example
  """
  insert controller
}

section sharing "Sharing" { insert recipients }
section rights_section "Rights" { insert rights gdpr_rights }

section later "Later" {
  text "[write to us][x], [or here][y] and [terms]."
}
"#;

#[test]
fn prose_pasted_into_lists_cells_and_other_sections_stays_inert() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("hostile.policy");
    std::fs::write(&path, OUT_OF_CONTEXT).expect("write the policy");
    let outputs = render_policy(&path, true);
    let md = file(&outputs, "privacy-policy.md");
    assert_markdown_is_inert("privacy-policy.md", md);
    for output in outputs.iter().filter(|o| o.name.ends_with(".md")) {
        assert_markdown_is_inert(output.name, &output.contents);
    }
    // The author's own reference link still works, rewritten inline.
    assert!(
        md.contains("[our terms](https://example.com/terms)"),
        "{md}"
    );
    // The references to other sections' definitions are text.
    assert!(md.contains("\\[write to us\\]\\[x\\]"), "{md}");
    assert!(md.contains("\\[terms\\]"), "{md}");
    // The payloads are still shown, as text.
    assert!(md.contains("alert\\(document\\.cookie\\)"), "{md}");
}

/// Renders an inline policy (it must resolve; rule findings do not matter).
fn render_text(text: &str) -> Vec<Output> {
    let mut sources = candor::source::Sources::new();
    sources.add(candor::source::SourceFile::new(
        std::path::PathBuf::from("inline.policy"),
        text,
    ));
    let compiled = candor::compile_sources(sources, &[], &options());
    let Some(policy) = compiled.policy else {
        panic!("does not resolve: {:#?}", compiled.diagnostics);
    };
    render::render(&policy, &RenderOptions::default()).expect("renders")
}

#[test]
fn the_california_page_links_back_to_the_notice_for_what_it_does_not_hold() {
    let outputs = render_text(
        r#"
policy p "Notice" { updated 2026-01; jurisdictions ccpa; outline table, cookies }
section table "Table" { insert ccpa_table }
section cookies "Cookies" { text "We use cookies." }
source you "you" { kind data_subject }
ccpa ids "Identifiers" {
  statutory A
  examples "name; see [our cookies](#cookies) and [the next row](#ccpa-web)"
  sources you
  sold no
  shared no
  disclosed no
}
ccpa web "Internet activity" { statutory F; examples "pages visited"; sources you; sold no; shared no; disclosed no }
"#,
    );
    let notice = file(&outputs, "privacy-policy.html");
    let ccpa = file(&outputs, "ccpa.html");
    assert!(notice.contains("href=\"#cookies\""), "{notice}");
    assert!(
        ccpa.contains("href=\"privacy-policy.html#cookies\""),
        "{ccpa}"
    );
    // A row of the table is on the California page itself.
    assert!(ccpa.contains("href=\"#ccpa-web\""), "{ccpa}");
    let ccpa_md = file(&outputs, "ccpa.md");
    assert!(
        ccpa_md.contains("](privacy-policy.md#cookies)"),
        "{ccpa_md}"
    );
}

#[test]
fn a_row_that_states_nothing_prints_not_stated_never_no() {
    let outputs = render_text(
        r#"
policy p "Notice" { updated 2026-01; jurisdictions ccpa; outline table }
section table "Table" { insert ccpa_table }
source you "you" { kind data_subject }
third_party partners "partners" { kind ad_network }
ccpa ids "Identifiers" { statutory A; examples "name"; sources you; third_parties partners }
ccpa bio "Biometric information" { statutory E; collected no }
"#,
    );
    let ccpa = file(&outputs, "ccpa.md");
    assert!(ccpa.contains("Sold – not stated"), "{ccpa}");
    assert!(ccpa.contains("Shared – not stated"), "{ccpa}");
    // The partners' facts are unknown, but the row lists them: disclosed.
    assert!(
        ccpa.contains("Disclosed for a Business Purpose – yes"),
        "{ccpa}"
    );
    assert!(!ccpa.contains("– no<br>"), "{ccpa}");
    assert!(ccpa.contains("| No | Not collected |"), "{ccpa}");
}

#[test]
fn a_users_wording_template_changes_the_generated_tables() {
    let dir = std::env::temp_dir().join(format!("candor-wording-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let wording = std::fs::read_to_string("templates/wording.tera")
        .expect("wording")
        .replace(
            "Categories of Sources of Personal Information",
            "Where We Got It",
        )
        .replace("Sold – ", "Sold? ");
    std::fs::write(dir.join("wording.tera"), wording).expect("write");
    let compiled = compile(Path::new("policy"), &options()).expect("loads");
    let policy = compiled.policy.expect("model");
    let outputs = render::render(
        &policy,
        &RenderOptions {
            templates: Some(dir.clone()),
            ..RenderOptions::default()
        },
    )
    .expect("renders");
    let ccpa = file(&outputs, "ccpa.html");
    assert!(ccpa.contains("Where We Got It"));
    assert!(ccpa.contains("Sold? no"));
    assert!(!ccpa.contains("Categories of Sources of Personal Information"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `insert notice_at_collection applicants`: the rows about applicants and
/// the rows about everyone, with only the items collected from applicants,
/// their sensitive kinds, answers that are never "no" for the unknown, the
/// opt-out link when something is sold or shared, and the way to the full
/// notice (Cal. Civ. Code §1798.100(a); Cal. Code Regs. tit. 11, §7012).
#[test]
fn the_notice_at_collection_for_applicants_holds_their_rows_only() {
    let outputs = render_text(
        r#"
policy p "Notice" { updated 2026-01; jurisdictions ccpa; outline applicants }
section applicants "Applicants" { insert notice_at_collection applicants }
subject applicants "job applicants"
subject employees "employees"
item resume "resume" { ccpa I }
item payroll "payroll records" { ccpa I }
item ssn "Social Security number" { ccpa A, L; sensitive government_id }
item cookie_id "cookie identifier" { ccpa A }
dataset hiring "Hiring" { subjects applicants; collects resume, ssn; sources you; purposes hire }
dataset payroll_run "Payroll" { subjects employees; collects payroll; sources you; purposes hire }
source you "you" { kind data_subject }
purpose hire "To recruit and employ staff"
third_party ads "advertising networks" { kind ad_network; targeted_advertising yes }
contact dns "Do Not Sell or Share My Personal Information" { url "https://example.com/do-not-sell" }
rights ca "California" { jurisdiction ccpa; request_methods dns }
ccpa professional "Professional information" { statutory I; items resume, payroll; subjects applicants, employees; sources you; purposes hire }
ccpa sensitive "Sensitive personal information" { statutory L; items ssn; subjects applicants; sources you; purposes hire }
ccpa web "Internet activity" { statutory F; items cookie_id; sources you; third_parties ads }
ccpa staff_only "Employee monitoring" { statutory F; subjects employees; sources you }
ccpa bio "Biometric information" { statutory E; collected no }
"#,
    );
    let md = file(&outputs, "privacy-policy.md");
    let html = file(&outputs, "privacy-policy.html");
    assert!(md.contains("we collect about job applicants"), "{md}");
    assert!(md.contains("Professional information"), "{md}");
    // The data items have a column of their own (row headers hold names).
    assert!(md.contains("| resume |"), "{md}");
    assert!(!md.contains("payroll records"), "{md}");
    assert!(md.contains("government id"), "{md}");
    // The row about everyone is there; the employees' row and the row that
    // is not collected are not.
    assert!(md.contains("Internet activity"), "{md}");
    assert!(!md.contains("Employee monitoring"), "{md}");
    assert!(!md.contains("Biometric"), "{md}");
    // Sharing is derived from the advertising network; the rest is unknown.
    assert!(md.contains("Shared – yes"), "{md}");
    assert!(md.contains("Sold – not stated"), "{md}");
    assert!(!md.contains("– no<br>") && !md.contains("– no |"), "{md}");
    // An unstated retention or purpose is "not stated", not a blank.
    assert!(md.contains("| not stated |"), "{md}");
    assert!(
        html.contains(r#"<a href="https://example.com/do-not-sell">"#),
        "{html}"
    );
    assert!(html.contains(r##"<a href="#privacy-policy">"##), "{html}");
    assert!(
        html.contains("<caption>Notice at collection: job applicants</caption>"),
        "{html}"
    );
}

/// `insert state_categories`: the categories with the state laws' labels.
/// Ad networks that pay in kind buy under Colorado's definition of a sale
/// but not under Virginia's (money only); processors are not third parties;
/// an unstated answer prints "not stated".
#[test]
fn the_state_categories_table_labels_each_row_law_by_law() {
    let outputs = render_text(
        r#"
policy p "Notice" { updated 2026-01; jurisdictions colorado, virginia; outline data }
section data "Data" { insert state_categories }
source you "you" { kind data_subject }
purpose orders "Orders"
third_party processors "hosting providers" { kind service_provider; consideration none; targeted_advertising no }
third_party ads "advertising networks" { kind ad_network; consideration other_value; targeted_advertising yes }
third_party partners "business partners" { kind other }
ccpa identifiers "Identifiers" { statutory A; examples "name"; sources you; third_parties processors, ads; purposes orders }
ccpa commercial "Purchases" { statutory D; examples "orders"; sources you; third_parties processors }
ccpa other "Other" { statutory K; examples "preferences"; sources you; third_parties partners; purposes orders }
subject staff "employees" { context employment }
ccpa staff_records "Employee records" { statutory I; examples "payroll"; subjects staff; sources you; third_parties processors }
"#,
    );
    let md = file(&outputs, "privacy-policy.md");
    assert!(!md.contains("Statutory category"), "{md}");
    // Employees are not consumers under these laws: their row is not the
    // state laws' to label.
    assert!(!md.contains("Employee records"), "{md}");
    assert!(
        md.contains(
            "| Identifiers | name<br>Sources: you | Orders | advertising networks<br>Also disclosed to processors: hosting providers | yes under the law of Colorado; no under the law of Virginia | yes |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| Purchases | orders<br>Sources: you | not stated | none<br>Also disclosed to processors: hosting providers | no | no |"),
        "{md}"
    );
    assert!(
        md.contains("| Other | preferences<br>Sources: you | Orders | business partners | not stated | not stated |"),
        "{md}"
    );
    let html = file(&outputs, "privacy-policy.html");
    assert!(
        html.contains("<caption>Categories of personal data we process</caption>"),
        "{html}"
    );
}

#[test]
fn the_state_rights_address_a_reader_of_one_state() {
    // One reader lives in one state: "Colorado, Virginia or Texas".
    let outputs = render_policy(Path::new("tests/fixtures/valid/us-states.policy"), false);
    let md = file(&outputs, "privacy-policy.md");
    assert!(
        md.contains("If you live in Colorado, Virginia or Texas, "),
        "{}",
        md.lines()
            .find(|l| l.contains("If you live in"))
            .unwrap_or("")
    );
    assert!(!md.contains("If you live in Colorado, Virginia and Texas"));
}
