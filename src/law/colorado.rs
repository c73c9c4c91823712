//! The Colorado Privacy Act Rules (4 CCR 904-3) on the privacy notice, purpose
//! by purpose: Rule 6.03(A)(1) asks the notice to link each category of
//! personal data to the purposes it is provided for, and to say, for each
//! purpose, "whether the Personal Data provided for a specific purpose will
//! be sold or used for Targeted Advertising or Profiling in furtherance of
//! Decisions that Produce Legal or Similarly Significant Effects Concerning a
//! Consumer" (Rule 6.03(A)(1)(c)).
//!
//! The answers are derived from the facts the other laws read, never
//! guessed:
//!
//! - the **categories** of a purpose are the collected `ccpa` categories
//!   that name it among their `purposes`, that link a data set processed for
//!   it (`datasets`), or that list an item such a data set collects;
//! - the **third parties** of a purpose are those it names (`third_parties`
//!   on the purpose: where data provided for it goes), else every third
//!   party of its categories (a category sold for one purpose then reads as
//!   sold for each of its purposes: the facts cannot say less);
//! - **sold**: yes when a third party of the purpose buys under Colorado's
//!   definition (money or other valuable
//!   consideration, not a processor, affiliate or acquirer: C.R.S.
//!   §6-1-1303(23)); no when the purpose has categories and every one of
//!   its third parties states a consideration that is no sale; otherwise not
//!   stated;
//! - **targeted advertising**: yes when the purpose says
//!   `targeted_advertising yes` or one of its third parties advertises with
//!   the data; no when the purpose says
//!   `targeted_advertising no` and no such third party exists; otherwise not
//!   stated (a business can target advertising itself, so third parties
//!   alone cannot answer no);
//! - **profiling** in furtherance of decisions with legal or similarly
//!   significant effects: the purpose's `automated_decisions`, or no when it
//!   says `profiling no`; otherwise not stated.

use std::collections::HashSet;

use super::states::StateLaw;
use crate::model::words::Jurisdiction;
use crate::model::{CcpaCategory, Dataset, Policy, Purpose, Ref, ThirdParty};
use crate::views;

/// What the notice owes a Colorado consumer about one purpose.
#[derive(Debug)]
pub struct PurposeUse<'p> {
    /// The purpose.
    pub purpose: &'p Purpose,
    /// The collected categories of personal data provided for it.
    pub categories: Vec<&'p CcpaCategory>,
    /// The third parties data provided for it goes to: the purpose's own
    /// `third_parties`, else those of its categories.
    pub third_parties: Vec<&'p Ref<ThirdParty>>,
    /// Whether data provided for it is sold (`None`: not stated).
    pub sold: Option<bool>,
    /// Whether it is used for targeted advertising (`None`: not stated).
    pub targeted_advertising: Option<bool>,
    /// Whether it is used for profiling in furtherance of decisions with
    /// legal or similarly significant effects (`None`: not stated).
    pub profiling: Option<bool>,
}

/// The Colorado law's labels.
fn colorado() -> Option<&'static StateLaw> {
    StateLaw::of(Jurisdiction::Colorado)
}

/// The purposes of the notice (those a collected category or a data set
/// names), in declaration order, each with its categories and answers.
#[must_use]
pub fn purpose_uses(policy: &Policy) -> Vec<PurposeUse<'_>> {
    let Some(law) = colorado() else {
        return Vec::new();
    };
    // Only the data the Colorado law reaches: not employees' or business
    // contacts' (`StateLaw::covers_category`).
    let categories: Vec<&CcpaCategory> = law.collected(policy).collect();
    let named = |p: usize| {
        policy
            .datasets
            .iter()
            .any(|d| d.purposes.iter().any(|r| r.index() == p))
            || categories
                .iter()
                .any(|c| c.purposes.iter().any(|r| r.index() == p))
    };
    policy
        .purposes
        .iter()
        .enumerate()
        .filter(|(i, p)| named(*i) && law.covers_purpose(policy, p))
        .map(|(i, purpose)| {
            // The data sets processed for the purpose, and what they collect.
            let datasets: HashSet<usize> = policy
                .datasets
                .iter()
                .enumerate()
                .filter(|(_, d)| d.purposes.iter().any(|r| r.index() == i))
                .map(|(j, _)| j)
                .collect();
            let items: HashSet<usize> = datasets
                .iter()
                .flat_map(|j| policy.datasets[*j].collects.iter().map(Ref::index))
                .collect();
            let of_purpose: Vec<&CcpaCategory> = categories
                .iter()
                .copied()
                .filter(|c| {
                    c.purposes.iter().any(|r| r.index() == i)
                        || c.datasets.iter().any(|r| datasets.contains(&r.index()))
                        || c.items.iter().any(|r| items.contains(&r.index()))
                })
                .collect();
            // Where data provided for the purpose goes: the purpose's own
            // `third_parties` when it names them; else the recipients of the
            // data sets processed for it, when they name any (the data map
            // says it at the grain of the purpose); else, in policies that
            // state recipients only per CCPA row, every third party of its
            // categories.
            let flows: Vec<&Dataset> = views::flows::of_purpose(policy, i)
                .filter(|d| law.covers_dataset(policy, d))
                .collect();
            let recipients = views::flows::recipients(flows.iter().copied());
            let refs: Vec<&Ref<ThirdParty>> = if !purpose.third_parties.is_empty() {
                purpose.third_parties.iter().collect()
            } else if !recipients.is_empty() {
                let wanted: HashSet<usize> = recipients.iter().map(Ref::index).collect();
                // References held by the policy, so that they live as long.
                policy
                    .datasets
                    .iter()
                    .flat_map(|d| d.recipients.iter())
                    .filter(|r| wanted.contains(&r.index()))
                    .fold(Vec::new(), |mut out: Vec<&Ref<ThirdParty>>, r| {
                        if !out.iter().any(|x| x.index() == r.index()) {
                            out.push(r);
                        }
                        out
                    })
            } else {
                of_purpose
                    .iter()
                    .flat_map(|c| c.third_parties.iter())
                    .collect()
            };
            let third_parties = || refs.iter().map(|r| policy.get(*r));
            let sold = if of_purpose.is_empty() {
                None
            } else {
                let answers: Vec<Option<bool>> = third_parties().map(|t| law.sells(t)).collect();
                super::any_yes(&answers)
            };
            let advertiser = third_parties().any(|t| t.targeted_advertising == Some(true));
            let targeted_advertising = match purpose.targeted_advertising {
                Some(true) => Some(true),
                _ if advertiser => Some(true),
                stated => stated,
            };
            let profiling = purpose
                .automated_decisions
                .or((purpose.profiling == Some(false)).then_some(false));
            PurposeUse {
                purpose,
                categories: of_purpose,
                third_parties: refs,
                sold,
                targeted_advertising,
                profiling,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A purpose's id, its sold, targeted advertising and profiling
    /// answers, and how many categories it has.
    type Row = (String, Option<bool>, Option<bool>, Option<bool>, usize);

    fn uses(src: &str) -> Vec<Row> {
        let mut sources = crate::source::Sources::new();
        sources.add(crate::source::SourceFile::new("t.policy".into(), src));
        let policy = crate::compile_sources(sources, &[], &crate::Options::default())
            .policy
            .expect("the policy compiles");
        purpose_uses(&policy)
            .iter()
            .map(|u| {
                (
                    u.purpose.id.clone(),
                    u.sold,
                    u.targeted_advertising,
                    u.profiling,
                    u.categories.len(),
                )
            })
            .collect()
    }

    const BASE: &str = r#"
policy p "P" { jurisdictions colorado }
source you "you" { kind data_subject }
"#;

    #[test]
    fn answers_come_from_the_facts_and_unknown_stays_unknown() {
        let src = format!(
            "{BASE}
purpose service \"Service\" {{ targeted_advertising no; automated_decisions no }}
purpose ads \"Ads\" {{ targeted_advertising yes }}
purpose lending \"Credit\" {{ automated_decisions yes }}
third_party hosts \"hosts\" {{ kind service_provider; consideration money; targeted_advertising no }}
third_party brokers \"brokers\" {{ kind data_broker; consideration other_value }}
third_party unknown \"partners\" {{ kind other }}
ccpa contact \"Contact\" {{ statutory A; sources you; third_parties hosts; purposes service }}
ccpa web \"Web\" {{ statutory F; sources you; third_parties brokers; purposes ads }}
ccpa money \"Financial\" {{ statutory D; sources you; third_parties unknown; purposes lending }}
"
        );
        let got = uses(&src);
        // A processor paid by the business is no sale.
        assert_eq!(
            got[0],
            ("service".into(), Some(false), Some(false), Some(false), 1)
        );
        // Other valuable consideration is a sale in Colorado.
        assert_eq!(got[1], ("ads".into(), Some(true), Some(true), None, 1));
        // A third party whose consideration is not stated leaves "sold" unknown.
        assert_eq!(got[2], ("lending".into(), None, None, Some(true), 1));
    }

    #[test]
    fn an_advertising_third_party_makes_every_purpose_of_the_category_targeted() {
        let src = format!(
            "{BASE}
purpose service \"Service\" {{ targeted_advertising no }}
third_party ads \"ad networks\" {{ kind ad_network; consideration none; targeted_advertising yes }}
ccpa contact \"Contact\" {{ statutory A; sources you; third_parties ads; purposes service }}
"
        );
        assert_eq!(uses(&src)[0].2, Some(true));
    }

    #[test]
    fn a_purpose_that_names_its_third_parties_is_read_from_them_alone() {
        let src = format!(
            "{BASE}
purpose orders \"Orders\" {{ targeted_advertising no; third_parties hosts }}
purpose offers \"Partner offers\" {{ targeted_advertising no; third_parties brands }}
third_party hosts \"hosts\" {{ kind service_provider; consideration none; targeted_advertising no }}
third_party brands \"brands\" {{ kind other; consideration money; targeted_advertising no }}
ccpa contact \"Contact\" {{ statutory A; sources you; third_parties hosts, brands; purposes orders, offers }}
"
        );
        let got = uses(&src);
        assert_eq!(got[0].1, Some(false), "orders");
        assert_eq!(got[1].1, Some(true), "offers");
    }

    #[test]
    fn a_purpose_of_no_category_has_no_sale_answer() {
        let src = format!(
            "{BASE}
item email \"email\"
purpose service \"Service\" {{ targeted_advertising no }}
dataset d \"D\" {{ collects email; purposes service; sources you }}
"
        );
        assert_eq!(
            uses(&src),
            vec![("service".into(), None, Some(false), None, 0)]
        );
    }
}
