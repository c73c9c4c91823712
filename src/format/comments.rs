//! Recovering the comments the syntax tree leaves out.
//!
//! The grammar's `COMMENT` rule is silent, so the tree has no comments. They
//! are found again from the source text: every token the tree keeps (a
//! keyword, an id, a name, a string, a prose block, each word of a list, the
//! raw rest of an unknown field) has a span, and what lies *between* those
//! spans can only be white space, line breaks, the punctuation `, ; { }`, and
//! comments. So every `#` found in such a gap starts a comment that runs to the
//! end of its line, and a `#` inside a string or a prose block is never taken
//! for one, because strings and prose are tokens.

use crate::source::Span;
use crate::syntax::tree::{Arg, DeclKind, Field, File};

/// One comment of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Comment {
    /// Byte offset of its `#`.
    pub start: usize,
    /// Its text, from `#` to the end of the line, without trailing blanks.
    pub text: String,
    /// Whether it stands alone on its line (nothing but blanks before it).
    pub own_line: bool,
    /// Whether an empty line separates it from what comes before it.
    pub blank_before: bool,
}

/// Every comment of a file that parsed, in source order.
pub(super) fn collect(text: &str, file: &File) -> Vec<Comment> {
    let mut tokens = Vec::new();
    for decl in &file.declarations {
        if decl.kind.node == DeclKind::Unknown {
            // An unknown declaration is printed back as written, comments
            // and all.
            tokens.push(decl.span);
            continue;
        }
        tokens.push(decl.keyword.span);
        if let Some(id) = &decl.id {
            tokens.push(id.span);
        }
        if let Some(name) = &decl.name {
            tokens.push(name.span);
        }
        for field in &decl.fields {
            field_tokens(field, &mut tokens);
        }
    }
    tokens.retain(|s| !s.is_empty());
    tokens.sort();
    let mut comments = Vec::new();
    let mut gap_start = 0;
    for span in tokens {
        scan_gap(text, gap_start, span.start as usize, &mut comments);
        gap_start = gap_start.max(span.end as usize);
    }
    scan_gap(text, gap_start, text.len(), &mut comments);
    comments
}

/// The spans of every token of a field.
pub(super) fn field_tokens(field: &Field, out: &mut Vec<Span>) {
    out.push(field.key.span);
    for arg in &field.args {
        arg_tokens(arg, out);
    }
    for inner in field.block.iter().flatten() {
        field_tokens(inner, out);
    }
}

fn arg_tokens(arg: &Arg, out: &mut Vec<Span>) {
    match arg {
        Arg::List(items) => out.extend(items.iter().map(|i| i.span)),
        Arg::Clause(keyword, value) => {
            out.push(keyword.span);
            arg_tokens(value, out);
        }
        other => out.push(other.span()),
    }
}

/// Finds the comments in `text[from..to]`, a stretch no token covers.
fn scan_gap(text: &str, from: usize, to: usize, out: &mut Vec<Comment>) {
    let Some(gap) = text.get(from..to) else {
        return;
    };
    let mut offset = 0;
    while let Some(hash) = gap[offset..].find('#') {
        let start = from + offset + hash;
        let line_end = gap[offset + hash..]
            .find('\n')
            .map_or(gap.len(), |n| offset + hash + n);
        let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        out.push(Comment {
            start,
            text: gap[offset + hash..line_end].trim_end().to_owned(),
            own_line: text[line_start..start].trim().is_empty(),
            blank_before: blank_between(text, from + offset, start),
        });
        offset = line_end;
    }
}

impl Comment {
    /// One past its last byte.
    pub(super) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Whether an empty (or blank) line lies between offset `from` and the line
/// that holds `pos`. Only whole lines after the one `from` is on count.
pub(super) fn blank_between(text: &str, from: usize, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |n| n + 1);
    let Some(between) = text.get(from..line_start) else {
        return false;
    };
    let Some(first_break) = between.find('\n') else {
        return false;
    };
    let mut lines: Vec<&str> = between[first_break + 1..].split('\n').collect();
    lines.pop();
    lines.iter().any(|l| l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::{blank_between, collect};
    use crate::source::{FileId, SourceFile};
    use crate::syntax::parse;

    fn comments(text: &str) -> Vec<(String, bool)> {
        let source = SourceFile::new("t.policy".into(), text);
        let parsed = parse(FileId(0), &source);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        collect(&source.text, &parsed.file)
            .into_iter()
            .map(|c| (c.text, c.own_line))
            .collect()
    }

    #[test]
    fn finds_comments_between_tokens_but_not_in_strings() {
        let found = comments(
            "# head\nitem a \"A # not\" { # hdr\n  ccpa A, # after A\n    B\n  text \"\"\"\n  # prose\n  \"\"\" # tail\n}\n",
        );
        assert_eq!(
            found,
            vec![
                ("# head".to_owned(), true),
                ("# hdr".to_owned(), false),
                ("# after A".to_owned(), false),
                ("# tail".to_owned(), false),
            ]
        );
    }

    #[test]
    fn blank_lines() {
        let text = "a\n\n  b\nc";
        assert!(blank_between(text, 1, 5));
        assert!(!blank_between(text, 5, 7));
        assert!(!blank_between(text, 0, 0));
        assert!(!blank_between(text, 3, 5));
    }
}
