//! What is processed and why: data items, subjects, sources, collection
//! methods, purposes, and the data sets that tie them to lawful bases.

use schemars::JsonSchema;
use serde::Serialize;

use super::words::{
    AppleDataType, ApplePurpose, Art9Condition, CcpaLetter, FidesDataCategory, FidesDataSubject,
    FidesDataUse, Jurisdiction, LawfulBasis, PlayDataType, PlayPurpose, SensitiveKind, SourceKind,
    SpecialCategory, SubjectContext,
};
use super::{Recipient, Ref, RetentionRule, ThirdParty, Transfer};
use crate::resolve::read::{activity_kind, requirement};
use crate::schema::DiffRule::{Bases, Grows, Ignore, Material, TurnsYes, Wording};
use crate::schema::{Shape, declare_kind};
use crate::source::Span;

declare_kind! {
    /// One piece of personal data: "email address", "ethnicity".
    pub struct Item / ItemSpans: Item;
    /// Display name.
    name;
    /// The CCPA statutory categories it falls in.
    ccpa: Vec<CcpaLetter> = field("ccpa", "CCPA categories", Grows("new category of data"));
    /// Its GDPR Art. 9 special category.
    special: Option<SpecialCategory> = field("special", "special category", Material("special category data"));
    /// Its CPRA sensitive kind.
    sensitive: Option<SensitiveKind> = field("sensitive", "sensitive kind", Material("sensitive personal information"));
    /// Whether providing this item is a statutory or contractual requirement, and what follows if it is not provided (GDPR Art. 13(2)(e)).
    required: Option<Requirement> = custom("required", "whether providing it is required", Material("requirement changed"), Shape::Requirement, requirement) prose;
    /// The App Store privacy details' data type it is (`app_store` export).
    apple: Option<AppleDataType> = field("apple", "Apple data type", Material("store label changed"));
    /// The Google Play Data safety data type it is (`play_data_safety` export).
    play: Option<PlayDataType> = field("play", "Play data type", Material("store label changed"));
    /// Its data category in the fideslang taxonomy (`fides` export).
    fides: Option<FidesDataCategory> = field("fides", "fideslang data category", Ignore);
    /// Whether it is linked to the person's identity (App Store privacy details).
    linked: Option<bool> = field("linked", "linked to the person", Material("store label changed"));
    /// Whether it is used to track the person across other companies' apps and websites (App Store privacy details, App Tracking Transparency); derived from its data sets' purposes and recipients when they answer it (`views::exports::tracks`), so needed only where they do not.
    tracking: Option<bool> = field("tracking", "used for tracking", TurnsYes("now used for tracking"));
    /// Whether it is processed only ephemerally: held in memory to serve a request, never stored (Google Play's Data safety form).
    #[serde(skip_serializing_if = "Option::is_none")]
    ephemeral: Option<bool> = field("ephemeral", "processed ephemerally", Material("store label changed"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// A group of people data is about: visitors, customers, candidates.
    pub struct Subject / SubjectSpans: Subject;
    /// Display name.
    name;
    /// Its data subject in the fideslang taxonomy (`fides` export).
    fides: Option<FidesDataSubject> = field("fides", "fideslang data subject", Ignore);
    /// In what context they deal with the business (consumer, employment,
    /// commercial): whether the US state laws other than California's cover
    /// them (`law::states`).
    context: Option<SubjectContext> = field("context", "context", Material("scope changed"));
    /// Whether they are children the business knows to be under 13: their
    /// personal data is sensitive data under most US state laws.
    children: Option<bool> = field("children", "known children", TurnsYes("now children's data"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// Where data comes from.
    pub struct Source / SourceSpans: Source;
    /// Display name, as the CCPA table prints it.
    name;
    /// What sort of source.
    kind: Option<SourceKind> = field("kind", "kind", Material("source changed"));
    /// Whether it is publicly accessible (GDPR Art. 14(2)(f)).
    public: Option<bool> = field("public", "public", Material("changed"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// How data is collected: "Provided by you voluntarily", "Automatically".
    pub struct CollectionMethod / CollectionMethodSpans: Method;
    /// Display name.
    name;
    /// The sources this method draws on.
    sources: Vec<Ref<Source>> = field("sources", "sources", Grows("new source of data"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// Why data is processed. CCPA business purposes are purposes too.
    pub struct Purpose / PurposeSpans: Purpose;
    /// Display name.
    name;
    /// Direct marketing (GDPR Art. 21(2)).
    marketing: Option<bool> = field("marketing", "direct marketing", TurnsYes("now used for direct marketing"));
    /// Profiling.
    profiling: Option<bool> = field("profiling", "profiling", TurnsYes("now used for profiling"));
    /// Automated decisions with legal or similar effect (Art. 22).
    automated_decisions: Option<bool> = field("automated_decisions", "automated decisions", TurnsYes("now used for automated decisions"));
    /// Targeted (cross-context behavioural) advertising.
    targeted_advertising: Option<bool> = field("targeted_advertising", "targeted advertising", TurnsYes("now used for targeted advertising"));
    /// For automated decisions: the logic involved (GDPR Art. 13(2)(f)).
    logic: Option<String> = field("logic", "logic of automated decisions", Wording) prose;
    /// For automated decisions: their significance and envisaged
    /// consequences for the person (GDPR Art. 13(2)(f)).
    consequences: Option<String> = field("consequences", "consequences of automated decisions", Wording) prose;
    /// A financial incentive tied to this purpose: the notice of financial
    /// incentive (Cal. Civ. Code §1798.125(b)).
    incentive: Option<String> = field("incentive", "notice of financial incentive", Material("financial incentive changed")) prose;
    /// The categories of third parties that personal data provided for this
    /// purpose goes to. When stated, Colorado's per-purpose sale and
    /// targeted advertising answers (4 CCR 904-3 Rule 6.03(A)(1)(c)) are
    /// read from them alone, not from every third party of the purpose's
    /// categories (`law::colorado`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    third_parties: Vec<Ref<ThirdParty>> = field("third_parties", "third parties of the purpose", Grows("new recipient"));
    /// The App Store privacy details' purpose it is (`app_store` export).
    apple: Option<ApplePurpose> = field("apple", "Apple purpose", Material("store label changed"));
    /// The Google Play Data safety purpose it is (`play_data_safety` export).
    play: Option<PlayPurpose> = field("play", "Play purpose", Material("store label changed"));
    /// Its data use in the fideslang taxonomy (`fides` export).
    fides: Option<FidesDataUse> = field("fides", "fideslang data use", Ignore);
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
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
    /// Where `basis` is written, block included.
    #[serde(skip)]
    pub span: Span,
    /// Where `basis KIND` is written: the keyword and the word.
    #[serde(skip)]
    pub head: Span,
}

impl Basis {
    /// Whether the basis serves every purpose of the data set it is
    /// written in (it names none, or all of them): when it does not, a
    /// reader must be told which it serves (GDPR Art. 13(1)(c): the
    /// purposes *and* their legal basis).
    #[must_use]
    pub fn covers_every_purpose_of(&self, dataset: &Dataset) -> bool {
        self.purposes.is_empty() || dataset.purposes.iter().all(|p| self.purposes.contains(p))
    }
}

/// The consent a US state privacy law asks for before a business processes
/// a consumer's sensitive data (Va. Code §59.1-578(A)(5), Colo. Rev. Stat.
/// §6-1-1308(7), Conn. Gen. Stat. §42-520(a)(4), ...): `consent for care
/// under virginia { how "..." withdraw "..." }`. A fact of its own, not a
/// lawful basis of the GDPR: the GDPR rules, the data table and the record
/// of processing do not read it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StateConsent {
    /// The purposes it is given for (all of the data set's when empty).
    pub purposes: Vec<Ref<Purpose>>,
    /// The US state laws it answers (`under`): every one the policy
    /// declares when empty.
    pub laws: Vec<Jurisdiction>,
    /// How the consumer gives it: "when you create your account".
    pub how: Option<String>,
    /// How the consumer withdraws it.
    pub withdraw: Option<String>,
    /// The sentence the notice prints.
    pub text: Option<String>,
    /// Where `consent` is written, block included.
    #[serde(skip)]
    pub span: Span,
}

impl StateConsent {
    /// Whether it answers a law: the laws it names, or every one.
    #[must_use]
    pub fn answers(&self, law: Jurisdiction) -> bool {
        self.laws.is_empty() || self.laws.contains(&law)
    }
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

declare_kind! {
    /// A data set (a row of the data table) or a standalone processing activity.
    pub struct Dataset / DatasetSpans: Dataset;
    /// Display name.
    name;
    /// Row of the table, or processing of its own.
    kind: ActivityKind = from_decl(Wording, activity_kind);
    /// Former ids, kept as extra anchors (`#dataset-OLD`) so that published
    /// links to the row still work after it is renamed.
    aliases: Vec<String> = field("aliases", "former anchors", Ignore);
    /// Whom the data is about.
    subjects: Vec<Ref<Subject>> = field("subjects", "data subjects", Grows("new data subjects"));
    /// Where the people it is about are, when the flow is not everyone's:
    /// `eea`, `uk`, `us`, `california`, ... (DPV's `hasJurisdiction`). A law
    /// reads only the flows of people it protects: an EEA-only data set is
    /// no row of the CCPA table, a US-only one owes no GDPR lawful basis.
    /// Empty: everywhere the policy reaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    regions: Vec<super::words::Region> = field("regions", "regions of the people", Material("scope changed"));
    /// The items collected.
    collects: Vec<Ref<Item>> = field("collects", "data collected", Grows("new data"));
    /// Where the data comes from.
    sources: Vec<Ref<Source>> = field("sources", "sources", Grows("new source of data"));
    /// How it is collected.
    methods: Vec<Ref<CollectionMethod>> = field("methods", "collection methods", Wording);
    /// Why.
    purposes: Vec<Ref<Purpose>> = field("purposes", "purposes", Grows("new purpose"));
    /// The processing operations.
    operations: Option<String> = field("operations", "processing operations", Wording) prose;
    /// Lawful bases.
    bases: Vec<Basis> = field("basis", "lawful bases", Bases) prose;
    /// The consent the US state laws ask for before sensitive data is
    /// processed: not a lawful basis of the GDPR.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    consent: Vec<StateConsent> = field("consent", "consent under US state law", Wording) prose;
    /// Retention rules.
    retention: Vec<Ref<RetentionRule>> = field("retention", "retention", Material("retention changed"));
    /// Recipients.
    recipients: Vec<Ref<Recipient>> = field("recipients", "recipients", Grows("new recipient"));
    /// Transfers.
    transfers: Vec<Ref<Transfer>> = field("transfers", "transfers abroad", Grows("new transfer abroad"));
    /// Statutory or contractual requirement.
    required: Option<Requirement> = custom("required", "whether providing the data is required", Wording, Shape::Requirement, requirement) prose;
    /// The technical and organisational security measures (GDPR Art. 30(1)(g), 32(1)), when they differ from the controller's.
    security: Option<String> = field("security", "security measures", Wording) prose;
    /// Prose: what the data set is.
    text: Option<String> = field("text", "text", Wording) prose;
}
