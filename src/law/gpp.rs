//! The notice fields of the IAB Global Privacy Platform's US
//! National section (`usnat`, section id 7, version 2: "IAB Privacy's
//! Multi-State Privacy Agreement (MSPA) US National Technical
//! Specification", October 2024), derived from the facts: the
//! labels the GPP gives the CCPA's facts, read by `gpp.json` and by
//! `structure::gpp-facts` alike.
//!
//! Each field is `0` (not applicable: the business does not do the thing),
//! `1` (yes, the notice gives the notice) or `2` (no notice given), as the
//! specification defines them; `null` when the policy does not state the
//! facts that decide it, which `structure::gpp-facts` reports.
//!
//! | field | not applicable unless | notice given when |
//! |---|---|---|
//! | `SharingNotice` | the business processes personal information (an item, or a CCPA row collected) | always: the field is the notice describing the processing (version 2; version 1 meant sharing with third parties) |
//! | `SaleOptOutNotice` | a CCPA category is sold | the CCPA rights list `right opt_out` |
//! | `SharingOptOutNotice` | a CCPA category is shared (cross-context advertising) | `right opt_out` |
//! | `TargetedAdvertisingOptOutNotice` | a purpose is targeted advertising, or a category is shared | `right opt_out` |
//! | `SensitiveDataProcessingOptOutNotice` | an item is sensitive, or `sensitive_other_uses yes` | `right limit_sensitive` |
//! | `SensitiveDataLimitUseNotice` | the same: `0` means "does not use or disclose Sensitive Data" | `right limit_sensitive` |
//!
//! The two sensitive-data fields share their applicability: a business that
//! processes sensitive data uses it, so neither can be `0` while the other
//! is not. One that uses sensitive data only for the purposes of Cal. Code
//! Regs. tit. 11, §7027(m) needs no "Limit the Use" link and gets `2` (no
//! such link given): the field has no "not required" value.
//!
//! Left out, for the consent platform: the opt-out *choices* (`SaleOptOut`,
//! ...), the consents and the MSPA fields, which are a person's or a
//! contract's; and `Gpc`, the GPC subsection, which carries the Global
//! Privacy Control signal the person's browser sends (`Sec-GPC`,
//! `navigator.globalPrivacyControl`), not the business's policy on it
//! (that is `gpc.json`).

use serde_json::{Value, json};

use crate::law::{self, Law};
use crate::model::Policy;
use crate::model::words::{Jurisdiction, RightKind};

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
    let sensitive = policy.items.iter().any(|i| {
        i.sensitive
            .is_some_and(crate::model::words::SensitiveKind::cpra)
    }) || rights.and_then(|b| b.sensitive_other_uses) == Some(true);
    let processes = !policy.items.is_empty() || !disclosures.is_empty();
    vec![
        ("SharingNotice", field(Some(processes), true)),
        ("SaleOptOutNotice", field(sold, has(RightKind::OptOut))),
        ("SharingOptOutNotice", field(shared, has(RightKind::OptOut))),
        (
            "TargetedAdvertisingOptOutNotice",
            field(targeted, has(RightKind::OptOut)),
        ),
        (
            "SensitiveDataProcessingOptOutNotice",
            field(Some(sensitive), has(RightKind::LimitSensitive)),
        ),
        (
            "SensitiveDataLimitUseNotice",
            field(Some(sensitive), has(RightKind::LimitSensitive)),
        ),
    ]
}
