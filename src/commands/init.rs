//! `candor init [DIR]`: write the starter policy (see [`crate::init`]).
//!
//! It never overwrites: when the directory already holds a `.policy` file
//! (which would become part of the same policy), nothing is written and the
//! exit code is 2.

use std::io::Write;

use super::{EXIT_OK, fail};
use crate::check::system_today;
use crate::cli::InitArgs;
use crate::init::starter_files;

/// Runs `candor init`.
pub(crate) fn run(args: &InitArgs) -> u8 {
    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        return fail(&format!("`{}` is a file, not a directory", dir.display()));
    }
    if dir.is_dir() {
        let existing = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "policy"))
                .collect::<Vec<_>>(),
            Err(e) => return fail(&format!("cannot read `{}`: {e}", dir.display())),
        };
        if let Some(first) = existing.first() {
            return fail(&format!(
                "`{}` already holds a policy (`{}`); candor init never overwrites, so choose an empty directory",
                dir.display(),
                first.display()
            ));
        }
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(&format!("cannot create `{}`: {e}", dir.display()));
    }
    let today = system_today().to_string();
    let mut stderr = std::io::stderr();
    for (name, text) in starter_files(&today) {
        let path = dir.join(name);
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(text.as_bytes()));
        if let Err(e) = written {
            return fail(&format!("cannot write `{}`: {e}", path.display()));
        }
        let _ = writeln!(stderr, "created {}", path.display());
    }
    let shown = dir.display();
    let _ = writeln!(
        stderr,
        "\nnext: edit the files, then run `candor check {shown}` and `candor build {shown}`"
    );
    EXIT_OK
}
