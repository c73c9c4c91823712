//! Lays a parsed file out in the canonical layout.
//!
//! The printer walks the tree, not the text: each declaration, field and
//! argument is printed from its tokens, which are copied from the source byte
//! for byte (strings exactly as written, prose with only its indentation
//! changed). Comments are attached before printing, container by container
//! (the file, a declaration's block, a `basis` or `right` block, a list), so
//! that a field moved into its canonical place takes its comments along:
//!
//! - a comment alone on its line belongs to the field (or list word) after
//!   it, or, after the last one, to the end of the block;
//! - a comment at the end of a line belongs to the field (or word) that ends
//!   on that line, or to the block's opening `{` when it follows it.

use super::comments::{Comment, blank_between};
use super::order::{arrange, block_fields, declaration_fields};
use crate::schema::FieldSpec;
use crate::source::{Span, Spanned};
use crate::syntax::tree::{Arg, DeclKind, Declaration, Field, File};

/// One indentation step.
const INDENT: &str = "  ";
/// Lists wrap after a comma when a line would grow longer than this.
pub const MAX_WIDTH: usize = 100;

/// One line of output.
#[derive(Debug)]
enum Line {
    /// An empty line between groups.
    Blank,
    /// Code, with an optional comment at its end. The text may hold line
    /// breaks when a token spans lines as written (an unknown declaration).
    Code {
        text: String,
        comment: Option<String>,
    },
    /// A line inside a prose block, printed as is.
    Prose(String),
}

/// The comments of one container, attached to its parts.
#[derive(Debug, Default)]
struct Attached {
    /// A comment after the opening `{`, on its line.
    header: Option<Comment>,
    /// For each child, in source order.
    children: Vec<ChildComments>,
    /// Comments after the last child, before the closing `}`.
    dangling: Vec<Comment>,
}

#[derive(Debug, Default, Clone)]
struct ChildComments {
    leading: Vec<Comment>,
    trailing: Option<Comment>,
    blank_before: bool,
}

pub(super) struct Printer<'a> {
    text: &'a str,
    comments: Vec<Comment>,
    taken: Vec<bool>,
    lines: Vec<Line>,
    /// The line being built.
    current: String,
}

impl<'a> Printer<'a> {
    pub(super) fn new(text: &'a str, comments: Vec<Comment>) -> Self {
        let taken = vec![false; comments.len()];
        Printer {
            text,
            comments,
            taken,
            lines: Vec::new(),
            current: String::new(),
        }
    }

    /// Prints the file and returns the text, plus how many comments were
    /// not placed (zero unless the printer has a bug).
    pub(super) fn file(mut self, file: &File) -> (String, usize) {
        let spans: Vec<Span> = file
            .declarations
            .iter()
            .map(|d| self.decl_extent(d))
            .collect();
        let attached = self.attach(0, self.text.len(), &spans);
        let mut previous_one_line = false;
        for (i, decl) in file.declarations.iter().enumerate() {
            let comments = &attached.children[i];
            if i == 0
                && let Some(header) = &attached.header
            {
                self.comment_line(header, 0);
            }
            let group_start = self.lines.len();
            self.leading(&comments.leading, comments.blank_before, 0);
            let decl_start = self.lines.len();
            self.declaration(decl);
            self.trailing(comments.trailing.as_ref());
            let one_line = self.lines.len() == decl_start + 1
                && matches!(&self.lines[decl_start], Line::Code { text, .. } if !text.contains('\n'));
            // One empty line between declarations; consecutive one-line
            // declarations (a list of items, of subjects) keep the grouping
            // they were written with.
            let group_blank = comments
                .leading
                .first()
                .map_or(comments.blank_before, |c| c.blank_before);
            if i > 0 && (group_blank || !(one_line && previous_one_line)) {
                self.lines.insert(group_start, Line::Blank);
            }
            previous_one_line = one_line;
        }
        if file.declarations.is_empty()
            && let Some(header) = &attached.header
        {
            self.comment_line(header, 0);
        }
        for (k, c) in attached.dangling.iter().enumerate() {
            if (k == 0 && !file.declarations.is_empty()) || c.blank_before {
                self.blank();
            }
            self.comment_line(c, 0);
        }
        let lost = self.taken.iter().filter(|t| !**t).count();
        (render(&self.lines), lost)
    }

    // ─── Comments ────────────────────────────────────────────────────────

    /// Takes the comments that start in `from..to`.
    fn take(&mut self, from: usize, to: usize) -> Vec<Comment> {
        let mut out = Vec::new();
        for (i, c) in self.comments.iter().enumerate() {
            if !self.taken[i] && c.start >= from && c.start < to {
                self.taken[i] = true;
                out.push(c.clone());
            }
        }
        out
    }

    /// Attaches the comments of a container that opens at `open` and closes
    /// at `close`, whose children cover `spans` (in source order).
    fn attach(&mut self, open: usize, close: usize, spans: &[Span]) -> Attached {
        let mut attached = Attached {
            children: vec![ChildComments::default(); spans.len()],
            ..Attached::default()
        };
        let mut previous_end = open;
        for i in 0..=spans.len() {
            let until = spans.get(i).map_or(close, |s| s.start as usize);
            let mut last_end = previous_end;
            for comment in self.take(previous_end, until) {
                last_end = comment.end();
                if !comment.own_line {
                    let slot = match i.checked_sub(1) {
                        Some(prev) => &mut attached.children[prev].trailing,
                        None => &mut attached.header,
                    };
                    if slot.is_none() {
                        *slot = Some(comment);
                        continue;
                    }
                }
                match attached.children.get_mut(i) {
                    Some(child) => child.leading.push(comment),
                    None => attached.dangling.push(comment),
                }
            }
            if let Some(span) = spans.get(i) {
                attached.children[i].blank_before =
                    blank_between(self.text, last_end, span.start as usize);
                previous_end = span.end as usize;
            }
        }
        attached
    }

    /// Prints a child's leading comments, each on its own line, keeping one
    /// empty line where the source had one or more.
    fn leading(&mut self, comments: &[Comment], blank_before_child: bool, depth: usize) {
        for (k, c) in comments.iter().enumerate() {
            if k > 0 && c.blank_before {
                self.blank();
            }
            self.comment_line(c, depth);
        }
        if !comments.is_empty() && blank_before_child {
            self.blank();
        }
    }

    fn comment_line(&mut self, comment: &Comment, depth: usize) {
        self.flush_if_started();
        self.lines.push(Line::Code {
            text: format!("{}{}", indent(depth), comment.text),
            comment: None,
        });
    }

    /// Puts a comment at the end of the last line printed.
    fn trailing(&mut self, comment: Option<&Comment>) {
        let Some(comment) = comment else { return };
        if let Some(Line::Code {
            comment: slot @ None,
            ..
        }) = self.lines.last_mut()
        {
            *slot = Some(comment.text.clone());
        } else {
            self.lines.push(Line::Code {
                text: String::new(),
                comment: Some(comment.text.clone()),
            });
        }
    }

    // ─── Lines ───────────────────────────────────────────────────────────

    fn blank(&mut self) {
        if matches!(self.lines.last(), Some(Line::Code { .. } | Line::Prose(_))) {
            self.lines.push(Line::Blank);
        }
    }

    /// Ends the line being built.
    fn flush(&mut self, comment: Option<&Comment>) {
        let text = std::mem::take(&mut self.current);
        self.lines.push(Line::Code {
            text,
            comment: comment.map(|c| c.text.clone()),
        });
    }

    fn flush_if_started(&mut self) {
        if !self.current.is_empty() {
            self.flush(None);
        }
    }

    /// The column the line being built has reached, in characters.
    fn column(&self) -> usize {
        let last = self.current.rsplit('\n').next().unwrap_or("");
        last.chars().count()
    }

    fn slice(&self, span: Span) -> &'a str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    // ─── Extents ─────────────────────────────────────────────────────────
    //
    // A pest pair's span can run past its last token: in `a ~ b?` the
    // implicit white space (and comments) before an absent `b` is consumed.
    // So where a declaration or field ends is taken from its tokens.

    /// End of a declaration's header (keyword, id, name).
    fn header_end(decl: &Declaration) -> usize {
        let mut end = decl.keyword.span.end;
        if let Some(id) = &decl.id {
            end = end.max(id.span.end);
        }
        if let Some(name) = &decl.name {
            end = end.max(name.span.end);
        }
        end as usize
    }

    /// Whether a `{` comes next after `at`, on the same line.
    fn block_follows(&self, at: usize) -> bool {
        self.text
            .get(at..)
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with('{'))
    }

    /// From a declaration's keyword to its last token or closing `}`.
    fn decl_extent(&self, decl: &Declaration) -> Span {
        if decl.kind.node == DeclKind::Unknown {
            return decl.span;
        }
        let header_end = Self::header_end(decl);
        let end = if self.block_follows(header_end) {
            decl.span.end as usize
        } else {
            header_end
        };
        Span::new(decl.span.file, decl.span.start as usize, end)
    }

    // ─── Declarations and fields ─────────────────────────────────────────

    fn declaration(&mut self, decl: &Declaration) {
        if decl.kind.node == DeclKind::Unknown {
            // Not understood: printed back as written, for `check` to report.
            self.current.push_str(self.slice(decl.span).trim_end());
            self.flush(None);
            return;
        }
        self.current.push_str(&decl.keyword.node);
        let mut header_end = decl.keyword.span.end as usize;
        if let Some(id) = &decl.id {
            self.current.push(' ');
            self.current.push_str(&id.node);
            header_end = header_end.max(id.span.end as usize);
        }
        if let Some(name) = &decl.name {
            self.current.push(' ');
            self.current.push_str(self.slice(name.span));
            header_end = header_end.max(name.span.end as usize);
        }
        if self.block_follows(header_end) {
            let order = declaration_fields(decl.kind.node);
            self.block(header_end, decl.span.end as usize, &decl.fields, order, 0);
        } else {
            self.flush(None);
        }
    }

    /// Prints ` { fields }` for a block whose header ends at `header_end` and
    /// whose `}` is the last byte before `end`; `depth` is the header's.
    fn block(
        &mut self,
        header_end: usize,
        end: usize,
        fields: &[Field],
        order: Option<&[FieldSpec]>,
        depth: usize,
    ) {
        let open = self.text[header_end..end]
            .find('{')
            .map_or(header_end, |n| header_end + n + 1);
        let close = end.saturating_sub(1).max(open);
        let spans: Vec<Span> = fields.iter().map(field_extent).collect();
        let attached = self.attach(open, close, &spans);
        if fields.is_empty() && attached.header.is_none() && attached.dangling.is_empty() {
            self.current.push_str(" {}");
            self.flush(None);
            return;
        }
        if let [only] = fields {
            let quiet = attached.header.is_none()
                && attached.dangling.is_empty()
                && attached.children[0].leading.is_empty()
                && attached.children[0].trailing.is_none()
                && only.block.is_none()
                && !self.has_comments_in(field_extent(only));
            if quiet && self.one_line_block(only) {
                return;
            }
        }
        self.current.push_str(" {");
        self.flush(attached.header.as_ref());
        for (n, &i) in arrange(order, fields).iter().enumerate() {
            let comments = &attached.children[i];
            let group_blank = comments
                .leading
                .first()
                .map_or(comments.blank_before, |c| c.blank_before);
            if n > 0 && group_blank {
                self.blank();
            }
            self.leading(&comments.leading, comments.blank_before, depth + 1);
            self.field(&fields[i], depth + 1);
            self.trailing(comments.trailing.as_ref());
        }
        for (k, c) in attached.dangling.iter().enumerate() {
            if (k > 0 || !fields.is_empty()) && c.blank_before {
                self.blank();
            }
            self.comment_line(c, depth + 1);
        }
        self.current.push_str(&indent(depth));
        self.current.push('}');
        self.flush(None);
    }

    /// Prints a block of one field on its header's line, `{ field }`, when
    /// the whole fits on one line. Returns false, having printed nothing,
    /// otherwise.
    fn one_line_block(&mut self, field: &Field) -> bool {
        let saved = (self.current.clone(), self.lines.len());
        self.current.push_str(" { ");
        self.field(field, 0);
        if self.lines.len() == saved.1 + 1
            && let Some(Line::Code {
                text,
                comment: None,
            }) = self.lines.last_mut()
            && !text.contains('\n')
            && text.chars().count() + 2 <= MAX_WIDTH
        {
            text.push_str(" }");
            return true;
        }
        self.lines.truncate(saved.1);
        self.current = saved.0;
        false
    }

    /// Whether a comment not yet placed starts inside `span`.
    fn has_comments_in(&self, span: Span) -> bool {
        self.comments.iter().zip(&self.taken).any(|(c, taken)| {
            !*taken && c.start >= span.start as usize && c.start < span.end as usize
        })
    }

    fn field(&mut self, field: &Field, depth: usize) {
        self.current.push_str(&indent(depth));
        self.current.push_str(&field.key.node);
        let mut header_end = field.key.span.end as usize;
        for arg in &field.args {
            if !field.known {
                let raw = self.slice(arg.span()).trim();
                if !raw.is_empty() {
                    self.current.push(' ');
                    self.current.push_str(raw);
                }
            } else {
                self.current.push(' ');
                self.arg(arg, depth);
            }
            header_end = header_end.max(arg.span().end as usize);
        }
        match &field.block {
            Some(fields) => {
                let order = block_fields(&field.key.node);
                self.block(header_end, field.span.end as usize, fields, order, depth);
            }
            None => self.flush(None),
        }
    }

    fn arg(&mut self, arg: &Arg, depth: usize) {
        match arg {
            Arg::List(items) => self.list(items),
            Arg::Clause(keyword, value) => {
                self.current.push_str(&keyword.node);
                self.current.push(' ');
                self.arg(value, depth);
            }
            Arg::Text(text) if text.node.prose => self.prose(text.span, depth),
            other => {
                let raw = self.slice(other.span());
                self.current.push_str(raw);
            }
        }
    }

    /// A comma-separated list: on one line when it fits, else wrapped after
    /// commas with the words aligned under the first; one word per line when
    /// comments sit between the words.
    fn list(&mut self, items: &[Spanned<String>]) {
        let spans: Vec<Span> = items.iter().map(|i| i.span).collect();
        let (start, end) = match (spans.first(), spans.last()) {
            (Some(a), Some(b)) => (a.start as usize, b.end as usize),
            _ => return,
        };
        // The words' comments: between the first word's start and the last
        // word's end, every comment sits after a comma.
        let attached = self.attach(start, end, &spans);
        let has_comments = attached
            .children
            .iter()
            .any(|c| c.trailing.is_some() || !c.leading.is_empty());
        let align = self.column();
        let pad = " ".repeat(align);
        for (i, item) in items.iter().enumerate() {
            let last = i + 1 == items.len();
            let piece = if last {
                item.node.clone()
            } else {
                format!("{},", item.node)
            };
            if i > 0 {
                let width = piece.chars().count();
                if has_comments || self.column() + 1 + width > MAX_WIDTH {
                    let before = attached.children[i - 1].trailing.clone();
                    self.flush(before.as_ref());
                    for c in &attached.children[i].leading {
                        self.lines.push(Line::Code {
                            text: format!("{pad}{}", c.text),
                            comment: None,
                        });
                    }
                    self.current.push_str(&pad);
                } else {
                    self.current.push(' ');
                }
            }
            self.current.push_str(&piece);
        }
    }

    /// A prose block: a block that spans lines is printed with its lines
    /// indented one step deeper than its field and its closing quotes under
    /// the field; the text of each line, after the indentation common to
    /// all of them, is kept byte for byte. The value the compiler reads
    /// (see `syntax::text::dedent`) is the same before and after.
    fn prose(&mut self, span: Span, depth: usize) {
        let raw = self.slice(span);
        let inner = raw.get(3..raw.len().saturating_sub(3)).unwrap_or("");
        let mut lines: Vec<&str> = inner.split('\n').collect();
        if lines.len() > 1 && lines.first().is_some_and(|l| l.trim().is_empty()) {
            lines.remove(0);
        }
        if lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        let multi_line = inner.contains('\n');
        if !multi_line || lines.iter().all(|l| l.trim().is_empty()) {
            self.current.push_str(raw);
            return;
        }
        let common = lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
            .min()
            .unwrap_or(0);
        self.current.push_str("\"\"\"");
        self.flush(None);
        let body_indent = indent(depth + 1);
        for line in lines {
            if line.trim().is_empty() {
                self.lines.push(Line::Prose(String::new()));
            } else {
                let body = line.get(common..).unwrap_or(line);
                self.lines.push(Line::Prose(format!("{body_indent}{body}")));
            }
        }
        self.current.push_str(&indent(depth));
        self.current.push_str("\"\"\"");
    }
}

/// From a field's keyword to its last argument or closing `}`.
fn field_extent(field: &Field) -> Span {
    if field.block.is_some() {
        return field.span;
    }
    let end = field
        .args
        .iter()
        .map(|a| a.span().end)
        .fold(field.key.span.end, u32::max);
    Span {
        file: field.span.file,
        start: field.span.start,
        end,
    }
}

fn indent(depth: usize) -> String {
    INDENT.repeat(depth)
}

/// Joins the lines. End-of-line comments on consecutive lines of the same
/// indentation are aligned one space after the longest of those lines.
fn render(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut i = 0;
    // Drop blank lines at the end.
    let mut count = lines.len();
    while count > 0 && matches!(lines[count - 1], Line::Blank) {
        count -= 1;
    }
    while i < count {
        match &lines[i] {
            Line::Blank => out.push('\n'),
            Line::Prose(text) => {
                out.push_str(text);
                out.push('\n');
            }
            Line::Code {
                text,
                comment: None,
            } => {
                out.push_str(text);
                out.push('\n');
            }
            Line::Code {
                text,
                comment: Some(_),
            } => {
                // A run of commented one-line lines at one indentation.
                let depth = leading_spaces(text);
                let mut j = i;
                let mut width = 0;
                while j < count {
                    match &lines[j] {
                        Line::Code {
                            text: t,
                            comment: Some(_),
                        } if !t.contains('\n') && leading_spaces(t) == depth => {
                            width = width.max(t.chars().count());
                            j += 1;
                        }
                        _ => break,
                    }
                }
                if j == i {
                    // A multi-line token with a comment after it.
                    if let Line::Code {
                        text,
                        comment: Some(c),
                    } = &lines[i]
                    {
                        out.push_str(text);
                        out.push(' ');
                        out.push_str(c);
                        out.push('\n');
                    }
                    i += 1;
                    continue;
                }
                for line in &lines[i..j] {
                    if let Line::Code {
                        text,
                        comment: Some(c),
                    } = line
                    {
                        out.push_str(text);
                        if !text.is_empty() {
                            let pad = width - text.chars().count() + 1;
                            out.push_str(&" ".repeat(pad));
                        }
                        out.push_str(c);
                        out.push('\n');
                    }
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn leading_spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches(' ').len()
}
