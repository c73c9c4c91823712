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
use crate::model::{
    CcpaCategory, CcpaCategorySpans, Dataset, Item, Policy, Ref, RetentionTarget, Subject,
};

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

/// The flows that collect any of these items about these people (anyone
/// when `subjects` is empty), in declaration order, and references to them.
fn flows_of<'p>(
    policy: &'p Policy,
    items: &[Ref<Item>],
    subjects: &[Ref<Subject>],
) -> (Vec<&'p Dataset>, Vec<Ref<Dataset>>) {
    let mut found = Vec::new();
    let mut refs = Vec::new();
    for (i, d) in policy.datasets.iter().enumerate() {
        let collects = d
            .collects
            .iter()
            .any(|c| items.iter().any(|r| r.index() == c.index()));
        if collects && flows::about(d, subjects) {
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
    let (found, refs) = flows_of(policy, &row.items, &[]);
    fill(policy, &mut row, &found, refs);
    // A retention rule that names the row in its `applies_to` is the row's
    // too: stated once there, printed wherever the row is.
    for (i, rule) in policy.retention.iter().enumerate() {
        let names_row = rule
            .applies_to
            .iter()
            .any(|t| matches!(t, RetentionTarget::Ccpa(c) if c.id() == row.id));
        if names_row && !row.retention.iter().any(|r| r.index() == i) {
            row.retention.push(Ref::new(rule.id.clone(), i, rule.span));
        }
    }
    row
}

/// The row as it is for some people only (everyone when `subjects` is
/// empty): the items collected from them, and what the row does not state
/// itself derived from their flows alone (the applicants' notice at
/// collection gives the applicants' purposes, recipients and retention, not
/// the customers'). What the row states is the row's, whoever reads it.
#[must_use]
pub fn for_people(policy: &Policy, row: &CcpaCategory, subjects: &[Ref<Subject>]) -> CcpaCategory {
    let mut row = row.clone();
    if subjects.is_empty() || row.collected == Some(false) {
        return row;
    }
    let (found, refs) = flows_of(policy, &row.items, subjects);
    // An item no flow collects from anyone is kept: the row states it, and
    // nothing says whom it is about.
    row.items.retain(|i| {
        let mut flows = flows::of_item(policy, i).peekable();
        flows.peek().is_none() || flows.any(|f| flows::about(f, subjects))
    });
    if row.spans.datasets.is_none() {
        row.datasets.clear();
    }
    fill(policy, &mut row, &found, refs);
    row
}

/// Fills what a row does not state from these flows.
fn fill(policy: &Policy, row: &mut CcpaCategory, found: &[&Dataset], refs: Vec<Ref<Dataset>>) {
    if found.is_empty() {
        return;
    }
    if row.spans.datasets.is_none() {
        row.datasets = refs;
    }
    if row.spans.sources.is_none() {
        row.sources = Vec::new();
        for f in found {
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
        row.retention = flows::retention(policy, found);
    }
}

/// The row of a letter that the flows collect, or `None` when they collect
/// nothing of it.
fn derived(policy: &Policy, letter: CcpaLetter) -> Option<CcpaCategory> {
    let items = items_of(policy, &[letter]);
    let first = items.first()?;
    let span = policy.get(first).spans.ccpa.unwrap_or(first.span());
    let (found, refs) = flows_of(policy, &items, &[]);
    let mut sources = Vec::new();
    let mut subjects = Vec::new();
    for f in &found {
        flows::union(&mut sources, &f.sources);
        flows::union(&mut subjects, &f.subjects);
    }
    // A flow that names no one may be about anyone: the row then names no
    // one either (as a declared row that leaves out `subjects`).
    let everyone = found.iter().any(|f| f.subjects.is_empty());
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
