//! `candor check`: compile, report, exit 1 on errors.

use super::{compile, exit_code, report};
use crate::cli::CheckArgs;

/// Runs `candor check`.
pub(crate) fn run(args: &CheckArgs) -> u8 {
    match compile(&args.compile) {
        Ok(compiled) => {
            report(&compiled.diagnostics, &compiled.sources, &args.compile);
            exit_code(&compiled)
        }
        Err(code) => code,
    }
}
