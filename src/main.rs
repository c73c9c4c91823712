//! The `candor` executable: parse the arguments, run the command, exit with
//! its code (0 clean, 1 the policy has errors, 2 usage or I/O error).

use std::process::ExitCode;

use clap::Parser;

use candor::cli::Cli;
use candor::commands;

/// mimalloc rather than the system allocator: a large policy's syntax tree
/// is built on every core, and glibc's per-thread arenas kept a fifth more
/// memory resident than the tree needs (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`, see
/// mimalloc.h; the Rust binding names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Give freed pages back to the system at once rather than after 10 ms:
    // the tree of a large policy is freed while its model is built, and the
    // delay kept both resident (a peak of 240 MB instead of 190 MB for
    // 10,000 data sets).
    // SAFETY: sets one of mimalloc's documented options, by value, before
    // any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    let cli = Cli::parse();
    let code = commands::run(cli);
    ExitCode::from(code)
}
