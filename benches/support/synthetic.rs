//! A generator of synthetic policies: `n` data sets, each with its own
//! items, purposes, lawful bases, recipients and CCPA category, around the
//! fixed declarations every policy needs (controller, rights, sections).
//! The result passes `candor check` without errors, so that `build` does
//! all of its work.

use std::fmt::Write as _;

/// The text of a synthetic policy with `n` data sets.
#[must_use]
pub(crate) fn policy(n: usize) -> String {
    let mut out = String::with_capacity(2_000 + n * 2_400);
    out.push_str(HEADER);
    for i in 0..n {
        dataset(&mut out, i);
    }
    out
}

/// Everything but the data sets.
const HEADER: &str = r#"# A synthetic policy for benchmarks.

policy synthetic "Synthetic Privacy Policy" {
  updated 2025-12
  jurisdictions gdpr, ccpa
  language "en"
  numbered yes
  outline intro, data, sharing, rights_section, california
}

controller acme "Acme Synthetic Ltd" {
  address "1 Example Street, Springfield"
  phone "+1 800 555 0100" toll_free
  email "privacy@acme.example"
  contacts privacy_email
}

contact privacy_email "Email" { email "privacy@acme.example" }
contact request_form "Request form" { url "https://acme.example/privacy-request" }
contact phone_line "Toll-free number" { phone "+1 800 555 0100" toll_free }

subject customers "customers" { text "People who use our services." }
source consumer "consumer" { kind data_subject }
source consumer_device "consumer’s device" { kind device }
method voluntarily "Provided by you" { sources consumer; text "when you fill in a form." }

recipient group "Acme Group" {
  kind affiliate
  shares "usage data"
  text "We share data within the group to run our business."
}
recipient processors "Service providers" {
  kind service_provider
  shares "All data"
  text "Service providers process data on our behalf and under our instructions."
}
recipient authorities "Legal and law enforcement" {
  kind law_enforcement
  shares "Data a lawful request asks for"
  text "We disclose data when the law requires it."
}

third_party family "the Acme family of companies" { kind affiliate; recipient group }
third_party providers "our service providers" { kind service_provider; recipient processors }
third_party police "law enforcement" { kind law_enforcement; recipient authorities }

retention as_needed "As needed" {
  period "three years after your last use of our services"
  text "We keep data for as long as we need it for the purpose it was collected for."
}

transfer abroad "Transfers" {
  from eea
  to "the United States"
  safeguards sccs
  copy "Write to privacy@acme.example for a copy."
  text "We transfer data outside the EEA under the standard contractual clauses."
}

rights gdpr_rights "Your rights" {
  jurisdiction gdpr
  right informed "The right to be informed" { text "you can know what we do with your data." }
  right access "The right of access" { text "you can ask for a copy of your data." }
  right rectification "The right to rectification" { text "you can ask us to correct your data." }
  right erasure "The right to erasure" { text "you can ask us to delete your data." }
  right restriction "The right to restriction" { text "you can ask us to limit processing." }
  right objection "The right to object" { text "you can object to processing based on legitimate interests." }
  right portability "The right to portability" { text "you can receive your data in a portable format." }
  right complaint "The right to complain" { text "you can complain to a supervisory authority." }
  right withdraw_consent "The right to withdraw consent" { text "you can withdraw consent at any time." }
  right automated_decisions "Automated decisions" { text "we make no decisions based solely on automated processing." }
  request_methods privacy_email
}

rights ccpa_rights "California rights" {
  jurisdiction ccpa
  right know "Right to Know" { text "you can ask what we collected." }
  right know_sold_shared "Right to Know What Is Sold or Shared" { text "you can ask what we sold or shared." }
  right delete "Right to Delete" { text "you can ask us to delete your information." }
  right correct "Right to Correct" { text "you can ask us to correct your information." }
  right opt_out "Right to Opt Out" { text "we do not sell or share your information." }
  right limit_sensitive "Right to Limit" { text "you can limit the use of sensitive information." }
  right no_retaliation "Right of No Retaliation" { text "we do not discriminate against you." }
  request_methods request_form, phone_line
  online_only no
  verification "We verify your identity before we answer a request."
  response_days 45
  extension_days 45
  agents "An authorised agent can make a request with the same methods."
  opt_out_signals "We honour opt-out preference signals."
}

section intro {
  text """
    This synthetic policy exercises the compiler. We do not sell or share your personal
    information.
  """
  insert controller
}

section data "THE DATA WE COLLECT" {
  insert datasets
  insert transfers
}

section sharing "SHARING" {
  insert recipients
}

section rights_section "YOUR RIGHTS" {
  insert rights gdpr_rights
}

section california "CALIFORNIA CONSUMERS" {
  insert ccpa_table
  insert rights ccpa_rights numbered
}
"#;

/// One data set with its items, purposes, bases and CCPA category.
fn dataset(out: &mut String, i: usize) {
    let _ = write!(
        out,
        r#"
item d{i}_name "name {i}" {{ ccpa A }}
item d{i}_email "email address {i}" {{ ccpa A }}
item d{i}_usage "usage record {i}" {{ ccpa F }}

purpose d{i}_serve "Serving request type {i}" {{
  text "We use the data of data set {i} to serve your request and to keep our records."
}}
purpose d{i}_improve "Improving service {i}" {{
  text "We analyse the data of data set {i} to improve our services."
}}

dataset d{i} "Data set {i}" {{
  text """
    When you use feature {i}, we collect your name, your email address and a record of your
    usage (together, “Data Set {i}”).
  """
  subjects customers
  collects d{i}_name, d{i}_email, d{i}_usage
  sources consumer
  methods voluntarily
  purposes d{i}_serve, d{i}_improve
  operations "We collect, store and analyse the data, and give our staff access to it."
  basis contract for d{i}_serve {{
    text "We process Data Set {i} to perform our contract with you."
  }}
  basis legitimate_interest for d{i}_improve {{
    interest "improving feature {i}"
    text "We process Data Set {i} to improve our services, in our legitimate interest."
  }}
  retention as_needed
  recipients group, processors, authorities
  transfers abroad
  required no "we cannot provide feature {i}"
}}

ccpa c{i} "Category {i}" {{
  statutory A, F
  examples "name, email address and usage records of feature {i}"
  items d{i}_name, d{i}_email, d{i}_usage
  sources consumer, consumer_device
  sold no
  shared no
  disclosed yes
  third_parties family, providers, police
  purposes d{i}_serve, d{i}_improve
  retention as_needed
}}
"#
    );
}
