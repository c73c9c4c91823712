//! `fides.yml`: the policy as a [fideslang](https://ethyca.github.io/fideslang/)
//! manifest, the data map that Fides and other fideslang tools load.
//!
//! One `system` (the service the policy describes, keyed by the policy's
//! id) with the controller's details, and one privacy declaration per data
//! set, purpose and lawful basis: the items' data categories, the
//! purpose's data use and the subjects' data subjects (each named in the
//! policy with `fides`, a word of fideslang's default taxonomy), the Art. 6
//! basis and any Art. 9 condition, the retention periods, and the
//! recipients as third parties. A fact without its `fides` word is left
//! out and reported by `structure::fides-facts`.
//!
//! YAML is written by hand: keys are plain, every string is a JSON string
//! (a YAML double-quoted scalar), so no YAML library is needed and the
//! bytes are stable.

use super::{plain, text_output, unique};
use crate::model::words::{Art9Condition, LawfulBasis, RecipientKind};
use crate::model::{Basis, Dataset, Policy, Purpose, Ref};

/// fideslang's `LegalBasisForProcessingEnum` value for an Art. 6(1) basis.
#[must_use]
pub fn legal_basis(basis: LawfulBasis) -> &'static str {
    match basis {
        LawfulBasis::Consent => "Consent",
        LawfulBasis::Contract => "Contract",
        LawfulBasis::LegalObligation => "Legal obligations",
        LawfulBasis::VitalInterests => "Vital interests",
        LawfulBasis::PublicTask => "Public interest",
        // fideslang has no UK-only basis: the nearest is Art. 6(1)(f).
        LawfulBasis::LegitimateInterest | LawfulBasis::RecognisedLegitimateInterest => {
            "Legitimate interests"
        }
    }
}

/// fideslang's `SpecialCategoryLegalBasisEnum` value for an Art. 9(2)
/// condition.
#[must_use]
pub fn special_basis(condition: Art9Condition) -> &'static str {
    match condition {
        Art9Condition::ExplicitConsent => "Explicit consent",
        Art9Condition::Employment => "Employment, social security and social protection",
        Art9Condition::VitalInterests => "Vital interests",
        Art9Condition::NotForProfit => "Not-for-profit bodies",
        Art9Condition::MadePublic => "Made public by the data subject",
        Art9Condition::LegalClaims => "Legal claims or judicial acts",
        Art9Condition::SubstantialPublicInterest => {
            "Reasons of substantial public interest (with a basis in law)"
        }
        Art9Condition::HealthCare => "Health or social care (with a basis in law)",
        Art9Condition::PublicHealth => "Public health (with a basis in law)",
        Art9Condition::Archiving => "Archiving, research and statistics (with a basis in law)",
    }
}

/// A YAML scalar: a JSON string.
fn q(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// A YAML flow list of strings.
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| q(i.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

/// A fideslang key from an id: lower case, `_` kept.
fn key(id: &str) -> String {
    id.to_ascii_lowercase()
}

/// The bases of a data set that cover a purpose, each basis kind once.
fn bases_for<'d>(d: &'d Dataset, purpose: &Ref<Purpose>) -> Vec<&'d Basis> {
    let mut out: Vec<&Basis> = Vec::new();
    for b in &d.bases {
        let covers = b.purposes.is_empty() || b.purposes.contains(purpose);
        if covers && !out.iter().any(|o| o.basis == b.basis) {
            out.push(b);
        }
    }
    out
}

/// `fides.yml`.
#[must_use]
pub fn manifest(policy: &Policy) -> String {
    let mut y = String::from("system:\n");
    y.push_str(&format!("  - fides_key: {}\n", q(&key(&policy.id))));
    y.push_str(&format!("    name: {}\n", q(&policy.title)));
    y.push_str(&format!(
        "    description: {}\n",
        q(&format!(
            "The processing described by the privacy policy `{}`, written by candor.",
            policy.id
        ))
    ));
    y.push_str("    organization_fides_key: \"default_organization\"\n");
    y.push_str("    system_type: \"Service\"\n");
    if let Some(c) = &policy.controller {
        y.push_str(&format!("    legal_name: {}\n", q(&c.name)));
        if let Some(address) = &c.address {
            y.push_str(&format!("    legal_address: {}\n", q(address)));
        }
        if let Some(dpo) = &c.dpo {
            let dpo = policy.get(dpo);
            let reach = [&dpo.email, &dpo.url, &dpo.phone, &dpo.address]
                .into_iter()
                .flatten()
                .next();
            let text = match reach {
                Some(r) => format!("{}, {r}", dpo.name),
                None => dpo.name.clone(),
            };
            y.push_str(&format!("    dpo: {}\n", q(&text)));
        }
        if let Some(security) = &c.security {
            y.push_str(&format!(
                "    data_security_practices: {}\n",
                q(&plain(security))
            ));
        }
    }
    y.push_str("    processes_personal_data: true\n");
    let transfers = !policy.transfers.is_empty();
    y.push_str(&format!("    does_international_transfers: {transfers}\n"));
    if transfers {
        let safeguards = unique(
            policy
                .transfers
                .iter()
                .flat_map(|t| t.safeguards.iter().map(|s| super::ropa::safeguard(*s))),
        );
        y.push_str(&format!(
            "    legal_basis_for_transfers: {}\n",
            list(&safeguards)
        ));
    }
    y.push_str("    privacy_declarations:\n");
    let mut any = false;
    for d in &policy.datasets {
        let categories = unique(
            d.collects
                .iter()
                .filter_map(|i| policy.get(i).fides.map(|c| c.key())),
        );
        let subjects = unique(
            d.subjects
                .iter()
                .filter_map(|s| policy.get(s).fides.map(|c| c.key())),
        );
        let special = d.collects.iter().any(|i| policy.get(i).special.is_some());
        let recipients: Vec<&str> = d
            .recipients
            .iter()
            .map(|r| policy.get(r))
            .filter(|r| {
                !matches!(
                    r.kind,
                    Some(RecipientKind::ServiceProvider | RecipientKind::Affiliate)
                )
            })
            .map(|r| r.name.as_str())
            .collect();
        let retention: Vec<String> = d
            .retention
            .iter()
            .map(|r| policy.get(r))
            .filter_map(|r| r.period.as_deref().or(r.criteria.as_deref()).map(plain))
            .collect();
        for p in &d.purposes {
            let purpose = policy.get(p);
            let Some(data_use) = purpose.fides else {
                continue;
            };
            let bases = bases_for(d, p);
            let several = bases.len() > 1;
            let per_basis: Vec<Option<&Basis>> = if bases.is_empty() {
                vec![None]
            } else {
                bases.into_iter().map(Some).collect()
            };
            for basis in per_basis {
                any = true;
                let mut name = format!("{}: {}", d.name, purpose.name);
                if let (true, Some(b)) = (several, basis) {
                    name.push_str(&format!(" ({})", legal_basis(b.basis)));
                }
                y.push_str(&format!("      - name: {}\n", q(&name)));
                y.push_str(&format!("        data_categories: {}\n", list(&categories)));
                y.push_str(&format!("        data_use: {}\n", q(data_use.key())));
                y.push_str(&format!("        data_subjects: {}\n", list(&subjects)));
                if let Some(b) = basis {
                    y.push_str(&format!(
                        "        legal_basis_for_processing: {}\n",
                        q(legal_basis(b.basis))
                    ));
                }
                if !retention.is_empty() {
                    y.push_str(&format!(
                        "        retention_period: {}\n",
                        q(&retention.join("; "))
                    ));
                }
                y.push_str(&format!(
                    "        processes_special_category_data: {special}\n"
                ));
                if let Some(condition) = d.bases.iter().find_map(|b| b.special) {
                    y.push_str(&format!(
                        "        special_category_legal_basis: {}\n",
                        q(special_basis(condition))
                    ));
                }
                y.push_str(&format!(
                    "        data_shared_with_third_parties: {}\n",
                    !recipients.is_empty()
                ));
                if !recipients.is_empty() {
                    y.push_str(&format!(
                        "        third_parties: {}\n",
                        q(&recipients.join("; "))
                    ));
                }
            }
        }
    }
    if !any {
        // An empty list, not a key without a value.
        y = y.replace(
            "    privacy_declarations:\n",
            "    privacy_declarations: []\n",
        );
    }
    y
}

text_output!(FidesManifest, "fides.yml", Fides, manifest);
