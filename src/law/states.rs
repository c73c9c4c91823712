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
//! Consent: most of the laws forbid processing sensitive data without the
//! consumer's consent (a known child's data: the parent's, or as COPPA
//! requires); Utah and Iowa ask only for notice and a chance to opt out.
//! The fact is a data set's `consent` (its own fact, scoped to the laws it
//! names with `under`), or a lawful basis `consent` that holds for every
//! reader ([`consented`]).

use crate::model::words::{
    Art9Condition, Consideration, Jurisdiction, LawfulBasis, RecipientKind, SensitiveKind,
    SubjectContext,
};
use crate::model::{
    CcpaCategory, Dataset, Item, Policy, PolicyDate, Purpose, Ref, Subject, ThirdParty,
};

/// What candor knows of one state law: how it derives its labels and the
/// provisions its rules cite. Each is one declaration in
/// `law/declarations.rs`.
#[derive(Debug)]
pub struct StateLaw {
    /// The word that declares it.
    pub jurisdiction: Jurisdiction,
    /// The state: "Virginia".
    pub state: &'static str,
    /// The act's name: "Virginia Consumer Data Protection Act".
    pub act: &'static str,
    /// Where the act is in the state's code: "Va. Code §59.1-575 ff.".
    pub code: &'static str,
    /// The day its duties began.
    pub in_force: PolicyDate,
    /// The provision that says who must comply.
    pub applies_cite: &'static str,
    /// Who must comply, in words: the thresholds a business that declares
    /// the law says it meets.
    pub thresholds: &'static str,
    /// Whether a "sale" includes other valuable consideration, not only
    /// money.
    pub other_value_sells: bool,
    /// Whether the law grants an appeal of a refused request (Utah does not).
    pub appeal: bool,
    /// Whether the law grants an opt-out of profiling in furtherance of
    /// decisions with legal or similarly significant effects (Utah does not).
    pub profiling_opt_out: bool,
    /// Whether the law grants an opt-out of targeted advertising (Iowa's
    /// does not).
    pub targeted_opt_out: bool,
    /// The provision granting a list of the specific third parties the
    /// consumer's data was disclosed to; empty when there is none.
    pub third_party_list_cite: &'static str,
    /// The day the right to correct began, when the law grants it.
    pub correct_from: Option<PolicyDate>,
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
    /// The kinds of sensitive data on the law's list since it came into
    /// force.
    pub sensitive_kinds: &'static [SensitiveKind],
    /// Kinds an amendment added, each with the day it counts from.
    pub sensitive_kinds_from: &'static [(SensitiveKind, PolicyDate)],
    /// Whether the personal data of a known child (under 13) is sensitive
    /// data.
    pub children_sensitive: bool,
    /// The definition of "consumer", which leaves out people acting in an
    /// employment or commercial context.
    pub consumer_cite: &'static str,
    /// The provision that forbids processing sensitive data without
    /// consent; empty when the law asks for none (Utah).
    pub consent_cite: &'static str,
    /// What the law adds for minors older than a known child, when candor
    /// has read it.
    pub minors: Option<Minors>,
    /// The provision asking the notice to name every third party personal
    /// data is or may be sold to; empty when there is none.
    pub buyers_named_cite: &'static str,
}

/// A state law's rule for minors: no targeted advertising and no sale of
/// the personal data of a consumer the controller knows to be in an age
/// band, without the consumer's consent or at all.
#[derive(Debug, Clone, Copy)]
pub struct Minors {
    /// Consent, or a ban.
    pub rule: MinorsRule,
    /// The youngest age the rule covers (0: every minor).
    pub from: u8,
    /// The oldest age it covers.
    pub to: u8,
    /// The provision.
    pub cite: &'static str,
}

/// What a law asks before a minor's data is sold or used for targeted
/// advertising.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinorsRule {
    /// The minor's consent (New Jersey, Minnesota).
    Consent,
    /// Neither at all (Maryland, Md. Code, Com. Law §14-4707(a)(4)-(5)).
    Ban,
}

/// The first of a bracketed optional literal, or "".
macro_rules! or_empty {
    () => {
        ""
    };
    ($text:literal) => {
        $text
    };
}

/// Declares [`STATES`] from `law/declarations.rs`.
macro_rules! state_law_values {
    ($(
        $variant:ident = $word:literal {
            state: $state:literal,
            act: $act:literal,
            code: $code:literal,
            in_force: $in_force:literal,
            applies: $applies:literal, $thresholds:literal,
            consumer: $consumer:literal,
            sale: $sale:literal, other_value: $other_value:literal,
            sensitive: $sensitive:literal,
            kinds: [$($kind:ident),* $(,)?],
            kinds_from: [$(($later:ident, $from:literal)),* $(,)?],
            children: $children:literal,
            rights: $rights:literal,
            correct_from: [$($correct:literal)?],
            profiling_opt_out: $profiling:literal,
            targeted_opt_out: $targeted:literal,
            third_party_list: [$($list:literal)?],
            signals: [$($signals:literal, $signals_from:literal)?],
            opt_out_link: [$($link:literal)?],
            notice: $notice:literal,
            disclose_sale: $disclose:literal,
            requests: $requests:literal,
            last_updated: [$($last_updated:literal)?],
            appeal: [$($appeal:literal)?],
            consent: [$($consent:literal)?],
            sensitive_opt_out: [$($sensitive_opt_out:literal)?],
            minors: [$($minors:ident, $minors_from:literal, $minors_to:literal, $minors_cite:literal)?],
            buyers_named: [$($buyers:literal)?],
        }
    )*) => {
        /// Every state law, in the order of their declarations.
        pub static STATES: &[StateLaw] = &[$(
            StateLaw {
                jurisdiction: Jurisdiction::$variant,
                state: $state,
                act: $act,
                code: $code,
                in_force: super::day($in_force),
                applies_cite: $applies,
                thresholds: $thresholds,
                other_value_sells: $other_value,
                appeal: !or_empty!($($appeal)?).is_empty(),
                profiling_opt_out: $profiling,
                targeted_opt_out: $targeted,
                third_party_list_cite: or_empty!($($list)?),
                correct_from: {
                    let from: &[PolicyDate] = &[$(super::day($correct))?];
                    from.first().copied()
                },
                rights_cite: $rights,
                appeal_cite: or_empty!($($appeal)?),
                notice_cite: $notice,
                sale_cite: $disclose,
                requests_cite: $requests,
                sale_definition: $sale,
                sensitive_cite: $sensitive,
                sensitive_kinds: &[$(SensitiveKind::$kind),*],
                sensitive_kinds_from: &[$((SensitiveKind::$later, super::day($from))),*],
                children_sensitive: $children,
                consumer_cite: $consumer,
                consent_cite: or_empty!($($consent)?),
                minors: {
                    let minors: &[Minors] = &[$(Minors {
                        rule: MinorsRule::$minors,
                        from: $minors_from,
                        to: $minors_to,
                        cite: $minors_cite,
                    })?];
                    minors.first().copied()
                },
                buyers_named_cite: or_empty!($($buyers)?),
            },
        )*];
    };
}

crate::state_laws!(state_law_values);

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

    /// Whether an item is sensitive data under this law on a day: a kind an
    /// amendment added counts from the day it took effect
    /// ([`StateLaw::sensitive_kind_on`]). The rules judge by this one.
    #[must_use]
    pub fn sensitive_on(&self, item: &Item, today: PolicyDate) -> bool {
        item.sensitive
            .is_some_and(|k| self.sensitive_kind_on(k, today))
    }

    /// Whether a kind of sensitive data is on this law's list (kinds an
    /// amendment added count whatever the day: see
    /// [`StateLaw::sensitive_kind_on`]).
    #[must_use]
    pub fn sensitive_kind(&self, kind: SensitiveKind) -> bool {
        self.sensitive_kinds.contains(&kind)
            || self.sensitive_kinds_from.iter().any(|(k, _)| *k == kind)
    }

    /// Whether a kind of sensitive data is on this law's list on a day:
    /// a kind an amendment added counts from the day the amendment took
    /// effect (Connecticut's P.A. 25-113 kinds from 1 July 2026).
    #[must_use]
    pub fn sensitive_kind_on(&self, kind: SensitiveKind, today: PolicyDate) -> bool {
        self.sensitive_kinds.contains(&kind)
            || self
                .sensitive_kinds_from
                .iter()
                .any(|(k, from)| *k == kind && today >= *from)
    }

    /// Whether the personal data of a known child (under 13) is sensitive
    /// data under this law: in every one of them but Utah's.
    #[must_use]
    pub fn children_sensitive(&self) -> bool {
        self.children_sensitive
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
        crate::views::flows::reaches(policy, dataset, self.jurisdiction)
            && self.covers_subjects(policy, &dataset.subjects)
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

    /// Whether the law reaches anyone the policy describes: a data set or a
    /// collected category about people it covers, or a policy that
    /// describes no one yet (nothing tells that the law does not apply).
    #[must_use]
    pub fn reaches_anyone(&self, policy: &Policy) -> bool {
        let mut groups = policy
            .datasets
            .iter()
            .map(|d| self.covers_dataset(policy, d))
            .chain(collected(policy).map(|c| self.covers_category(policy, c)))
            .peekable();
        groups.peek().is_none() || groups.any(|covered| covered)
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

    /// Every third party that buys personal data under this law, once, in
    /// the order of the categories, with the named companies (`vendor ...
    /// { recipient ... }`) that belong to it: the buyers a notice names
    /// where the law asks it to ([`StateLaw::buyers_named_cite`]).
    pub fn buyers<'p>(
        &'p self,
        policy: &'p Policy,
    ) -> Vec<(&'p Ref<ThirdParty>, Vec<&'p crate::model::Vendor>)> {
        let mut buyers: Vec<(&Ref<ThirdParty>, Vec<&crate::model::Vendor>)> = Vec::new();
        for c in self.collected(policy) {
            for t in self.sold_to(policy, c) {
                if buyers.iter().any(|(b, _)| b.id() == t.id()) {
                    continue;
                }
                let named = policy
                    .vendors
                    .iter()
                    .filter(|v| v.recipient.as_ref().is_some_and(|r| r.id() == t.id()))
                    .collect();
                buyers.push((t, named));
            }
        }
        buyers
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

/// What the state tables call a category derived from the data map, when
/// its name (Cal. Civ. Code §1798.140(v)(1)'s head words) is California's
/// own: the key of the catalogues' `w.state_category_term`. Sensitive
/// personal information (letter L) is "sensitive data" when every item of
/// the row is sensitive data under every declared law that reaches the row,
/// each law reading its own list ([`StateLaw::sensitive`], defined at
/// [`StateLaw::sensitive_cite`]); a row that holds an item one of them does
/// not list (a payment card number is sensitive personal information in
/// California, not sensitive data in Virginia) keeps California's name
/// rather than call it what that law does not. The personal information of
/// Cal. Civ. Code §1798.80(e) (letter B), which no other state's law names,
/// and the protected classifications "under California or federal law"
/// (letter C) take their plain names. A row the policy names itself keeps
/// its name; so does a row of several letters.
#[must_use]
pub fn state_term(
    policy: &Policy,
    category: &CcpaCategory,
    laws: &[&StateLaw],
) -> Option<&'static str> {
    use crate::model::words::CcpaLetter;
    if !category.derived {
        return None;
    }
    match category.statutory.as_slice() {
        [CcpaLetter::L] => {
            let reaching: Vec<&&StateLaw> = laws
                .iter()
                .filter(|l| l.covers_category(policy, category))
                .collect();
            let sensitive_everywhere = !reaching.is_empty()
                && !category.items.is_empty()
                && category
                    .items
                    .iter()
                    .all(|r| reaching.iter().all(|l| l.sensitive(policy.get(r))));
            sensitive_everywhere.then_some("sensitive")
        }
        [CcpaLetter::B] => Some("records"),
        [CcpaLetter::C] => Some("protected"),
        _ => None,
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
        Some(!unanswered && holding.iter().all(|d| consented(self, d)))
    }
}

/// Whether a data set states the consent this law asks for: a `consent`
/// that answers it (`law::states`'s own fact), or a lawful basis `consent`
/// (or the Art. 9(2) condition `explicit_consent`) that holds for every
/// reader, with no `when` condition. GDPR consent (Art. 4(11), 7) is a
/// freely given, specific, informed and unambiguous indication by a clear
/// affirmative act, which is what the state laws call consent (Colo. Rev.
/// Stat. §6-1-1303(5), "a clear, affirmative act signifying a consumer's
/// freely given, specific, informed, and unambiguous agreement", read in its
/// 2024 text; the other laws' definitions were not read here and are taken
/// to be alike, as secondary sources say); a basis with a condition holds
/// only where its condition does, and a condition is prose that cannot be
/// read for the readers it reaches, so it never answers a US law.
#[must_use]
pub fn consented(law: &StateLaw, dataset: &Dataset) -> bool {
    dataset.consent.iter().any(|c| c.answers(law.jurisdiction))
        || dataset.bases.iter().any(|b| {
            b.condition.is_none()
                && (b.basis == LawfulBasis::Consent
                    || b.special == Some(Art9Condition::ExplicitConsent))
        })
}

/// Whether a data set has a lawful basis `consent` (or `explicit_consent`)
/// under a `when` condition, which [`consented`] does not count for a US
/// law: a finding's help then says why.
#[must_use]
pub fn conditional_consent(dataset: &Dataset) -> bool {
    dataset.bases.iter().any(|b| {
        b.condition.is_some()
            && (b.basis == LawfulBasis::Consent
                || b.special == Some(Art9Condition::ExplicitConsent))
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
        for s in STATES {
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
        assert_eq!(on(NationalOrigin), ["Oregon", "Maryland"]);
        assert_eq!(
            on(TransgenderOrNonbinary),
            [
                "Connecticut",
                "Oregon",
                "Delaware",
                "New Jersey",
                "Maryland"
            ]
        );
        assert_eq!(on(CrimeVictim), ["Connecticut", "Oregon"]);
        assert_eq!(on(FinancialAccount), ["Connecticut", "New Jersey"]);
        assert_eq!(on(AccountCredentials), Vec::<&str>::new());
        assert_eq!(on(Health).len(), STATES.len());
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
        assert!(!children.contains(&"Utah") && children.len() == STATES.len() - 1);
        // Every law forbids sensitive data without consent but Utah's and
        // Iowa's (notice and an opt-out) and Maryland's (strict necessity).
        for s in STATES {
            assert_eq!(
                s.consent_cite.is_empty(),
                ["Utah", "Iowa", "Maryland"].contains(&s.state),
                "{}",
                s.state
            );
            assert!(!s.consumer_cite.is_empty());
        }
    }
}
