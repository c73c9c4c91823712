//! The US state privacy laws: Colorado, Virginia, Connecticut, Texas, Oregon
//! and Utah, each deriving its own labels from the same disclosure facts as
//! California (`law::ccpa`).
//!
//! The facts are the third parties of each category of personal data (the
//! rows of the `ccpa` declarations, which are the policy's categories of
//! personal data whatever the law): what the business receives for a
//! disclosure (`consideration`), whether the recipient uses the data for
//! targeted advertising (`targeted_advertising`), and what sort of
//! organisation it is (`kind`). From them each law reads:
//!
//! - **sale**: an exchange of personal data for *monetary* consideration in
//!   Virginia (Va. Code §59.1-575) and Utah (Utah Code §13-61-101); for
//!   *monetary or other valuable* consideration in Colorado (C.R.S.
//!   §6-1-1303(23)(a)), Connecticut (Conn. Gen. Stat. §42-515), Texas (Tex.
//!   Bus. & Com. Code §541.001) and Oregon (ORS 646A.570). Every one of them
//!   excludes a disclosure to a processor, to an affiliate, and to an
//!   acquirer as part of a merger or acquisition: the `service_provider`,
//!   `affiliate` and `acquirer` kinds are never sales (unlike California,
//!   where an affiliate that pays buys);
//! - **targeted advertising**: a disclosure to a third party that uses the
//!   data for targeted advertising, or a purpose of the business's own that
//!   is targeted advertising;
//! - **profiling in furtherance of decisions with legal or similarly
//!   significant effects**: a purpose with `automated_decisions yes`;
//! - **sensitive data**: each law's own list, mapped from the items'
//!   `sensitive` kinds ([`StateLaw::sensitive`]).
//!
//! Scope: the six laws protect residents "acting only in an individual or
//! household context"; employees, job applicants and business contacts are
//! not consumers (e.g. Va. Code §59.1-575, "consumer"). candor does not model
//! that scope: a category of an employee data set is checked like any other.
//! Unknown facts stay unknown: a third party whose consideration is not
//! stated is not counted as a sale.

use crate::model::words::{Consideration, Jurisdiction, RecipientKind, SensitiveKind};
use crate::model::{CcpaCategory, Item, Policy, Ref, ThirdParty};

/// What candor knows of one state law: how it derives its labels and the
/// provisions its rules cite.
#[derive(Debug)]
pub struct StateLaw {
    /// The word that declares it.
    pub jurisdiction: Jurisdiction,
    /// The state: "Virginia".
    pub state: &'static str,
    /// The act's name: "Virginia Consumer Data Protection Act".
    pub act: &'static str,
    /// Whether a "sale" includes other valuable consideration, not only
    /// money.
    pub other_value_sells: bool,
    /// Whether the law grants an appeal of a refused request (Utah does not).
    pub appeal: bool,
    /// Whether the law grants an opt-out of profiling in furtherance of
    /// decisions with legal or similarly significant effects (Utah does not).
    pub profiling_opt_out: bool,
    /// The provision that grants the rights.
    pub rights_cite: &'static str,
    /// The provision on the appeal, when there is one.
    pub appeal_cite: &'static str,
    /// The provision on the privacy notice's contents.
    pub notice_cite: &'static str,
    /// The provision on disclosing sales and targeted advertising.
    pub sale_cite: &'static str,
    /// The provision on describing the means to make a request.
    pub requests_cite: &'static str,
    /// The definition of "sale".
    pub sale_definition: &'static str,
    /// The definition of "sensitive data".
    pub sensitive_cite: &'static str,
}

/// The six state laws, in the order of [`crate::law::LAWS`].
pub static STATES: [StateLaw; 6] = [
    StateLaw {
        jurisdiction: Jurisdiction::Colorado,
        state: "Colorado",
        act: "Colorado Privacy Act",
        other_value_sells: true,
        appeal: true,
        profiling_opt_out: true,
        rights_cite: "C.R.S. §6-1-1306(1)",
        appeal_cite: "C.R.S. §6-1-1306(3)",
        notice_cite: "C.R.S. §6-1-1308(1)(a)",
        sale_cite: "C.R.S. §6-1-1308(1)(b)",
        requests_cite: "C.R.S. §6-1-1308(1)(a)(III)",
        sale_definition: "C.R.S. §6-1-1303(23)",
        sensitive_cite: "C.R.S. §6-1-1303(24)",
    },
    StateLaw {
        jurisdiction: Jurisdiction::Virginia,
        state: "Virginia",
        act: "Virginia Consumer Data Protection Act",
        other_value_sells: false,
        appeal: true,
        profiling_opt_out: true,
        rights_cite: "Va. Code §59.1-577(A)",
        appeal_cite: "Va. Code §59.1-577(C)",
        notice_cite: "Va. Code §59.1-578(C)",
        sale_cite: "Va. Code §59.1-578(D)",
        requests_cite: "Va. Code §59.1-578(E)",
        sale_definition: "Va. Code §59.1-575",
        sensitive_cite: "Va. Code §59.1-575",
    },
    StateLaw {
        jurisdiction: Jurisdiction::Connecticut,
        state: "Connecticut",
        act: "Connecticut Data Privacy Act",
        other_value_sells: true,
        appeal: true,
        profiling_opt_out: true,
        rights_cite: "Conn. Gen. Stat. §42-518(a)",
        appeal_cite: "Conn. Gen. Stat. §42-518(d), §42-520(c)(3)",
        notice_cite: "Conn. Gen. Stat. §42-520(c)",
        sale_cite: "Conn. Gen. Stat. §42-520(d)",
        requests_cite: "Conn. Gen. Stat. §42-520(e)",
        sale_definition: "Conn. Gen. Stat. §42-515",
        sensitive_cite: "Conn. Gen. Stat. §42-515",
    },
    StateLaw {
        jurisdiction: Jurisdiction::Texas,
        state: "Texas",
        act: "Texas Data Privacy and Security Act",
        other_value_sells: true,
        appeal: true,
        profiling_opt_out: true,
        rights_cite: "Tex. Bus. & Com. Code §541.051(b)",
        appeal_cite: "Tex. Bus. & Com. Code §541.053, §541.102(a)(3)",
        notice_cite: "Tex. Bus. & Com. Code §541.102(a)",
        sale_cite: "Tex. Bus. & Com. Code §541.103",
        requests_cite: "Tex. Bus. & Com. Code §541.102(a)(6), §541.055",
        sale_definition: "Tex. Bus. & Com. Code §541.001",
        sensitive_cite: "Tex. Bus. & Com. Code §541.001",
    },
    StateLaw {
        jurisdiction: Jurisdiction::Oregon,
        state: "Oregon",
        act: "Oregon Consumer Privacy Act",
        other_value_sells: true,
        appeal: true,
        profiling_opt_out: true,
        rights_cite: "ORS 646A.574(1)",
        appeal_cite: "ORS 646A.576(6), 646A.578(4)(c)",
        notice_cite: "ORS 646A.578(4)",
        sale_cite: "ORS 646A.578(4)(h), 646A.574(1)(d)",
        requests_cite: "ORS 646A.578(4)(i), 646A.578(5)",
        sale_definition: "ORS 646A.570",
        sensitive_cite: "ORS 646A.570",
    },
    StateLaw {
        jurisdiction: Jurisdiction::Utah,
        state: "Utah",
        act: "Utah Consumer Privacy Act",
        other_value_sells: false,
        appeal: false,
        profiling_opt_out: false,
        rights_cite: "Utah Code §13-61-201",
        appeal_cite: "",
        notice_cite: "Utah Code §13-61-302(1)(a)",
        sale_cite: "Utah Code §13-61-302(1)(b)",
        requests_cite: "Utah Code §13-61-302(1)(a)(iii), §13-61-202(1)",
        sale_definition: "Utah Code §13-61-101",
        sensitive_cite: "Utah Code §13-61-101",
    },
];

impl StateLaw {
    /// The state law a jurisdiction word declares, when it is one.
    #[must_use]
    pub fn of(jurisdiction: Jurisdiction) -> Option<&'static StateLaw> {
        STATES.iter().find(|s| s.jurisdiction == jurisdiction)
    }

    /// Whether a disclosure to this third party is a sale under this law:
    /// `None` when its consideration is not stated.
    #[must_use]
    pub fn sells(&self, third_party: &ThirdParty) -> Option<bool> {
        let paid = match third_party.consideration? {
            Consideration::Money => true,
            Consideration::OtherValue => self.other_value_sells,
            Consideration::Nothing => false,
        };
        // Every one of these laws excludes disclosures to processors, to
        // affiliates and in a merger or acquisition from "sale".
        let excluded = matches!(
            third_party.kind,
            Some(
                RecipientKind::ServiceProvider | RecipientKind::Affiliate | RecipientKind::Acquirer
            )
        );
        Some(paid && !excluded)
    }

    /// Whether an item is sensitive data under this law, by its CPRA
    /// sensitive kind. Account log-ins, union membership and the contents
    /// of communications are sensitive in California only; government
    /// identifiers and financial accounts in California and (from 1 July
    /// 2026) Connecticut; Colorado's list has no precise geolocation but has
    /// neural (biological) data.
    #[must_use]
    pub fn sensitive(&self, item: &Item) -> bool {
        use SensitiveKind::*;
        let Some(kind) = item.sensitive else {
            return false;
        };
        match kind {
            RacialOrEthnicOrigin
            | ReligiousOrPhilosophicalBeliefs
            | Health
            | SexLifeOrSexualOrientation
            | CitizenshipOrImmigration
            | Genetic
            | Biometric => true,
            PreciseGeolocation => self.jurisdiction != Jurisdiction::Colorado,
            // Colorado (biological and neural data) and Connecticut (as
            // amended by P.A. 25-113 from 1 July 2026).
            Neural => matches!(
                self.jurisdiction,
                Jurisdiction::Colorado | Jurisdiction::Connecticut
            ),
            // Connecticut added government identifiers and financial
            // account numbers with P.A. 25-113 (from 1 July 2026).
            GovernmentId | FinancialAccount => self.jurisdiction == Jurisdiction::Connecticut,
            AccountCredentials | UnionMembership | CommunicationsContent => false,
        }
    }

    /// The third parties a category is sold to under this law.
    #[must_use]
    pub fn sold_to<'p>(
        &self,
        policy: &'p Policy,
        category: &'p CcpaCategory,
    ) -> Vec<&'p Ref<ThirdParty>> {
        category
            .third_parties
            .iter()
            .filter(|r| self.sells(policy.get(*r)) == Some(true))
            .collect()
    }

    /// The collected categories this law counts as sold, with a buyer.
    pub fn sold_categories<'p>(
        &'p self,
        policy: &'p Policy,
    ) -> impl Iterator<Item = (&'p CcpaCategory, &'p Ref<ThirdParty>)> + 'p {
        collected(policy).filter_map(move |c| self.sold_to(policy, c).first().map(|t| (c, *t)))
    }

    /// The items of a category that are sensitive under this law.
    pub fn sensitive_items<'p>(
        &'p self,
        policy: &'p Policy,
        category: &'p CcpaCategory,
    ) -> impl Iterator<Item = &'p Item> + 'p {
        category
            .items
            .iter()
            .map(|r| policy.get(r))
            .filter(|i| self.sensitive(i))
    }
}

/// The collected categories of the policy.
pub fn collected(policy: &Policy) -> impl Iterator<Item = &CcpaCategory> {
    policy.ccpa.iter().filter(|c| super::ccpa::collected(c))
}

/// What shows that the business processes personal data for targeted
/// advertising: a third party of a collected category that advertises with
/// it, or a purpose of the business's own. The id, for messages, and
/// whether it is a third party.
#[must_use]
pub fn targeted_advertising(policy: &Policy) -> Option<(String, crate::source::Span)> {
    for c in collected(policy) {
        for r in &c.third_parties {
            if policy.get(r).targeted_advertising == Some(true) {
                return Some((
                    format!("the third party `{}` of the category `{}`", r.id(), c.id),
                    r.span(),
                ));
            }
        }
    }
    policy
        .purposes
        .iter()
        .find(|p| p.targeted_advertising == Some(true))
        .map(|p| (format!("the purpose `{}`", p.id), p.span))
}

/// A purpose that makes decisions with legal or similarly significant
/// effects by automated means (`automated_decisions yes`): the profiling the
/// state opt-outs reach.
#[must_use]
pub fn significant_profiling(policy: &Policy) -> Option<&crate::model::Purpose> {
    policy
        .purposes
        .iter()
        .find(|p| p.automated_decisions == Some(true))
}

/// The state laws a policy declares, in the order of [`STATES`].
pub fn declared(policy: &Policy) -> impl Iterator<Item = &'static StateLaw> + '_ {
    STATES.iter().filter(|s| policy.has(s.jurisdiction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_a_law_of_its_own_family() {
        for s in &STATES {
            let law = crate::law::Law::of(s.jurisdiction);
            assert_eq!(law.jurisdiction, s.jurisdiction);
            assert_ne!(law.family, crate::law::Family::Ccpa);
        }
    }
}
