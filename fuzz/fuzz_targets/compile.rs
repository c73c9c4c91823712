//! Any bytes, compiled and reported in every format: no panic, no hang.
#![no_main]

#[path = "oracle.rs"]
mod oracle;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let compiled = oracle::compile(&text);
    let _ = candor::diagnostic::render_human(
        &compiled.diagnostics,
        &compiled.sources,
        candor::diagnostic::Color::Never,
    );
    let _ = candor::report::sarif::render(&compiled.diagnostics, &compiled.sources);
    let _ = candor::report::github::render(&compiled.diagnostics, &compiled.sources);
});
