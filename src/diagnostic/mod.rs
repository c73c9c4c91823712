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

/// Counts of errors, warnings and advice, as reported in summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Advice (suggestions that are not requirements).
    pub advice: usize,
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
                Severity::Advice => summary.advice += 1,
            }
        }
        summary
    }
}

// ─── Human format (miette) ────────────────────────────────────────────────

/// The files of one diagnostic as miette reads them.
///
/// miette quotes every label of a report from one [`SourceCode`]; a
/// diagnostic whose related places lie in other files (a reference here, its
/// declaration there) is still one report. So each file the diagnostic
/// touches gets a slot of its own in one address space (the primary file
/// first, at slot 0), offsets are `slot << SLOT_BITS` plus the offset in the
/// file, and each quoted excerpt carries its own file's name.
///
/// miette also finds the lines to quote by scanning the text from its
/// start, which costs the whole file for every diagnostic: ten thousand
/// findings in a large policy took minutes. So it is handed the text from a
/// few lines before the span instead, found through the file's line index,
/// and the answer is shifted back to whole-file lines and offsets.
#[derive(Debug)]
struct Files<'s> {
    files: Vec<&'s SourceFile>,
}

/// Bits of a virtual offset that hold the offset within a file (source
/// files are limited far below 4 GiB).
const SLOT_BITS: u32 = 32;

impl Files<'_> {
    /// The slot of `file`, added when new.
    fn slot<'s>(files: &mut Vec<&'s SourceFile>, file: &'s SourceFile) -> usize {
        match files.iter().position(|f| std::ptr::eq(*f, file)) {
            Some(slot) => slot,
            None => {
                files.push(file);
                files.len() - 1
            }
        }
    }

    /// Splits a virtual offset into slot and offset in the file.
    fn split(offset: usize) -> (usize, usize) {
        (offset >> SLOT_BITS, offset & ((1 << SLOT_BITS) - 1))
    }
}

impl SourceCode for Files<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (slot, offset) = Files::split(span.offset());
        let (end_slot, _) = Files::split(span.offset() + span.len());
        // A span across two files (miette tries to merge nearby excerpts)
        // cannot be read: each file keeps its own excerpt.
        let file = match self.files.get(slot) {
            Some(file) if end_slot == slot => *file,
            _ => return Err(MietteError::OutOfBounds),
        };
        let line = file.line_index(offset);
        let first = line.saturating_sub(context_lines_before + 1);
        let base = file.line_start(first);
        let window = file.text.get(base..).unwrap_or("");
        let shifted = SourceSpan::new(offset.saturating_sub(base).into(), span.len());
        let contents = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let found = contents.span();
        Ok(Box::new(MietteSpanContents::new_named(
            file.display_path(),
            contents.data(),
            SourceSpan::new(
                ((slot << SLOT_BITS) + found.offset() + base).into(),
                found.len(),
            ),
            contents.line() + first,
            contents.column(),
            contents.line_count(),
        )))
    }
}

/// A diagnostic joined to its source text, in the shape miette draws.
#[derive(Debug)]
struct MietteView<'s> {
    /// `warning[code]`: the severity in words, then the code.
    header: String,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Files<'s>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Display for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MietteView<'_> {}

impl miette::Diagnostic for MietteView<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.header))
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
}

/// `span` in the address space of [`Files`], at `slot`.
fn source_span(slot: usize, span: Span) -> SourceSpan {
    SourceSpan::new(
        ((slot << SLOT_BITS) + span.start as usize).into(),
        span.len(),
    )
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Advice => miette::Severity::Advice,
    }
}

/// `warning[gdpr::consent-withdrawal]`, as rustc writes `warning[E0599]`.
fn header(diagnostic: &Diagnostic) -> String {
    format!("{}[{}]", diagnostic.severity, diagnostic.code)
}

/// A diagnostic in miette's shape: every related place, in whatever file,
/// is a label of this one report (never a report of its own).
fn view<'s>(diagnostic: &Diagnostic, sources: &'s Sources) -> MietteView<'s> {
    let mut files = vec![sources.get(diagnostic.primary.span.file)];
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        diagnostic.primary.message.clone(),
        source_span(0, diagnostic.primary.span),
    )];
    for label in &diagnostic.secondary {
        let slot = Files::slot(&mut files, sources.get(label.span.file));
        labels.push(LabeledSpan::new_with_span(
            label.message.clone(),
            source_span(slot, label.span),
        ));
    }
    MietteView {
        header: header(diagnostic),
        severity: miette_severity(diagnostic.severity),
        message: diagnostic.message.clone(),
        help: diagnostic.help.clone(),
        source: Files { files },
        labels,
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
///
/// The first diagnostic of each code ends with a pointer to
/// `candor explain CODE` (once per code, not after every repeat).
#[must_use]
pub fn render_human(diagnostics: &[Diagnostic], sources: &Sources, color: Color) -> String {
    render_human_with(diagnostics, sources, color, true)
}

/// [`render_human`], with or without the pointers to `candor explain`
/// (`explain` itself quotes examples without them).
#[must_use]
pub fn render_human_with(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    color: Color,
    explain_hints: bool,
) -> String {
    let mut explained = std::collections::HashSet::new();
    let theme = match color {
        Color::Always => GraphicalTheme::unicode(),
        Color::Never => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for d in diagnostics {
        let hint = explain_hints && explained.insert(d.code.as_str());
        if on_long_line(d, sources) {
            render_clipped(&mut out, d, sources);
            if hint {
                out.push_str(&explain_hint(&d.code));
            }
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
        if hint {
            out.push_str(&explain_hint(&d.code));
        }
        out.push('\n');
    }
    let summary = Summary::of(diagnostics);
    out.push_str(&summary_line(summary));
    out
}

/// The line after a code's first diagnostic: where its explanation is.
fn explain_hint(code: &str) -> String {
    format!("  explain: `candor explain {code}`\n")
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
    let _ = writeln!(out, "{}\n\n  {mark} {}", header(d), d.message);
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

/// "2 errors, 1 warning", "0 errors, 3 warnings, 1 advice" (advice is
/// named only when there is some) or "no problems found".
#[must_use]
pub fn summary_line(summary: Summary) -> String {
    fn plural(n: usize, word: &str) -> String {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    }
    if summary.errors == 0 && summary.warnings == 0 && summary.advice == 0 {
        return "no problems found\n".to_owned();
    }
    let mut line = format!(
        "{}, {}",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning")
    );
    if summary.advice > 0 {
        line.push_str(&format!(", {} advice", summary.advice));
    }
    line.push('\n');
    line
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

/// `{"diagnostics": [...], "summary": {"errors": N, "warnings": N, "advice": N}}`.
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

#[cfg(test)]
mod tests {
    use super::{Color, Diagnostic, Severity, Summary, render_human, render_json, summary_line};
    use crate::source::{SourceFile, Sources, Span};

    /// A right in one file and the basis it is about in another, as a
    /// policy split across files has them.
    fn two_files() -> (Sources, Span, Span) {
        let mut sources = Sources::new();
        let rights = sources.add(SourceFile::new(
            "policy/rights.policy".into(),
            "right objection \"The right to object\" {\n  text \"You may object.\"\n}\n",
        ));
        let bases = sources.add(SourceFile::new(
            "policy/datasets.policy".into(),
            "dataset leads \"Leads\" {\n  basis legitimate_interest for marketing\n}\n",
        ));
        (sources, Span::new(rights, 6, 15), Span::new(bases, 26, 51))
    }

    #[test]
    fn a_place_in_another_file_is_a_label_of_the_same_report() {
        let (sources, right, basis) = two_files();
        let d = Diagnostic::warning(
            "gdpr::object-direct-marketing",
            right,
            "no word on marketing",
        )
        .with_label("here")
        .with_secondary(basis, "marketing rests on legitimate interest here");
        let text = render_human(&[d], &sources, Color::Never);
        assert!(!text.contains("Advice"), "{text}");
        assert_eq!(
            text.matches("gdpr::object-direct-marketing]").count(),
            1,
            "{text}"
        );
        assert!(text.contains("╭─[policy/rights.policy:1:7]"), "{text}");
        assert!(text.contains("╭─[policy/datasets.policy:2:3]"), "{text}");
        assert!(
            text.contains("╰── marketing rests on legitimate interest here"),
            "{text}"
        );
        // The primary file's excerpt comes first.
        assert!(text.find("rights.policy") < text.find("datasets.policy"));
        assert!(text.ends_with("0 errors, 1 warning\n"), "{text}");
    }

    #[test]
    fn each_severity_is_named_and_counted() {
        let (sources, right, basis) = two_files();
        let diagnostics = [
            Diagnostic::error("candor::unknown-reference", right, "an error"),
            Diagnostic::warning("gdpr::transfer-copy", basis, "a warning"),
            Diagnostic::new(
                "gdpr::profiling-decisions",
                Severity::Advice,
                basis,
                "advice",
            ),
        ];
        let text = render_human(&diagnostics, &sources, Color::Never);
        assert!(
            text.contains("error[candor::unknown-reference]\n"),
            "{text}"
        );
        assert!(text.contains("warning[gdpr::transfer-copy]\n"), "{text}");
        assert!(
            text.contains("advice[gdpr::profiling-decisions]\n"),
            "{text}"
        );
        assert!(text.ends_with("1 error, 1 warning, 1 advice\n"), "{text}");
        let json: serde_json::Value =
            serde_json::from_str(&render_json(&diagnostics, &sources)).expect("JSON");
        assert_eq!(json["summary"]["advice"], 1);
        assert_eq!(json["summary"]["warnings"], 1);
        assert_eq!(json["summary"]["errors"], 1);
    }

    #[test]
    fn summary_names_advice_only_when_there_is_some() {
        let only_advice = Summary {
            advice: 2,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(only_advice),
            "0 errors, 0 warnings, 2 advice\n"
        );
        assert_eq!(summary_line(Summary::default()), "no problems found\n");
        let warnings = Summary {
            warnings: 30,
            ..Summary::default()
        };
        assert_eq!(summary_line(warnings), "0 errors, 30 warnings\n");
    }

    #[test]
    fn explain_is_pointed_to_once_per_code() {
        let (sources, right, basis) = two_files();
        let diagnostics = [
            Diagnostic::warning("gdpr::transfer-copy", right, "first"),
            Diagnostic::warning("gdpr::transfer-copy", basis, "second"),
            Diagnostic::warning("gdpr::transfer-destination", basis, "third"),
        ];
        let text = render_human(&diagnostics, &sources, Color::Never);
        assert_eq!(
            text.matches("explain: `candor explain gdpr::transfer-copy`\n")
                .count(),
            1,
            "{text}"
        );
        assert_eq!(
            text.matches("explain: `candor explain gdpr::transfer-destination`\n")
                .count(),
            1,
            "{text}"
        );
        // After the first diagnostic of its code, not the second.
        let hint = text
            .find("candor explain gdpr::transfer-copy")
            .expect("hint");
        assert!(text.find("first") < Some(hint) && Some(hint) < text.find("second"));
    }
}
