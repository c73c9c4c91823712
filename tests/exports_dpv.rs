//! `dpv.jsonld` uses only DPV 2.2 terms: every `dpv:` and `eu-gdpr:` compact
//! IRI in the graph (a key, a type or an `@id`) of every policy that can
//! state each kind of fact is in the committed list
//! (`tests/fixtures/exports/dpv-terms.txt`, copied and cited from w3c/dpv),
//! and each process is a `dpv:Process` with its sources, storage and
//! transfers.

use std::collections::BTreeSet;
use std::path::Path;

use candor::model::words::{Art9Condition, LawfulBasis, Safeguard};
use candor::model::{Policy, PolicyDate};
use candor::render::export::dpv;
use candor::{Options, compile};
use serde_json::Value;

fn terms() -> BTreeSet<String> {
    std::fs::read_to_string("tests/fixtures/exports/dpv-terms.txt")
        .expect("the term list")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn model(path: &str) -> Policy {
    let options = Options {
        today: PolicyDate::parse("2026-07-01"),
        ..Options::default()
    };
    compile(Path::new(path), &options)
        .expect("loads")
        .policy
        .expect("a model")
}

/// Notes a compact DPV IRI.
fn note(s: &str, out: &mut BTreeSet<String>) {
    if s.starts_with("dpv:") || s.starts_with("eu-gdpr:") {
        out.insert(s.to_owned());
    }
}

/// Every compact DPV IRI in a JSON-LD value.
fn used(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::String(s) => note(s, out),
        Value::Array(a) => a.iter().for_each(|v| used(v, out)),
        Value::Object(o) => {
            for (k, v) in o {
                if k != "@context" {
                    note(k, out);
                    used(v, out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_term_used_is_a_dpv_2_term() {
    let known = terms();
    let mut all = BTreeSet::new();
    for path in [
        "tests/fixtures/exports/mobile-app.policy",
        "tests/fixtures/valid/complete.policy",
        "policy",
    ] {
        let graph: Value = serde_json::from_str(&dpv::dpv(&model(path))).expect("JSON");
        let mut seen = BTreeSet::new();
        used(&graph, &mut seen);
        for term in &seen {
            assert!(
                known.contains(term),
                "{path}: `{term}` is not in dpv-terms.txt"
            );
        }
        all.extend(seen);
    }
    assert!(all.contains("dpv:Process"));
    assert!(!all.contains("dpv:PersonalDataHandling"));
    // The mappings themselves, whatever a fixture happens to state.
    for b in LawfulBasis::ALL {
        assert!(known.contains(dpv::legal_basis(*b)), "{b:?}");
    }
    for c in Art9Condition::ALL {
        assert!(known.contains(dpv::special_basis(*c)), "{c:?}");
    }
    for s in Safeguard::ALL {
        assert!(known.contains(dpv::transfer_basis(*s)), "{s:?}");
    }
}

#[test]
fn a_process_states_its_sources_storage_and_transfers() {
    let graph: Value = serde_json::from_str(&dpv::dpv(&model(
        "tests/fixtures/exports/mobile-app.policy",
    )))
    .expect("JSON");
    let nodes = graph["@graph"].as_array().expect("a graph");
    let account = nodes
        .iter()
        .find(|n| n["rdfs:label"] == "Your account and runs" && n["@type"] == "dpv:Process")
        .expect("the account process");
    assert_eq!(
        account["dpv:hasDataSource"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(account["dpv:hasProcessing"][0]["@id"], "dpv:Transfer");
    let storage = account["dpv:hasStorageCondition"][0]["@id"]
        .as_str()
        .expect("a storage condition");
    let kept = nodes
        .iter()
        .find(|n| n["@id"] == storage)
        .expect("its node");
    assert_eq!(kept["@type"], "dpv:StorageDuration");
    assert_eq!(
        kept["rdfs:comment"],
        "until you delete your account, then 30 days"
    );
    let bases: Vec<&str> = account["dpv:hasLegalBasis"]
        .as_array()
        .expect("bases")
        .iter()
        .filter_map(|b| b["@id"].as_str())
        .collect();
    assert_eq!(bases, ["eu-gdpr:A6-1-b", "eu-gdpr:A46-2-c"]);
    let country = account["dpv:hasThirdCountry"][0]["@id"]
        .as_str()
        .expect("a country");
    let country = nodes
        .iter()
        .find(|n| n["@id"] == country)
        .expect("its node");
    assert_eq!(country["rdfs:label"], "the United States");
}
