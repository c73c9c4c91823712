//! `candor rules`: the catalogue of rules, as a readable list or as JSON
//! (an array of `{code, severity, summary, citation, since, until, family,
//! law, jurisdictions}`, grouped law by law: the rules of one family are
//! adjacent, in the order of [`Family::ALL`]).

use std::io::Write;

use serde::Serialize;

use super::{EXIT_OK, fail};
use crate::check::{self, Rule};
use crate::cli::{Format, RulesArgs};
use crate::diagnostic::{Severity, code};
use crate::law::Family;
use crate::model::words::Word;

/// One rule as `candor rules --format json` prints it.
#[derive(Debug, Serialize)]
struct JsonRule {
    code: &'static str,
    severity: Severity,
    summary: &'static str,
    citation: &'static str,
    /// The day the duty began (`YYYY-MM-DD`), or `always` for a structural
    /// rule.
    since: String,
    /// The day the duty ended, when it was repealed.
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<String>,
    /// The family, which is the law: `virginia`, `gdpr`, `structure`.
    family: &'static str,
    /// The law's title: "Virginia Consumer Data Protection Act".
    law: &'static str,
    /// The `jurisdictions` words that make the rule run (empty for the
    /// structural rules, which always run).
    jurisdictions: Vec<&'static str>,
}

/// Runs `candor rules`.
pub(crate) fn run(args: &RulesArgs) -> u8 {
    let text = match args.format {
        Format::Human => human(),
        Format::Json => json(),
        Format::Sarif | Format::Github => {
            return fail("`candor rules` prints `--format human` or `--format json`");
        }
    };
    let _ = std::io::stdout().write_all(text.as_bytes());
    EXIT_OK
}

fn json() -> String {
    let rules: Vec<JsonRule> = Family::ALL
        .iter()
        .flat_map(|&family| check::rules().filter(move |r| r.family == family))
        .map(|r| JsonRule {
            code: r.code,
            severity: r.severity,
            summary: r.summary,
            citation: r.citation,
            since: r
                .since
                .map_or_else(|| "always".to_owned(), |d| d.to_string()),
            until: r.until.map(|d| d.to_string()),
            family: r.family(),
            law: r.family.title(),
            jurisdictions: r.family.laws().map(|l| l.jurisdiction.word()).collect(),
        })
        .chain(check::audit::RULES.iter().map(|r| JsonRule {
            code: r.code,
            severity: r.severity,
            summary: r.summary,
            citation: r.citation,
            // The audit compares the notice with what the site and the app
            // do: a consistency check, with no commencement of its own.
            since: "always".to_owned(),
            until: None,
            family: "audit",
            law: "candor audit: the notice against the website and the app",
            jurisdictions: Vec::new(),
        }))
        .collect();
    let mut text = serde_json::to_string_pretty(&rules).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

fn human() -> String {
    let rules: Vec<&Rule> = check::rules().collect();
    let width = rules.iter().map(|r| r.code.len()).max().unwrap_or(0);
    let core = code::CORE;
    let width = width.max(core.iter().map(|c| c.name.len()).max().unwrap_or(0));
    let mut out = String::from("Compiler (the policy language itself, every policy)\n");
    for c in core {
        out.push_str(&format!(
            "  {:width$}  {:7}  {}\n",
            c.name,
            c.severity.as_str(),
            c.summary
        ));
    }
    out.push('\n');
    for &family in Family::ALL {
        out.push_str(&family.heading());
        out.push('\n');
        for r in rules.iter().filter(|r| r.family == family) {
            out.push_str(&format!(
                "  {:width$}  {:7}  {}\n",
                r.code,
                r.severity.as_str(),
                r.summary
            ));
            out.push_str(&format!("  {:width$}  {:7}  {}\n", "", "", r.citation));
            if let Some(since) = r.since {
                out.push_str(&format!(
                    "  {:width$}  {:7}  in force from {since}\n",
                    "", ""
                ));
            }
        }
        out.push('\n');
    }
    out.push_str("Audit (`candor audit`: the notice against the website and the app)\n");
    for r in check::audit::RULES {
        out.push_str(&format!(
            "  {:width$}  {:7}  {}\n",
            r.code,
            r.severity.as_str(),
            r.summary
        ));
        out.push_str(&format!("  {:width$}  {:7}  {}\n", "", "", r.citation));
    }
    out.push('\n');
    out.push_str(&format!(
        "{} rules, {} audit rules and {} compiler codes, each of which `--deny`, `--warn` and `--allow` accept. \
         `candor explain CODE` explains one, with an example and its fix.\n",
        rules.len(),
        check::audit::RULES.len(),
        core.len()
    ));
    out
}
