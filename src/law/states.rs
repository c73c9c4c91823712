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
//! Scope: the six laws protect residents acting in an individual or
//! household context; people acting in an employment context (employees,
//! job applicants, contractors) or a commercial one (a business customer's
//! staff) are not consumers ([`StateLaw::consumer_cite`]). California's law
//! covers them all. The fact is the subjects' `context`: a data set, or a
//! row of the `ccpa` declarations, whose subjects all have an employment or
//! commercial context is outside these laws ([`StateLaw::covers_dataset`],
//! [`StateLaw::covers_category`]); a group with no context stated stays
//! covered. Unknown facts stay unknown: a third party whose consideration is
//! not stated is not counted as a sale.
//!
//! Consent: five of the laws forbid processing sensitive data without the
//! consumer's consent (a known child's data: the parent's, or as COPPA
//! requires); Utah asks only for notice and a chance to opt out. The fact
//! is a data set's lawful basis: `basis consent`, or the Art. 9(2)
//! condition `explicit_consent` ([`consented`]).

use crate::model::words::{
    Art9Condition, Consideration, Jurisdiction, LawfulBasis, RecipientKind, SensitiveKind,
    SubjectContext,
};
use crate::model::{CcpaCategory, Dataset, Item, Policy, Purpose, Ref, Subject, ThirdParty};

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
    /// The definition of "consumer", which leaves out people acting in an
    /// employment or commercial context.
    pub consumer_cite: &'static str,
    /// The provision that forbids processing sensitive data without
    /// consent; empty when the law asks for none (Utah).
    pub consent_cite: &'static str,
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
        consumer_cite: "C.R.S. §6-1-1303(6)",
        consent_cite: "C.R.S. §6-1-1308(7); 4 CCR 904-3 Rule 6.10",
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
        consumer_cite: "Va. Code §59.1-575",
        consent_cite: "Va. Code §59.1-578(A)(5)",
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
        consumer_cite: "Conn. Gen. Stat. §42-515",
        consent_cite: "Conn. Gen. Stat. §42-520(a)(4)",
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
        consumer_cite: "Tex. Bus. & Com. Code §541.001",
        consent_cite: "Tex. Bus. & Com. Code §541.101(b)(4)",
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
        consumer_cite: "ORS 646A.570",
        consent_cite: "ORS 646A.578(2)(b)",
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
        consumer_cite: "Utah Code §13-61-101",
        consent_cite: "",
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

    /// Whether an item is sensitive data under this law, by its sensitive
    /// kind ([`StateLaw::sensitive_kind`]).
    #[must_use]
    pub fn sensitive(&self, item: &Item) -> bool {
        item.sensitive.is_some_and(|k| self.sensitive_kind(k))
    }

    /// Whether a kind of sensitive data is on this law's list. Account
    /// log-ins, union membership and the contents of communications are
    /// sensitive in California only; government identifiers and financial
    /// accounts in California and (from 1 July 2026) Connecticut; Colorado's
    /// list has no precise geolocation but has neural (biological) data, and
    /// its rules add sensitive data inferences (4 CCR 904-3 Rule 2.02);
    /// Oregon's has national origin, status as transgender or non-binary
    /// (Connecticut's too from 1 July 2026) and status as a victim of crime
    /// (Connecticut's too). Connecticut's "consumer health data" is read
    /// from `health`.
    #[must_use]
    pub fn sensitive_kind(&self, kind: SensitiveKind) -> bool {
        use SensitiveKind::*;
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
            SensitiveInference => self.jurisdiction == Jurisdiction::Colorado,
            NationalOrigin => self.jurisdiction == Jurisdiction::Oregon,
            // Connecticut by P.A. 25-113, from 1 July 2026.
            TransgenderOrNonbinary => matches!(
                self.jurisdiction,
                Jurisdiction::Oregon | Jurisdiction::Connecticut
            ),
            CrimeVictim => matches!(
                self.jurisdiction,
                Jurisdiction::Oregon | Jurisdiction::Connecticut
            ),
        }
    }

    /// Whether the personal data of a known child (under 13) is sensitive
    /// data under this law: in every one of them but Utah's.
    #[must_use]
    pub fn children_sensitive(&self) -> bool {
        self.jurisdiction != Jurisdiction::Utah
    }

    /// Whether the law protects a group of people: not when they deal with
    /// the business in an employment or a commercial context (the law's
    /// definition of "consumer", [`StateLaw::consumer_cite`]); a group with
    /// no context stated is covered.
    #[must_use]
    pub fn covers_subject(&self, subject: &Subject) -> bool {
        !matches!(
            subject.context,
            Some(SubjectContext::Employment | SubjectContext::Commercial)
        )
    }

    /// Whether the law reaches data about these subjects: when none is
    /// named, or any of them is covered.
    #[must_use]
    pub fn covers_subjects(&self, policy: &Policy, subjects: &[Ref<Subject>]) -> bool {
        subjects.is_empty() || subjects.iter().any(|r| self.covers_subject(policy.get(r)))
    }

    /// Whether the law reaches a data set: by its subjects.
    #[must_use]
    pub fn covers_dataset(&self, policy: &Policy, dataset: &Dataset) -> bool {
        self.covers_subjects(policy, &dataset.subjects)
    }

    /// Whether the law reaches a category of personal data: by the row's
    /// `subjects` when it names some, else by its data sets' (any covered
    /// data set makes the row covered; a row with neither is covered).
    #[must_use]
    pub fn covers_category(&self, policy: &Policy, category: &CcpaCategory) -> bool {
        if !category.subjects.is_empty() {
            return self.covers_subjects(policy, &category.subjects);
        }
        category.datasets.is_empty()
            || category
                .datasets
                .iter()
                .any(|d| self.covers_dataset(policy, policy.get(d)))
    }

    /// Whether the law reaches a purpose: unless every data set and row
    /// that names it is outside the law.
    #[must_use]
    pub fn covers_purpose(&self, policy: &Policy, purpose: &Purpose) -> bool {
        let named = |rs: &[Ref<Purpose>]| rs.iter().any(|r| policy.get(r).id == purpose.id);
        let mut users = policy
            .datasets
            .iter()
            .filter(|d| named(&d.purposes))
            .map(|d| self.covers_dataset(policy, d))
            .chain(
                // Only the purposes a row states itself: those derived from
                // the data sets were counted with the data sets.
                policy
                    .ccpa
                    .iter()
                    .filter(|c| c.spans.purposes.is_some() && named(&c.purposes))
                    .map(|c| self.covers_category(policy, c)),
            )
            .peekable();
        users.peek().is_none() || users.any(|covered| covered)
    }

    /// The collected categories this law reaches.
    pub fn collected<'p>(&'p self, policy: &'p Policy) -> impl Iterator<Item = &'p CcpaCategory> {
        collected(policy).filter(move |c| self.covers_category(policy, c))
    }

    /// The data sets this law reaches.
    pub fn datasets<'p>(&'p self, policy: &'p Policy) -> impl Iterator<Item = &'p Dataset> {
        policy
            .datasets
            .iter()
            .filter(move |d| self.covers_dataset(policy, d))
    }

    /// Whether a category of personal data is about known children under
    /// 13: by the row's `subjects`, or its data sets', when the law counts
    /// their data as sensitive.
    #[must_use]
    pub fn category_about_children(&self, policy: &Policy, category: &CcpaCategory) -> bool {
        let children =
            |rs: &[Ref<Subject>]| rs.iter().any(|r| policy.get(r).children == Some(true));
        self.children_sensitive()
            && (children(&category.subjects)
                || category
                    .datasets
                    .iter()
                    .any(|d| children(&policy.get(d).subjects)))
    }

    /// Whether a data set is about children the business knows to be under
    /// 13 (a subject with `children yes`).
    #[must_use]
    pub fn about_children(policy: &Policy, dataset: &Dataset) -> bool {
        dataset
            .subjects
            .iter()
            .any(|r| policy.get(r).children == Some(true))
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
        self.collected(policy)
            .filter_map(move |c| self.sold_to(policy, c).first().map(|t| (c, *t)))
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

impl StateLaw {
    /// Whether the data sets this law reaches that hold its sensitive data
    /// (a sensitive item, or a known child's data) all state consent:
    /// `None` when they hold none and no collected category lists any.
    #[must_use]
    pub fn sensitive_consented(&self, policy: &Policy) -> Option<bool> {
        let holds = |d: &Dataset| {
            (self.children_sensitive() && Self::about_children(policy, d))
                || d.collects.iter().any(|r| self.sensitive(policy.get(r)))
        };
        let holding: Vec<&Dataset> = self.datasets(policy).filter(|d| holds(d)).collect();
        let in_datasets = |r: &Ref<Item>| {
            policy
                .datasets
                .iter()
                .any(|d| d.collects.iter().any(|c| c.index() == r.index()))
        };
        let unanswered = self.collected(policy).any(|c| {
            c.items
                .iter()
                .any(|r| self.sensitive(policy.get(r)) && !in_datasets(r))
        });
        if holding.is_empty() && !unanswered {
            return None;
        }
        Some(!unanswered && holding.iter().all(|d| consented(d)))
    }
}

/// Whether a data set states the consumer's consent: a lawful basis
/// `consent`, or the Art. 9(2) condition `explicit_consent`.
#[must_use]
pub fn consented(dataset: &Dataset) -> bool {
    dataset.bases.iter().any(|b| {
        b.basis == LawfulBasis::Consent || b.special == Some(Art9Condition::ExplicitConsent)
    })
}

/// What shows that the business processes personal data for targeted
/// advertising, among the data a law reaches: a third party of a collected
/// category that advertises with it, or a purpose of the business's own.
/// The id, for messages, and where it is written.
#[must_use]
pub fn targeted_advertising(
    law: &StateLaw,
    policy: &Policy,
) -> Option<(String, crate::source::Span)> {
    for c in law.collected(policy) {
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
        .find(|p| p.targeted_advertising == Some(true) && law.covers_purpose(policy, p))
        .map(|p| (format!("the purpose `{}`", p.id), p.span))
}

/// A purpose that makes decisions with legal or similarly significant
/// effects by automated means (`automated_decisions yes`), among those a
/// law reaches: the profiling the state opt-outs reach.
#[must_use]
pub fn significant_profiling<'p>(law: &StateLaw, policy: &'p Policy) -> Option<&'p Purpose> {
    policy
        .purposes
        .iter()
        .find(|p| p.automated_decisions == Some(true) && law.covers_purpose(policy, p))
}

/// The state laws a policy declares, in the order of [`STATES`].
pub fn declared(policy: &Policy) -> impl Iterator<Item = &'static StateLaw> + '_ {
    STATES.iter().filter(|s| policy.has(s.jurisdiction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_knows_the_same_state_laws() {
        use crate::model::words::Word;
        for word in Jurisdiction::WORDS {
            let j = Jurisdiction::from_word(word).expect("a word of the set");
            assert_eq!(
                j.is_us_state_law(),
                StateLaw::of(j).is_some(),
                "`{word}`: Jurisdiction::is_us_state_law and law::states::STATES disagree"
            );
        }
    }

    #[test]
    fn every_state_is_a_law_of_its_own_family() {
        for s in &STATES {
            let law = crate::law::Law::of(s.jurisdiction);
            assert_eq!(law.jurisdiction, s.jurisdiction);
            assert_ne!(law.family, crate::law::Family::Ccpa);
        }
    }

    #[test]
    fn each_law_reads_its_own_list_of_sensitive_data() {
        use SensitiveKind::*;
        let on = |kind: SensitiveKind| -> Vec<&str> {
            STATES
                .iter()
                .filter(|s| s.sensitive_kind(kind))
                .map(|s| s.state)
                .collect()
        };
        assert_eq!(on(SensitiveInference), ["Colorado"]);
        assert_eq!(on(NationalOrigin), ["Oregon"]);
        assert_eq!(on(TransgenderOrNonbinary), ["Connecticut", "Oregon"]);
        assert_eq!(on(CrimeVictim), ["Connecticut", "Oregon"]);
        assert_eq!(on(AccountCredentials), Vec::<&str>::new());
        assert_eq!(on(Health).len(), 6);
        for kind in [
            SensitiveInference,
            NationalOrigin,
            TransgenderOrNonbinary,
            CrimeVictim,
        ] {
            assert!(!kind.cpra(), "{kind:?} is not California's");
        }
        assert!(Health.cpra() && AccountCredentials.cpra());
        let children: Vec<&str> = STATES
            .iter()
            .filter(|s| s.children_sensitive())
            .map(|s| s.state)
            .collect();
        assert!(!children.contains(&"Utah") && children.len() == 5);
        // Every law but Utah's forbids sensitive data without consent.
        for s in &STATES {
            assert_eq!(s.consent_cite.is_empty(), s.state == "Utah", "{}", s.state);
            assert!(!s.consumer_cite.is_empty());
        }
    }
}
