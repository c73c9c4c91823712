//! The Google Play Data safety CSV against a committed copy of the
//! Console's current template (`tests/fixtures/exports/play-template-ids.csv`,
//! its sources cited there): the same question and response ids, answer
//! requirements and order, and the answers the policy states (encryption in
//! transit, account creation, the account and data deletion pages, and
//! ephemeral processing), read back with the `csv` crate.

use std::path::Path;

use candor::model::{Policy, PolicyDate};
use candor::render::{self, RenderOptions};
use candor::{Options, compile};

const MOBILE: &str = "tests/fixtures/exports/mobile-app.policy";
/// A corpus notice written with data sets only, which asks for every export.
const FOOD: &str = "tests/fixtures/corpus/food_delivery";
const TEMPLATE: &str = "tests/fixtures/exports/play-template-ids.csv";

fn model(path: &str) -> Policy {
    let options = Options {
        today: PolicyDate::parse("2026-01-01"),
        ..Options::default()
    };
    let compiled = compile(Path::new(path), &options).expect("the policy loads");
    assert!(
        !compiled.has_errors(),
        "{path}: {:#?}",
        compiled.diagnostics
    );
    compiled.policy.expect("a model")
}

/// The rows of `play_data_safety.csv`, header first, as a CSV reader sees them.
fn play_rows(path: &str) -> Vec<Vec<String>> {
    let outputs = render::render(&model(path), &RenderOptions::default()).expect("renders");
    let csv = outputs
        .iter()
        .find(|o| o.name == "play_data_safety.csv")
        .expect("the Play CSV is written");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.contents.as_bytes())
        .records()
        .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
        .collect()
}

/// The committed template's rows: question id, response id, requirement.
fn template() -> Vec<(String, String, String)> {
    std::fs::read_to_string(TEMPLATE)
        .expect("the template copy")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut parts = l.split(',').map(str::to_owned);
            let q = parts.next().expect("question");
            let r = parts.next().expect("response");
            let k = parts.next().expect("requirement");
            (q, r, k)
        })
        .collect()
}

/// The answer to "Is this data processed ephemerally?" for one Play data type.
fn ephemeral<'r>(rows: &'r [Vec<String>], data_type: &str) -> &'r str {
    answer(
        rows,
        &format!("PSL_DATA_USAGE_RESPONSES:{data_type}:PSL_DATA_USAGE_EPHEMERAL"),
        "",
    )
}

/// The answer of one row.
fn answer<'r>(rows: &'r [Vec<String>], question: &str, response: &str) -> &'r str {
    rows.iter()
        .find(|r| r[0] == question && r[1] == response)
        .map(|r| r[2].as_str())
        .unwrap_or_else(|| panic!("no row {question} / {response}"))
}

#[test]
fn the_csv_has_exactly_the_templates_rows_in_its_order() {
    for path in [MOBILE, FOOD] {
        the_templates_rows_in_its_order(path);
    }
}

fn the_templates_rows_in_its_order(path: &str) {
    let rows = play_rows(path);
    assert_eq!(
        rows[0],
        [
            "Question ID (machine readable)",
            "Response ID (machine readable)",
            "Response value",
            "Answer requirement",
            "Human-friendly question label",
        ]
    );
    let ours: Vec<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[3].clone()))
        .collect();
    let theirs = template();
    assert_eq!(ours.len(), theirs.len(), "{path}: row count");
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(a, b, "{path}: row {} differs from the template", i + 2);
    }
    // The sample's old deletion question is gone from the current form.
    assert!(
        !rows
            .iter()
            .any(|r| r[0] == "PSL_DATA_COLLECTION_USER_REQUEST_DELETE")
    );
}

#[test]
fn the_account_and_deletion_answers_come_from_the_controller() {
    let rows = play_rows(MOBILE);
    assert_eq!(
        answer(&rows, "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", ""),
        "TRUE"
    );
    let methods = "PSL_SUPPORTED_ACCOUNT_CREATION_METHODS";
    assert_eq!(answer(&rows, methods, "PSL_ACM_USER_ID_PASSWORD"), "TRUE");
    assert_eq!(answer(&rows, methods, "PSL_ACM_OAUTH"), "TRUE");
    assert_eq!(answer(&rows, methods, "PSL_ACM_NONE"), "");
    assert_eq!(
        answer(&rows, "PSL_ACCOUNT_DELETION_URL", ""),
        "https://stride.example/delete-account"
    );
    let deletion = "PSL_SUPPORT_DATA_DELETION_BY_USER";
    assert_eq!(answer(&rows, deletion, "DATA_DELETION_YES"), "TRUE");
    assert_eq!(answer(&rows, deletion, "DATA_DELETION_NO"), "");
    assert_eq!(
        answer(&rows, "PSL_DATA_DELETION_URL", ""),
        "https://stride.example/privacy-request"
    );
    // No fact answers these: blank, for the Console to ask.
    assert_eq!(answer(&rows, "PSL_HAS_OUTSIDE_APP_ACCOUNTS", ""), "");
    assert_eq!(answer(&rows, "PSL_INDEPENDENTLY_VALIDATED", ""), "");
    // Every labelled type says it is stored; an unlabelled one says nothing.
    assert_eq!(ephemeral(&rows, "PSL_EMAIL"), "FALSE");
    assert_eq!(ephemeral(&rows, "PSL_CRASH_LOGS"), "FALSE");
    assert_eq!(ephemeral(&rows, "PSL_HEALTH"), "");
}

#[test]
fn an_item_processed_only_in_memory_is_ephemeral() {
    let rows = play_rows("tests/fixtures/rules/structure/play-form-facts.pass.policy");
    assert_eq!(ephemeral(&rows, "PSL_AUDIO"), "TRUE");
    assert_eq!(ephemeral(&rows, "PSL_EMAIL"), "FALSE");
    let methods = "PSL_SUPPORTED_ACCOUNT_CREATION_METHODS";
    assert_eq!(answer(&rows, methods, "PSL_ACM_USER_ID_PASSWORD"), "TRUE");
    assert_eq!(answer(&rows, methods, "PSL_ACM_OAUTH"), "");
}

#[test]
fn unstated_facts_are_left_blank_not_guessed() {
    let rows = play_rows("tests/fixtures/rules/structure/play-form-facts.fail.policy");
    assert_eq!(
        answer(&rows, "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", ""),
        ""
    );
    assert_eq!(answer(&rows, "PSL_ACCOUNT_DELETION_URL", ""), "");
    assert_eq!(answer(&rows, "PSL_DATA_DELETION_URL", ""), "");
    // The right of erasure is a way to ask for data's deletion.
    assert_eq!(
        answer(
            &rows,
            "PSL_SUPPORT_DATA_DELETION_BY_USER",
            "DATA_DELETION_YES"
        ),
        "TRUE"
    );
    assert_eq!(
        answer(
            &rows,
            "PSL_DATA_USAGE_RESPONSES:PSL_AUDIO:PSL_DATA_USAGE_EPHEMERAL",
            ""
        ),
        ""
    );
}

#[test]
fn the_food_delivery_form_shares_only_what_goes_to_advertising_networks() {
    let rows = play_rows(FOOD);
    let usage = |t: &str, q: &str, r: &str| {
        answer(&rows, &format!("PSL_DATA_USAGE_RESPONSES:{t}:{q}"), r).to_owned()
    };
    let both = "PSL_DATA_USAGE_COLLECTION_AND_SHARING";
    // The ad networks receive the hashed email, the advertising identifier
    // and the order history; the restaurant and the courier receive the
    // name at the customer's request, which Play does not count as sharing.
    for t in ["PSL_EMAIL", "PSL_DEVICE_ID", "PSL_PURCHASE_HISTORY"] {
        assert_eq!(usage(t, both, "PSL_DATA_USAGE_ONLY_SHARED"), "TRUE", "{t}");
        assert_eq!(
            usage(t, "DATA_USAGE_SHARING_PURPOSE", "PSL_ADVERTISING"),
            "TRUE",
            "{t}"
        );
    }
    for t in ["PSL_NAME", "PSL_ADDRESS", "PSL_PRECISE_LOCATION"] {
        assert_eq!(usage(t, both, "PSL_DATA_USAGE_ONLY_SHARED"), "", "{t}");
    }
    // A friend's address is optional; the courier's location is not.
    let control = "DATA_USAGE_USER_CONTROL";
    assert_eq!(
        usage(
            "PSL_CONTACTS",
            control,
            "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL"
        ),
        "TRUE"
    );
    assert_eq!(
        usage(
            "PSL_PRECISE_LOCATION",
            control,
            "PSL_DATA_USAGE_USER_CONTROL_REQUIRED"
        ),
        "TRUE"
    );
    assert_eq!(
        answer(&rows, "PSL_ACCOUNT_DELETION_URL", ""),
        "https://www.forkful.example/account/delete"
    );
    // Nothing Forkful collects is held only in memory.
    assert_eq!(usage("PSL_EMAIL", "PSL_DATA_USAGE_EPHEMERAL", ""), "FALSE");
}
