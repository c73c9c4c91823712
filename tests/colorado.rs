//! Colorado's purpose-by-purpose table (`insert colorado_purposes`, 4 CCR
//! 904-3 Rule 6.03(A)(1)): one row per purpose in Markdown and HTML, the
//! answers derived from the facts, "not stated" (never "no") for what the
//! facts do not say, and the table accessible like the others (a caption,
//! `th scope`, a `data-label` on every cell for the phone layout).

use std::path::Path;

use candor::render::{self, Output, RenderOptions};
use candor::{Options, compile};

fn outputs(path: &str) -> Vec<Output> {
    let compiled = compile(Path::new(path), &Options::default()).expect("the policy loads");
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    let policy = compiled.policy.expect("a resolved model");
    render::render(&policy, &RenderOptions::default()).expect("the templates render")
}

fn file(outputs: &[Output], name: &str) -> String {
    outputs
        .iter()
        .find(|o| o.name == name)
        .expect("the output exists")
        .contents
        .clone()
}

/// The Markdown rows of the Colorado table: the lines after its header.
fn markdown_rows(md: &str) -> Vec<Vec<String>> {
    let mut lines = md.lines().skip_while(|l| !l.starts_with("| Purpose |"));
    lines.next();
    lines.next();
    lines
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// The HTML of the Colorado table.
fn html_table(html: &str) -> String {
    let start = html
        .find("id=\"colorado-purposes-table\"")
        .expect("the table is printed");
    let end = html[start..].find("</table>").expect("the table ends") + start;
    html[start..end].to_owned()
}

#[test]
fn the_corpus_table_answers_purpose_by_purpose() {
    let out = outputs("tests/fixtures/corpus/grocer");
    let rows = markdown_rows(&file(&out, "privacy-policy.md"));
    let answers: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[3].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(answers.len(), 5, "{rows:?}");
    // Rewards data goes to the brands that fund coupons: a sale.
    assert!(answers[1].0.starts_with("**Aspen Rewards**"));
    assert_eq!(
        (answers[1].1, answers[1].2, answers[1].3),
        ("yes", "no", "no")
    );
    // Advertising: targeted, not sold; the charge account: profiling.
    assert_eq!(
        (answers[2].1, answers[2].2, answers[2].3),
        ("no", "yes", "no")
    );
    assert_eq!(
        (answers[3].1, answers[3].2, answers[3].3),
        ("no", "no", "yes")
    );
    // The categories of each purpose are named.
    assert!(
        rows[3][1].contains("Financial information"),
        "{:?}",
        rows[3]
    );
}

#[test]
fn unknown_facts_are_not_stated_never_no() {
    let out = outputs("tests/fixtures/rules/colorado/purpose-disclosures.fail.policy");
    let rows = markdown_rows(&file(&out, "privacy-policy.md"));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][2..], ["not stated", "not stated", "not stated"]);
    let table = html_table(&file(&out, "privacy-policy.html"));
    assert_eq!(table.matches(">not stated</td>").count(), 3, "{table}");
    assert!(!table.contains(">no</td>"), "{table}");
}

#[test]
fn the_html_table_is_accessible_and_phone_ready() {
    let out = outputs("tests/fixtures/corpus/grocer");
    let table = html_table(&file(&out, "privacy-policy.html"));
    assert!(table.contains("<caption>"), "{table}");
    let headers = table.matches("<th ").count() + table.matches("<th>").count();
    let scoped =
        table.matches("<th scope=\"col\">").count() + table.matches("<th scope=\"row\">").count();
    assert_eq!(headers, scoped, "every th has a scope: {table}");
    assert_eq!(table.matches("<th scope=\"col\">").count(), 5);
    assert_eq!(table.matches("<th scope=\"row\">").count(), 5);
    // Every data cell carries its column's name for the card layout.
    assert_eq!(
        table.matches("<td").count(),
        table.matches("<td data-label=\"").count()
    );
    // Rows link: each purpose has its anchor.
    assert!(table.contains("id=\"colorado-purpose-charge_decisions\""));
    // Balanced: no paragraph opened inside another.
    for tag in ["ul", "li", "p", "tr", "th", "td"] {
        assert_eq!(
            table.matches(&format!("<{tag}>")).count() + table.matches(&format!("<{tag} ")).count(),
            table.matches(&format!("</{tag}>")).count(),
            "<{tag}> is balanced"
        );
    }
    assert!(!table.contains("<p><p>") && !table.contains("</p></p>"));
}

#[test]
fn the_state_rights_say_how_opt_out_signals_are_processed() {
    let out = outputs("tests/fixtures/corpus/grocer");
    let md = file(&out, "privacy-policy.md");
    let section = &md[md.find("## Colorado residents").expect("the section")..];
    assert!(
        section.contains("**Opt-out preference signals:** We treat a Global Privacy Control signal as a request to opt out of the sale"),
        "{section}"
    );
}

/// The rule findings of a policy given as text.
fn codes_of(text: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("candor-colorado-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("policy.policy");
    std::fs::write(&path, text).expect("the policy is written");
    let compiled = compile(&path, &Options::default()).expect("the policy loads");
    let _ = std::fs::remove_dir_all(&dir);
    compiled.diagnostics.into_iter().map(|d| d.code).collect()
}

#[test]
fn a_notice_without_categories_gets_one_finding_not_one_per_purpose() {
    let text = r#"
policy p "P" {
  jurisdictions colorado
  outline s
}
section s "S" { insert datasets }
source you "you" { kind data_subject }
item email "email address"
purpose a "A" { targeted_advertising no; automated_decisions no }
purpose b "B" { targeted_advertising no; automated_decisions no }
purpose c "C" { targeted_advertising no; automated_decisions no }
dataset d "D" { collects email; sources you; purposes a, b, c }
"#;
    let codes = codes_of(text);
    let found = codes
        .iter()
        .filter(|c| *c == "colorado::purpose-disclosures")
        .count();
    assert_eq!(found, 1, "{codes:?}");
}
