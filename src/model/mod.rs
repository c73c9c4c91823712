//! The resolved policy: what the source means, with every reference checked.
//!
//! This is a different type from the syntax tree on purpose: a [`Ref`] can
//! only be made by resolution, after the name it holds was found among the
//! declarations of the right kind, so a dangling reference cannot exist here.
//! Checks and renderers read only this model. It derives `Serialize` (it *is*
//! `policy.json`) and `JsonSchema` (it *is* `policy.schema.json`).

mod notice;
mod parties;
mod processing;
pub mod translation;
pub mod words;

use std::fmt;
use std::marker::PhantomData;

use schemars::JsonSchema;
use serde::Serialize;

pub use notice::{
    Block, CcpaCategory, CcpaCategorySpans, ChildAge, Children, ChildrenSpans, CookieCategory,
    CookieCategorySpans, Definition, DefinitionSpans, Insert, RetentionRule, RetentionRuleSpans,
    RetentionTarget, Right, RightsBlock, RightsBlockSpans, RuleSetting, Section, Transfer,
    TransferSpans,
};
pub use parties::{
    Contact, ContactSpans, Controller, ControllerSpans, Recipient, RecipientList, RecipientSpans,
    ThirdParty, Vendor, VendorSpans,
};
pub use processing::{
    ActivityKind, Basis, CollectionMethod, CollectionMethodSpans, Dataset, DatasetSpans, Item,
    ItemSpans, Purpose, PurposeSpans, Requirement, Source, SourceSpans, StateConsent, Subject,
    SubjectSpans,
};

use crate::source::Span;
use words::Jurisdiction;

/// The version of `policy.json`'s shape. Raise it when a field changes
/// meaning or disappears; adding a field keeps it.
pub const SCHEMA_VERSION: u32 = 1;

/// A checked reference to a declaration of kind `T`: its id, its position
/// in the model's list of `T`, and where the reference was written.
/// Serialised as the id alone.
pub struct Ref<T> {
    id: String,
    index: usize,
    span: Span,
    kind: PhantomData<fn() -> T>,
}

impl<T> Ref<T> {
    /// Made only by resolution, once `id` is known to name `list[index]`.
    pub(crate) fn new(id: String, index: usize, span: Span) -> Self {
        Ref {
            id,
            index,
            span,
            kind: PhantomData,
        }
    }

    /// The id referred to.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The position in the model's list.
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// Where the reference is written.
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }
}

impl<T> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Ref {
            id: self.id.clone(),
            index: self.index,
            span: self.span,
            kind: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ref({})", self.id)
    }
}

impl<T> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl<T> Eq for Ref<T> {}

impl<T> Serialize for Ref<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.id)
    }
}

impl<T> JsonSchema for Ref<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "The id of another entity of the policy.",
            "pattern": "^[A-Za-z][A-Za-z0-9_]*$"
        })
    }
}

/// A date as a policy writes it: a month (`2023-01`) or a day (`2023-01-15`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PolicyDate {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, when given.
    pub day: Option<u8>,
}

impl PolicyDate {
    /// Parses `YYYY-MM` or `YYYY-MM-DD`, checking the month and the day.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: Option<u8> = match parts.next() {
            Some(d) => Some(d.parse().ok()?),
            None => None,
        };
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        if let Some(d) = day
            && (d == 0 || d > days_in_month(year, month))
        {
            return None;
        }
        Some(PolicyDate { year, month, day })
    }

    /// "January 2023" or "January 15, 2023", as an English notice prints
    /// it (CLDR's long format).
    #[must_use]
    pub fn long(self) -> String {
        self.long_in(crate::locale::Locale::En)
    }

    /// The date in CLDR's long format for a language: "15. Januar 2023".
    #[must_use]
    pub fn long_in(self, locale: crate::locale::Locale) -> String {
        locale
            .long_date(self.year, self.month, self.day)
            // A date that parsed is a calendar date; the ISO form is the
            // fallback that can never be wrong.
            .unwrap_or_else(|| self.to_string())
    }

    /// Days since 0000-03-01 (a proleptic Gregorian day count), taking the
    /// first of the month when no day is given. For date arithmetic in rules.
    #[must_use]
    pub fn day_number(self) -> i64 {
        let (y, m) = (i64::from(self.year), i64::from(self.month));
        let d = i64::from(self.day.unwrap_or(1));
        let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PolicyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PolicyDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl JsonSchema for PolicyDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PolicyDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A month (YYYY-MM) or a day (YYYY-MM-DD).",
            "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"
        })
    }
}

/// The whole resolved policy.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Policy {
    /// The version of this JSON shape.
    pub schema_version: u32,
    /// The policy declaration's id.
    pub id: String,
    /// The document title.
    pub title: String,
    /// When the policy was last updated.
    pub updated: Option<PolicyDate>,
    /// When this version takes effect, when that is later than `updated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<PolicyDate>,
    /// The laws the policy addresses.
    pub jurisdictions: Vec<Jurisdiction>,
    /// The document's language (BCP 47), e.g. `en`.
    pub language: Option<String>,
    /// Every language the notice is published in (`languages en, de, fr`),
    /// the source's among them; empty when it declares none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<crate::locale::Locale>,
    /// The translations of the prose, one per language besides the
    /// source's.
    #[serde(skip)]
    #[schemars(skip)]
    pub translations: Vec<translation::Translation>,
    /// The files besides the notice that the policy asks a build to write.
    pub exports: Vec<words::Export>,
    /// Whether headed sections are numbered `1.`, `2.`, ...
    pub numbered: bool,
    /// A templates directory that overrides the built-in templates.
    pub templates: Option<String>,
    /// Put before every `id` and `#` link of the HTML (`--id-prefix` wins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_prefix: Option<String>,
    /// The heading level of the HTML title, 1-4 (`--heading-level` wins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_level: Option<u8>,
    /// Prose about the policy as a whole.
    pub text: Option<String>,
    /// The sections of the document, in order.
    pub outline: Vec<Ref<Section>>,
    /// The data controller.
    pub controller: Option<Controller>,
    /// Contact points.
    pub contacts: Vec<Contact>,
    /// Data items.
    pub items: Vec<Item>,
    /// Data subjects.
    pub subjects: Vec<Subject>,
    /// Sources of data.
    pub sources: Vec<Source>,
    /// Collection methods.
    pub methods: Vec<CollectionMethod>,
    /// Purposes (including CCPA business purposes).
    pub purposes: Vec<Purpose>,
    /// Data sets and other processing activities.
    pub datasets: Vec<Dataset>,
    /// Recipients: the GDPR recipient categories and the CCPA categories of
    /// third parties, each declared once.
    pub recipients: Vec<Recipient>,
    /// Named vendors.
    pub vendors: Vec<Vendor>,
    /// Cookie categories.
    pub cookies: Vec<CookieCategory>,
    /// Transfers abroad.
    pub transfers: Vec<Transfer>,
    /// Rights, per jurisdiction.
    pub rights: Vec<RightsBlock>,
    /// Retention rules.
    pub retention: Vec<RetentionRule>,
    /// Children's age thresholds.
    pub children: Vec<Children>,
    /// CCPA categories of personal information.
    pub ccpa: Vec<CcpaCategory>,
    /// Defined terms.
    pub definitions: Vec<Definition>,
    /// Sections of the document.
    pub sections: Vec<Section>,
    /// Rule settings written in the policy.
    pub rule_settings: Vec<RuleSetting>,
    /// Where the policy declaration is.
    #[serde(skip)]
    pub span: Span,
}

/// Looks up what a [`Ref`] points to.
pub trait Lookup<T> {
    /// The declaration a reference names.
    fn get(&self, r: &Ref<T>) -> &T;
}

macro_rules! lookup {
    ($($ty:ty => $field:ident,)+) => {
        $(impl Lookup<$ty> for Policy {
            fn get(&self, r: &Ref<$ty>) -> &$ty {
                &self.$field[r.index()]
            }
        })+
    };
}

lookup! {
    Section => sections,
    Contact => contacts,
    Item => items,
    Subject => subjects,
    Source => sources,
    CollectionMethod => methods,
    Purpose => purposes,
    Dataset => datasets,
    Recipient => recipients,
    Vendor => vendors,
    CookieCategory => cookies,
    Transfer => transfers,
    RightsBlock => rights,
    RetentionRule => retention,
    Children => children,
    CcpaCategory => ccpa,
    Definition => definitions,
}

impl Policy {
    /// The declaration a reference names.
    pub fn get<T>(&self, r: &Ref<T>) -> &T
    where
        Policy: Lookup<T>,
    {
        Lookup::get(self, r)
    }

    /// Whether the policy declares this jurisdiction.
    #[must_use]
    pub fn has(&self, jurisdiction: Jurisdiction) -> bool {
        self.jurisdictions.contains(&jurisdiction)
    }

    /// Whether the policy asks for this export.
    #[must_use]
    pub fn exports(&self, export: words::Export) -> bool {
        self.exports.contains(&export)
    }

    /// The recipients the GDPR recipients table lists: those declared with
    /// `recipient` (a `third_party` is named only where third parties are).
    pub fn listed_recipients(&self) -> impl Iterator<Item = &Recipient> {
        self.recipients
            .iter()
            .filter(|r| r.list == RecipientList::Recipients)
    }

    /// Data sets that are rows of the data table (not standalone processing).
    pub fn table_datasets(&self) -> impl Iterator<Item = &Dataset> {
        self.datasets
            .iter()
            .filter(|d| d.kind == ActivityKind::Dataset)
    }
}
