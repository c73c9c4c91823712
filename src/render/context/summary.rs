//! The short first layer of a layered notice (`insert summary`): the WP29
//! guidelines on transparency (WP260 rev.01, endorsed by the EDPB)
//! recommend layered privacy statements online, a first layer with the
//! information that most affects the reader and links to the rest (the
//! paragraph numbers were not checked against the text). Every line comes
//! from the facts the full notice prints:
//!
//! - who is responsible and how to reach them (the controller, its e-mail,
//!   phone and web address);
//! - what is collected (the data sets of the data table, else the data
//!   items);
//! - why (the purposes of those data sets, else every purpose);
//! - who receives it (every recipient and category of third party);
//! - what is sold or shared (from the CCPA rows' answers, as the CCPA table
//!   prints them, when the policy declares the CCPA);
//! - the reader's rights and how to use them (every rights block's rights
//!   and ways to make a request).
//!
//! Each line links to the section of the notice that says it in full. The
//! labels and sentences are wording (`w.summary_*` in `wording.tera`).

use serde::Serialize;

use super::{AnswerView, BlockView, Builder, Line, contact_lines, controller_lines};
use crate::law;
use crate::model::words::Jurisdiction;
use crate::model::{Block, Insert, Section};

/// The summary.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryView {
    /// Its lines, in the order above; a line whose facts the policy does
    /// not state is left out.
    pub items: Vec<SummaryItem>,
}

/// One line of the summary.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryItem {
    /// What it tells (`w.summary_label`): `responsible`, `collected`,
    /// `purposes`, `recipients`, `sold`, `shared`, `rights`, `requests`.
    pub key: String,
    /// The names it lists (plain text).
    pub names: Vec<String>,
    /// Ways to reach someone, with their links.
    pub lines: Vec<Line>,
    /// For `sold` and `shared`: `yes` (then `names` are the categories),
    /// or `no` (nothing is).
    pub answer: AnswerView,
    /// The anchor of the section of the notice that says it in full
    /// (prefixed, without `#`), or empty.
    pub anchor: String,
}

impl SummaryItem {
    fn new(key: &str, names: Vec<String>, anchor: String) -> Self {
        SummaryItem {
            key: key.to_owned(),
            names,
            lines: Vec::new(),
            answer: AnswerView::NotStated,
            anchor,
        }
    }
}

/// Names without repeats, in their first order.
fn unique(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let name = name.trim().to_owned();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

impl Builder<'_> {
    /// The sections the notice prints, in order.
    fn printed_sections(&self) -> Vec<&Section> {
        let policy = self.policy;
        if policy.outline.is_empty() {
            policy.sections.iter().collect()
        } else {
            policy.outline.iter().map(|r| policy.get(r)).collect()
        }
    }

    /// The anchor of the first printed section with an insert that `wanted`
    /// accepts, or empty.
    fn anchor_of(&self, wanted: impl Fn(&Insert) -> bool) -> String {
        self.printed_sections()
            .into_iter()
            .find(|s| {
                s.blocks
                    .iter()
                    .any(|b| matches!(b, Block::Insert { insert } if wanted(insert)))
            })
            .map(|s| format!("{}{}", self.prose.id_prefix, s.id))
            .unwrap_or_default()
    }

    /// The `summary` block.
    pub(super) fn summary(&self) -> BlockView {
        let policy = self.policy;
        let calling = self.prose.calling_code.as_deref();
        let mut items = Vec::new();

        if let Some(controller) = &policy.controller {
            let mut item = SummaryItem::new(
                "responsible",
                vec![controller.name.clone()],
                self.anchor_of(|i| matches!(i, Insert::Controller | Insert::Contacts { .. })),
            );
            item.lines = controller_lines(controller, policy, calling)
                .into_iter()
                .filter(|l| {
                    l.key.as_deref().is_some_and(|k| {
                        matches!(
                            k,
                            "controller.email"
                                | "controller.phone"
                                | "controller.phone_toll_free"
                                | "controller.url"
                        )
                    })
                })
                .collect();
            items.push(item);
        }

        let datasets: Vec<_> = policy.table_datasets().collect();
        let collected = if datasets.is_empty() {
            unique(policy.items.iter().map(|i| i.name.clone()))
        } else {
            unique(datasets.iter().map(|d| d.name.clone()))
        };
        let data_anchor = self.anchor_of(|i| {
            matches!(
                i,
                Insert::Datasets
                    | Insert::Processing { .. }
                    | Insert::CcpaTable
                    | Insert::StateCategories
                    | Insert::NoticeAtCollection { .. }
            )
        });
        if !collected.is_empty() {
            items.push(SummaryItem::new(
                "collected",
                collected,
                data_anchor.clone(),
            ));
        }

        let purposes = if datasets.is_empty() {
            unique(policy.purposes.iter().map(|p| p.name.clone()))
        } else {
            unique(
                datasets
                    .iter()
                    .flat_map(|d| &d.purposes)
                    .map(|p| policy.get(p).name.clone()),
            )
        };
        if !purposes.is_empty() {
            items.push(SummaryItem::new("purposes", purposes, data_anchor.clone()));
        }

        let recipients = unique(policy.recipients.iter().map(|r| r.name.clone()));
        if !recipients.is_empty() {
            let anchor = self.anchor_of(|i| {
                matches!(
                    i,
                    Insert::Recipients | Insert::CcpaTable | Insert::StateCategories
                )
            });
            items.push(SummaryItem::new("recipients", recipients, anchor));
        }

        if policy.has(Jurisdiction::Ccpa) {
            let rows: Vec<_> = policy
                .ccpa
                .iter()
                .filter(|c| law::ccpa::collected(c))
                .map(|c| (c, law::ccpa::disclosures(policy, c)))
                .collect();
            let anchor = self.anchor_of(|i| matches!(i, Insert::CcpaTable));
            for (key, answer) in [
                (
                    "sold",
                    rows.iter()
                        .map(|(c, d)| (c, d.sold.value))
                        .collect::<Vec<_>>(),
                ),
                (
                    "shared",
                    rows.iter().map(|(c, d)| (c, d.shared.value)).collect(),
                ),
            ] {
                let yes = unique(
                    answer
                        .iter()
                        .filter(|(_, v)| *v == Some(true))
                        .map(|(c, _)| c.name.clone()),
                );
                let all_no = !answer.is_empty() && answer.iter().all(|(_, v)| *v == Some(false));
                if !yes.is_empty() || all_no {
                    let mut item = SummaryItem::new(key, yes.clone(), anchor.clone());
                    item.answer = if yes.is_empty() {
                        AnswerView::No
                    } else {
                        AnswerView::Yes
                    };
                    items.push(item);
                }
            }
        }

        let rights = unique(
            policy
                .rights
                .iter()
                .flat_map(|b| &b.rights)
                .map(|r| r.name.clone()),
        );
        if !rights.is_empty() {
            let anchor = self.anchor_of(|i| {
                matches!(
                    i,
                    Insert::Rights { .. } | Insert::StateRights | Insert::Requests { .. }
                )
            });
            items.push(SummaryItem::new("rights", rights, anchor));
        }
        let mut methods: Vec<&crate::model::Contact> = Vec::new();
        for block in &policy.rights {
            for c in &block.request_methods {
                let contact = policy.get(c);
                if !methods.iter().any(|m| m.id == contact.id) {
                    methods.push(contact);
                }
            }
        }
        if !methods.is_empty() {
            let anchor = self.anchor_of(|i| {
                matches!(
                    i,
                    Insert::Requests { .. } | Insert::StateRights | Insert::Rights { .. }
                )
            });
            let mut item = SummaryItem::new("requests", Vec::new(), anchor);
            item.lines = methods
                .into_iter()
                .flat_map(|c| contact_lines(c, calling))
                .collect();
            items.push(item);
        }

        BlockView::Summary(SummaryView { items })
    }
}
