//! The typed context the templates receive, built from the model.
//!
//! Templates stay simple because the work happens here: numbering, the
//! `(i)` markers, joining names, the fixed wording of the generated tables,
//! and turning Markdown prose into the output's own format. The same types
//! serve the Markdown and the HTML templates; a [`Flavor`] decides how
//! prose is pre-rendered.
//!
//! Two kinds of string reach a template, and the field docs say which:
//!
//! - **plain text** (names, headings, addresses): the template engine
//!   escapes it for the output (HTML entities, or Markdown backslashes), so
//!   a template prints it with `{{ field }}`.
//! - **rendered prose** (fields documented as "rendered"): already safe
//!   Markdown or sanitised HTML, printed with `{{ field | safe }}`.

use serde::Serialize;

use super::markdown;
use super::prose::{self, ProseOptions};
use super::text::roman_marker;
use super::words;
use crate::law;
use crate::locale::Locale;
use crate::views;
use crate::views::cookies::Consent;

mod collection;
mod colorado;
mod states;
mod summary;
use crate::model::Ref;
use crate::model::words::{TableTerm, Word};
use crate::model::{
    Basis, Block, CcpaCategory, Contact, Controller, Dataset, Insert, Policy, RetentionRule,
    RightsBlock, Section,
};

/// Which output a context is built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// `privacy-policy.md`, `ccpa.md`: prose stays Markdown.
    Markdown,
    /// `privacy-policy.html`, `ccpa.html`: prose becomes sanitised HTML.
    Html,
}

impl Flavor {
    /// Prose that stands as blocks of its own (paragraphs, lists).
    fn block(self, prose: &str, options: &ProseOptions) -> String {
        match self {
            Flavor::Markdown => markdown::to_markdown(prose),
            Flavor::Html => markdown::to_html_with(prose, options),
        }
    }

    /// Prose that follows a label on the same line (a definition).
    fn inline(self, prose: &str, options: &ProseOptions) -> String {
        match self {
            Flavor::Markdown => markdown::to_markdown(prose),
            Flavor::Html => markdown::to_html_inline_with(prose, options),
        }
    }

    /// Prose that follows a label in a list item. In Markdown, continuation
    /// lines are indented so that a second paragraph stays inside its item.
    fn list_item(self, prose: &str, options: &ProseOptions) -> String {
        match self {
            Flavor::Markdown => markdown::to_markdown(prose)
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    if i == 0 || line.is_empty() {
                        line.to_owned()
                    } else {
                        format!("  {line}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Flavor::Html => markdown::to_html_inline_with(prose, options),
        }
    }

    /// Prose inside a table cell: one line in Markdown, blocks in HTML.
    fn cell(self, prose: &str, options: &ProseOptions) -> String {
        match self {
            Flavor::Markdown => markdown::to_markdown_cell(prose),
            Flavor::Html => markdown::to_html_with(prose, options),
        }
    }
}

/// Everything the document templates (`privacy-policy.*`, `ccpa.*`) see.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentContext {
    /// The document's language (BCP 47) for `<html lang>`; `en` by default.
    pub lang: String,
    /// The title (plain text).
    pub title: String,
    /// When the policy was last updated.
    pub updated: Option<Updated>,
    /// When this version takes effect, if the policy states it.
    pub effective: Option<Updated>,
    /// The headed sections, for a table of contents.
    pub toc: Vec<TocEntry>,
    /// The sections, in the outline's order.
    pub sections: Vec<SectionView>,
    /// The controller's legal name (plain text), for the wording that
    /// names it (the meta description).
    pub controller: Option<String>,
    /// The CCPA disclosure table (its rows are empty when the policy has no
    /// CCPA categories).
    pub ccpa: CcpaTable,
    /// What `ccpa.html` adds around the table.
    pub ccpa_page: CcpaPage,
    /// Put before every `id` and `#` link of the HTML (`--id-prefix`), so
    /// that two documents can share a page; empty by default.
    pub prefix: String,
    /// The HTML heading levels (`--heading-level`).
    pub levels: Levels,
    /// Whether the HTML is a standalone page (not `--fragment`): the
    /// tables may then use the page's full width.
    pub standalone: bool,
}

/// The HTML heading levels: the title at `--heading-level` (1 by default),
/// the sections one below, subsections (and `ccpa.html`'s parts) two below.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Levels {
    /// The document title's level.
    pub title: u8,
    /// The sections' level.
    pub section: u8,
    /// The subsections' level.
    pub subsection: u8,
}

impl Levels {
    /// The levels under a title at `title` (clamped to 1-4, so that
    /// subsections stay within `<h6>`).
    #[must_use]
    pub fn from_title(title: u8) -> Self {
        let title = title.clamp(1, 4);
        Levels {
            title,
            section: title + 1,
            subsection: title + 2,
        }
    }
}

/// The parts of `ccpa.html` around the disclosure table.
#[derive(Debug, Clone, Serialize)]
pub struct CcpaPage {
    /// The anchor of the notice's section that holds the table, for the
    /// link back to the notice (prefixed); empty when no section holds it.
    /// The HTML page links to it in-page (`#section`), and rendering points
    /// every link to an anchor the page does not hold at the full notice
    /// (`--notice-url`, `--notice-id-prefix`).
    pub section: String,
    /// The definitions inserted in that section (the terms the table's
    /// headers use, such as “Shared”).
    pub definitions: Vec<DefinitionView>,
}

/// The last-updated date.
#[derive(Debug, Clone, Serialize)]
pub struct Updated {
    /// The date as words: `January 2023` (plain text).
    pub long: String,
    /// The date as written: `2023-01`, for `<time datetime>`.
    pub iso: String,
}

/// A table-of-contents entry.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// The section's anchor.
    pub id: String,
    /// The heading as printed, with its number (plain text).
    pub heading: String,
}

/// A section of the document.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// The anchor: the section's id in the source, so that links to it
    /// survive renumbering and rewording.
    pub id: String,
    /// The heading as printed, `4. THE DATA WE COLLECT` when the policy is
    /// numbered (plain text); none for an untitled introduction.
    pub heading: Option<String>,
    /// The content, in order.
    pub blocks: Vec<BlockView>,
    /// The section's former ids (`aliases`), kept as extra anchors so that
    /// published links to them still work.
    pub aliases: Vec<String>,
}

/// One piece of a section. Serialised with a `kind` field that templates
/// switch on.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockView {
    /// Prose.
    Prose {
        /// Rendered.
        content: String,
    },
    /// How to make a request under a rights block. The sentences around
    /// these facts are wording, in `wording.tera`.
    Requests {
        /// The ways to make a request, as label, value and link.
        methods: Vec<Line>,
        /// How requests are verified (rendered inline; may be empty).
        verification: String,
        /// How an authorised agent makes a request (rendered inline; may be
        /// empty).
        agents: String,
        /// Days to respond, when stated.
        response_days: Option<u32>,
        /// Days the response may be extended by, when stated.
        extension_days: Option<u32>,
        /// How opt-out preference signals are handled (rendered inline; may
        /// be empty).
        signals: String,
        /// Whether signals are honoured without friction (`yes`, `no`,
        /// `not_stated`).
        frictionless: AnswerView,
        /// Whether the `signals` statement says how signals are honoured
        /// ([`views::signals::read`]: described, not refused nor vague):
        /// only then may the `frictionless` sentence say they are.
        signals_honoured: bool,
        /// Whether requests can be made only online.
        online_only: AnswerView,
        /// Whether sensitive personal information is used beyond the
        /// permitted purposes.
        sensitive_other_uses: AnswerView,
        /// Whether the business handles 10 million consumers or more a year.
        ten_million: AnswerView,
        /// The request metrics, or where they are published (rendered
        /// inline; may be empty).
        metrics: String,
    },
    /// Lines of label and value: the controller, contact points.
    Lines {
        /// The lines.
        lines: Vec<Line>,
        /// Prose after them: the controller's `text` (rendered; may be
        /// empty).
        text: String,
    },
    /// Defined terms.
    Definitions {
        /// The terms.
        definitions: Vec<DefinitionView>,
    },
    /// A list: cookies, collection methods, rights, retention rules.
    List {
        /// Whether the items carry `(i)` markers (and so need no bullets).
        numbered: bool,
        /// The Markdown bullet, `-`, or `*` for a list that directly
        /// follows another bulleted list (Markdown would merge two adjacent
        /// lists with the same bullet into one).
        bullet: String,
        /// The items.
        items: Vec<ListItem>,
        /// The list's anchor (`cookies-list`), or empty.
        anchor: String,
        /// Prose before the items: a rights block's `text` (rendered; may
        /// be empty).
        intro: String,
    },
    /// Paragraphs: processing activities, transfers, children, each with
    /// the facts of its own declaration under it (so that a reader sees
    /// which facts belong to which transfer).
    Paragraphs {
        /// One per declaration.
        paragraphs: Vec<Paragraph>,
    },
    /// The data table.
    DataTable(DataTable),
    /// The recipients table.
    RecipientsTable(RecipientsTable),
    /// The CCPA disclosure table, which is the context's `ccpa`.
    CcpaTable,
    /// The US state privacy rights (`context/states.rs`).
    StateRights(states::StateRightsView),
    /// The CCPA notice at collection (`context/collection.rs`).
    NoticeAtCollection(collection::CollectionView),
    /// The categories of personal data with the US state laws' labels
    /// (`context/states.rs`).
    StateCategories(states::StateCategoriesView),
    /// Colorado's purpose-by-purpose table (`context/colorado.rs`).
    ColoradoPurposes(colorado::ColoradoPurposesView),
    /// The short first layer (`context/summary.rs`).
    Summary(summary::SummaryView),
}

/// A paragraph and the facts of the same declaration that it does not
/// already say, printed under it.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// Rendered prose (may be empty: then only the facts print).
    pub text: String,
    /// The facts.
    pub facts: Vec<FactView>,
}

/// `Label: value`.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// What the line is, for a label that is wording (`w.line_label`):
    /// `controller.address`; `None` when `label` comes from the source.
    pub key: Option<String>,
    /// `We are`, `Email` (plain text).
    pub label: String,
    /// The value (plain text).
    pub value: String,
    /// A safe link for the value (`mailto:`, `tel:`, `https:`), if it has one.
    pub href: Option<String>,
    /// Another way to reach the contact of the line before (its address
    /// after its email): printed after it, under the same label, which is
    /// not repeated.
    pub continued: bool,
}

/// A fact printed under a text that does not say it: the label is wording
/// (`w.fact` in `wording.tera`, by `key`), the value comes from the source.
#[derive(Debug, Clone, Serialize)]
pub struct FactView {
    /// Which fact: the field's keyword (`duration`, `vendor`), or the
    /// keyword and its answer (`essential.no`) for yes/no facts.
    pub key: String,
    /// The value (plain text; may be empty for a yes/no fact).
    pub value: String,
    /// A safe link for the value, if it has one.
    pub href: Option<String>,
}

impl FactView {
    fn new(key: &str, value: impl Into<String>) -> Self {
        FactView {
            key: key.to_owned(),
            value: value.into(),
            href: None,
        }
    }

    /// A yes/no fact: `key.yes` or `key.no`; nothing when unknown.
    fn answer(key: &str, value: Option<bool>) -> Option<Self> {
        value.map(|v| FactView::new(&format!("{key}.{}", if v { "yes" } else { "no" }), ""))
    }
}

/// Whether `text` already says `value` (case and spacing aside), so that it
/// need not be printed again.
fn says(text: Option<&str>, value: &str) -> bool {
    let squash = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    text.is_some_and(|t| squash(t).contains(&squash(value)))
}

/// Whether a text already gives this age ("under 13", "13 or older",
/// "aged 16"), so that a fact need not repeat it.
fn gives_age(text: Option<&str>, age: impl std::fmt::Display) -> bool {
    let Some(text) = text else {
        return false;
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    [
        format!("under {age}"),
        format!("under the age of {age}"),
        format!("{age} or older"),
        format!("{age} or over"),
        format!("aged {age}"),
        format!("age of {age}"),
        format!("{age} and over"),
        format!("{age} and older"),
    ]
    .iter()
    .any(|p| text.contains(p.as_str()))
}

/// Whether a children text already says that the personal information of
/// consumers under 16 is not sold (a text about another age, "under 18"
/// for Maryland, says something else: the CCPA's sentence still prints).
fn says_not_sold_to_minors(text: Option<&str>) -> bool {
    let Some(text) = text else {
        return false;
    };
    let text = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (text.contains("not sell") || text.contains("never sell"))
        && ["under 16", "under the age of 16"]
            .iter()
            .any(|u| text.contains(u))
}

/// `“Term”: text`.
#[derive(Debug, Clone, Serialize)]
pub struct DefinitionView {
    /// The definition's id, for an anchor.
    pub id: String,
    /// The term in curly quotes: `“Personal Data”` (plain text).
    pub term: String,
    /// The definition, rendered inline.
    pub text: String,
}

/// One list item: `[marker] [label] text`, for example
/// `(ii) Right to Delete – you have the right ...`.
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    /// The declaration's id.
    pub id: String,
    /// Facts the item's text does not already say, printed under it.
    pub facts: Vec<FactView>,
    /// `(i)`, `(ii)` when numbered (plain text).
    pub marker: Option<String>,
    /// The name alone (plain text).
    pub name: Option<String>,
    /// The name with the punctuation that ties it to the text: `Name –`,
    /// `Name.`; the name alone when there is no text (plain text). The
    /// punctuation belongs to the label so that a template can wrap the
    /// label in `<strong>` without separating `Name` from its `.`.
    pub label: Option<String>,
    /// The text, rendered inline (may be empty).
    pub text: String,
}

/// The data table: one row per data set. Its caption and headers are
/// wording, in `wording.tera`.
#[derive(Debug, Clone, Serialize)]
pub struct DataTable {
    /// Whether the "Lawful basis" column is printed: when a GDPR-family law
    /// applies or a data set states a basis.
    pub lawful_basis: bool,
    /// The rows.
    pub rows: Vec<DataRow>,
}

/// A row of the data table.
#[derive(Debug, Clone, Serialize)]
pub struct DataRow {
    /// The data set's id.
    pub id: String,
    /// The data set's former ids (`aliases`), kept as extra anchors.
    pub aliases: Vec<String>,
    /// Column 1, the row header: the name (plain text).
    pub name: String,
    /// Column 2: its text (rendered for a cell; may be empty).
    pub text: String,
    /// Column 3: the text of each purpose, then the operations (each
    /// rendered for a cell).
    pub purposes: Vec<String>,
    /// Column 4: each lawful basis, with the purposes it covers.
    pub bases: Vec<BasisCell>,
    /// The data set's facts its texts do not already say (items, people,
    /// sources, how collected, recipients, transfers, the purposes' logic
    /// and incentives, the bases' interests and withdrawal).
    pub facts: Vec<FactView>,
}

/// One lawful basis in the data table: its sentence, then its own facts
/// (when it applies, the interest pursued, how to withdraw consent) and
/// those that pair it with the data set's processing — which of the data set's
/// purposes it covers (when not all of them: GDPR Art. 13(1)(c) asks for
/// the purposes *and* their legal basis, so a reader must be able to tell
/// which basis serves which purpose) and its Art. 9(2) condition.
#[derive(Debug, Clone, Serialize)]
pub struct BasisCell {
    /// The basis's sentence, rendered for a cell.
    pub text: String,
    /// The pairing facts (`basis_purposes`, `art9`).
    pub facts: Vec<FactView>,
}

/// The recipients table.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientsTable {
    /// The rows.
    pub rows: Vec<RecipientRow>,
}

/// A row of the recipients table.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientRow {
    /// The recipient's id.
    pub id: String,
    /// The category (plain text).
    pub name: String,
    /// The data shared (rendered for a cell; may be empty).
    pub shares: String,
    /// The purpose of sharing (rendered for a cell; may be empty).
    pub purpose: String,
    /// Its location and joint-controller arrangement, when stated.
    pub facts: Vec<FactView>,
}

/// The CCPA disclosure table: facts only; its wording (headers, the
/// answers, the sentences before each list of third parties) lives in the
/// templates (`ccpa-table.*`, `wording.tera`).
#[derive(Debug, Clone, Serialize)]
pub struct CcpaTable {
    /// What the notice calls the company in running text (plain text), or
    /// `None` for "we".
    pub who: Option<String>,
    /// Whether a row lists a category that is not collected: the table then
    /// has a "Collected" column.
    pub collected_column: bool,
    /// Whether a row names the people it is about.
    pub subjects_column: bool,
    /// Whether a row has retention rules.
    pub retention_column: bool,
    /// The defined terms the table uses, each with its marker and
    /// definition, printed beside the table.
    pub footnotes: Vec<Footnote>,
    /// The marker of each used term by its word (`shared` -> `(1)`), empty
    /// for a term without a definition.
    pub marks: std::collections::BTreeMap<String, String>,
    /// One row per CCPA category.
    pub rows: Vec<CcpaRow>,
}

/// A defined term a generated table uses, printed under it.
#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    /// The marker, e.g. `(1)`.
    pub marker: String,
    /// The term as the definition names it (plain text).
    pub term: String,
    /// The definition (rendered inline).
    pub text: String,
    /// The definition's id, for its `definition-ID` anchor, unless an
    /// `insert definitions` prints it elsewhere in the document.
    pub id: Option<String>,
}

/// A link to a part of the notice.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// The text (plain text).
    pub name: String,
    /// The anchor in the full notice, without `#` (prefixed).
    pub anchor: String,
}

/// An answer of the CCPA table: `yes`, `no` or `not_stated` (never "no" for
/// what the source does not say).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AnswerView {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Neither the row nor the facts say.
    NotStated,
}

impl From<Option<bool>> for AnswerView {
    fn from(value: Option<bool>) -> Self {
        match value {
            Some(true) => AnswerView::Yes,
            Some(false) => AnswerView::No,
            None => AnswerView::NotStated,
        }
    }
}

/// What every table of the categories of personal information says of a
/// category alike: the CCPA table, the notice at collection and the state
/// laws' table flatten it into their rows.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    /// The category's id.
    pub id: String,
    /// The category (plain text).
    pub name: String,
    /// Its statutory letters (§1798.140(v)(1)).
    pub letters: Vec<String>,
    /// The source names (plain text).
    pub sources: Vec<String>,
    /// The purpose names (plain text).
    pub purposes: Vec<String>,
    /// How long it is kept: each retention rule's period, else its
    /// criteria, else its name, labelled with the rule's name when there
    /// are several (two bare periods in one cell would not say which data
    /// each is for).
    pub retention: Vec<PeriodView>,
}

/// One retention period in a table cell.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    /// The name of the rule it comes from, when the cell holds several
    /// periods (plain text).
    pub label: Option<String>,
    /// The period, else the criteria, else the rule's name (plain text).
    pub period: String,
}

/// A row of the CCPA table.
#[derive(Debug, Clone, Serialize)]
pub struct CcpaRow {
    /// Its name, letters, sources, purposes and retention.
    #[serde(flatten)]
    pub category: CategoryView,
    /// Whether it is collected (`collected no` rows print only that).
    pub collected: bool,
    /// The specific information (rendered for a cell; may be empty).
    pub examples: String,
    /// The names of its data items (plain text).
    pub items: Vec<String>,
    /// The row's prose (rendered for a cell; may be empty).
    pub text: String,
    /// The notice's data sets whose information it holds, as links.
    pub datasets: Vec<LinkView>,
    /// The people it is about (plain text).
    pub subjects: Vec<String>,
    /// Sold?
    pub sold: AnswerView,
    /// Shared?
    pub shared: AnswerView,
    /// Disclosed for a business purpose?
    pub disclosed: AnswerView,
    /// The third parties that buy it (plain text).
    pub sold_to: Vec<String>,
    /// The third parties it is shared with (plain text).
    pub shared_with: Vec<String>,
    /// The third parties it is disclosed to for a business purpose (plain
    /// text).
    pub disclosed_to: Vec<String>,
    /// When the row repeats another row's third parties: that row's name
    /// (plain text), printed as "see list under ...".
    pub same_as: Option<String>,
    /// When only some of the row's items are sold: those (plain text), from
    /// where each item goes in the data map; empty otherwise.
    pub sold_items: Vec<String>,
    /// When only some of the row's items are shared: those (plain text).
    pub shared_items: Vec<String>,
}

/// What the page shell (`page.html`) sees.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    /// The document's language.
    pub lang: String,
    /// The page title (plain text).
    pub title: String,
    /// The last-updated date.
    pub updated: Option<Updated>,
    /// Which document: `privacy-policy` or `ccpa`, as a class on `<body>`.
    pub document: String,
    /// The controller's legal name, for the meta description (plain text).
    pub controller: Option<String>,
    /// What the notice calls the company (plain text), or `None` for "we".
    pub who: Option<String>,
    /// The rendered body (HTML).
    pub body: String,
    /// The path from the page to the top of the output directory: empty,
    /// or `../` from a language's own directory.
    pub root: &'static str,
    /// The page in each language the notice is published in (empty when
    /// there is one), for `hreflang` links and the language switcher.
    pub alternates: Vec<Alternate>,
}

/// The same page in one of the notice's languages.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// The language's BCP 47 tag.
    pub tag: &'static str,
    /// The language's name in itself ("Deutsch").
    pub name: &'static str,
    /// The page's address, relative to the current page.
    pub href: String,
    /// Whether it is the current page.
    pub current: bool,
}

impl DocumentContext {
    /// Builds the context of the whole document for one output format.
    #[must_use]
    pub fn build(policy: &Policy, flavor: Flavor, html: &HtmlOptions) -> Self {
        Self::build_in(policy, flavor, html, super::source_locale(policy))
    }

    /// Builds the context of the whole document in one language: its
    /// dates and the words the Rust side prints are that language's; the
    /// policy's prose is whatever it holds (see
    /// [`crate::model::translation::translated`]).
    #[must_use]
    pub fn build_in(policy: &Policy, flavor: Flavor, html: &HtmlOptions, locale: Locale) -> Self {
        let levels = Levels::from_title(html.heading_level);
        let prose = ProseOptions {
            id_prefix: html.id_prefix.clone(),
            subsection_level: levels.subsection,
            calling_code: policy
                .controller
                .as_ref()
                .and_then(|c| c.address.as_deref())
                .and_then(prose::calling_code)
                .map(str::to_owned),
            autolink: true,
        };
        let builder = Builder {
            policy,
            flavor,
            prose,
            locale,
        };
        let sections = builder.sections();
        let toc = sections
            .iter()
            .filter_map(|s| {
                s.heading.as_ref().map(|h| TocEntry {
                    id: s.id.clone(),
                    heading: h.clone(),
                })
            })
            .collect();
        DocumentContext {
            controller: policy.controller.as_ref().map(|c| c.name.clone()),
            ccpa_page: builder.ccpa_page(),
            prefix: html.id_prefix.clone(),
            levels,
            standalone: html.standalone,
            lang: if locale == super::source_locale(policy) {
                policy.language.clone().unwrap_or_else(|| "en".to_owned())
            } else {
                locale.tag().to_owned()
            },
            title: policy.title.clone(),
            updated: policy.updated.map(|date| Updated {
                long: date.long_in(locale),
                iso: date.to_string(),
            }),
            effective: policy.effective.map(|date| Updated {
                long: date.long_in(locale),
                iso: date.to_string(),
            }),
            toc,
            sections,
            ccpa: builder.ccpa_table(),
        }
    }
}

/// The HTML-only settings of a context (the Markdown ignores them).
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    /// Put before every `id` and `#` link.
    pub id_prefix: String,
    /// The document title's heading level, 1-4.
    pub heading_level: u8,
    /// A standalone page rather than a fragment.
    pub standalone: bool,
    /// Where the full notice is published, for the CCPA page's links back
    /// to it (`--notice-url`); `None` is `privacy-policy.html`, the file
    /// beside it, unless `notice_id_prefix` puts the notice on the same page.
    pub notice_url: Option<String>,
    /// The full notice's id prefix (`--notice-id-prefix`); `None` is the
    /// page's own `id_prefix` (the notice of the same build).
    pub notice_id_prefix: Option<String>,
}

impl HtmlOptions {
    /// The link to an anchor of the full notice (`anchor` without any
    /// prefix; empty for the notice itself).
    #[must_use]
    pub fn notice_link(&self, anchor: &str) -> String {
        let same_page = self.notice_url.is_none() && self.notice_id_prefix.is_some();
        let url = match &self.notice_url {
            Some(url) => url.as_str(),
            None if same_page => "",
            None => "privacy-policy.html",
        };
        let prefix = self.notice_id_prefix.as_deref().unwrap_or(&self.id_prefix);
        match (url.is_empty(), anchor.is_empty()) {
            (true, true) => format!("#{prefix}privacy-policy"),
            (false, true) => url.to_owned(),
            (_, false) => format!("{url}#{prefix}{anchor}"),
        }
    }
}

/// Whether a `--notice-url` is safe to print in an attribute: a relative
/// address or an `https:`/`http:` one, without spaces, quotes, angle
/// brackets or a fragment of its own.
#[must_use]
pub fn is_notice_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let scheme = lower
        .find(':')
        .filter(|&c| {
            lower[..c]
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "+-.".contains(ch))
        })
        .map(|c| &lower[..c]);
    scheme.is_none_or(|s| s == "https" || s == "http")
        && !url.contains('#')
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
        })
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            id_prefix: String::new(),
            heading_level: 1,
            standalone: true,
            notice_url: None,
            notice_id_prefix: None,
        }
    }
}

/// Builds views of one policy for one flavour.
struct Builder<'a> {
    policy: &'a Policy,
    flavor: Flavor,
    prose: ProseOptions,
    /// The language of the words the Rust side prints.
    locale: Locale,
}

impl Builder<'_> {
    fn prose_block(&self, prose: &str) -> String {
        self.flavor.block(prose, &self.prose)
    }

    fn prose_cell(&self, prose: &str) -> String {
        self.flavor.cell(prose, &self.prose)
    }

    fn prose_inline(&self, prose: &str) -> String {
        self.flavor.inline(prose, &self.prose)
    }

    fn prose_list_item(&self, prose: &str) -> String {
        self.flavor.list_item(prose, &self.prose)
    }

    /// `ccpa.html`'s heading, description, link back and definitions: those
    /// inserted in the section that holds the CCPA table.
    fn ccpa_page(&self) -> CcpaPage {
        let policy = self.policy;
        let holder = policy.sections.iter().find(|s| {
            s.blocks.iter().any(|b| {
                matches!(
                    b,
                    Block::Insert {
                        insert: Insert::CcpaTable
                    }
                )
            })
        });
        let definitions = holder
            .into_iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Insert {
                    insert: Insert::Definitions { definitions },
                } => Some(definitions),
                _ => None,
            })
            .flatten()
            .map(|r| self.definition(policy.get(r)))
            .collect();
        CcpaPage {
            section: holder
                .map(|s| format!("{}{}", self.prose.id_prefix, s.id))
                .unwrap_or_default(),
            definitions,
        }
    }

    fn definition(&self, d: &crate::model::Definition) -> DefinitionView {
        DefinitionView {
            id: d.id.clone(),
            term: d.name.clone(),
            text: self.inline(d.text.as_deref()),
        }
    }

    /// The outline's sections (every section in source order when the
    /// policy has no outline), numbered when the policy says so: only
    /// headed sections count.
    fn sections(&self) -> Vec<SectionView> {
        let ordered: Vec<&Section> = if self.policy.outline.is_empty() {
            self.policy.sections.iter().collect()
        } else {
            self.policy
                .outline
                .iter()
                .map(|r| self.policy.get(r))
                .collect()
        };
        let mut number = 0usize;
        ordered
            .into_iter()
            .map(|section| {
                let heading = section
                    .heading
                    .as_ref()
                    .filter(|h| !h.trim().is_empty())
                    .map(|h| {
                        if self.policy.numbered {
                            number += 1;
                            format!("{number}. {h}")
                        } else {
                            h.clone()
                        }
                    });
                let mut blocks: Vec<BlockView> =
                    section.blocks.iter().map(|b| self.block(b)).collect();
                alternate_bullets(&mut blocks);
                SectionView {
                    id: section.id.clone(),
                    heading,
                    blocks,
                    aliases: section.aliases.clone(),
                }
            })
            .collect()
    }

    fn block(&self, block: &Block) -> BlockView {
        match block {
            Block::Text { markdown, .. } => BlockView::Prose {
                content: self.prose_block(markdown),
            },
            Block::Insert { insert } => self.insert(insert),
        }
    }

    fn insert(&self, insert: &Insert) -> BlockView {
        let policy = self.policy;
        match insert {
            Insert::Controller => BlockView::Lines {
                lines: policy
                    .controller
                    .as_ref()
                    .map(|c| controller_lines(c, policy, self.prose.calling_code.as_deref()))
                    .unwrap_or_default(),
                text: self.cell(policy.controller.as_ref().and_then(|c| c.text.as_deref())),
            },
            Insert::Requests { rights } => self.requests(policy.get(rights)),
            Insert::Contacts { contacts } => BlockView::Lines {
                lines: contacts
                    .iter()
                    .flat_map(|c| contact_lines(policy.get(c), self.prose.calling_code.as_deref()))
                    .collect(),
                text: String::new(),
            },
            Insert::Definitions { definitions } => {
                let chosen: Vec<_> = if definitions.is_empty() {
                    policy.definitions.iter().collect()
                } else {
                    definitions.iter().map(|r| policy.get(r)).collect()
                };
                BlockView::Definitions {
                    definitions: chosen.into_iter().map(|d| self.definition(d)).collect(),
                }
            }
            Insert::Datasets => BlockView::DataTable(self.data_table()),
            Insert::Processing { activities } => BlockView::Paragraphs {
                paragraphs: activities
                    .iter()
                    .flat_map(|a| {
                        // A processing activity prints as a paragraph, with
                        // no basis column: then each basis as a paragraph
                        // of its own, its facts ("For: Security") under
                        // its own text, as in the table's basis column; a
                        // basis's facts under the activity's would not say
                        // which basis they belong to.
                        let d = policy.get(a);
                        let all = dataset_texts(policy, d);
                        let first = Paragraph {
                            text: self.processing(d),
                            facts: self.dataset_facts(d),
                        };
                        let bases = d.bases.iter().map(move |b| {
                            let mut facts = basis_facts(b, |v| says(Some(&all), v));
                            facts.extend(basis_pairing(policy, d, b));
                            Paragraph {
                                text: self.prose_block(&basis_text(b, self.locale)),
                                facts,
                            }
                        });
                        std::iter::once(first).chain(bases)
                    })
                    .collect(),
            },
            Insert::Cookies => BlockView::List {
                anchor: "cookies-list".to_owned(),
                intro: String::new(),
                numbered: false,
                bullet: "-".to_owned(),
                items: policy
                    .cookies
                    .iter()
                    .map(|c| {
                        let mut item =
                            self.item(&c.id, None, Some(&c.name), " – ", c.text.as_deref());
                        item.facts = self.cookie_facts(c);
                        item
                    })
                    .collect(),
            },
            Insert::Methods { methods } => {
                let chosen: Vec<_> = if methods.is_empty() {
                    policy.methods.iter().collect()
                } else {
                    methods.iter().map(|r| policy.get(r)).collect()
                };
                BlockView::List {
                    anchor: String::new(),
                    intro: String::new(),
                    numbered: false,
                    bullet: "-".to_owned(),
                    items: chosen
                        .into_iter()
                        .map(|m| {
                            let mut item =
                                self.item(&m.id, None, Some(&m.name), " – ", m.text.as_deref());
                            item.facts = names_fact(
                                "sources",
                                m.sources.iter().map(|s| &policy.get(s).name),
                            )
                            .into_iter()
                            .collect();
                            item
                        })
                        .collect(),
                }
            }
            Insert::Recipients => BlockView::RecipientsTable(self.recipients_table()),
            Insert::Transfers => BlockView::Paragraphs {
                paragraphs: policy
                    .transfers
                    .iter()
                    .map(|t| {
                        let text = t.text.as_deref();
                        let mut facts = Vec::new();
                        // A transfer without a text of its own is named,
                        // when there are several.
                        if text.is_none() && policy.transfers.len() > 1 {
                            facts.push(FactView::new("transfer", t.name.clone()));
                        }
                        if let Some(from) = t.from {
                            facts.push(FactView::new("from", from.word()));
                        }
                        facts.extend(
                            t.to.as_deref()
                                .filter(|v| !says(text, v))
                                .map(|v| FactView::new("to", v.trim())),
                        );
                        facts.extend(
                            t.safeguards
                                .iter()
                                .map(|g| FactView::new("safeguard", g.word())),
                        );
                        facts.extend(
                            t.copy
                                .as_deref()
                                .filter(|v| !says(text, v))
                                .map(|v| FactView::new("copy", v.trim())),
                        );
                        Paragraph {
                            text: text.map(|t| self.prose_block(t)).unwrap_or_default(),
                            facts,
                        }
                    })
                    .collect(),
            },
            Insert::Rights { rights, numbered } => self.rights(policy.get(rights), *numbered),
            Insert::Retention { rules, numbered } => {
                let rules: Vec<&RetentionRule> = rules.iter().map(|r| policy.get(r)).collect();
                self.retention(&rules, *numbered)
            }
            Insert::Children => BlockView::Paragraphs {
                paragraphs: policy
                    .children
                    .iter()
                    .map(|c| {
                        let text = c.text.as_deref();
                        let mut facts = Vec::new();
                        facts.extend(
                            c.minimum_age
                                .filter(|a| !gives_age(text, *a))
                                .map(|a| FactView::new("minimum_age", a.to_string())),
                        );
                        facts.extend(c.ages.iter().filter(|a| !gives_age(text, a.age)).map(|a| {
                            FactView::new(&format!("age.{}", a.region.word()), a.age.to_string())
                        }));
                        if !(c.sells_under_16 == Some(false) && says_not_sold_to_minors(text)) {
                            facts.extend(FactView::answer("sells_under_16", c.sells_under_16));
                        }
                        Paragraph {
                            text: text.map(|t| self.prose_block(t)).unwrap_or_default(),
                            facts,
                        }
                    })
                    .collect(),
            },
            Insert::CcpaTable => BlockView::CcpaTable,
            Insert::StateRights => self.state_rights(),
            Insert::NoticeAtCollection { subjects } => self.notice_at_collection(subjects),
            Insert::StateCategories => self.state_categories(),
            Insert::ColoradoPurposes => self.colorado_purposes(),
            Insert::Summary => self.summary(),
            // Filled in from the history by `publish` and `build`.
            Insert::Changes { count, history } => BlockView::Paragraphs {
                paragraphs: history
                    .iter()
                    .flatten()
                    .take(usize::try_from(*count).unwrap_or(usize::MAX))
                    .map(|entry| Paragraph {
                        text: self.prose_block(entry),
                        facts: Vec::new(),
                    })
                    .collect(),
            },
        }
    }

    /// Prose rendered inline, empty when absent.
    fn inline(&self, prose: Option<&str>) -> String {
        prose.map(|p| self.prose_inline(p)).unwrap_or_default()
    }

    /// Prose rendered for a cell, empty when absent.
    fn cell(&self, prose: Option<&str>) -> String {
        prose.map(|p| self.prose_cell(p)).unwrap_or_default()
    }

    fn item(
        &self,
        id: &str,
        marker: Option<String>,
        name: Option<&str>,
        separator: &str,
        text: Option<&str>,
    ) -> ListItem {
        let name = name.filter(|n| !n.is_empty()).map(str::to_owned);
        let text = text.map(|t| self.prose_list_item(t)).unwrap_or_default();
        let label = name.as_ref().map(|n| {
            if text.is_empty() {
                n.clone()
            } else {
                format!("{n}{}", separator.trim_end())
            }
        });
        ListItem {
            id: id.to_owned(),
            facts: Vec::new(),
            marker,
            name,
            label,
            text,
        }
    }

    fn rights(&self, block: &RightsBlock, numbered: bool) -> BlockView {
        BlockView::List {
            anchor: String::new(),
            intro: self.cell(block.text.as_deref()),
            numbered,
            bullet: "-".to_owned(),
            items: block
                .rights
                .iter()
                .enumerate()
                .map(|(i, right)| {
                    let marker = numbered.then(|| roman_marker(i + 1));
                    self.item(
                        right.kind.to_string().as_str(),
                        marker,
                        Some(&right.name),
                        " – ",
                        right.text.as_deref(),
                    )
                })
                .collect(),
        }
    }

    fn retention(&self, rules: &[&RetentionRule], numbered: bool) -> BlockView {
        BlockView::List {
            anchor: String::new(),
            intro: String::new(),
            numbered,
            bullet: "-".to_owned(),
            items: rules
                .iter()
                .enumerate()
                .map(|(i, rule)| {
                    let marker = numbered.then(|| roman_marker(i + 1));
                    let text = rule
                        .text
                        .as_deref()
                        .or(rule.criteria.as_deref())
                        .or(rule.period.as_deref());
                    // A name then a sentence ("Orders. We keep ..."), or a
                    // name then a bare period ("Orders: seven years",
                    // "Browsing data: 13 months"), which is no sentence.
                    let separator = if text
                        .and_then(|t| t.trim_start().chars().next())
                        .is_some_and(char::is_uppercase)
                    {
                        ". "
                    } else {
                        ": "
                    };
                    let mut item = self.item(&rule.id, marker, Some(&rule.name), separator, text);
                    for (key, value) in [("period", &rule.period), ("criteria", &rule.criteria)] {
                        if let Some(v) = value.as_deref().filter(|v| !says(text, v)) {
                            item.facts.push(FactView::new(key, v.trim()));
                        }
                    }
                    item
                })
                .collect(),
        }
    }

    /// A processing activity's own text (its bases follow, each a
    /// paragraph of its own).
    fn processing(&self, activity: &Dataset) -> String {
        activity
            .text
            .as_deref()
            .map(|t| self.prose_block(t.trim()))
            .unwrap_or_default()
    }

    fn data_table(&self) -> DataTable {
        let policy = self.policy;
        DataTable {
            lawful_basis: law::declared(policy).any(|l| l.family == law::Family::Gdpr)
                || policy.table_datasets().any(|d| !d.bases.is_empty()),
            rows: policy
                .table_datasets()
                .map(|d| {
                    // What the row's own texts say, read once for its bases.
                    let texts = dataset_texts(policy, d);
                    // A purpose's text, else its name: a purpose stated
                    // without a sentence still shows in its column.
                    let mut purposes: Vec<String> = d
                        .purposes
                        .iter()
                        .map(|p| {
                            let p = policy.get(p);
                            match p.text.as_deref() {
                                Some(t) => self.prose_cell(t),
                                None => self.prose_cell(&markdown::escape_text(&p.name)),
                            }
                        })
                        .collect();
                    purposes.extend(d.operations.as_deref().map(|o| self.prose_cell(o)));
                    DataRow {
                        id: d.id.clone(),
                        aliases: d.aliases.clone(),
                        name: d.name.clone(),
                        text: self.cell(d.text.as_deref()),
                        purposes,
                        bases: d
                            .bases
                            .iter()
                            .map(|b| {
                                let sentence = basis_text(b, self.locale);
                                let all = format!("{texts} {sentence}");
                                let mut facts = basis_facts(b, |v| says(Some(&all), v));
                                facts.extend(basis_pairing(policy, d, b));
                                BasisCell {
                                    text: self.prose_cell(&sentence),
                                    facts,
                                }
                            })
                            .collect(),
                        facts: self.dataset_facts(d),
                    }
                })
                .collect(),
        }
    }

    fn recipients_table(&self) -> RecipientsTable {
        RecipientsTable {
            rows: self
                .policy
                .listed_recipients()
                .map(|r| RecipientRow {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    // What it receives: as the recipient states it, else the
                    // items of the data sets that name it.
                    shares: match r.shares.as_deref() {
                        Some(shares) => self.cell(Some(shares)),
                        None => {
                            let index = self.policy.recipients.iter().position(|x| x.id == r.id);
                            let items: Vec<&str> = index
                                .map(|i| views::flows::items_to(self.policy, i))
                                .unwrap_or_default()
                                .iter()
                                .map(|i| self.policy.get(i).name.as_str())
                                .collect();
                            self.cell((!items.is_empty()).then(|| items.join(", ")).as_deref())
                        }
                    },
                    purpose: self.cell(r.text.as_deref()),
                    // What sort of recipient it is, what the business
                    // receives for the data and whether the recipient
                    // advertises with it: the facts each law derives its
                    // "sale", "sharing" and "service provider" from, printed
                    // as stated (an unstated one prints nothing).
                    facts: r
                        .kind
                        .map(|k| FactView::new("recipient_kind", k.word()))
                        .into_iter()
                        .chain(
                            r.consideration
                                .map(|c| FactView::new("consideration", c.word())),
                        )
                        .chain(FactView::answer(
                            "recipient_advertising",
                            r.targeted_advertising,
                        ))
                        .chain(
                            [("location", &r.location), ("arrangement", &r.arrangement)]
                                .into_iter()
                                .filter_map(|(key, value)| {
                                    value
                                        .as_deref()
                                        .filter(|v| !says(r.text.as_deref(), v))
                                        .map(|v| FactView::new(key, v.trim()))
                                }),
                        )
                        // The named vendors that belong to the recipient.
                        .chain(
                            self.policy
                                .vendors
                                .iter()
                                .filter(|v| v.recipient.as_ref().is_some_and(|x| x.id() == r.id))
                                .map(vendor_fact),
                        )
                        .collect(),
                })
                .collect(),
        }
    }

    /// What a data set's texts (its own, its purposes', its bases') do not
    /// already say: the items (with their special category, sensitive kind
    /// and whether they are required), the people, sources, methods,
    /// recipients and transfers, the purposes' logic, consequences and
    /// incentives, the bases' conditions, interests and withdrawal.
    fn dataset_facts(&self, d: &Dataset) -> Vec<FactView> {
        let policy = self.policy;
        let all = dataset_texts(policy, d);
        let said = |v: &str| says(Some(&all), v);
        let mut facts = Vec::new();
        facts.extend(names_fact(
            "items",
            d.collects.iter().map(|r| &policy.get(r).name),
        ));
        // The items of a special category, and those of a sensitive kind,
        // each under one label: "Sensitive personal information: precise
        // location (precise geolocation), heart rate (health)".
        let special: Vec<String> = d
            .collects
            .iter()
            .map(|r| policy.get(r))
            .filter_map(|item| {
                let word = words::special(self.locale, item.special?);
                Some(named_kind(&item.name, &word))
            })
            .collect();
        let sensitive: Vec<String> = d
            .collects
            .iter()
            .map(|r| policy.get(r))
            .filter_map(|item| {
                let word = words::sensitive(self.locale, item.sensitive?);
                Some(named_kind(&item.name, &word))
            })
            .collect();
        facts.extend(names_fact("special", special.iter()));
        facts.extend(names_fact("sensitive", sensitive.iter()));
        for r in &d.collects {
            let item = policy.get(r);
            if let Some(req) = &item.required {
                let key = if req.required {
                    "required.yes"
                } else {
                    "required.no"
                };
                facts.push(FactView::new(key, item.name.clone()));
                if let Some(c) = req.consequence.as_deref().filter(|c| !said(c)) {
                    facts.push(FactView::new(
                        "consequence",
                        format!("{}: {}", item.name, c.trim()),
                    ));
                }
            }
        }
        if let Some(req) = &d.required {
            let key = if req.required {
                "dataset_required.yes"
            } else {
                "dataset_required.no"
            };
            facts.push(FactView::new(key, ""));
            if let Some(c) = req.consequence.as_deref().filter(|c| !said(c)) {
                facts.push(FactView::new("consequence", c.trim()));
            }
        }
        facts.extend(names_fact(
            "subjects",
            d.subjects.iter().map(|r| &policy.get(r).name),
        ));
        // Where they are, when the flow is not everyone's (`regions`): the
        // laws that reach it follow from it.
        if !d.regions.is_empty() {
            let codes: Vec<&str> = d.regions.iter().map(|r| r.word()).collect();
            facts.push(FactView::new("regions", codes.join(", ")));
        }
        facts.extend(names_fact(
            "sources",
            d.sources.iter().map(|r| &policy.get(r).name),
        ));
        // GDPR Art. 14(2)(f): whether the data came from publicly accessible
        // sources, which `gdpr::public-source` reads from `public yes`.
        facts.extend(names_fact(
            "public_sources",
            d.sources
                .iter()
                .map(|r| policy.get(r))
                .filter(|s| s.public == Some(true))
                .map(|s| &s.name),
        ));
        for r in &d.sources {
            let source = policy.get(r);
            if let Some(v) = source.text.as_deref().filter(|v| !said(v)) {
                facts.push(FactView::new(
                    "source_text",
                    format!("{}: {}", source.name, v.trim()),
                ));
            }
        }
        facts.extend(names_fact(
            "methods",
            d.methods.iter().map(|r| &policy.get(r).name),
        ));
        facts.extend(names_fact(
            "recipients",
            d.recipients.iter().map(|r| &policy.get(r).name),
        ));
        facts.extend(names_fact(
            "transfers",
            d.transfers.iter().map(|r| &policy.get(r).name),
        ));
        // What the rules read of each purpose: direct marketing (the right
        // to object at any time, Art. 21(2)-(4)), profiling and automated
        // decisions (Art. 13(2)(f), 14(2)(g)). Only what is stated `yes`
        // prints: an unstated answer is not a "no".
        for (key, flag) in [
            (
                "marketing",
                (|p: &crate::model::Purpose| p.marketing) as fn(&_) -> _,
            ),
            ("profiling", |p| p.profiling),
            ("automated_decisions", |p| p.automated_decisions),
        ] {
            facts.extend(names_fact(
                key,
                d.purposes
                    .iter()
                    .map(|r| policy.get(r))
                    .filter(|p| flag(p) == Some(true))
                    .map(|p| &p.name),
            ));
        }
        for r in &d.purposes {
            let p = policy.get(r);
            for (key, value) in [
                ("logic", &p.logic),
                ("consequences", &p.consequences),
                ("incentive", &p.incentive),
            ] {
                if let Some(v) = value.as_deref().filter(|v| !said(v)) {
                    facts.push(FactView::new(key, format!("{}: {}", p.name, v.trim())));
                }
            }
        }
        facts
    }

    /// A cookie category's vendors (linked to their pages), purposes,
    /// duration and whether it is strictly necessary.
    fn cookie_facts(&self, c: &crate::model::CookieCategory) -> Vec<FactView> {
        let policy = self.policy;
        let text = c.text.as_deref();
        // "Set only with your consent" only where the bases say consent:
        // not next to an opt-out basis, nor for US readers the bases do not
        // ask (`views::cookies`).
        let essential = match (c.essential, views::cookies::consent(c)) {
            (Some(false), Consent::Never | Consent::Unstated) => {
                Some(FactView::new("essential.no_opt_out", ""))
            }
            (Some(false), Consent::Partly) => Some(FactView::new("essential.no_partly", "")),
            (value, _) => FactView::answer("essential", value),
        };
        let mut facts: Vec<FactView> = essential.into_iter().collect();
        facts.extend(c.vendors.iter().map(|r| vendor_fact(policy.get(r))));
        facts.extend(names_fact(
            "purposes",
            c.purposes.iter().map(|r| &policy.get(r).name),
        ));
        facts.extend(
            c.duration
                .as_deref()
                .filter(|v| !says(text, v))
                .map(|v| FactView::new("duration", v.trim())),
        );
        for b in &c.bases {
            facts.extend(basis_facts(b, |v| {
                says(text, v) || says(b.text.as_deref(), v)
            }));
        }
        facts
    }

    fn requests(&self, block: &RightsBlock) -> BlockView {
        let policy = self.policy;
        BlockView::Requests {
            methods: block
                .request_methods
                .iter()
                .flat_map(|c| contact_lines(policy.get(c), self.prose.calling_code.as_deref()))
                .collect(),
            verification: self.inline(block.verification.as_deref()),
            agents: self.inline(block.agents.as_deref()),
            response_days: block.response_days,
            extension_days: block.extension_days,
            signals: self.inline(block.opt_out_signals.as_deref()),
            frictionless: block.frictionless.into(),
            signals_honoured: block.opt_out_signals.as_deref().is_some_and(|s| {
                views::signals::read(s) == views::signals::SignalStatement::Described
            }),
            online_only: block.online_only.into(),
            sensitive_other_uses: block.sensitive_other_uses.into(),
            ten_million: block.ten_million.into(),
            metrics: self.inline(block.metrics.as_deref()),
        }
    }

    fn ccpa_table(&self) -> CcpaTable {
        let policy = self.policy;
        // Where each item goes, indexed once for every row.
        let index = views::flows::Index::new(policy);
        let rows: Vec<CcpaRow> = policy
            .ccpa
            .iter()
            .map(|c| self.ccpa_row(c, &index))
            .collect();
        // The terms the table's headers and answers use, in reading order;
        // those the policy defines get a marker and a footnote.
        let used = [
            TableTerm::PersonalInformation,
            TableTerm::Sold,
            TableTerm::Shared,
            TableTerm::BusinessPurpose,
            TableTerm::ThirdParty,
        ];
        let inserted = self.inserted_definitions();
        let mut footnotes = Vec::new();
        let mut marks = std::collections::BTreeMap::new();
        for term in used {
            let Some(d) = policy.definitions.iter().find(|d| d.term == Some(term)) else {
                marks.insert(term.word().to_owned(), String::new());
                continue;
            };
            let marker = format!("({})", footnotes.len() + 1);
            marks.insert(term.word().to_owned(), marker.clone());
            footnotes.push(Footnote {
                marker,
                term: d.name.clone(),
                text: self.inline(d.text.as_deref()),
                id: (!inserted.contains(&d.id.as_str())).then(|| d.id.clone()),
            });
        }
        CcpaTable {
            who: policy
                .controller
                .as_ref()
                .and_then(|c| c.short_name.clone()),
            collected_column: rows.iter().any(|r| !r.collected),
            subjects_column: rows.iter().any(|r| !r.subjects.is_empty()),
            retention_column: rows.iter().any(|r| !r.category.retention.is_empty()),
            footnotes,
            marks,
            rows,
        }
    }

    /// The ids of the definitions an `insert definitions` prints somewhere
    /// (all of them for an empty list).
    fn inserted_definitions(&self) -> Vec<&str> {
        let policy = self.policy;
        let mut ids = Vec::new();
        for block in policy.sections.iter().flat_map(|s| &s.blocks) {
            if let Block::Insert {
                insert: Insert::Definitions { definitions },
            } = block
            {
                if definitions.is_empty() {
                    ids.extend(policy.definitions.iter().map(|d| d.id.as_str()));
                } else {
                    ids.extend(definitions.iter().map(Ref::id));
                }
            }
        }
        ids
    }

    fn ccpa_row(&self, category: &CcpaCategory, index: &views::flows::Index) -> CcpaRow {
        let policy = self.policy;
        let names = |refs: &[&Ref<crate::model::ThirdParty>]| -> Vec<String> {
            refs.iter().map(|r| policy.get(*r).name.clone()).collect()
        };
        let d = law::ccpa::disclosures(policy, category);
        CcpaRow {
            category: self.category_view(category),
            collected: law::ccpa::collected(category),
            examples: self.cell(category.examples.as_deref()),
            items: category
                .items
                .iter()
                .map(|i| policy.get(i).name.clone())
                .collect(),
            text: self.cell(category.text.as_deref()),
            datasets: category
                .datasets
                .iter()
                .map(|r| LinkView {
                    name: policy.get(r).name.clone(),
                    anchor: format!("{}dataset-{}", self.prose.id_prefix, r.id()),
                })
                .collect(),
            subjects: category
                .subjects
                .iter()
                .map(|s| policy.get(s).name.clone())
                .collect(),
            sold: d.sold.value.into(),
            shared: d.shared.value.into(),
            disclosed: d.disclosed.value.into(),
            sold_to: names(&d.sold_to),
            shared_with: names(&d.shared_with),
            disclosed_to: names(&d.disclosed_to),
            same_as: category
                .third_parties_same_as
                .as_ref()
                .map(|same| policy.get(same).name.clone()),
            sold_items: self.items_that(category, index, d.sold.value, law::ccpa::sells),
            shared_items: self.items_that(category, index, d.shared.value, law::ccpa::shares),
        }
    }

    /// The items of a row that reach a recipient of whom `test` says yes,
    /// when the row's answer is yes but not every item does: a row holds a
    /// statutory category, and its items need not all go where one goes
    /// (the advertising identifier to ad networks, the driver's licence
    /// nowhere). Read from the data map only where the row's third
    /// parties are the data sets' recipients (a row that lists its own
    /// third-party categories speaks of the category as a whole).
    pub(super) fn items_that(
        &self,
        category: &CcpaCategory,
        index: &views::flows::Index,
        answer: Option<bool>,
        test: impl Fn(&crate::model::ThirdParty) -> Option<bool>,
    ) -> Vec<String> {
        let policy = self.policy;
        if answer != Some(true) || category.spans.third_parties.is_some() {
            return Vec::new();
        }
        // An item reaches such a recipient when a data set about the row's
        // people collects it and names that recipient.
        let hit: Vec<String> = category
            .items
            .iter()
            .filter(|item| {
                index
                    .flows_of_items(std::slice::from_ref(*item))
                    .into_iter()
                    .map(|d| &policy.datasets[d])
                    .filter(|d| views::flows::about(d, &category.subjects))
                    .any(|d| {
                        d.recipients
                            .iter()
                            .any(|r| test(policy.get(r)) == Some(true))
                    })
            })
            .map(|i| policy.get(i).name.clone())
            .collect();
        if hit.is_empty() || hit.len() == category.items.len() {
            Vec::new()
        } else {
            hit
        }
    }

    /// What every table says of a category alike.
    fn category_view(&self, category: &CcpaCategory) -> CategoryView {
        let policy = self.policy;
        CategoryView {
            id: category.id.clone(),
            name: category.name.clone(),
            letters: category
                .statutory
                .iter()
                .map(|l| l.word().to_owned())
                .collect(),
            sources: category
                .sources
                .iter()
                .map(|s| policy.get(s).name.clone())
                .collect(),
            purposes: category
                .purposes
                .iter()
                .map(|p| policy.get(p).name.clone())
                .collect(),
            retention: category
                .retention
                .iter()
                .map(|r| {
                    let rule = policy.get(r);
                    let period = retention_summary(rule);
                    let several = category.retention.len() > 1;
                    PeriodView {
                        label: (several && period != rule.name.trim())
                            .then(|| rule.name.trim().to_owned()),
                        period,
                    }
                })
                .collect(),
        }
    }
}

/// A basis's condition, legitimate interest and way to withdraw consent,
/// each unless `said` finds it already in a text the reader sees.
fn basis_facts(basis: &Basis, said: impl Fn(&str) -> bool) -> Vec<FactView> {
    [
        ("condition", &basis.condition),
        ("interest", &basis.interest),
        ("withdraw", &basis.withdraw),
    ]
    .into_iter()
    .filter_map(|(key, value)| {
        value
            .as_deref()
            .filter(|v| !said(v))
            .map(|v| FactView::new(key, v.trim()))
    })
    .collect()
}

/// Every text a data set's row prints of its own: its text and
/// operations, its purposes' and its bases' texts; a fact one of them
/// already says is not printed again.
fn dataset_texts(policy: &Policy, d: &Dataset) -> String {
    let mut texts: Vec<&str> = d.text.iter().map(String::as_str).collect();
    texts.extend(d.operations.as_deref());
    for p in &d.purposes {
        texts.extend(policy.get(p).text.as_deref());
    }
    for b in &d.bases {
        texts.extend(b.text.as_deref());
    }
    texts.join(" ")
}

/// What ties a basis to the processing it serves: the purposes it covers,
/// named unless it covers every purpose of the data set (or the data set
/// has one), and its Art. 9(2) condition for special-category data.
fn basis_pairing(policy: &Policy, d: &Dataset, basis: &Basis) -> Vec<FactView> {
    let mut facts = Vec::new();
    if !basis.covers_every_purpose_of(d) {
        facts.extend(names_fact(
            "basis_purposes",
            basis.purposes.iter().map(|p| &policy.get(p).name),
        ));
    }
    facts.extend(
        basis
            .special
            .map(|condition| FactView::new("art9", condition.word())),
    );
    facts
}

/// An item's name with its kind in brackets ("location (precise
/// geolocation)"), or the name alone when it already says the kind.
fn named_kind(name: &str, kind: &str) -> String {
    let word = kind.replace('_', " ");
    if name.to_lowercase().contains(&word.to_lowercase()) {
        name.to_owned()
    } else {
        format!("{name} ({word})")
    }
}

/// A named vendor, linked to its page, with its location and note.
fn vendor_fact(v: &crate::model::Vendor) -> FactView {
    let mut value = v.name.clone();
    if let Some(location) = &v.location {
        value = format!("{value} ({})", location.trim());
    }
    if let Some(note) = &v.text {
        value = format!("{value}: {}", note.trim());
    }
    FactView {
        key: "vendor".to_owned(),
        value,
        href: v.url.as_deref().and_then(web_href),
    }
}

/// A list of names as one fact, or nothing when the list is empty.
fn names_fact<'a>(key: &str, names: impl Iterator<Item = &'a String>) -> Option<FactView> {
    let names: Vec<&str> = names.map(String::as_str).collect();
    (!names.is_empty()).then(|| FactView::new(key, names.join(", ")))
}

/// What a retention rule says in a table cell: its period, else its
/// criteria, else its name.
fn retention_summary(rule: &RetentionRule) -> String {
    rule.period
        .as_deref()
        .or(rule.criteria.as_deref())
        .unwrap_or(&rule.name)
        .trim()
        .to_owned()
}

/// Gives a bulleted list that directly follows another one the other
/// bullet, so that Markdown keeps them apart.
fn alternate_bullets(blocks: &mut [BlockView]) {
    let mut previous: Option<String> = None;
    for block in blocks {
        if let BlockView::List {
            numbered: false,
            bullet,
            ..
        } = block
        {
            if previous.as_deref() == Some("-") {
                "*".clone_into(bullet);
            }
            previous = Some(bullet.clone());
        } else {
            previous = None;
        }
    }
}

/// The sentence a basis prints: its `text`, or, so that a basis is never
/// dropped silently, its label and condition.
fn basis_text(basis: &Basis, locale: Locale) -> String {
    match (&basis.text, &basis.condition) {
        (Some(text), _) => text.trim().to_owned(),
        (None, Some(condition)) => format!("{} – {condition}", words::basis(locale, basis.basis)),
        (None, None) => words::basis(locale, basis.basis).to_owned(),
    }
}

/// The controller's lines: its name, address, phone, email, website, and
/// the DPO and representative, each under a wording key (`w.line_label`).
fn controller_lines(
    controller: &Controller,
    policy: &Policy,
    calling_code: Option<&str>,
) -> Vec<Line> {
    let keyed = |key: &str, value: &str, href: Option<String>| Line {
        continued: false,
        key: Some(key.to_owned()),
        label: String::new(),
        value: value.to_owned(),
        href,
    };
    let mut lines = vec![keyed("controller.name", &controller.name, None)];
    if let Some(address) = &controller.address {
        lines.push(keyed("controller.address", address, None));
    }
    if let Some(phone) = &controller.phone {
        let key = if controller.toll_free {
            "controller.phone_toll_free"
        } else {
            "controller.phone"
        };
        lines.push(keyed(key, phone, prose::tel_href(phone, calling_code)));
    }
    if let Some(email) = &controller.email {
        lines.push(keyed("controller.email", email, mailto_href(email)));
    }
    if let Some(url) = &controller.url {
        lines.push(keyed("controller.url", url, web_href(url)));
    }
    if !controller.established.is_empty() {
        let regions: Vec<String> = controller
            .established
            .iter()
            .map(|r| r.word().to_owned())
            .collect();
        lines.push(keyed("controller.established", &regions.join(", "), None));
    }
    if let Some(llm) = controller.llm_training {
        let answer = if llm { "yes" } else { "no" };
        lines.push(keyed("controller.llm_training", answer, None));
    }
    if let Some(encrypted) = controller.encrypted_in_transit {
        let answer = if encrypted { "yes" } else { "no" };
        lines.push(keyed("controller.encrypted_in_transit", answer, None));
    }
    if !controller.account_creation.is_empty() {
        let ways: Vec<&str> = controller
            .account_creation
            .iter()
            .map(|w| w.form().1)
            .collect();
        lines.push(keyed("controller.account_creation", &ways.join(", "), None));
    }
    for (key, page) in [
        ("controller.account_deletion", &controller.account_deletion),
        ("controller.data_deletion", &controller.data_deletion),
    ] {
        if let Some(url) = page {
            lines.push(keyed(key, url, web_href(url)));
        }
    }
    for (key, contact) in [
        ("controller.dpo", &controller.dpo),
        ("controller.representative", &controller.representative),
        (
            "controller.uk_representative",
            &controller.uk_representative,
        ),
    ] {
        let details = contact
            .as_ref()
            .map(|c| contact_lines(policy.get(c), calling_code))
            .unwrap_or_default();
        lines.extend(details.into_iter().map(|line| Line {
            key: Some(key.to_owned()),
            ..line
        }));
    }
    lines
}

/// `Label: value` lines for a contact point: one per way to reach it (its
/// email, phone, web address and postal address, in that order), else its
/// text; a note (`text`) beside an address follows the last of them.
fn contact_lines(contact: &Contact, calling_code: Option<&str>) -> Vec<Line> {
    let mut details: Vec<(String, Option<String>)> = Vec::new();
    if let Some(email) = &contact.email {
        details.push((email.clone(), mailto_href(email)));
    }
    if let Some(phone) = &contact.phone {
        details.push((phone.clone(), prose::tel_href(phone, calling_code)));
    }
    if let Some(url) = &contact.url {
        details.push((url.clone(), web_href(url)));
    }
    if let Some(address) = &contact.address {
        details.push((address.clone(), None));
    }
    let note = contact.text.as_deref().map(str::trim);
    match (details.last_mut(), note) {
        (Some((value, _)), Some(note)) => *value = format!("{value} ({note})"),
        (None, Some(note)) => details.push((note.to_owned(), None)),
        _ => {}
    }
    details
        .into_iter()
        .enumerate()
        .map(|(i, (value, href))| Line {
            continued: i > 0,
            key: None,
            label: contact.name.clone(),
            value,
            href,
        })
        .collect()
}

/// A `mailto:` link for something that looks like one address.
fn mailto_href(email: &str) -> Option<String> {
    let plausible = email.contains('@')
        && !email
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '?' | '&' | ':'));
    plausible.then(|| format!("mailto:{email}"))
}

/// A web link, only for `http` and `https` addresses.
fn web_href(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'));
    ok.then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_only_for_safe_values() {
        assert_eq!(web_href("javascript:alert(1)"), None);
        assert_eq!(
            web_href("https://x.example/a"),
            Some("https://x.example/a".to_owned())
        );
        assert_eq!(mailto_href("a@b.c"), Some("mailto:a@b.c".to_owned()));
        assert_eq!(mailto_href("javascript:a@b"), None);
    }

    #[test]
    fn a_kind_the_name_says_is_not_repeated() {
        assert_eq!(
            named_kind("precise geolocation", "precise_geolocation"),
            "precise geolocation"
        );
        assert_eq!(
            named_kind("Precise Geolocation data", "precise_geolocation"),
            "Precise Geolocation data"
        );
        assert_eq!(
            named_kind("trip routes", "precise_geolocation"),
            "trip routes (precise geolocation)"
        );
    }

    #[test]
    fn an_age_the_text_gives_is_not_repeated() {
        assert!(gives_age(Some("not for children under\n 13"), 13));
        assert!(gives_age(Some("readers aged 16 or over"), 16));
        assert!(!gives_age(Some("readers aged 16 or over"), 13));
        assert!(!gives_age(None, 13));
        assert!(says_not_sold_to_minors(Some(
            "We do not sell the data of anyone under 16."
        )));
        assert!(!says_not_sold_to_minors(Some(
            "We do not sell the data of anyone under 18."
        )));
    }
}
