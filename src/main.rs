//! The `candor` executable: parse the arguments, run the command, exit with
//! its code (0 clean, 1 the policy has errors, 2 usage or I/O error).

use std::process::ExitCode;

use clap::Parser;

use candor::cli::Cli;
use candor::commands;

/// mimalloc rather than the system allocator: a large policy's syntax tree
/// is built on every core, and glibc's per-thread arenas kept a fifth more
/// memory resident than the tree needs (see the README's benchmarks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = commands::run(cli);
    ExitCode::from(code)
}
