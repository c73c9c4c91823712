//! `candor explain CODE`: what a rule checks, the law behind it, an example
//! that triggers it, what candor reports on it, and the fix (the text is
//! [`crate::check::explain`]'s, shared with the language server and `serve`).

use std::io::Write;

use super::{EXIT_OK, fail};
use crate::check;
use crate::check::explain::{explain, explain_audit};
use crate::cli::ExplainArgs;
use crate::model::words::RuleLevel;

/// Runs `candor explain`.
pub(crate) fn run(args: &ExplainArgs) -> u8 {
    let Some(rule) = check::find(&args.code) else {
        if let Some(rule) = check::audit::find(&args.code) {
            let _ = std::io::stdout().write_all(explain_audit(rule).as_bytes());
            return EXIT_OK;
        }
        if let Some(code) = check::codes::find(&args.code) {
            // A code of the compiler itself: the language, not the law.
            let text = format!(
                "{}: {}\n\nseverity  {} (by default)\napplies   every policy: a mistake in the \
                 policy language itself, which the compiler reports before any rule of law runs\n",
                code.name, code.summary, code.severity
            );
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
        return fail(&message);
    };
    let _ = std::io::stdout().write_all(explain(rule).as_bytes());
    EXIT_OK
}
