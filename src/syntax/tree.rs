//! The syntax tree: what a policy file says, before any name is looked up.
//!
//! The tree keeps every field as written, with a span on every node, so that
//! resolution can point at the exact word that is wrong and the formatter can
//! print the file back. It is deliberately loose (a field is a keyword and
//! arguments): the meaning of each field belongs to `resolve`.

use crate::source::{FileId, Span, Spanned};

/// One parsed file.
#[derive(Debug, Clone)]
pub struct File {
    /// Which file.
    pub file: FileId,
    /// Its declarations, in order.
    pub declarations: Vec<Declaration>,
}

/// The kinds of declaration the language has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeclKind {
    /// `policy`: title, date, jurisdictions, outline.
    Policy,
    /// `controller`: who is responsible.
    Controller,
    /// `contact`: an email, phone, form or address.
    Contact,
    /// `item`: one piece of personal data.
    Item,
    /// `subject`: a group of people data is about.
    Subject,
    /// `source`: where data comes from.
    Source,
    /// `method`: how data is collected.
    Method,
    /// `purpose`: why data is processed.
    Purpose,
    /// `dataset`: a row of the data table.
    Dataset,
    /// `processing`: processing that is not a row of the data table.
    Processing,
    /// `recipient`: a category of recipients.
    Recipient,
    /// `third_party`: a CCPA category of third parties.
    ThirdParty,
    /// `vendor`: a named company, such as a cookie vendor.
    Vendor,
    /// `cookie`: a category of cookies.
    Cookie,
    /// `transfer`: a transfer abroad and its safeguards.
    Transfer,
    /// `rights`: the rights of one jurisdiction.
    Rights,
    /// `retention`: a retention rule.
    Retention,
    /// `children`: age thresholds.
    Children,
    /// `ccpa`: a CCPA category of personal information.
    Ccpa,
    /// `definition`: a defined term.
    Definition,
    /// `section`: a part of the document outline.
    Section,
    /// `rules`: rule settings.
    Rules,
    /// `translation`: one language's translation of the prose.
    Translation,
    /// A word that is not a declaration keyword.
    Unknown,
}

impl DeclKind {
    /// Every real kind, for suggestions.
    pub const ALL: [DeclKind; 23] = [
        DeclKind::Policy,
        DeclKind::Controller,
        DeclKind::Contact,
        DeclKind::Item,
        DeclKind::Subject,
        DeclKind::Source,
        DeclKind::Method,
        DeclKind::Purpose,
        DeclKind::Dataset,
        DeclKind::Processing,
        DeclKind::Recipient,
        DeclKind::ThirdParty,
        DeclKind::Vendor,
        DeclKind::Cookie,
        DeclKind::Transfer,
        DeclKind::Rights,
        DeclKind::Retention,
        DeclKind::Children,
        DeclKind::Ccpa,
        DeclKind::Definition,
        DeclKind::Section,
        DeclKind::Rules,
        DeclKind::Translation,
    ];

    /// The keyword that introduces it (from the schema).
    #[must_use]
    pub fn keyword(self) -> &'static str {
        crate::schema::kind(self).map_or("?", |spec| spec.keyword)
    }

    /// How a lawyer would call it, with its article: "a data set" (from the
    /// schema).
    #[must_use]
    pub fn noun(self) -> &'static str {
        crate::schema::kind(self).map_or("an unknown declaration", |spec| spec.noun)
    }
}

/// `KIND id "Name" { fields }`.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// The kind, spanning its keyword.
    pub kind: Spanned<DeclKind>,
    /// The keyword as written (differs from the kind's only when unknown).
    pub keyword: Spanned<String>,
    /// The id (absent only for `rules`).
    pub id: Option<Spanned<String>>,
    /// The display name.
    pub name: Option<Spanned<Text>>,
    /// The fields, in order.
    pub fields: Vec<Field>,
    /// The whole declaration.
    pub span: Span,
}

/// `keyword arguments [{ fields }]`.
#[derive(Debug, Clone)]
pub struct Field {
    /// The keyword.
    pub key: Spanned<String>,
    /// Its arguments, in order.
    pub args: Vec<Arg>,
    /// A nested block (`basis ... { }`, `right ... { }`).
    pub block: Option<Vec<Field>>,
    /// False when the grammar did not recognise the keyword here; its
    /// arguments are then one [`Arg::Raw`].
    pub known: bool,
    /// The whole field.
    pub span: Span,
}

/// Text from a string or a prose block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text, unescaped (strings) or dedented (prose).
    pub value: String,
    /// Whether it was written as a `"""` prose block.
    pub prose: bool,
}

/// One argument of a field.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A single word: a reference or a closed-set value.
    Ident(Spanned<String>),
    /// A comma-separated list of words.
    List(Vec<Spanned<String>>),
    /// A string or prose block.
    Text(Spanned<Text>),
    /// `2023-01` or `2023-01-15`.
    Date(Spanned<String>),
    /// Digits.
    Number(Spanned<String>),
    /// A bare keyword that switches something on: `toll_free`, `numbered`.
    Flag(Spanned<String>),
    /// A keyword introducing a value: `for a, b`, `when "..."`, `same_as x`.
    Clause(Spanned<String>, Box<Arg>),
    /// A rule code in `rules`.
    Code(Spanned<String>),
    /// The unparsed rest of an unknown field or declaration.
    Raw(Spanned<String>),
}

impl Arg {
    /// Where the argument is written.
    #[must_use]
    pub fn span(&self) -> Span {
        match self {
            Arg::Ident(s)
            | Arg::Date(s)
            | Arg::Number(s)
            | Arg::Flag(s)
            | Arg::Code(s)
            | Arg::Raw(s) => s.span,
            Arg::Text(t) => t.span,
            Arg::List(items) => match (items.first(), items.last()) {
                (Some(a), Some(b)) => Span {
                    file: a.span.file,
                    start: a.span.start,
                    end: b.span.end,
                },
                _ => Span::default(),
            },
            Arg::Clause(k, v) => Span {
                file: k.span.file,
                start: k.span.start,
                end: v.span().end,
            },
        }
    }
}
