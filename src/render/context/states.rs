//! The "Your US state privacy rights" block (`insert state_rights`): one
//! section for every declared state law. What the laws share is said once:
//! whether the business sells (each law's definition of a sale, the laws
//! that answer alike together), its targeted advertising and profiling, the
//! rights, how to make a request and how to appeal, from the rights blocks
//! that serve the laws. What differs is said where it differs, naming the
//! states: no right to correct, no opt-out of targeted advertising or of
//! profiling, a list of the specific third parties, the right to question
//! a profiling decision, no appeal, the rules for minors. Everything is derived from the facts and the laws' declarations
//! (`law::states`); the sentences are wording, in `wording.tera`.

use serde::Serialize;

use super::{AnswerView, BlockView, Builder, CategoryView, Line, ListItem, contact_lines};
use crate::law::states::{self, MinorsRule, StateLaw};
use crate::model::words::{Art9Condition, LawfulBasis};
use crate::model::words::{Jurisdiction, RecipientKind, Word};
use crate::model::{Policy, RightsBlock};

/// The state rights: what the declared laws share, once, and where they
/// differ.
#[derive(Debug, Clone, Serialize)]
pub struct StateRightsView {
    /// Every declared state law, in catalogue order: "Colorado".
    pub states: Vec<String>,
    /// Whether the business sells, the laws that give the same answer
    /// together (one line when they all agree).
    pub sales: Vec<StateSaleView>,
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
    /// Whether each of those data sets also states how its consent is
    /// withdrawn (`withdraw` on the state `consent` or on the consent
    /// basis): only then does the sentence say the consent may be
    /// withdrawn.
    pub sensitive_withdraw: bool,
    /// The consents the data sets state under the US state laws (`consent`):
    /// how a consumer gives and withdraws each.
    pub consents: Vec<StateConsentView>,
    /// Where the laws differ, each difference with the states it concerns.
    pub differences: Vec<StateDifferenceView>,
}

/// One `consent` of a data set: the consent a state law asks for before
/// sensitive data is processed.
#[derive(Debug, Clone, Serialize)]
pub struct StateConsentView {
    /// The data set's name.
    pub name: String,
    /// The purposes it is given for, when it names some.
    pub purposes: Vec<String>,
    /// The states whose laws it answers, when it names some (every declared
    /// one otherwise).
    pub states: Vec<String>,
    /// How it is given, inline.
    pub how: String,
    /// How it is withdrawn, inline.
    pub withdraw: String,
    /// The sentence the notice prints, inline.
    pub text: String,
}

/// Whether the business sells under some of the laws' definitions.
#[derive(Debug, Clone, Serialize)]
pub struct StateSaleView {
    /// `yes` when a third party pays in the law's sense, `no` when every
    /// third party's consideration is stated and none does, `not_stated`
    /// otherwise.
    pub value: AnswerView,
    /// Whether every declared law, two or more, gives this answer.
    pub all: bool,
    /// The states whose law gives it.
    pub states: Vec<String>,
    /// Those among them whose law calls only an exchange for money a sale
    /// (Virginia, Utah).
    pub money_only: Vec<String>,
    /// Whether one among them counts other valuable consideration too.
    pub other_value: bool,
}

/// The states one rights block serves.
#[derive(Debug, Clone, Serialize)]
pub struct StateGroupView {
    /// The block's id, or empty when no block serves these states.
    pub id: String,
    /// The states: "Colorado", "Virginia".
    pub states: Vec<String>,
    /// Whether the group has a heading naming its states: when there is
    /// more than one group.
    pub heading: bool,
    /// Whether this is the only group and serves two or more laws: its
    /// rights are everyone's.
    pub all: bool,
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
}

/// One way the declared laws differ.
#[derive(Debug, Clone, Serialize)]
pub struct StateDifferenceView {
    /// `no_correct`, `no_targeted_opt_out`, `no_profiling_opt_out`,
    /// `third_party_list`, `question_profiling`, `no_appeal`,
    /// `minors_consent`, `minors_ban` or `buyers_named`.
    pub kind: &'static str,
    /// The states it concerns.
    pub states: Vec<String>,
    /// For the minors' rules: the youngest age covered (0: every minor).
    pub from: u8,
    /// For the minors' rules: the oldest age covered.
    pub to: u8,
    /// For `buyers_named`: each third party that buys, with the companies
    /// it stands for.
    pub buyers: Vec<StateBuyerView>,
}

/// A third party that buys personal data and the companies it stands for.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateBuyerView {
    /// The third party's name: "partner brands".
    pub category: String,
    /// The companies (`vendor ... { recipient ... }`): "Acme Outdoors, Inc.".
    pub companies: Vec<String>,
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
        let heading = groups.len() > 1;
        let all = groups.len() == 1 && declared.len() > 1;
        BlockView::StateRights(StateRightsView {
            states: names(&declared),
            sales: self.state_sales(&declared),
            groups: groups
                .into_iter()
                .map(|(block, laws)| self.state_group(block, &laws, heading, all))
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
            sensitive_withdraw: declared
                .iter()
                .filter(|l| {
                    !l.consent_cite.is_empty() && l.sensitive_consented(policy) == Some(true)
                })
                .all(|l| withdrawal_stated(l, policy)),
            consents: self.state_consents(&declared),
            differences: self.state_differences(&declared),
        })
    }

    /// The `consent` facts of the data sets some declared law reaches, that
    /// answer one of the declared laws, in the data sets' order.
    fn state_consents(&self, declared: &[&'static StateLaw]) -> Vec<StateConsentView> {
        let policy = self.policy;
        let mut out = Vec::new();
        for d in &policy.datasets {
            if !declared.iter().any(|l| l.covers_dataset(policy, d)) {
                continue;
            }
            for c in &d.consent {
                let laws: Vec<&'static StateLaw> = declared
                    .iter()
                    .copied()
                    .filter(|l| c.answers(l.jurisdiction))
                    .collect();
                if laws.is_empty() {
                    continue;
                }
                out.push(StateConsentView {
                    name: d.name.clone(),
                    purposes: c
                        .purposes
                        .iter()
                        .map(|r| policy.get(r).name.clone())
                        .collect(),
                    states: if c.laws.is_empty() {
                        Vec::new()
                    } else {
                        names(&laws)
                    },
                    how: self.inline(c.how.as_deref()),
                    withdraw: self.inline(c.withdraw.as_deref()),
                    text: self.inline(c.text.as_deref()),
                });
            }
        }
        out
    }

    fn state_group(
        &self,
        block: Option<&RightsBlock>,
        laws: &[&'static StateLaw],
        heading: bool,
        all: bool,
    ) -> StateGroupView {
        let policy = self.policy;
        let calling = self.prose.calling_code.as_deref();
        StateGroupView {
            id: block.map(|b| b.id.clone()).unwrap_or_default(),
            states: names(laws),
            heading,
            all,
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
        }
    }

    /// Whether the business sells under each law's definition, the laws
    /// that answer alike together.
    fn state_sales(&self, declared: &[&'static StateLaw]) -> Vec<StateSaleView> {
        let policy = self.policy;
        let mut sales: Vec<StateSaleView> = Vec::new();
        for law in declared {
            let answers: Vec<Option<bool>> = law
                .collected(policy)
                .flat_map(|c| c.third_parties.iter())
                .map(|t| law.sells(policy.get(t)))
                .collect();
            // No third party at all says nothing about sales here.
            let value: AnswerView = if answers.is_empty() {
                None
            } else {
                crate::law::any_yes(&answers)
            }
            .into();
            let sale = match sales.iter_mut().find(|s| s.value == value) {
                Some(sale) => sale,
                None => {
                    sales.push(StateSaleView {
                        value,
                        all: false,
                        states: Vec::new(),
                        money_only: Vec::new(),
                        other_value: false,
                    });
                    sales.last_mut().expect("just pushed")
                }
            };
            sale.states.push(law.state.to_owned());
            if law.other_value_sells {
                sale.other_value = true;
            } else {
                sale.money_only.push(law.state.to_owned());
            }
        }
        // "each of these laws" only when there are two or more.
        let one = sales.len() == 1 && declared.len() > 1;
        for sale in &mut sales {
            sale.all = one;
        }
        sales
    }

    /// Where the declared laws differ, in a fixed order: rights some laws
    /// lack, then rights some add, then the rules for minors.
    fn state_differences(&self, declared: &[&'static StateLaw]) -> Vec<StateDifferenceView> {
        let policy = self.policy;
        // The right to correct is judged on the notice's own date (so that
        // two builds of one source agree); a notice with none has it.
        let on = policy.effective.or(policy.updated);
        let mut differences = Vec::new();
        // A law that stands apart is named even when it is the only one
        // declared: its reader learns what it lacks or adds.
        let mut add = |kind: &'static str, laws: Vec<&'static StateLaw>, from: u8, to: u8| {
            if !laws.is_empty() {
                differences.push(StateDifferenceView {
                    kind,
                    states: names(&laws),
                    from,
                    to,
                    buyers: Vec::new(),
                });
            }
        };
        let without = |has: &dyn Fn(&StateLaw) -> bool| -> Vec<&'static StateLaw> {
            declared.iter().copied().filter(|l| !has(l)).collect()
        };
        add(
            "no_correct",
            without(&|l| {
                l.correct_from
                    .is_some_and(|from| on.is_none_or(|on| from <= on))
            }),
            0,
            0,
        );
        add(
            "no_targeted_opt_out",
            without(&|l| l.targeted_opt_out),
            0,
            0,
        );
        add(
            "no_profiling_opt_out",
            without(&|l| l.profiling_opt_out),
            0,
            0,
        );
        add(
            "third_party_list",
            without(&|l| l.third_party_list_cite.is_empty()),
            0,
            0,
        );
        // Minnesota's right to question the result of profiling in
        // furtherance of decisions with legal or similarly significant
        // effects (Minn. Stat. §325M.14 subd. 1(g)), which no other state
        // law grants: said where a purpose makes such decisions under it.
        add(
            "question_profiling",
            declared
                .iter()
                .copied()
                .filter(|l| {
                    l.jurisdiction == Jurisdiction::Minnesota
                        && states::significant_profiling(l, policy).is_some()
                })
                .collect(),
            0,
            0,
        );
        add("no_appeal", without(&|l| l.appeal), 0, 0);
        // The minors' rules, the laws with the same rule and ages together.
        let mut minors: Vec<(MinorsRule, u8, u8, Vec<&'static StateLaw>)> = Vec::new();
        for law in declared {
            let Some(m) = law.minors else { continue };
            match minors
                .iter_mut()
                .find(|(rule, from, to, _)| (*rule, *from, *to) == (m.rule, m.from, m.to))
            {
                Some((.., laws)) => laws.push(law),
                None => minors.push((m.rule, m.from, m.to, vec![law])),
            }
        }
        for (rule, from, to, laws) in minors {
            let kind = match rule {
                MinorsRule::Consent => "minors_consent",
                MinorsRule::Ban => "minors_ban",
            };
            add(kind, laws, from, to);
        }
        // The laws that ask for the buyers by name, when something is sold
        // under them: the buyers and the companies they stand for.
        let naming: Vec<&'static StateLaw> = declared
            .iter()
            .copied()
            .filter(|l| !l.buyers_named_cite.is_empty())
            .collect();
        let mut buyers: Vec<StateBuyerView> = Vec::new();
        for law in &naming {
            for (t, named) in law.buyers(policy) {
                let buyer = StateBuyerView {
                    category: policy.get(t).name.clone(),
                    companies: named.iter().map(|v| v.name.clone()).collect(),
                };
                if !buyers.contains(&buyer) {
                    buyers.push(buyer);
                }
            }
        }
        if !buyers.is_empty() {
            differences.push(StateDifferenceView {
                kind: "buyers_named",
                states: names(&naming),
                from: 0,
                to: 0,
                buyers,
            });
        }
        differences
    }
}

/// Whether each data set a law reaches that holds its sensitive data (a
/// sensitive item, or a known child's data) states how the consent it
/// rests on is withdrawn: on the `consent` that answers the law, or on a
/// consent basis that holds for every reader (as `states::consented`
/// counts them).
fn withdrawal_stated(law: &StateLaw, policy: &Policy) -> bool {
    law.datasets(policy)
        .filter(|d| {
            (law.children_sensitive() && StateLaw::about_children(policy, d))
                || d.collects.iter().any(|r| law.sensitive(policy.get(r)))
        })
        .all(|d| {
            d.consent
                .iter()
                .any(|c| c.answers(law.jurisdiction) && c.withdraw.is_some())
                || d.bases.iter().any(|b| {
                    b.condition.is_none()
                        && (b.basis == LawfulBasis::Consent
                            || b.special == Some(Art9Condition::ExplicitConsent))
                        && b.withdraw.is_some()
                })
        })
}

/// The states' names.
fn names(laws: &[&'static StateLaw]) -> Vec<String> {
    laws.iter().map(|l| l.state.to_owned()).collect()
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
    /// The state laws' own name for a category the data map derived under a
    /// California name (`sensitive`, `records`, `protected`: the key of
    /// `w.state_category_term`), printed instead of `name`
    /// ([`states::state_term`]).
    pub term: Option<&'static str>,
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
    /// When the answer is yes but only some of the row's items are sold:
    /// those (plain text), from where each item goes in the data map.
    pub items: Vec<String>,
}

impl Builder<'_> {
    /// The `state_categories` block.
    pub(super) fn state_categories(&self) -> BlockView {
        let policy = self.policy;
        let declared: Vec<&'static StateLaw> = states::declared(policy).collect();
        let index = crate::views::flows::Index::new(policy);
        // A row about people no declared law protects (employees, business
        // contacts) is not the state laws' to label.
        // Within a row, only the people the laws protect: the row as the
        // data map gives it for them (the items, purposes, recipients and
        // retention of their data sets), not the employees' or business
        // contacts' who share its category.
        let protected: Vec<crate::model::Ref<crate::model::Subject>> = policy
            .subjects
            .iter()
            .enumerate()
            .filter(|(_, s)| declared.iter().any(|l| l.covers_subject(s)))
            .map(|(i, s)| crate::model::Ref::new(s.id.clone(), i, s.span))
            .collect();
        let narrow = protected.len() < policy.subjects.len();
        let rows: Vec<StateCategoryRow> = states::collected(policy)
            .filter(|c| declared.iter().any(|l| l.covers_category(policy, c)))
            .map(|c| {
                if narrow {
                    let row = crate::views::ccpa::for_people_in(policy, &index, c, &protected);
                    self.state_category_row(&row, &declared, &index)
                } else {
                    self.state_category_row(c, &declared, &index)
                }
            })
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
        index: &crate::views::flows::Index,
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
            let answer = crate::law::any_yes(&answers);
            let items = self.items_that(category, index, answer, |t| law.sells(t));
            let value: AnswerView = answer.into();
            // Laws that answer alike, about the same items, share a group.
            match sold
                .iter_mut()
                .find(|a| a.value == value && a.items == items)
            {
                Some(a) => a.states.push(law.state.to_owned()),
                None => sold.push(StateAnswerView {
                    value,
                    states: vec![law.state.to_owned()],
                    items,
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
            term: states::state_term(policy, category, declared),
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
