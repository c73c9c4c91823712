//! The three ways `candor diff` prints: for a reviewer, as JSON, and as a
//! Markdown changelog entry for the notice of changes.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Change, ChangeKind, Class, Diff};

/// `candor diff` for a reviewer: a count, then the material changes and
/// the editorial ones, one line each.
#[must_use]
pub fn human(diff: &Diff, old: &str, new: &str) -> String {
    let mut out = String::new();
    if diff.is_empty() {
        let _ = writeln!(out, "no changes between {old} and {new}");
        return out;
    }
    let _ = writeln!(out, "{} between {old} and {new}", counts(diff));
    for class in [Class::Material, Class::Editorial] {
        let changes: Vec<&Change> = diff.changes.iter().filter(|c| c.class == class).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}:", class.as_str());
        for c in changes {
            let mark = match c.change {
                ChangeKind::Added => '+',
                ChangeKind::Removed => '-',
                ChangeKind::Changed => '~',
            };
            let _ = writeln!(out, "  {mark} {} ({})", c.summary, c.reason);
            if let Some(law) = c.law {
                let first = if law.notice_first {
                    ", notice before it applies"
                } else {
                    ""
                };
                let _ = writeln!(out, "      law: {}{first}", law.cites);
            }
        }
    }
    out
}

fn counts(diff: &Diff) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word} change")
        } else {
            format!("{n} {word} changes")
        }
    };
    format!(
        "{}, {}",
        plural(diff.material(), "material"),
        plural(diff.editorial(), "editorial")
    )
}

/// The JSON report.
#[derive(Serialize)]
struct JsonDiff<'a> {
    old: &'a str,
    new: &'a str,
    summary: JsonSummary,
    changes: &'a [Change],
}

#[derive(Serialize)]
struct JsonSummary {
    material: usize,
    editorial: usize,
}

/// `{"old", "new", "summary": {"material", "editorial"}, "changes": [...]}`.
#[must_use]
pub fn json(diff: &Diff, old: &str, new: &str) -> String {
    let report = JsonDiff {
        old,
        new,
        summary: JsonSummary {
            material: diff.material(),
            editorial: diff.editorial(),
        },
        changes: &diff.changes,
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

/// A changelog entry to paste into the notice of changes: the material
/// changes, which users must be told about, then the other changes.
/// `updated` is the new version's date, in words.
#[must_use]
pub fn markdown(diff: &Diff, updated: Option<&str>) -> String {
    let mut out = String::from("## Changes to this privacy policy\n\n");
    if let Some(date) = updated {
        let _ = writeln!(
            out,
            "This version of our privacy policy takes effect on {date}.\n"
        );
    }
    if diff.is_empty() {
        out.push_str("No changes to what we do with personal data.\n");
        return out;
    }
    for (class, heading) in [
        (Class::Material, "What changes for you"),
        (Class::Editorial, "Other changes"),
    ] {
        let mut notices: Vec<&str> = Vec::new();
        for c in diff.changes.iter().filter(|c| c.class == class) {
            if !notices.contains(&c.notice.as_str()) {
                notices.push(&c.notice);
            }
        }
        if notices.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {heading}\n");
        for notice in notices {
            let _ = writeln!(out, "- {}", escape_line(notice));
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A notice as one Markdown list line that shows its text: display names
/// and old values in it are the policy author's, so everything Markdown or
/// HTML would act on is escaped, and only the notice's own `**` bold marks
/// are kept (a name with `**` in it can at worst toggle bold).
fn escape_line(text: &str) -> String {
    crate::render::markdown::escape_text(text).replace("\\*\\*", "**")
}
