//! `fmt` round trip: formatting keeps the model, and formatting twice
//! changes nothing.
#![no_main]

#[path = "oracle.rs"]
mod oracle;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(formatted) = candor::format::format_str(&text) else {
        return;
    };
    let again = candor::format::format_str(&formatted).expect("formatted text parses");
    assert_eq!(again, formatted, "fmt is not idempotent");
    let before = oracle::compile(&text);
    let after = oracle::compile(&formatted);
    let model = |c: &candor::Compiled| {
        c.policy
            .as_ref()
            .map(|p| candor::render::json::policy_json(p))
    };
    assert_eq!(model(&before), model(&after), "fmt changed the model");
});
