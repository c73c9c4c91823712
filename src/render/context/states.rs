//! The "Your US state privacy rights" block (`insert state_rights`): which
//! state laws the policy declares, and for each rights block that serves
//! them, the rights, how to make a request, the opt-outs the facts call for
//! under each law, and how to appeal. Everything is derived from the facts
//! (`law::states`); the sentences are wording, in `wording.tera`.

use serde::Serialize;

use super::{AnswerView, BlockView, Builder, CategoryView, Line, ListItem, contact_lines};
use crate::law::states::{self, StateLaw};
use crate::model::RightsBlock;
use crate::model::words::{RecipientKind, Word};

/// The state rights, grouped by the rights block that serves them.
#[derive(Debug, Clone, Serialize)]
pub struct StateRightsView {
    /// Every declared state law, in catalogue order: "Colorado".
    pub states: Vec<String>,
    /// One group per rights block; a state with no block has a group with
    /// no rights.
    pub groups: Vec<StateGroupView>,
    /// What the notice calls the company, when it says.
    pub who: Option<String>,
    /// Whether personal data is processed for targeted advertising (a third
    /// party that advertises with a collected category, or a purpose).
    pub targeted_advertising: bool,
    /// Whether a purpose makes automated decisions with legal or similarly
    /// significant effects (the profiling the state opt-outs reach).
    pub profiling: bool,
    /// The states whose law asks for consent to sensitive data and under
    /// whose list the business processes some, every data set that holds
    /// it stating the consumer's consent.
    pub sensitive_consent: Vec<String>,
}

/// The states one rights block serves.
#[derive(Debug, Clone, Serialize)]
pub struct StateGroupView {
    /// The block's id, or empty when no block serves these states.
    pub id: String,
    /// The states: "Colorado", "Virginia".
    pub states: Vec<String>,
    /// Each state's labels, derived from the facts.
    pub laws: Vec<StateLawView>,
    /// The rights, as the block lists them.
    pub rights: Vec<ListItem>,
    /// The ways to make a request.
    pub methods: Vec<Line>,
    /// How to appeal (rendered inline; may be empty).
    pub appeal: String,
    /// The attorney general's contact (rendered inline; may be empty).
    pub attorney_general: String,
    /// How universal opt-out signals are processed (4 CCR 904-3 Rule
    /// 6.03(A)(4)(e); rendered inline; may be empty).
    pub signals: String,
    /// The states among these whose law grants no appeal (Utah).
    pub no_appeal: Vec<String>,
}

/// One law's labels.
#[derive(Debug, Clone, Serialize)]
pub struct StateLawView {
    /// "Virginia".
    pub state: String,
    /// "Virginia Consumer Data Protection Act".
    pub act: String,
    /// Whether a sale needs money only (Virginia, Utah).
    pub money_only: bool,
    /// Whether the business sells under this law's definition: `yes` when
    /// a third party pays in the law's sense, `no` when every third party's
    /// consideration is stated and none does, `not_stated` otherwise.
    pub sells: AnswerView,
}

impl Builder<'_> {
    /// The `state_rights` block.
    pub(super) fn state_rights(&self) -> BlockView {
        let policy = self.policy;
        let declared: Vec<&'static StateLaw> = states::declared(policy).collect();
        let mut groups: Vec<(Option<&RightsBlock>, Vec<&'static StateLaw>)> = Vec::new();
        for law in &declared {
            let block = crate::law::Law::of(law.jurisdiction).rights_block(policy);
            match groups
                .iter_mut()
                .find(|(b, _)| b.map(|b| &b.id) == block.map(|b| &b.id))
            {
                Some((_, laws)) => laws.push(law),
                None => groups.push((block, vec![law])),
            }
        }
        BlockView::StateRights(StateRightsView {
            states: declared.iter().map(|l| l.state.to_owned()).collect(),
            groups: groups
                .into_iter()
                .map(|(block, laws)| self.state_group(block, &laws))
                .collect(),
            who: policy
                .controller
                .as_ref()
                .and_then(|c| c.short_name.clone()),
            targeted_advertising: declared
                .iter()
                .any(|l| states::targeted_advertising(l, policy).is_some()),
            profiling: declared
                .iter()
                .any(|l| states::significant_profiling(l, policy).is_some()),
            sensitive_consent: declared
                .iter()
                .filter(|l| {
                    !l.consent_cite.is_empty() && l.sensitive_consented(policy) == Some(true)
                })
                .map(|l| l.state.to_owned())
                .collect(),
        })
    }

    fn state_group(
        &self,
        block: Option<&RightsBlock>,
        laws: &[&'static StateLaw],
    ) -> StateGroupView {
        let policy = self.policy;
        let calling = self.prose.calling_code.as_deref();
        StateGroupView {
            id: block.map(|b| b.id.clone()).unwrap_or_default(),
            states: laws.iter().map(|l| l.state.to_owned()).collect(),
            laws: laws.iter().map(|l| self.state_law(l)).collect(),
            rights: block
                .map(|b| {
                    b.rights
                        .iter()
                        .map(|r| {
                            self.item(
                                &format!("{}-{}", b.id, r.kind.word()),
                                None,
                                Some(&r.name),
                                ": ",
                                r.text.as_deref(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            methods: block
                .map(|b| {
                    b.request_methods
                        .iter()
                        .flat_map(|c| contact_lines(policy.get(c), calling))
                        .collect()
                })
                .unwrap_or_default(),
            appeal: self.inline(block.and_then(|b| b.appeal.as_deref())),
            attorney_general: self.inline(block.and_then(|b| b.attorney_general.as_deref())),
            signals: self.inline(block.and_then(|b| b.opt_out_signals.as_deref())),
            no_appeal: laws
                .iter()
                .filter(|l| !l.appeal)
                .map(|l| l.state.to_owned())
                .collect(),
        }
    }

    fn state_law(&self, law: &StateLaw) -> StateLawView {
        let policy = self.policy;
        let answers: Vec<Option<bool>> = law
            .collected(policy)
            .flat_map(|c| c.third_parties.iter())
            .map(|t| law.sells(policy.get(t)))
            .collect();
        // No third party at all says nothing about sales here.
        let sells = if answers.is_empty() {
            None
        } else {
            crate::law::any_yes(&answers)
        };
        StateLawView {
            state: law.state.to_owned(),
            act: law.act.to_owned(),
            money_only: !law.other_value_sells,
            sells: sells.into(),
        }
    }
}

/// The categories of personal data with the state laws' own labels
/// (`insert state_categories`): the table a notice under Colorado,
/// Virginia, Connecticut, Texas, Oregon or Utah law gives in place of
/// California's, from the same rows. No statutory letters, no "shared" in
/// California's sense, no "business purpose": per category, the personal
/// data, its purposes, the third parties it goes to (processors and
/// affiliates are not third parties under these laws, e.g. Va. Code
/// §59.1-575), whether it is sold under each declared law's definition, and
/// whether it is used for targeted advertising.
#[derive(Debug, Clone, Serialize)]
pub struct StateCategoriesView {
    /// The declared state laws: "Colorado", "Virginia".
    pub states: Vec<String>,
    /// Whether a row has retention rules.
    pub retention_column: bool,
    /// One row per category collected.
    pub rows: Vec<StateCategoryRow>,
}

/// One category of personal data.
#[derive(Debug, Clone, Serialize)]
pub struct StateCategoryRow {
    /// Its name, sources, purposes and retention (its letters are
    /// California's and are not printed).
    #[serde(flatten)]
    pub category: CategoryView,
    /// The specific personal data (rendered for a cell; may be empty).
    pub examples: String,
    /// The names of its data items (plain text).
    pub items: Vec<String>,
    /// The third parties it is disclosed to (plain text): every third party
    /// of the row that is not a processor or an affiliate.
    pub third_parties: Vec<String>,
    /// The processors and affiliates that receive it (plain text), which
    /// these laws do not count as third parties.
    pub processors: Vec<String>,
    /// Whether it is sold, law by law, the laws that answer alike grouped.
    pub sold: Vec<StateAnswerView>,
    /// Whether it is used for targeted advertising: `yes` when a third
    /// party uses it for targeted advertising or a purpose of the row is
    /// targeted advertising, `no` when every third party says it does not
    /// and no purpose is, `not_stated` otherwise.
    pub targeted: AnswerView,
}

/// One answer and the state laws that give it.
#[derive(Debug, Clone, Serialize)]
pub struct StateAnswerView {
    /// The answer.
    pub value: AnswerView,
    /// The states whose law gives it.
    pub states: Vec<String>,
}

impl Builder<'_> {
    /// The `state_categories` block.
    pub(super) fn state_categories(&self) -> BlockView {
        let policy = self.policy;
        let declared: Vec<&'static StateLaw> = states::declared(policy).collect();
        // A row about people no declared law protects (employees, business
        // contacts) is not the state laws' to label.
        let rows: Vec<StateCategoryRow> = states::collected(policy)
            .filter(|c| declared.iter().any(|l| l.covers_category(policy, c)))
            .map(|c| self.state_category_row(c, &declared))
            .collect();
        BlockView::StateCategories(StateCategoriesView {
            states: declared.iter().map(|l| l.state.to_owned()).collect(),
            retention_column: rows.iter().any(|r| !r.category.retention.is_empty()),
            rows,
        })
    }

    fn state_category_row(
        &self,
        category: &crate::model::CcpaCategory,
        declared: &[&'static StateLaw],
    ) -> StateCategoryRow {
        let policy = self.policy;
        let third_parties: Vec<&crate::model::ThirdParty> = category
            .third_parties
            .iter()
            .map(|t| policy.get(t))
            .collect();
        let mut sold: Vec<StateAnswerView> = Vec::new();
        for law in declared
            .iter()
            .filter(|l| l.covers_category(policy, category))
        {
            let answers: Vec<Option<bool>> = third_parties.iter().map(|t| law.sells(t)).collect();
            let value: AnswerView = crate::law::any_yes(&answers).into();
            match sold.iter_mut().find(|a| a.value == value) {
                Some(a) => a.states.push(law.state.to_owned()),
                None => sold.push(StateAnswerView {
                    value,
                    states: vec![law.state.to_owned()],
                }),
            }
        }
        // A purpose of the business's own that is targeted advertising, or
        // else what its third parties say.
        let targeted = if category
            .purposes
            .iter()
            .any(|p| policy.get(p).targeted_advertising == Some(true))
        {
            Some(true)
        } else {
            let answers: Vec<Option<bool>> = third_parties
                .iter()
                .map(|t| t.targeted_advertising)
                .collect();
            crate::law::any_yes(&answers)
        };
        StateCategoryRow {
            category: self.category_view(category),
            examples: self.cell(category.examples.as_deref()),
            items: category
                .items
                .iter()
                .map(|i| policy.get(i).name.clone())
                .collect(),
            third_parties: third_parties
                .iter()
                .filter(|t| !not_a_third_party(t))
                .map(|t| t.name.clone())
                .collect(),
            processors: third_parties
                .iter()
                .filter(|t| not_a_third_party(t))
                .map(|t| t.name.clone())
                .collect(),
            sold,
            targeted: targeted.into(),
        }
    }
}

/// Whether the state laws do not count this recipient as a third party: a
/// processor or an affiliate (e.g. Va. Code §59.1-575, "third party").
fn not_a_third_party(third_party: &crate::model::ThirdParty) -> bool {
    matches!(
        third_party.kind,
        Some(RecipientKind::ServiceProvider | RecipientKind::Affiliate)
    )
}
