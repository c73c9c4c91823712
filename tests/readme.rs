//! The language examples in the README are candor: every code block of its
//! language reference parses without a syntax error, so the documentation
//! cannot drift from the grammar. (They are fragments, so names they refer to
//! are not looked up.)

use candor::source::{SourceFile, Sources};
use candor::syntax::parse;

/// The fenced blocks without a language tag between two headings.
fn examples(readme: &str, from: &str, to: &str) -> Vec<String> {
    let start = readme.find(from).expect("start heading");
    let end = readme[start..].find(to).map_or(readme.len(), |i| start + i);
    let mut blocks = Vec::new();
    // None: outside a block; Some(None): inside a block with a language tag
    // (skipped); Some(Some(text)): inside an untagged block.
    let mut current: Option<Option<String>> = None;
    for line in readme[start..end].lines() {
        let fence = line.trim_end().strip_prefix("```");
        match (&mut current, fence) {
            (None, Some("")) => current = Some(Some(String::new())),
            (None, Some(_)) => current = Some(None),
            (Some(block), Some(_)) => {
                if let Some(text) = block.take() {
                    blocks.push(text);
                }
                current = None;
            }
            (Some(Some(text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (Some(None) | None, None) => {}
        }
    }
    blocks
}

#[test]
fn every_language_example_in_the_readme_parses() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let blocks = examples(
        &readme,
        "### Declarations, with an example of each",
        "### Diagnostics",
    );
    assert!(blocks.len() >= 15, "found only {} examples", blocks.len());
    for block in blocks {
        let mut sources = Sources::new();
        let id = sources.add(SourceFile::new("README.md".into(), &block));
        let parsed = parse(id, sources.get(id));
        assert!(
            parsed.diagnostics.is_empty(),
            "this README example does not parse:\n{block}\n{:?}",
            parsed
                .diagnostics
                .iter()
                .map(|d| &d.message)
                .collect::<Vec<_>>()
        );
        assert!(!parsed.file.declarations.is_empty());
    }
}
