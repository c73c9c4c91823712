//! The CCPA notice at collection (`insert notice_at_collection [subjects]`):
//! what Cal. Civ. Code §1798.100(a) and Cal. Code Regs. tit. 11, §7012(e)
//! ask a business to tell people at or before the point of collection, built
//! from the same CCPA rows as the disclosure table.
//!
//! A business that collects online may give the notice as a link to the
//! section of its privacy policy that holds it (§7012(f)); this block is
//! that section. Naming subjects (`insert notice_at_collection applicants`)
//! gives the notice for those people only, such as the notice a job
//! applicant must receive when applying: the rows whose `subjects` include
//! them, and the rows that name no subjects (which are about everyone).
//! Every answer is the row's own, or derived from its third parties, or
//! "not stated" (`law::ccpa`); the sentences are wording, in `wording.tera`.

use serde::Serialize;

use super::{AnswerView, BlockView, Builder, CategoryView, Line, contact_lines};
use crate::law;
use crate::model::words::{Jurisdiction, Word};
use crate::model::{CcpaCategory, Item, Ref, Subject};
use crate::views;

/// The notice at collection.
#[derive(Debug, Clone, Serialize)]
pub struct CollectionView {
    /// What the notice calls the company, when it says.
    pub who: Option<String>,
    /// Whom the notice is for (plain text); empty for everyone.
    pub subjects: Vec<String>,
    /// One row per category of personal information collected from them.
    pub rows: Vec<CollectionRow>,
    /// Whether a row names kinds of sensitive personal information: the
    /// table then has a column for them.
    pub sensitive_column: bool,
    /// Whether a row names the data items collected: the table then has a
    /// column for them (a row header holds the category's name only).
    pub items_column: bool,
    /// Whether a row is sold or shared: the notice then gives the opt-out
    /// link (§7012(e)(5)).
    pub sold_or_shared: bool,
    /// The opt-out links among the CCPA request methods.
    pub opt_out: Vec<Line>,
    /// The anchor of the whole notice, without `#` (prefixed): the link to
    /// the privacy policy of §7012(e)(6).
    pub policy_anchor: String,
}

/// One category of personal information in the notice at collection.
#[derive(Debug, Clone, Serialize)]
pub struct CollectionRow {
    /// Its name, letters, purposes and retention.
    #[serde(flatten)]
    pub category: CategoryView,
    /// The names of its data items collected from these people (plain
    /// text).
    pub items: Vec<String>,
    /// The kinds of sensitive personal information among its items
    /// (§1798.140(ae)), in words: "precise geolocation".
    pub sensitive: Vec<String>,
    /// Sold?
    pub sold: AnswerView,
    /// Shared?
    pub shared: AnswerView,
    /// When only some of the row's items are sold to these people's
    /// recipients: those (plain text), as in the CCPA table.
    pub sold_items: Vec<String>,
    /// When only some of the row's items are shared: those (plain text).
    pub shared_items: Vec<String>,
}

impl Builder<'_> {
    /// The `notice_at_collection` block for these people (everyone when
    /// empty).
    pub(super) fn notice_at_collection(&self, subjects: &[Ref<Subject>]) -> BlockView {
        let policy = self.policy;
        // Where each item is collected, indexed once for every row.
        let index = views::flows::Index::new(policy);
        let rows: Vec<CollectionRow> = policy
            .ccpa
            .iter()
            .filter(|c| law::ccpa::collected(c) && covers(c, subjects))
            .map(|c| self.collection_row(c, subjects, &index))
            .collect();
        let sensitive_column = rows.iter().any(|r| !r.sensitive.is_empty());
        let items_column = rows.iter().any(|r| !r.items.is_empty());
        let sold_or_shared = rows
            .iter()
            .any(|r| r.sold == AnswerView::Yes || r.shared == AnswerView::Yes);
        let calling = self.prose.calling_code.as_deref();
        let opt_out = law::Law::of(Jurisdiction::Ccpa)
            .rights_block(policy)
            .map(|block| {
                block
                    .request_methods
                    .iter()
                    .map(|c| policy.get(c))
                    .filter(|c| law::ccpa::is_opt_out_link(c))
                    .flat_map(|c| contact_lines(c, calling))
                    .filter(|line| line.href.is_some())
                    .collect()
            })
            .unwrap_or_default();
        BlockView::NoticeAtCollection(CollectionView {
            who: policy
                .controller
                .as_ref()
                .and_then(|c| c.short_name.clone()),
            subjects: subjects
                .iter()
                .map(|s| policy.get(s).name.clone())
                .collect(),
            rows,
            sensitive_column,
            items_column,
            sold_or_shared,
            opt_out,
            policy_anchor: format!("{}privacy-policy", self.prose.id_prefix),
        })
    }

    fn collection_row(
        &self,
        category: &CcpaCategory,
        subjects: &[Ref<Subject>],
        index: &views::flows::Index,
    ) -> CollectionRow {
        let policy = self.policy;
        // For some people only, the row as it is for them: the items
        // collected from them (not the payroll records of an employees' row
        // in the applicants' notice), and the purposes, third parties and
        // retention of their data sets alone.
        let category = &views::ccpa::for_people_in(policy, index, category, subjects);
        let d = law::ccpa::disclosures(policy, category);
        let items: Vec<&Item> = category.items.iter().map(|i| policy.get(i)).collect();
        let mut sensitive: Vec<String> = Vec::new();
        for kind in items.iter().filter_map(|i| i.sensitive) {
            let word = kind.word().replace('_', " ");
            if !sensitive.contains(&word) {
                sensitive.push(word);
            }
        }
        CollectionRow {
            category: self.category_view(category),
            items: items.iter().map(|i| i.name.clone()).collect(),
            sensitive,
            sold: d.sold.value.into(),
            shared: d.shared.value.into(),
            sold_items: self.items_that(category, index, d.sold.value, law::ccpa::sells),
            shared_items: self.items_that(category, index, d.shared.value, law::ccpa::shares),
        }
    }
}

/// Whether a CCPA row is about any of these people (a notice that names
/// none is for everyone).
fn covers(category: &CcpaCategory, subjects: &[Ref<Subject>]) -> bool {
    subjects.is_empty() || subjects.iter().any(|t| law::ccpa::about(category, t.id()))
}
