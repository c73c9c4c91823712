//! The rows of the CCPA disclosure table, as views of the data map.
//!
//! Each row is a statutory category of personal information (Cal. Civ. Code
//! §1798.140(v)(1)(A)-(L)). Its items are the collected items of its
//! letters; its people, sources, purposes, third parties and retention are
//! those of the flows (data sets and processing activities) that collect
//! them; whether it is sold, shared or disclosed follows from its third
//! parties (`law::ccpa`).
//!
//! A `ccpa` declaration names a row and orders it: its name, examples and
//! place are presentation. What it does not state is derived from the
//! flows; what it states (the older shape, where rows repeated the data
//! sets' facts) is kept and compared with the facts by the rules. A policy
//! that names no row gets one for each letter its data sets collect, named
//! as the statute names the category.

use crate::model::words::{CcpaLetter, Word};
use crate::model::{CcpaCategory, CcpaCategorySpans, Dataset, Item, Policy, Ref};

use super::flows;

/// The rows of the CCPA table: the declared rows, completed from the data
/// map; or, when the policy names none, a derived row for each letter its
/// data sets collect.
#[must_use]
pub fn rows(policy: &Policy) -> Vec<CcpaCategory> {
    let mut rows: Vec<CcpaCategory> = policy
        .ccpa
        .iter()
        .map(|row| complete(policy, row))
        .collect();
    // A policy that names rows keeps its table as it names it (a letter it
    // leaves out is `ccpa::item-category`'s finding); one that names none
    // gets a row for each letter its data sets collect.
    if !rows.is_empty() {
        return rows;
    }
    for letter in CcpaLetter::WORDS
        .iter()
        .filter_map(|w| CcpaLetter::from_word(w))
    {
        let covered = rows
            .iter()
            .any(|r| r.collected != Some(false) && r.statutory.contains(&letter));
        if covered {
            continue;
        }
        if let Some(row) = derived(policy, letter) {
            rows.push(row);
        }
    }
    rows
}

/// The id prefix of a derived row: `category_a`, ... (also its anchor).
pub const DERIVED: &str = "category_";

/// The collected items of some letters, in declaration order, as
/// references.
fn items_of(policy: &Policy, letters: &[CcpaLetter]) -> Vec<Ref<Item>> {
    policy
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.ccpa.iter().any(|l| letters.contains(l)))
        .map(|(i, item)| Ref::new(item.id.clone(), i, item.span))
        .filter(|r| flows::of_item(policy, r).next().is_some())
        .collect()
}

/// The flows that collect any of these items, in declaration order, and
/// references to them.
fn flows_of<'p>(policy: &'p Policy, items: &[Ref<Item>]) -> (Vec<&'p Dataset>, Vec<Ref<Dataset>>) {
    let mut found = Vec::new();
    let mut refs = Vec::new();
    for (i, d) in policy.datasets.iter().enumerate() {
        if d.collects
            .iter()
            .any(|c| items.iter().any(|r| r.index() == c.index()))
        {
            found.push(d);
            refs.push(Ref::new(d.id.clone(), i, d.span));
        }
    }
    (found, refs)
}

/// A declared row with what it does not state filled in from the flows of
/// its items.
fn complete(policy: &Policy, row: &CcpaCategory) -> CcpaCategory {
    let mut row = row.clone();
    if row.collected == Some(false) {
        return row;
    }
    if row.spans.items.is_none() && !row.statutory.is_empty() {
        row.items = items_of(policy, &row.statutory);
    }
    let (found, refs) = flows_of(policy, &row.items);
    if found.is_empty() {
        return row;
    }
    if row.spans.datasets.is_none() {
        row.datasets = refs;
    }
    if row.spans.sources.is_none() {
        row.sources = Vec::new();
        for f in &found {
            flows::union(&mut row.sources, &f.sources);
        }
    }
    if row.spans.purposes.is_none() {
        row.purposes = flows::purposes(found.iter().copied());
    }
    if row.spans.third_parties.is_none() {
        row.third_parties = flows::recipients(found.iter().copied());
    }
    if row.spans.retention.is_none() {
        row.retention = flows::retention(policy, &found);
    }
    row
}

/// The row of a letter that the flows collect, or `None` when they collect
/// nothing of it.
fn derived(policy: &Policy, letter: CcpaLetter) -> Option<CcpaCategory> {
    let items = items_of(policy, &[letter]);
    let first = items.first()?;
    let span = policy.get(first).spans.ccpa.unwrap_or(first.span());
    let (found, refs) = flows_of(policy, &items);
    let mut sources = Vec::new();
    let mut subjects = Vec::new();
    for f in &found {
        flows::union(&mut sources, &f.sources);
        flows::union(&mut subjects, &f.subjects);
    }
    // A row about everyone the flows are about names no one (as a declared
    // row that leaves out `subjects`); it names people only when some flow
    // is about some people and not others.
    let everyone =
        found.iter().any(|f| f.subjects.is_empty()) || subjects.len() == policy.subjects.len();
    Some(CcpaCategory {
        id: format!("{DERIVED}{}", letter.word().to_ascii_lowercase()),
        name: letter.statutory_name().to_owned(),
        derived: true,
        collected: None,
        statutory: vec![letter],
        examples: None,
        items,
        subjects: if everyone { Vec::new() } else { subjects },
        datasets: refs,
        sources,
        sold: None,
        shared: None,
        disclosed: None,
        third_parties: flows::recipients(found.iter().copied()),
        third_parties_same_as: None,
        purposes: flows::purposes(found.iter().copied()),
        retention: flows::retention(policy, &found),
        text: None,
        span,
        spans: CcpaCategorySpans::default(),
    })
}
