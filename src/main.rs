//! The `candor` executable: parse the arguments, run the command, exit with
//! its code (0 clean, 1 the policy has errors, 2 usage or I/O error).

use std::process::ExitCode;

use clap::Parser;

use candor::cli::Cli;
use candor::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = commands::run(cli);
    ExitCode::from(code)
}
