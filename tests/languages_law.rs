//! The laws that ask for a notice in a language (issue 22): the CCPA
//! regulations' languages the business uses with consumers in California
//! (11 CCR §7003(b)(2), `consumer_languages` and `ccpa::notice-languages`)
//! and Quebec's French (`established quebec` or `serves quebec`, and
//! `structure::quebec-french`). The fixtures of `tests/fixtures/rules/`
//! hold one case of each rule; these hold the others: the language candor
//! does not write, the law not declared, the fact not stated, the notice
//! written in another language than English, the fact's place, the
//! malformed tag, and the facts published in `policy.json` and its schema.

use std::path::PathBuf;

use candor::source::{SourceFile, Sources};
use candor::{Compiled, Options, compile_sources};

fn options() -> Options {
    Options {
        today: candor::model::PolicyDate::parse("2026-12-01"),
        levels: Vec::new(),
    }
}

fn compiled(text: &str) -> Compiled {
    let mut sources = Sources::new();
    sources.add(SourceFile::new(PathBuf::from("store.policy"), text));
    compile_sources(sources, &[], &options())
}

/// A shoe repair shop in San Jose: contracts and repair tickets in the
/// languages of `consumer`, its notice in `languages`.
fn shop(jurisdictions: &str, languages: &str, controller_facts: &str) -> String {
    format!(
        r#"policy site "Privacy Policy" {{
  updated 2026-06
  jurisdictions {jurisdictions}
{languages}
  outline california
}}

section california "Your privacy" {{
  insert ccpa_table
  text "We do not sell or share your personal information. Write to privacy@zapateria.example with any question."
}}

controller zapateria "Zapatería Alvarado LLC" {{
  address "1450 Story Rd, San Jose, CA 95122"
  email "privacy@zapateria.example"
{controller_facts}
}}

source you "you" {{ kind data_subject }}
purpose repairs "To repair your shoes and tell you when they are ready"
third_party sms "text message services" {{ kind service_provider }}

retention tickets "Repair tickets" {{
  period "two years after the repair, for warranty claims"
}}

ccpa identifiers "Identifiers" {{
  statutory A
  examples "name, phone number"
  sources you
  sold no
  shared no
  disclosed yes
  third_parties sms
  purposes repairs
  retention tickets
}}
"#
    )
}

fn findings<'a>(compiled: &'a Compiled, code: &str) -> Vec<&'a candor::diagnostic::Diagnostic> {
    compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect()
}

/// The 1-based line of a span.
fn line(compiled: &Compiled, span: candor::source::Span) -> usize {
    let file = compiled.sources.get(span.file);
    file.line_col(span.start as usize).0
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .expect("the text holds the needle")
}

#[test]
fn each_language_used_with_consumers_and_missing_from_the_notice_is_a_finding_at_the_fact() {
    let text = shop("ccpa", "", "  consumer_languages en, es, vi");
    let c = compiled(&text);
    let found = findings(&c, "ccpa::notice-languages");
    assert_eq!(found.len(), 2, "{found:#?}");
    let at = line_of(&text, "consumer_languages");
    for d in &found {
        assert_eq!(line(&c, d.primary.span), at, "{d:#?}");
    }
    // Spanish, which candor writes: the fix is a declared language and its translation.
    assert!(found[0].message.contains("`es`"), "{}", found[0].message);
    let help = found[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("languages en, es") && help.contains("translation es"),
        "{help}"
    );
    // Vietnamese, which candor does not write: a translation made elsewhere,
    // recorded with its reason.
    assert!(found[1].message.contains("`vi`"), "{}", found[1].message);
    let help = found[1].help.as_deref().unwrap_or_default();
    assert!(help.contains("allow ccpa::notice-languages"), "{help}");
}

#[test]
fn a_notice_in_every_language_used_draws_nothing_and_english_alone_is_a_checked_fact() {
    let english = compiled(&shop("ccpa", "", "  consumer_languages en"));
    assert!(findings(&english, "ccpa::notice-languages").is_empty());
    // A notice written in Spanish, for a business that uses only Spanish.
    let spanish = compiled(&shop(
        "ccpa",
        "  language \"es\"",
        "  consumer_languages es",
    ));
    assert!(
        findings(&spanish, "ccpa::notice-languages").is_empty(),
        "{:#?}",
        spanish.diagnostics
    );
    // The same business with an English notice is reported.
    let english_notice = compiled(&shop("ccpa", "", "  consumer_languages es"));
    assert_eq!(findings(&english_notice, "ccpa::notice-languages").len(), 1);
}

#[test]
fn the_rule_reads_only_a_stated_fact_and_only_under_the_ccpa() {
    // Not stated: the duty follows a practice the policy does not state.
    let unstated = compiled(&shop("ccpa", "", ""));
    assert!(findings(&unstated, "ccpa::notice-languages").is_empty());
    // Stated, but the CCPA is not declared: §7003 does not apply.
    let gdpr = compiled(&shop("gdpr", "", "  consumer_languages en, es"));
    assert!(
        findings(&gdpr, "ccpa::notice-languages").is_empty(),
        "{:#?}",
        gdpr.diagnostics
    );
}

#[test]
fn a_language_is_written_as_its_code() {
    let c = compiled(&shop("ccpa", "", "  consumer_languages en, ES, spanish"));
    let invalid: Vec<_> = findings(&c, "candor::invalid-value");
    assert_eq!(invalid.len(), 2, "{invalid:#?}");
    assert!(
        invalid[0]
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("`es`")
    );
    assert!(invalid[1].message.contains("`spanish`"));
}

#[test]
fn serving_quebec_asks_for_french_at_the_fact_read() {
    let serves = shop("ccpa", "", "  serves quebec, california");
    let c = compiled(&serves);
    let found = findings(&c, "structure::quebec-french");
    assert_eq!(found.len(), 1, "{:#?}", c.diagnostics);
    assert_eq!(line(&c, found[0].primary.span), line_of(&serves, "serves"));
    assert!(found[0].message.contains("serves people in Quebec"));

    // Established there too: the finding points at the establishment.
    let both = shop("ccpa", "", "  established us, quebec\n  serves quebec");
    let c = compiled(&both);
    let found = findings(&c, "structure::quebec-french");
    assert_eq!(found.len(), 1);
    assert_eq!(
        line(&c, found[0].primary.span),
        line_of(&both, "established")
    );

    // Not Quebec, or French published: nothing.
    let elsewhere = compiled(&shop("ccpa", "", "  serves california"));
    assert!(findings(&elsewhere, "structure::quebec-french").is_empty());
    let french = compiled(&shop("ccpa", "  language \"fr\"", "  serves quebec"));
    assert!(findings(&french, "structure::quebec-french").is_empty());
}

#[test]
fn the_facts_are_published_in_policy_json_and_its_schema() {
    let c = compiled(&shop(
        "ccpa",
        "",
        "  serves quebec\n  consumer_languages en, es, zh",
    ));
    let policy = c.policy.as_ref().expect("a model");
    let json: serde_json::Value =
        serde_json::from_str(&candor::render::json::policy_json(policy)).expect("JSON");
    assert_eq!(
        json["controller"]["consumer_languages"],
        serde_json::json!(["en", "es", "zh"])
    );
    assert_eq!(json["controller"]["serves"], serde_json::json!(["quebec"]));

    let schema: serde_json::Value =
        serde_json::from_str(&candor::render::json::policy_schema()).expect("JSON");
    let controller = &schema["$defs"]["Controller"]["properties"];
    for field in ["consumer_languages", "serves"] {
        assert!(
            controller[field].is_object(),
            "the schema describes controller.{field}: {controller:#}"
        );
    }
}

#[test]
fn fmt_keeps_the_facts_beside_the_establishments() {
    let text = shop(
        "ccpa",
        "",
        "  consumer_languages en,es\n  serves quebec\n  established us",
    );
    let formatted = candor::format::format_str(&text).expect("formats");
    let established = line_of(&formatted, "established us");
    assert_eq!(line_of(&formatted, "serves quebec"), established + 1);
    assert_eq!(
        line_of(&formatted, "consumer_languages en, es"),
        established + 2
    );
    assert_eq!(
        candor::format::format_str(&formatted).expect("formats"),
        formatted
    );
}
