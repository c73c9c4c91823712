//! A notice in several languages (issue 22), end to end on the corpus
//! policy that is written in English and published in German and French
//! (`tests/fixtures/corpus/veloroute`): the pages of each language, their
//! links to each other, `policy.json`, a missing and a stale translation
//! in a copy reported at their place, `candor translations --stamp`, and
//! `diff`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use candor::diff;
use candor::model::PolicyDate;
use candor::render::{self, RenderOptions};
use candor::{Compiled, Options, compile};

const VELOROUTE: &str = "tests/fixtures/corpus/veloroute";

fn options() -> Options {
    Options {
        today: PolicyDate::parse("2026-12-01"),
        levels: Vec::new(),
    }
}

fn compiled(path: &Path) -> Compiled {
    compile(path, &options()).expect("the policy loads")
}

/// A copy of the corpus policy to break.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let to = dir.path().join("veloroute");
    fs::create_dir_all(&to).expect("the copy's directory");
    for name in ["policy.policy", "de.policy", "fr.policy"] {
        fs::copy(Path::new(VELOROUTE).join(name), to.join(name)).expect("a copied file");
    }
    (dir, to)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("the file");
    assert!(text.contains(from), "`{}` holds {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).expect("the edit");
}

/// `(file name, line, column)` of a span, 1-based (as `line_col` gives them).
fn place(compiled: &Compiled, span: candor::source::Span) -> (String, usize, usize) {
    let file = compiled.sources.get(span.file);
    let (line, col) = file.line_col(span.start as usize);
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (name, line, col)
}

fn line_of(path: &Path, needle: &str) -> usize {
    fs::read_to_string(path)
        .expect("the file")
        .lines()
        .position(|l| l.contains(needle))
        .expect("the line")
        + 1
}

#[test]
fn the_corpus_policy_is_published_in_three_languages() {
    let c = compiled(Path::new(VELOROUTE));
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let policy = c.policy.as_ref().expect("a model");
    let outputs = render::render(policy, &RenderOptions::default()).expect("it renders");
    let page = |name: &str| -> &str {
        &outputs
            .iter()
            .find(|o| o.name == name)
            .unwrap_or_else(|| panic!("no `{name}`"))
            .contents
    };
    // Each language's page, in its language, with CLDR's dates and the
    // GDPR's own terms.
    let en = page("privacy-policy.html");
    let de = page("de/privacy-policy.html");
    let fr = page("fr/privacy-policy.html");
    assert!(en.contains("<html lang=\"en\">") && en.contains("November 2, 2026"));
    assert!(de.contains("<html lang=\"de\">") && de.contains("2. November 2026"));
    assert!(fr.contains("<html lang=\"fr\">") && fr.contains("2 novembre 2026"));
    assert!(de.contains("Verantwortlicher") && de.contains("Rechtsgrundlage"));
    assert!(fr.contains("Responsable du traitement") && fr.contains("Base juridique"));
    assert!(de.contains("Datenschutzhinweise") && fr.contains("Avis de confidentialité"));
    assert!(page("de/privacy-policy.md").starts_with("# Datenschutzhinweise"));
    // No CCPA page for a GDPR-only policy, in any language.
    assert!(!outputs.iter().any(|o| o.name.ends_with("ccpa.html")));
    // hreflang alternates and the switcher, relative to each page.
    for link in [
        "<link rel=\"alternate\" hreflang=\"en\" href=\"privacy-policy.html\">",
        "<link rel=\"alternate\" hreflang=\"de\" href=\"de/privacy-policy.html\">",
        "<link rel=\"alternate\" hreflang=\"fr\" href=\"fr/privacy-policy.html\">",
    ] {
        assert!(en.contains(link), "{link}");
    }
    for link in [
        "<link rel=\"alternate\" hreflang=\"en\" href=\"../privacy-policy.html\">",
        "<link rel=\"alternate\" hreflang=\"de\" href=\"privacy-policy.html\">",
        "<link rel=\"alternate\" hreflang=\"fr\" href=\"../fr/privacy-policy.html\">",
    ] {
        assert!(de.contains(link), "{link}");
    }
    assert!(de.contains("<nav class=\"candor candor-languages\" aria-label=\"Sprache\">"));
    assert!(de.contains(
        "<a aria-current=\"page\" href=\"privacy-policy.html\" hreflang=\"de\" lang=\"de\">Deutsch</a>"
    ));
    assert!(de.contains("href=\"../policy.json\""));
    // policy.json says which languages exist.
    let json: serde_json::Value =
        serde_json::from_str(page("policy.json")).expect("policy.json parses");
    assert_eq!(json["languages"], serde_json::json!(["en", "de", "fr"]));
}

#[test]
fn a_policy_without_languages_writes_only_its_own() {
    let c = compiled(Path::new("tests/fixtures/corpus/b2b_saas"));
    let policy = c.policy.as_ref().expect("a model");
    let outputs = render::render(policy, &RenderOptions::default()).expect("it renders");
    assert!(outputs.iter().all(|o| !o.name.contains('/')));
    let page = &outputs
        .iter()
        .find(|o| o.name == "privacy-policy.html")
        .expect("the notice")
        .contents;
    assert!(!page.contains("hreflang") && !page.contains("<nav class=\"candor candor-languages\""));
    assert!(!outputs[0].contents.is_empty());
    let json = &outputs
        .iter()
        .find(|o| o.name == "policy.json")
        .expect("json")
        .contents;
    assert!(!json.contains("\"languages\""));
}

#[test]
fn a_missing_translation_is_reported_at_its_block_naming_the_language() {
    let (_dir, copy) = copy();
    edit(
        &copy.join("de.policy"),
        "  section changes text.1",
        "  # section changes text.1",
    );
    let c = compiled(&copy);
    let missing: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == "structure::translation-missing")
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    let d = missing[0];
    assert!(d.is_error());
    assert!(d.message.contains("`section changes text.1`") && d.message.contains("`de`"));
    let expected_line = line_of(
        &copy.join("policy.policy"),
        "text \"We will tell you by email",
    );
    assert_eq!(
        place(&c, d.primary.span),
        ("policy.policy".to_owned(), expected_line, 3)
    );
    // The help gives the entry to write, with the source's fingerprint.
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("section changes text.1 @")
    );
}

#[test]
fn a_stale_translation_is_reported_at_its_fingerprint_and_stamped() {
    let (_dir, copy) = copy();
    edit(
        &copy.join("policy.policy"),
        "one year after your tour\"",
        "two years after your tour\"",
    );
    let c = compiled(&copy);
    let stale: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == "structure::translation-stale")
        .collect();
    // German and French, each at its own file's fingerprint.
    assert_eq!(stale.len(), 2, "{stale:?}");
    for d in &stale {
        assert!(!d.is_error());
        let (file, line, _) = place(&c, d.primary.span);
        let needle = "retention booking_retention period @";
        assert_eq!(line, line_of(&copy.join(&file), needle), "{file}");
        assert!(
            d.message
                .contains("translation of `retention booking_retention period`")
        );
    }
    // `candor translations` lists them and fails; `--stamp` marks them
    // reviewed, after which the policy is clean again.
    let listed = Command::cargo_bin("candor")
        .expect("the binary")
        .args(["translations", copy.to_str().expect("a UTF-8 path")])
        .output()
        .expect("it runs");
    assert_eq!(listed.status.code(), Some(1));
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        text.contains("stale:   retention booking_retention period"),
        "{text}"
    );
    assert!(text.contains("| two years after your tour"), "{text}");
    Command::cargo_bin("candor")
        .expect("the binary")
        .args(["translations", "--stamp", "--lang", "de"])
        .arg(&copy)
        .assert()
        .success();
    let c = compiled(&copy);
    let left: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == "structure::translation-stale")
        .map(|d| place(&c, d.primary.span).0)
        .collect();
    assert_eq!(left, ["fr.policy"]);
}

#[test]
fn diff_classes_a_reworded_translation_editorial_and_a_missing_one_material() {
    let (_dir, copy) = copy();
    edit(
        &copy.join("fr.policy"),
        "\"Modifications\"",
        "\"Modifications de cet avis\"",
    );
    edit(
        &copy.join("de.policy"),
        "  section sharing text.1",
        "  # section sharing text.1",
    );
    let old = compiled(Path::new(VELOROUTE));
    let new = compiled(&copy);
    let d = diff::compare(
        old.policy.as_ref().expect("old"),
        new.policy.as_ref().expect("new"),
    )
    .expect("a diff");
    let ours: Vec<_> = d
        .changes
        .iter()
        .filter(|c| c.kind == "translation")
        .collect();
    assert_eq!(ours.len(), 2, "{ours:?}");
    assert!(
        ours.iter()
            .any(|c| c.class == diff::Class::Editorial && c.id == "fr: section changes name")
    );
    assert!(ours.iter().any(|c| c.class == diff::Class::Material
        && c.id == "de: section sharing text.1"
        && c.law.is_some_and(|l| l.cites == "GDPR Art. 12(1)")));
}
