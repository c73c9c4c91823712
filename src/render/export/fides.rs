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
//! The YAML is written by serde-saphyr from the structs below, whose field
//! order is the file's key order; a string that YAML 1.1 would read as
//! something else (`no`, `on`, `1.0`) is quoted, so that PyYAML, which
//! fideslang uses, reads back the same text.

use serde::Serialize;

use super::{plain, text_output, unique};
use crate::model::words::{Art9Condition, LawfulBasis, RecipientKind, Safeguard};
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

/// fideslang's `LegalBasisForTransfersEnum` value for a transfer
/// safeguard. fideslang does not enforce the enum on the field, but Fides
/// offers these five values; a safeguard fideslang does not name is
/// `Other` (the record of processing names it in full).
#[must_use]
pub fn transfer_basis(safeguard: Safeguard) -> &'static str {
    match safeguard {
        Safeguard::Adequacy => "Adequacy Decision",
        // The UK Addendum amends the EU clauses: still SCCs.
        Safeguard::Sccs | Safeguard::UkAddendum => "SCCs",
        Safeguard::Bcr => "BCRs",
        Safeguard::Idta
        | Safeguard::Certification
        | Safeguard::CodeOfConduct
        | Safeguard::Derogation => "Other",
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

/// The manifest: fideslang's `system` list.
#[derive(Serialize)]
struct Manifest {
    system: Vec<System>,
}

/// fideslang's `System`, the fields candor states, in fideslang's order.
#[derive(Serialize)]
struct System {
    fides_key: String,
    name: String,
    description: String,
    organization_fides_key: &'static str,
    system_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dpo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_security_practices: Option<String>,
    processes_personal_data: bool,
    does_international_transfers: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    legal_basis_for_transfers: Vec<&'static str>,
    privacy_declarations: Vec<Declaration>,
}

/// fideslang's `PrivacyDeclaration`.
#[derive(Serialize)]
struct Declaration {
    name: String,
    data_categories: Vec<&'static str>,
    data_use: &'static str,
    data_subjects: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_basis_for_processing: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retention_period: Option<String>,
    processes_special_category_data: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    special_category_legal_basis: Option<&'static str>,
    data_shared_with_third_parties: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    third_parties: Option<String>,
}

/// `fides.yml`.
#[must_use]
pub fn manifest(policy: &Policy) -> String {
    let controller = policy.controller.as_ref();
    let dpo = controller.and_then(|c| c.dpo.as_ref()).map(|dpo| {
        let dpo = policy.get(dpo);
        let reach = [&dpo.email, &dpo.url, &dpo.phone, &dpo.address]
            .into_iter()
            .flatten()
            .next();
        match reach {
            Some(r) => format!("{}, {r}", dpo.name),
            None => dpo.name.clone(),
        }
    });
    let system = System {
        fides_key: key(&policy.id),
        name: policy.title.clone(),
        description: format!(
            "The processing described by the privacy policy `{}`, written by candor.",
            policy.id
        ),
        organization_fides_key: "default_organization",
        system_type: "Service",
        legal_name: controller.map(|c| c.name.clone()),
        legal_address: controller.and_then(|c| c.address.clone()),
        dpo,
        data_security_practices: controller.and_then(|c| c.security.as_deref().map(plain)),
        processes_personal_data: true,
        does_international_transfers: !policy.transfers.is_empty(),
        legal_basis_for_transfers: unique(
            policy
                .transfers
                .iter()
                .flat_map(|t| t.safeguards.iter().map(|s| transfer_basis(*s))),
        ),
        privacy_declarations: declarations(policy),
    };
    // One line per string (no folded `>` blocks, whose line breaks depend
    // on a wrap width), indented lists. Serialising these structs (strings,
    // booleans and lists) cannot fail.
    let options = serde_saphyr::ser_options! {
        prefer_block_scalars: false,
        compact_list_indent: false,
    };
    serde_saphyr::to_string_with_options(
        &Manifest {
            system: vec![system],
        },
        options,
    )
    .unwrap_or_default()
}

/// One privacy declaration per data set, purpose and lawful basis.
fn declarations(policy: &Policy) -> Vec<Declaration> {
    let mut out = Vec::new();
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
        let condition = d.bases.iter().find_map(|b| b.special);
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
                let mut name = format!("{}: {}", d.name, purpose.name);
                if let (true, Some(b)) = (several, basis) {
                    name.push_str(&format!(" ({})", legal_basis(b.basis)));
                }
                out.push(Declaration {
                    name,
                    data_categories: categories.clone(),
                    data_use: data_use.key(),
                    data_subjects: subjects.clone(),
                    legal_basis_for_processing: basis.map(|b| legal_basis(b.basis)),
                    retention_period: (!retention.is_empty()).then(|| retention.join("; ")),
                    processes_special_category_data: special,
                    special_category_legal_basis: condition.map(special_basis),
                    data_shared_with_third_parties: !recipients.is_empty(),
                    third_parties: (!recipients.is_empty()).then(|| recipients.join("; ")),
                });
            }
        }
    }
    out
}

text_output!(FidesManifest, "fides.yml", Fides, manifest);
