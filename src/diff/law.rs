//! The law that makes each class of change material, and whether it asks
//! for notice before the change takes effect.
//!
//! One table, keyed by the reason a rule gives (`"new purpose"`): every
//! reason a [`DiffRule`](crate::schema::DiffRule) or a kind's lifecycle can
//! give has a row, which a test checks by walking the schema. The
//! citations were read against the texts: GDPR Art. 13 and 14 (Regulation
//! (EU) 2016/679), Cal. Civ. Code §1798.100(a), Colorado's 4 CCR 904-3 Rule
//! 6.03 and 6.04 ("A Controller shall notify Consumers of material changes
//! to a privacy notice": categories of personal data, processing purposes,
//! the controller's identity, sharing with third parties, categories of
//! third parties, methods to exercise rights).

use serde::Serialize;

/// Why a class of change is material.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Law {
    /// The provisions, cited exactly: "GDPR Art. 13(3) and 14(4)".
    pub cites: &'static str,
    /// Whether the law asks that people be told before the change applies
    /// (GDPR Art. 13(3): "prior to that further processing"; Cal. Civ.
    /// Code §1798.100(a)(1): no additional categories or purposes "without
    /// providing the consumer with notice"), so the new version's
    /// `effective` date may not be earlier than its publication.
    pub notice_first: bool,
}

const fn law(cites: &'static str, notice_first: bool) -> Law {
    Law {
        cites,
        notice_first,
    }
}

const PURPOSE: Law = law(
    "GDPR Art. 13(3) and 14(4); Cal. Civ. Code §1798.100(a)(1); 4 CCR 904-3 Rule 6.04(A)(1)",
    true,
);
const DATA: Law = law(
    "Cal. Civ. Code §1798.100(a)(1); 4 CCR 904-3 Rule 6.04(A)(1)",
    true,
);
const SENSITIVE: Law = law(
    "Cal. Civ. Code §1798.100(a)(2); 4 CCR 904-3 Rule 6.04(A)(1)",
    true,
);
const SPECIAL: Law = law(
    "GDPR Art. 13(1)(c) and 9(2); 4 CCR 904-3 Rule 6.04(A)(1)",
    false,
);
const SUBJECTS: Law = law("4 CCR 904-3 Rule 6.04(A)(1)", false);
const SOURCE: Law = law("GDPR Art. 14(2)(f)", false);
const RECIPIENT: Law = law("GDPR Art. 13(1)(e); 4 CCR 904-3 Rule 6.04(A)(1)", false);
const SOLD_SHARED: Law = law(
    "Cal. Civ. Code §1798.100(a)(1); 4 CCR 904-3 Rule 6.04(A)(1)",
    true,
);
const DISCLOSED: Law = law(
    "Cal. Civ. Code §1798.130(a)(5)(C); 4 CCR 904-3 Rule 6.04(A)(1)",
    false,
);
const MINORS: Law = law("Cal. Civ. Code §1798.120(c)", true);
const TARGETED: Law = law(
    "4 CCR 904-3 Rule 6.03(A)(1)(c) and 6.04(A)(1); Cal. Civ. Code §1798.100(a)(1)",
    true,
);
const PROFILING: Law = law(
    "GDPR Art. 13(2)(f); 4 CCR 904-3 Rule 6.03(A)(1)(c) and 6.04(A)(1)",
    false,
);
const CHILDREN: Law = law("4 CCR 904-3 Rule 6.03(A)(1)(a) and 6.04(A)(1)", false);
const BASIS: Law = law("GDPR Art. 13(1)(c) and 14(1)(c)", false);
const TRANSFER: Law = law("GDPR Art. 13(1)(f) and 14(1)(f)", false);
const RETENTION: Law = law("GDPR Art. 13(2)(a); Cal. Civ. Code §1798.100(a)(3)", false);
const CONTROLLER: Law = law("GDPR Art. 13(1)(a); 4 CCR 904-3 Rule 6.04(A)(1)", false);
const RIGHTS: Law = law(
    "GDPR Art. 13(2)(b); Cal. Civ. Code §1798.130(a)(5)(A); 4 CCR 904-3 Rule 6.04(A)(1)",
    false,
);
const REQUIREMENT: Law = law("GDPR Art. 13(2)(e)", false);
const AGE: Law = law("GDPR Art. 8(1)", false);
const INCENTIVE: Law = law("Cal. Civ. Code §1798.125(b)", false);
const LINKS: Law = law(
    "Cal. Code Regs. tit. 11, §7012 (a notice at collection may be a link to the section of the privacy policy)",
    false,
);
const STORE: Law = law(
    "no statute: the App Store's privacy details and Google Play's Data safety form must match the notice (platform rules)",
    false,
);
const UNKNOWN: Law = law(
    "no law named: candor cannot class this field yet, so it is treated as material",
    false,
);

/// The table: a rule's reason, and its law.
/// A notice its readers lose in their language (issue 22): Art. 12(1)'s
/// "clear and plain language", which the EDPB reads as the language of
/// the audience targeted.
const LANGUAGE: Law = law("GDPR Art. 12(1)", false);

static TABLE: &[(&str, Law)] = &[
    ("a language of the notice removed", LANGUAGE),
    ("a translation is missing", LANGUAGE),
    ("new purpose", PURPOSE),
    ("now used for direct marketing", PURPOSE),
    (
        "personal data now used to train large language models",
        PURPOSE,
    ),
    ("new data", DATA),
    ("new category of data", DATA),
    ("category now collected", DATA),
    ("sensitive personal information", SENSITIVE),
    (
        "sensitive information now used beyond the permitted purposes",
        SENSITIVE,
    ),
    ("special category data", SPECIAL),
    ("new data subjects", SUBJECTS),
    ("scope changed", SUBJECTS),
    ("new source of data", SOURCE),
    ("source changed", SOURCE),
    ("new recipient", RECIPIENT),
    ("recipient changed", RECIPIENT),
    ("data shared changed", RECIPIENT),
    ("consideration for disclosures changed", RECIPIENT),
    ("personal information now sold", SOLD_SHARED),
    ("personal information now shared", SOLD_SHARED),
    ("personal information now disclosed", DISCLOSED),
    ("minors' information now sold or shared", MINORS),
    ("now used for targeted advertising", TARGETED),
    ("now disclosed for targeted advertising", TARGETED),
    ("now used for tracking", TARGETED),
    ("now used for profiling", PROFILING),
    ("now used for automated decisions", PROFILING),
    ("now children's data", CHILDREN),
    ("lawful basis changed", BASIS),
    ("basis change", BASIS),
    ("cookie consent changed", BASIS),
    ("new cookies", BASIS),
    ("new transfer abroad", TRANSFER),
    ("transfer changed", TRANSFER),
    ("safeguards changed", TRANSFER),
    ("longer retention", RETENTION),
    ("cookies kept longer", RETENTION),
    ("retention changed", RETENTION),
    ("new controller", CONTROLLER),
    ("controller changed", CONTROLLER),
    ("controller removed", CONTROLLER),
    ("rights changed", RIGHTS),
    ("removed rights", RIGHTS),
    ("removed right", RIGHTS),
    ("a way to exercise rights removed", RIGHTS),
    ("requests only online", RIGHTS),
    ("slower response to requests", RIGHTS),
    ("laws addressed changed", RIGHTS),
    ("requirement changed", REQUIREMENT),
    ("age thresholds changed", AGE),
    ("minimum age changed", AGE),
    ("financial incentive changed", INCENTIVE),
    ("published links break", LINKS),
    ("store label changed", STORE),
    ("changed", UNKNOWN),
];

/// The law that makes a change of this reason material. A reason missing
/// from the table (a test forbids it) falls back to the unknown row.
#[must_use]
pub fn of(reason: &str) -> Law {
    TABLE
        .iter()
        .find(|(r, _)| *r == reason)
        .map_or(UNKNOWN, |(_, law)| *law)
}

/// Whether the table has a row for a reason.
#[must_use]
pub fn knows(reason: &str) -> bool {
    TABLE.iter().any(|(r, _)| *r == reason)
}

#[cfg(test)]
mod tests {
    use super::knows;
    use crate::schema::{self, DiffRule, FieldSpec};

    fn reason(rule: DiffRule) -> Option<&'static str> {
        match rule {
            DiffRule::Material(r)
            | DiffRule::Grows(r)
            | DiffRule::Shrinks(r)
            | DiffRule::TurnsYes(r)
            | DiffRule::Longer(r)
            | DiffRule::Increases(r) => Some(r),
            DiffRule::Wording | DiffRule::Bases | DiffRule::Rights | DiffRule::Ignore => None,
        }
    }

    #[test]
    fn every_material_reason_of_the_schema_names_its_law() {
        let mut reasons: Vec<&str> = vec![
            // Given by the rules themselves rather than the schema.
            "basis change",
            "removed right",
            "retention changed",
            "published links break",
            "changed",
        ];
        let nested: [&[FieldSpec]; 2] = [schema::BASIS_FIELDS, schema::RIGHT_FIELDS];
        for spec in schema::KINDS {
            reasons.extend(spec.fields.iter().filter_map(|f| reason(f.diff)));
            reasons.extend(reason(spec.lifecycle.renamed));
            reasons.extend(spec.lifecycle.added);
            reasons.extend(spec.lifecycle.removed);
        }
        for fields in nested {
            reasons.extend(fields.iter().filter_map(|f| reason(f.diff)));
        }
        let missing: Vec<&str> = reasons.into_iter().filter(|r| !knows(r)).collect();
        assert!(missing.is_empty(), "no law for {missing:?}");
    }
}
