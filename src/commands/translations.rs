//! `candor translations`: what each language's translation needs (issue
//! 22), and `--stamp` to mark reviewed translations current.
//!
//! Without `--stamp` it prints, language by language, every block that has
//! no translation (as a commented-out entry holding the source text, to
//! paste into `translation LANG { }` and translate) and every translation
//! whose source text changed since it was made (with the source as it is
//! now). With `--stamp` it writes the current fingerprint beside each stale
//! translation, in place, after a translator reviewed them. Exit codes: 0
//! nothing needs work (or stamped), 1 something does, 2 a usage or I/O
//! error or a policy that does not compile.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use super::{EXIT_OK, EXIT_POLICY, compile, fail, report};
use crate::cli::TranslationsArgs;
use crate::locale::Locale;
use crate::model::translation::{Needs, SourceBlock, fingerprint, needs_work};

/// Runs `candor translations`.
pub(crate) fn run(args: &TranslationsArgs) -> u8 {
    let compiled = match compile(&args.compile) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let Some(policy) = &compiled.policy else {
        report(&compiled.diagnostics, &compiled.sources, &args.compile);
        return fail("the policy does not compile; fix its errors first");
    };
    let only = match args.lang.as_deref().map(|t| (t, Locale::from_tag(t))) {
        None => None,
        Some((_, Some(l))) => Some(l),
        Some((tag, None)) => {
            return fail(&format!(
                "`--lang {tag}` is not a language candor writes ({})",
                Locale::known()
            ));
        }
    };
    let work: Vec<Needs<'_>> = needs_work(policy)
        .into_iter()
        .filter(|n| only.is_none_or(|l| locale(n) == l))
        .collect();
    if args.stamp {
        return stamp(&work, &compiled.sources);
    }
    let mut out = String::new();
    let mut current: Option<Locale> = None;
    for need in &work {
        if current != Some(locale(need)) {
            let l = locale(need);
            let _ = writeln!(
                out,
                "{}translation {l} ({}):",
                if current.is_some() { "\n" } else { "" },
                l.endonym()
            );
            current = Some(l);
        }
        match need {
            Needs::Missing { block, .. } => {
                let _ = writeln!(out, "  missing: {}", address(block));
                let _ = writeln!(out, "  # {}", entry_line(block));
            }
            Needs::Stale { block, entry, .. } => {
                let _ = writeln!(
                    out,
                    "  stale:   {} (made from @{}, the source is now @{})",
                    address(block),
                    entry.fingerprint,
                    fingerprint(&block.text)
                );
                for line in block.text.trim().lines() {
                    let _ = writeln!(out, "  | {line}");
                }
            }
        }
    }
    let missing = work
        .iter()
        .filter(|n| matches!(n, Needs::Missing { .. }))
        .count();
    let stale = work.len() - missing;
    if work.is_empty() {
        let _ = writeln!(out, "every translation is complete and current");
    } else {
        let _ = writeln!(
            out,
            "\n{missing} missing, {stale} stale; translate the missing blocks, review the stale ones, then run `candor translations --stamp`"
        );
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    if work.is_empty() {
        EXIT_OK
    } else {
        EXIT_POLICY
    }
}

fn locale(need: &Needs<'_>) -> Locale {
    match need {
        Needs::Missing { locale, .. } | Needs::Stale { locale, .. } => *locale,
    }
}

fn address(block: &SourceBlock) -> String {
    format!("{} {} {}", block.kind.keyword(), block.id, block.path)
}

/// The entry to write, with the source text to translate.
fn entry_line(block: &SourceBlock) -> String {
    let text = block.text.trim();
    let quoted = if text.contains('\n') || text.contains('"') {
        format!("\"\"\"{text}\"\"\"").replace('\n', "\n  #   ")
    } else {
        format!("\"{text}\"")
    };
    format!("{} @{} {quoted}", address(block), fingerprint(&block.text))
}

/// Writes the current fingerprint over each stale translation's, file by
/// file, from the end so that earlier offsets stay valid.
fn stamp(work: &[Needs<'_>], sources: &crate::source::Sources) -> u8 {
    let mut edits: BTreeMap<PathBuf, Vec<(usize, usize, String)>> = BTreeMap::new();
    for need in work {
        if let Needs::Stale { block, entry, .. } = need {
            let span = entry.fingerprint_span;
            let path = sources.get(span.file).path.clone();
            edits.entry(path).or_default().push((
                span.start as usize,
                span.end as usize,
                format!("@{}", fingerprint(&block.text)),
            ));
        }
    }
    let mut stamped = 0;
    for (path, mut list) in edits {
        let mut text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => return fail(&format!("cannot read `{}`: {e}", path.display())),
        };
        list.sort_by_key(|e| std::cmp::Reverse(e.0));
        for (start, end, with) in &list {
            let is_fingerprint = text
                .get(*start..*end)
                .is_some_and(|old| old.starts_with('@'));
            if !is_fingerprint {
                return fail(&format!(
                    "`{}` changed while candor read it; run `candor translations --stamp` again",
                    path.display()
                ));
            }
            text.replace_range(*start..*end, with);
        }
        if let Err(e) = std::fs::write(&path, &text) {
            return fail(&format!("cannot write `{}`: {e}", path.display()));
        }
        stamped += list.len();
    }
    let _ = writeln!(
        std::io::stdout(),
        "stamped {stamped} reviewed translation{}",
        if stamped == 1 { "" } else { "s" }
    );
    EXIT_OK
}
