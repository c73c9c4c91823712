//! The one table of the language: its kinds of declaration and their fields.
//!
//! Every other stage derives what it must know about the language from
//! here instead of keeping its own list:
//!
//! - resolution reports unknown, repeated and missing fields, with
//!   did-you-mean, from a kind's [`FieldSpec`]s ([`crate::resolve`]);
//! - the model's structs and their lowering are generated, field by field,
//!   by [`declare_kind!`] from the same declaration that gives the spec;
//! - `candor fmt` prints fields in the order of the spec
//!   ([`crate::format::order`]);
//! - `candor diff` classes a change by the field's [`DiffRule`] and names it
//!   by its label ([`crate::diff`]);
//! - the field tables of `docs/language.md` and the grammar's field rules
//!   are checked against it by `tests/schema.rs`.
//!
//! Adding a field to a kind is one line in that kind's `declare_kind!` (in
//! `src/model/`), one alternative in the grammar (which the test asks for),
//! and a template line where the notice prints it.

mod declare;
mod prose;

pub(crate) use declare::declare_kind;
pub use prose::{HasProse, ProseValue, Translatable, TranslatableValue};

use crate::model;
use crate::resolve::FromField;
use crate::syntax::tree::DeclKind;

/// The shape of a field's arguments, as the grammar reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A string or a `"""` prose block.
    Text,
    /// One word of a closed set.
    Word {
        /// What the set is called: "lawful basis".
        what: &'static str,
        /// Its words.
        words: &'static [&'static str],
    },
    /// A comma-separated list of words of a closed set.
    Words {
        /// What the set is called.
        what: &'static str,
        /// Its words.
        words: &'static [&'static str],
    },
    /// `yes` or `no`.
    YesNo,
    /// The id of one declaration of a kind.
    Ref(DeclKind),
    /// A comma-separated list of ids of one kind.
    Refs(DeclKind),
    /// `2023-01` or `2023-01-15`.
    Date,
    /// A whole number.
    Number,
    /// `"number" [toll_free]`.
    Phone,
    /// `yes|no ["what happens if it is not provided"]`.
    Requirement,
    /// `KIND [for purposes] [when "condition"] [{ block }]`.
    Basis,
    /// `[for purposes] [under laws] [{ block }]`.
    Consent,
    /// `KIND "Name" [{ text }]`.
    Right,
    /// `REGION NUMBER`.
    Age,
    /// Ids of data sets or CCPA categories.
    RetentionTargets,
    /// Ids of third-party categories, or `same_as CATEGORY`.
    ThirdParties,
    /// `GENERATOR [ids] [numbered]`.
    Insert,
    /// `CODE ["reason"]`.
    Setting,
    /// A comma-separated list of ids that name nothing to resolve: the
    /// former ids of `aliases`.
    Ids,
    /// A comma-separated list of language subtags (BCP 47, ISO 639): `en`,
    /// `es`, `zh`, `tl`; not only the languages candor writes.
    Languages,
}

impl Shape {
    /// How the argument is written, for the field tables of the docs.
    #[must_use]
    pub fn syntax(self) -> String {
        match self {
            Shape::Text => "text".to_owned(),
            Shape::Word { what, .. } => format!("a {what}"),
            Shape::Words { what, .. } => format!("{what}s, comma separated"),
            Shape::YesNo => "`yes` or `no`".to_owned(),
            Shape::Ref(kind) => format!("the id of {}", kind.noun()),
            Shape::Refs(kind) => format!("ids of {}", plural(kind)),
            Shape::Date => "a date".to_owned(),
            Shape::Number => "a number".to_owned(),
            Shape::Phone => "text, then `toll_free` if it is".to_owned(),
            Shape::Requirement => "`yes` or `no`, then the consequence as text".to_owned(),
            Shape::Basis => "a lawful basis, `for` purposes, `when` text, a block".to_owned(),
            Shape::Consent => "`for` purposes, `under` US state laws, a block".to_owned(),
            Shape::Right => "a right, its name as text, a block".to_owned(),
            Shape::Age => "a region and an age".to_owned(),
            Shape::RetentionTargets => "ids of data sets or CCPA categories".to_owned(),
            Shape::ThirdParties => "ids of third parties, or `same_as` a CCPA category".to_owned(),
            Shape::Insert => "a generator, ids, `numbered`".to_owned(),
            Shape::Setting => "a rule code, then the reason as text".to_owned(),
            Shape::Ids => "former ids, comma separated".to_owned(),
            Shape::Languages => "language subtags (BCP 47), comma separated".to_owned(),
        }
    }

    /// Whether a field of this shape may be written more than once (each
    /// time adds one).
    #[must_use]
    pub const fn repeats(self) -> bool {
        matches!(
            self,
            Shape::Basis
                | Shape::Consent
                | Shape::Right
                | Shape::Age
                | Shape::Insert
                | Shape::Setting
        )
    }
}

fn plural(kind: DeclKind) -> String {
    let noun = kind.noun();
    let bare = noun.split_once(' ').map_or(noun, |(_, rest)| rest);
    match bare.strip_suffix('y') {
        Some(stem) if !bare.ends_with("ay") => format!("{stem}ies"),
        _ => format!("{bare}s"),
    }
}

/// How `candor diff` classes a change of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffRule {
    /// Text only: editorial.
    Wording,
    /// Any change is material, for this reason.
    Material(&'static str),
    /// A list: material when it gains an element.
    Grows(&'static str),
    /// A list: material when it loses an element.
    Shrinks(&'static str),
    /// A flag: material when it turns yes.
    TurnsYes(&'static str),
    /// A period in words: material unless it is measurably shorter.
    Longer(&'static str),
    /// A number of days: material when it grows.
    Increases(&'static str),
    /// Lawful bases: compared as facts, their wording apart.
    Bases,
    /// The rights of a rights block, matched by kind.
    Rights,
    /// Not part of the notice.
    Ignore,
}

/// One field of a kind of declaration.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// The keyword a policy writes: `collects`. Empty for a model field that
    /// no keyword writes (it is derived from another field or the kind).
    pub keyword: &'static str,
    /// The model's name for it, the key in `policy.json`: `collects`.
    pub model: &'static str,
    /// How a lawyer calls it in sentences: "data collected".
    pub label: &'static str,
    /// The shape of its arguments.
    pub shape: Shape,
    /// An example line, when the field is required.
    pub required: Option<&'static str>,
    /// Whether it may be written more than once (each time adds one).
    pub repeats: bool,
    /// How `diff` classes a change of it.
    pub diff: DiffRule,
    /// Its documentation: one line.
    pub doc: &'static str,
    /// Whether its text, or the text inside its block, is prose the notice
    /// prints: the text rules read every such field (`prose` at the end of
    /// its `declare_kind!` line).
    pub prose: bool,
}

impl FieldSpec {
    /// A field a policy writes.
    #[must_use]
    pub const fn new(
        keyword: &'static str,
        model: &'static str,
        label: &'static str,
        shape: Shape,
        diff: DiffRule,
        doc: &'static str,
    ) -> Self {
        FieldSpec {
            keyword,
            model,
            label,
            shape,
            required: None,
            repeats: shape.repeats(),
            diff,
            doc,
            prose: false,
        }
    }

    /// A model field derived from another field or from the kind.
    #[must_use]
    pub const fn derived(model: &'static str, diff: DiffRule, doc: &'static str) -> Self {
        FieldSpec {
            keyword: "",
            model,
            label: model,
            shape: Shape::Text,
            required: None,
            repeats: false,
            diff,
            doc,
            prose: false,
        }
    }

    /// The same field, required, with an example line for the error.
    #[must_use]
    pub const fn required(mut self, example: &'static str) -> Self {
        self.required = Some(example);
        self
    }

    /// The same field, holding prose that the text rules read.
    #[must_use]
    pub const fn prose(mut self) -> Self {
        self.prose = true;
        self
    }

    /// The same field, which may be written more than once.
    #[must_use]
    pub const fn repeating(mut self) -> Self {
        self.repeats = true;
        self
    }

    /// Whether a policy writes it (rather than it being derived).
    #[must_use]
    pub fn is_written(&self) -> bool {
        !self.keyword.is_empty()
    }

    /// Whether its value is, or holds, prose the notice prints.
    #[must_use]
    pub fn is_prose(&self) -> bool {
        self.prose
    }

    /// The documentation, trimmed.
    #[must_use]
    pub fn doc(&self) -> &'static str {
        self.doc.trim()
    }
}

/// Whether a declaration kind needs a display name after its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRule {
    /// An error when missing.
    Required,
    /// The id stands in when missing.
    Optional,
    /// Empty when missing.
    OrEmpty,
}

/// How a kind's declarations change in `diff` when added or removed.
#[derive(Clone, Copy, Debug)]
pub struct Lifecycle {
    /// What `diff` calls one: "category of third parties".
    pub noun: &'static str,
    /// How renaming one is classed (the controller's name is its identity).
    pub renamed: DiffRule,
    /// Why adding one is material, or `None` when it is editorial.
    pub added: Option<&'static str>,
    /// The sentence announcing an addition; `{}` is the name.
    pub added_notice: &'static str,
    /// Why removing one is material, or `None`.
    pub removed: Option<&'static str>,
}

/// One kind of declaration.
#[derive(Clone, Copy, Debug)]
pub struct KindSpec {
    /// The kind.
    pub kind: DeclKind,
    /// The keyword that declares one: `dataset`.
    pub keyword: &'static str,
    /// How a lawyer calls one, with its article: "a data set".
    pub noun: &'static str,
    /// The kind whose namespace its ids live in (`processing` shares the
    /// data sets').
    pub namespace: DeclKind,
    /// The key of its list in `policy.json`: `datasets`.
    pub collection: &'static str,
    /// Whether the display name is required.
    pub name: NameRule,
    /// Its fields, in canonical order (the order `fmt` prints them in).
    pub fields: &'static [FieldSpec],
    /// Whether its fields keep the order they are written in (a section's
    /// `text` and `insert` are the document).
    pub ordered: bool,
    /// How to use one, for the warning about an unused declaration; `None`
    /// when nothing refers to it.
    pub use_hint: Option<&'static str>,
    /// How `diff` treats adding and removing one.
    pub lifecycle: Lifecycle,
    /// What it is, one line.
    pub doc: &'static str,
}

impl KindSpec {
    /// The noun without its article: "data set".
    #[must_use]
    pub fn bare_noun(&self) -> &'static str {
        self.noun
            .split_once(' ')
            .map_or(self.noun, |(_, rest)| rest)
    }

    /// The fields a policy writes, in canonical order.
    pub fn written_fields(&self) -> impl Iterator<Item = &'static FieldSpec> {
        self.fields.iter().filter(|f| f.is_written())
    }

    /// The field a keyword names.
    #[must_use]
    pub fn field(&self, keyword: &str) -> Option<&'static FieldSpec> {
        self.fields
            .iter()
            .find(|f| f.is_written() && f.keyword == keyword)
    }

    /// The field of a `policy.json` key.
    #[must_use]
    pub fn model_field(&self, model: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.model == model)
    }
}

/// A model struct generated by [`declare_kind!`]: its fields' specs.
pub trait Declared {
    /// The kind of declaration it lowers (for `dataset` and `processing`,
    /// the namespace's kind).
    const KIND: DeclKind;
    /// Its fields.
    const FIELDS: &'static [FieldSpec];
}

const fn lifecycle(
    noun: &'static str,
    added: Option<&'static str>,
    added_notice: &'static str,
    removed: Option<&'static str>,
) -> Lifecycle {
    Lifecycle {
        noun,
        renamed: DiffRule::Wording,
        added,
        added_notice,
        removed,
    }
}

/// Every kind of declaration, in the order of `policy.json` and of the
/// changes `diff` lists.
pub static KINDS: &[KindSpec] = &[
    KindSpec {
        kind: DeclKind::Policy,
        keyword: "policy",
        noun: "the policy declaration",
        namespace: DeclKind::Policy,
        collection: "policy",
        name: NameRule::Required,
        fields: POLICY_FIELDS,
        ordered: false,
        use_hint: None,
        lifecycle: lifecycle("policy", None, "", None),
        doc: "the document: title, last update, jurisdictions, outline",
    },
    KindSpec {
        kind: DeclKind::Controller,
        keyword: "controller",
        noun: "a controller",
        namespace: DeclKind::Controller,
        collection: "controller",
        name: NameRule::Required,
        fields: <model::Controller as Declared>::FIELDS,
        ordered: false,
        use_hint: None,
        lifecycle: Lifecycle {
            renamed: DiffRule::Material("new controller"),
            ..lifecycle(
                "controller",
                Some("new controller"),
                "**{}** is now the controller of your personal data.",
                Some("controller removed"),
            )
        },
        doc: "who is responsible for the personal data",
    },
    KindSpec {
        kind: DeclKind::Contact,
        keyword: "contact",
        noun: "a contact",
        namespace: DeclKind::Contact,
        collection: "contacts",
        name: NameRule::Required,
        fields: <model::Contact as Declared>::FIELDS,
        ordered: false,
        use_hint: Some(
            "name it in the controller's `contacts`, a rights block's `request_methods` or `insert contacts`",
        ),
        lifecycle: lifecycle(
            "contact",
            None,
            "You can now contact us through **{}**.",
            None,
        ),
        doc: "a way to reach the company: an email, phone, web form or address",
    },
    KindSpec {
        kind: DeclKind::Item,
        keyword: "item",
        noun: "a data item",
        namespace: DeclKind::Item,
        collection: "items",
        name: NameRule::Required,
        fields: <model::Item as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("list it in a data set's `collects` or a CCPA category's `items`"),
        lifecycle: lifecycle(
            "data item",
            Some("new data"),
            "We now collect **{}**.",
            None,
        ),
        doc: "one piece of personal data",
    },
    KindSpec {
        kind: DeclKind::Subject,
        keyword: "subject",
        noun: "a data subject",
        namespace: DeclKind::Subject,
        collection: "subjects",
        name: NameRule::Required,
        fields: <model::Subject as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("list it in a data set's `subjects`"),
        lifecycle: lifecycle(
            "data subject",
            Some("new data subjects"),
            "We now process personal data about **{}**.",
            None,
        ),
        doc: "a group of people data is about",
    },
    KindSpec {
        kind: DeclKind::Source,
        keyword: "source",
        noun: "a source",
        namespace: DeclKind::Source,
        collection: "sources",
        name: NameRule::Required,
        fields: <model::Source as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("list it in a data set's, method's or CCPA category's `sources`"),
        lifecycle: lifecycle(
            "source",
            Some("new source of data"),
            "We now obtain personal data from **{}**.",
            None,
        ),
        doc: "where data comes from",
    },
    KindSpec {
        kind: DeclKind::Method,
        keyword: "method",
        noun: "a collection method",
        namespace: DeclKind::Method,
        collection: "methods",
        name: NameRule::Required,
        fields: <model::CollectionMethod as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("list it in a data set's `methods`, or add `insert methods` to a section"),
        lifecycle: lifecycle(
            "collection method",
            None,
            "We now also collect data this way: **{}**.",
            None,
        ),
        doc: "how data is collected",
    },
    KindSpec {
        kind: DeclKind::Purpose,
        keyword: "purpose",
        noun: "a purpose",
        namespace: DeclKind::Purpose,
        collection: "purposes",
        name: NameRule::Required,
        fields: <model::Purpose as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("list it in a data set's, cookie's or CCPA category's `purposes`"),
        lifecycle: lifecycle(
            "purpose",
            Some("new purpose"),
            "We now use personal data for a new purpose: **{}**.",
            None,
        ),
        doc: "why data is processed (CCPA business purposes are purposes too)",
    },
    KindSpec {
        kind: DeclKind::Dataset,
        keyword: "dataset",
        noun: "a data set",
        namespace: DeclKind::Dataset,
        collection: "datasets",
        name: NameRule::Required,
        fields: <model::Dataset as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("add `insert datasets` to a section"),
        lifecycle: lifecycle(
            "data set",
            Some("new data"),
            "We now process a new set of personal data: **{}**.",
            None,
        ),
        doc: "a row of the data table: items, purposes, lawful bases, retention",
    },
    KindSpec {
        kind: DeclKind::Processing,
        keyword: "processing",
        noun: "a processing activity",
        namespace: DeclKind::Dataset,
        collection: "datasets",
        name: NameRule::Required,
        fields: <model::Dataset as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("add `insert processing` with its id to a section"),
        lifecycle: lifecycle(
            "data set",
            Some("new data"),
            "We now process a new set of personal data: **{}**.",
            None,
        ),
        doc: "processing described on its own, with the fields of a data set",
    },
    KindSpec {
        kind: DeclKind::Recipient,
        keyword: "recipient",
        noun: "a recipient",
        namespace: DeclKind::Recipient,
        collection: "recipients",
        name: NameRule::Required,
        fields: <model::Recipient as Declared>::FIELDS,
        ordered: false,
        use_hint: Some(
            "add `insert recipients` to a section, or refer to it from a third party or vendor",
        ),
        lifecycle: lifecycle(
            "recipient",
            Some("new recipient"),
            "We may now share personal data with a new category of recipients: **{}**.",
            None,
        ),
        doc: "a category of recipients (GDPR Art. 13(1)(e))",
    },
    KindSpec {
        kind: DeclKind::ThirdParty,
        keyword: "third_party",
        noun: "a third party category",
        namespace: DeclKind::Recipient,
        collection: "recipients",
        name: NameRule::Required,
        fields: <model::Recipient as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("list it in a CCPA category's `third_parties`"),
        lifecycle: lifecycle(
            "category of third parties",
            Some("new recipient"),
            "We may now disclose personal information to a new category of third parties: **{}**.",
            None,
        ),
        doc: "a category of third parties of the CCPA table",
    },
    KindSpec {
        kind: DeclKind::Vendor,
        keyword: "vendor",
        noun: "a vendor",
        namespace: DeclKind::Vendor,
        collection: "vendors",
        name: NameRule::Required,
        fields: <model::Vendor as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("list it in a cookie category's `vendors`"),
        lifecycle: lifecycle(
            "vendor",
            Some("new recipient"),
            "We now work with a new vendor: **{}**.",
            None,
        ),
        doc: "a named company, such as a cookie vendor",
    },
    KindSpec {
        kind: DeclKind::Cookie,
        keyword: "cookie",
        noun: "a cookie category",
        namespace: DeclKind::Cookie,
        collection: "cookies",
        name: NameRule::Required,
        fields: <model::CookieCategory as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("add `insert cookies` to a section"),
        lifecycle: lifecycle(
            "cookie category",
            Some("new cookies"),
            "We now use a new category of cookies: **{}**.",
            None,
        ),
        doc: "a category of cookies, its basis and its vendors",
    },
    KindSpec {
        kind: DeclKind::Transfer,
        keyword: "transfer",
        noun: "a transfer",
        namespace: DeclKind::Transfer,
        collection: "transfers",
        name: NameRule::Required,
        fields: <model::Transfer as Declared>::FIELDS,
        ordered: false,
        use_hint: Some(
            "add `insert transfers` to a section, or list it in a data set's `transfers`",
        ),
        lifecycle: lifecycle(
            "transfer",
            Some("new transfer abroad"),
            "We now transfer personal data abroad: **{}**.",
            None,
        ),
        doc: "a transfer abroad and its safeguards",
    },
    KindSpec {
        kind: DeclKind::Rights,
        keyword: "rights",
        noun: "a rights block",
        namespace: DeclKind::Rights,
        collection: "rights",
        name: NameRule::Required,
        fields: <model::RightsBlock as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("add `insert rights` with its id to a section"),
        lifecycle: lifecycle(
            "rights",
            None,
            "This policy now describes **{}**.",
            Some("removed rights"),
        ),
        doc: "the rights of one law, how to exercise them, verification and response times",
    },
    KindSpec {
        kind: DeclKind::Retention,
        keyword: "retention",
        noun: "a retention rule",
        namespace: DeclKind::Retention,
        collection: "retention",
        name: NameRule::OrEmpty,
        fields: <model::RetentionRule as Declared>::FIELDS,
        ordered: false,
        use_hint: Some(
            "list it in a data set's or CCPA category's `retention`, or in `insert retention`",
        ),
        lifecycle: lifecycle(
            "retention rule",
            Some("retention changed"),
            "New retention rule: **{}**.",
            Some("retention changed"),
        ),
        doc: "how long data is kept, or the criteria",
    },
    KindSpec {
        kind: DeclKind::Children,
        keyword: "children",
        noun: "a children declaration",
        namespace: DeclKind::Children,
        collection: "children",
        name: NameRule::Optional,
        fields: <model::Children as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("add `insert children` to a section"),
        lifecycle: lifecycle(
            "children's data",
            None,
            "This policy now has a section on **{}**.",
            None,
        ),
        doc: "who counts as a child, per region",
    },
    KindSpec {
        kind: DeclKind::Ccpa,
        keyword: "ccpa",
        noun: "a CCPA category",
        namespace: DeclKind::Ccpa,
        collection: "ccpa",
        name: NameRule::Required,
        fields: <model::CcpaCategory as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("add `insert ccpa_table` to a section"),
        lifecycle: lifecycle(
            "CCPA category",
            Some("new data"),
            "We now collect a new category of personal information: **{}**.",
            None,
        ),
        doc: "a category of personal information: a row of the CCPA disclosure table",
    },
    KindSpec {
        kind: DeclKind::Definition,
        keyword: "definition",
        noun: "a definition",
        namespace: DeclKind::Definition,
        collection: "definitions",
        name: NameRule::Required,
        fields: <model::Definition as Declared>::FIELDS,
        ordered: false,
        use_hint: Some("add `insert definitions` to a section"),
        lifecycle: lifecycle("definition", None, "New defined term: **{}**.", None),
        doc: "a defined term",
    },
    KindSpec {
        kind: DeclKind::Section,
        keyword: "section",
        noun: "a section",
        namespace: DeclKind::Section,
        collection: "sections",
        name: NameRule::Optional,
        fields: SECTION_FIELDS,
        ordered: true,
        use_hint: Some("list it in the policy's `outline`"),
        lifecycle: lifecycle("section", None, "New section: **{}**.", None),
        doc: "a part of the document: prose and generated content, in order",
    },
    KindSpec {
        kind: DeclKind::Rules,
        keyword: "rules",
        noun: "the rule settings",
        namespace: DeclKind::Rules,
        collection: "rule_settings",
        name: NameRule::Optional,
        fields: RULES_FIELDS,
        ordered: true,
        use_hint: None,
        lifecycle: lifecycle("rule settings", None, "", None),
        doc: "rule levels recorded in the policy",
    },
    KindSpec {
        kind: DeclKind::Translation,
        keyword: "translation",
        noun: "a translation",
        namespace: DeclKind::Translation,
        collection: "translations",
        name: NameRule::OrEmpty,
        fields: &[],
        ordered: true,
        use_hint: Some("list its language in the policy's `languages`"),
        // `diff` compares translations block by block
        // (`diff::translations`), not as declarations.
        lifecycle: lifecycle("translation", None, "", None),
        doc: "one language's translation of the prose: `KIND id BLOCK @fingerprint \"text\"` per block (`candor translations` writes them)",
    },
];

/// The spec of a declaration kind. The unknown kind has none.
#[must_use]
pub fn kind(kind: DeclKind) -> Option<&'static KindSpec> {
    KINDS.iter().find(|k| k.kind == kind)
}

/// The kind whose list `policy.json` keeps under `collection`.
#[must_use]
pub fn collection(collection: &str) -> Option<&'static KindSpec> {
    KINDS.iter().find(|k| k.collection == collection)
}

/// The fields of a nested block, by the keyword of the field that opens it.
#[must_use]
pub fn block(field_keyword: &str) -> Option<&'static [FieldSpec]> {
    match field_keyword {
        "basis" => Some(BASIS_FIELDS),
        "consent" => Some(CONSENT_FIELDS),
        "right" => Some(RIGHT_FIELDS),
        _ => None,
    }
}

/// The fields of the `policy` declaration.
pub static POLICY_FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "updated",
        "updated",
        "last-updated date",
        Shape::Date,
        // The version's own dates: `diff --fail-on material` reads them.
        DiffRule::Ignore,
        "when the policy was last updated, printed at its top",
    ),
    FieldSpec::new(
        "effective",
        "effective",
        "effective date",
        Shape::Date,
        DiffRule::Ignore,
        "when this version takes effect, if later than `updated` (a new purpose must be announced before it starts: GDPR Art. 13(3)); printed beside the last-updated date",
    ),
    FieldSpec::new(
        "jurisdictions",
        "jurisdictions",
        "laws addressed",
        <Vec<model::words::Jurisdiction> as FromField>::SHAPE,
        DiffRule::Material("laws addressed changed"),
        "the laws whose rules apply and whose sections the notice prints",
    )
    .required("jurisdictions gdpr, ccpa"),
    FieldSpec::new(
        "language",
        "language",
        "language",
        Shape::Text,
        DiffRule::Wording,
        "the document's language (BCP 47), e.g. `en`",
    ),
    FieldSpec::new(
        "languages",
        "languages",
        "languages",
        <Vec<crate::locale::Locale> as FromField>::SHAPE,
        DiffRule::Shrinks("a language of the notice removed"),
        "every language the notice is published in, the source's among them: `en`, `de`, `fr`, `es`, `it`, `nl`, `pt`; each other one needs a `translation`",
    ),
    FieldSpec::new(
        "exports",
        "exports",
        "exports",
        <Vec<model::words::Export> as FromField>::SHAPE,
        DiffRule::Ignore,
        "the files besides the notice a build writes: `ropa`, `gpc`, `consent`, `app_store`, `play_data_safety`, `fides`, `dpv`, `gpp`",
    ),
    FieldSpec::new(
        "outline",
        "outline",
        "sections",
        Shape::Refs(DeclKind::Section),
        DiffRule::Wording,
        "the sections of the document, in order",
    )
    .required("outline intro, contact_details"),
    FieldSpec::new(
        "numbered",
        "numbered",
        "section numbering",
        Shape::YesNo,
        DiffRule::Wording,
        "whether headed sections print as `1. AMENDMENTS`",
    ),
    FieldSpec::new(
        "templates",
        "templates",
        "templates",
        Shape::Text,
        DiffRule::Ignore,
        "a directory of templates that override the built-in ones",
    ),
    FieldSpec::new(
        "id_prefix",
        "id_prefix",
        "id prefix",
        Shape::Text,
        DiffRule::Ignore,
        "put before every id and `#` link of the HTML, so that two fragments can share a page (`--id-prefix` wins)",
    ),
    FieldSpec::new(
        "heading_level",
        "heading_level",
        "heading level",
        Shape::Number,
        DiffRule::Ignore,
        "the heading level of the HTML title, 1-4, so that a fragment nests under a host's headings (`--heading-level` wins)",
    ),
    FieldSpec::new(
        "text",
        "text",
        "text",
        Shape::Text,
        DiffRule::Wording,
        "prose about the policy as a whole",
    )
    .prose(),
];

/// The fields of a `section`: its former ids, its prose and generators, in
/// order.
pub static SECTION_FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "aliases",
        "aliases",
        "former anchors",
        Shape::Ids,
        DiffRule::Ignore,
        "former ids of the section, kept as extra anchors so that published links to it still work (`candor diff` reports a removed anchor)",
    ),
    FieldSpec::new(
        "text",
        "blocks",
        "content",
        Shape::Text,
        DiffRule::Wording,
        "Markdown prose, printed where it stands",
    )
    .prose()
    .repeating(),
    FieldSpec::new(
        "insert",
        "blocks",
        "content",
        Shape::Insert,
        DiffRule::Wording,
        "content generated from the facts, printed where it stands",
    ),
];

/// The fields of `rules`: rule levels.
pub static RULES_FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "allow",
        "rule_settings",
        "rule settings",
        Shape::Setting,
        DiffRule::Ignore,
        "turns a rule off; the reason is required",
    ),
    FieldSpec::new(
        "warn",
        "rule_settings",
        "rule settings",
        Shape::Setting,
        DiffRule::Ignore,
        "makes a rule a warning",
    ),
    FieldSpec::new(
        "deny",
        "rule_settings",
        "rule settings",
        Shape::Setting,
        DiffRule::Ignore,
        "makes a rule an error",
    ),
];

/// The `text` of a block (a basis's, a consent's): the sentence the notice
/// prints, in place of the one candor would write.
const PRINTED_TEXT: FieldSpec = FieldSpec::new(
    "text",
    "text",
    "text",
    Shape::Text,
    DiffRule::Wording,
    "the sentence the notice prints",
)
.prose();

/// The block of a `basis` field.
pub static BASIS_FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "interest",
        "interest",
        "legitimate interest",
        Shape::Text,
        DiffRule::Wording,
        "the legitimate interest pursued (Art. 6(1)(f))",
    )
    .prose(),
    FieldSpec::new(
        "withdraw",
        "withdraw",
        "how to withdraw consent",
        Shape::Text,
        DiffRule::Wording,
        "how consent can be withdrawn",
    )
    .prose(),
    FieldSpec::new(
        "special",
        "special",
        "Art. 9(2) condition",
        <Option<model::words::Art9Condition> as FromField>::SHAPE,
        DiffRule::Material("lawful basis changed"),
        "the Art. 9(2) condition for special-category data",
    ),
    PRINTED_TEXT,
];

/// The block of a `consent` field (consent under the US state laws).
pub static CONSENT_FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "how",
        "how",
        "how consent is given",
        Shape::Text,
        DiffRule::Wording,
        "how and when the consumer gives consent",
    )
    .prose(),
    FieldSpec::new(
        "withdraw",
        "withdraw",
        "how to withdraw consent",
        Shape::Text,
        DiffRule::Wording,
        "how the consumer withdraws consent",
    )
    .prose(),
    PRINTED_TEXT,
];

/// The block of a `right` field.
pub static RIGHT_FIELDS: &[FieldSpec] = &[FieldSpec::new(
    "text",
    "text",
    "text",
    Shape::Text,
    DiffRule::Wording,
    "what the right means",
)
.prose()];

/// The field tables of `docs/language.md`: one per kind, each row a field
/// with its argument and its documentation. `tests/schema.rs` checks that
/// the document holds exactly these tables.
#[must_use]
pub fn field_tables() -> String {
    let mut out = String::new();
    for spec in KINDS {
        // `processing` shares the data sets' fields; a translation's
        // entries are blocks, not fields (docs/languages.md).
        if matches!(spec.kind, DeclKind::Processing | DeclKind::Translation) {
            continue;
        }
        out.push_str(&format!("#### `{}`: {}\n\n", spec.keyword, spec.doc));
        out.push_str("| field | argument | required | what it says |\n|---|---|---|---|\n");
        for field in spec.written_fields() {
            out.push_str(&table_row(field.keyword, field));
        }
        for (keyword, fields) in [
            ("basis", BASIS_FIELDS),
            ("consent", CONSENT_FIELDS),
            ("right", RIGHT_FIELDS),
        ] {
            if spec.field(keyword).is_some() {
                for field in fields {
                    let nested = format!("{keyword} {{ {} }}", field.keyword);
                    out.push_str(&table_row(&nested, field));
                }
            }
        }
        out.push('\n');
    }
    out
}

fn table_row(keyword: &str, field: &FieldSpec) -> String {
    let repeat = if field.repeats { " (repeatable)" } else { "" };
    format!(
        "| `{keyword}` | {}{repeat} | {} | {} |\n",
        field.shape.syntax(),
        if field.required.is_some() { "yes" } else { "" },
        field.doc().replace('|', "\\|").replace('\n', " "),
    )
}
