//! `gpp.json`: the notice fields of the IAB Global Privacy Platform's US
//! National section (`usnat`, section id 7), derived from the facts, for a
//! consent platform to put in the GPP string it encodes (the fields are
//! the same in the section's versions 1 and 2).
//!
//! Each field is `0` (not applicable: the business does not do the thing),
//! `1` (yes, the notice gives the notice) or `2` (no notice given), as the
//! IAB's "US National Privacy Technical Specification" defines them; `null`
//! when the policy does not state the facts that decide it, which
//! `structure::gpp-facts` reports. The opt-out *choices* of the section
//! (`SaleOptOut`, ...) and the MSPA fields are a person's or a contract's,
//! not the notice's, and are left out.
//!
//! | field | not applicable unless | notice given when the CCPA rights list |
//! |---|---|---|
//! | `SharingNotice` | a recipient or third party is not a service provider | (the notice names them) |
//! | `SaleOptOutNotice` | a CCPA category is sold | `right opt_out` |
//! | `SharingOptOutNotice` | a CCPA category is shared (cross-context advertising) | `right opt_out` |
//! | `TargetedAdvertisingOptOutNotice` | a purpose is targeted advertising, or a category is shared | `right opt_out` |
//! | `SensitiveDataProcessingOptOutNotice` | an item is sensitive | `right limit_sensitive` |
//! | `SensitiveDataLimitUseNotice` | `sensitive_other_uses yes` | `right limit_sensitive` |

use serde_json::{Map, Value, json};

use super::{json_text, text_output};
use crate::law::{self, Law};
use crate::model::Policy;
use crate::model::words::{Jurisdiction, RecipientKind, RightKind};

/// Yes when one says yes, no when all say no, unknown otherwise (and for
/// none at all, unless `empty` says what none means).
fn any(answers: impl IntoIterator<Item = Option<bool>>, empty: Option<bool>) -> Option<bool> {
    let answers: Vec<Option<bool>> = answers.into_iter().collect();
    if answers.is_empty() {
        empty
    } else {
        law::any_yes(&answers)
    }
}

/// The field's value: not applicable, or whether the notice gives it.
fn field(applies: Option<bool>, given: bool) -> Value {
    match applies {
        Some(false) => json!(0),
        Some(true) => json!(if given { 1 } else { 2 }),
        None => Value::Null,
    }
}

/// The notice fields, by their names in the specification, in its order.
#[must_use]
pub fn fields(policy: &Policy) -> Vec<(&'static str, Value)> {
    let rights = Law::of(Jurisdiction::Ccpa).rights_block(policy);
    let has = |kind: RightKind| rights.is_some_and(|b| b.rights.iter().any(|r| r.kind == kind));
    let third_parties = any(
        policy
            .recipients
            .iter()
            .map(|r| r.kind)
            .map(|k| k.map(|k| k != RecipientKind::ServiceProvider)),
        Some(false),
    );
    let disclosures: Vec<_> = policy
        .ccpa
        .iter()
        .filter(|c| law::ccpa::collected(c))
        .map(|c| law::ccpa::disclosures(policy, c))
        .collect();
    let sold = any(disclosures.iter().map(|d| d.sold.value), None);
    let shared = any(disclosures.iter().map(|d| d.shared.value), None);
    let targeted = if policy
        .purposes
        .iter()
        .any(|p| p.targeted_advertising == Some(true))
    {
        Some(true)
    } else {
        shared
    };
    let sensitive = Some(policy.items.iter().any(|i| {
        i.sensitive
            .is_some_and(crate::model::words::SensitiveKind::cpra)
    }));
    let limit = match rights.and_then(|b| b.sensitive_other_uses) {
        Some(uses) => Some(uses),
        None if sensitive == Some(false) => Some(false),
        None => None,
    };
    vec![
        ("SharingNotice", field(third_parties, true)),
        ("SaleOptOutNotice", field(sold, has(RightKind::OptOut))),
        ("SharingOptOutNotice", field(shared, has(RightKind::OptOut))),
        (
            "TargetedAdvertisingOptOutNotice",
            field(targeted, has(RightKind::OptOut)),
        ),
        (
            "SensitiveDataProcessingOptOutNotice",
            field(sensitive, has(RightKind::LimitSensitive)),
        ),
        (
            "SensitiveDataLimitUseNotice",
            field(limit, has(RightKind::LimitSensitive)),
        ),
    ]
}

/// `gpp.json`.
#[must_use]
pub fn gpp(policy: &Policy) -> String {
    let mut notice = Map::new();
    for (name, value) in fields(policy) {
        notice.insert(name.to_owned(), value);
    }
    json_text(&json!({
        "section": "usnat",
        "section_id": 7,
        "fields": Value::Object(notice),
        "Gpc": crate::views::exports::honours_gpc(policy),
    }))
}

text_output!(GppJson, "gpp.json", Gpp, gpp);
