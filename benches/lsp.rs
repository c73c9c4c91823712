//! The language server's incremental analysis against a full `check`
//! (issue 13): the synthetic policy of 10,000 data sets split into 100
//! files; after one file changes, fresh diagnostics must cost at most a
//! quarter of a full check.
//!
//! Run with `cargo bench --bench lsp`. The full check is measured twice:
//! in process (`candor::compile`: read, parse, resolve, check) and as the
//! whole `candor check` process. The incremental figure is
//! [`candor::lsp::Project`]: re-parse the changed file, then resolve and
//! check the whole policy from the kept parses. Each figure is a median.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use candor::lsp::Project;

const FILES: usize = 100;

thread_local! {
    /// The stage times of the last staged run.
    static STAGES: std::cell::Cell<[Duration; 3]> = const { std::cell::Cell::new([Duration::ZERO; 3]) };
}

fn main() {
    let dir = std::env::temp_dir().join(format!("candor-bench-lsp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a work directory");
    let paths = split(&synthetic::policy(10_000), &dir);

    let full = median(5, || {
        let start = Instant::now();
        let compiled =
            candor::compile(&dir, &candor::Options::default()).expect("the policy loads");
        assert!(!compiled.has_errors(), "the synthetic policy has errors");
        start.elapsed()
    });
    let process = median(5, || {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("check")
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("candor runs");
        assert!(status.success());
        start.elapsed()
    });

    let mut project = Project::load(&dir);
    assert!(
        !project
            .analyse()
            .iter()
            .any(candor::diagnostic::Diagnostic::is_error)
    );
    let changed = &paths[FILES / 2];
    let original = std::fs::read_to_string(changed).expect("read");
    let single =
        std::env::temp_dir().join(format!("candor-bench-lsp1-{}.policy", std::process::id()));
    std::fs::write(&single, synthetic::policy(10_000)).expect("write");
    let one_file = median(5, || {
        let start = Instant::now();
        let compiled =
            candor::compile(&single, &candor::Options::default()).expect("the policy loads");
        assert!(!compiled.has_errors());
        start.elapsed()
    });
    let _ = std::fs::remove_file(&single);
    // Where a full check's time goes, stage by stage.
    let (sources, _) = candor::source::Sources::load(&dir).expect("the policy loads");
    let stages = median(5, || {
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
        let parsed = start.elapsed();
        let resolved = candor::resolve::resolve(&files, &sources, &broken);
        let resolving = start.elapsed();
        let (policy, diagnostics) =
            candor::check_resolved(resolved, diagnostics, &candor::Options::default());
        let checking = start.elapsed();
        std::thread::spawn(move || drop((files, policy, diagnostics)));
        STAGES.with(|s| s.set([parsed, resolving - parsed, checking - resolving]));
        checking
    });
    let [parse_time, resolve_time, check_time] = STAGES.with(std::cell::Cell::get);
    let mut round = 0;
    let incremental = median(11, || {
        round += 1;
        let text = format!("{original}\n# edit {round}\n");
        let start = Instant::now();
        project.set_text(changed, &text);
        let diagnostics = project.analyse();
        let elapsed = start.elapsed();
        assert!(
            !diagnostics
                .iter()
                .any(candor::diagnostic::Diagnostic::is_error)
        );
        elapsed
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("candor language server: 10,000 data sets in {FILES} files");
    println!("{:<44} {:>8.1} ms", "full check, in process", ms(full));
    println!(
        "{:<44} {:>8.1} ms",
        "full check, in process, as one file",
        ms(one_file)
    );
    println!(
        "{:<44} {:>8.1} ms",
        "full check, `candor check` process",
        ms(process)
    );
    println!(
        "{:<44} {:>8.1} ms  (parse {:.1}, resolve {:.1}, rules {:.1}; last run)",
        "full check, by stage, in process",
        ms(stages),
        ms(parse_time),
        ms(resolve_time),
        ms(check_time)
    );
    let ratio = incremental.as_secs_f64() / full.as_secs_f64();
    println!(
        "{:<44} {:>8.1} ms  ({:.0}% of the in-process check; target <= 25%) {}",
        "diagnostics after editing one file",
        ms(incremental),
        ratio * 100.0,
        if ratio <= 0.25 { "ok" } else { "MISSED" }
    );
    let _ = std::fs::remove_dir_all(&dir);
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

/// The median of `runs` measurements (after one warm-up run).
fn median(runs: usize, mut measure: impl FnMut() -> Duration) -> Duration {
    let _ = measure();
    let mut times: Vec<Duration> = (0..runs).map(|_| measure()).collect();
    times.sort();
    times[runs / 2]
}
