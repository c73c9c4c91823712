//! `candor explain CODE`: what a rule checks, the law behind it, an example
//! that triggers it, what candor reports on it, and the fix (the text is
//! [`crate::check::explain`]'s, shared with the language server and `serve`).

use std::io::Write;

use super::{EXIT_OK, fail};
use crate::check;
use crate::check::explain::explain_code;
use crate::cli::ExplainArgs;
use crate::model::words::RuleLevel;

/// Runs `candor explain`.
pub(crate) fn run(args: &ExplainArgs) -> u8 {
    if let Some(text) = explain_code(&args.code) {
        let _ = std::io::stdout().write_all(text.as_bytes());
        return EXIT_OK;
    }
    let message = match check::validate_setting(&args.code, RuleLevel::Warn) {
        Err(message) => message,
        Ok(()) => format!(
            "`{}` is not a rule of the catalogue; `candor rules` lists them",
            args.code
        ),
    };
    fail(&message)
}
