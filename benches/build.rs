//! Whole-process benchmarks of `candor`, against the targets of issue 3:
//!
//! | what | target |
//! |---|---|
//! | `build` of the bundled `policy/` | < 20 ms |
//! | `check` of 10,000 data sets | < 250 ms |
//! | `build` of 10,000 data sets | < 1 s, peak memory < 200 MB |
//! | `build` time, 10,000 vs 1,000 data sets | at most 11x |
//!
//! Run with `cargo bench --bench build` (release binary). Each figure is the
//! median of several runs of the real executable, so it includes process
//! start, reading the files and writing the output. Peak memory comes from
//! `/usr/bin/time -v` when it is installed.
//!
//! `cargo bench --bench build -- generate N DIR` writes a synthetic policy
//! of N data sets to DIR instead, for profiling by hand.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CANDOR: &str = env!("CARGO_BIN_EXE_candor");

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let [command, n, dir] = args.as_slice()
        && command == "generate"
    {
        let n: usize = n.parse().expect("N is a number");
        write_policy(Path::new(dir), n);
        println!("wrote a policy of {n} data sets to {dir}");
        return;
    }
    let work = std::env::temp_dir().join(format!("candor-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("a work directory");

    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("policy");
    let small = work.join("policy-1000");
    let large = work.join("policy-10000");
    write_policy(&small, 1_000);
    write_policy(&large, 10_000);

    println!("candor benchmarks ({CANDOR})");
    let bundled_build = median(21, || run(&["build"], &bundled, &work.join("out-bundled")));
    report(
        "build policy/ (whole process)",
        bundled_build,
        Duration::from_millis(20),
    );
    let check_large = median(5, || run(&["check"], &large, &work.join("unused")));
    report(
        "check 10,000 data sets",
        check_large,
        Duration::from_millis(250),
    );
    let build_small = median(5, || run(&["build"], &small, &work.join("out-small")));
    report("build 1,000 data sets", build_small, Duration::MAX);
    let build_large = median(5, || run(&["build"], &large, &work.join("out-large")));
    report(
        "build 10,000 data sets",
        build_large,
        Duration::from_secs(1),
    );
    let ratio = build_large.as_secs_f64() / build_small.as_secs_f64();
    println!(
        "{:<38} {ratio:>9.1}x  (target <= 11x) {}",
        "growth 1,000 -> 10,000",
        verdict(ratio <= 11.0)
    );
    match peak_memory_kb(&large, &work.join("out-large")) {
        Some(kb) => {
            #[expect(clippy::cast_precision_loss, reason = "kilobytes of a process")]
            let mb = kb as f64 / 1024.0;
            println!(
                "{:<38} {mb:>8.1} MB  (target < 200 MB) {}",
                "peak memory, build 10,000",
                verdict(mb < 200.0)
            );
        }
        None => println!("peak memory: /usr/bin/time is not installed; skipped"),
    }
    let _ = std::fs::remove_dir_all(&work);
}

/// Writes a synthetic policy of `n` data sets into `dir`.
fn write_policy(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("the policy directory");
    std::fs::write(dir.join("policy.policy"), synthetic::policy(n)).expect("write the policy");
}

/// Runs `candor COMMAND POLICY [--out OUT]` and returns its wall time.
fn run(command: &[&str], policy: &Path, out: &Path) -> Duration {
    let mut cmd = Command::new(CANDOR);
    cmd.args(command)
        .arg(policy)
        .args(["--today", "2026-01-01"]);
    if command == ["build"] {
        cmd.arg("--out").arg(out);
    }
    let start = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("candor runs");
    let elapsed = start.elapsed();
    assert!(
        status.success(),
        "`candor {}` on {} failed",
        command.join(" "),
        policy.display()
    );
    elapsed
}

/// The median of `runs` measurements (after one warm-up run).
fn median(runs: usize, mut measure: impl FnMut() -> Duration) -> Duration {
    let _ = measure();
    let mut times: Vec<Duration> = (0..runs).map(|_| measure()).collect();
    times.sort();
    times[runs / 2]
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSED" }
}

fn report(what: &str, time: Duration, target: Duration) {
    let ms = time.as_secs_f64() * 1000.0;
    if target == Duration::MAX {
        println!("{what:<38} {ms:>8.1} ms");
    } else {
        let target_ms = target.as_secs_f64() * 1000.0;
        println!(
            "{what:<38} {ms:>8.1} ms  (target < {target_ms:.0} ms) {}",
            verdict(time < target)
        );
    }
}

/// Peak resident memory of one `build`, from `/usr/bin/time -v`.
fn peak_memory_kb(policy: &Path, out: &PathBuf) -> Option<u64> {
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(CANDOR)
        .arg("build")
        .arg(policy)
        .arg("--out")
        .arg(out)
        .args(["--today", "2026-01-01"])
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let report = String::from_utf8_lossy(&output.stderr);
    report
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("Maximum resident set size (kbytes):")
        })
        .and_then(|kb| kb.trim().parse().ok())
}
