//! `dpv.jsonld`: the processing as W3C Data Privacy Vocabulary
//! ([DPV 2](https://w3id.org/dpv)) JSON-LD, for tools that read linked data.
//!
//! Each data set or processing activity is a `dpv:PersonalDataHandling`
//! with `dpv:hasDataController` (the controller, a `dpv:DataController`),
//! `dpv:hasPurpose` (each purpose a `dpv:Purpose`, also a `dpv:Marketing`
//! when it is direct marketing and a `dpv:PersonalisedAdvertising` when it
//! is targeted advertising), `dpv:hasPersonalData` (each item a
//! `dpv:PersonalData`, or a `dpv:SpecialCategoryPersonalData`),
//! `dpv:hasDataSubject`, `dpv:hasLegalBasis` (the GDPR extension's IRIs,
//! `eu-gdpr:A6-1-a` ... for Art. 6(1), `eu-gdpr:A9-2-a` ... for Art. 9(2))
//! and `dpv:hasRecipient` (a `dpv:DataProcessor` for a service provider,
//! `dpv:JointDataControllers`, a `dpv:Authority` for the police and
//! government, otherwise a `dpv:ThirdParty`). The context is written inline,
//! so that a reader needs no network; the policy's own nodes are
//! `urn:candor:POLICY:KIND:ID`.

use serde_json::{Value, json};

use super::{json_text, text_output};
use crate::model::words::{Art9Condition, LawfulBasis, RecipientKind};
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
        let mut handling = serde_json::Map::new();
        handling.insert("@id".to_owned(), json!(node("dataset", &d.id)));
        handling.insert("@type".to_owned(), json!("dpv:PersonalDataHandling"));
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
