//! The data map: each fact stated once, on the data set where it is true,
//! and every table a view of it. These tests read the outputs of
//! `tests/fixtures/corpus/fitness_app`, a policy with no `ccpa` rows and no
//! `third_party` declarations, at the grains where the older shape went
//! wrong: per group of people, per purpose, and for a buyer of the business.
//! Each scenario is also a pair of small policies (`datamap_pairs.rs`).

use std::path::Path;

use candor::model::PolicyDate;
use candor::render::{self, RenderOptions};
use candor::{Options, compile};

use crate::support::{row, section};

/// The Markdown notice of the fitness app, and its model's CCPA rows.
fn notice() -> (String, Vec<(String, bool)>) {
    let options = Options {
        today: PolicyDate::parse("2026-12-01"),
        ..Options::default()
    };
    let compiled = compile(Path::new("tests/fixtures/corpus/fitness_app"), &options)
        .expect("the policy loads");
    assert!(
        compiled.diagnostics.is_empty(),
        "{:#?}",
        compiled.diagnostics
    );
    let policy = compiled.policy.expect("a model");
    let rows = policy
        .ccpa
        .iter()
        .map(|c| (c.name.clone(), c.derived))
        .collect();
    let outputs = render::render(&policy, &RenderOptions::default()).expect("renders");
    let md = outputs
        .into_iter()
        .find(|o| o.name == "privacy-policy.md")
        .expect("the notice")
        .contents;
    (md, rows)
}

#[test]
fn the_ccpa_rows_are_derived_per_statutory_letter_from_the_data_sets() {
    let (md, rows) = notice();
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Identifiers",
            "Personal information described in Cal. Civ. Code §1798.80(e)",
            "Geolocation data",
            "Professional or employment-related information",
            "Sensitive personal information",
        ]
    );
    assert!(rows.iter().all(|(_, derived)| *derived));
    let california = section(&md, "## California privacy notice");
    // Only the ad networks receive identifiers for advertising: shared; the
    // résumés go to the recruiting platform alone.
    assert!(row(california, "Identifiers").contains("Shared – yes"));
    let employment = row(california, "Professional or employment-related information");
    assert!(employment.contains("Shared – no"), "{employment}");
    assert!(employment.contains("recruiting platform"), "{employment}");
    assert!(!employment.contains("advertising networks"), "{employment}");
}

#[test]
fn the_applicants_notice_at_collection_holds_only_the_applicants_facts() {
    let (md, _) = notice();
    let applicants = section(&md, "Notice at collection for job applicants");
    // Their purpose, their retention, nothing shared, no opt-out line.
    assert!(applicants.contains("Hiring"), "{applicants}");
    for other in [
        "Recording and analysing your runs",
        "Advertising our app on other websites",
        "13 months",
        "until you delete your account",
        "Shared – yes",
        "opt out",
    ] {
        assert!(!applicants.contains(other), "`{other}` in:\n{applicants}");
    }
    // The runners' and visitors' notice still says what is shared.
    let california = section(&md, "## California privacy notice");
    assert!(california.contains("To opt out of the sale or sharing"));
}

#[test]
fn the_colorado_table_answers_each_purpose_from_its_own_data_sets() {
    let (md, _) = notice();
    let colorado = section(&md, "Colorado residents");
    let service = row(colorado, "Recording and analysing your runs");
    let advertising = row(colorado, "Advertising our app on other websites");
    // Sold, targeted advertising, profiling.
    assert!(service.ends_with("| no | no | no |"), "{service}");
    assert!(advertising.ends_with("| no | yes | no |"), "{advertising}");
    // Hiring is about applicants, whom the Colorado law does not cover
    // (C.R.S. §6-1-1303(6)).
    assert!(!colorado.contains("Hiring"), "{colorado}");
}

#[test]
fn a_buyer_of_the_business_is_never_a_sale() {
    let (md, _) = notice();
    let california = section(&md, "## California privacy notice");
    // The buyer gives money for the business, yet the transfer is no sale
    // (Cal. Civ. Code §1798.140(ad)(2)(C)).
    let sensitive = row(california, "Sensitive personal information");
    assert!(sensitive.contains("Sold – no"), "{sensitive}");
    assert!(sensitive.contains("a buyer of our business"), "{sensitive}");
}

#[test]
fn cookie_consent_follows_the_bases_and_the_laws_of_each_region() {
    // A US-only notice whose advertising cookies are an opt-out: no word of
    // consent, and consent.json asks none.
    let (md, _) = notice();
    let tags = &md[md.find("- Advertising tags").expect("the cookie list")..];
    let tags = &tags[..tags.find("\n\n").unwrap_or(tags.len())];
    assert!(tags.contains("Not strictly necessary."), "{tags}");
    assert!(!tags.contains("consent"), "{tags}");
    let options = Options {
        today: PolicyDate::parse("2026-12-01"),
        ..Options::default()
    };
    let policy = compile(Path::new("tests/fixtures/corpus/fitness_app"), &options)
        .expect("loads")
        .policy
        .expect("a model");
    let consent: serde_json::Value =
        serde_json::from_str(&candor::render::export::signals::consent(&policy)).expect("JSON");
    let category = &consent["categories"][0];
    assert_eq!(category["id"], "ad_tags");
    assert_eq!(category["consent_required"], false, "{category}");
    assert_eq!(category["consent_required_in"], serde_json::json!([]));

    // The same cookies for EEA readers too, on consent: consent in the EEA.
    let mut eu = policy.clone();
    eu.jurisdictions
        .push(candor::model::words::Jurisdiction::Gdpr);
    let consent: serde_json::Value =
        serde_json::from_str(&candor::render::export::signals::consent(&eu)).expect("JSON");
    assert_eq!(consent["categories"][0]["consent_required"], true);
    assert_eq!(
        consent["categories"][0]["consent_required_in"],
        serde_json::json!(["eea"])
    );
}
