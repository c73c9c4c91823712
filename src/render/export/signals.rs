//! `gpc.json` and `consent.json`: what a site's machinery reads about the
//! choices people make.
//!
//! `gpc.json` is the Global Privacy Control support resource (GPC
//! specification, "Well-known Resource"): a site serves it at
//! `/.well-known/gpc.json` to say that it honours the signal. candor says
//! `"gpc": true` only when a rights block of the notice states how
//! opt-out preference signals are handled (`opt_out_signals`), which is
//! the notice's own promise (Cal. Code Regs. tit. 11, §7025); otherwise
//! `false`, and `structure::gpc-signals` reports the missing statement.
//! `lastUpdate` is the policy's `updated` day; a month without a day is
//! left out rather than given a made-up day.
//!
//! `consent.json` lists the cookie categories for a consent banner: each
//! with its purposes, vendors, duration, lawful bases, and whether it needs
//! consent, which is the inverse of `essential` (ePrivacy Directive Art.
//! 5(3)); an unstated `essential` is `null` and reported by
//! `structure::consent-essential`.

use serde_json::{Value, json};

use super::{json_text, plain, text_output};
use crate::model::Policy;
use crate::model::words::Word;
use crate::views;
use crate::views::cookies::Consent;

/// `gpc.json`.
#[must_use]
pub fn gpc(policy: &Policy) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert(
        "gpc".to_owned(),
        Value::Bool(crate::views::exports::honours_gpc(policy)),
    );
    if let Some(d) = policy.updated
        && d.day.is_some()
    {
        doc.insert("lastUpdate".to_owned(), Value::String(d.to_string()));
    }
    json_text(&Value::Object(doc))
}

/// `consent.json`.
#[must_use]
pub fn consent(policy: &Policy) -> String {
    let categories: Vec<Value> = policy
        .cookies
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "name": c.name,
                "essential": c.essential,
                // Where the law asks consent (the declared laws' regions),
                // and whether the business asks it under its own bases: a
                // CCPA-only policy's opt-out cookies need none.
                "consent_required": c.essential.map(|e| {
                    !e && (!views::cookies::consent_required_in(policy, c).is_empty()
                        || views::cookies::consent(c) == Consent::Always)
                }),
                "consent_required_in": views::cookies::consent_required_in(policy, c)
                    .iter()
                    .map(|r| r.word())
                    .collect::<Vec<_>>(),
                // Whether the business asks every visitor's consent, beyond
                // the regions whose law requires it: every basis is consent,
                // with no condition. A platform asks consent in
                // `consent_required_in`, and everywhere when this is true.
                "consent_everywhere": c.essential.map(|e| {
                    !e && views::cookies::consent(c) == Consent::Always
                }),
                "lawful_bases": c.bases.iter().map(|b| b.basis.word()).collect::<Vec<_>>(),
                "purposes": c.purposes.iter().map(|p| {
                    let p = policy.get(p);
                    json!({ "id": p.id, "name": p.name })
                }).collect::<Vec<_>>(),
                "vendors": c.vendors.iter().map(|v| {
                    let v = policy.get(v);
                    json!({
                        "id": v.id,
                        "name": v.name,
                        "location": v.location,
                        "url": v.url,
                    })
                }).collect::<Vec<_>>(),
                "duration": c.duration,
                "description": c.text.as_deref().map(plain),
            })
        })
        .collect();
    json_text(&json!({
        "policy": policy.id,
        "title": policy.title,
        "updated": policy.updated.map(|d| d.to_string()),
        "language": policy.language,
        "categories": categories,
    }))
}

text_output!(GpcJson, "gpc.json", Gpc, gpc);

text_output!(ConsentJson, "consent.json", Consent, consent);
