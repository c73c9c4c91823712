//! Queries over the flows of the data map: the data sets and processing
//! activities, each stating its items, people, sources, purposes, bases,
//! recipients and retention once.

use std::collections::HashMap;

use crate::model::words::Jurisdiction;
use crate::model::{
    Dataset, Item, Policy, Purpose, Recipient, Ref, RetentionRule, RetentionTarget, Subject,
};

/// Whether a law reaches a flow: the flow names no regions (it is about
/// people wherever the policy reaches), or one of its regions is the law's
/// ([`crate::model::words::Region::reached_by`]), or the law reaches all
/// the controller's processing because of where the controller is
/// established: the GDPR applies to processing in the context of an
/// establishment in the Union whoever the people are (Art. 3(1)), the UK
/// GDPR to a UK establishment's (UK GDPR Art. 3(1)); only for a controller
/// that says it is established elsewhere (`established us`) does it turn on
/// where the people are (Art. 3(2)). The US laws protect their residents
/// alone.
#[must_use]
pub fn reaches(policy: &Policy, flow: &Dataset, law: Jurisdiction) -> bool {
    if flow.regions.is_empty() || flow.regions.iter().any(|r| r.reached_by(law)) {
        return true;
    }
    // Where the controller is established; unknown (not stated) counts as
    // within the law's reach, so that a flow is taken out of the GDPR only
    // by a policy that says the controller is established elsewhere.
    let established = |region_of_law: fn(crate::model::words::Region) -> bool| {
        policy.controller.as_ref().is_none_or(|c| {
            c.established.is_empty() || c.established.iter().any(|r| region_of_law(*r))
        })
    };
    match law {
        Jurisdiction::Gdpr => established(crate::model::words::Region::is_eea),
        Jurisdiction::UkGdpr => established(|r| r == crate::model::words::Region::Uk),
        _ => false,
    }
}

/// Whether a US law reaches a flow: the CCPA's or a state law's. The
/// tables of categories (the CCPA table, the notice at collection, the
/// state tables) read these flows only.
#[must_use]
pub fn reaches_us(flow: &Dataset) -> bool {
    flow.regions.is_empty()
        || flow
            .regions
            .iter()
            .any(|r| r.reached_by(Jurisdiction::Ccpa) || r.reached_by(Jurisdiction::Virginia))
}

/// Where each item is collected and what each retention rule names, built
/// once, so that a view over every row or item reads its flows without
/// scanning every data set (the synthetic policy of 10,000 data sets has
/// 10,000 CCPA rows). The index is the US tables': a flow no US law
/// reaches (`regions eea`) collects nothing in it.
#[derive(Debug)]
pub struct Index {
    /// For each item, the data sets that collect it, in declaration order.
    by_item: Vec<Vec<usize>>,
    /// For each data set, the retention rules whose `applies_to` names it.
    rules_by_dataset: Vec<Vec<usize>>,
    /// For each CCPA row id, the retention rules whose `applies_to` names it.
    rules_by_row: HashMap<String, Vec<usize>>,
}

impl Index {
    /// Indexes the policy's flows.
    #[must_use]
    pub fn new(policy: &Policy) -> Self {
        let mut by_item = vec![Vec::new(); policy.items.len()];
        for (d, dataset) in policy.datasets.iter().enumerate() {
            if !reaches_us(dataset) {
                continue;
            }
            for item in &dataset.collects {
                let flows = &mut by_item[item.index()];
                if flows.last() != Some(&d) {
                    flows.push(d);
                }
            }
        }
        let mut rules_by_dataset = vec![Vec::new(); policy.datasets.len()];
        let mut rules_by_row: HashMap<String, Vec<usize>> = HashMap::new();
        for (r, rule) in policy.retention.iter().enumerate() {
            for target in &rule.applies_to {
                match target {
                    RetentionTarget::Dataset(d) => rules_by_dataset[d.index()].push(r),
                    RetentionTarget::Ccpa(c) => {
                        rules_by_row.entry(c.id().to_owned()).or_default().push(r);
                    }
                }
            }
        }
        Index {
            by_item,
            rules_by_dataset,
            rules_by_row,
        }
    }

    /// The data sets (indices) that collect any of these items, in
    /// declaration order.
    #[must_use]
    pub fn flows_of_items(&self, items: &[Ref<Item>]) -> Vec<usize> {
        let mut out: Vec<usize> = items
            .iter()
            .filter_map(|i| self.by_item.get(i.index()))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether some data set collects the item.
    #[must_use]
    pub fn collected(&self, item: usize) -> bool {
        self.by_item.get(item).is_some_and(|f| !f.is_empty())
    }

    /// The retention rules whose `applies_to` names the CCPA row.
    #[must_use]
    pub fn rules_of_row(&self, id: &str) -> &[usize] {
        self.rules_by_row.get(id).map_or(&[], Vec::as_slice)
    }
}

/// The flows that collect an item.
pub fn of_item<'p>(policy: &'p Policy, item: &Ref<Item>) -> impl Iterator<Item = &'p Dataset> {
    let index = item.index();
    policy
        .datasets
        .iter()
        .filter(move |d| d.collects.iter().any(|i| i.index() == index))
}

/// The recipients of the flows a US law reaches that collect an item, when
/// any of those flows names recipients: where the item goes, at the grain
/// of the item (precise location kept in-house while coarse location of
/// the same CCPA row goes to ad networks), for the US laws' rules that read
/// it. `None` when no flow says, as in policies that state recipients only
/// per CCPA row.
#[must_use]
pub fn item_recipients(policy: &Policy, item: &Ref<Item>) -> Option<Vec<Ref<Recipient>>> {
    // Empty exactly when none of the item's flows names a recipient.
    let found = recipients(of_item(policy, item).filter(|d| reaches_us(d)));
    (!found.is_empty()).then_some(found)
}

/// The items the flows naming a recipient collect, in order of first
/// appearance: what the recipient receives, at the grain of the data sets
/// (a recipient category another names as `part_of` it counts that one's
/// flows too).
#[must_use]
pub fn items_to(policy: &Policy, recipient: usize) -> Vec<Ref<Item>> {
    let reaches = |r: &Ref<Recipient>| {
        let mut at = Some(r.index());
        let mut steps = 0;
        while let Some(i) = at {
            if i == recipient {
                return true;
            }
            steps += 1;
            if steps > policy.recipients.len() {
                return false;
            }
            at = policy.recipients[i].part_of.as_ref().map(Ref::index);
        }
        false
    };
    let mut out = Vec::new();
    for d in policy
        .datasets
        .iter()
        .filter(|d| d.recipients.iter().any(reaches))
    {
        union(&mut out, &d.collects);
    }
    out
}

/// The flows processed for a purpose.
pub fn of_purpose(policy: &Policy, purpose: usize) -> impl Iterator<Item = &Dataset> {
    policy
        .datasets
        .iter()
        .filter(move |d| d.purposes.iter().any(|p| p.index() == purpose))
}

/// Whether a flow is about any of these people: it names one of them, or
/// names no one (and so may be about anyone). No people at all means
/// everyone.
#[must_use]
pub fn about(flow: &Dataset, subjects: &[Ref<Subject>]) -> bool {
    subjects.is_empty()
        || flow.subjects.is_empty()
        || flow
            .subjects
            .iter()
            .any(|s| subjects.iter().any(|t| t.index() == s.index()))
}

/// Pushes each element of `refs` not yet in `into`, keeping the order of
/// first appearance.
pub fn union<T>(into: &mut Vec<Ref<T>>, refs: &[Ref<T>]) {
    for r in refs {
        if !into.iter().any(|x| x.index() == r.index()) {
            into.push(r.clone());
        }
    }
}

/// The recipients of some flows, in order of first appearance.
pub fn recipients<'f>(flows: impl IntoIterator<Item = &'f Dataset>) -> Vec<Ref<Recipient>> {
    let mut out = Vec::new();
    for f in flows {
        union(&mut out, &f.recipients);
    }
    out
}

/// The purposes of some flows, in order of first appearance.
pub fn purposes<'f>(flows: impl IntoIterator<Item = &'f Dataset>) -> Vec<Ref<Purpose>> {
    let mut out = Vec::new();
    for f in flows {
        union(&mut out, &f.purposes);
    }
    out
}

/// The retention rules of some flows: those each flow names, then those
/// whose `applies_to` names one of the flows, in declaration order.
pub fn retention(
    policy: &Policy,
    index: &Index,
    flows: &[(usize, &Dataset)],
) -> Vec<Ref<RetentionRule>> {
    let mut out: Vec<Ref<RetentionRule>> = Vec::new();
    for (_, f) in flows {
        union(&mut out, &f.retention);
    }
    let mut named: Vec<usize> = flows
        .iter()
        .flat_map(|(d, _)| index.rules_by_dataset[*d].iter().copied())
        .collect();
    named.sort_unstable();
    named.dedup();
    for i in named {
        if !out.iter().any(|r| r.index() == i) {
            let rule = &policy.retention[i];
            out.push(Ref::new(rule.id.clone(), i, rule.span));
        }
    }
    out
}
