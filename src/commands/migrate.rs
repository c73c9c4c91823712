//! `candor migrate`: rewrite a policy of the older shape, whose `ccpa` rows
//! repeat what its data sets say, into the data map's shape, where a row
//! is presentation (its name, letters, examples, order and people) and
//! everything else is derived (`views::ccpa`).
//!
//! A field of a row is removed only when the data map gives exactly what it
//! states (the same list in the same order, the same sold, shared and
//! disclosed answers): what a row states differently is kept, as the
//! author's choice of words or as a disagreement `check` reports. Then,
//! before a file is written, the rewritten policy is compiled and rendered
//! in memory and every output compared, byte for byte, with the original's;
//! a row whose rewrite would change any published word keeps its fields.
//! So a migration never changes what the notice says.
//!
//! Exit codes as `fmt`: 0 done (or, with `--check`, nothing to migrate), 1
//! something to migrate under `--check` or a policy with errors, 2 a usage
//! or I/O error.

use std::io::Write;

use super::{EXIT_OK, EXIT_POLICY, color, fail};
use crate::cli::MigrateArgs;
use crate::diagnostic;
use crate::law;
use crate::model::{CcpaCategory, Policy, Ref};
use crate::render::{self, RenderOptions};
use crate::source::{FileId, SourceFile, Sources, Span};
use crate::views::ccpa::from_data_map;
use crate::views::flows::Index;
use crate::{Compiled, Options, compile_sources};

/// One field of one row that the data map already states.
#[derive(Debug, Clone)]
struct Removal {
    /// The row's id.
    row: String,
    /// The field's keyword.
    field: &'static str,
    /// Where the field is written.
    span: Span,
}

/// Runs `candor migrate`.
pub(crate) fn run(args: &MigrateArgs) -> u8 {
    let (sources, not_utf8) = match Sources::load(&args.path) {
        Ok(loaded) => loaded,
        Err(e) => return fail(&e.to_string()),
    };
    let options = Options::default();
    let compiled = compile_sources(sources.clone(), &not_utf8, &options);
    let mut stderr = std::io::stderr();
    let (policy, removals) = match candidates(&compiled) {
        Ok(found) => found,
        Err(()) => {
            let text = diagnostic::render_human(
                &compiled.diagnostics,
                &compiled.sources,
                color(args.color),
            );
            let _ = stderr.write_all(text.as_bytes());
            let _ = writeln!(
                stderr,
                "nothing was migrated: fix the errors first (a policy that does not compile cannot be compared before and after)"
            );
            return EXIT_POLICY;
        }
    };
    let before = match outputs(&policy) {
        Ok(outputs) => outputs,
        Err(e) => return fail(&format!("{e}\nnothing was migrated")),
    };
    // Rows whose rewrite keeps every output as it was; the others keep
    // their fields. All rows at once first: usually nothing changes.
    let mut kept: Vec<&Removal> = removals.iter().collect();
    if difference(&sources, &kept, &options, &before).is_some() {
        let mut rows: Vec<&str> = removals.iter().map(|r| r.row.as_str()).collect();
        rows.dedup();
        kept.clear();
        for row in rows {
            let mine: Vec<&Removal> = removals.iter().filter(|r| r.row == row).collect();
            match difference(&sources, &mine, &options, &before) {
                None => kept.extend(mine),
                Some(what) => {
                    let _ = writeln!(
                        stderr,
                        "kept the CCPA row `{row}` as it is: without its repeated fields, {what} would change"
                    );
                }
            }
        }
    }
    let rewritten = rewrite(&sources, &kept);
    if args.check {
        for (id, _) in &rewritten {
            let _ = writeln!(stderr, "would migrate {}", sources.get(*id).display_path());
        }
        return if rewritten.is_empty() {
            EXIT_OK
        } else {
            EXIT_POLICY
        };
    }
    for removal in &kept {
        let _ = writeln!(
            stderr,
            "ccpa {}: `{}` is derived from the data sets",
            removal.row, removal.field
        );
    }
    for (id, text) in &rewritten {
        let file = sources.get(*id);
        if let Err(e) = super::fmt::write_atomically(&file.path, text) {
            return fail(&format!("cannot write `{}`: {e}", file.display_path()));
        }
        let _ = writeln!(stderr, "migrated {}", file.display_path());
    }
    if rewritten.is_empty() {
        let _ = writeln!(
            stderr,
            "nothing to migrate: no CCPA row repeats the data sets"
        );
    }
    EXIT_OK
}

/// The model and the fields its rows state that the data map states too,
/// or `Err` when the policy has errors.
fn candidates(compiled: &Compiled) -> Result<(Policy, Vec<Removal>), ()> {
    let policy = match &compiled.policy {
        Some(policy) if !compiled.has_errors() => policy.clone(),
        _ => return Err(()),
    };
    let index = Index::new(&policy);
    let mut out = Vec::new();
    // A row whose third parties another row copies (`same_as`) keeps them.
    let copied: Vec<usize> = policy
        .ccpa
        .iter()
        .filter_map(|c| c.third_parties_same_as.as_ref().map(Ref::index))
        .collect();
    for (i, row) in policy.ccpa.iter().enumerate() {
        if row.derived || !law::ccpa::collected(row) {
            continue;
        }
        let mut push = |field: &'static str, span: Option<Span>| {
            if let Some(span) = span {
                out.push(Removal {
                    row: row.id.clone(),
                    field,
                    span,
                });
            }
        };
        let letters = from_data_map(&policy, &index, row, false);
        if same(&row.items, &letters.items) {
            push("items", row.spans.items);
        }
        let derived = from_data_map(&policy, &index, row, true);
        if same(&row.datasets, &derived.datasets) {
            push("datasets", row.spans.datasets);
        }
        if same(&row.sources, &derived.sources) {
            push("sources", row.spans.sources);
        }
        if same(&row.purposes, &derived.purposes) {
            push("purposes", row.spans.purposes);
        }
        if same(&row.retention, &derived.retention) {
            push("retention", row.spans.retention);
        }
        let third_parties_go =
            !copied.contains(&i) && same(&row.third_parties, &derived.third_parties);
        if third_parties_go {
            push("third_parties", row.spans.third_parties);
        }
        // The answers the third parties left on the row give.
        let at_end: &CcpaCategory = if third_parties_go { &derived } else { row };
        let answers = law::ccpa::disclosures(&policy, at_end);
        for (field, answer, span) in [
            ("sold", answers.sold, row.spans.sold),
            ("shared", answers.shared, row.spans.shared),
            ("disclosed", answers.disclosed, row.spans.disclosed),
        ] {
            if answer.stated.is_some() && answer.stated == answer.derived {
                push(field, span);
            }
        }
    }
    Ok((policy, out))
}

/// Whether two lists name the same things in the same order.
fn same<T>(a: &[Ref<T>], b: &[Ref<T>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.index() == y.index())
}

/// Every output of the policy, rendered with the default options.
fn outputs(policy: &Policy) -> Result<Vec<render::Output>, String> {
    render::render(policy, &RenderOptions::default()).map_err(|e| e.to_string())
}

/// What the policy with these fields removed changes: `None` when it
/// compiles without errors and renders exactly `before`, else the first
/// output that differs (or why it cannot be compared).
fn difference(
    sources: &Sources,
    removals: &[&Removal],
    options: &Options,
    before: &[render::Output],
) -> Option<String> {
    let mut changed = sources.clone();
    for (id, text) in rewrite(sources, removals) {
        let path = sources.get(id).path.clone();
        changed.replace(id, SourceFile::new(path, &text));
    }
    let compiled = compile_sources(changed, &[], options);
    let Some(policy) = compiled.policy.as_ref().filter(|_| !compiled.has_errors()) else {
        return Some("the policy would have errors".to_owned());
    };
    let after = match outputs(policy) {
        Ok(after) => after,
        Err(e) => return Some(e),
    };
    if after.len() != before.len() {
        return Some("the set of outputs".to_owned());
    }
    after
        .iter()
        .zip(before)
        .find(|(a, b)| a != b)
        .map(|(a, _)| format!("`{}`", a.name))
}

/// The new text of each file that loses a field, in file order.
fn rewrite(sources: &Sources, removals: &[&Removal]) -> Vec<(FileId, String)> {
    let mut out = Vec::new();
    for (id, file) in sources.iter() {
        let mut spans: Vec<Span> = removals
            .iter()
            .map(|r| r.span)
            .filter(|s| s.file == id)
            .collect();
        if spans.is_empty() {
            continue;
        }
        spans.sort_by_key(|s| std::cmp::Reverse(s.start));
        let mut text = file.text.clone();
        for span in spans {
            let (start, end) = whole_lines(&text, span.start as usize, span.end as usize);
            text.replace_range(start..end, "");
        }
        out.push((id, text));
    }
    out
}

/// The field's range widened to its whole lines when nothing else is
/// written on them (the usual layout, one field per line), so that no
/// blank line is left behind.
fn whole_lines(text: &str, start: usize, end: usize) -> (usize, usize) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    let before_blank = text[line_start..start].trim().is_empty();
    let after_blank = text[end..line_end].trim().is_empty();
    if before_blank && after_blank {
        (line_start, line_end)
    } else {
        (start, end)
    }
}
