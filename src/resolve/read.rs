//! Readers for the fields whose shape is more than one value: a phone
//! with its `toll_free` flag, a lawful basis with its clauses and block, a
//! right, an age, a requirement, retention targets, and a CCPA category's
//! third parties. [`crate::schema::declare_kind!`] names them in the
//! kinds' field lines.

use crate::diagnostic::Diagnostic;
use crate::model::words::{Art9Condition, Jurisdiction, LawfulBasis, Region, RightKind, YesNo};
use crate::model::{
    ActivityKind, Basis, CcpaCategory, ChildAge, Contact, Dataset, RecipientList, Ref, Requirement,
    RetentionTarget, Right, StateConsent, ThirdParty,
};
use crate::schema::{self, Shape};
use crate::source::{Span, Spanned};
use crate::syntax::tree::{Arg, DeclKind, Declaration, Field};

use super::fields::{
    Cx, FromField, Reader, clause, first_ident, first_list, first_text, has_flag, number_arg,
};
use super::symbols::Namespace;
use super::{AMBIGUOUS_REFERENCE, INVALID_VALUE, MISSING_FIELD};

/// `phone "number"`: the number.
pub(crate) fn phone_number(_: &mut Cx<'_>, _: &Declaration, fields: &[&Field]) -> Option<String> {
    fields.first().and_then(|f| first_text(f)).map(|t| t.node)
}

/// `consumer_languages en, es, zh`: language subtags (BCP 47's primary
/// language subtag, an ISO 639 code of two or three letters). Any language
/// may be named, not only the ones candor writes: the fact is what the
/// business does, and a rule compares it with what the notice provides.
pub(crate) fn language_tags(cx: &mut Cx<'_>, _: &Declaration, fields: &[&Field]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for word in fields.first().map(|f| first_list(f)).unwrap_or_default() {
        let tag = &word.node;
        let shaped = (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase());
        if !shaped {
            let lower = tag.to_ascii_lowercase();
            let help = if (2..=3).contains(&lower.len())
                && lower.bytes().all(|b| b.is_ascii_lowercase())
            {
                format!("write it in lower case: `{lower}`")
            } else {
                "write the language's two- or three-letter code (ISO 639, as in BCP 47): `en`, `es`, `zh`, `tl`, `vi`, `ko`".to_owned()
            };
            cx.report(
                Diagnostic::error(
                    INVALID_VALUE,
                    word.span,
                    format!("`{tag}` is not a language subtag"),
                )
                .with_label("not a language code")
                .with_help(help),
            );
            continue;
        }
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    tags
}

/// `phone "number" toll_free`: the flag.
pub(crate) fn phone_toll_free(_: &mut Cx<'_>, _: &Declaration, fields: &[&Field]) -> bool {
    fields.first().is_some_and(|f| has_flag(f, "toll_free"))
}

/// A contact must give at least one way to reach someone.
pub(crate) fn contact_reachable(cx: &mut Cx<'_>, contact: &Contact) {
    if contact.email.is_none()
        && contact.phone.is_none()
        && contact.url.is_none()
        && contact.address.is_none()
    {
        cx.report(
            Diagnostic::error(
                MISSING_FIELD,
                contact.span,
                format!("contact `{}` gives no way to reach anyone", contact.id),
            )
            .with_label("no `email`, `phone`, `url` or `address`")
            .with_help("add an `email`, `phone`, `url` or `address` line"),
        );
    }
}

/// A `ccpa` declaration is a declared row, not one derived from the data
/// map.
pub(crate) fn declared_row(_: &Declaration) -> bool {
    false
}

/// `recipient` or `third_party`: which tables list it by name.
pub(crate) fn recipient_list(decl: &Declaration) -> RecipientList {
    if decl.kind.node == DeclKind::ThirdParty {
        RecipientList::ThirdParties
    } else {
        RecipientList::Recipients
    }
}

/// `dataset` or `processing`.
pub(crate) fn activity_kind(decl: &Declaration) -> ActivityKind {
    if decl.kind.node == DeclKind::Processing {
        ActivityKind::Processing
    } else {
        ActivityKind::Dataset
    }
}

/// `required yes|no ["consequence"]`.
pub(crate) fn requirement(
    cx: &mut Cx<'_>,
    _: &Declaration,
    fields: &[&Field],
) -> Option<Requirement> {
    let f = fields.first()?;
    let word = first_ident(f)?;
    let yes = cx.word::<YesNo>(&word)?;
    Some(Requirement {
        required: yes.0,
        consequence: first_text(f).map(|t| t.node),
    })
}

/// From the start of the field's keyword to the end of its first word:
/// `basis consent`, however it is spaced.
fn head(field: &Field, word: &Spanned<String>) -> Span {
    Span {
        file: field.key.span.file,
        start: field.key.span.start,
        end: word.span.end,
    }
}

impl FromField for Vec<Basis> {
    const SHAPE: Shape = Shape::Basis;
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields.iter().filter_map(|f| basis(cx, f)).collect()
    }
}

fn basis(cx: &mut Cx<'_>, field: &Field) -> Option<Basis> {
    let word = first_ident(field)?;
    let kind = cx.word::<LawfulBasis>(&word);
    let purposes = match clause(field, "for") {
        Some(Arg::List(names)) => cx.references(Namespace::of(DeclKind::Purpose), names),
        Some(Arg::Ident(name)) => {
            cx.references(Namespace::of(DeclKind::Purpose), std::slice::from_ref(name))
        }
        _ => Vec::new(),
    };
    let condition = match clause(field, "when") {
        Some(Arg::Text(t)) => Some(t.node.value.clone()),
        _ => None,
    };
    let block = field.block.as_deref().unwrap_or(&[]);
    let mut r = Reader::new(block, schema::BASIS_FIELDS, "a lawful basis");
    let interest = r.text("interest");
    let withdraw = r.text("withdraw");
    let special = Option::<Art9Condition>::read(cx, &r.take("special"));
    let text = r.text("text");
    r.finish(cx, field.key.span);
    Some(Basis {
        basis: kind?,
        purposes,
        condition,
        interest,
        withdraw,
        special,
        text,
        span: field.span,
        head: head(field, &word),
    })
}

impl FromField for Vec<StateConsent> {
    const SHAPE: Shape = Shape::Consent;
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields.iter().map(|f| state_consent(cx, f)).collect()
    }
}

/// `consent [for purposes] [under laws] [{ how, withdraw, text }]`: each law
/// named must be a US state law (a GDPR consent is a `basis consent`).
fn state_consent(cx: &mut Cx<'_>, field: &Field) -> StateConsent {
    let purposes = match clause(field, "for") {
        Some(Arg::List(names)) => cx.references(Namespace::of(DeclKind::Purpose), names),
        Some(Arg::Ident(name)) => {
            cx.references(Namespace::of(DeclKind::Purpose), std::slice::from_ref(name))
        }
        _ => Vec::new(),
    };
    let words = match clause(field, "under") {
        Some(Arg::List(names)) => names.clone(),
        Some(Arg::Ident(name)) => vec![name.clone()],
        _ => Vec::new(),
    };
    let mut laws = Vec::new();
    for w in &words {
        let Some(law) = cx.word::<Jurisdiction>(w) else {
            continue;
        };
        if law.is_us_state_law() {
            laws.push(law);
        } else {
            cx.report(
                Diagnostic::error(
                    INVALID_VALUE,
                    w.span,
                    format!("`{}` is not a US state privacy law", w.node),
                )
                .with_label("not a US state law")
                .with_help(
                    "`consent` states the consent the US state laws ask for before sensitive \
                     data is processed (`under virginia, colorado`, or every state law the \
                     policy declares when `under` is left out); a consent under the GDPR is a \
                     lawful basis: `basis consent { withdraw \"...\" }`",
                ),
            );
        }
    }
    let block = field.block.as_deref().unwrap_or(&[]);
    let mut r = Reader::new(block, schema::CONSENT_FIELDS, "a consent");
    let how = r.text("how");
    let withdraw = r.text("withdraw");
    let text = r.text("text");
    r.finish(cx, field.key.span);
    StateConsent {
        purposes,
        laws,
        how,
        withdraw,
        text,
        span: field.span,
    }
}

impl FromField for Vec<Right> {
    const SHAPE: Shape = Shape::Right;
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        fields.iter().filter_map(|f| right(cx, f)).collect()
    }
}

fn right(cx: &mut Cx<'_>, field: &Field) -> Option<Right> {
    let word = first_ident(field)?;
    let kind = cx.word::<RightKind>(&word);
    let name = first_text(field);
    if name.is_none() {
        cx.report(
            Diagnostic::error(
                MISSING_FIELD,
                word.span,
                format!("right `{}` has no display name", word.node),
            )
            .with_label("needs a name in quotes")
            .with_help(format!(
                "write it as `right {} \"The right to ...\"`",
                word.node
            )),
        );
    }
    let block = field.block.as_deref().unwrap_or(&[]);
    let mut r = Reader::new(block, schema::RIGHT_FIELDS, "a right");
    let text = r.text("text");
    r.finish(cx, field.key.span);
    Some(Right {
        kind: kind?,
        name: name.map_or_else(|| word.node.clone(), |n| n.node),
        text,
        span: field.span,
        head: head(field, &word),
    })
}

impl FromField for Vec<ChildAge> {
    const SHAPE: Shape = Shape::Age;
    fn read(cx: &mut Cx<'_>, fields: &[&Field]) -> Self {
        let mut ages = Vec::new();
        for f in fields {
            let region = first_ident(f).and_then(|w| cx.word::<Region>(&w));
            let age = number_arg(cx, f);
            if let (Some(region), Some(age)) = (region, age) {
                ages.push(ChildAge {
                    region,
                    age,
                    span: f.span,
                });
            }
        }
        ages
    }
}

/// `applies_to`: each name is a data set or a CCPA category. A name that
/// is both is ambiguous: an error that names both, rather than a silent
/// preference for one.
pub(crate) fn retention_targets(
    cx: &mut Cx<'_>,
    _: &Declaration,
    fields: &[&Field],
) -> Vec<RetentionTarget> {
    let names = fields.first().map(|f| first_list(f)).unwrap_or_default();
    names
        .iter()
        .filter_map(|name| retention_target(cx, name))
        .collect()
}

fn retention_target(cx: &mut Cx<'_>, name: &Spanned<String>) -> Option<RetentionTarget> {
    let datasets = Namespace::of(DeclKind::Dataset);
    let categories = Namespace::of(DeclKind::Ccpa);
    match (
        cx.lookup(datasets, &name.node),
        cx.lookup(categories, &name.node),
    ) {
        (Some(dataset), Some(category)) => {
            // The message names where both are declared.
            cx.read_whole_table();
            cx.report(
                Diagnostic::error(
                    AMBIGUOUS_REFERENCE,
                    name.span,
                    format!(
                        "`{}` is both a data set and a CCPA category, so it is unclear which this retention rule covers",
                        name.node
                    ),
                )
                .with_label("ambiguous")
                .with_secondary(dataset.span, "the data set")
                .with_secondary(category.span, "the CCPA category")
                .with_help("rename one of the two, so that each id names one thing"),
            );
            // Both are mentioned, so neither is reported as unused.
            cx.used.insert((datasets, dataset.index));
            cx.used.insert((categories, category.index));
            None
        }
        (Some(_), None) => cx.reference(datasets, name).map(RetentionTarget::Dataset),
        (None, Some(_)) => cx.reference(categories, name).map(RetentionTarget::Ccpa),
        // Neither: reported against data sets, the commoner target.
        (None, None) => {
            cx.reference::<Dataset>(datasets, name);
            None
        }
    }
}

/// `third_parties a, b`: the list (empty for `same_as`, whose list is
/// copied once every category is lowered).
pub(crate) fn third_party_list(
    cx: &mut Cx<'_>,
    _: &Declaration,
    fields: &[&Field],
) -> Vec<Ref<ThirdParty>> {
    match fields.first() {
        Some(f) if clause(f, "same_as").is_none() => {
            cx.references(Namespace::of(DeclKind::ThirdParty), first_list(f))
        }
        _ => Vec::new(),
    }
}

/// `third_parties same_as other`: the category whose list this one repeats.
pub(crate) fn third_parties_same_as(
    cx: &mut Cx<'_>,
    decl: &Declaration,
    fields: &[&Field],
) -> Option<Ref<CcpaCategory>> {
    let Some(Arg::Ident(target)) = fields.first().and_then(|f| clause(f, "same_as")) else {
        return None;
    };
    if decl.id.as_ref().is_some_and(|id| id.node == target.node) {
        cx.report(
            Diagnostic::error(
                INVALID_VALUE,
                target.span,
                format!("`{}` repeats its own list of third parties", target.node),
            )
            .with_help("name another CCPA category after `same_as`, or list the third parties"),
        );
        return None;
    }
    cx.reference(Namespace::of(DeclKind::Ccpa), target)
}
