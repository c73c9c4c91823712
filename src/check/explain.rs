//! The explanation of a rule: what it checks, the law behind it, an example
//! that triggers it, what candor reports on it, and the fix. `candor
//! explain CODE` prints it; the language server and `candor serve` show it.

use std::path::PathBuf;

use crate::check::{self, EXAMPLE_TODAY, Rule};
use crate::diagnostic::{self, Color};
use crate::law::Family;
use crate::law::states::StateLaw;
use crate::model::words::Word;
use crate::source::{SourceFile, Sources};
use crate::{Options, compile_sources};

/// The whole explanation of a rule, as printed (and as the language
/// server shows it).
pub(crate) fn explain(rule: &Rule) -> String {
    let applies = rule.family.applies();
    let mut out = format!("{}: {}\n\n", rule.code, rule.summary);
    out.push_str(&format!("severity  {} (by default)\n", rule.severity));
    out.push_str(&format!("applies   {applies}\n"));
    out.push_str(&format!("law       {}\n", rule.citation));
    out.push_str(&format!("in force  {}\n\n", in_force(rule)));
    out.push_str(&wrap(rule.explanation, 80));
    if let Family::State(j) = rule.family
        && let Some(law) = StateLaw::of(j)
    {
        out.push('\n');
        out.push_str(&wrap(&who(law), 80));
    }
    out.push_str("\nExample\n-------\n");
    out.push_str(&indent(rule.example));
    out.push_str("\ncandor reports\n--------------\n");
    out.push_str(&indent(&report(rule)));
    out.push_str("\nThe fix\n-------\n");
    out.push_str(&diff(rule.example, rule.fixed));
    out.push_str(&format!(
        "\nAllowing it: a finding the policy accepts is allowed in the policy, with the reason on record:\n\n    rules {{\n      allow {} \"...\"\n    }}\n",
        rule.code
    ));
    out
}

/// The explanation of any code: a rule of `check`, a rule of `audit`, or
/// a code of the compiler itself; `None` for a code candor does not have.
pub(crate) fn explain_code(name: &str) -> Option<String> {
    if let Some(rule) = check::find(name) {
        return Some(explain(rule));
    }
    if let Some(rule) = check::audit::find(name) {
        return Some(explain_audit(rule));
    }
    let code = check::codes::find(name)?;
    // A code of the compiler itself: the language, not the law.
    Some(format!(
        "{}: {}\n\nseverity  {} (by default)\napplies   every policy: a mistake in the \
         policy language itself, which the compiler reports before any rule of law runs\n",
        code.name, code.summary, code.severity
    ))
}

/// When the rule's duty runs, as `candor explain` prints it.
pub(crate) fn in_force(rule: &Rule) -> String {
    match (rule.since, rule.until) {
        (None, _) => "always: a structural rule, checked under every law".to_owned(),
        (Some(since), None) => format!("from {since}; checked when `--today` is on or after it"),
        (Some(since), Some(until)) => format!("from {since} until {until} (repealed)"),
    }
}

/// Whom a state law covers, and what declaring it means.
fn who(law: &StateLaw) -> String {
    let mut kinds: Vec<String> = law
        .sensitive_kinds
        .iter()
        .map(|k| format!("`{}`", k.word()))
        .collect();
    kinds.extend(
        law.sensitive_kinds_from
            .iter()
            .map(|(k, from)| format!("`{}` (from {from})", k.word())),
    );
    format!(
        "Who is covered: declaring `{word}` means the business says it meets the {act}'s \
         thresholds ({applies}): {thresholds}. candor does not check the thresholds. The law \
         protects its consumers ({consumer}): residents acting in an individual or household \
         context, not people acting in an employment or commercial context, so its rules read only \
         the data sets and categories about people with no such `context`. In force from {from}. \
         Sensitive data ({sensitive}): {kinds}{children}.",
        word = law.jurisdiction.word(),
        act = law.act,
        applies = law.applies_cite,
        thresholds = law.thresholds,
        consumer = law.consumer_cite,
        from = law.in_force,
        sensitive = law.sensitive_cite,
        kinds = kinds.join(", "),
        children = if law.children_sensitive {
            ", and the personal data of a known child"
        } else {
            ""
        },
    )
}

/// The explanation of a rule of `candor audit`.
pub(crate) fn explain_audit(rule: &check::audit::AuditRule) -> String {
    let mut out = format!("{}: {}\n\n", rule.code, rule.summary);
    out.push_str(&format!("severity  {} (by default)\n", rule.severity));
    out.push_str(
        "applies   `candor audit`: the notice against recorded visits (`--har`, `--url`) and \
         an app's manifests (`--app`)\n",
    );
    out.push_str(&format!("law       {}\n\n", rule.citation));
    out.push_str(&wrap(rule.explanation, 80));
    out.push_str("\nThe fix\n-------\n");
    out.push_str(&wrap(rule.fix, 80));
    out.push_str(&format!("\nExample: {}\n", rule.example));
    out.push_str(&format!(
        "\nAllowing it: a finding the policy accepts is allowed in the policy, with the reason on record:\n\n    rules {{\n      allow {} \"...\"\n    }}\n",
        rule.code
    ));
    out
}

/// What candor reports on the example, drawn without colour.
fn report(rule: &Rule) -> String {
    let mut sources = Sources::new();
    sources.add(SourceFile::new(
        PathBuf::from("example.policy"),
        rule.example,
    ));
    let options = Options {
        today: Some(EXAMPLE_TODAY),
        levels: Vec::new(),
    };
    let compiled = compile_sources(sources, &[], &options);
    let found: Vec<_> = compiled
        .diagnostics
        .into_iter()
        .filter(|d| d.code == rule.code)
        .collect();
    let text = diagnostic::render_human(&found, &compiled.sources, Color::Never);
    // The summary line adds nothing to one rule's report.
    text.lines()
        .filter(|l| {
            !l.ends_with("warnings") && !l.ends_with("warning") && *l != "no problems found"
        })
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .trim_end()
        .to_owned()
        + "\n"
}

/// Wraps a paragraph at `width` columns.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out.push('\n');
    out
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("    {l}\n")
            }
        })
        .collect()
}

/// A line diff from `old` to `new`, as hunks with two lines of context:
/// `-` lines go, `+` lines come.
fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Longest common subsequence table (fixtures are a few dozen lines).
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            lines.push(('-', a[i]));
            i += 1;
        } else {
            lines.push(('+', b[j]));
            j += 1;
        }
    }
    let changed: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| *c != ' ')
        .map(|(k, _)| k)
        .collect();
    let near = |k: usize| changed.iter().any(|&c| c.abs_diff(k) <= 2);
    let mut out = String::new();
    let mut skipped = false;
    for (k, (c, line)) in lines.iter().enumerate() {
        if near(k) {
            if skipped && !out.is_empty() {
                out.push_str("    ...\n");
            }
            skipped = false;
            out.push_str(format!("  {c} {line}").trim_end());
            out.push('\n');
        } else {
            skipped = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{diff, wrap};

    #[test]
    fn diffs_show_changed_lines_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assert_eq!(diff(old, new), "    c\n    d\n  - e\n  + E\n    f\n    g\n");
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("one two three four", 9), "one two\nthree\nfour\n");
    }
}
