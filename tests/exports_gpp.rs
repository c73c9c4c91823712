//! The GPP usnat fields mean what version 2 of the US National
//! specification says: `SharingNotice` is the notice describing the
//! processing, the two sensitive-data notices share their applicability,
//! and the per-user `Gpc` signal is left to the consent platform.

use std::path::Path;

use candor::model::{Policy, PolicyDate};
use candor::render::export::gpp;
use candor::{Options, compile};

fn model_of(path: &Path) -> Policy {
    let options = Options {
        today: PolicyDate::parse("2026-07-01"),
        ..Options::default()
    };
    compile(path, &options)
        .expect("the policy loads")
        .policy
        .expect("a resolved model")
}

fn get(policy: &Policy, name: &str) -> serde_json::Value {
    candor::law::gpp::fields(policy)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no field {name}"))
}

#[test]
fn sensitive_data_notices_agree_on_whether_sensitive_data_is_used() {
    // A fitness app: precise location and health data, used only for the
    // permitted purposes (`sensitive_other_uses no`), no "Limit the Use"
    // link. It uses sensitive data, so neither field is "not applicable".
    let policy = model_of(Path::new("tests/fixtures/corpus/fitness_app/policy.policy"));
    assert_eq!(get(&policy, "SensitiveDataProcessingOptOutNotice"), 2);
    assert_eq!(get(&policy, "SensitiveDataLimitUseNotice"), 2);
}

#[test]
fn the_sharing_notice_is_the_notice_of_processing() {
    // The same business, disclosing only to its service providers: it
    // still processes personal information, and its notice describes it.
    let text = std::fs::read_to_string("tests/fixtures/rules/structure/gpp-facts.pass.policy")
        .expect("fixture")
        .replace("shared yes", "shared no")
        .replace(
            "third_parties providers, ad_networks",
            "third_parties providers",
        )
        .replace(
            "third_party ad_networks \"ad networks\" { kind ad_network }\n",
            "",
        );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("site.policy");
    std::fs::write(&file, text).expect("write");
    let policy = model_of(&file);
    assert_eq!(get(&policy, "SharingNotice"), 1);
    assert_eq!(get(&policy, "SharingOptOutNotice"), 0);
}

#[test]
fn the_browser_signal_is_not_the_business_policy() {
    let policy = model_of(Path::new(
        "tests/fixtures/rules/structure/gpp-facts.pass.policy",
    ));
    let json: serde_json::Value = serde_json::from_str(&gpp::gpp(&policy)).expect("JSON");
    assert!(json.get("Gpc").is_none(), "{json}");
    assert_eq!(json["version"], 2);
}
