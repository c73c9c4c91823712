//! What every rule reads: the policy, today's date, the rights blocks of
//! each law, and every piece of prose with the declaration it belongs to.
//! Built once per run, in time linear in the policy.

use crate::law::{Family, Law};
use crate::model::words::LawfulBasis;
use crate::model::{
    Basis, Dataset, Policy, PolicyDate, Ref, RetentionRule, RetentionTarget, RightsBlock,
};
use crate::model::{Block, CcpaCategory, CookieCategory, Purpose, RecipientList, Right};
use crate::schema::HasProse;
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
    pub(crate) kind: &'static str,
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
    /// The law whose rules run (`None` for the structural rules).
    pub(crate) law: Option<&'static Law>,
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
        law: Option<&'static Law>,
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
            law,
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

    /// Whether the law whose rules run reaches a flow (its `regions`); the
    /// structural rules read every flow.
    pub(crate) fn reaches(&self, flow: &crate::model::Dataset) -> bool {
        self.law
            .is_none_or(|l| crate::views::flows::reaches(self.policy, flow, l.jurisdiction))
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

/// Every piece of prose: the sections', then the policy's, then each
/// declaration's, kind by kind in the model's order. A declaration's prose
/// is every field the schema marks `prose` ([`HasProse`]), so a new prose
/// field is read without changing this.
pub(crate) fn collect_prose<'p>(p: &'p Policy) -> Vec<Prose<'p>> {
    let mut out = Vec::new();
    // The sections first: the statements rules look for are usually there.
    for s in &p.sections {
        for block in &s.blocks {
            if let Block::Text { markdown, span } = block {
                out.push(Prose {
                    text: markdown,
                    span: *span,
                    kind: "section",
                    id: &s.id,
                });
            }
        }
    }
    if let Some(text) = &p.text {
        out.push(Prose {
            text,
            span: p.span,
            kind: "policy",
            id: &p.id,
        });
    }
    let mut add = |decl: &'p dyn HasProse, kind: &'static str, id: &'p str| {
        decl.each_prose(&mut |text, span| {
            out.push(Prose {
                text,
                span,
                kind,
                id,
            });
        });
    };
    if let Some(c) = &p.controller {
        add(c, "controller", &c.id);
    }
    for c in &p.contacts {
        add(c, "contact", &c.id);
    }
    for i in &p.items {
        add(i, "item", &i.id);
    }
    for s in &p.subjects {
        add(s, "subject", &s.id);
    }
    for s in &p.sources {
        add(s, "source", &s.id);
    }
    for m in &p.methods {
        add(m, "method", &m.id);
    }
    for x in &p.purposes {
        add(x, "purpose", &x.id);
    }
    for d in &p.datasets {
        add(d, noun(d), &d.id);
    }
    for r in &p.recipients {
        let noun = match r.list {
            RecipientList::Recipients => "recipient",
            RecipientList::ThirdParties => "third party",
        };
        add(r, noun, &r.id);
    }
    for v in &p.vendors {
        add(v, "vendor", &v.id);
    }
    for c in &p.cookies {
        add(c, "cookie category", &c.id);
    }
    for t in &p.transfers {
        add(t, "transfer", &t.id);
    }
    for b in &p.rights {
        add(b, "rights", &b.id);
    }
    for r in &p.retention {
        add(r, "retention rule", &r.id);
    }
    for c in &p.children {
        add(c, "children", &c.id);
    }
    for c in &p.ccpa {
        add(c, "CCPA category", &c.id);
    }
    for d in &p.definitions {
        add(d, "definition", &d.id);
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

#[cfg(test)]
mod tests {
    use super::collect_prose;
    use crate::schema::{self, BASIS_FIELDS, CONSENT_FIELDS, FieldSpec, RIGHT_FIELDS, Shape};
    use crate::source::{SourceFile, Sources};
    use crate::syntax::tree::DeclKind;

    /// The lines that write `marker` into a prose field, one per place the
    /// field's shape holds prose.
    fn lines(field: &FieldSpec, marker: &str) -> Vec<String> {
        let kw = field.keyword;
        let nested = |specs: &[FieldSpec], head: &str| -> Vec<String> {
            specs
                .iter()
                .filter(|f| f.is_prose())
                .map(|f| format!("{head} {{\n{} \"{marker}\"\n}}", f.keyword))
                .collect()
        };
        match field.shape {
            Shape::Text => vec![format!("{kw} \"{marker}\"")],
            Shape::Requirement => vec![format!("{kw} yes \"{marker}\"")],
            Shape::Basis => {
                let mut out = nested(BASIS_FIELDS, &format!("{kw} consent"));
                out.push(format!("{kw} consent when \"{marker}\""));
                out
            }
            Shape::Consent => nested(CONSENT_FIELDS, kw),
            Shape::Right => nested(RIGHT_FIELDS, &format!("{kw} access \"Access\"")),
            other => panic!("`{kw}` is marked prose, but its shape {other:?} holds no text"),
        }
    }

    /// Every field the schema marks as prose, of every kind (and in the
    /// blocks of a basis and a right), is read by the text rules: a marker
    /// written there comes out of `collect_prose`.
    #[test]
    fn every_prose_field_of_the_schema_is_scanned() {
        let mut checked = 0;
        for kind in schema::KINDS {
            for field in kind.fields.iter().filter(|f| f.is_prose()) {
                for (n, line) in lines(field, "MARKER").into_iter().enumerate() {
                    let marker = format!("marker {} {} {n}", kind.keyword, field.keyword);
                    let line = line.replace("MARKER", &marker);
                    // The policy and the section take the line themselves.
                    let (in_policy, in_section, decl) = match kind.kind {
                        DeclKind::Policy => (line.as_str(), "", String::new()),
                        DeclKind::Section => ("", line.as_str(), String::new()),
                        _ => ("", "", format!("{} x \"X\" {{\n{line}\n}}", kind.keyword)),
                    };
                    let text = format!(
                        "policy p \"P\" {{\nupdated 2024-01\njurisdictions gdpr\noutline s\n{in_policy}\n}}\n\
                         section s \"S\" {{\ntext \"Hello.\"\n{in_section}\n}}\n{decl}\n"
                    );
                    let mut sources = Sources::new();
                    let id = sources.add(SourceFile::new("t.policy".into(), &text));
                    let parsed = crate::syntax::parse(id, sources.get(id));
                    assert!(
                        parsed.diagnostics.is_empty(),
                        "{text}: {:?}",
                        parsed.diagnostics
                    );
                    let resolved = crate::resolve::resolve(&[parsed.file], &sources, &[]);
                    let policy = resolved.policy.expect("a model");
                    let prose = collect_prose(&policy);
                    assert!(
                        prose.iter().any(|p| p.text == marker),
                        "`{line}` of {} is prose, but the text rules do not read it",
                        kind.noun
                    );
                    checked += 1;
                }
            }
        }
        // Purposes' `logic`, `consequences` and `incentive`, recipients'
        // `arrangement`, and the rest: the walk is not empty.
        assert!(checked > 40, "{checked}");
        let purpose = schema::kind(DeclKind::Purpose).expect("purposes");
        for name in ["logic", "consequences", "incentive", "text"] {
            assert!(
                purpose
                    .fields
                    .iter()
                    .any(|f| f.keyword == name && f.is_prose()),
                "{name}"
            );
        }
    }

    /// The fields that hold an address, a place or a period are not prose.
    #[test]
    fn addresses_and_places_are_not_prose() {
        for (kind, name) in [
            (DeclKind::Contact, "email"),
            (DeclKind::Controller, "address"),
            (DeclKind::Vendor, "url"),
            (DeclKind::Recipient, "location"),
            (DeclKind::Transfer, "to"),
        ] {
            let spec = schema::kind(kind).expect("a kind");
            let field = spec.fields.iter().find(|f| f.keyword == name).expect(name);
            assert!(!field.is_prose(), "{name}");
        }
    }
}
