//! A policy compiled and rendered: every `.html` through the HTML5 oracle,
//! every `.md` through the CommonMark oracle.
#![no_main]

#[path = "oracle.rs"]
mod oracle;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    oracle::render_and_check(&oracle::compile(&text));
});
