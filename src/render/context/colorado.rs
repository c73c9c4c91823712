//! Colorado's purpose-by-purpose table (`insert colorado_purposes`): one row
//! per purpose of the notice with the categories of personal data provided
//! for it and whether that data is sold, used for targeted advertising or
//! for profiling in furtherance of decisions with legal or similarly
//! significant effects (4 CCR 904-3 Rule 6.03(A)(1)(a)-(c)). The answers are
//! derived in `law::colorado`; an unknown fact is "not stated", never "no".
//! The words are in `wording.tera` (`w.colorado_*`).

use serde::Serialize;

use super::{AnswerView, BlockView, Builder};
use crate::law::colorado;

/// The table.
#[derive(Debug, Clone, Serialize)]
pub struct ColoradoPurposesView {
    /// One row per purpose.
    pub rows: Vec<ColoradoPurposeRow>,
}

/// One purpose.
#[derive(Debug, Clone, Serialize)]
pub struct ColoradoPurposeRow {
    /// The purpose's id, for the row's anchor.
    pub id: String,
    /// The purpose's name (plain text).
    pub name: String,
    /// The categories of personal data provided for it.
    pub categories: Vec<ColoradoCategory>,
    /// Whether the data is sold (`yes`, `no`, `not_stated`).
    pub sold: AnswerView,
    /// Whether it is used for targeted advertising.
    pub targeted_advertising: AnswerView,
    /// Whether it is used for profiling in furtherance of decisions with
    /// legal or similarly significant effects.
    pub profiling: AnswerView,
    /// The purpose's financial incentive or loyalty programme (rendered for
    /// a table cell; may be empty), which 4 CCR 904-3 Rule 6.05(F) asks to be
    /// described with the data it uses.
    pub incentive: String,
}

/// A category of personal data in Colorado's table.
#[derive(Debug, Clone, Serialize)]
pub struct ColoradoCategory {
    /// Its name (plain text).
    pub name: String,
    /// The state laws' own name for a category the data map derived under
    /// a California name (`w.state_category_term`), printed instead of
    /// `name` (`law::states::state_term`).
    pub term: Option<&'static str>,
}

impl Builder<'_> {
    /// The `colorado_purposes` block.
    pub(super) fn colorado_purposes(&self) -> BlockView {
        let colorado: Vec<&crate::law::states::StateLaw> =
            crate::law::states::StateLaw::of(crate::model::words::Jurisdiction::Colorado)
                .into_iter()
                .collect();
        let rows = colorado::purpose_uses(self.policy)
            .into_iter()
            .map(|u| ColoradoPurposeRow {
                id: u.purpose.id.clone(),
                name: u.purpose.name.clone(),
                categories: u
                    .categories
                    .iter()
                    .map(|c| ColoradoCategory {
                        name: c.name.clone(),
                        term: crate::law::states::state_term(self.policy, c, &colorado),
                    })
                    .collect(),
                sold: u.sold.into(),
                targeted_advertising: u.targeted_advertising.into(),
                profiling: u.profiling.into(),
                incentive: self.cell(u.purpose.incentive.as_deref()),
            })
            .collect();
        BlockView::ColoradoPurposes(ColoradoPurposesView { rows })
    }
}
