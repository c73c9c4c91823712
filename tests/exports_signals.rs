//! `gpc.json` says what the notice says of the Global Privacy Control: a
//! notice that refuses the signal publishes `"gpc": false`, and when the
//! business sells or shares, the refusal is an error (Cal. Code Regs. tit.
//! 11, §7025(b)).

use std::path::Path;

use candor::model::PolicyDate;
use candor::render::export::signals;
use candor::{Options, compile};

const FAIL: &str = "tests/fixtures/rules/ccpa/opt-out-signals-refused.fail.policy";
const PASS: &str = "tests/fixtures/rules/ccpa/opt-out-signals-refused.pass.policy";

/// The fixture, asking for `gpc.json`, compiled: its `gpc.json` and the
/// codes of its findings.
fn gpc_of(path: &str) -> (serde_json::Value, Vec<String>) {
    let text = std::fs::read_to_string(path).expect("fixture").replace(
        "jurisdictions ccpa\n",
        "jurisdictions ccpa\n  exports gpc\n",
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("site.policy");
    std::fs::write(&file, text).expect("write");
    let options = Options {
        today: PolicyDate::parse("2026-07-01"),
        ..Options::default()
    };
    let compiled = compile(Path::new(&file), &options).expect("the policy loads");
    let codes = compiled
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    let policy = compiled.policy.expect("a resolved model");
    let gpc = serde_json::from_str(&signals::gpc(&policy)).expect("JSON");
    (gpc, codes)
}

#[test]
fn a_notice_that_refuses_the_signal_publishes_false_and_fails() {
    let (gpc, codes) = gpc_of(FAIL);
    assert_eq!(gpc, serde_json::json!({ "gpc": false }));
    assert!(
        codes.iter().any(|c| c == "ccpa::opt-out-signals-refused"),
        "{codes:?}"
    );
    assert!(
        codes.iter().any(|c| c == "structure::gpc-signals"),
        "{codes:?}"
    );
}

#[test]
fn a_notice_that_honours_the_signal_publishes_true() {
    let (gpc, codes) = gpc_of(PASS);
    assert_eq!(gpc, serde_json::json!({ "gpc": true }));
    assert!(
        !codes
            .iter()
            .any(|c| c == "ccpa::opt-out-signals-refused" || c == "structure::gpc-signals"),
        "{codes:?}"
    );
}

/// A manifest that says the app tracks, with no tracking domains, is a
/// finding (Apple: with `NSPrivacyTracking` true, list the domains).
#[test]
fn a_tracking_manifest_without_domains_is_reported() {
    let codes = |path: &str| -> Vec<String> {
        compile(Path::new(path), &Options::default())
            .expect("the policy loads")
            .diagnostics
            .iter()
            .map(|d| d.code.clone())
            .collect()
    };
    let fail = "tests/fixtures/rules/structure/manifest-tracking-domains.fail.policy";
    let policy = compile(Path::new(fail), &Options::default())
        .expect("loads")
        .policy
        .expect("model");
    let manifest = candor::render::export::store::privacy_manifest(&policy);
    let value = plist::Value::from_reader_xml(manifest.as_bytes()).expect("a plist");
    let dict = value.as_dictionary().expect("a dictionary");
    assert_eq!(dict["NSPrivacyTracking"].as_boolean(), Some(true));
    assert!(
        dict["NSPrivacyTrackingDomains"]
            .as_array()
            .is_some_and(Vec::is_empty)
    );
    assert!(
        codes(fail)
            .iter()
            .any(|c| c == "structure::manifest-tracking-domains")
    );
    let pass = "tests/fixtures/rules/structure/manifest-tracking-domains.pass.policy";
    assert!(
        !codes(pass)
            .iter()
            .any(|c| c == "structure::manifest-tracking-domains")
    );
}
