//! What each command does. `main` calls [`run`] and exits with its code.

mod audit;
mod build;
mod check;
mod diff;
pub(crate) mod explain;
mod fmt;
mod init;
mod migrate;
pub(crate) mod publish;
mod rules;
mod serve;
mod translations;

use std::io::{IsTerminal, Write};

use crate::cli::{ColorChoice, Command, CompileArgs, Format};
use crate::diagnostic::{self, Color, Diagnostic};
use crate::model::PolicyDate;
use crate::model::words::RuleLevel;
use crate::source::Sources;
use crate::{Compiled, Options};

/// Exit code: nothing wrong.
pub const EXIT_OK: u8 = 0;
/// Exit code: the policy has errors (or warnings under `--deny warnings`).
pub const EXIT_POLICY: u8 = 1;
/// Exit code: a usage or I/O error.
pub const EXIT_USAGE: u8 = 2;

/// Runs a command and returns the process exit code.
#[must_use]
pub fn run(cli: crate::cli::Cli) -> u8 {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Migrate(args) => migrate::run(&args),
        Command::Translations(args) => translations::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::NoticeOfChange(args) => diff::notice(&args),
        Command::Publish(args) => publish::run(&args),
        Command::Audit(args) => audit::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Lsp => crate::lsp::run_stdio(),
    }
}

/// Prints a usage or I/O error to stderr and returns [`EXIT_USAGE`].
pub(crate) fn fail(message: &str) -> u8 {
    let _ = writeln!(std::io::stderr(), "error: {message}");
    EXIT_USAGE
}

/// Turns the command-line compile options into [`Options`].
///
/// # Errors
/// A malformed `--today` date, as a message.
pub(crate) fn options(args: &CompileArgs) -> Result<Options, String> {
    let today = match &args.today {
        Some(text) => match PolicyDate::parse(text) {
            Some(date) if date.day.is_some() => Some(date),
            _ => {
                return Err(format!(
                    "`--today {text}` is not a date of the form YYYY-MM-DD"
                ));
            }
        },
        None => None,
    };
    let mut levels = Vec::new();
    for (codes, level) in [
        (&args.allow, RuleLevel::Allow),
        (&args.warn, RuleLevel::Warn),
        (&args.deny, RuleLevel::Deny),
    ] {
        for code in codes {
            crate::check::validate_setting(code, level)?;
            levels.push((code.clone(), level));
        }
    }
    Ok(Options { today, levels })
}

/// Compiles the policy the arguments name. On an I/O or usage problem, prints
/// it and returns the exit code to stop with.
pub(crate) fn compile(args: &CompileArgs) -> Result<Compiled, u8> {
    let options = options(args).map_err(|m| fail(&m))?;
    crate::compile(&args.path, &options).map_err(|e| fail(&e.to_string()))
}

/// Whether the human format may use colour: `auto` means when stderr is a
/// terminal and `NO_COLOR` is not set.
pub(crate) fn color(choice: ColorChoice) -> Color {
    match choice {
        ColorChoice::Always => Color::Always,
        ColorChoice::Never => Color::Never,
        ColorChoice::Auto => {
            if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
                Color::Always
            } else {
                Color::Never
            }
        }
    }
}

/// Prints diagnostics in the chosen format: human to stderr, the machine
/// formats to stdout.
pub(crate) fn report(diagnostics: &[Diagnostic], sources: &Sources, args: &CompileArgs) {
    let color = color(args.color);
    match args.format {
        Format::Human => {
            let text = diagnostic::render_human(diagnostics, sources, color);
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        Format::Json => {
            let text = diagnostic::render_json(diagnostics, sources);
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
        Format::Sarif => {
            let text = crate::report::sarif::render(diagnostics, sources);
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
        Format::Github => {
            let text = crate::report::github::render(diagnostics, sources);
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
    }
}

/// The exit code for a compiled policy: 1 when it has errors.
pub(crate) fn exit_code(compiled: &Compiled) -> u8 {
    if compiled.has_errors() {
        EXIT_POLICY
    } else {
        EXIT_OK
    }
}
