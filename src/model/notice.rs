//! What the notice tells people: cookies, transfers, rights, retention,
//! children, the CCPA categories, definitions, and the outline of sections.

use schemars::JsonSchema;
use serde::Serialize;

use super::words::{CcpaLetter, Jurisdiction, Region, RightKind, RuleLevel, Safeguard};
use super::{
    Basis, CollectionMethod, Contact, Dataset, FieldSpans, Item, Purpose, Ref, Source, ThirdParty,
    Vendor,
};
use crate::source::Span;

/// A category of cookies.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CookieCategory {
    /// Id.
    pub id: String,
    /// Display name, e.g. "Essential Cookies".
    pub name: String,
    /// Lawful bases.
    pub bases: Vec<Basis>,
    /// Vendors that set these cookies.
    pub vendors: Vec<Ref<Vendor>>,
    /// Purposes.
    pub purposes: Vec<Ref<Purpose>>,
    /// How long they last.
    pub duration: Option<String>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// A transfer of data out of a region, and its safeguards.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Transfer {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where the data comes from.
    pub from: Option<Region>,
    /// Where it goes.
    pub to: Option<String>,
    /// Safeguards.
    pub safeguards: Vec<Safeguard>,
    /// How to obtain a copy of the safeguards.
    pub copy: Option<String>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// One right, as the notice describes it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Right {
    /// Which right.
    pub kind: RightKind,
    /// Display name, e.g. "The right to access your Personal Data".
    pub name: String,
    /// What it means.
    pub text: Option<String>,
    /// Where `right` is written.
    #[serde(skip)]
    pub span: Span,
}

/// The rights of one jurisdiction and how to exercise them.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RightsBlock {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The law these rights come from.
    pub jurisdiction: Option<Jurisdiction>,
    /// The rights, in order.
    pub rights: Vec<Right>,
    /// Ways to make a request.
    pub request_methods: Vec<Ref<Contact>>,
    /// Whether the business operates only online (CCPA request methods).
    pub online_only: Option<bool>,
    /// How requests are verified.
    pub verification: Option<String>,
    /// Days to respond.
    pub response_days: Option<u32>,
    /// Days the response may be extended by.
    pub extension_days: Option<u32>,
    /// How an authorised agent can make a request.
    pub agents: Option<String>,
    /// How opt-out preference signals are handled.
    pub opt_out_signals: Option<String>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// What a retention rule applies to.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum RetentionTarget {
    /// A data set.
    Dataset(Ref<Dataset>),
    /// A CCPA category.
    Ccpa(Ref<CcpaCategory>),
}

/// How long data is kept, or the criteria for it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RetentionRule {
    /// Id.
    pub id: String,
    /// Display name (may be empty).
    pub name: String,
    /// What it applies to.
    pub applies_to: Vec<RetentionTarget>,
    /// A period, e.g. "six years".
    pub period: Option<String>,
    /// The criteria that set the period.
    pub criteria: Option<String>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// An age threshold in a region.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChildAge {
    /// Where.
    pub region: Region,
    /// Below this age a person is a child.
    pub age: u32,
    /// Where `age` is written.
    #[serde(skip)]
    pub span: Span,
}

/// Children: who counts as one, per region.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Children {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Age thresholds.
    pub ages: Vec<ChildAge>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
}

/// A CCPA category of personal information: a row of the disclosure table.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CcpaCategory {
    /// Id.
    pub id: String,
    /// Display name, as the table prints it.
    pub name: String,
    /// Statutory letters, §1798.140(v)(1).
    pub statutory: Vec<CcpaLetter>,
    /// The specific information in the category, as the table prints it.
    pub examples: Option<String>,
    /// The data items in the category.
    pub items: Vec<Ref<Item>>,
    /// Categories of sources.
    pub sources: Vec<Ref<Source>>,
    /// Whether it is sold.
    pub sold: Option<bool>,
    /// Whether it is shared for cross-context behavioural advertising.
    pub shared: Option<bool>,
    /// Whether it is disclosed for a business purpose.
    pub disclosed: Option<bool>,
    /// Categories of third parties it is disclosed to.
    pub third_parties: Vec<Ref<ThirdParty>>,
    /// When the table says "see list under ...": the category whose list
    /// this one repeats (its list is copied into `third_parties`).
    pub third_parties_same_as: Option<Ref<CcpaCategory>>,
    /// Business or commercial purposes.
    pub purposes: Vec<Ref<Purpose>>,
    /// Retention rules.
    pub retention: Vec<Ref<RetentionRule>>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// A defined term: “Personal Data”.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Definition {
    /// Id.
    pub id: String,
    /// The term.
    pub name: String,
    /// The definition.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
}

/// What an `insert` generates, with the declarations it lists.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "generator", rename_all = "snake_case")]
pub enum Insert {
    /// The controller's details.
    Controller,
    /// Definitions (all when the list is empty).
    Definitions {
        /// Which.
        definitions: Vec<Ref<Definition>>,
    },
    /// The data table.
    Datasets,
    /// Standalone processing paragraphs.
    Processing {
        /// Which.
        activities: Vec<Ref<Dataset>>,
    },
    /// The cookie list.
    Cookies,
    /// The collection methods.
    Methods {
        /// Which (all when empty).
        methods: Vec<Ref<CollectionMethod>>,
    },
    /// The recipients table.
    Recipients,
    /// Transfers.
    Transfers,
    /// A rights list.
    Rights {
        /// Which block.
        rights: Ref<RightsBlock>,
        /// `(i)`, `(ii)` numbering.
        numbered: bool,
    },
    /// A retention list.
    Retention {
        /// Which rules.
        rules: Vec<Ref<RetentionRule>>,
        /// `(i)`, `(ii)` numbering.
        numbered: bool,
    },
    /// The children statement.
    Children,
    /// The CCPA disclosure table.
    CcpaTable,
    /// Contact lines.
    Contacts {
        /// Which.
        contacts: Vec<Ref<Contact>>,
    },
}

/// A piece of a section: prose, or generated content.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Markdown prose.
    Text {
        /// The Markdown.
        markdown: String,
        /// Where the `text` field is written.
        #[serde(skip)]
        span: Span,
    },
    /// Generated from the facts.
    Insert {
        /// What.
        insert: Insert,
    },
}

/// A section of the document.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Section {
    /// Id, also the HTML anchor.
    pub id: String,
    /// Heading (none for an introduction).
    pub heading: Option<String>,
    /// Content, in order.
    pub blocks: Vec<Block>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
}

/// A rule setting written in the policy.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RuleSetting {
    /// The rule's code, or `warnings`.
    pub code: String,
    /// allow, warn or deny.
    pub level: RuleLevel,
    /// Why (required for allow).
    pub reason: Option<String>,
    /// Where the setting is written.
    #[serde(skip)]
    pub span: Span,
}
