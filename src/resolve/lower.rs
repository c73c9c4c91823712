//! The second pass: each declaration's fields into the typed model.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::model::words::{
    Art9Condition, CcpaLetter, GeneratorKind, Jurisdiction, LawfulBasis, RecipientKind, Region,
    RightKind, RuleLevel, Safeguard, SensitiveKind, SourceKind, SpecialCategory, Word,
};
use crate::model::{
    ActivityKind, Basis, Block, CcpaCategory, ChildAge, Children, CollectionMethod, Contact,
    Controller, CookieCategory, Dataset, Definition, Insert, Item, Policy, Purpose, Recipient, Ref,
    Requirement, RetentionRule, RetentionTarget, Right, RightsBlock, RuleSetting, SCHEMA_VERSION,
    Section, Source, Subject, ThirdParty, Transfer, Vendor,
};
use crate::source::{FileId, Sources, Span, Spanned};
use crate::suggest::closest;
use crate::syntax::tree::{Arg, DeclKind, Declaration, Field, File};

use super::fields::{Cx, Reader, clause, first_ident, first_list, first_text, has_flag};
use super::symbols::{Namespace, SymbolTable};
use super::{DUPLICATE_ID, INVALID_VALUE, MISSING_FIELD, UNKNOWN_KEYWORD, UNUSED};

/// Everything lowered so far, in declaration order per kind (the order the
/// symbol table numbered them in).
#[derive(Default)]
struct Lists {
    contacts: Vec<Contact>,
    items: Vec<Item>,
    subjects: Vec<Subject>,
    sources: Vec<Source>,
    methods: Vec<CollectionMethod>,
    purposes: Vec<Purpose>,
    datasets: Vec<Dataset>,
    recipients: Vec<Recipient>,
    third_parties: Vec<ThirdParty>,
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
    /// `(category index, the category it repeats)` for `third_parties same_as`.
    same_as: Vec<(usize, Ref<CcpaCategory>)>,
    /// Generators that list every declaration of a namespace.
    lists_all: HashSet<GeneratorKind>,
}

/// The namespace of a declaration kind (short, for the many lookups below).
const fn ns(kind: DeclKind) -> Namespace {
    Namespace::of(kind)
}

/// Lowers every declaration; returns the model when there is a `policy`
/// declaration to hang it on.
pub(crate) fn lower(
    files: &[File],
    sources: &Sources,
    table: &SymbolTable,
    broken_ids: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Policy> {
    let mut cx = Cx {
        table,
        broken_ids,
        diagnostics,
        used: HashSet::new(),
    };
    let mut lists = Lists::default();
    let mut policy_decl: Option<&Declaration> = None;
    let mut controller: Option<(Controller, Span)> = None;
    for (fi, file) in files.iter().enumerate() {
        for (di, decl) in file.declarations.iter().enumerate() {
            if table.duplicates.contains(&(fi, di)) {
                continue;
            }
            lower_declaration(&mut cx, &mut lists, decl, &mut policy_decl, &mut controller);
        }
    }
    let policy = policy_decl.map(|decl| policy(&mut cx, decl));
    apply_same_as(&mut cx, &mut lists);
    mark_listed(&mut cx, &lists);
    if broken_ids.is_empty() {
        report_unused(&mut cx, &lists);
    }
    let Some(mut policy) = policy else {
        let first = sources.iter().next().map_or(FileId(0), |(id, _)| id);
        cx.report(
            Diagnostic::error(MISSING_FIELD, Span::new(first, 0, 0), "the policy has no `policy` declaration")
                .with_help(
                    "add one, e.g. `policy website \"Privacy Policy\" { updated 2024-01  jurisdictions gdpr  outline intro }`",
                ),
        );
        return None;
    };
    policy.controller = controller.map(|(c, _)| c);
    policy.contacts = lists.contacts;
    policy.items = lists.items;
    policy.subjects = lists.subjects;
    policy.sources = lists.sources;
    policy.methods = lists.methods;
    policy.purposes = lists.purposes;
    policy.datasets = lists.datasets;
    policy.recipients = lists.recipients;
    policy.third_parties = lists.third_parties;
    policy.vendors = lists.vendors;
    policy.cookies = lists.cookies;
    policy.transfers = lists.transfers;
    policy.rights = lists.rights;
    policy.retention = lists.retention;
    policy.children = lists.children;
    policy.ccpa = lists.ccpa;
    policy.definitions = lists.definitions;
    policy.sections = lists.sections;
    policy.rule_settings = lists.rule_settings;
    Some(policy)
}

fn lower_declaration<'a>(
    cx: &mut Cx<'_>,
    lists: &mut Lists,
    decl: &'a Declaration,
    policy_decl: &mut Option<&'a Declaration>,
    controller: &mut Option<(Controller, Span)>,
) {
    match decl.kind.node {
        DeclKind::Policy => match policy_decl {
            Some(first) => cx.report(duplicate_singleton(decl, first.span, "policy")),
            None => *policy_decl = Some(decl),
        },
        DeclKind::Controller => {
            let lowered = controller_decl(cx, decl);
            match controller {
                Some((_, first)) => cx.report(duplicate_singleton(decl, *first, "controller")),
                None => *controller = Some((lowered, decl.span)),
            }
        }
        DeclKind::Contact => lists.contacts.push(contact(cx, decl)),
        DeclKind::Item => lists.items.push(item(cx, decl)),
        DeclKind::Subject => lists.subjects.push(subject(cx, decl)),
        DeclKind::Source => lists.sources.push(source(cx, decl)),
        DeclKind::Method => lists.methods.push(method(cx, decl)),
        DeclKind::Purpose => lists.purposes.push(purpose(cx, decl)),
        DeclKind::Dataset => lists
            .datasets
            .push(dataset(cx, decl, ActivityKind::Dataset)),
        DeclKind::Processing => lists
            .datasets
            .push(dataset(cx, decl, ActivityKind::Processing)),
        DeclKind::Recipient => lists.recipients.push(recipient(cx, decl)),
        DeclKind::ThirdParty => lists.third_parties.push(third_party(cx, decl)),
        DeclKind::Vendor => lists.vendors.push(vendor(cx, decl)),
        DeclKind::Cookie => lists.cookies.push(cookie(cx, decl)),
        DeclKind::Transfer => lists.transfers.push(transfer(cx, decl)),
        DeclKind::Rights => lists.rights.push(rights(cx, decl)),
        DeclKind::Retention => lists.retention.push(retention(cx, decl)),
        DeclKind::Children => lists.children.push(children(cx, decl)),
        DeclKind::Ccpa => {
            let index = lists.ccpa.len();
            let (category, same_as) = ccpa(cx, decl);
            if let Some(target) = same_as {
                lists.same_as.push((index, target));
            }
            lists.ccpa.push(category);
        }
        DeclKind::Definition => lists.definitions.push(definition(cx, decl)),
        DeclKind::Section => {
            let section = section(cx, decl, &mut lists.lists_all);
            lists.sections.push(section);
        }
        DeclKind::Rules => rules(cx, decl, &mut lists.rule_settings),
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
fn id_of(decl: &Declaration) -> (String, Span) {
    decl.id.as_ref().map_or_else(
        || (String::new(), decl.keyword.span),
        |id| (id.node.clone(), id.span),
    )
}

/// The display name; when required and missing, reported, and the id used.
fn display_name(cx: &mut Cx<'_>, decl: &Declaration, required: bool) -> String {
    if let Some(name) = &decl.name {
        return name.node.value.clone();
    }
    let (id, span) = id_of(decl);
    if required {
        let kind = decl.kind.node;
        let bare = kind.noun().split_once(' ').map_or(kind.noun(), |(_, r)| r);
        cx.report(
            Diagnostic::error(
                MISSING_FIELD,
                span,
                format!("{bare} `{id}` has no display name"),
            )
            .with_label("needs a name in quotes after the id")
            .with_help(format!(
                "write it as `{} {id} \"Name as the notice prints it\"`",
                kind.keyword()
            )),
        );
    }
    id
}

fn basis(cx: &mut Cx<'_>, field: &Field) -> Option<Basis> {
    let word = first_ident(field)?;
    let kind = cx.word::<LawfulBasis>(&word);
    let purposes = match clause(field, "for") {
        Some(Arg::List(names)) => cx.references(ns(DeclKind::Purpose), names),
        Some(Arg::Ident(name)) => cx.references(ns(DeclKind::Purpose), std::slice::from_ref(name)),
        _ => Vec::new(),
    };
    let condition = match clause(field, "when") {
        Some(Arg::Text(t)) => Some(t.node.value.clone()),
        _ => None,
    };
    let block = field.block.as_deref().unwrap_or(&[]);
    let mut r = Reader::new(block, "a lawful basis");
    let interest = r.text(cx, "interest");
    let withdraw = r.text(cx, "withdraw");
    let special = r.word::<Art9Condition>(cx, "special");
    let text = r.text(cx, "text");
    r.finish(cx);
    Some(Basis {
        basis: kind?,
        purposes,
        condition,
        interest,
        withdraw,
        special,
        text,
        span: field.span,
    })
}

// ─── Declarations ──────────────────────────────────────────────────────────

fn policy(cx: &mut Cx<'_>, decl: &Declaration) -> Policy {
    let (id, span) = id_of(decl);
    let title = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "the policy declaration");
    let updated = r.one(cx, "updated").and_then(|f| match f.args.first() {
        Some(Arg::Date(d)) => cx.date(d),
        _ => None,
    });
    let jurisdictions = r
        .list(cx, "jurisdictions")
        .iter()
        .filter_map(|w| cx.word::<Jurisdiction>(w))
        .collect();
    let language = r.text(cx, "language");
    let outline = r.list(cx, "outline");
    let outline = cx.references(ns(DeclKind::Section), outline);
    let numbered = r.yes_no(cx, "numbered").unwrap_or(false);
    let templates = r.text(cx, "templates");
    let text = r.text(cx, "text");
    r.require(cx, "jurisdictions", span, "jurisdictions gdpr, ccpa");
    r.require(cx, "outline", span, "outline intro, contact_details");
    r.finish(cx);
    Policy {
        schema_version: SCHEMA_VERSION,
        id,
        title,
        updated,
        jurisdictions,
        language,
        numbered,
        templates,
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
        third_parties: Vec::new(),
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

fn controller_decl(cx: &mut Cx<'_>, decl: &Declaration) -> Controller {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a controller");
    let address = r.text(cx, "address");
    let phone_field = r.one(cx, "phone");
    let phone = phone_field.and_then(first_text).map(|t| t.node);
    let toll_free = phone_field.is_some_and(|f| has_flag(f, "toll_free"));
    let email = r.text(cx, "email");
    let url = r.text(cx, "url");
    let contacts = r.list(cx, "contacts");
    let contacts = cx.references(ns(DeclKind::Contact), contacts);
    let dpo = r
        .ident(cx, "dpo")
        .and_then(|n| cx.reference(ns(DeclKind::Contact), &n));
    let representative = r
        .ident(cx, "representative")
        .and_then(|n| cx.reference(ns(DeclKind::Contact), &n));
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Controller {
        id,
        name,
        address,
        phone,
        toll_free,
        email,
        url,
        contacts,
        dpo,
        representative,
        text,
        span,
        fields,
    }
}

fn contact(cx: &mut Cx<'_>, decl: &Declaration) -> Contact {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a contact");
    let email = r.text(cx, "email");
    let phone_field = r.one(cx, "phone");
    let phone = phone_field.and_then(first_text).map(|t| t.node);
    let toll_free = phone_field.is_some_and(|f| has_flag(f, "toll_free"));
    let url = r.text(cx, "url");
    let address = r.text(cx, "address");
    let text = r.text(cx, "text");
    if email.is_none() && phone.is_none() && url.is_none() && address.is_none() {
        cx.report(
            Diagnostic::error(
                MISSING_FIELD,
                span,
                format!("contact `{id}` gives no way to reach anyone"),
            )
            .with_label("no `email`, `phone`, `url` or `address`")
            .with_help("add an `email`, `phone`, `url` or `address` line"),
        );
    }
    let fields = r.finish(cx);
    Contact {
        id,
        name,
        email,
        phone,
        toll_free,
        url,
        address,
        text,
        span,
        fields,
    }
}

fn item(cx: &mut Cx<'_>, decl: &Declaration) -> Item {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a data item");
    let ccpa = r
        .list(cx, "ccpa")
        .iter()
        .filter_map(|w| cx.word::<CcpaLetter>(w))
        .collect();
    let special = r.word::<SpecialCategory>(cx, "special");
    let sensitive = r.word::<SensitiveKind>(cx, "sensitive");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Item {
        id,
        name,
        ccpa,
        special,
        sensitive,
        text,
        span,
        fields,
    }
}

fn subject(cx: &mut Cx<'_>, decl: &Declaration) -> Subject {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a data subject");
    let text = r.text(cx, "text");
    r.finish(cx);
    Subject {
        id,
        name,
        text,
        span,
    }
}

fn source(cx: &mut Cx<'_>, decl: &Declaration) -> Source {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a source");
    let kind = r.word::<SourceKind>(cx, "kind");
    let public = r.yes_no(cx, "public");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Source {
        id,
        name,
        kind,
        public,
        text,
        span,
        fields,
    }
}

fn method(cx: &mut Cx<'_>, decl: &Declaration) -> CollectionMethod {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a collection method");
    let sources = r.list(cx, "sources");
    let sources = cx.references(ns(DeclKind::Source), sources);
    let text = r.text(cx, "text");
    r.finish(cx);
    CollectionMethod {
        id,
        name,
        sources,
        text,
        span,
    }
}

fn purpose(cx: &mut Cx<'_>, decl: &Declaration) -> Purpose {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a purpose");
    let marketing = r.yes_no(cx, "marketing");
    let profiling = r.yes_no(cx, "profiling");
    let automated_decisions = r.yes_no(cx, "automated_decisions");
    let targeted_advertising = r.yes_no(cx, "targeted_advertising");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Purpose {
        id,
        name,
        marketing,
        profiling,
        automated_decisions,
        targeted_advertising,
        text,
        span,
        fields,
    }
}

fn dataset(cx: &mut Cx<'_>, decl: &Declaration, kind: ActivityKind) -> Dataset {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let what = if kind == ActivityKind::Dataset {
        "a data set"
    } else {
        "a processing activity"
    };
    let mut r = Reader::new(&decl.fields, what);
    let subjects = r.list(cx, "subjects");
    let subjects = cx.references(ns(DeclKind::Subject), subjects);
    let collects = r.list(cx, "collects");
    let collects = cx.references(ns(DeclKind::Item), collects);
    let sources = r.list(cx, "sources");
    let sources = cx.references(ns(DeclKind::Source), sources);
    let methods = r.list(cx, "methods");
    let methods = cx.references(ns(DeclKind::Method), methods);
    let purposes = r.list(cx, "purposes");
    let purposes = cx.references(ns(DeclKind::Purpose), purposes);
    let operations = r.text(cx, "operations");
    let bases = r
        .all("basis")
        .into_iter()
        .filter_map(|f| basis(cx, f))
        .collect();
    let retention = r.list(cx, "retention");
    let retention = cx.references(ns(DeclKind::Retention), retention);
    let recipients = r.list(cx, "recipients");
    let recipients = cx.references(ns(DeclKind::Recipient), recipients);
    let transfers = r.list(cx, "transfers");
    let transfers = cx.references(ns(DeclKind::Transfer), transfers);
    let required = r.one(cx, "required").and_then(|f| {
        let word = first_ident(f)?;
        let yes = cx.word::<crate::model::words::YesNo>(&word)?;
        Some(Requirement {
            required: yes.0,
            consequence: first_text(f).map(|t| t.node),
        })
    });
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Dataset {
        id,
        name,
        kind,
        subjects,
        collects,
        sources,
        methods,
        purposes,
        operations,
        bases,
        retention,
        recipients,
        transfers,
        required,
        text,
        span,
        fields,
    }
}

fn recipient(cx: &mut Cx<'_>, decl: &Declaration) -> Recipient {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a recipient");
    let kind = r.word::<RecipientKind>(cx, "kind");
    let shares = r.text(cx, "shares");
    let datasets = r.list(cx, "datasets");
    let datasets = cx.references(ns(DeclKind::Dataset), datasets);
    let location = r.text(cx, "location");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Recipient {
        id,
        name,
        kind,
        shares,
        datasets,
        location,
        text,
        span,
        fields,
    }
}

fn third_party(cx: &mut Cx<'_>, decl: &Declaration) -> ThirdParty {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a third party category");
    let kind = r.word::<RecipientKind>(cx, "kind");
    let recipient = r
        .ident(cx, "recipient")
        .and_then(|n| cx.reference(ns(DeclKind::Recipient), &n));
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    ThirdParty {
        id,
        name,
        kind,
        recipient,
        text,
        span,
        fields,
    }
}

fn vendor(cx: &mut Cx<'_>, decl: &Declaration) -> Vendor {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a vendor");
    let kind = r.word::<RecipientKind>(cx, "kind");
    let recipient = r
        .ident(cx, "recipient")
        .and_then(|n| cx.reference(ns(DeclKind::Recipient), &n));
    let location = r.text(cx, "location");
    let url = r.text(cx, "url");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Vendor {
        id,
        name,
        kind,
        recipient,
        location,
        url,
        text,
        span,
        fields,
    }
}

fn cookie(cx: &mut Cx<'_>, decl: &Declaration) -> CookieCategory {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a cookie category");
    let bases = r
        .all("basis")
        .into_iter()
        .filter_map(|f| basis(cx, f))
        .collect();
    let vendors = r.list(cx, "vendors");
    let vendors = cx.references(ns(DeclKind::Vendor), vendors);
    let purposes = r.list(cx, "purposes");
    let purposes = cx.references(ns(DeclKind::Purpose), purposes);
    let duration = r.text(cx, "duration");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    CookieCategory {
        id,
        name,
        bases,
        vendors,
        purposes,
        duration,
        text,
        span,
        fields,
    }
}

fn transfer(cx: &mut Cx<'_>, decl: &Declaration) -> Transfer {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a transfer");
    let from = r.word::<Region>(cx, "from");
    let to = r.text(cx, "to");
    let safeguards = r
        .list(cx, "safeguards")
        .iter()
        .filter_map(|w| cx.word::<Safeguard>(w))
        .collect();
    let copy = r.text(cx, "copy");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    Transfer {
        id,
        name,
        from,
        to,
        safeguards,
        copy,
        text,
        span,
        fields,
    }
}

fn rights(cx: &mut Cx<'_>, decl: &Declaration) -> RightsBlock {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a rights block");
    let jurisdiction = r.word::<Jurisdiction>(cx, "jurisdiction");
    let rights = r
        .all("right")
        .into_iter()
        .filter_map(|f| right(cx, f))
        .collect();
    let methods = r.list(cx, "request_methods");
    let request_methods = cx.references(ns(DeclKind::Contact), methods);
    let online_only = r.yes_no(cx, "online_only");
    let verification = r.text(cx, "verification");
    let response_days = r.one(cx, "response_days").and_then(|f| number_arg(cx, f));
    let extension_days = r.one(cx, "extension_days").and_then(|f| number_arg(cx, f));
    let agents = r.text(cx, "agents");
    let opt_out_signals = r.text(cx, "opt_out_signals");
    let text = r.text(cx, "text");
    r.require(cx, "jurisdiction", span, "jurisdiction gdpr");
    let fields = r.finish(cx);
    RightsBlock {
        id,
        name,
        jurisdiction,
        rights,
        request_methods,
        online_only,
        verification,
        response_days,
        extension_days,
        agents,
        opt_out_signals,
        text,
        span,
        fields,
    }
}

fn number_arg(cx: &mut Cx<'_>, field: &Field) -> Option<u32> {
    field
        .args
        .iter()
        .find_map(|a| match a {
            Arg::Number(n) => Some(n.clone()),
            _ => None,
        })
        .and_then(|n| cx.number(&n))
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
    let mut r = Reader::new(block, "a right");
    let text = r.text(cx, "text");
    r.finish(cx);
    Some(Right {
        kind: kind?,
        name: name.map_or_else(|| word.node.clone(), |n| n.node),
        text,
        span: field.span,
    })
}

fn retention(cx: &mut Cx<'_>, decl: &Declaration) -> RetentionRule {
    let (id, span) = id_of(decl);
    let name = decl
        .name
        .as_ref()
        .map(|n| n.node.value.clone())
        .unwrap_or_default();
    let mut r = Reader::new(&decl.fields, "a retention rule");
    let targets = r.list(cx, "applies_to");
    let applies_to = targets
        .iter()
        .filter_map(|t| retention_target(cx, t))
        .collect();
    let period = r.text(cx, "period");
    let criteria = r.text(cx, "criteria");
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    RetentionRule {
        id,
        name,
        applies_to,
        period,
        criteria,
        text,
        span,
        fields,
    }
}

/// A retention rule applies to a data set or to a CCPA category.
fn retention_target(cx: &mut Cx<'_>, name: &Spanned<String>) -> Option<RetentionTarget> {
    let datasets = ns(DeclKind::Dataset);
    let categories = ns(DeclKind::Ccpa);
    if cx.table.get(datasets, &name.node).is_some() {
        return cx.reference(datasets, name).map(RetentionTarget::Dataset);
    }
    if cx.table.get(categories, &name.node).is_some() {
        return cx.reference(categories, name).map(RetentionTarget::Ccpa);
    }
    // Neither: report against data sets, the commoner target.
    cx.reference::<Dataset>(datasets, name);
    None
}

fn children(cx: &mut Cx<'_>, decl: &Declaration) -> Children {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, false);
    let mut r = Reader::new(&decl.fields, "a children declaration");
    let mut ages = Vec::new();
    for f in r.all("age") {
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
    let text = r.text(cx, "text");
    r.finish(cx);
    Children {
        id,
        name,
        ages,
        text,
        span,
    }
}

fn ccpa(cx: &mut Cx<'_>, decl: &Declaration) -> (CcpaCategory, Option<Ref<CcpaCategory>>) {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a CCPA category");
    let statutory = r
        .list(cx, "statutory")
        .iter()
        .filter_map(|w| cx.word::<CcpaLetter>(w))
        .collect();
    let examples = r.text(cx, "examples");
    let items = r.list(cx, "items");
    let items = cx.references(ns(DeclKind::Item), items);
    let sources = r.list(cx, "sources");
    let sources = cx.references(ns(DeclKind::Source), sources);
    let sold = r.yes_no(cx, "sold");
    let shared = r.yes_no(cx, "shared");
    let disclosed = r.yes_no(cx, "disclosed");
    let mut third_parties = Vec::new();
    let mut same_as = None;
    if let Some(f) = r.one(cx, "third_parties") {
        match clause(f, "same_as") {
            Some(Arg::Ident(target)) => {
                if target.node == id {
                    cx.report(
                        Diagnostic::error(
                            INVALID_VALUE,
                            target.span,
                            format!("`{id}` repeats its own list of third parties"),
                        )
                        .with_help(
                            "name another CCPA category after `same_as`, or list the third parties",
                        ),
                    );
                } else {
                    same_as = cx.reference(ns(DeclKind::Ccpa), target);
                }
            }
            _ => third_parties = cx.references(ns(DeclKind::ThirdParty), first_list(f)),
        }
    }
    let purposes = r.list(cx, "purposes");
    let purposes = cx.references(ns(DeclKind::Purpose), purposes);
    let retention = r.list(cx, "retention");
    let retention = cx.references(ns(DeclKind::Retention), retention);
    let text = r.text(cx, "text");
    let fields = r.finish(cx);
    let category = CcpaCategory {
        id,
        name,
        statutory,
        examples,
        items,
        sources,
        sold,
        shared,
        disclosed,
        third_parties,
        third_parties_same_as: same_as.clone(),
        purposes,
        retention,
        text,
        span,
        fields,
    };
    (category, same_as)
}

fn definition(cx: &mut Cx<'_>, decl: &Declaration) -> Definition {
    let (id, span) = id_of(decl);
    let name = display_name(cx, decl, true);
    let mut r = Reader::new(&decl.fields, "a definition");
    let text = r.text(cx, "text");
    r.require(cx, "text", span, "text \"means ...\"");
    r.finish(cx);
    Definition {
        id,
        name,
        text,
        span,
    }
}

fn section(cx: &mut Cx<'_>, decl: &Declaration, lists_all: &mut HashSet<GeneratorKind>) -> Section {
    let (id, span) = id_of(decl);
    let heading = decl.name.as_ref().map(|n| n.node.value.clone());
    let mut r = Reader::new(&decl.fields, "a section");
    // `text` and `insert` interleave; read both, then restore source order.
    let mut fields: Vec<&Field> = r.all("text");
    fields.extend(r.all("insert"));
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
    r.finish(cx);
    Section {
        id,
        heading,
        blocks,
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
        GeneratorKind::Rights => {
            needs_ids(cx, "rights block");
            if let Some(extra) = ids.get(1) {
                cx.report(
                    Diagnostic::error(
                        INVALID_VALUE,
                        extra.span,
                        "`insert rights` lists one rights block",
                    )
                    .with_help("use one `insert rights` line per rights block"),
                );
            }
            let rights = ids
                .first()
                .and_then(|id| cx.reference(ns(DeclKind::Rights), id))?;
            Insert::Rights { rights, numbered }
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
    for f in &decl.fields {
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
    let _ = cx;
}

// ─── After lowering ────────────────────────────────────────────────────────

/// `third_parties same_as other`: copy the other category's list, following
/// chains and stopping at cycles.
fn apply_same_as(cx: &mut Cx<'_>, lists: &mut Lists) {
    let targets: std::collections::HashMap<usize, Ref<CcpaCategory>> =
        lists.same_as.iter().map(|(i, t)| (*i, t.clone())).collect();
    for (index, target) in &lists.same_as {
        let mut seen = vec![*index];
        let mut current = target.clone();
        loop {
            if seen.contains(&current.index()) {
                cx.report(
                    Diagnostic::error(
                        INVALID_VALUE,
                        target.span(),
                        "these CCPA categories repeat each other's third parties in a circle",
                    )
                    .with_help("list the third parties in one of them"),
                );
                break;
            }
            seen.push(current.index());
            match targets.get(&current.index()) {
                Some(next) => current = next.clone(),
                None => {
                    let list = lists.ccpa[current.index()].third_parties.clone();
                    lists.ccpa[*index].third_parties = list;
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
            GeneratorKind::Recipients => cx.use_all(ns(DeclKind::Recipient)),
            GeneratorKind::Transfers => cx.use_all(ns(DeclKind::Transfer)),
            GeneratorKind::Children => cx.use_all(ns(DeclKind::Children)),
            GeneratorKind::CcpaTable => cx.use_all(ns(DeclKind::Ccpa)),
            _ => {}
        }
    }
}

/// Warns about declarations that nothing refers to and no generator prints.
fn report_unused(cx: &mut Cx<'_>, lists: &Lists) {
    let kinds = [
        (
            DeclKind::Contact,
            "name it in the controller's `contacts`, a rights block's `request_methods` or `insert contacts`",
        ),
        (
            DeclKind::Item,
            "list it in a data set's `collects` or a CCPA category's `items`",
        ),
        (DeclKind::Subject, "list it in a data set's `subjects`"),
        (
            DeclKind::Source,
            "list it in a data set's, method's or CCPA category's `sources`",
        ),
        (
            DeclKind::Method,
            "list it in a data set's `methods`, or add `insert methods` to a section",
        ),
        (
            DeclKind::Purpose,
            "list it in a data set's, cookie's or CCPA category's `purposes`",
        ),
        (
            DeclKind::Dataset,
            "add `insert processing` with its id to a section",
        ),
        (
            DeclKind::Recipient,
            "add `insert recipients` to a section, or refer to it from a third party or vendor",
        ),
        (
            DeclKind::ThirdParty,
            "list it in a CCPA category's `third_parties`",
        ),
        (DeclKind::Vendor, "list it in a cookie category's `vendors`"),
        (DeclKind::Cookie, "add `insert cookies` to a section"),
        (
            DeclKind::Transfer,
            "add `insert transfers` to a section, or list it in a data set's `transfers`",
        ),
        (
            DeclKind::Rights,
            "add `insert rights` with its id to a section",
        ),
        (
            DeclKind::Retention,
            "list it in a data set's or CCPA category's `retention`, or in `insert retention`",
        ),
        (DeclKind::Children, "add `insert children` to a section"),
        (DeclKind::Ccpa, "add `insert ccpa_table` to a section"),
        (
            DeclKind::Definition,
            "add `insert definitions` to a section",
        ),
        (DeclKind::Section, "list it in the policy's `outline`"),
    ];
    for (kind, help) in kinds {
        let space = ns(kind);
        for (index, name) in cx.table.names(space).iter().enumerate() {
            if cx.used.contains(&(space, index)) {
                continue;
            }
            let Some(symbol) = cx.table.get(space, name) else {
                continue;
            };
            let noun = space.noun();
            let mut bare = noun.split_once(' ').map_or(noun, |(_, r)| r);
            let mut help = help;
            if kind == DeclKind::Dataset
                && lists
                    .datasets
                    .get(index)
                    .is_some_and(|d| d.kind == ActivityKind::Dataset)
            {
                bare = "data set";
                help = "add `insert datasets` to a section";
            } else if kind == DeclKind::Dataset {
                bare = "processing activity";
            }
            let diagnostic = Diagnostic::warning(
                UNUSED,
                symbol.span,
                format!("{bare} `{name}` is declared but never used"),
            )
            .with_label("unused")
            .with_help(format!("{help}, or remove it"));
            cx.report(diagnostic);
        }
    }
}
