//! Two policies (the input split at its first NUL byte), compared in every
//! format: no panic, and the Markdown changelog is inert.
#![no_main]

#[path = "oracle.rs"]
mod oracle;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, data),
    };
    let old = oracle::compile(&String::from_utf8_lossy(old));
    let new = oracle::compile(&String::from_utf8_lossy(new));
    let (Some(a), Some(b)) = (&old.policy, &new.policy) else {
        return;
    };
    let Ok(diff) = candor::diff::compare(a, b) else {
        return;
    };
    let _ = candor::diff::render::human(&diff, "old", "new");
    let _ = candor::diff::render::json(&diff, "old", "new");
    let markdown = candor::diff::render::markdown(&diff, Some("1 January 2026"));
    oracle::assert_markdown_inert("changelog", &markdown);
    oracle::assert_autolinked_inert("changelog", &markdown);
});
