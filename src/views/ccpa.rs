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
use crate::model::{CcpaCategory, CcpaCategorySpans, Dataset, Item, Policy, Ref, Subject};

use super::flows::{self, Index};

/// The rows of the CCPA table: the declared rows, completed from the data
/// map; or, when the policy names none, a derived row for each letter its
/// data sets collect.
#[must_use]
pub fn rows(policy: &Policy) -> Vec<CcpaCategory> {
    let index = Index::new(policy);
    let rows: Vec<CcpaCategory> = policy
        .ccpa
        .iter()
        .map(|row| complete(policy, &index, row))
        .collect();
    // A policy that names rows keeps its table as it names it (a letter it
    // leaves out is `ccpa::item-category`'s finding); one that names none
    // gets a row for each letter its data sets collect.
    if !rows.is_empty() {
        return rows;
    }
    CcpaLetter::WORDS
        .iter()
        .filter_map(|w| CcpaLetter::from_word(w))
        .filter_map(|letter| derived(policy, &index, letter))
        .collect()
}

/// The id prefix of a derived row: `category_a`, ... (also its anchor).
pub const DERIVED: &str = "category_";

/// The collected items of some letters, in declaration order, as
/// references.
fn items_of(policy: &Policy, index: &Index, letters: &[CcpaLetter]) -> Vec<Ref<Item>> {
    policy
        .items
        .iter()
        .enumerate()
        .filter(|(i, item)| index.collected(*i) && item.ccpa.iter().any(|l| letters.contains(l)))
        .map(|(i, item)| Ref::new(item.id.clone(), i, item.span))
        .collect()
}

/// The flows that collect any of these items about these people (anyone
/// when `subjects` is empty), in declaration order, with their indices.
fn flows_of<'p>(
    policy: &'p Policy,
    index: &Index,
    items: &[Ref<Item>],
    subjects: &[Ref<Subject>],
) -> Vec<(usize, &'p Dataset)> {
    index
        .flows_of_items(items)
        .into_iter()
        .map(|d| (d, &policy.datasets[d]))
        .filter(|(_, d)| flows::about(d, subjects))
        .collect()
}

/// A declared row with what it does not state filled in from the flows of
/// its items.
fn complete(policy: &Policy, index: &Index, row: &CcpaCategory) -> CcpaCategory {
    let mut row = row.clone();
    if row.collected == Some(false) {
        return row;
    }
    if row.spans.items.is_none() && !row.statutory.is_empty() {
        row.items = items_of(policy, index, &row.statutory);
    }
    let found = flows_of(policy, index, &row.items, &[]);
    fill(policy, index, &mut row, &found);
    // A retention rule that names the row in its `applies_to` is the row's
    // too: stated once there, printed wherever the row is.
    for &i in index.rules_of_row(&row.id) {
        if !row.retention.iter().any(|r| r.index() == i) {
            let rule = &policy.retention[i];
            row.retention.push(Ref::new(rule.id.clone(), i, rule.span));
        }
    }
    row
}

/// A declared row as the data map alone would give it: its items (those
/// it states, or with `own_items` false those of its letters), and its
/// data sets, sources, purposes, third parties and retention derived from
/// the flows of those items, whatever the row itself states. `candor
/// migrate` reads it to find what a row states twice.
#[must_use]
pub fn from_data_map(
    policy: &Policy,
    index: &Index,
    row: &CcpaCategory,
    own_items: bool,
) -> CcpaCategory {
    let mut bare = row.clone();
    if !own_items {
        bare.items.clear();
        bare.spans.items = None;
    }
    bare.datasets.clear();
    bare.sources.clear();
    bare.purposes.clear();
    bare.third_parties.clear();
    bare.third_parties_same_as = None;
    bare.retention.clear();
    bare.spans.datasets = None;
    bare.spans.sources = None;
    bare.spans.purposes = None;
    bare.spans.third_parties = None;
    bare.spans.retention = None;
    complete(policy, index, &bare)
}

/// The row as it is for some people only (everyone when `subjects` is
/// empty): the items collected from them, and what the row does not state
/// itself derived from their flows alone (the applicants' notice at
/// collection gives the applicants' purposes, recipients and retention, not
/// the customers'). What the row states is the row's, whoever reads it.
#[must_use]
pub fn for_people(policy: &Policy, row: &CcpaCategory, subjects: &[Ref<Subject>]) -> CcpaCategory {
    for_people_in(policy, &Index::new(policy), row, subjects)
}

/// [`for_people`] with the flows already indexed, for a view over every
/// row.
#[must_use]
pub fn for_people_in(
    policy: &Policy,
    index: &Index,
    row: &CcpaCategory,
    subjects: &[Ref<Subject>],
) -> CcpaCategory {
    let mut row = row.clone();
    if subjects.is_empty() || row.collected == Some(false) {
        return row;
    }
    let found = flows_of(policy, index, &row.items, subjects);
    // An item no flow collects from anyone is kept: the row states it, and
    // nothing says whom it is about.
    row.items.retain(|i| {
        let flows = index.flows_of_items(std::slice::from_ref(i));
        flows.is_empty()
            || flows
                .iter()
                .any(|&d| flows::about(&policy.datasets[d], subjects))
    });
    if row.spans.datasets.is_none() {
        row.datasets.clear();
    }
    fill(policy, index, &mut row, &found);
    row
}

/// Fills what a row does not state from these flows.
fn fill(policy: &Policy, index: &Index, row: &mut CcpaCategory, found: &[(usize, &Dataset)]) {
    if found.is_empty() {
        return;
    }
    if row.spans.datasets.is_none() {
        row.datasets = found
            .iter()
            .map(|(i, d)| Ref::new(d.id.clone(), *i, d.span))
            .collect();
    }
    if row.spans.sources.is_none() {
        row.sources = Vec::new();
        for (_, f) in found {
            flows::union(&mut row.sources, &f.sources);
        }
    }
    let datasets = || found.iter().map(|(_, d)| *d);
    if row.spans.purposes.is_none() {
        row.purposes = flows::purposes(datasets());
    }
    if row.spans.third_parties.is_none() {
        row.third_parties = flows::recipients(datasets());
    }
    if row.spans.retention.is_none() {
        row.retention = flows::retention(policy, index, found);
    }
}

/// The row of a letter that the flows collect, or `None` when they collect
/// nothing of it.
fn derived(policy: &Policy, index: &Index, letter: CcpaLetter) -> Option<CcpaCategory> {
    let items = items_of(policy, index, &[letter]);
    let first = items.first()?;
    let span = policy.get(first).spans.ccpa.unwrap_or(first.span());
    let found = flows_of(policy, index, &items, &[]);
    let mut sources = Vec::new();
    let mut subjects = Vec::new();
    for (_, f) in &found {
        flows::union(&mut sources, &f.sources);
        flows::union(&mut subjects, &f.subjects);
    }
    // A flow that names no one may be about anyone: the row then names no
    // one either (as a declared row that leaves out `subjects`).
    let everyone = found.iter().any(|(_, f)| f.subjects.is_empty());
    let datasets = || found.iter().map(|(_, d)| *d);
    Some(CcpaCategory {
        id: format!("{DERIVED}{}", letter.word().to_ascii_lowercase()),
        name: letter.statutory_name().to_owned(),
        derived: true,
        collected: None,
        statutory: vec![letter],
        examples: None,
        items,
        subjects: if everyone { Vec::new() } else { subjects },
        datasets: found
            .iter()
            .map(|(i, d)| Ref::new(d.id.clone(), *i, d.span))
            .collect(),
        sources,
        sold: None,
        shared: None,
        disclosed: None,
        third_parties: flows::recipients(datasets()),
        third_parties_same_as: None,
        purposes: flows::purposes(datasets()),
        retention: flows::retention(policy, index, &found),
        text: None,
        span,
        spans: CcpaCategorySpans::default(),
    })
}
