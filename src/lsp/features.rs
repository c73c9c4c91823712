//! The answers to the editor's questions, over one [`Project`]: hover,
//! definition, references, rename, completion, outline, formatting.

use std::collections::HashMap;

use lsp_types::{
    CompletionItem, CompletionItemKind, DocumentSymbol, Hover, HoverContents, Location,
    MarkupContent, MarkupKind, SymbolKind, TextEdit, Url, WorkspaceEdit,
};

use crate::check;
use crate::source::{FileId, Span};
use crate::syntax::tree::DeclKind;

use super::convert;
use super::index::{Decl, Other, covers};
use super::project::Project;
use super::schema::{self, Slot, Target};

/// What is under the cursor.
enum Found<'p> {
    /// A declaration's id.
    Decl(FileId, &'p Decl),
    /// A reference, with the declarations it may name.
    Reference(&'p str, &'static [DeclKind], Span),
    /// Something else of note.
    Other(Span, &'p Other),
}

fn find(project: &Project, file: FileId, offset: usize) -> Option<Found<'_>> {
    let index = project.indexes.get(file.0 as usize)?;
    if let Some(r) = index.references.iter().find(|r| covers(r.span, offset)) {
        return Some(Found::Reference(&r.name, r.kinds, r.span));
    }
    if let Some(d) = index
        .decls
        .iter()
        .find(|d| d.id.is_some() && covers(d.id_span, offset))
    {
        return Some(Found::Decl(file, d));
    }
    index
        .others
        .iter()
        .find(|(span, _)| covers(*span, offset))
        .map(|(span, other)| Found::Other(*span, other))
}

/// Every declaration of the given kinds called `name`.
fn declarations<'p>(
    project: &'p Project,
    name: &str,
    kinds: &[DeclKind],
) -> Vec<(FileId, &'p Decl)> {
    project
        .files()
        .flat_map(|f| {
            project.indexes[f.0 as usize]
                .decls
                .iter()
                .map(move |d| (f, d))
        })
        .filter(|(_, d)| {
            d.id.as_deref() == Some(name)
                && kinds.iter().any(|k| schema::same_namespace(*k, d.kind))
        })
        .collect()
}

/// The declaration (kind and id) a position is about, if any.
fn target_of(project: &Project, file: FileId, offset: usize) -> Option<(DeclKind, String)> {
    match find(project, file, offset)? {
        Found::Decl(_, d) => Some((d.kind, d.id.clone()?)),
        Found::Reference(name, kinds, _) => {
            let (_, d) = declarations(project, name, kinds).into_iter().next()?;
            Some((d.kind, name.to_owned()))
        }
        Found::Other(..) => None,
    }
}

fn location(project: &Project, file: FileId, span: Span) -> Option<Location> {
    let source = project.source(file);
    Some(Location {
        uri: convert::uri(&source.path)?,
        range: convert::range(source, span),
    })
}

fn markdown(value: String) -> MarkupContent {
    MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    }
}

fn describe(project: &Project, file: FileId, d: &Decl) -> String {
    let mut out = format!(
        "**{}** `{}`",
        d.kind.keyword(),
        d.id.as_deref().unwrap_or("")
    );
    if let Some(name) = &d.name {
        out.push_str(&format!(" — {name}"));
    }
    out.push_str(&format!("\n\n{}", capitalise(d.kind.noun())));
    let source = project.source(file);
    let (line, _) = source.line_col(d.id_span.start as usize);
    let path = source
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    out.push_str(&format!(", declared in `{path}` line {line}"));
    if let Some(text) = &d.text {
        out.push_str("\n\n---\n\n");
        out.push_str(text);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Hover: a declaration, a field keyword's doc line, a rule's explanation.
pub(crate) fn hover(project: &Project, file: FileId, offset: usize) -> Option<Hover> {
    let source = project.source(file);
    let (span, value) = match find(project, file, offset)? {
        Found::Decl(f, d) => (d.id_span, describe(project, f, d)),
        Found::Reference(name, kinds, span) => {
            let value = match declarations(project, name, kinds).first() {
                Some((f, d)) => describe(project, *f, d),
                None => format!("`{name}` is not declared"),
            };
            (span, value)
        }
        Found::Other(span, Other::Key { kind, block, key }) => {
            let owner = match block {
                Some(b) => format!("the `{b}` block of {}", kind.noun()),
                None => kind.noun().to_owned(),
            };
            let mut value = format!("**{key}**: a field of {owner}");
            if let Some(doc) = schema::doc(*kind, block.as_deref(), key) {
                value.push_str(&format!("\n\n{doc}"));
            }
            (span, value)
        }
        Found::Other(span, Other::Code(code)) => {
            let value = match check::find(code) {
                Some(rule) => format!("```text\n{}\n```", crate::check::explain::explain(rule)),
                None => format!("`{code}` is not a rule of the catalogue"),
            };
            (span, value)
        }
        Found::Other(span, Other::Word(what)) => {
            (span, format!("`{}`: a {what}", project.sources.slice(span)))
        }
    };
    Some(Hover {
        contents: HoverContents::Markup(markdown(value)),
        range: Some(convert::range(source, span)),
    })
}

/// Go to definition.
pub(crate) fn definition(project: &Project, file: FileId, offset: usize) -> Vec<Location> {
    let Some(found) = find(project, file, offset) else {
        return Vec::new();
    };
    let targets = match found {
        Found::Decl(f, d) => vec![(f, d)],
        Found::Reference(name, kinds, _) => declarations(project, name, kinds),
        Found::Other(..) => Vec::new(),
    };
    targets
        .into_iter()
        .filter_map(|(f, d)| location(project, f, d.id_span))
        .collect()
}

/// Every place that names the declaration at a position: its references
/// and, when asked, its id.
fn occurrences(
    project: &Project,
    file: FileId,
    offset: usize,
    with_declaration: bool,
) -> Vec<(FileId, Span)> {
    let Some((kind, name)) = target_of(project, file, offset) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in project.files() {
        let index = &project.indexes[f.0 as usize];
        if with_declaration {
            out.extend(
                index
                    .decls
                    .iter()
                    .filter(|d| {
                        d.id.as_deref() == Some(name.as_str())
                            && schema::same_namespace(d.kind, kind)
                    })
                    .map(|d| (f, d.id_span)),
            );
        }
        out.extend(
            index
                .references
                .iter()
                .filter(|r| {
                    r.name == name && r.kinds.iter().any(|k| schema::same_namespace(*k, kind))
                })
                .map(|r| (f, r.span)),
        );
    }
    out
}

/// Find references.
pub(crate) fn references(
    project: &Project,
    file: FileId,
    offset: usize,
    with_declaration: bool,
) -> Vec<Location> {
    occurrences(project, file, offset, with_declaration)
        .into_iter()
        .filter_map(|(f, span)| location(project, f, span))
        .collect()
}

/// Whether a word can be an id (the grammar's `ident`, and not a word that
/// introduces a clause).
pub(crate) fn is_id(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(
            word,
            "for" | "when" | "under" | "same_as" | "numbered" | "toll_free"
        )
}

/// Rename an id and every reference to it, across files.
///
/// Refused when the new name is already declared in the same namespace
/// (the policy would then hold two declarations of one id, or a reference
/// would silently change what it names). Each file that was formatted
/// before stays formatted: when the new name's length moves a wrapped list
/// or an aligned comment, that file's edit is the whole formatted text.
pub(crate) fn rename(
    project: &Project,
    file: FileId,
    offset: usize,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    if !is_id(new_name) {
        return Err(format!(
            "`{new_name}` is not an id: use letters, digits and `_`, starting with a letter"
        ));
    }
    let places = occurrences(project, file, offset, true);
    let Some((kind, old_name)) = target_of(project, file, offset).filter(|_| !places.is_empty())
    else {
        return Err("there is no declared id here to rename".to_owned());
    };
    if new_name == old_name {
        return Ok(WorkspaceEdit::default());
    }
    for f in project.files() {
        if let Some(taken) = project.indexes[f.0 as usize]
            .decls
            .iter()
            .find(|d| d.id.as_deref() == Some(new_name) && schema::same_namespace(d.kind, kind))
        {
            let source = project.source(f);
            let (line, _) = source.line_col(taken.id_span.start as usize);
            return Err(format!(
                "`{new_name}` is already declared ({} `{new_name}` in {}:{line}); choose another name",
                taken.kind.keyword(),
                source.display_path()
            ));
        }
    }
    let mut by_file: HashMap<FileId, Vec<Span>> = HashMap::new();
    for (f, span) in places {
        by_file.entry(f).or_default().push(span);
    }
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for (f, mut spans) in by_file {
        let source = project.source(f);
        let Some(uri) = convert::uri(&source.path) else {
            continue;
        };
        spans.sort_by_key(|s| s.start);
        spans.dedup();
        let edits = match reformatted(source, f, &spans, new_name) {
            Some(text) => vec![TextEdit {
                range: convert::range(source, Span::new(f, 0, source.text.len())),
                new_text: text,
            }],
            None => spans
                .iter()
                .map(|span| TextEdit {
                    range: convert::range(source, *span),
                    new_text: new_name.to_owned(),
                })
                .collect(),
        };
        changes.insert(uri, edits);
    }
    Ok(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    })
}

/// The renamed text of a file, formatted, when the file was formatted
/// before and the plain replacement would leave it unformatted; `None`
/// when replacing the names alone keeps the file as it was (formatted or
/// not: a file its author has not formatted is not reformatted by a rename).
fn reformatted(
    source: &crate::source::SourceFile,
    file: FileId,
    spans: &[Span],
    new_name: &str,
) -> Option<String> {
    let formatted = |text: &str| {
        let probe = crate::source::SourceFile::new(source.path.clone(), text);
        crate::format::format_source(file, &probe).ok()
    };
    if formatted(&source.text)? != source.text {
        return None;
    }
    let mut renamed = String::with_capacity(source.text.len());
    let mut at = 0;
    for span in spans {
        let (start, end) = (span.start as usize, span.end as usize);
        renamed.push_str(source.text.get(at..start)?);
        renamed.push_str(new_name);
        at = end;
    }
    renamed.push_str(source.text.get(at..)?);
    let text = formatted(&renamed)?;
    (text != renamed).then_some(text)
}

/// The outline of a file.
#[expect(deprecated, reason = "DocumentSymbol::deprecated must be written")]
pub(crate) fn symbols(project: &Project, file: FileId) -> Vec<DocumentSymbol> {
    let source = project.source(file);
    project.indexes[file.0 as usize]
        .decls
        .iter()
        .map(|d| DocumentSymbol {
            name: match &d.id {
                Some(id) => format!("{} {id}", d.kind.keyword()),
                None => d.kind.keyword().to_owned(),
            },
            detail: d.name.clone(),
            kind: symbol_kind(d.kind),
            tags: None,
            deprecated: None,
            range: convert::range(source, d.span),
            selection_range: convert::range(source, d.id_span),
            children: None,
        })
        .collect()
}

fn symbol_kind(kind: DeclKind) -> SymbolKind {
    match kind {
        DeclKind::Section => SymbolKind::NAMESPACE,
        DeclKind::Policy | DeclKind::Rules => SymbolKind::MODULE,
        DeclKind::Dataset | DeclKind::Processing => SymbolKind::STRUCT,
        DeclKind::Purpose => SymbolKind::FUNCTION,
        DeclKind::Item => SymbolKind::FIELD,
        DeclKind::Definition => SymbolKind::STRING,
        _ => SymbolKind::OBJECT,
    }
}

/// Format the whole file with `candor fmt`; nothing when it does not parse.
pub(crate) fn format(project: &Project, file: FileId) -> Vec<TextEdit> {
    let source = project.source(file);
    match crate::format::format_source(file, source) {
        Ok(text) if text != source.text => vec![TextEdit {
            range: convert::whole(source),
            new_text: text,
        }],
        _ => Vec::new(),
    }
}

/// What the cursor is completing, read from the text (which may not parse
/// while it is being typed).
#[derive(Debug, PartialEq, Eq)]
enum Context<'t> {
    /// A declaration keyword, at the start of a line.
    Declaration,
    /// A field keyword of a declaration of this kind (in this field's block).
    Field(DeclKind, Option<&'t str>),
    /// An argument of a field.
    Value(DeclKind, Option<&'t str>, &'t str, Slot<'t>),
    /// Nothing to offer (inside a string, a comment).
    Nothing,
}

fn ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn context(text: &str, offset: usize) -> Context<'_> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let prefix_len = line.len() - line.trim_end_matches(ident_char).len();
    let before = &line[..line.len() - prefix_len];
    if before.contains('#') || before.matches('"').count() % 2 == 1 {
        return Context::Nothing;
    }
    if before.is_empty() {
        return Context::Declaration;
    }
    let Some((kind, block)) = enclosing(&text[..line_start]) else {
        return Context::Nothing;
    };
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some((key, args)) = words.split_first() else {
        return Context::Field(kind, block);
    };
    let key = key.trim_end_matches(',');
    if let Some(clause) = args
        .iter()
        .rev()
        .map(|w| w.trim_end_matches(','))
        .find(|w| matches!(*w, "for" | "same_as" | "when" | "under"))
    {
        return Context::Value(kind, block, key, Slot::Clause(clause));
    }
    let mut groups = 0;
    let mut continuing = false;
    for w in args {
        if !continuing {
            groups += 1;
        }
        continuing = w.ends_with(',');
    }
    let index = if continuing { groups - 1 } else { groups };
    let first = args.first().map(|w| w.trim_end_matches(','));
    Context::Value(kind, block, key, Slot::Arg { index, first })
}

/// The declaration kind and open block around the end of `text`, found by
/// reading back to the last line that starts a declaration.
fn enclosing(text: &str) -> Option<(DeclKind, Option<&str>)> {
    let mut depth = 0_i32;
    let mut block = None;
    let mut in_prose = false;
    for line in text.lines().rev() {
        if line.matches("\"\"\"").count() % 2 == 1 {
            in_prose = !in_prose;
            continue;
        }
        if in_prose {
            continue;
        }
        let code = line.split('#').next().unwrap_or("");
        let trimmed = code.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        if !code.starts_with([' ', '\t']) {
            if trimmed.starts_with('}') {
                return None;
            }
            let word: String = trimmed.chars().take_while(|c| ident_char(*c)).collect();
            let kind = DeclKind::ALL.into_iter().find(|k| k.keyword() == word)?;
            return Some((kind, block));
        }
        depth += i32::try_from(code.matches('}').count()).unwrap_or(0);
        depth -= i32::try_from(code.matches('{').count()).unwrap_or(0);
        if depth < 0 && block.is_none() {
            block = trimmed.split_whitespace().next();
        }
    }
    None
}

/// Completion at a position.
pub(crate) fn completion(project: &Project, file: FileId, offset: usize) -> Vec<CompletionItem> {
    let text = project.source(file).text.as_str();
    let item = |label: &str, kind, detail: Option<String>| CompletionItem {
        label: label.to_owned(),
        kind: Some(kind),
        detail,
        ..CompletionItem::default()
    };
    match context(text, offset) {
        Context::Nothing => Vec::new(),
        Context::Declaration => schema::declaration_keywords()
            .map(|k| item(k, CompletionItemKind::KEYWORD, None))
            .collect(),
        Context::Field(kind, block) => {
            let keys = match block {
                Some(b) => schema::block_fields(b),
                None => schema::fields(kind),
            };
            keys.iter()
                .map(|k| {
                    let doc = schema::doc(kind, block, k);
                    item(k, CompletionItemKind::KEYWORD, doc)
                })
                .collect()
        }
        Context::Value(
            DeclKind::Rules,
            None,
            "allow" | "warn" | "deny",
            Slot::Arg { index: 0, .. },
        ) => check::rules()
            .map(|r| {
                item(
                    r.code,
                    CompletionItemKind::CONSTANT,
                    Some(r.summary.to_owned()),
                )
            })
            .collect(),
        Context::Value(kind, block, key, slot) => match schema::target(kind, block, key, slot) {
            Target::Ids(kinds) => {
                let mut seen = std::collections::HashSet::new();
                project
                    .files()
                    .flat_map(|f| project.indexes[f.0 as usize].decls.iter())
                    .filter(|d| kinds.iter().any(|k| schema::same_namespace(*k, d.kind)))
                    .filter_map(|d| {
                        let id = d.id.as_deref()?;
                        seen.insert(id).then(|| {
                            item(
                                id,
                                CompletionItemKind::REFERENCE,
                                Some(format!(
                                    "{}{}",
                                    d.kind.keyword(),
                                    d.name.as_ref().map_or(String::new(), |n| format!(" “{n}”"))
                                )),
                            )
                        })
                    })
                    .collect()
            }
            Target::Words(what, words) => words
                .iter()
                .map(|w| item(w, CompletionItemKind::ENUM_MEMBER, Some(what.to_owned())))
                .collect(),
            Target::Other => Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (String, usize) {
        let offset = text.find('|').unwrap_or_default();
        (text.replace('|', ""), offset)
    }

    #[test]
    fn contexts() {
        let (t, o) = at("dataset d \"D\" {\n  collects a, |\n}\n");
        assert_eq!(
            context(&t, o),
            Context::Value(
                DeclKind::Dataset,
                None,
                "collects",
                Slot::Arg {
                    index: 0,
                    first: Some("a")
                }
            )
        );
        let (t, o) = at("dataset d \"D\" {\n  basis consent for a, |\n}\n");
        assert_eq!(
            context(&t, o),
            Context::Value(DeclKind::Dataset, None, "basis", Slot::Clause("for"))
        );
        let (t, o) = at("dataset d \"D\" {\n  basis consent {\n    sp|\n");
        assert_eq!(
            context(&t, o),
            Context::Field(DeclKind::Dataset, Some("basis"))
        );
        let (t, o) = at("item x \"X\" {\n  text \"\"\"\n    a { b\n  \"\"\"\n  |\n");
        assert_eq!(context(&t, o), Context::Field(DeclKind::Item, None));
        let (t, o) = at("da|");
        assert_eq!(context(&t, o), Context::Declaration);
        let (t, o) = at("section s {\n  insert rights |\n");
        assert_eq!(
            context(&t, o),
            Context::Value(
                DeclKind::Section,
                None,
                "insert",
                Slot::Arg {
                    index: 1,
                    first: Some("rights")
                }
            )
        );
    }
}
