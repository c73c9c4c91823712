//! `dpv.jsonld`: the processing as W3C Data Privacy Vocabulary
//! ([DPV 2](https://w3id.org/dpv)) JSON-LD, for tools that read linked data.
//!
//! Each data set or processing activity is a `dpv:Process` (DPV 2 sunsets
//! `dpv:PersonalDataHandling`) with `dpv:hasDataController` (the controller, a `dpv:DataController`),
//! `dpv:hasPurpose` (each purpose a `dpv:Purpose`, also a `dpv:Marketing`
//! when it is direct marketing and a `dpv:PersonalisedAdvertising` when it
//! is targeted advertising), `dpv:hasPersonalData` (each item a
//! `dpv:PersonalData`, or a `dpv:SpecialCategoryPersonalData`),
//! `dpv:hasDataSubject`, `dpv:hasLegalBasis` (the GDPR extension's IRIs,
//! `eu-gdpr:A6-1-a` ... for Art. 6(1), `eu-gdpr:A9-2-a` ... for Art. 9(2))
//! and `dpv:hasRecipient` (a `dpv:DataProcessor` for a service provider,
//! `dpv:JointDataControllers`, a `dpv:Authority` for the police and
//! government, otherwise a `dpv:ThirdParty`), `dpv:hasDataSource` (each
//! source a `dpv:DataSource`), `dpv:hasStorageCondition` (each retention
//! rule a `dpv:StorageDuration`, its period or criteria as `rdfs:comment`)
//! and, for a data set sent abroad, `dpv:hasProcessing` `dpv:Transfer`,
//! `dpv:hasThirdCountry` (each destination a `dpv:ThirdCountry`) and the
//! transfer's safeguards among its legal bases (`eu-gdpr:A45-3`,
//! `eu-gdpr:A46-2-b` ..., or `dpv:DataTransferLegalBasis` where the GDPR
//! extension has no concept). Every term is one of DPV 2.2's, listed in
//! `tests/fixtures/exports/dpv-terms.txt`. The context is written inline,
//! so that a reader needs no network; the policy's own nodes are
//! `urn:candor:POLICY:KIND:ID`.

use serde_json::{Value, json};

use super::{json_text, text_output};
use crate::model::words::{Art9Condition, LawfulBasis, RecipientKind, Safeguard};
use crate::model::{Policy, Recipient};

/// The GDPR extension's IRI (compact) of an Art. 6(1) basis.
#[must_use]
pub fn legal_basis(basis: LawfulBasis) -> &'static str {
    match basis {
        LawfulBasis::Consent => "eu-gdpr:A6-1-a",
        LawfulBasis::Contract => "eu-gdpr:A6-1-b",
        LawfulBasis::LegalObligation => "eu-gdpr:A6-1-c",
        LawfulBasis::VitalInterests => "eu-gdpr:A6-1-d",
        LawfulBasis::PublicTask => "eu-gdpr:A6-1-e",
        LawfulBasis::LegitimateInterest => "eu-gdpr:A6-1-f",
        // The EU GDPR extension has no UK Art. 6(1)(ea): DPV's own concept.
        LawfulBasis::RecognisedLegitimateInterest => "dpv:LegitimateInterest",
    }
}

/// The GDPR extension's IRI (compact) of an Art. 9(2) condition.
#[must_use]
pub fn special_basis(condition: Art9Condition) -> &'static str {
    match condition {
        Art9Condition::ExplicitConsent => "eu-gdpr:A9-2-a",
        Art9Condition::Employment => "eu-gdpr:A9-2-b",
        Art9Condition::VitalInterests => "eu-gdpr:A9-2-c",
        Art9Condition::NotForProfit => "eu-gdpr:A9-2-d",
        Art9Condition::MadePublic => "eu-gdpr:A9-2-e",
        Art9Condition::LegalClaims => "eu-gdpr:A9-2-f",
        Art9Condition::SubstantialPublicInterest => "eu-gdpr:A9-2-g",
        Art9Condition::HealthCare => "eu-gdpr:A9-2-h",
        Art9Condition::PublicHealth => "eu-gdpr:A9-2-i",
        Art9Condition::Archiving => "eu-gdpr:A9-2-j",
    }
}

/// The legal basis (compact IRI) of a transfer safeguard: the GDPR
/// extension's concept, or DPV's generic one where it has none (a
/// derogation names no point of Art. 49(1); the UK's IDTA and Addendum are
/// not EU law).
#[must_use]
pub fn transfer_basis(safeguard: Safeguard) -> &'static str {
    match safeguard {
        Safeguard::Adequacy => "eu-gdpr:A45-3",
        Safeguard::Bcr => "eu-gdpr:A46-2-b",
        Safeguard::Sccs => "eu-gdpr:A46-2-c",
        Safeguard::CodeOfConduct => "eu-gdpr:A46-2-e",
        Safeguard::Certification => "eu-gdpr:A46-2-f",
        Safeguard::Derogation | Safeguard::Idta | Safeguard::UkAddendum => {
            "dpv:DataTransferLegalBasis"
        }
    }
}

fn recipient_types(r: &Recipient) -> Vec<&'static str> {
    let specific = match r.kind {
        Some(RecipientKind::ServiceProvider) => "dpv:DataProcessor",
        Some(RecipientKind::JointController) => "dpv:JointDataControllers",
        Some(RecipientKind::LawEnforcement | RecipientKind::Government) => "dpv:Authority",
        _ => "dpv:ThirdParty",
    };
    vec!["dpv:Recipient", specific]
}

/// `dpv.jsonld`.
#[must_use]
pub fn dpv(policy: &Policy) -> String {
    let node = |kind: &str, id: &str| format!("urn:candor:{}:{kind}:{id}", policy.id);
    let mut graph: Vec<Value> = Vec::new();
    let controller = policy.controller.as_ref().map(|c| {
        let id = node("controller", &c.id);
        graph.push(json!({
            "@id": id,
            "@type": "dpv:DataController",
            "rdfs:label": c.name,
        }));
        id
    });
    for p in &policy.purposes {
        let mut types = vec!["dpv:Purpose"];
        if p.marketing == Some(true) {
            types.push("dpv:Marketing");
        }
        if p.targeted_advertising == Some(true) {
            types.push("dpv:PersonalisedAdvertising");
        }
        graph.push(json!({ "@id": node("purpose", &p.id), "@type": types, "rdfs:label": p.name }));
    }
    for i in &policy.items {
        let kind = if i.special.is_some() {
            "dpv:SpecialCategoryPersonalData"
        } else {
            "dpv:PersonalData"
        };
        graph.push(json!({ "@id": node("item", &i.id), "@type": kind, "rdfs:label": i.name }));
    }
    for s in &policy.subjects {
        graph.push(json!({
            "@id": node("subject", &s.id),
            "@type": "dpv:DataSubject",
            "rdfs:label": s.name,
        }));
    }
    for r in &policy.recipients {
        graph.push(json!({
            "@id": node("recipient", &r.id),
            "@type": recipient_types(r),
            "rdfs:label": r.name,
        }));
    }
    for s in &policy.sources {
        graph.push(json!({
            "@id": node("source", &s.id),
            "@type": "dpv:DataSource",
            "rdfs:label": s.name,
        }));
    }
    for r in &policy.retention {
        let what: Vec<String> = [&r.period, &r.criteria]
            .into_iter()
            .flatten()
            .map(|t| super::plain(t))
            .collect();
        let mut node_value = serde_json::Map::new();
        node_value.insert("@id".to_owned(), json!(node("retention", &r.id)));
        node_value.insert("@type".to_owned(), json!("dpv:StorageDuration"));
        if !r.name.is_empty() {
            node_value.insert("rdfs:label".to_owned(), json!(r.name));
        }
        if !what.is_empty() {
            node_value.insert("rdfs:comment".to_owned(), json!(what.join("; ")));
        }
        graph.push(Value::Object(node_value));
    }
    for t in &policy.transfers {
        graph.push(json!({
            "@id": node("transfer", &t.id),
            "@type": "dpv:ThirdCountry",
            "rdfs:label": t.to.clone().unwrap_or_else(|| t.name.clone()),
        }));
    }
    for d in &policy.datasets {
        let refs = |kind: &str, ids: Vec<&str>| -> Vec<Value> {
            ids.into_iter()
                .map(|id| json!({ "@id": node(kind, id) }))
                .collect()
        };
        let mut bases: Vec<&str> = Vec::new();
        for b in &d.bases {
            for iri in [Some(legal_basis(b.basis)), b.special.map(special_basis)]
                .into_iter()
                .flatten()
            {
                if !bases.contains(&iri) {
                    bases.push(iri);
                }
            }
        }
        for t in &d.transfers {
            for s in &policy.get(t).safeguards {
                let iri = transfer_basis(*s);
                if !bases.contains(&iri) {
                    bases.push(iri);
                }
            }
        }
        let mut handling = serde_json::Map::new();
        handling.insert("@id".to_owned(), json!(node("dataset", &d.id)));
        handling.insert("@type".to_owned(), json!("dpv:Process"));
        handling.insert("rdfs:label".to_owned(), json!(d.name));
        if let Some(c) = &controller {
            handling.insert("dpv:hasDataController".to_owned(), json!({ "@id": c }));
        }
        let lists = [
            (
                "dpv:hasPurpose",
                refs("purpose", d.purposes.iter().map(|r| r.id()).collect()),
            ),
            (
                "dpv:hasPersonalData",
                refs("item", d.collects.iter().map(|r| r.id()).collect()),
            ),
            (
                "dpv:hasDataSubject",
                refs("subject", d.subjects.iter().map(|r| r.id()).collect()),
            ),
            (
                "dpv:hasLegalBasis",
                bases.iter().map(|iri| json!({ "@id": iri })).collect(),
            ),
            (
                "dpv:hasRecipient",
                refs("recipient", d.recipients.iter().map(|r| r.id()).collect()),
            ),
            (
                "dpv:hasDataSource",
                refs("source", d.sources.iter().map(|r| r.id()).collect()),
            ),
            (
                "dpv:hasStorageCondition",
                refs("retention", d.retention.iter().map(|r| r.id()).collect()),
            ),
            (
                "dpv:hasProcessing",
                if d.transfers.is_empty() {
                    Vec::new()
                } else {
                    vec![json!({ "@id": "dpv:Transfer" })]
                },
            ),
            (
                "dpv:hasThirdCountry",
                refs("transfer", d.transfers.iter().map(|r| r.id()).collect()),
            ),
        ];
        for (key, values) in lists {
            if !values.is_empty() {
                handling.insert(key.to_owned(), Value::Array(values));
            }
        }
        graph.push(Value::Object(handling));
    }
    json_text(&json!({
        "@context": {
            "dpv": "https://w3id.org/dpv#",
            "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        },
        "@graph": graph,
    }))
}

text_output!(DpvJsonLd, "dpv.jsonld", Dpv, dpv);
