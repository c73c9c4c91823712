//! `candor fmt`: one canonical layout for policy files.
//!
//! The layout:
//!
//! - declarations are separated by one empty line; a comment block before a
//!   declaration keeps one empty line above and below it where it had one;
//! - inside a block, one field per line, indented by two spaces per level,
//!   with the fields in the canonical order of [`order`] (an empty line
//!   between two fields is kept, at most one);
//! - a list stays on one line when it fits in [`MAX_WIDTH`] characters, and
//!   otherwise wraps after commas with its words aligned under the first;
//! - a prose block that spans lines has its lines indented one step deeper
//!   than its field and its closing `"""` under the field; strings and the
//!   text of prose lines are copied byte for byte;
//! - end-of-line comments on consecutive lines of one indentation are
//!   aligned; every comment is kept.
//!
//! The tree the parser builds has no comments (the grammar's `COMMENT` rule
//! is silent), so [`comments`] recovers them from the gaps between the
//! tree's tokens, and [`printer`] attaches each to the field it belongs to
//! before fields are reordered. The formatter checks its own work before
//! returning it: the output must parse, hold the same declarations, fields
//! and values as the input, and hold every comment; otherwise the file is
//! left alone and an internal error is reported.

mod comments;
pub mod order;
mod printer;

use std::fmt::Write as _;

use crate::diagnostic::Diagnostic;
use crate::schema::FieldSpec;
use crate::source::{FileId, SourceFile, Span};
use crate::syntax::parse;
use crate::syntax::tree::{Arg, DeclKind, Field, File};

pub use printer::MAX_WIDTH;

pub use crate::diagnostic::code::FMT_INTERNAL;

/// Formats one file. Returns the canonical text, or the diagnostics that
/// stop it: syntax errors (the file is not changed when it does not parse).
///
/// # Errors
/// The file has syntax errors, or (a bug) the formatter could not keep its
/// meaning or its comments.
pub fn format_source(id: FileId, source: &SourceFile) -> Result<String, Vec<Diagnostic>> {
    let parsed = parse(id, source);
    if parsed.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(parsed.diagnostics);
    }
    let text = source.text.as_str();
    let found = comments::collect(text, &parsed.file);
    let (output, lost) = printer::Printer::new(text, found.clone()).file(&parsed.file);
    let internal = |what: &str| {
        vec![
            Diagnostic::error(
                FMT_INTERNAL,
                Span::new(id, 0, 0),
                format!("candor fmt could not lay out this file without {what}"),
            )
            .with_help("the file was left as it is; please report this with the file attached"),
        ]
    };
    if lost > 0 {
        if std::env::var_os("CANDOR_FMT_DEBUG").is_some() {
            eprintln!("{output}");
        }
        return Err(internal("losing a comment"));
    }
    let again = SourceFile::new(source.path.clone(), &output);
    let reparsed = parse(id, &again);
    if !reparsed.diagnostics.is_empty() {
        return Err(internal("breaking its syntax"));
    }
    if fingerprint(&parsed.file, text) != fingerprint(&reparsed.file, &output) {
        return Err(internal("changing what it says"));
    }
    let mut before: Vec<String> = found.into_iter().map(|c| c.text).collect();
    let mut after: Vec<String> = comments::collect(&output, &reparsed.file)
        .into_iter()
        .map(|c| c.text)
        .collect();
    before.sort();
    after.sort();
    if before != after {
        return Err(internal("losing a comment"));
    }
    Ok(output)
}

/// Formats text held in memory (for tests and editors).
///
/// # Errors
/// As [`format_source`].
pub fn format_str(text: &str) -> Result<String, Vec<Diagnostic>> {
    format_source(FileId(0), &SourceFile::new("<input>".into(), text))
}

/// What a file says, independent of layout and of field order: its
/// declarations with their fields in canonical order and every value as
/// the compiler reads it.
fn fingerprint(file: &File, text: &str) -> String {
    let mut out = String::new();
    for decl in &file.declarations {
        if decl.kind.node == DeclKind::Unknown {
            let raw = text
                .get(decl.span.start as usize..decl.span.end as usize)
                .unwrap_or("");
            let _ = writeln!(out, "unknown {}", raw.trim_end());
            continue;
        }
        let _ = writeln!(
            out,
            "{} {:?} {:?}",
            decl.keyword.node,
            decl.id.as_ref().map(|i| &i.node),
            decl.name.as_ref().map(|n| &n.node)
        );
        fields(
            &mut out,
            order::declaration_fields(decl.kind.node),
            &decl.fields,
            text,
            1,
        );
    }
    out
}

fn fields(out: &mut String, order: Option<&[FieldSpec]>, list: &[Field], text: &str, depth: usize) {
    for i in order::arrange(order, list) {
        let field = &list[i];
        let _ = write!(
            out,
            "{}{} {}",
            "  ".repeat(depth),
            field.key.node,
            field.known
        );
        for arg in &field.args {
            out.push(' ');
            arg_value(out, arg, text, field.known);
        }
        out.push('\n');
        if let Some(block) = &field.block {
            fields(
                out,
                order::block_fields(&field.key.node),
                block,
                text,
                depth + 1,
            );
        }
    }
}

fn arg_value(out: &mut String, arg: &Arg, text: &str, known: bool) {
    match arg {
        Arg::Ident(s) | Arg::Date(s) | Arg::Number(s) | Arg::Flag(s) | Arg::Code(s) => {
            out.push_str(&s.node);
        }
        Arg::Raw(s) => {
            let raw = text
                .get(s.span.start as usize..s.span.end as usize)
                .unwrap_or("");
            let _ = write!(out, "{:?}", if known { raw } else { raw.trim() });
        }
        Arg::List(items) => {
            let words: Vec<&str> = items.iter().map(|i| i.node.as_str()).collect();
            out.push_str(&words.join(","));
        }
        Arg::Text(t) => {
            let _ = write!(out, "{:?}", t.node);
        }
        Arg::Clause(keyword, value) => {
            out.push_str(&keyword.node);
            out.push(' ');
            arg_value(out, value, text, known);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::format_str;

    fn fmt(text: &str) -> String {
        match format_str(text) {
            Ok(t) => t,
            Err(d) => panic!("{d:?}"),
        }
    }

    #[test]
    fn orders_fields_and_keeps_comments() {
        let input =
            "# head\n\nitem x \"X\" { text \"t\"; ccpa A, # c1\n   B   # c2\n  }  # after\n";
        let out = fmt(input);
        assert_eq!(
            out,
            "# head\n\nitem x \"X\" {\n  ccpa A, # c1\n       B # c2\n  text \"t\"\n} # after\n"
        );
        assert_eq!(fmt(&out), out);
    }
}
