//! `candor serve`: the live preview (see [`crate::serve`]).

use crate::cli::ServeArgs;

/// Runs `candor serve`.
pub(crate) fn run(args: &ServeArgs) -> u8 {
    crate::serve::run(&args.path, args.port, args.open)
}
