//! Every integration test, in one binary: each file of `tests/` is a module
//! here, so that the crate and its dependencies are linked once rather than
//! once per file (Cargo.toml sets `autotests = false`). Run one file's tests
//! with its module path: `cargo test --test integration corpus::`.

mod support;

mod audit;
mod audit_browser;
mod build;
mod catalogues;
mod cli;
mod cli_formats;
mod codes;
mod colorado;
mod corpus;
mod datamap;
mod datamap_pairs;
mod diagnostics;
mod diff;
mod embedding;
mod exports;
mod exports_dpv;
mod exports_gpp;
mod exports_manifest;
mod exports_play;
mod exports_ropa;
mod exports_signals;
mod fidelity;
mod fmt;
mod fuzz_regressions;
mod generated_text;
mod incremental;
mod init;
mod languages;
mod languages_law;
mod laws;
mod layers;
mod lsp;
mod md_autolink;
mod migrate;
mod publish;
mod published;
mod readme;
mod reliability;
mod render;
mod rule_names;
mod rule_regressions;
mod rules;
mod schema;
mod serve;
mod serve_guard;
mod signals_and_denials;
mod state_rights;
mod state_terms;
mod stated_facts;
mod us_consent;

/// A file of `tests/` that is not a module here would never be compiled
/// nor run: name each one.
#[test]
fn every_test_file_is_a_module() {
    let here = include_str!("integration.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir("tests").expect("tests/ is readable") {
        let path = entry.expect("an entry").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs")
            && stem != "integration"
            && !here.contains(&format!("\nmod {stem};\n"))
        {
            missing.push(stem.to_owned());
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "tests/*.rs files that no `mod` line of tests/integration.rs names (so they never run): {missing:?}"
    )
}
