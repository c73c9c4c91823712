//! The catalogues per language (issue 22): `templates/wording.tera`, the
//! English source, and its translations in `templates/locales/<tag>/`.
//!
//! - Every translation has exactly the English catalogue's components,
//!   each with the same parameters and the same keys (the string literals
//!   a component compares its parameters with): a key missing from, or
//!   extra in, any language fails here.
//! - Every view (the notice and the California page, Markdown and HTML) of
//!   every corpus policy and of the bundled policy, rendered in every
//!   language, prints no raw key and no template syntax, and a page in a
//!   language other than English holds none of the English catalogue's
//!   phrases.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use candor::locale::Locale;
use candor::model::translation::{Translation, TranslationEntry, fingerprint, source_blocks};
use candor::render::templates::{CATALOGUES, catalogue};
use candor::render::{self, RenderOptions};
use candor::{Options, compile};

/// A component's parameters and keys.
#[derive(Debug, PartialEq, Eq)]
struct Component {
    params: Vec<String>,
    keys: BTreeSet<String>,
}

/// The components of a catalogue, by name.
fn components(text: &str) -> BTreeMap<String, Component> {
    let mut out = BTreeMap::new();
    let mut rest = text;
    while let Some(at) = rest.find("{% component w.") {
        let after = &rest[at + "{% component w.".len()..];
        let open = after.find('(').expect("a component's parameters");
        let close = after.find(')').expect("a component's parameters close");
        let name = after[..open].to_owned();
        let params = after[open + 1..close]
            .split(',')
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        let end_tag = format!("endcomponent w.{name}");
        let end = after
            .find(&end_tag)
            .unwrap_or_else(|| panic!("`w.{name}` has no end"));
        let body = &after[close..end];
        let mut keys = BTreeSet::new();
        let mut b = body;
        while let Some(k) = b.find("== \"") {
            let key = &b[k + 4..];
            let stop = key.find('"').expect("a closed key");
            keys.insert(key[..stop].to_owned());
            b = &key[stop..];
        }
        assert!(
            out.insert(name.clone(), Component { params, keys })
                .is_none(),
            "`w.{name}` is declared twice"
        );
        rest = &after[end..];
    }
    out
}

#[test]
fn every_catalogue_has_the_english_components_parameters_and_keys() {
    let english = components(catalogue(Locale::En));
    assert!(english.len() > 60, "{} components", english.len());
    assert!(english["fact_label"].keys.contains("interest"));
    for (locale, text) in CATALOGUES {
        let translated = components(text);
        let missing: Vec<&String> = english
            .keys()
            .filter(|k| !translated.contains_key(*k))
            .collect();
        let extra: Vec<&String> = translated
            .keys()
            .filter(|k| !english.contains_key(*k))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "`{locale}`: missing components {missing:?}, extra {extra:?}"
        );
        for (name, en) in &english {
            let tr = &translated[name];
            assert_eq!(en.params, tr.params, "`{locale}` `w.{name}`: parameters");
            let missing: Vec<&String> = en.keys.difference(&tr.keys).collect();
            let extra: Vec<&String> = tr.keys.difference(&en.keys).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "`{locale}` `w.{name}`: missing keys {missing:?}, extra keys {extra:?}"
            );
        }
    }
}

#[test]
fn a_missing_or_extra_key_is_caught() {
    let english = components(catalogue(Locale::En));
    let broken = catalogue(Locale::De).replace("key == \"withdraw\"", "key == \"widerruf\"");
    let broken = components(&broken);
    assert_ne!(english["fact_label"], broken["fact_label"]);
}

/// The corpus policies and the bundled one.
fn policies() -> Vec<PathBuf> {
    let mut dirs = crate::support::corpus();
    dirs.push(PathBuf::from("policy"));
    dirs
}

/// A policy published in every language, each block of its prose
/// "translated" into a marker that no catalogue contains, so that every
/// word left on a page comes from the catalogue or from the facts.
fn in_every_language(path: &Path) -> candor::model::Policy {
    let options = Options {
        today: candor::model::PolicyDate::parse("2026-12-01"),
        levels: Vec::new(),
    };
    let compiled = compile(path, &options).expect("the policy loads");
    let mut policy = compiled.policy.expect("the policy resolves");
    let blocks = source_blocks(&policy);
    policy.languages = Locale::ALL.to_vec();
    policy.translations = Locale::ALL
        .into_iter()
        .skip(1)
        .map(|locale| Translation {
            locale,
            span: policy.span,
            entries: blocks
                .iter()
                .map(|b| TranslationEntry {
                    kind: b.kind,
                    id: b.id.clone(),
                    path: b.path.clone(),
                    fingerprint: fingerprint(&b.text),
                    fingerprint_span: b.span,
                    text: "⁂".to_owned(),
                    span: b.span,
                })
                .collect(),
        })
        .collect();
    policy
}

/// A page's text: tags dropped, entities decoded, white space collapsed.
fn text_of(page: &str) -> String {
    let mut text = String::with_capacity(page.len());
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace('\\', "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The English catalogue's phrases: each run of literal text of four
/// words or more between template tags, less the citations (the same in
/// every language).
fn english_phrases() -> Vec<String> {
    let text = catalogue(Locale::En);
    let mut phrases = BTreeSet::new();
    let mut rest = text;
    loop {
        let next = ["{%", "{{", "{#"].iter().filter_map(|m| rest.find(m)).min();
        let literal = &rest[..next.unwrap_or(rest.len())];
        for piece in literal.split(['\n', '(', ')', ';', ':']) {
            let piece = piece.trim().trim_end_matches(['.', ',']);
            let words = piece.split_whitespace().count();
            if words >= 4 && !piece.contains("Cal.") && !piece.contains('§') {
                phrases.insert(piece.to_owned());
            }
        }
        let Some(at) = next else { break };
        let close = match &rest[at..at + 2] {
            "{%" => "%}",
            "{{" => "}}",
            _ => "#}",
        };
        let end = rest[at..].find(close).map_or(rest.len(), |e| at + e + 2);
        rest = &rest[end..];
    }
    phrases.into_iter().collect()
}

/// What a catalogue's fallback would print (`{{ key }}`) or a template
/// that failed to expand: keys with a dot or an underscore, and template
/// syntax.
fn raw_keys() -> Vec<String> {
    let mut keys: BTreeSet<String> = components(catalogue(Locale::En))
        .into_values()
        .flat_map(|c| c.keys)
        .filter(|k| k.contains(['.', '_']))
        .collect();
    keys.extend(["{{", "{%", "}}", "%}", "not_stated", "<w.", "/>"].map(str::to_owned));
    keys.into_iter().collect()
}

#[test]
fn every_view_in_every_language_prints_no_raw_key_and_no_english() {
    let phrases = english_phrases();
    assert!(phrases.len() > 50, "{} phrases", phrases.len());
    assert!(
        phrases
            .iter()
            .any(|p| p == "Categories of recipients of Personal Data")
    );
    let keys = raw_keys();
    assert!(keys.iter().any(|k| k == "controller.name"));
    let mut pages = 0;
    for path in policies() {
        let policy = in_every_language(&path);
        // The translated pages only (`de/privacy-policy.html`, ...): the
        // source language's outputs and the exports are not read here.
        let outputs = render::render_only(&policy, &RenderOptions::default(), |name| {
            name.contains('/')
        })
        .expect("the policy renders");
        for output in &outputs {
            let Some((tag, file)) = output.name.split_once('/') else {
                continue;
            };
            if !(file.ends_with(".html") || file.ends_with(".md")) {
                continue;
            }
            let locale = Locale::from_tag(tag).expect("a language's directory");
            let text = text_of(&output.contents);
            pages += 1;
            for key in &keys {
                assert!(
                    !text.contains(key.as_str()),
                    "{} `{}` prints the raw key `{key}`",
                    path.display(),
                    output.name
                );
            }
            if locale == Locale::En {
                continue;
            }
            for phrase in &phrases {
                assert!(
                    !text.contains(phrase.as_str()),
                    "{} `{}` prints the English catalogue's \"{phrase}\"",
                    path.display(),
                    output.name
                );
            }
        }
    }
    // Every corpus policy in six languages besides its own, at least the
    // notice in both formats.
    assert!(pages >= 15 * 6 * 2, "{pages} pages");
}
