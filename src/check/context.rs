//! What every rule reads: the policy, today's date, the rights blocks of
//! each law, and every piece of prose with the declaration it belongs to.
//! Built once per run, in time linear in the policy.

use crate::law::{Family, Law};
use crate::model::words::LawfulBasis;
use crate::model::{
    Basis, Dataset, Policy, PolicyDate, Ref, RetentionRule, RetentionTarget, RightsBlock,
};
use crate::model::{Block, CcpaCategory, CookieCategory, Purpose, Right};
use crate::source::Span;

use super::{finding, text};
use crate::diagnostic::Diagnostic;

/// A piece of prose and the declaration it belongs to.
pub(crate) struct Prose<'p> {
    /// The text.
    pub(crate) text: &'p str,
    /// The declaration's id (prose blocks carry no span of their own).
    pub(crate) span: Span,
    /// The declaration's kind, as a message names it: "section".
    kind: &'static str,
    /// The declaration's id.
    id: &'p str,
}

impl Prose<'_> {
    /// "section `california`", for messages.
    pub(crate) fn owner(&self) -> String {
        format!("{} `{}`", self.kind, self.id)
    }
}

/// The context of a run.
pub(crate) struct Ctx<'p> {
    /// The policy checked.
    pub(crate) policy: &'p Policy,
    /// The date date-dependent rules measure against.
    pub(crate) today: PolicyDate,
    /// The rights block of the GDPR law being checked (the EU GDPR or the
    /// UK GDPR), when the rules of that family run.
    pub(crate) gdpr_rights: Option<&'p RightsBlock>,
    /// The rights block of the CCPA, when its rules run.
    pub(crate) ccpa_rights: Option<&'p RightsBlock>,
    /// Every piece of prose of the policy.
    pub(crate) prose: &'p [Prose<'p>],
}

impl<'p> Ctx<'p> {
    /// The context for the rules of one law (`None` for the structural
    /// rules): its own rights block, so that each law's block is checked
    /// against that law.
    pub(crate) fn new(
        policy: &'p Policy,
        today: PolicyDate,
        law: Option<&Law>,
        prose: &'p [Prose<'p>],
    ) -> Self {
        let block = |family: Family| {
            law.filter(|l| l.family == family)
                .and_then(|l| l.rights_block(policy))
        };
        Ctx {
            policy,
            today,
            gdpr_rights: block(Family::Gdpr),
            ccpa_rights: block(Family::Ccpa),
            prose,
        }
    }

    /// The sentences, normalised (see [`text::normalize`]), of the prose
    /// that mentions one of `words` (in any case): the statements a rule
    /// looks for, without normalising every line of a large policy.
    pub(crate) fn sentences_about<'a>(
        &'a self,
        words: &'a [&'a str],
    ) -> impl Iterator<Item = String> + 'a {
        self.prose
            .iter()
            .filter(move |p| text::mentions_any(p.text, words))
            .flat_map(|p| text::sentences(p.text))
    }

    /// The rows of the CCPA table that list a collected category: a row
    /// that says `collected no` owes no sources, recipients or purposes.
    pub(crate) fn collected_rows(&self) -> impl Iterator<Item = &'p CcpaCategory> + 'p {
        self.policy
            .ccpa
            .iter()
            .filter(|c| crate::law::ccpa::collected(c))
    }

    /// Whether a row's category is sold, as the notice prints it: stated,
    /// else derived from its third parties (`law::ccpa`).
    pub(crate) fn sold(&self, category: &CcpaCategory) -> Option<bool> {
        crate::law::ccpa::disclosures(self.policy, category)
            .sold
            .value
    }

    /// Whether a row's category is shared, as the notice prints it.
    pub(crate) fn shared(&self, category: &CcpaCategory) -> Option<bool> {
        crate::law::ccpa::disclosures(self.policy, category)
            .shared
            .value
    }

    /// Whether any data set or cookie category relies on this lawful basis.
    pub(crate) fn uses_basis(&self, kind: LawfulBasis) -> bool {
        self.bases().any(|(b, _)| b.basis == kind)
    }

    /// Every lawful basis of the policy with the span of its owner (a data
    /// set or a cookie category).
    pub(crate) fn bases(&self) -> impl Iterator<Item = (&'p Basis, Span)> + '_ {
        let p = self.policy;
        p.datasets
            .iter()
            .flat_map(|d| d.bases.iter().map(move |b| (b, d.span)))
            .chain(
                p.cookies
                    .iter()
                    .flat_map(|c| c.bases.iter().map(move |b| (b, c.span))),
            )
    }
}

/// Where a basis is written, narrowed to `basis KIND` so that a label does
/// not cover its whole block.
pub(crate) fn basis_span(basis: &Basis) -> Span {
    basis.head
}

/// Where a right is written, narrowed to `right KIND`.
pub(crate) fn right_span(right: &Right) -> Span {
    right.head
}

/// `data set` or `processing activity`, as a message names a [`Dataset`].
pub(crate) fn noun(dataset: &Dataset) -> &'static str {
    match dataset.kind {
        crate::model::ActivityKind::Dataset => "data set",
        crate::model::ActivityKind::Processing => "processing activity",
    }
}

/// Whether a basis covers a purpose (a basis without `for` covers all of its
/// owner's purposes).
pub(crate) fn covers(basis: &Basis, purpose: &Ref<Purpose>) -> bool {
    basis.purposes.is_empty() || basis.purposes.contains(purpose)
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list<S: AsRef<str>>(words: &[S]) -> String {
    match words {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// Every piece of prose: the sections', then the declarations', in order.
pub(crate) fn collect_prose<'p>(p: &'p Policy) -> Vec<Prose<'p>> {
    let mut out = Vec::new();
    let mut add = |text: Option<&'p str>, span: Span, kind: &'static str, id: &'p str| {
        if let Some(text) = text {
            out.push(Prose {
                text,
                span,
                kind,
                id,
            });
        }
    };
    // The sections first: the statements rules look for are usually there.
    for s in &p.sections {
        for block in &s.blocks {
            if let Block::Text { markdown, span } = block {
                add(Some(markdown.as_str()), *span, "section", &s.id);
            }
        }
    }
    add(p.text.as_deref(), p.span, "policy", &p.id);
    if let Some(c) = &p.controller {
        add(c.text.as_deref(), c.span, "controller", &c.id);
    }
    for c in &p.contacts {
        add(c.text.as_deref(), c.span, "contact", &c.id);
    }
    for i in &p.items {
        add(i.text.as_deref(), i.span, "item", &i.id);
    }
    for s in &p.subjects {
        add(s.text.as_deref(), s.span, "subject", &s.id);
    }
    for s in &p.sources {
        add(s.text.as_deref(), s.span, "source", &s.id);
    }
    for m in &p.methods {
        add(m.text.as_deref(), m.span, "method", &m.id);
    }
    for x in &p.purposes {
        add(x.text.as_deref(), x.span, "purpose", &x.id);
    }
    for d in &p.datasets {
        let kind = noun(d);
        add(d.text.as_deref(), d.span, kind, &d.id);
        add(d.operations.as_deref(), d.span, kind, &d.id);
        for b in &d.bases {
            for t in [&b.text, &b.interest, &b.withdraw, &b.condition] {
                add(t.as_deref(), b.span, kind, &d.id);
            }
        }
        if let Some(r) = &d.required {
            add(r.consequence.as_deref(), d.span, kind, &d.id);
        }
    }
    for r in &p.recipients {
        add(r.shares.as_deref(), r.span, "recipient", &r.id);
        add(r.text.as_deref(), r.span, "recipient", &r.id);
    }
    for t in &p.third_parties {
        add(t.text.as_deref(), t.span, "third party", &t.id);
    }
    for v in &p.vendors {
        add(v.text.as_deref(), v.span, "vendor", &v.id);
    }
    for c in &p.cookies {
        add(c.text.as_deref(), c.span, "cookie category", &c.id);
        for b in &c.bases {
            for t in [&b.text, &b.interest, &b.withdraw, &b.condition] {
                add(t.as_deref(), b.span, "cookie category", &c.id);
            }
        }
    }
    for t in &p.transfers {
        add(t.text.as_deref(), t.span, "transfer", &t.id);
        add(t.copy.as_deref(), t.span, "transfer", &t.id);
    }
    for b in &p.rights {
        for r in &b.rights {
            add(r.text.as_deref(), r.span, "rights", &b.id);
        }
        for t in [&b.verification, &b.agents, &b.opt_out_signals, &b.text] {
            add(t.as_deref(), b.span, "rights", &b.id);
        }
    }
    for r in &p.retention {
        for t in [&r.period, &r.criteria, &r.text] {
            add(t.as_deref(), r.span, "retention rule", &r.id);
        }
    }
    for c in &p.children {
        add(c.text.as_deref(), c.span, "children", &c.id);
    }
    for c in &p.ccpa {
        add(c.examples.as_deref(), c.span, "CCPA category", &c.id);
        add(c.text.as_deref(), c.span, "CCPA category", &c.id);
    }
    for d in &p.definitions {
        add(d.text.as_deref(), d.span, "definition", &d.id);
    }
    out
}

/// The time a law gives to answer a rights request, and to extend it.
pub(crate) struct ResponseLimits {
    /// "GDPR" or "CCPA", for the message.
    pub law: &'static str,
    /// The most days an answer may take.
    pub response_days: u32,
    /// That limit in words: "the one month".
    pub response_words: &'static str,
    /// The label at a late answer.
    pub response_label: &'static str,
    /// The fix for a late answer.
    pub response_help: &'static str,
    /// The most days an extension may add.
    pub extension_days: u32,
    /// That limit in words.
    pub extension_words: &'static str,
    /// The label at a long extension.
    pub extension_label: &'static str,
    /// The fix for a long extension.
    pub extension_help: &'static str,
}

/// Reports a rights block that promises answers or extensions beyond what
/// the law allows.
pub(crate) fn response_limits(
    block: &RightsBlock,
    limits: &ResponseLimits,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(days) = block.response_days.filter(|&d| d > limits.response_days) {
        out.push(
            finding(
                block.spans.response_days.unwrap_or(block.span),
                format!(
                    "the {} rights promise an answer within {days} days, more than {} the law allows",
                    limits.law, limits.response_words
                ),
            )
            .with_label(limits.response_label)
            .with_help(limits.response_help),
        );
    }
    if let Some(days) = block.extension_days.filter(|&d| d > limits.extension_days) {
        out.push(
            finding(
                block.spans.extension_days.unwrap_or(block.span),
                format!(
                    "the {} rights allow an extension of {days} days, more than {} the law allows",
                    limits.law, limits.extension_words
                ),
            )
            .with_label(limits.extension_label)
            .with_help(limits.extension_help),
        );
    }
}

/// The retention rules that apply to each data set and each CCPA category:
/// the ones it names in its `retention`, and the ones that name it in their
/// `applies_to`. Indexes into `Policy::retention`, per position in
/// `Policy::datasets` and `Policy::ccpa`.
pub(crate) struct RetentionIndex {
    /// Per data set.
    pub datasets: Vec<Vec<usize>>,
    /// Per CCPA category.
    pub ccpa: Vec<Vec<usize>>,
}

/// Builds the [`RetentionIndex`] in one pass over the rules.
pub(crate) fn retention_index(p: &Policy) -> RetentionIndex {
    let named = |refs: &[Ref<RetentionRule>]| refs.iter().map(Ref::index).collect::<Vec<_>>();
    let mut index = RetentionIndex {
        datasets: p.datasets.iter().map(|d| named(&d.retention)).collect(),
        ccpa: p.ccpa.iter().map(|c| named(&c.retention)).collect(),
    };
    for (i, rule) in p.retention.iter().enumerate() {
        for target in &rule.applies_to {
            match target {
                RetentionTarget::Dataset(d) => index.datasets[d.index()].push(i),
                RetentionTarget::Ccpa(c) => index.ccpa[c.index()].push(i),
            }
        }
    }
    index
}

/// The vendors of a cookie category that are ad or social networks, as
/// `` `id` `` for messages.
pub(crate) fn advertising_vendors(policy: &Policy, cookie: &CookieCategory) -> Vec<String> {
    cookie
        .vendors
        .iter()
        .filter(|v| {
            policy
                .get(*v)
                .kind
                .is_some_and(crate::model::words::RecipientKind::is_advertising)
        })
        .map(|v| format!("`{}`", v.id()))
        .collect()
}
