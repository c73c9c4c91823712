//! The facts the exports are made of that the rules also read: which items
//! are collected and by which data sets (the store labels), whether a flow
//! tracks people in the App Store's sense (and so whether the privacy
//! manifest says the app tracks, and through which domains), and whether
//! the notice honours opt-out preference signals (`gpc.json`). Here, below
//! `check` and `render`, so that `check::exports` and `render::export` both
//! read them and neither reads the other.

use std::collections::BTreeSet;

use crate::model::words::RecipientKind;
use crate::model::{Dataset, Item, Policy};

/// An item the notice says is collected, with the data sets that collect
/// it, in the order of the item declarations.
pub struct Collected<'p> {
    /// The item.
    pub item: &'p Item,
    /// The data sets and processing activities that collect it.
    pub datasets: Vec<&'p Dataset>,
}

/// Every collected item, in declaration order.
#[must_use]
pub fn collected(policy: &Policy) -> Vec<Collected<'_>> {
    let mut by_item: Vec<Vec<&Dataset>> = vec![Vec::new(); policy.items.len()];
    for d in &policy.datasets {
        for i in &d.collects {
            if let Some(list) = by_item.get_mut(i.index())
                && !list.iter().any(|x| x.id == d.id)
            {
                list.push(d);
            }
        }
    }
    policy
        .items
        .iter()
        .zip(by_item)
        .filter(|(_, ds)| !ds.is_empty())
        .map(|(item, datasets)| Collected { item, datasets })
        .collect()
}

impl Collected<'_> {
    /// Whether the item is used to track people, in the App Store's sense:
    /// what the item states (`tracking`), else what its data sets imply
    /// ([`tracks`]): yes when one of them tracks, no when none does and
    /// each answers, unknown otherwise.
    #[must_use]
    pub fn tracking(&self, policy: &Policy) -> Option<bool> {
        self.item
            .tracking
            .or_else(|| self.tracking_by_flows(policy))
    }

    /// What the item's data sets imply about tracking, whatever the item
    /// states (the rules compare the two).
    #[must_use]
    pub fn tracking_by_flows(&self, policy: &Policy) -> Option<bool> {
        let mut answer = Some(false);
        for d in &self.datasets {
            match tracks(policy, d) {
                Some(true) => return Some(true),
                Some(false) => {}
                None => answer = None,
            }
        }
        answer
    }
}

/// Whether a data set uses its items to track people, as Apple defines
/// tracking ("App privacy details on the App Store": linking data from the
/// app with other companies' data for targeted advertising or advertising
/// measurement, or sharing it with a data broker): a purpose of targeted
/// advertising, or a recipient that advertises with the data or is a data
/// broker. The same facts make the CCPA's "sharing", so the App Store label
/// and the CCPA table cannot disagree. Unknown (`None`) when a recipient
/// that could advertise does not say whether it does; those whose kind
/// rules it out (a service provider, an authority, an adviser, a buyer of
/// the business) count as no.
#[must_use]
pub fn tracks(policy: &Policy, dataset: &Dataset) -> Option<bool> {
    if dataset
        .purposes
        .iter()
        .any(|r| policy.get(r).targeted_advertising == Some(true))
    {
        return Some(true);
    }
    let mut answer = Some(false);
    for r in &dataset.recipients {
        let recipient = policy.get(r);
        if recipient.kind == Some(RecipientKind::DataBroker)
            || recipient.targeted_advertising == Some(true)
        {
            return Some(true);
        }
        let cannot_advertise = matches!(
            recipient.kind,
            Some(
                RecipientKind::ServiceProvider
                    | RecipientKind::LawEnforcement
                    | RecipientKind::Government
                    | RecipientKind::Advisor
                    | RecipientKind::Acquirer
            )
        );
        if recipient.targeted_advertising.is_none() && !cannot_advertise {
            answer = None;
        }
    }
    answer
}

/// Whether the privacy manifest says the app tracks (`NSPrivacyTracking`):
/// an item of an App Store data type that it collects is used to track
/// people ([`Collected::tracking`]).
#[must_use]
pub fn manifest_tracks(policy: &Policy) -> bool {
    collected(policy)
        .iter()
        .any(|c| c.item.apple.is_some() && c.tracking(policy) == Some(true))
}

/// The domains the privacy manifest lists in `NSPrivacyTrackingDomains`:
/// every vendor's `tracking_domains`, each once, sorted.
#[must_use]
pub fn tracking_domains(policy: &Policy) -> Vec<String> {
    let domains: BTreeSet<String> = policy
        .vendors
        .iter()
        .filter_map(|v| v.tracking_domains.as_deref())
        .flat_map(split_domains)
        .collect();
    domains.into_iter().collect()
}

/// A `tracking_domains` text's domains: comma-separated, trimmed, lower case.
#[must_use]
pub fn split_domains(text: &str) -> Vec<String> {
    text.split(',')
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .collect()
}

/// Whether the notice says it honours opt-out preference signals: a rights
/// block's `opt_out_signals` that does not refuse them ([`super::signals::read`]).
/// A notice that refuses the Global Privacy Control publishes `"gpc": false`.
#[must_use]
pub fn honours_gpc(policy: &Policy) -> bool {
    policy.rights.iter().any(|b| {
        b.opt_out_signals
            .as_deref()
            .is_some_and(|s| super::signals::read(s) != super::signals::SignalStatement::Refused)
    })
}
