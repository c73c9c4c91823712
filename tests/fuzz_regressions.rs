//! Inputs the fuzz targets (fuzz/) found failing, kept so that they stay
//! fixed: each file of `tests/fixtures/fuzz/` goes through what the targets
//! do (compile, the human report, render, `fmt` twice) without a panic, and
//! a rendered Markdown output holds no raw HTML but `<br>`.

use std::fs;

use candor::diagnostic::{Color, render_human};
use candor::source::{SourceFile, Sources};
use candor::{Options, compile_sources};

#[test]
fn every_kept_fuzz_input_passes() {
    let mut count = 0;
    for entry in fs::read_dir("tests/fixtures/fuzz").expect("the directory exists") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            continue; // the directory's notes
        }
        count += 1;
        let bytes = fs::read(&path).expect("readable");
        let text = String::from_utf8_lossy(&bytes);
        let mut sources = Sources::new();
        sources.add(SourceFile::new(path.clone(), &text));
        let options = Options {
            today: candor::model::PolicyDate::parse("2026-01-01"),
            ..Options::default()
        };
        let compiled = compile_sources(sources, &[], &options);
        let _ = render_human(&compiled.diagnostics, &compiled.sources, Color::Never);
        if let (false, Some(policy)) = (compiled.has_errors(), &compiled.policy) {
            let outputs = candor::render::render(policy, &candor::render::RenderOptions::default())
                .expect("renders");
            for output in outputs.iter().filter(|o| o.name.ends_with(".md")) {
                assert!(
                    candor::render::md_guard::hazards(&output.contents).is_empty(),
                    "{}: {} holds raw HTML or a reference link",
                    path.display(),
                    output.name
                );
            }
        }
        if let Ok(formatted) = candor::format::format_str(&text) {
            let again = candor::format::format_str(&formatted).expect("formatted text parses");
            assert_eq!(
                again,
                formatted,
                "{}: fmt is not idempotent",
                path.display()
            );
        }
    }
    assert!(count > 0, "no kept inputs");
}
