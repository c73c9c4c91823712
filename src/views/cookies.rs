//! Cookie categories per region: where consent is asked, from the stated
//! bases and the laws the policy declares, never assumed everywhere.
//!
//! The ePrivacy Directive (Art. 5(3)) and, in the UK, PECR (reg. 6) make
//! storing or reading a cookie that is not strictly necessary subject to
//! consent; the US state laws make advertising cookies a matter of opt-out.
//! A category's own `basis` lines say what the business does; the declared
//! laws say where consent is the law's requirement.

use crate::model::words::{Jurisdiction, LawfulBasis, Region};
use crate::model::{CookieCategory, Policy};

/// How a category that is not strictly necessary is set, by its bases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// Every basis is consent, with no condition: set only with it.
    Always,
    /// Some bases are consent and some are not, or a consent basis holds
    /// only when its condition does ("when you visit from the EEA"):
    /// consent in some places or for some people, as the conditions say.
    Partly,
    /// No basis is consent (an opt-out model).
    Never,
    /// No basis is stated.
    Unstated,
}

/// What the category's bases say about consent.
#[must_use]
pub fn consent(category: &CookieCategory) -> Consent {
    let consent = category
        .bases
        .iter()
        .filter(|b| b.basis == LawfulBasis::Consent)
        .count();
    let conditional = category
        .bases
        .iter()
        .any(|b| b.basis == LawfulBasis::Consent && b.condition.is_some());
    match (consent, category.bases.len()) {
        (_, 0) => Consent::Unstated,
        (0, _) => Consent::Never,
        (c, n) if c == n && !conditional => Consent::Always,
        _ => Consent::Partly,
    }
}

/// The regions whose law requires consent for the category: those of the
/// declared laws that carry the cookie rule (the GDPR's readers in the EEA,
/// the UK GDPR's in the UK), for a category not strictly necessary. Empty
/// for a strictly necessary one, and for a policy under US laws alone.
#[must_use]
pub fn consent_required_in(policy: &Policy, category: &CookieCategory) -> Vec<Region> {
    if category.essential != Some(false) {
        return Vec::new();
    }
    [
        (Jurisdiction::Gdpr, Region::Eea),
        (Jurisdiction::UkGdpr, Region::Uk),
    ]
    .into_iter()
    .filter(|(law, _)| policy.has(*law))
    .map(|(_, region)| region)
    .collect()
}
