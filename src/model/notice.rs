//! What the notice tells people: cookies, transfers, rights, retention,
//! children, the CCPA categories, definitions, and the outline of sections.

use schemars::JsonSchema;
use serde::Serialize;

use super::words::{CcpaLetter, Jurisdiction, Region, RightKind, RuleLevel, Safeguard, TableTerm};
use super::{
    Basis, CollectionMethod, Contact, Dataset, Item, Purpose, Ref, Source, Subject, ThirdParty,
    Vendor,
};
use crate::resolve::read::{
    declared_row, retention_targets, third_parties_same_as, third_party_list,
};
use crate::schema::DiffRule::{
    Bases, Grows, Ignore, Increases, Longer, Material, Rights, Shrinks, TurnsYes, Wording,
};
use crate::schema::{Declared, FieldSpec, SECTION_FIELDS, Shape, declare_kind};
use crate::source::Span;

declare_kind! {
    /// A category of cookies.
    pub struct CookieCategory / CookieCategorySpans: Cookie;
    /// Display name, e.g. "Essential Cookies".
    name;
    /// Whether they are strictly necessary for the service the person asked
    /// for, so that they need no consent (ePrivacy Directive Art. 5(3)).
    essential: Option<bool> = field("essential", "strictly necessary", Material("cookie consent changed"));
    /// Lawful bases.
    bases: Vec<Basis> = field("basis", "lawful bases", Bases) prose;
    /// Vendors that set these cookies.
    vendors: Vec<Ref<Vendor>> = field("vendors", "vendors", Grows("new recipient"));
    /// Purposes.
    purposes: Vec<Ref<Purpose>> = field("purposes", "purposes", Grows("new purpose"));
    /// How long they last.
    duration: Option<String> = field("duration", "duration", Longer("cookies kept longer"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// A transfer of data out of a region, and its safeguards.
    pub struct Transfer / TransferSpans: Transfer;
    /// Display name.
    name;
    /// Where the data comes from.
    from: Option<Region> = field("from", "origin", Material("transfer changed"));
    /// Where it goes.
    to: Option<String> = field("to", "destination", Material("transfer changed"));
    /// Safeguards.
    safeguards: Vec<Safeguard> = field("safeguards", "safeguards", Material("safeguards changed"));
    /// How to obtain a copy of the safeguards.
    copy: Option<String> = field("copy", "how to get a copy of the safeguards", Wording) prose;
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
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
    /// Where `right` is written, block included.
    #[serde(skip)]
    pub span: Span,
    /// Where `right KIND` is written: the keyword and the word.
    #[serde(skip)]
    pub head: Span,
}

declare_kind! {
    /// The rights of one jurisdiction and how to exercise them.
    pub struct RightsBlock / RightsBlockSpans: Rights;
    /// Display name.
    name;
    /// The law these rights come from.
    jurisdiction: Option<Jurisdiction> = required("jurisdiction", "law", Material("rights changed"), "jurisdiction gdpr");
    /// Further laws the same rights serve (US state laws whose rights
    /// coincide): `covers virginia, colorado`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    covers: Vec<Jurisdiction> = field("covers", "further laws served", Material("rights changed"));
    /// How to appeal a refusal to act on a request (US state laws, e.g. Va.
    /// Code §59.1-577(C)).
    #[serde(skip_serializing_if = "Option::is_none")]
    appeal: Option<String> = field("appeal", "how to appeal", Wording) prose;
    /// How to contact the attorney general about a denied appeal: a web
    /// address or text.
    #[serde(skip_serializing_if = "Option::is_none")]
    attorney_general: Option<String> = field("attorney_general", "attorney general contact", Wording) prose;
    /// The rights, in order.
    rights: Vec<Right> = field("right", "rights", Rights) prose;
    /// Ways to make a request.
    request_methods: Vec<Ref<Contact>> = field("request_methods", "ways to make a request", Shrinks("a way to exercise rights removed"));
    /// Whether the business operates only online (CCPA request methods).
    online_only: Option<bool> = field("online_only", "online-only requests", TurnsYes("requests only online"));
    /// How requests are verified.
    verification: Option<String> = field("verification", "verification", Wording) prose;
    /// Days to respond.
    response_days: Option<u32> = field("response_days", "response time in days", Increases("slower response to requests"));
    /// Days the response may be extended by.
    extension_days: Option<u32> = field("extension_days", "extension in days", Increases("slower response to requests"));
    /// How an authorised agent can make a request.
    agents: Option<String> = field("agents", "authorised agents", Wording) prose;
    /// How opt-out preference signals are handled.
    opt_out_signals: Option<String> = field("opt_out_signals", "opt-out preference signals", Wording) prose;
    /// Whether opt-out preference signals are honoured in a frictionless
    /// manner, which spares the opt-out links (Cal. Civ. Code
    /// §1798.135(b)(1)).
    frictionless: Option<bool> = field("frictionless", "frictionless opt-out preference signals", Material("rights changed"));
    /// Whether sensitive personal information is used or disclosed for
    /// purposes beyond those of Cal. Code Regs. tit. 11, §7027(m), which
    /// brings the right to limit (Cal. Civ. Code §1798.121).
    sensitive_other_uses: Option<bool> = field("sensitive_other_uses", "uses of sensitive information beyond the permitted ones", TurnsYes("sensitive information now used beyond the permitted purposes"));
    /// Whether the business handles the personal information of 10,000,000
    /// or more consumers a year (Cal. Code Regs. tit. 11, §7102).
    ten_million: Option<bool> = field("ten_million", "10 million consumers or more", Material("rights changed"));
    /// The request metrics of the previous calendar year (§7102): the
    /// numbers, or a link to the page that publishes them.
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics: Option<String> = field("metrics", "request metrics", Wording) prose;
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
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

declare_kind! {
    /// How long data is kept, or the criteria for it.
    pub struct RetentionRule / RetentionRuleSpans: Retention;
    /// Display name (may be empty).
    name;
    /// What it applies to.
    applies_to: Vec<RetentionTarget> = custom("applies_to", "what it applies to", Material("retention changed"), Shape::RetentionTargets, retention_targets);
    /// A period, e.g. "six years".
    period: Option<String> = field("period", "period", Longer("longer retention")) prose;
    /// The criteria that set the period.
    criteria: Option<String> = field("criteria", "criteria", Material("retention changed")) prose;
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
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

declare_kind! {
    /// Children: who counts as one, per region.
    pub struct Children / ChildrenSpans: Children;
    /// Display name.
    name;
    /// The youngest age the service admits, when it has one.
    minimum_age: Option<u32> = field("minimum_age", "minimum age", Material("minimum age changed"));
    /// Ages of digital consent, per region (GDPR Art. 8(1)).
    ages: Vec<ChildAge> = field("age", "age thresholds", Material("age thresholds changed"));
    /// Whether the business sells or shares the personal information of
    /// consumers it knows to be under 16 (Cal. Civ. Code §1798.120(c)).
    sells_under_16: Option<bool> = field("sells_under_16", "selling or sharing the information of minors under 16", TurnsYes("minors' information now sold or shared"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// A CCPA category of personal information: a row of the disclosure table.
    pub struct CcpaCategory / CcpaCategorySpans: Ccpa;
    /// Display name, as the table prints it.
    name;
    /// Whether the row is derived from the data map (no `ccpa` declaration
    /// names the category: `crate::views::ccpa`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    derived: bool = from_decl(Ignore, declared_row);
    /// Whether the category is collected. A row states a collected category
    /// unless it says `collected no`, which lists a category the business
    /// does not collect (tables that go through all twelve letters).
    collected: Option<bool> = field("collected", "collected", TurnsYes("category now collected"));
    /// Statutory letters, §1798.140(v)(1).
    statutory: Vec<CcpaLetter> = field("statutory", "statutory categories", Grows("new category of data"));
    /// The specific information in the category, as the table prints it.
    examples: Option<String> = field("examples", "examples", Wording) prose;
    /// The data items in the category.
    items: Vec<Ref<Item>> = field("items", "data items", Grows("new data"));
    /// The people the row is about: applicants, employees, customers.
    subjects: Vec<Ref<Subject>> = field("subjects", "data subjects", Grows("new data subjects"));
    /// The notice's data sets whose information falls in the category,
    /// linked from the row.
    datasets: Vec<Ref<Dataset>> = field("datasets", "data sets", Grows("new data"));
    /// Categories of sources.
    sources: Vec<Ref<Source>> = field("sources", "sources", Grows("new source of data"));
    /// Whether it is sold, as the business states it. When absent, it is
    /// derived from the third parties' `consideration` (see
    /// `law::ccpa::disclosures`); when neither says, it is "not stated".
    sold: Option<bool> = field("sold", "sold", TurnsYes("personal information now sold"));
    /// Whether it is shared for cross-context behavioural advertising, as
    /// stated; else derived from the third parties' `targeted_advertising`.
    shared: Option<bool> = field("shared", "shared", TurnsYes("personal information now shared"));
    /// Whether it is disclosed for a business purpose, as stated; else
    /// derived from the third parties.
    disclosed: Option<bool> = field("disclosed", "disclosed for a business purpose", TurnsYes("personal information now disclosed"));
    /// Categories of third parties it is disclosed to.
    third_parties: Vec<Ref<ThirdParty>> = custom("third_parties", "categories of third parties", Grows("new recipient"), Shape::ThirdParties, third_party_list);
    /// When the table says "see list under ...": the category whose list
    /// this one repeats (its list is copied into `third_parties`).
    third_parties_same_as: Option<Ref<CcpaCategory>> = derived("third_parties", Material("new recipient"), third_parties_same_as);
    /// Business or commercial purposes.
    purposes: Vec<Ref<Purpose>> = field("purposes", "purposes", Grows("new purpose"));
    /// Retention rules.
    retention: Vec<Ref<RetentionRule>> = field("retention", "retention", Material("retention changed"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// A defined term: “Personal Data”.
    pub struct Definition / DefinitionSpans: Definition;
    /// The term.
    name;
    /// The term of the generated tables it defines (`shared`, `sold`, ...):
    /// a table using that term marks it and prints this definition beside
    /// itself.
    term: Option<TableTerm> = field("term", "table term defined", Wording);
    /// The definition.
    text: Option<String> = required("text", "definition", Wording, "text \"means ...\"") prose;
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
    /// How to make a request: the facts of a rights block.
    Requests {
        /// Which block.
        rights: Ref<RightsBlock>,
    },
    /// The US state privacy rights section.
    StateRights,
    /// The categories of personal data with the US state laws' labels.
    StateCategories,
    /// The CCPA notice at collection.
    NoticeAtCollection {
        /// For whom: the rows about these people (every collected row when
        /// empty).
        subjects: Vec<Ref<Subject>>,
    },
    /// Colorado's purpose-by-purpose table (4 CCR 904-3 Rule 6.03(A)(1)).
    ColoradoPurposes,
    /// The short first layer of a layered notice.
    Summary,
    /// The last versions of the notice and what changed in each.
    Changes {
        /// How many versions to list.
        count: u32,
        /// Each version's entry in Markdown, newest first, filled in from
        /// the history before rendering (`None` when no history was read).
        #[serde(skip)]
        #[schemars(skip)]
        history: Option<Vec<String>>,
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
    /// Former ids, kept as extra anchors so that published links to the
    /// section still work after it is renamed.
    pub aliases: Vec<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
}

impl Declared for Section {
    const KIND: crate::syntax::tree::DeclKind = crate::syntax::tree::DeclKind::Section;
    const FIELDS: &'static [FieldSpec] = SECTION_FIELDS;
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
