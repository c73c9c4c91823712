//! The facts the exports are made of that the rules also read: which items
//! are collected and by which data sets (the store labels), and whether the
//! notice honours opt-out preference signals (`gpc.json`). Here, below
//! `check` and `render`, so that `check::exports` and `render::export` both
//! read them and neither reads the other.

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
