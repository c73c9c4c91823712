//! The app stores' privacy labels: Apple's App Store privacy details (as
//! fastlane's `app_privacy_details.json`, which its
//! `upload_app_privacy_details_to_app_store` action uploads), Apple's
//! privacy manifest `PrivacyInfo.xcprivacy`, and Google Play's Data safety
//! form as the CSV that Play Console exports and imports.
//!
//! The labels list the items the notice's data sets collect, each under
//! the store's data type the item names (`apple`, `play`), with the store
//! purposes of the purposes those data sets pursue (`apple`, `play` on a
//! purpose), whether the item is linked to the person and used to track
//! them (`linked`, `tracking`), and, for Play, whether it is shared and
//! whether providing it is optional (`required`). An item or purpose
//! without its store word is left out and reported by
//! `structure::store-label-facts`; a label that says more than the notice,
//! or less, is reported by `structure::store-label-notice`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::{csv_record, json_text, text_output};
use crate::model::Policy;
use crate::model::words::{
    AccountCreation, AppleDataType, ApplePurpose, PlayDataType, PlayPurpose, RecipientKind,
    RightKind, Word,
};
pub use crate::views::exports::{
    Collected, collected, manifest_tracks, split_domains, tracking_domains,
};

/// Whether sending data to this kind of recipient is "sharing" in Google
/// Play's sense (a transfer to a third party that is not a service
/// provider working for the developer, nor a legal disclosure).
#[must_use]
pub fn play_shares_with(kind: RecipientKind) -> bool {
    matches!(
        kind,
        RecipientKind::AdNetwork
            | RecipientKind::SocialNetwork
            | RecipientKind::DataBroker
            | RecipientKind::JointController
    )
}

/// One data type of the App Store label.
#[derive(Default)]
struct AppleEntry {
    purposes: BTreeSet<ApplePurpose>,
    linked: Option<bool>,
    tracking: bool,
}

fn apple_entries(policy: &Policy) -> BTreeMap<String, (AppleDataType, AppleEntry)> {
    let mut entries: BTreeMap<String, (AppleDataType, AppleEntry)> = BTreeMap::new();
    for c in collected(policy) {
        let Some(kind) = c.item.apple else { continue };
        let (_, entry) = entries
            .entry(kind.store_id())
            .or_insert_with(|| (kind, AppleEntry::default()));
        for d in &c.datasets {
            for p in &d.purposes {
                if let Some(purpose) = policy.get(p).apple {
                    entry.purposes.insert(purpose);
                }
            }
        }
        entry.linked = match (entry.linked, c.item.linked) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), _) | (_, Some(false)) => Some(false),
            _ => None,
        };
        entry.tracking |= c.tracking(policy) == Some(true);
    }
    entries
}

/// `app_privacy_details.json`, as fastlane writes and reads it: one entry
/// per data type, sorted by its identifier, with its purposes and data
/// protections sorted; or the single "data not collected" entry.
#[must_use]
pub fn app_privacy_details(policy: &Policy) -> String {
    let entries = apple_entries(policy);
    if entries.is_empty() {
        return json_text(&json!([{ "data_protections": ["DATA_NOT_COLLECTED"] }]));
    }
    let list: Vec<Value> = entries
        .into_iter()
        .map(|(id, (_, e))| {
            let mut protections: Vec<&str> = Vec::new();
            match e.linked {
                Some(true) => protections.push("DATA_LINKED_TO_YOU"),
                Some(false) => protections.push("DATA_NOT_LINKED_TO_YOU"),
                None => {}
            }
            if e.tracking {
                protections.push("DATA_USED_TO_TRACK_YOU");
            }
            protections.sort_unstable();
            let mut purposes: Vec<String> = e.purposes.iter().map(|p| p.store_id()).collect();
            purposes.sort();
            json!({ "category": id, "purposes": purposes, "data_protections": protections })
        })
        .collect();
    json_text(&Value::Array(list))
}

/// `NSPrivacyAccessedAPITypes`: one entry per category, sorted by name,
/// with its reasons sorted.
fn accessed_api_types(policy: &Policy) -> Vec<plist::Value> {
    use plist::{Dictionary, Value as P};
    let mut by_category: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for api in policy.controller.iter().flat_map(|c| &c.accessed_apis) {
        let (category, reason) = api.manifest();
        by_category.entry(category).or_default().insert(reason);
    }
    by_category
        .into_iter()
        .map(|(category, reasons)| {
            let mut d = Dictionary::new();
            d.insert(
                "NSPrivacyAccessedAPIType".to_owned(),
                P::String(category.to_owned()),
            );
            d.insert(
                "NSPrivacyAccessedAPITypeReasons".to_owned(),
                P::Array(
                    reasons
                        .into_iter()
                        .map(|r| P::String(r.to_owned()))
                        .collect(),
                ),
            );
            P::Dictionary(d)
        })
        .collect()
}

/// The privacy manifest as a property list dictionary: `NSPrivacyTracking`
/// from the items marked `tracking yes`, `NSPrivacyTrackingDomains` from the
/// vendors' `tracking_domains`, `NSPrivacyCollectedDataTypes` from the
/// labelled items and `NSPrivacyAccessedAPITypes` from the controller's
/// `accessed_apis`.
fn manifest_dictionary(policy: &Policy) -> plist::Dictionary {
    use plist::{Dictionary, Value as P};
    let entries = apple_entries(policy);
    let tracking = manifest_tracks(policy);
    let types: Vec<P> = entries
        .values()
        .map(|(kind, e)| {
            let mut d = Dictionary::new();
            d.insert(
                "NSPrivacyCollectedDataType".to_owned(),
                P::String(kind.manifest_key().to_owned()),
            );
            d.insert(
                "NSPrivacyCollectedDataTypeLinked".to_owned(),
                P::Boolean(e.linked == Some(true)),
            );
            d.insert(
                "NSPrivacyCollectedDataTypeTracking".to_owned(),
                P::Boolean(e.tracking),
            );
            d.insert(
                "NSPrivacyCollectedDataTypePurposes".to_owned(),
                P::Array(
                    e.purposes
                        .iter()
                        .map(|p| P::String(p.manifest_key().to_owned()))
                        .collect(),
                ),
            );
            P::Dictionary(d)
        })
        .collect();
    let mut doc = Dictionary::new();
    doc.insert("NSPrivacyTracking".to_owned(), P::Boolean(tracking));
    doc.insert(
        "NSPrivacyTrackingDomains".to_owned(),
        P::Array(
            tracking_domains(policy)
                .into_iter()
                .map(P::String)
                .collect(),
        ),
    );
    doc.insert("NSPrivacyCollectedDataTypes".to_owned(), P::Array(types));
    doc.insert(
        "NSPrivacyAccessedAPITypes".to_owned(),
        P::Array(accessed_api_types(policy)),
    );
    doc
}

/// A dictionary as an XML property list with a final newline.
fn plist_text(doc: plist::Dictionary) -> String {
    let mut bytes = Vec::new();
    // Writing a value into memory cannot fail: no I/O, and every key is a
    // string.
    let _ = plist::Value::Dictionary(doc).to_writer_xml(&mut bytes);
    let mut text = String::from_utf8(bytes).unwrap_or_default();
    text.push('\n');
    text
}

/// `PrivacyInfo.xcprivacy`: the privacy manifest of [`manifest_dictionary`].
#[must_use]
pub fn privacy_manifest(policy: &Policy) -> String {
    plist_text(manifest_dictionary(policy))
}

/// The keys of the privacy manifest candor writes; every other key of an
/// existing manifest belongs to the developer and is kept.
pub const MANIFEST_KEYS: [&str; 4] = [
    "NSPrivacyTracking",
    "NSPrivacyTrackingDomains",
    "NSPrivacyCollectedDataTypes",
    "NSPrivacyAccessedAPITypes",
];

/// The strings of a property list array (others skipped).
fn strings(value: Option<&plist::Value>) -> Vec<String> {
    value
        .and_then(plist::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_string().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Merges the policy's manifest into an existing one (an Xcode target's
/// `PrivacyInfo.xcprivacy`, `existing` its bytes, XML or binary): keys
/// candor does not write are kept as they are, in their order; the
/// tracking domains and the required-reason APIs are the union of both
/// (the code may know of more than the notice); `NSPrivacyTracking` and
/// `NSPrivacyCollectedDataTypes` are the notice's. An existing manifest that
/// says more than the notice (tracking the notice does not publish, a data
/// type the notice does not say is collected) is refused, since writing
/// over it would hide the difference.
///
/// # Errors
/// The existing file is not a property list dictionary, or says more than
/// the notice: the message says which key and what to do.
pub fn merge_manifest(policy: &Policy, existing: &[u8]) -> Result<String, String> {
    use plist::Value as P;
    let value = P::from_reader(std::io::Cursor::new(existing))
        .map_err(|e| format!("it is not a property list: {e}"))?;
    let P::Dictionary(mut theirs) = value else {
        return Err("its top level is not a dictionary".to_owned());
    };
    let ours = manifest_dictionary(policy);
    if theirs.get("NSPrivacyTracking").and_then(P::as_boolean) == Some(true)
        && !manifest_tracks(policy)
    {
        return Err(
            "it says the app tracks (`NSPrivacyTracking` true) but no item of the notice is marked `tracking yes`: state the tracking in the policy (an item's `tracking yes` and the targeted advertising purpose it serves), or correct the manifest".to_owned(),
        );
    }
    let our_types: BTreeSet<String> = ours
        .get("NSPrivacyCollectedDataTypes")
        .and_then(P::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| {
            t.as_dictionary()?
                .get("NSPrivacyCollectedDataType")?
                .as_string()
                .map(str::to_owned)
        })
        .collect();
    for t in theirs
        .get("NSPrivacyCollectedDataTypes")
        .and_then(P::as_array)
        .into_iter()
        .flatten()
    {
        let kind = t
            .as_dictionary()
            .and_then(|d| d.get("NSPrivacyCollectedDataType"))
            .and_then(P::as_string)
            .unwrap_or_default();
        if !our_types.contains(kind) {
            return Err(format!(
                "it lists `{kind}` in `NSPrivacyCollectedDataTypes`, which no item of the notice is labelled as (`apple ...`): add the item to the policy, or remove the entry"
            ));
        }
    }
    let domains: BTreeSet<String> = strings(theirs.get("NSPrivacyTrackingDomains"))
        .into_iter()
        .chain(strings(ours.get("NSPrivacyTrackingDomains")))
        .collect();
    let mut apis: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for doc in [&theirs, &ours] {
        for entry in doc
            .get("NSPrivacyAccessedAPITypes")
            .and_then(P::as_array)
            .into_iter()
            .flatten()
            .filter_map(P::as_dictionary)
        {
            let Some(category) = entry.get("NSPrivacyAccessedAPIType").and_then(P::as_string)
            else {
                continue;
            };
            apis.entry(category.to_owned())
                .or_default()
                .extend(strings(entry.get("NSPrivacyAccessedAPITypeReasons")));
        }
    }
    let apis: Vec<P> = apis
        .into_iter()
        .map(|(category, reasons)| {
            let mut d = plist::Dictionary::new();
            d.insert("NSPrivacyAccessedAPIType".to_owned(), P::String(category));
            d.insert(
                "NSPrivacyAccessedAPITypeReasons".to_owned(),
                P::Array(reasons.into_iter().map(P::String).collect()),
            );
            P::Dictionary(d)
        })
        .collect();
    let mut merged = ours;
    merged.insert(
        "NSPrivacyTrackingDomains".to_owned(),
        P::Array(domains.into_iter().map(P::String).collect()),
    );
    merged.insert("NSPrivacyAccessedAPITypes".to_owned(), P::Array(apis));
    // The developer's keys in their order, candor's in place or after.
    for key in MANIFEST_KEYS {
        if let Some(value) = merged.remove(key) {
            theirs.insert(key.to_owned(), value);
        }
    }
    Ok(plist_text(theirs))
}

/// One data type of the Play form.
#[derive(Default)]
struct PlayEntry {
    purposes: BTreeSet<PlayPurpose>,
    shared_purposes: BTreeSet<PlayPurpose>,
    shared: bool,
    required: Option<bool>,
    /// Whether every item of the type is processed only ephemerally: `None`
    /// while one says nothing.
    ephemeral: Option<bool>,
    /// Whether an item of the type has been read yet (for `ephemeral`).
    seen: bool,
}

fn play_entries(policy: &Policy) -> BTreeMap<PlayDataType, PlayEntry> {
    let mut entries: BTreeMap<PlayDataType, PlayEntry> = BTreeMap::new();
    for c in collected(policy) {
        let Some(kind) = c.item.play else { continue };
        let entry = entries.entry(kind).or_default();
        let required = c
            .item
            .required
            .as_ref()
            .or_else(|| c.datasets.iter().find_map(|d| d.required.as_ref()))
            .map(|r| r.required);
        entry.required = match (entry.required, required) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), _) | (_, Some(false)) => Some(false),
            _ => None,
        };
        // Ephemeral only if every item of the type is; one stored item
        // makes the type stored; one unstated leaves it unknown.
        entry.ephemeral = match (entry.seen, entry.ephemeral, c.item.ephemeral) {
            (false, _, mine) => mine,
            (true, Some(false), _) | (true, _, Some(false)) => Some(false),
            (true, Some(true), Some(true)) => Some(true),
            _ => None,
        };
        entry.seen = true;
        for d in &c.datasets {
            let shares = d
                .recipients
                .iter()
                .any(|r| policy.get(r).kind.is_some_and(play_shares_with));
            for p in &d.purposes {
                if let Some(purpose) = policy.get(p).play {
                    entry.purposes.insert(purpose);
                    if shares {
                        entry.shared_purposes.insert(purpose);
                    }
                }
            }
            entry.shared |= shares;
        }
    }
    entries
}

/// The header of Play Console's Data safety CSV.
pub const PLAY_HEADER: [&str; 5] = [
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
];

/// The opening rows of the form that candor fills from the controller:
/// question id, response id, answer requirement and label, in the order of
/// the Console's current template (`tests/fixtures/exports/play-template-ids.csv`).
const ACCOUNT_QUESTION: &str = "PSL_SUPPORTED_ACCOUNT_CREATION_METHODS";
const DELETION_QUESTION: &str = "PSL_SUPPORT_DATA_DELETION_BY_USER";

/// The rows of the template that no fact of the policy answers, left blank
/// for the Console to ask (the Families policy, an independent security
/// review, the UPI badge, accounts created outside the app).
const UNANSWERED: [(&str, &str, &str, &str); 8] = [
    (
        "PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY",
        "",
        "OPTIONAL",
        "Does your app comply with the Families Policy requirements?",
    ),
    (
        "PSL_INDEPENDENTLY_VALIDATED",
        "",
        "OPTIONAL",
        "Has your app been independently validated against a global security standard?",
    ),
    (
        "PSL_UPI_BADGE_OPT_IN",
        "",
        "OPTIONAL",
        "Do you want to show the UPI badge?",
    ),
    (
        "PSL_HAS_OUTSIDE_APP_ACCOUNTS",
        "",
        "OPTIONAL",
        "Can users log in to your app with accounts created outside of the app?",
    ),
    (
        "PSL_OUTSIDE_APP_ACCOUNT_TYPES",
        "PSL_LOGIN_WITH_OUTSIDE_APP_ID",
        "MULTIPLE_CHOICE",
        "How are accounts created outside of the app? / Out-of-app identification",
    ),
    (
        "PSL_OUTSIDE_APP_ACCOUNT_TYPES",
        "PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT",
        "MULTIPLE_CHOICE",
        "How are accounts created outside of the app? / Employment or enterprise account",
    ),
    (
        "PSL_OUTSIDE_APP_ACCOUNT_TYPES",
        "PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER",
        "MULTIPLE_CHOICE",
        "How are accounts created outside of the app? / Other",
    ),
    (
        "PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY",
        "",
        "MAYBE_REQUIRED",
        "Describe how accounts are created outside of the app",
    ),
];

/// Whether the notice says people can have their data deleted: a
/// `data_deletion` page, or a right of erasure or deletion.
fn deletion_offered(policy: &Policy) -> bool {
    policy
        .controller
        .as_ref()
        .is_some_and(|c| c.data_deletion.is_some())
        || policy.rights.iter().any(|b| {
            b.rights
                .iter()
                .any(|r| matches!(r.kind, RightKind::Erasure | RightKind::Delete))
        })
}

/// `play_data_safety.csv`: every row of the form, in its order, answered
/// where the policy states the answer and blank where it does not (the
/// Console then asks).
#[must_use]
pub fn play_data_safety(policy: &Policy) -> String {
    let entries = play_entries(policy);
    let yes = |b: bool| if b { "TRUE" } else { "" };
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "TRUE",
        Some(false) => "FALSE",
        None => "",
    };
    let controller = policy.controller.as_ref();
    let collects = !entries.is_empty();
    let mut out = csv_record(&PLAY_HEADER);
    out.push_str(&csv_record(&[
        "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA",
        "",
        if collects { "TRUE" } else { "FALSE" },
        "REQUIRED",
        "Does your app collect or share any of the required user data types?",
    ]));
    out.push_str(&csv_record(&[
        "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT",
        "",
        if collects {
            yes_no(controller.and_then(|c| c.encrypted_in_transit))
        } else {
            ""
        },
        "MAYBE_REQUIRED",
        "Is all of the user data collected by your app encrypted in transit?",
    ]));
    let methods = controller
        .map(|c| c.account_creation.as_slice())
        .unwrap_or_default();
    for method in AccountCreation::ALL {
        let (id, words) = method.form();
        out.push_str(&csv_record(&[
            ACCOUNT_QUESTION,
            id,
            yes(methods.contains(method)),
            "MULTIPLE_CHOICE",
            &format!(
                "Which of the following methods of account creation does your app support? / {}",
                capitalised(words)
            ),
        ]));
    }
    out.push_str(&csv_record(&[
        "PSL_ACM_SPECIFY",
        "",
        "",
        "MAYBE_REQUIRED",
        "Describe the method of account creation your app supports",
    ]));
    out.push_str(&csv_record(&[
        "PSL_ACCOUNT_DELETION_URL",
        "",
        controller
            .and_then(|c| c.account_deletion.as_deref())
            .unwrap_or_default(),
        "MAYBE_REQUIRED",
        "Add a link that users can use to request that their account and associated data is deleted",
    ]));
    let deletion = collects && deletion_offered(policy);
    for (id, answer, words) in [
        ("DATA_DELETION_YES", deletion, "Yes"),
        ("DATA_DELETION_NO", false, "No"),
        (
            "DATA_DELETION_NO_AUTO_DELETED",
            false,
            "No, data is automatically deleted within 90 days",
        ),
    ] {
        out.push_str(&csv_record(&[
            DELETION_QUESTION,
            id,
            yes(answer),
            "SINGLE_CHOICE",
            &format!(
                "Do you provide a way for users to request that some or all of their data is deleted, without requiring them to delete their account? / {words}"
            ),
        ]));
    }
    out.push_str(&csv_record(&[
        "PSL_DATA_DELETION_URL",
        "",
        controller
            .and_then(|c| c.data_deletion.as_deref())
            .unwrap_or_default(),
        "MAYBE_REQUIRED",
        "Add a link that users can use to request that some or all of their data is deleted",
    ]));
    for (question, response, requirement, label) in UNANSWERED {
        out.push_str(&csv_record(&[question, response, "", requirement, label]));
    }
    let all = || {
        PlayDataType::WORDS
            .iter()
            .filter_map(|w| PlayDataType::from_word(w))
    };
    for kind in all() {
        let (question, response, label) = kind.form();
        out.push_str(&csv_record(&[
            question,
            response,
            yes(entries.contains_key(&kind)),
            "MULTIPLE_CHOICE",
            label,
        ]));
    }
    let purposes = || {
        PlayPurpose::WORDS
            .iter()
            .filter_map(|w| PlayPurpose::from_word(w))
    };
    for kind in all() {
        let (_, response, label) = kind.form();
        let short = label.rsplit(" / ").next().unwrap_or(label);
        let entry = entries.get(&kind);
        let q = |suffix: &str| format!("PSL_DATA_USAGE_RESPONSES:{response}:{suffix}");
        let l = |rest: &str| format!("Data usage and handling ({short}) / {rest}");
        let both = "Is this data collected, shared, or both?";
        out.push_str(&csv_record(&[
            q("PSL_DATA_USAGE_COLLECTION_AND_SHARING"),
            "PSL_DATA_USAGE_ONLY_COLLECTED".to_owned(),
            yes(entry.is_some()).to_owned(),
            "MULTIPLE_CHOICE".to_owned(),
            l(&format!("{both} / Collected")),
        ]));
        out.push_str(&csv_record(&[
            q("PSL_DATA_USAGE_COLLECTION_AND_SHARING"),
            "PSL_DATA_USAGE_ONLY_SHARED".to_owned(),
            yes(entry.is_some_and(|e| e.shared)).to_owned(),
            "MULTIPLE_CHOICE".to_owned(),
            l(&format!("{both} / Shared")),
        ]));
        out.push_str(&csv_record(&[
            q("PSL_DATA_USAGE_EPHEMERAL"),
            String::new(),
            yes_no(entry.and_then(|e| e.ephemeral)).to_owned(),
            "MAYBE_REQUIRED".to_owned(),
            l("Is this data processed ephemerally?"),
        ]));
        let control =
            "Is this data required for your app, or can users choose whether it's collected?";
        out.push_str(&csv_record(&[
            q("DATA_USAGE_USER_CONTROL"),
            "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL".to_owned(),
            yes(entry.is_some_and(|e| e.required == Some(false))).to_owned(),
            "SINGLE_CHOICE".to_owned(),
            l(&format!(
                "{control} / Users can choose whether this data is collected"
            )),
        ]));
        out.push_str(&csv_record(&[
            q("DATA_USAGE_USER_CONTROL"),
            "PSL_DATA_USAGE_USER_CONTROL_REQUIRED".to_owned(),
            yes(entry.is_some_and(|e| e.required == Some(true))).to_owned(),
            "SINGLE_CHOICE".to_owned(),
            l(&format!(
                "{control} / Data collection is required (users can't turn off this data collection)"
            )),
        ]));
        for (suffix, question, shared) in [
            (
                "DATA_USAGE_COLLECTION_PURPOSE",
                "Why is this user data collected? Select all that apply.",
                false,
            ),
            (
                "DATA_USAGE_SHARING_PURPOSE",
                "Why is this user data shared? Select all that apply.",
                true,
            ),
        ] {
            for purpose in purposes() {
                let (id, name) = purpose.form();
                let chosen = entry.is_some_and(|e| {
                    if shared {
                        e.shared_purposes.contains(&purpose)
                    } else {
                        e.purposes.contains(&purpose)
                    }
                });
                out.push_str(&csv_record(&[
                    q(suffix),
                    id.to_owned(),
                    yes(chosen).to_owned(),
                    "MULTIPLE_CHOICE".to_owned(),
                    l(&format!("{question} / {name}")),
                ]));
            }
        }
    }
    out
}

/// A phrase with its first letter upper case.
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

text_output!(
    AppPrivacyDetails,
    "app_privacy_details.json",
    AppStore,
    app_privacy_details
);
text_output!(
    PrivacyManifest,
    "PrivacyInfo.xcprivacy",
    AppStore,
    privacy_manifest
);
text_output!(
    PlayDataSafety,
    "play_data_safety.csv",
    PlayDataSafety,
    play_data_safety
);
