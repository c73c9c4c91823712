//! Queries over the flows of the data map: the data sets and processing
//! activities, each stating its items, people, sources, purposes, bases,
//! recipients and retention once.

use crate::model::{
    Dataset, Item, Policy, Purpose, Recipient, Ref, RetentionRule, RetentionTarget, Subject,
};

/// The flows that collect an item.
pub fn of_item<'p>(policy: &'p Policy, item: &Ref<Item>) -> impl Iterator<Item = &'p Dataset> {
    let index = item.index();
    policy
        .datasets
        .iter()
        .filter(move |d| d.collects.iter().any(|i| i.index() == index))
}

/// The recipients of the flows that collect an item, when any of those
/// flows names recipients: where the item goes, at the grain of the item
/// (precise location kept in-house while coarse location of the same CCPA
/// row goes to ad networks). `None` when no flow says, as in policies that
/// state recipients only per CCPA row.
#[must_use]
pub fn item_recipients(policy: &Policy, item: &Ref<Item>) -> Option<Vec<Ref<Recipient>>> {
    let found = recipients(of_item(policy, item));
    let named = of_item(policy, item).any(|f| !f.recipients.is_empty());
    named.then_some(found)
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

/// The retention rules of some flows: those each flow names, and those
/// whose `applies_to` names the flow, in declaration order.
pub fn retention<'p>(policy: &'p Policy, flows: &[&'p Dataset]) -> Vec<Ref<RetentionRule>> {
    let mut out: Vec<Ref<RetentionRule>> = Vec::new();
    for f in flows {
        union(&mut out, &f.retention);
    }
    for (i, rule) in policy.retention.iter().enumerate() {
        let names_a_flow = rule.applies_to.iter().any(|t| match t {
            RetentionTarget::Dataset(d) => flows.iter().any(|f| f.id == d.id()),
            RetentionTarget::Ccpa(_) => false,
        });
        if names_a_flow && !out.iter().any(|r| r.index() == i) {
            out.push(Ref::new(rule.id.clone(), i, rule.span));
        }
    }
    out
}
