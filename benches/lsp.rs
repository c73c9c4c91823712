//! The language server's incremental analysis against a full `check`
//! (issue 13): the synthetic policy of 10,000 data sets split into 100
//! files; after one file changes, fresh diagnostics must cost at most a
//! quarter of a full check.
//!
//! Run with `cargo bench --bench lsp`. The full check is `candor::compile`
//! in process (read, parse, resolve, check); the incremental figure is
//! [`candor::lsp::Project`]: re-parse the changed file, lower again only
//! the files whose lowering may differ (here the changed one), and run the
//! whole-policy steps and the rules over the kept model. The two are measured in
//! turn, nine times, and the ratio is the median of the pairs' ratios (the
//! machine may be shared). One full check by stage and one `candor check`
//! process are printed for reference.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use candor::Options;
use candor::diagnostic::Diagnostic;
use candor::lsp::Project;

const FILES: usize = 100;
/// Pairs of (full check, incremental analysis) measured.
const ROUNDS: usize = 9;

fn main() {
    let dir = std::env::temp_dir().join(format!("candor-bench-lsp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a work directory");
    let paths = split(&synthetic::policy(10_000), &dir);

    // The full check and the incremental analysis, measured in turn, so
    // that both see the same load on a shared machine; the ratio is the
    // median of the ratios of each pair.
    let mut project = Project::load(&dir);
    assert!(!project.analyse().iter().any(Diagnostic::is_error));
    let changed = &paths[FILES / 2];
    let original = std::fs::read_to_string(changed).expect("read");
    let mut pairs = Vec::new();
    for round in 0..ROUNDS {
        settle();
        let start = Instant::now();
        let compiled = candor::compile(&dir, &Options::default()).expect("the policy loads");
        let full = start.elapsed();
        assert!(!compiled.has_errors(), "the synthetic policy has errors");
        drop(compiled);
        settle();
        // A change of wording in one data set's text, as a lawyer makes.
        let text = original.replacen(
            "we collect your name",
            &format!("we collect (edit {round}) your name"),
            1,
        );
        assert_ne!(text, original, "the edit changes the file");
        let start = Instant::now();
        project.set_text(changed, &text);
        let diagnostics = project.analyse();
        let incremental = start.elapsed();
        assert!(!diagnostics.iter().any(Diagnostic::is_error));
        assert_eq!(
            project.files_lowered(),
            1,
            "only the edited file is lowered again"
        );
        pairs.push((full, incremental));
    }
    let full = middle(pairs.iter().map(|p| p.0).collect());
    let incremental = middle(pairs.iter().map(|p| p.1).collect());
    let mut ratios: Vec<f64> = pairs
        .iter()
        .map(|(f, i)| i.as_secs_f64() / f.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let ratio = ratios[ratios.len() / 2];

    // Where a full check's time goes, stage by stage (one run).
    settle();
    let (sources, _) = candor::source::Sources::load(&dir).expect("the policy loads");
    let start = Instant::now();
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let mut broken = Vec::new();
    for (id, file) in sources.iter() {
        let parsed = candor::syntax::parse(id, file);
        files.push(parsed.file);
        diagnostics.extend(parsed.diagnostics);
        broken.extend(parsed.broken_ids);
    }
    let parse = start.elapsed();
    let resolved = candor::resolve::resolve(&files, &sources, &broken);
    let resolve = start.elapsed() - parse;
    let (policy, diagnostics) = candor::check_resolved(resolved, diagnostics, &Options::default());
    let rules = start.elapsed() - parse - resolve;
    drop((files, policy, diagnostics));

    settle();
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("check")
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("candor runs");
    let process = start.elapsed();
    assert!(status.success());

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("candor language server: 10,000 data sets in {FILES} files");
    println!(
        "{:<40} {:>8.1} ms  (median of {ROUNDS}, in turn with the next line)",
        "full check, in process",
        ms(full)
    );
    println!(
        "{:<40} {:>8.1} ms  ({:.0}% of a full check, median of the pairs; target <= 25%) {}",
        "diagnostics after editing one file",
        ms(incremental),
        ratio * 100.0,
        if ratio <= 0.25 { "ok" } else { "MISSED" }
    );
    println!(
        "{:<40} {:>8.1} ms  (parse {:.1}, resolve {:.1}, rules {:.1})",
        "one full check by stage",
        ms(parse + resolve + rules),
        ms(parse),
        ms(resolve),
        ms(rules)
    );
    println!(
        "{:<40} {:>8.1} ms",
        "one `candor check` process",
        ms(process)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A pause before a measurement, so that the helper threads of the last
/// one (which free its model or tree) do not run during it.
fn settle() {
    std::thread::sleep(Duration::from_millis(500));
}

/// The median.
fn middle(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Writes the policy as `FILES` files, cut between declarations, and
/// returns their paths.
fn split(text: &str, dir: &Path) -> Vec<std::path::PathBuf> {
    let mut declarations: Vec<String> = Vec::new();
    for line in text.lines() {
        let starts = line.starts_with(|c: char| c.is_ascii_alphabetic());
        match declarations.last_mut() {
            Some(last) if !starts => {
                last.push_str(line);
                last.push('\n');
            }
            _ => declarations.push(format!("{line}\n")),
        }
    }
    let per_file = declarations.len().div_ceil(FILES);
    declarations
        .chunks(per_file)
        .enumerate()
        .map(|(i, chunk)| {
            let path = dir.join(format!("part{i:03}.policy"));
            std::fs::write(&path, chunk.concat()).expect("write a part");
            path
        })
        .collect()
}
