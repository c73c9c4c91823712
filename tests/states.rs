//! The US state laws and the UK GDPR beyond their fixture pairs: each law
//! derives its own "sale" from the same facts, the Texas notices are
//! verbatim, a rights block may serve several states, and a policy that
//! declares states renders their rights section.

use std::path::{Path, PathBuf};

use candor::check::EXAMPLE_TODAY;
use candor::render::{self, RenderOptions};
use candor::source::{SourceFile, Sources};
use candor::{Compiled, Options, compile, compile_sources};

fn options() -> Options {
    Options {
        today: Some(EXAMPLE_TODAY),
        levels: Vec::new(),
    }
}

fn from_text(text: &str) -> Compiled {
    let mut sources = Sources::new();
    sources.add(SourceFile::new(PathBuf::from("inline.policy"), text));
    compile_sources(sources, &[], &options())
}

fn codes(compiled: &Compiled) -> Vec<&str> {
    compiled
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

fn fixture(code: &str, outcome: &str) -> String {
    let (family, name) = code.split_once("::").expect("a code");
    std::fs::read_to_string(
        Path::new("tests/fixtures/rules")
            .join(family)
            .join(format!("{name}.{outcome}.policy")),
    )
    .expect("fixture")
}

/// The `opt-out` fail fixture of a state, with the ad networks paid in kind
/// and not advertising: only the sale is in question.
fn paid_in_kind(state: &str) -> String {
    fixture(&format!("{state}::opt-out"), "fail")
        .replace("consideration money", "consideration other_value")
        .replace("targeted_advertising yes", "targeted_advertising no")
}

#[test]
fn a_sale_for_other_value_counts_in_colorado_but_not_in_virginia() {
    for (state, sells) in [
        ("colorado", true),
        ("connecticut", true),
        ("texas", true),
        ("oregon", true),
        ("virginia", false),
        ("utah", false),
    ] {
        let compiled = from_text(&paid_in_kind(state));
        let code = format!("{state}::opt-out");
        assert_eq!(
            codes(&compiled).contains(&code.as_str()),
            sells,
            "{state}: {:?}",
            codes(&compiled)
        );
    }
}

#[test]
fn processors_affiliates_and_acquirers_never_buy() {
    for kind in ["service_provider", "affiliate", "acquirer"] {
        let text = paid_in_kind("colorado").replace("kind ad_network", &format!("kind {kind}"));
        assert!(
            !codes(&from_text(&text)).contains(&"colorado::opt-out"),
            "{kind}"
        );
    }
}

#[test]
fn unknown_consideration_is_not_a_sale() {
    let text = paid_in_kind("colorado").replace("consideration other_value; ", "");
    assert!(!codes(&from_text(&text)).contains(&"colorado::opt-out"));
}

#[test]
fn significant_profiling_calls_for_its_opt_out_except_in_utah() {
    for (state, owed) in [("virginia", true), ("utah", false)] {
        let text = fixture(&format!("{state}::rights"), "pass").replace(
            "purpose service \"To provide our services\"",
            "purpose service \"Deciding on credit\" { automated_decisions yes }",
        );
        let compiled = from_text(&text);
        let found = compiled.diagnostics.iter().any(|d| {
            d.code == format!("{state}::opt-out") && d.message.contains("opt_out_profiling")
        });
        assert_eq!(found, owed, "{state}");
    }
}

#[test]
fn the_texas_notices_are_verbatim() {
    let pass = fixture("texas::sensitive-sale-notice", "pass");
    assert!(!codes(&from_text(&pass)).contains(&"texas::sensitive-sale-notice"));
    // A paraphrase is not the notice.
    let paraphrase = pass.replace(
        "NOTICE: We may sell your sensitive personal data.",
        "Notice: we might sell sensitive data.",
    );
    assert!(codes(&from_text(&paraphrase)).contains(&"texas::sensitive-sale-notice"));
    // Line breaks inside the sentence do not matter.
    let wrapped = pass.replace(
        "text \"NOTICE: We may sell your sensitive personal data.\"",
        "text \"\"\"\n    NOTICE: We may sell your\n    sensitive personal data.\n    \"\"\"",
    );
    assert!(!codes(&from_text(&wrapped)).contains(&"texas::sensitive-sale-notice"));
    // Government identifiers are sensitive in California, not in Texas.
    let id = fixture("texas::sensitive-sale-notice", "fail")
        .replace("sensitive precise_geolocation", "sensitive government_id");
    assert!(!codes(&from_text(&id)).contains(&"texas::sensitive-sale-notice"));
}

#[test]
fn a_texas_policy_that_also_declares_the_ccpa_and_sells_sensitive_data_fails() {
    let text = std::fs::read_to_string("tests/fixtures/valid/us-states.policy").expect("fixture");
    assert!(!from_text(&text).has_errors());
    let without = text.replace(
        "  text \"NOTICE: We may sell your sensitive personal data.\"\n",
        "",
    );
    let compiled = from_text(&without);
    assert!(compiled.has_errors());
    assert!(codes(&compiled).contains(&"texas::sensitive-sale-notice"));
}

#[test]
fn one_rights_block_serves_the_states_it_covers() {
    let pass = fixture("virginia::rights-block", "pass")
        .replace("jurisdictions virginia", "jurisdictions virginia, colorado");
    let compiled = from_text(&pass);
    assert!(
        codes(&compiled).contains(&"colorado::rights-block"),
        "{:?}",
        codes(&compiled)
    );
    let covered = pass.replace(
        "  jurisdiction virginia\n",
        "  jurisdiction virginia\n  covers colorado\n",
    );
    let compiled = from_text(&covered);
    assert!(
        !codes(&compiled)
            .iter()
            .any(|c| c.ends_with("::rights-block")),
        "{:?}",
        codes(&compiled)
    );
}

#[test]
fn state_rules_run_only_for_the_states_declared() {
    let text =
        fixture("virginia::appeal", "fail").replace("jurisdictions virginia", "jurisdictions ccpa");
    let compiled = from_text(&text);
    assert!(
        !codes(&compiled).iter().any(|c| c.starts_with("virginia::")),
        "{:?}",
        codes(&compiled)
    );
}

#[test]
fn a_policy_declaring_states_renders_their_rights_section() {
    let compiled = compile(
        Path::new("tests/fixtures/valid/us-states.policy"),
        &options(),
    )
    .expect("the fixture loads");
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    let policy = compiled.policy.expect("a model");
    let outputs = render::render(&policy, &RenderOptions::default()).expect("renders");
    let md = &outputs
        .iter()
        .find(|o| o.name == "privacy-policy.md")
        .expect("markdown")
        .contents;
    for expected in [
        "If you live in Colorado, Virginia and Texas",
        "Colorado: Example Retail sells personal data as the Colorado Privacy Act defines a sale",
        "Virginia: Example Retail does not sell personal data as the Virginia Consumer Data Protection Act defines a sale (an exchange of personal data for monetary consideration)",
        "Example Retail processes personal data for targeted advertising; you may opt out of it.",
        "**How to appeal:** If we decline your request",
        "NOTICE: We may sell your sensitive personal data.",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
}

#[test]
fn utah_has_no_appeal_and_says_so() {
    let text = fixture("utah::rights-block", "pass");
    let compiled = from_text(&text);
    assert!(!compiled.has_errors(), "{:?}", codes(&compiled));
    let policy = compiled.policy.expect("a model");
    let outputs = render::render(&policy, &RenderOptions::default()).expect("renders");
    let md = &outputs
        .iter()
        .find(|o| o.name == "privacy-policy.md")
        .expect("markdown")
        .contents;
    assert!(
        md.contains("The privacy law of Utah provides no appeal"),
        "{md}"
    );
    assert!(candor::check::find("utah::appeal").is_none());
}

#[test]
fn the_uk_gdpr_rules_run_only_for_the_uk() {
    let text = fixture("gdpr::uk-transfer-tool", "fail")
        .replace("jurisdictions uk_gdpr", "jurisdictions gdpr");
    let compiled = from_text(&text);
    assert!(
        !codes(&compiled).iter().any(|c| c.starts_with("gdpr::uk-")),
        "{:?}",
        codes(&compiled)
    );
}

#[test]
fn at_least_25_new_rules_with_a_citation_each() {
    let new: Vec<_> = candor::check::rules()
        .filter(|r| {
            [
                "colorado",
                "virginia",
                "connecticut",
                "texas",
                "oregon",
                "utah",
            ]
            .contains(&r.family())
        })
        .collect();
    assert!(new.len() >= 25, "{}", new.len());
    assert!(new.iter().all(|r| !r.citation.is_empty()));
}
