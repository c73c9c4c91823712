//! Diagnostics: what candor tells a person about their policy.
//!
//! Every stage of the pipeline returns its findings as [`Diagnostic`]s rather
//! than stopping at the first one, so that one run shows every problem. A
//! diagnostic is a stable code, a severity, a message written for a lawyer
//! (lower case, no final period, the user's words in backticks), an optional
//! help text with the fix, a primary location and any related locations.
//!
//! They are shown through miette ([`render_human`]) or as the JSON contract
//! that CI pipelines parse ([`render_json`]).

pub mod code;

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use serde::Serialize;

use crate::source::{SourceFile, Sources, Span};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The policy cannot be built, or it says something the law forbids.
    Error,
    /// Probably a mistake; a person should look.
    Warning,
    /// A suggestion.
    Advice,
}

impl Severity {
    /// The word used in messages and JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in the source with a short note about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there, e.g. "declared here".
    pub message: Option<String>,
}

/// One finding about a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `candor::unknown-reference` or `gdpr::consent-withdrawal`.
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where it is.
    pub primary: Label,
    /// Related places (the declaration that a reference points to, ...).
    pub secondary: Vec<Label>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(code: impl Into<String>, span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(code, Severity::Error, span, message)
    }

    /// A warning at `span`.
    pub fn warning(code: impl Into<String>, span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(code, Severity::Warning, span, message)
    }

    /// A diagnostic of any severity.
    pub fn new(
        code: impl Into<String>,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            message: message.into(),
            help: None,
            primary: Label {
                span,
                message: None,
            },
            secondary: Vec::new(),
        }
    }

    /// Adds the fix.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note to the primary location.
    #[must_use]
    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = Some(message.into());
        self
    }

    /// Adds a related location.
    #[must_use]
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: Some(message.into()),
        });
        self
    }

    /// Whether this is an error.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file, position, then code, so output and snapshots
/// are stable whatever order the stages found them in; drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (
            a.primary.span.file,
            a.primary.span.start,
            a.primary.span.end,
            &a.code,
            &a.message,
        )
            .cmp(&(
                b.primary.span.file,
                b.primary.span.start,
                b.primary.span.end,
                &b.code,
                &b.message,
            ))
    });
    diagnostics.dedup();
}

/// Counts of errors and warnings, as reported in summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

impl Summary {
    /// Counts a list of diagnostics.
    #[must_use]
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut summary = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Advice => {}
            }
        }
        summary
    }
}

// ─── Human format (miette) ────────────────────────────────────────────────

/// A source file as miette reads it.
///
/// miette finds the lines to quote by scanning the text from its start, which
/// costs the whole file for every diagnostic: ten thousand findings in a
/// large policy took minutes. This hands miette the text from a few lines
/// before the span instead, found through the file's line index, and shifts
/// the answer back to whole-file lines and offsets.
#[derive(Debug)]
struct Windowed<'s> {
    name: String,
    file: &'s SourceFile,
}

impl SourceCode for Windowed<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let line = self.file.line_index(span.offset());
        let first = line.saturating_sub(context_lines_before + 1);
        let base = self.file.line_start(first);
        let window = self.file.text.get(base..).unwrap_or("");
        let shifted = SourceSpan::new(span.offset().saturating_sub(base).into(), span.len());
        let contents = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let found = contents.span();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::new((found.offset() + base).into(), found.len()),
            contents.line() + first,
            contents.column(),
            contents.line_count(),
        )))
    }
}

/// A diagnostic joined to its source text, in the shape miette draws.
#[derive(Debug)]
struct MietteView<'s> {
    code: String,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Windowed<'s>,
    labels: Vec<LabeledSpan>,
    related: Vec<MietteView<'s>>,
}

impl fmt::Display for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MietteView<'_> {}

impl miette::Diagnostic for MietteView<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn miette::Diagnostic),
            ))
        }
    }
}

fn source_span(span: Span) -> SourceSpan {
    SourceSpan::new((span.start as usize).into(), span.len())
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Advice => miette::Severity::Advice,
    }
}

fn named_source(sources: &Sources, span: Span) -> Windowed<'_> {
    let file = sources.get(span.file);
    Windowed {
        name: file.display_path(),
        file,
    }
}

fn view<'s>(diagnostic: &Diagnostic, sources: &'s Sources) -> MietteView<'s> {
    let primary_file = diagnostic.primary.span.file;
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        diagnostic.primary.message.clone(),
        source_span(diagnostic.primary.span),
    )];
    let mut related = Vec::new();
    for label in &diagnostic.secondary {
        if label.span.file == primary_file {
            labels.push(LabeledSpan::new_with_span(
                label.message.clone(),
                source_span(label.span),
            ));
        } else {
            // miette draws one file per report: a place in another file
            // becomes a related note of its own.
            related.push(MietteView {
                code: diagnostic.code.clone(),
                severity: miette::Severity::Advice,
                message: label
                    .message
                    .clone()
                    .unwrap_or_else(|| "related".to_owned()),
                help: None,
                source: named_source(sources, label.span),
                labels: vec![LabeledSpan::new_with_span(None, source_span(label.span))],
                related: Vec::new(),
            });
        }
    }
    MietteView {
        code: diagnostic.code.clone(),
        severity: miette_severity(diagnostic.severity),
        message: diagnostic.message.clone(),
        help: diagnostic.help.clone(),
        source: named_source(sources, diagnostic.primary.span),
        labels,
        related,
    }
}

/// Whether the human format may use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// ANSI colours and Unicode box drawing.
    Always,
    /// Plain text (still Unicode box drawing), for files, pipes and tests.
    Never,
}

/// Draws diagnostics the way miette does, followed by a one-line summary.
#[must_use]
pub fn render_human(diagnostics: &[Diagnostic], sources: &Sources, color: Color) -> String {
    let theme = match color {
        Color::Always => GraphicalTheme::unicode(),
        Color::Never => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for d in diagnostics {
        if on_long_line(d, sources) {
            render_clipped(&mut out, d, sources);
            out.push('\n');
            continue;
        }
        let v = view(d, sources);
        if handler.render_report(&mut out, &v).is_err() {
            // Drawing failed (it does not in practice): fall back to one line.
            let (line, col) = sources
                .get(d.primary.span.file)
                .line_col(d.primary.span.start as usize);
            let path = sources.get(d.primary.span.file).display_path();
            out.push_str(&format!(
                "{}[{}]: {} at {path}:{line}:{col}\n",
                d.severity, d.code, d.message
            ));
        }
        out.push('\n');
    }
    let summary = Summary::of(diagnostics);
    out.push_str(&summary_line(summary));
    out
}

/// Lines longer than this many bytes are not quoted whole: miette draws
/// every character of a quoted line (and panics past column 65,535), so
/// five thousand findings on one 55 KB line printed half a gigabyte.
const LONG_LINE: usize = 1_000;

/// Characters of a long line quoted on each side of a finding.
const CLIP_CONTEXT: usize = 60;

/// How many places of one diagnostic are quoted when its lines are long.
const MAX_CLIPPED_LABELS: usize = 8;

/// How many lines of a span (and around it) are looked at for length.
const LINES_LOOKED_AT: usize = 64;

/// Whether a diagnostic quotes a line longer than [`LONG_LINE`].
fn on_long_line(d: &Diagnostic, sources: &Sources) -> bool {
    std::iter::once(&d.primary)
        .chain(&d.secondary)
        .any(|label| {
            let file = sources.get(label.span.file);
            let first = file.line_index(label.span.start as usize).saturating_sub(3);
            let last = file.line_index(label.span.end as usize) + 3;
            (first..=last.min(first + LINES_LOOKED_AT)).any(|line| {
                file.line_start(line + 1)
                    .saturating_sub(file.line_start(line))
                    > LONG_LINE
            })
        })
}

/// A diagnostic on a very long line, drawn without miette: the message, the
/// place, and [`CLIP_CONTEXT`] characters of the line on each side of it.
fn render_clipped(out: &mut String, d: &Diagnostic, sources: &Sources) {
    use std::fmt::Write as _;
    let mark = match d.severity {
        Severity::Error => '×',
        Severity::Warning => '⚠',
        Severity::Advice => '☞',
    };
    let _ = writeln!(out, "{}\n\n  {mark} {}", d.code, d.message);
    for (i, label) in std::iter::once(&d.primary)
        .chain(&d.secondary)
        .take(MAX_CLIPPED_LABELS)
        .enumerate()
    {
        let file = sources.get(label.span.file);
        let offset = label.span.start as usize;
        let (line, col) = file.line_col(offset);
        let index = file.line_index(offset);
        let text = file
            .text
            .get(file.line_start(index)..file.line_start(index + 1))
            .unwrap_or("")
            .trim_end_matches('\n');
        let chars: Vec<char> = text.chars().collect();
        let at = (col - 1).min(chars.len());
        let from = at.saturating_sub(CLIP_CONTEXT);
        let to = (at + CLIP_CONTEXT).min(chars.len());
        let excerpt: String = chars[from..to]
            .iter()
            .map(|&c| if c.is_control() { ' ' } else { c })
            .collect();
        let before = if from > 0 { "…" } else { "" };
        let after = if to < chars.len() { "…" } else { "" };
        let what = label.message.as_deref().unwrap_or("here");
        let lead = if i == 0 { "at" } else { "and" };
        let _ = writeln!(
            out,
            "   {lead} {}:{line}:{col} ({what}; the line has {} characters, shown around column {col}):\n     {before}{excerpt}{after}",
            file.display_path(),
            chars.len()
        );
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  help: {help}");
    }
}

/// "2 errors, 1 warning" or "no problems found".
#[must_use]
pub fn summary_line(summary: Summary) -> String {
    fn plural(n: usize, word: &str) -> String {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    }
    if summary.errors == 0 && summary.warnings == 0 {
        "no problems found\n".to_owned()
    } else {
        format!(
            "{}, {}\n",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning")
        )
    }
}

// ─── JSON format ───────────────────────────────────────────────────────────

/// One diagnostic as the JSON contract gives it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    /// Stable code.
    pub code: String,
    /// `error`, `warning` or `advice`.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// The fix, or null.
    pub help: Option<String>,
    /// The file's path as given on the command line.
    pub file: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (in characters) of the start.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end (exclusive).
    pub end_column: usize,
}

/// The whole JSON report.
#[derive(Debug, Serialize)]
pub struct JsonReport {
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<JsonDiagnostic>,
    /// Counts.
    pub summary: Summary,
}

/// Resolves a diagnostic's location to file, line and column.
#[must_use]
pub fn to_json(d: &Diagnostic, sources: &Sources) -> JsonDiagnostic {
    let file = sources.get(d.primary.span.file);
    let (line, column) = file.line_col(d.primary.span.start as usize);
    let (end_line, end_column) = file.line_col(d.primary.span.end as usize);
    JsonDiagnostic {
        code: d.code.clone(),
        severity: d.severity,
        message: d.message.clone(),
        help: d.help.clone(),
        file: file.display_path(),
        line,
        column,
        end_line,
        end_column,
    }
}

/// `{"diagnostics": [...], "summary": {"errors": N, "warnings": N}}`.
#[must_use]
pub fn render_json(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let report = JsonReport {
        diagnostics: diagnostics.iter().map(|d| to_json(d, sources)).collect(),
        summary: Summary::of(diagnostics),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}
