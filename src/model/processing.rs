//! What is processed and why: data items, subjects, sources, collection
//! methods, purposes, and the data sets that tie them to lawful bases.

use schemars::JsonSchema;
use serde::Serialize;

use super::words::{
    Art9Condition, CcpaLetter, LawfulBasis, SensitiveKind, SourceKind, SpecialCategory,
};
use super::{FieldSpans, Recipient, Ref, RetentionRule, Transfer};
use crate::source::Span;

/// One piece of personal data: "email address", "ethnicity".
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Item {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The CCPA statutory categories it falls in.
    pub ccpa: Vec<CcpaLetter>,
    /// Its GDPR Art. 9 special category.
    pub special: Option<SpecialCategory>,
    /// Its CPRA sensitive kind.
    pub sensitive: Option<SensitiveKind>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// A group of people data is about: visitors, customers, candidates.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Subject {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
}

/// Where data comes from.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Source {
    /// Id.
    pub id: String,
    /// Display name, as the CCPA table prints it.
    pub name: String,
    /// What sort of source.
    pub kind: Option<SourceKind>,
    /// Whether it is publicly accessible (GDPR Art. 14(2)(f)).
    pub public: Option<bool>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// How data is collected: "Provided by you voluntarily", "Automatically".
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CollectionMethod {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The sources this method draws on.
    pub sources: Vec<Ref<Source>>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
}

/// Why data is processed. CCPA business purposes are purposes too.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Purpose {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Direct marketing (GDPR Art. 21(2)).
    pub marketing: Option<bool>,
    /// Profiling.
    pub profiling: Option<bool>,
    /// Automated decisions with legal or similar effect (Art. 22).
    pub automated_decisions: Option<bool>,
    /// Targeted (cross-context behavioural) advertising.
    pub targeted_advertising: Option<bool>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// Whether a data set is a row of the data table or processing described
/// on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// `dataset`: a row of the data table.
    Dataset,
    /// `processing`: a paragraph of its own.
    Processing,
}

/// A lawful basis for some purposes of a data set, under a condition.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Basis {
    /// The Art. 6(1) basis.
    pub basis: LawfulBasis,
    /// The purposes it covers (all of the data set's when empty).
    pub purposes: Vec<Ref<Purpose>>,
    /// When it applies: "you are just a potential customer".
    pub condition: Option<String>,
    /// The legitimate interest pursued.
    pub interest: Option<String>,
    /// How consent can be withdrawn.
    pub withdraw: Option<String>,
    /// The Art. 9(2) condition for special-category data.
    pub special: Option<Art9Condition>,
    /// The sentence the notice prints.
    pub text: Option<String>,
    /// Where `basis` is written.
    #[serde(skip)]
    pub span: Span,
}

/// Whether providing data is a statutory or contractual requirement
/// (GDPR Art. 13(2)(e)).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Requirement {
    /// Whether it is required.
    pub required: bool,
    /// What happens if it is not provided.
    pub consequence: Option<String>,
}

/// A data set (a row of the data table) or a standalone processing activity.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Dataset {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Row of the table, or processing of its own.
    pub kind: ActivityKind,
    /// Whom the data is about.
    pub subjects: Vec<Ref<Subject>>,
    /// The items collected.
    pub collects: Vec<Ref<Item>>,
    /// Where the data comes from.
    pub sources: Vec<Ref<Source>>,
    /// How it is collected.
    pub methods: Vec<Ref<CollectionMethod>>,
    /// Why.
    pub purposes: Vec<Ref<Purpose>>,
    /// The processing operations.
    pub operations: Option<String>,
    /// Lawful bases.
    pub bases: Vec<Basis>,
    /// Retention rules.
    pub retention: Vec<Ref<RetentionRule>>,
    /// Recipients.
    pub recipients: Vec<Ref<Recipient>>,
    /// Transfers.
    pub transfers: Vec<Ref<Transfer>>,
    /// Statutory or contractual requirement.
    pub required: Option<Requirement>,
    /// Prose: what the data set is.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}
