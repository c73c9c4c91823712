//! Apple's privacy manifest, read back with the `plist` crate: the tracking
//! domains the vendors state, the required-reason APIs the controller
//! declares, every constant in Apple's vocabulary (a committed copy,
//! `tests/fixtures/exports/apple-privacy-manifest.txt`, sources cited
//! there), and `candor build --merge-manifest`, which keeps an Xcode
//! target's own keys and refuses a manifest that says more than the notice.

use std::collections::BTreeSet;
use std::path::Path;

use candor::model::words::{AccessedApi, AppleDataType, ApplePurpose, Word};
use candor::model::{Policy, PolicyDate};
use candor::render::export::store;
use candor::render::{self, RenderOptions};
use candor::{Options, compile};
use plist::Value;

use crate::support::build;

const MOBILE: &str = "tests/fixtures/exports/mobile-app.policy";
/// A corpus notice written with data sets only, which asks for every export.
const FOOD: &str = "tests/fixtures/corpus/food_delivery";

fn model(path: &Path) -> Policy {
    let options = Options {
        today: PolicyDate::parse("2026-01-01"),
        ..Options::default()
    };
    let compiled = compile(path, &options).expect("the policy loads");
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    compiled.policy.expect("a model")
}

/// Apple's constants of one kind (`key`, `type`, `purpose`, `api`).
fn apple(kind: &str) -> BTreeSet<String> {
    std::fs::read_to_string("tests/fixtures/exports/apple-privacy-manifest.txt")
        .expect("the vocabulary")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix(kind)?.strip_prefix(' '))
        .map(str::to_owned)
        .collect()
}

fn manifest(policy: &Policy) -> plist::Dictionary {
    let outputs = render::render(policy, &RenderOptions::default()).expect("renders");
    let text = &outputs
        .iter()
        .find(|o| o.name == "PrivacyInfo.xcprivacy")
        .expect("the manifest is written")
        .contents;
    Value::from_reader_xml(text.as_bytes())
        .expect("a property list")
        .into_dictionary()
        .expect("a dictionary")
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .expect("an array")
        .iter()
        .map(|v| v.as_string().expect("a string").to_owned())
        .collect()
}

#[test]
fn every_word_names_one_of_apples_constants() {
    let types = apple("type");
    for w in AppleDataType::ALL {
        assert!(types.contains(w.manifest_key()), "{}", w.manifest_key());
    }
    let purposes = apple("purpose");
    for w in ApplePurpose::ALL {
        assert!(purposes.contains(w.manifest_key()), "{}", w.manifest_key());
    }
    let apis = apple("api");
    for w in AccessedApi::ALL {
        let (category, reason) = w.manifest();
        assert!(
            apis.contains(&format!("{category} {reason}")),
            "{} is {category} {reason}",
            w.word()
        );
    }
}

/// The collected data types of a manifest, each checked against Apple's
/// vocabulary (its keys, its type, its purposes), with whether it is
/// marked as tracking.
fn collected_types(doc: &plist::Dictionary) -> Vec<(String, bool)> {
    let keys = apple("key");
    let types = apple("type");
    let purposes = apple("purpose");
    let mut out = Vec::new();
    for t in doc
        .get("NSPrivacyCollectedDataTypes")
        .and_then(Value::as_array)
        .expect("types")
    {
        let d = t.as_dictionary().expect("an entry");
        for key in d.keys() {
            assert!(keys.contains(key), "{key}");
        }
        let kind = d
            .get("NSPrivacyCollectedDataType")
            .and_then(Value::as_string)
            .expect("a type");
        assert!(types.contains(kind), "{kind}");
        for p in strings(d.get("NSPrivacyCollectedDataTypePurposes")) {
            assert!(purposes.contains(&p), "{p}");
        }
        let tracking = d
            .get("NSPrivacyCollectedDataTypeTracking")
            .and_then(Value::as_boolean)
            == Some(true);
        out.push((kind.to_owned(), tracking));
    }
    out
}

#[test]
fn the_mobile_apps_manifest_lists_its_tracking_domains_and_required_reason_apis() {
    let doc = manifest(&model(Path::new(MOBILE)));
    let keys = apple("key");
    for key in doc.keys() {
        assert!(keys.contains(key), "{key} is not Apple's");
    }
    assert_eq!(
        doc.get("NSPrivacyTracking").and_then(Value::as_boolean),
        Some(true)
    );
    assert_eq!(
        strings(doc.get("NSPrivacyTrackingDomains")),
        ["ads.adnet.example", "measure.adnet.example"]
    );
    let apis = apple("api");
    let declared: Vec<(String, Vec<String>)> = doc
        .get("NSPrivacyAccessedAPITypes")
        .and_then(Value::as_array)
        .expect("the required-reason APIs")
        .iter()
        .map(|e| {
            let d = e.as_dictionary().expect("an entry");
            let category = d
                .get("NSPrivacyAccessedAPIType")
                .and_then(Value::as_string)
                .expect("a category")
                .to_owned();
            (category, strings(d.get("NSPrivacyAccessedAPITypeReasons")))
        })
        .collect();
    assert_eq!(declared.len(), 3, "{declared:?}");
    for (category, reasons) in &declared {
        for reason in reasons {
            assert!(apis.contains(&format!("{category} {reason}")));
        }
    }
    assert!(declared.contains(&(
        "NSPrivacyAccessedAPICategoryUserDefaults".to_owned(),
        vec!["CA92.1".to_owned()]
    )));
    collected_types(&doc);
}

#[test]
fn the_food_delivery_manifest_reads_back_in_apples_vocabulary() {
    let doc = manifest(&model(Path::new(FOOD)));
    let keys = apple("key");
    for key in doc.keys() {
        assert!(keys.contains(key), "{key} is not Apple's");
    }
    // Tracking is derived from the data sets: the ad networks advertise
    // with the orders; the advertising SDK's domain is listed.
    assert_eq!(
        doc.get("NSPrivacyTracking").and_then(Value::as_boolean),
        Some(true)
    );
    assert_eq!(
        strings(doc.get("NSPrivacyTrackingDomains")),
        ["sdk.adreach.example"]
    );
    let mut tracked: Vec<String> = collected_types(&doc)
        .into_iter()
        .filter(|(_, tracking)| *tracking)
        .map(|(kind, _)| kind)
        .collect();
    tracked.sort();
    assert_eq!(
        tracked,
        [
            "NSPrivacyCollectedDataTypeDeviceID",
            "NSPrivacyCollectedDataTypeEmailAddress",
            "NSPrivacyCollectedDataTypePurchaseHistory",
        ]
    );
    let apis = doc
        .get("NSPrivacyAccessedAPITypes")
        .and_then(Value::as_array)
        .expect("the required-reason APIs");
    assert_eq!(apis.len(), 1);
}

/// An Xcode target's manifest: a key of the developer's, a domain and an
/// API the notice does not know of.
const EXISTING: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>NSPrivacyAccessedAPITypes</key>
	<array>
		<dict>
			<key>NSPrivacyAccessedAPIType</key>
			<string>NSPrivacyAccessedAPICategoryDiskSpace</string>
			<key>NSPrivacyAccessedAPITypeReasons</key>
			<array>
				<string>E174.1</string>
			</array>
		</dict>
		<dict>
			<key>NSPrivacyAccessedAPIType</key>
			<string>NSPrivacyAccessedAPICategoryUserDefaults</string>
			<key>NSPrivacyAccessedAPITypeReasons</key>
			<array>
				<string>1C8F.1</string>
			</array>
		</dict>
	</array>
	<key>StrideBuildNote</key>
	<string>kept by the iOS team</string>
	<key>NSPrivacyTrackingDomains</key>
	<array>
		<string>sdk.partner.example</string>
	</array>
	<key>NSPrivacyTracking</key>
	<false/>
</dict>
</plist>
"#;

#[test]
fn merging_keeps_the_developers_keys_and_joins_domains_and_apis() {
    let policy = model(Path::new(MOBILE));
    let merged = store::merge_manifest(&policy, EXISTING.as_bytes()).expect("merges");
    let doc = Value::from_reader_xml(merged.as_bytes())
        .expect("a property list")
        .into_dictionary()
        .expect("a dictionary");
    // The developer's key, in its place; candor's keys in theirs or after.
    let keys: Vec<&str> = doc.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "NSPrivacyAccessedAPITypes",
            "StrideBuildNote",
            "NSPrivacyTrackingDomains",
            "NSPrivacyTracking",
            "NSPrivacyCollectedDataTypes",
        ]
    );
    assert_eq!(
        doc.get("StrideBuildNote").and_then(Value::as_string),
        Some("kept by the iOS team")
    );
    assert_eq!(
        doc.get("NSPrivacyTracking").and_then(Value::as_boolean),
        Some(true)
    );
    assert_eq!(
        strings(doc.get("NSPrivacyTrackingDomains")),
        [
            "ads.adnet.example",
            "measure.adnet.example",
            "sdk.partner.example"
        ]
    );
    let apis = doc
        .get("NSPrivacyAccessedAPITypes")
        .and_then(Value::as_array)
        .expect("apis");
    assert_eq!(apis.len(), 4, "disk space joins the notice's three");
    let defaults = apis
        .iter()
        .filter_map(Value::as_dictionary)
        .find(|d| {
            d.get("NSPrivacyAccessedAPIType").and_then(Value::as_string)
                == Some("NSPrivacyAccessedAPICategoryUserDefaults")
        })
        .expect("user defaults");
    assert_eq!(
        strings(defaults.get("NSPrivacyAccessedAPITypeReasons")),
        ["1C8F.1", "CA92.1"]
    );
    // The same inputs merge to the same bytes.
    assert_eq!(
        merged,
        store::merge_manifest(&policy, EXISTING.as_bytes()).expect("merges")
    );
}

#[test]
fn merging_refuses_a_manifest_that_says_more_than_the_notice() {
    let policy = model(Path::new(
        "tests/fixtures/rules/structure/play-form-facts.pass.policy",
    ));
    // That policy's notice has no App Store labels and tracks no one.
    let tracking = EXISTING.replace(
        "<key>NSPrivacyTracking</key>\n\t<false/>",
        "<key>NSPrivacyTracking</key>\n\t<true/>",
    );
    let e = store::merge_manifest(&policy, tracking.as_bytes()).expect_err("refused");
    assert!(e.contains("`NSPrivacyTracking` true"), "{e}");
    let mobile = model(Path::new(MOBILE));
    let health = EXISTING.replace(
        "<key>StrideBuildNote</key>",
        "<key>NSPrivacyCollectedDataTypes</key>\n\t<array><dict><key>NSPrivacyCollectedDataType</key><string>NSPrivacyCollectedDataTypeHealth</string></dict></array>\n\t<key>StrideBuildNote</key>",
    );
    let e = store::merge_manifest(&mobile, health.as_bytes()).expect_err("refused");
    assert!(e.contains("NSPrivacyCollectedDataTypeHealth"), "{e}");
    let e = store::merge_manifest(&mobile, b"not a plist").expect_err("refused");
    assert!(e.contains("not a property list"), "{e}");
}

#[test]
fn build_merge_manifest_writes_the_merged_manifest_or_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let existing = dir.path().join("PrivacyInfo.xcprivacy");
    std::fs::write(&existing, EXISTING).expect("write");
    let out = dir.path().join("out");
    build(
        Path::new(MOBILE),
        &out,
        &["--merge-manifest", existing.to_str().expect("utf-8")],
    )
    .assert()
    .success();
    let written = std::fs::read_to_string(out.join("PrivacyInfo.xcprivacy")).expect("written");
    assert!(written.contains("<string>kept by the iOS team</string>"));
    assert!(written.contains("<string>sdk.partner.example</string>"));
    // The Xcode file itself is left as it was.
    assert_eq!(std::fs::read_to_string(&existing).expect("read"), EXISTING);

    std::fs::write(&existing, "<plist").expect("write");
    let refused = dir.path().join("refused");
    let run = build(
        Path::new(MOBILE),
        &refused,
        &["--merge-manifest", existing.to_str().expect("utf-8")],
    )
    .assert()
    .failure();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(stderr.contains("--merge-manifest"), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!refused.exists());
}

#[test]
fn a_tracking_domain_with_a_scheme_is_reported() {
    let source = std::fs::read_to_string(MOBILE).expect("fixture").replace(
        "tracking_domains \"ads.adnet.example, measure.adnet.example\"",
        "tracking_domains \"https://ads.adnet.example/t\"",
    );
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("app.policy");
    std::fs::write(&path, source).expect("write");
    let compiled = compile(&path, &Options::default()).expect("loads");
    let found: Vec<&str> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "structure::manifest-tracking-domains")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        found,
        ["`https://ads.adnet.example/t` of vendor `adnet` is not an internet domain"]
    );
}
