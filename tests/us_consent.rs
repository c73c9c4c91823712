//! Consent under the US state laws, a fact of its own (`consent for PURPOSES
//! under LAWS { how withdraw text }` in a data set): the state consent rules
//! read it, the state rights section prints it, and the GDPR's lawful bases,
//! data table and record of processing do not treat it as an Art. 6 basis.
//! A GDPR `basis consent` restricted by a `when` condition answers no US law.

use std::path::Path;

use candor::model::PolicyDate;
use candor::render::export::ropa;
use candor::{Compiled, Options, compile};

const FAIL: &str =
    "tests/fixtures/missed-findings/colorado__sensitive-consent@eea-only-basis.policy";
const PASS: &str = "tests/fixtures/false-alarms/colorado__sensitive-consent@state-consent.policy";

fn options() -> Options {
    Options {
        today: PolicyDate::parse("2026-12-01"),
        ..Options::default()
    }
}

fn compiled(path: &str) -> Compiled {
    compile(Path::new(path), &options()).expect("the policy loads")
}

/// A policy given as text, compiled.
fn compiled_text(text: &str) -> Compiled {
    let mut sources = candor::source::Sources::new();
    sources.add(candor::source::SourceFile::new(
        std::path::PathBuf::from("inline.policy"),
        text,
    ));
    candor::compile_sources(sources, &[], &options())
}

fn codes(compiled: &Compiled) -> Vec<String> {
    compiled
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

fn markdown(compiled: &Compiled) -> String {
    let policy = compiled.policy.as_ref().expect("a resolved model");
    crate::support::notice_markdown(policy)
}

#[test]
fn an_eea_only_gdpr_consent_does_not_answer_colorado() {
    let c = compiled(FAIL);
    let finding = c
        .diagnostics
        .iter()
        .find(|d| d.code == "colorado::sensitive-consent")
        .expect("Colorado's consent rule reports the data set");
    assert!(finding.message.contains("`cycle`"), "{}", finding.message);
    let help = finding.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("consent under colorado") && help.contains("holds only where its condition"),
        "{help}"
    );
}

#[test]
fn the_state_consent_answers_colorado_and_is_printed_where_a_us_reader_looks() {
    let c = compiled(PASS);
    assert!(
        !codes(&c)
            .iter()
            .any(|code| code.ends_with("sensitive-consent")),
        "{:?}",
        codes(&c)
    );
    let md = markdown(&c);
    let state = &md[md
        .find("If you live in Colorado")
        .expect("the state rights")..];
    assert!(
        state.contains(
            "Luna processes sensitive data, as the privacy law of Colorado defines it, only with your consent"
        ),
        "{state}"
    );
    assert!(
        state.contains("**How you give and withdraw your consent:**"),
        "{state}"
    );
    assert!(
        state.contains(
            "- **Your cycle log** (Predicting your cycle and showing you your history; under the law of Colorado)"
        ),
        "{state}"
    );
    assert!(
        state.contains(
            "  - How you give it: when you turn on cycle tracking, on a screen of its own before you log anything"
        ),
        "{state}"
    );
    assert!(
        state.contains(
            "  - How you withdraw it: in the app's privacy settings, or by deleting your account; we then delete your cycle log"
        ),
        "{state}"
    );
    // The GDPR data table prints the GDPR basis only: the US consent is not
    // an Art. 6(1)(a) basis, and its facts are not printed there.
    let data = &md[..md
        .find("If you live in Colorado")
        .expect("the state rights")];
    assert!(!data.contains("turn on cycle tracking"), "{data}");
    assert!(!data.contains("we then delete your cycle log"), "{data}");
}

#[test]
fn the_record_of_processing_lists_only_the_gdpr_bases() {
    let c = compiled(PASS);
    let policy = c.policy.as_ref().expect("a resolved model");
    let bases = ropa::COLUMNS
        .iter()
        .position(|(n, _)| *n == "Lawful bases")
        .expect("the lawful bases column");
    let rows = ropa::rows(policy);
    let row = rows
        .iter()
        .find(|r| r[0] == "Your cycle log")
        .expect("the data set's row");
    assert_eq!(
        row[bases], "Consent (GDPR Art. 6(1)(a)) when you live in the EEA",
        "{row:?}"
    );
}

/// A small shop's policy under the GDPR and Virginia, with a data set
/// written by the test.
fn shop(jurisdictions: &str, dataset: &str) -> String {
    format!(
        r#"policy shop "Privacy Notice" {{
  updated 2026-11
  jurisdictions {jurisdictions}
  outline data
}}

section data "What we collect" {{ insert datasets }}

controller acme "Acme Pharmacy, LLC" {{
  address "1 Main Street, Richmond, VA 23219, USA"
  email "privacy@acme.example"
}}

source you "you" {{ kind data_subject }}
purpose refills "Refilling your prescriptions"
item prescriptions "prescriptions" {{ special health; sensitive health; ccpa L }}

dataset refill "Prescription refills" {{
  collects prescriptions
  sources you
  purposes refills
{dataset}
}}
"#
    )
}

#[test]
fn a_state_consent_is_not_a_gdpr_lawful_basis() {
    let c = compiled_text(&shop(
        "gdpr, virginia",
        "  consent { how \"when you sign up for refills\" }",
    ));
    let codes = codes(&c);
    assert!(
        codes.contains(&"gdpr::purpose-basis".to_owned()),
        "{codes:?}"
    );
    assert!(
        !codes.contains(&"virginia::sensitive-consent".to_owned()),
        "{codes:?}"
    );
}

#[test]
fn a_consent_answers_the_laws_it_names_and_every_one_without_under() {
    let named = compiled_text(&shop(
        "virginia, colorado",
        "  consent under virginia { how \"when you sign up for refills\" }",
    ));
    let codes_named = codes(&named);
    assert!(
        codes_named.contains(&"colorado::sensitive-consent".to_owned()),
        "{codes_named:?}"
    );
    assert!(
        !codes_named.contains(&"virginia::sensitive-consent".to_owned()),
        "{codes_named:?}"
    );
    let every = compiled_text(&shop(
        "virginia, colorado",
        "  consent { how \"when you sign up for refills\" }",
    ));
    assert!(
        !codes(&every)
            .iter()
            .any(|c| c.ends_with("sensitive-consent")),
        "{:?}",
        codes(&every)
    );
}

#[test]
fn a_gdpr_consent_that_holds_everywhere_still_answers_the_state_laws() {
    // Consent under Art. 4(11) and 7 is the clear, affirmative, freely
    // given, specific, informed and unambiguous agreement the state laws
    // define (Colo. Rev. Stat. §6-1-1303(5)).
    let c = compiled_text(&shop(
        "gdpr, virginia",
        "  basis consent { withdraw \"in your account\"; special explicit_consent }",
    ));
    assert!(
        !codes(&c).contains(&"virginia::sensitive-consent".to_owned()),
        "{:?}",
        codes(&c)
    );
}

#[test]
fn a_consent_under_a_law_that_is_not_a_state_law_is_an_error() {
    let c = compiled_text(&shop(
        "gdpr, virginia",
        "  consent under gdpr { how \"when you sign up\" }",
    ));
    let error = c
        .diagnostics
        .iter()
        .find(|d| d.is_error() && d.message.contains("is not a US state privacy law"))
        .expect("an error names the law");
    assert!(
        error
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("basis consent"),
        "{:?}",
        error.help
    );
    let unknown = compiled_text(&shop("virginia", "  consent under virgina"));
    assert!(
        unknown
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.contains("`virgina`")),
        "{:#?}",
        unknown.diagnostics
    );
}

#[test]
fn a_consent_block_names_an_unknown_field() {
    let c = compiled_text(&shop(
        "virginia",
        "  consent { how \"at sign-up\"; interest \"ours\" }",
    ));
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.contains("interest")),
        "{:#?}",
        c.diagnostics
    );
}
