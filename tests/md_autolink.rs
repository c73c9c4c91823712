//! The Markdown outputs under renderers that link bare addresses.
//!
//! GitHub's renderer (cmark-gfm, here comrak with its `autolink`
//! extension) and markdown-it with `linkify` read a bare `https://...` or
//! `www....` in the source up to the next space or `<`. An address that
//! ends right before a backslash escape takes the backslash into the link,
//! and the character it escaped is live again: `https://x/\<img ...>` was an
//! `<img onerror>` on GitHub. Each test here puts hostile text into every
//! string of a policy that uses every field of the language, renders the
//! `.md` outputs with raw HTML allowed, and asserts that no element or
//! address a reader did not write comes out.

use std::collections::BTreeSet;
use std::path::Path;

use candor::render::{self, RenderOptions};
use candor::schema::{self, KINDS, Shape};
use candor::source::{FileId, SourceFile, Sources};
use candor::syntax::tree::{Arg, Field};
use candor::{Options, compile_sources};

/// Policies that, together, write every field of the language that holds
/// text.
const FIXTURES: &[&str] = &[
    "tests/fixtures/published/markers.policy",
    "tests/fixtures/valid/complete.policy",
    "tests/fixtures/md-autolink/clinic.policy",
];

/// What each string gets at its end: addresses ending right before markup,
/// in both forms the autolinkers know, and the markup in the other forms
/// earlier attacks used.
const PAYLOAD: &str = " Notice https://ok.example/<img src=x onerror=alert(document.domain)> \
    www.ok.example/<svg onload=alert(2)> https://ok.example/\\<b onclick=alert(3)\\> \
    http://a.example/[x](javascript:alert(4)) <script>alert(5)</script> \
    https://a.example/`<img src=x onerror=alert(6)>`";

/// The elements a Markdown renderer writes for the notice's own Markdown:
/// anything else in its HTML came from input.
const ALLOWED: &[&str] = &[
    "a",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "em",
    "strong",
    "code",
    "pre",
    "br",
    "blockquote",
    "hr",
    "del",
    "s",
];

/// Every `(kind, field)` whose value is or holds text, from the schema; a
/// declaration's display name counts as the field `name`.
fn text_fields() -> BTreeSet<(String, String)> {
    let mut fields = BTreeSet::new();
    for kind in KINDS {
        fields.insert((kind.keyword.to_owned(), "name".to_owned()));
        for field in kind.written_fields() {
            let holds_text = matches!(
                field.shape,
                Shape::Text
                    | Shape::Phone
                    | Shape::Requirement
                    | Shape::Basis
                    | Shape::Right
                    | Shape::Setting
            );
            if holds_text {
                fields.insert((kind.keyword.to_owned(), field.keyword.to_owned()));
            }
            for inner in schema::block(field.keyword).unwrap_or_default() {
                if inner.is_written() && matches!(inner.shape, Shape::Text) {
                    fields.insert((
                        kind.keyword.to_owned(),
                        format!("{}.{}", field.keyword, inner.keyword),
                    ));
                }
            }
        }
    }
    // A kind with no name in the language (the rule settings, a
    // translation) has none;
    // `templates` names a folder, and a folder that is not there stops the
    // build, as it should.
    fields.retain(|(kind, field)| {
        (field != "name" || (kind != "rules" && kind != "translation"))
            && !(kind == "policy" && field == "templates")
    });
    fields
}

/// A string of the source: where its text ends (before the closing quote
/// or the closing `"""` line), and the field it belongs to.
struct Literal {
    field: (String, String),
    end: usize,
    /// A `"` string, in which a backslash starts an escape.
    quoted: bool,
}

fn text_args<'a>(
    args: &'a [Arg],
    out: &mut Vec<&'a candor::source::Spanned<candor::syntax::tree::Text>>,
) {
    for arg in args {
        match arg {
            Arg::Text(text) => out.push(text),
            Arg::Clause(_, inner) => text_args(std::slice::from_ref(inner), out),
            _ => {}
        }
    }
}

fn collect(kind: &str, prefix: &str, fields: &[Field], source: &str, out: &mut Vec<Literal>) {
    for field in fields {
        let name = format!("{prefix}{}", field.key.node);
        let mut texts = Vec::new();
        text_args(&field.args, &mut texts);
        for text in texts {
            out.push(Literal {
                field: (kind.to_owned(), name.clone()),
                end: text_end(source, text.span.start as usize, text.span.end as usize),
                quoted: !text.node.prose,
            });
        }
        if let Some(block) = &field.block {
            collect(kind, &format!("{name}."), block, source, out);
        }
    }
}

/// Where the text of a string or prose block spanning `start..end` ends:
/// after its last character that is not a space (a prose block's closing
/// line keeps its indentation).
fn text_end(source: &str, start: usize, end: usize) -> usize {
    let quotes = if source[start..].starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let inner = &source[start + quotes..end - quotes];
    start + quotes + inner.trim_end().len()
}

fn literals(source: &str) -> Vec<Literal> {
    let file = SourceFile::new("p.policy".into(), source);
    let parsed = candor::syntax::parse(FileId::default(), &file);
    let mut out = Vec::new();
    for decl in &parsed.file.declarations {
        let kind = decl.keyword.node.clone();
        if let Some(name) = &decl.name {
            out.push(Literal {
                field: (kind.clone(), "name".to_owned()),
                end: text_end(source, name.span.start as usize, name.span.end as usize),
                quoted: !name.node.prose,
            });
        }
        collect(&kind, "", &decl.fields, source, &mut out);
    }
    out
}

/// The `.md` outputs of a policy source, or `None` when it does not build
/// (a payload a rule refuses, as in an email field).
fn markdown_outputs(source: &str) -> Option<Vec<(&'static str, String)>> {
    let mut sources = Sources::new();
    sources.add(SourceFile::new("p.policy".into(), source));
    let options = Options {
        today: candor::model::PolicyDate::parse("2026-06-30"),
        ..Options::default()
    };
    let compiled = compile_sources(sources, &[], &options);
    if compiled.has_errors() {
        if std::env::var_os("MD_DEBUG").is_some() {
            eprintln!(
                "{:?}",
                compiled
                    .diagnostics
                    .iter()
                    .map(|d| &d.message)
                    .collect::<Vec<_>>()
            );
        }
        return None;
    }
    // The Markdown only: the HTML, JSON and exports are not read here.
    let outputs = render::render_only(compiled.policy.as_ref()?, &RenderOptions::default(), |n| {
        n.ends_with(".md")
    })
    .expect("the built-in templates render: the Markdown guard found hazards it could not fix");
    Some(outputs.into_iter().map(|o| (o.name, o.contents)).collect())
}

/// GitHub's Markdown: tables, strikethrough, bare addresses linked, raw
/// HTML passed through (`unsafe`, as a static site generator may set it).
fn gfm_html(md: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    comrak::markdown_to_html(md, &options)
}

/// Every element of an HTML text that is not in [`ALLOWED`], or that has
/// an event handler or an unsafe address: the renderer escapes text, so
/// each `<` followed by a letter starts an element.
fn live_markup(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if name.is_empty() {
            continue;
        }
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let lower = tag.to_ascii_lowercase();
        let handler = lower
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .any(|attr| attr.starts_with("on") && attr.contains('='));
        let bad_url = ["javascript:", "vbscript:", "data:"].iter().any(|s| {
            lower.contains(&format!("href=\"{s}")) || lower.contains(&format!("src=\"{s}"))
        });
        if !ALLOWED.contains(&name.to_ascii_lowercase().as_str()) || handler || bad_url {
            found.push(format!("<{}>", tag.chars().take(120).collect::<String>()));
        }
    }
    found
}

#[test]
fn every_text_field_is_inert_under_autolinking_renderers() {
    let wanted = text_fields();
    let mut seen = BTreeSet::new();
    let mut written = BTreeSet::new();
    let mut builds = 0;
    let mut failures = Vec::new();
    let mut documents = Vec::new();
    for path in FIXTURES {
        let source = std::fs::read_to_string(path).expect("the fixture reads");
        assert!(
            markdown_outputs(&source).is_some(),
            "{path} builds as written"
        );
        for literal in literals(&source) {
            written.insert(literal.field.clone());
            let mut hostile = source.clone();
            let payload = if literal.quoted {
                PAYLOAD.replace('\\', "\\\\")
            } else {
                PAYLOAD.to_owned()
            };
            hostile.insert_str(literal.end, &payload);
            let Some(outputs) = markdown_outputs(&hostile) else {
                continue;
            };
            builds += 1;
            let printed = outputs.iter().any(|(_, md)| md.contains("ok.example"));
            if printed {
                seen.insert(literal.field.clone());
            }
            for (name, md) in outputs {
                let live = live_markup(&gfm_html(&md));
                if !live.is_empty() {
                    failures.push(format!("{path} {:?} -> {name}: {live:?}", literal.field));
                }
                if printed && documents.len() < 400 {
                    documents.push(md);
                }
            }
        }
    }
    assert!(failures.is_empty(), "live markup:\n{}", failures.join("\n"));
    let unwritten: Vec<_> = wanted.difference(&written).collect();
    assert!(
        unwritten.is_empty(),
        "text fields no fixture writes: {unwritten:?}"
    );
    // Fields no `.md` output prints (the JSON and the exports do) have
    // nothing to test here; every other one must be reached, and the list
    // holds only fields really not printed.
    let not_printed: BTreeSet<(String, String)> = NOT_PRINTED
        .iter()
        .map(|(k, f)| ((*k).to_owned(), (*f).to_owned()))
        .collect();
    let unprinted: BTreeSet<_> = wanted.difference(&seen).cloned().collect();
    assert_eq!(
        unprinted, not_printed,
        "the text fields that no `.md` output prints ({builds} builds)"
    );
    assert!(builds > 100, "only {builds} hostile builds");
    markdown_it_check(&documents);
}

/// Text fields that no `.md` output prints (the JSON and the exports do):
/// checked by the test to be really absent, so that the list cannot hide a
/// printed field.
const NOT_PRINTED: &[(&str, &str)] = &[
    ("children", "name"),
    ("controller", "security"),
    ("cookie", "basis.text"),
    ("dataset", "security"),
    ("item", "text"),
    ("policy", "id_prefix"),
    ("policy", "language"),
    ("policy", "text"),
    ("processing", "operations"),
    ("processing", "security"),
    ("rights", "name"),
    ("rules", "allow"),
    ("rules", "deny"),
    ("rules", "warn"),
    ("subject", "text"),
    ("third_party", "arrangement"),
    ("third_party", "location"),
    ("third_party", "shares"),
    ("third_party", "text"),
    ("vendor", "url"),
    ("vendor", "tracking_domains"),
];

/// markdown-it (the renderer of many documentation sites) with `linkify`
/// and raw HTML, through `tests/md_linkify.py`, when a Python with
/// markdown-it-py and linkify-it-py is at hand (`.ci/run` installs them
/// into target/fides-venv; under `CI=true` they are required).
fn markdown_it_check(documents: &[String]) {
    let python = Path::new("target/fides-venv/bin/python");
    let ready = std::process::Command::new(python)
        .args(["-c", "import markdown_it, linkify_it"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ready {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must have markdown-it-py and linkify-it-py: `.ci/run` installs them into target/fides-venv"
        );
        eprintln!("skipped the markdown-it check: no target/fides-venv with markdown-it-py");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (i, md) in documents.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.md")), md).expect("written");
    }
    let run = std::process::Command::new(python)
        .arg("tests/md_linkify.py")
        .arg(dir.path())
        .output()
        .expect("python runs");
    assert!(
        run.status.success(),
        "markdown-it finds live markup:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn the_report_payload_is_inert() {
    // The finding as reported: the policy title.
    let source = std::fs::read_to_string("tests/fixtures/valid/complete.policy")
        .expect("the fixture reads")
        .replacen(
            "policy shop \"Privacy Notice\"",
            "policy shop \"Notice https://ok.example/<img src=x onerror=alert(document.domain)>\"",
            1,
        );
    let outputs = markdown_outputs(&source).expect("builds");
    for (name, md) in outputs {
        assert!(
            !md.contains("\\<img"),
            "{name}: a backslash an autolink can take"
        );
        assert_eq!(live_markup(&gfm_html(&md)), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn a_clean_address_stays_linked_on_github() {
    let md = "See https://shop.example/privacy for more.\n";
    let guarded = candor::render::md_guard::guard(md).expect("guarded");
    assert_eq!(guarded, md);
    assert!(gfm_html(&guarded).contains("<a href=\"https://shop.example/privacy\">"));
}
