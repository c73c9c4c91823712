//! The second pass: each declaration's fields into the typed model.

use std::borrow::Borrow;
use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::model::words::{GeneratorKind, Jurisdiction, RuleLevel, Word};
use crate::model::{
    ActivityKind, Block, CcpaCategory, Children, CollectionMethod, Contact, Controller,
    CookieCategory, Dataset, Definition, Insert, Item, Policy, PolicyDate, Purpose, Recipient,
    RecipientList, Ref, RetentionRule, RightsBlock, RuleSetting, SCHEMA_VERSION, Section, Source,
    Subject, Transfer, Vendor,
};
use crate::schema;
use crate::source::{FileId, Sources, Span, Spanned};
use crate::suggest::closest;
use crate::syntax::tree::{Arg, DeclKind, Declaration, Field};

use super::fields::{Cx, FromField, Reader, first_ident, first_text, has_flag};
use super::symbols::{Namespace, SymbolTable};
use super::{DUPLICATE_ID, INVALID_VALUE, MISSING_FIELD, UNKNOWN_KEYWORD, UNUSED};

/// A model struct that lowers from one declaration: generated for every
/// kind by [`crate::schema::declare_kind!`].
pub(crate) trait Lower: Sized {
    /// Reads the declaration's fields into the model.
    fn lower(cx: &mut Cx<'_>, decl: &Declaration) -> Self;
}

/// Calls `$m!` with the name of every list of declarations in [`Lists`]
/// (the same names as in [`Policy`]).
macro_rules! each_list {
    ($m:ident) => {
        $m!(
            contacts,
            items,
            subjects,
            sources,
            methods,
            purposes,
            datasets,
            recipients,
            vendors,
            cookies,
            transfers,
            rights,
            retention,
            children,
            ccpa,
            definitions,
            sections,
            rule_settings,
            translations
        )
    };
}

/// Everything lowered so far, in declaration order per kind (the order the
/// symbol table numbered them in).
#[derive(Default)]
pub(super) struct Lists {
    contacts: Vec<Contact>,
    items: Vec<Item>,
    subjects: Vec<Subject>,
    sources: Vec<Source>,
    methods: Vec<CollectionMethod>,
    purposes: Vec<Purpose>,
    datasets: Vec<Dataset>,
    recipients: Vec<Recipient>,
    vendors: Vec<Vendor>,
    cookies: Vec<CookieCategory>,
    transfers: Vec<Transfer>,
    rights: Vec<RightsBlock>,
    retention: Vec<RetentionRule>,
    children: Vec<Children>,
    ccpa: Vec<CcpaCategory>,
    definitions: Vec<Definition>,
    sections: Vec<Section>,
    rule_settings: Vec<RuleSetting>,
    translations: Vec<crate::model::translation::Translation>,
    /// Generators that list every declaration of a namespace.
    pub(super) lists_all: HashSet<GeneratorKind>,
}

impl Lists {
    /// Moves the lists into the model.
    pub(super) fn into_policy(self, policy: &mut Policy) {
        let lists = self;
        macro_rules! put {
            ($($list:ident),*) => { $( policy.$list = lists.$list; )* };
        }
        each_list!(put);
    }

    /// Moves the lists out of the model again.
    pub(super) fn take_from(policy: &mut Policy) -> Lists {
        let mut lists = Lists::default();
        macro_rules! take {
            ($($list:ident),*) => { $( lists.$list = std::mem::take(&mut policy.$list); )* };
        }
        each_list!(take);
        lists
    }

    /// How long each list is.
    pub(super) fn lens(&self) -> Vec<usize> {
        let lists = self;
        macro_rules! lens {
            ($($list:ident),*) => { vec![$( lists.$list.len() ),*] };
        }
        each_list!(lens)
    }

    /// Moves every declaration of `other` to the end of these lists.
    pub(super) fn append(&mut self, other: &mut Lists) {
        let lists = self;
        macro_rules! append {
            ($($list:ident),*) => { $( lists.$list.append(&mut other.$list); )* };
        }
        each_list!(append);
        lists.lists_all.extend(other.lists_all.iter().copied());
    }

    /// Splits off the last `lens` declarations of each list (as
    /// [`Lists::lens`] gave them): the inverse of [`Lists::append`], but for
    /// the generators listed, which stay with `other`.
    pub(super) fn split_off_back(&mut self, lens: &[usize]) -> Lists {
        let lists = self;
        let mut back = Lists::default();
        let mut lens = lens.iter().copied();
        macro_rules! split {
            ($($list:ident),*) => { $(
                let n = lens.next().unwrap_or(0).min(lists.$list.len());
                back.$list = lists.$list.split_off(lists.$list.len() - n);
            )* };
        }
        each_list!(split);
        back
    }
}

/// The declarations of which a policy has one: the first is kept, later
/// ones are reported.
#[derive(Default)]
pub(super) struct Singles {
    /// The policy declaration's lowering (its lists still empty).
    pub policy: Option<Policy>,
    /// Where the first policy declaration is.
    pub policy_first: Option<Span>,
    /// The controller.
    pub controller: Option<Controller>,
    /// Where the first controller declaration is.
    pub controller_first: Option<Span>,
}

/// The namespace of a declaration kind (short, for the many lookups below).
fn ns(kind: DeclKind) -> Namespace {
    Namespace::of(kind)
}

/// Lowers every declaration, each with its (file, declaration) position;
/// returns the model when there is a `policy` declaration to hang it on.
/// The declarations may be owned: each is then dropped once lowered, so that
/// the tree of a large policy shrinks as its model grows.
pub(crate) fn lower<D: Borrow<Declaration>>(
    declarations: impl Iterator<Item = ((usize, usize), D)>,
    sources: &Sources,
    table: &SymbolTable,
    broken_ids: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Policy> {
    let mut cx = Cx::new(table, broken_ids, diagnostics);
    let mut lists = Lists::default();
    let mut singles = Singles::default();
    for (at, decl) in declarations {
        if table.duplicates.contains(&at) {
            continue;
        }
        lower_declaration(&mut cx, &mut lists, decl.borrow(), &mut singles);
    }
    finish(&mut cx, &mut lists, singles.policy.is_some(), sources);
    let mut policy = singles.policy?;
    policy.controller = singles.controller;
    lists.into_policy(&mut policy);
    Some(policy)
}

/// What follows the lowering of every declaration: `same_as` lists copied,
/// the generators' uses marked, unused declarations reported, and a policy
/// without a `policy` declaration reported.
pub(super) fn finish(cx: &mut Cx<'_>, lists: &mut Lists, has_policy: bool, sources: &Sources) {
    apply_same_as(cx, lists);
    mark_listed(cx, lists);
    if cx.broken_ids.is_empty() {
        report_unused(cx, lists);
    }
    if !has_policy {
        let first = sources.iter().next().map_or(FileId(0), |(id, _)| id);
        cx.report(
            Diagnostic::error(MISSING_FIELD, Span::new(first, 0, 0), "the policy has no `policy` declaration")
                .with_help(
                    "add one, e.g. `policy website \"Privacy Policy\" { updated 2024-01  jurisdictions gdpr  outline intro }`",
                ),
        );
    }
}

/// Lowers one declaration into `lists` (or `singles`).
pub(super) fn lower_declaration(
    cx: &mut Cx<'_>,
    lists: &mut Lists,
    decl: &Declaration,
    singles: &mut Singles,
) {
    match decl.kind.node {
        DeclKind::Policy => match singles.policy_first {
            Some(first) => cx.report(duplicate_singleton(decl, first, "policy")),
            None => {
                singles.policy = Some(policy(cx, decl));
                singles.policy_first = Some(decl.span);
            }
        },
        DeclKind::Controller => {
            let lowered = Controller::lower(cx, decl);
            match singles.controller_first {
                Some(first) => cx.report(duplicate_singleton(decl, first, "controller")),
                None => {
                    singles.controller = Some(lowered);
                    singles.controller_first = Some(decl.span);
                }
            }
        }
        DeclKind::Contact => lists.contacts.push(Contact::lower(cx, decl)),
        DeclKind::Item => lists.items.push(Item::lower(cx, decl)),
        DeclKind::Subject => lists.subjects.push(Subject::lower(cx, decl)),
        DeclKind::Source => lists.sources.push(Source::lower(cx, decl)),
        DeclKind::Method => lists.methods.push(CollectionMethod::lower(cx, decl)),
        DeclKind::Purpose => lists.purposes.push(Purpose::lower(cx, decl)),
        DeclKind::Dataset | DeclKind::Processing => lists.datasets.push(Dataset::lower(cx, decl)),
        DeclKind::Recipient | DeclKind::ThirdParty => {
            lists.recipients.push(Recipient::lower(cx, decl));
        }
        DeclKind::Vendor => lists.vendors.push(Vendor::lower(cx, decl)),
        DeclKind::Cookie => lists.cookies.push(CookieCategory::lower(cx, decl)),
        DeclKind::Transfer => lists.transfers.push(Transfer::lower(cx, decl)),
        DeclKind::Rights => lists.rights.push(RightsBlock::lower(cx, decl)),
        DeclKind::Retention => lists.retention.push(RetentionRule::lower(cx, decl)),
        DeclKind::Children => lists.children.push(Children::lower(cx, decl)),
        DeclKind::Ccpa => lists.ccpa.push(CcpaCategory::lower(cx, decl)),
        DeclKind::Definition => lists.definitions.push(Definition::lower(cx, decl)),
        DeclKind::Section => {
            let section = section(cx, decl, &mut lists.lists_all);
            lists.sections.push(section);
        }
        DeclKind::Rules => rules(cx, decl, &mut lists.rule_settings),
        DeclKind::Translation => {
            if let Some(t) = super::translation::lower(cx, decl, &lists.translations) {
                lists.translations.push(t);
            }
        }
        DeclKind::Unknown => {
            let words = DeclKind::ALL.iter().map(|k| k.keyword());
            let help = match closest(&decl.keyword.node, words) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "a declaration starts with one of {}",
                    DeclKind::ALL
                        .iter()
                        .map(|k| format!("`{}`", k.keyword()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            cx.report(
                Diagnostic::error(
                    UNKNOWN_KEYWORD,
                    decl.keyword.span,
                    format!("`{}` is not a kind of declaration", decl.keyword.node),
                )
                .with_label("unknown keyword")
                .with_help(help),
            );
        }
    }
}

fn duplicate_singleton(decl: &Declaration, first: Span, keyword: &str) -> Diagnostic {
    Diagnostic::error(
        DUPLICATE_ID,
        decl.keyword.span,
        format!("a policy has one `{keyword}` declaration, and this is a second one"),
    )
    .with_label("second declaration")
    .with_secondary(first, "first declaration")
    .with_help(format!("merge the two `{keyword}` declarations into one"))
}

// ─── Shared pieces ─────────────────────────────────────────────────────────

/// The id (always present for these kinds) and where it is written.
pub(crate) fn id_of(decl: &Declaration) -> (String, Span) {
    decl.id.as_ref().map_or_else(
        || (String::new(), decl.keyword.span),
        |id| (id.node.clone(), id.span),
    )
}

/// The display name, as the kind's [`schema::NameRule`] says: when required
/// and missing, reported, and the id used.
pub(crate) fn display_name(cx: &mut Cx<'_>, decl: &Declaration) -> String {
    if let Some(name) = &decl.name {
        return name.node.value.clone();
    }
    let (id, span) = id_of(decl);
    let Some(spec) = schema::kind(decl.kind.node) else {
        return id;
    };
    match spec.name {
        schema::NameRule::OrEmpty => String::new(),
        schema::NameRule::Optional => id,
        schema::NameRule::Required => {
            cx.report(
                Diagnostic::error(
                    MISSING_FIELD,
                    span,
                    format!("{} `{id}` has no display name", spec.bare_noun()),
                )
                .with_label("needs a name in quotes after the id")
                .with_help(format!(
                    "write it as `{} {id} \"Name as the notice prints it\"`",
                    spec.keyword
                )),
            );
            id
        }
    }
}

// ─── Declarations ──────────────────────────────────────────────────────────

fn policy(cx: &mut Cx<'_>, decl: &Declaration) -> Policy {
    let (id, span) = id_of(decl);
    let title = display_name(cx, decl);
    let mut r = Reader::for_declaration(decl);
    let updated = Option::<PolicyDate>::read(cx, &r.take("updated"));
    let effective = Option::<PolicyDate>::read(cx, &r.take("effective"));
    let jurisdictions = Vec::<Jurisdiction>::read(cx, &r.take("jurisdictions"));
    let language = r.text("language");
    let languages = Vec::<crate::locale::Locale>::read(cx, &r.take("languages"));
    let exports = Vec::<crate::model::words::Export>::read(cx, &r.take("exports"));
    let outline = Vec::<Ref<Section>>::read(cx, &r.take("outline"));
    let numbered = Option::<bool>::read(cx, &r.take("numbered")).unwrap_or(false);
    let templates = r.text("templates");
    let id_prefix = r.take("id_prefix").first().and_then(|f| id_prefix(cx, f));
    let heading_level = r
        .take("heading_level")
        .first()
        .and_then(|f| heading_level(cx, f));
    let text = r.text("text");
    r.finish(cx, span);
    Policy {
        schema_version: SCHEMA_VERSION,
        id,
        title,
        updated,
        effective,
        jurisdictions,
        language,
        languages,
        translations: Vec::new(),
        exports,
        numbered,
        templates,
        id_prefix,
        heading_level,
        text,
        outline,
        controller: None,
        contacts: Vec::new(),
        items: Vec::new(),
        subjects: Vec::new(),
        sources: Vec::new(),
        methods: Vec::new(),
        purposes: Vec::new(),
        datasets: Vec::new(),
        recipients: Vec::new(),
        vendors: Vec::new(),
        cookies: Vec::new(),
        transfers: Vec::new(),
        rights: Vec::new(),
        retention: Vec::new(),
        children: Vec::new(),
        ccpa: Vec::new(),
        definitions: Vec::new(),
        sections: Vec::new(),
        rule_settings: Vec::new(),
        span,
    }
}

/// `id_prefix "pp-"`: a letter, then letters, digits, `-` or `_`, so that
/// every id stays valid and needs no escaping in a link or a selector.
fn id_prefix(cx: &mut Cx<'_>, field: &Field) -> Option<String> {
    let text = first_text(field)?;
    if !crate::text::is_id_prefix(&text.node) {
        cx.report(
            Diagnostic::error(
                INVALID_VALUE,
                text.span,
                format!("`{}` cannot start an HTML id", text.node),
            )
            .with_help("use a letter followed by letters, digits, `-` or `_`, such as `\"pp-\"`"),
        );
        return None;
    }
    Some(text.node)
}

/// `heading_level N`: the title's level, 1-4, so that subsections stay
/// within `<h6>`.
fn heading_level(cx: &mut Cx<'_>, field: &Field) -> Option<u8> {
    let n = super::fields::number_arg(cx, field)?;
    match u8::try_from(n) {
        Ok(level @ 1..=4) => Some(level),
        _ => {
            cx.report(
                Diagnostic::error(
                    INVALID_VALUE,
                    field.span,
                    format!("`heading_level {n}` is not a heading level for the title"),
                )
                .with_help(
                    "use 1 to 4: the title's level; sections are one below, subsections two",
                ),
            );
            None
        }
    }
}

fn section(cx: &mut Cx<'_>, decl: &Declaration, lists_all: &mut HashSet<GeneratorKind>) -> Section {
    let (id, span) = id_of(decl);
    let heading = decl.name.as_ref().map(|n| n.node.value.clone());
    let mut r = Reader::for_declaration(decl);
    let aliases = Vec::<String>::read(cx, &r.take("aliases"));
    // `text` and `insert` interleave; read both, then restore source order.
    let mut fields: Vec<&Field> = r.take("text");
    fields.extend(r.take("insert"));
    fields.sort_by_key(|f| f.span.start);
    let mut blocks = Vec::new();
    for f in fields {
        if f.key.node == "text" {
            if let Some(t) = first_text(f) {
                blocks.push(Block::Text {
                    markdown: t.node,
                    span: f.span,
                });
            }
        } else if let Some(insert) = insert(cx, f, lists_all) {
            blocks.push(Block::Insert { insert });
        }
    }
    r.finish(cx, span);
    Section {
        id,
        heading,
        blocks,
        aliases,
        span,
    }
}

fn insert(
    cx: &mut Cx<'_>,
    field: &Field,
    lists_all: &mut HashSet<GeneratorKind>,
) -> Option<Insert> {
    let word = first_ident(field)?;
    let generator = cx.word::<GeneratorKind>(&word)?;
    let ids: Vec<Spanned<String>> = field
        .args
        .iter()
        .find_map(|a| match a {
            Arg::List(items) => Some(items.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let numbered = has_flag(field, "numbered");
    let needs_ids = |cx: &mut Cx<'_>, what: &str| {
        if ids.is_empty() {
            cx.report(
                Diagnostic::error(
                    MISSING_FIELD,
                    field.span,
                    format!("`insert {}` needs the {what} to list", word.node),
                )
                .with_help(format!(
                    "name them after the generator: `insert {} first_id, second_id`",
                    word.node
                )),
            );
        }
    };
    let takes_no_ids = |cx: &mut Cx<'_>| {
        if let Some(first) = ids.first() {
            cx.report(
                Diagnostic::error(
                    INVALID_VALUE,
                    first.span,
                    format!(
                        "`insert {}` lists everything of its kind and takes no names",
                        word.node
                    ),
                )
                .with_help(format!("write just `insert {}`", word.node)),
            );
        }
    };
    let insert = match generator {
        GeneratorKind::Controller => {
            takes_no_ids(cx);
            Insert::Controller
        }
        GeneratorKind::Definitions => {
            if ids.is_empty() {
                lists_all.insert(generator);
            }
            Insert::Definitions {
                definitions: cx.references(ns(DeclKind::Definition), &ids),
            }
        }
        GeneratorKind::Datasets => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::Datasets
        }
        GeneratorKind::Processing => {
            needs_ids(cx, "processing activities");
            Insert::Processing {
                activities: cx.references(ns(DeclKind::Dataset), &ids),
            }
        }
        GeneratorKind::Cookies => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::Cookies
        }
        GeneratorKind::Methods => {
            if ids.is_empty() {
                lists_all.insert(generator);
            }
            Insert::Methods {
                methods: cx.references(ns(DeclKind::Method), &ids),
            }
        }
        GeneratorKind::Recipients => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::Recipients
        }
        GeneratorKind::Transfers => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::Transfers
        }
        GeneratorKind::Rights | GeneratorKind::Requests => {
            needs_ids(cx, "rights block");
            if let Some(extra) = ids.get(1) {
                cx.report(
                    Diagnostic::error(
                        INVALID_VALUE,
                        extra.span,
                        format!("`insert {}` lists one rights block", generator.word()),
                    )
                    .with_help(format!(
                        "use one `insert {}` line per rights block",
                        generator.word()
                    )),
                );
            }
            let rights = ids
                .first()
                .and_then(|id| cx.reference(ns(DeclKind::Rights), id))?;
            if generator == GeneratorKind::Requests {
                Insert::Requests { rights }
            } else {
                Insert::Rights { rights, numbered }
            }
        }
        GeneratorKind::Retention => {
            needs_ids(cx, "retention rules");
            Insert::Retention {
                rules: cx.references(ns(DeclKind::Retention), &ids),
                numbered,
            }
        }
        GeneratorKind::Children => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::Children
        }
        GeneratorKind::CcpaTable => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::CcpaTable
        }
        GeneratorKind::StateRights => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::StateRights
        }
        GeneratorKind::StateCategories => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::StateCategories
        }
        GeneratorKind::NoticeAtCollection => Insert::NoticeAtCollection {
            subjects: cx.references(ns(DeclKind::Subject), &ids),
        },
        GeneratorKind::ColoradoPurposes => {
            takes_no_ids(cx);
            lists_all.insert(generator);
            Insert::ColoradoPurposes
        }
        GeneratorKind::Summary => {
            takes_no_ids(cx);
            Insert::Summary
        }
        GeneratorKind::Changes => {
            takes_no_ids(cx);
            let count = field.args.iter().find_map(|a| match a {
                Arg::Number(n) => Some(n),
                _ => None,
            });
            let count = match count {
                None => 3,
                Some(n) => match n.node.parse::<u32>() {
                    Ok(c) if c > 0 => c,
                    _ => {
                        cx.report(
                            Diagnostic::error(
                                INVALID_VALUE,
                                n.span,
                                format!("`{}` is not a number of versions to list", n.node),
                            )
                            .with_help("write how many versions to list, e.g. `insert changes 3`"),
                        );
                        3
                    }
                },
            };
            Insert::Changes {
                count,
                history: None,
            }
        }
        GeneratorKind::Contacts => {
            needs_ids(cx, "contacts");
            Insert::Contacts {
                contacts: cx.references(ns(DeclKind::Contact), &ids),
            }
        }
    };
    Some(insert)
}

fn rules(cx: &mut Cx<'_>, decl: &Declaration, settings: &mut Vec<RuleSetting>) {
    let mut r = Reader::for_declaration(decl);
    let mut fields = Vec::new();
    for level in RuleLevel::WORDS {
        fields.extend(r.take(level));
    }
    r.finish(cx, decl.span);
    fields.sort_by_key(|f| f.span.start);
    for f in fields {
        let Some(level) = RuleLevel::from_word(&f.key.node) else {
            continue;
        };
        let code = f.args.iter().find_map(|a| match a {
            Arg::Code(c) => Some(c.clone()),
            _ => None,
        });
        let Some(code) = code else { continue };
        let reason = first_text(f).map(|t| t.node);
        settings.push(RuleSetting {
            code: code.node,
            level,
            reason,
            span: code.span,
        });
    }
}

// ─── After lowering ────────────────────────────────────────────────────────

/// `third_parties same_as other`: copy the other category's list, following
/// chains. A circle of categories repeating each other is reported once,
/// at its first member, and copies nothing.
fn apply_same_as(cx: &mut Cx<'_>, lists: &mut Lists) {
    // A category that repeats another is lowered with an empty list; an
    // earlier copy (kept by the language server) is dropped first, so the
    // copy follows the current lists.
    for category in &mut lists.ccpa {
        if category.third_parties_same_as.is_some() {
            category.third_parties.clear();
        }
    }
    let target =
        |ccpa: &[CcpaCategory], i: usize| ccpa[i].third_parties_same_as.as_ref().map(Ref::index);
    let mut in_reported_circle: HashSet<usize> = HashSet::new();
    for index in 0..lists.ccpa.len() {
        let Some(first) = target(&lists.ccpa, index) else {
            continue;
        };
        let mut path = vec![index];
        let mut current = first;
        loop {
            if let Some(at) = path.iter().position(|&i| i == current) {
                let circle = &path[at..];
                if circle.iter().all(|i| !in_reported_circle.contains(i)) {
                    in_reported_circle.extend(circle.iter().copied());
                    let start = circle.iter().copied().min().unwrap_or(index);
                    if let Some(span) = lists.ccpa[start]
                        .third_parties_same_as
                        .as_ref()
                        .map(Ref::span)
                    {
                        cx.report(
                            Diagnostic::error(
                                INVALID_VALUE,
                                span,
                                "these CCPA categories repeat each other's third parties in a circle",
                            )
                            .with_help("list the third parties in one of them"),
                        );
                    }
                }
                break;
            }
            path.push(current);
            match target(&lists.ccpa, current) {
                Some(next) => current = next,
                None => {
                    let list = lists.ccpa[current].third_parties.clone();
                    lists.ccpa[index].third_parties = list;
                    break;
                }
            }
        }
    }
}

/// Generators that list every declaration of a kind use them all.
fn mark_listed(cx: &mut Cx<'_>, lists: &Lists) {
    for generator in &lists.lists_all {
        match generator {
            GeneratorKind::Datasets => {
                let datasets = ns(DeclKind::Dataset);
                for (i, d) in lists.datasets.iter().enumerate() {
                    if d.kind == ActivityKind::Dataset {
                        cx.used.insert((datasets, i));
                    }
                }
            }
            GeneratorKind::Definitions => cx.use_all(ns(DeclKind::Definition)),
            GeneratorKind::Cookies => cx.use_all(ns(DeclKind::Cookie)),
            GeneratorKind::Methods => cx.use_all(ns(DeclKind::Method)),
            GeneratorKind::Recipients => {
                let recipients = ns(DeclKind::Recipient);
                for (i, r) in lists.recipients.iter().enumerate() {
                    if r.list == RecipientList::Recipients {
                        cx.used.insert((recipients, i));
                    }
                }
                // The table lists each recipient's named vendors.
                let vendors = ns(DeclKind::Vendor);
                for (i, v) in lists.vendors.iter().enumerate() {
                    if v.recipient.is_some() {
                        cx.used.insert((vendors, i));
                    }
                }
            }
            GeneratorKind::Transfers => cx.use_all(ns(DeclKind::Transfer)),
            GeneratorKind::Children => cx.use_all(ns(DeclKind::Children)),
            GeneratorKind::StateRights => {
                // The state rights print every rights block of a US state law.
                let rights = ns(DeclKind::Rights);
                for (i, b) in lists.rights.iter().enumerate() {
                    let state = |j: &crate::model::words::Jurisdiction| j.is_us_state_law();
                    if b.jurisdiction.as_ref().is_some_and(state) || b.covers.iter().any(state) {
                        cx.used.insert((rights, i));
                    }
                }
                // It names the companies behind the buyers where a law asks
                // for them (Rhode Island): a vendor with a recipient may be
                // printed there.
                let vendors = ns(DeclKind::Vendor);
                for (i, v) in lists.vendors.iter().enumerate() {
                    if v.recipient.is_some() {
                        cx.used.insert((vendors, i));
                    }
                }
            }
            // The state laws' table prints every category.
            GeneratorKind::StateCategories => {
                cx.use_all(ns(DeclKind::Ccpa));
                use_targeted_retention(cx, lists);
            }
            // The Colorado table names the categories of each purpose.
            GeneratorKind::ColoradoPurposes => cx.use_all(ns(DeclKind::Ccpa)),
            GeneratorKind::CcpaTable => {
                cx.use_all(ns(DeclKind::Ccpa));
                use_targeted_retention(cx, lists);
                // The table prints the definitions of the terms it uses.
                let definitions = ns(DeclKind::Definition);
                for (i, d) in lists.definitions.iter().enumerate() {
                    if d.term.is_some() {
                        cx.used.insert((definitions, i));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The tables of categories print the period of every retention rule that
/// names what it applies to (a row, or a data set whose items a row holds),
/// in their retention column: such a rule is used even when no `insert
/// retention` lists it and no data set names it.
fn use_targeted_retention(cx: &mut Cx<'_>, lists: &Lists) {
    let retention = ns(DeclKind::Retention);
    for (i, rule) in lists.retention.iter().enumerate() {
        if !rule.applies_to.is_empty() {
            cx.used.insert((retention, i));
        }
    }
}

/// Warns about declarations that nothing refers to and no generator prints.
fn report_unused(cx: &mut Cx<'_>, lists: &Lists) {
    for spec in schema::KINDS {
        // `processing` shares the data sets' namespace and `third_party` the
        // recipients': one pass covers both.
        let shares_namespace = matches!(spec.kind, DeclKind::Processing | DeclKind::ThirdParty);
        let (Some(hint), false) = (spec.use_hint, shares_namespace) else {
            continue;
        };
        let space = ns(spec.kind);
        for (index, name) in cx.table.names(space).iter().enumerate() {
            if cx.used.contains(&(space, index)) {
                continue;
            }
            let Some(symbol) = cx.table.get(space, name) else {
                continue;
            };
            // A processing activity is told how processing is printed.
            let spec = match (lists.datasets.get(index), lists.recipients.get(index)) {
                (Some(d), _)
                    if spec.kind == DeclKind::Dataset && d.kind == ActivityKind::Processing =>
                {
                    schema::kind(DeclKind::Processing).unwrap_or(spec)
                }
                (_, Some(r))
                    if spec.kind == DeclKind::Recipient
                        && r.list == RecipientList::ThirdParties =>
                {
                    schema::kind(DeclKind::ThirdParty).unwrap_or(spec)
                }
                _ => spec,
            };
            let hint = spec.use_hint.unwrap_or(hint);
            let diagnostic = Diagnostic::warning(
                UNUSED,
                symbol.span,
                format!("{} `{name}` is declared but never used", spec.bare_noun()),
            )
            .with_label("unused")
            .with_help(format!("{hint}, or remove it"));
            cx.report(diagnostic);
        }
    }
}
