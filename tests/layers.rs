//! Layers import only downward: syntax < schema/model < law and the views <
//! check and render < commands. This reads the `crate::` paths of `src/`
//! (outside `#[cfg(test)]` tails and `//` comments, as
//! `/work/shared/tools/cycles.py` does) and fails on any cycle between
//! top-level modules. The `declare_kind!` knot (model, schema, resolve,
//! syntax) counts as one module: its parts are generated from one list.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules that are one node.
const KNOT: &[&str] = &["model", "schema", "resolve", "syntax"];

fn node(module: &str) -> String {
    if KNOT.contains(&module) {
        "model+schema+resolve+syntax".to_owned()
    } else {
        module.to_owned()
    }
}

/// Every `.rs` file under `dir`, as (path relative to `root`, text).
fn sources(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under src/");
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).expect("readable")));
        }
    }
}

/// The lowercase identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a file's code (not its tests or comments) names
/// through `crate::`.
fn targets(text: &str) -> BTreeSet<String> {
    let code = text.find("#[cfg(test)]").map_or(text, |cut| &text[..cut]);
    let code: String = code
        .lines()
        .map(|l| l.find("//").map_or(l, |c| &l[..c]))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::b, c::{d, e}};`: the first word of each item.
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        start = false;
                        let word = ident(&group[j..]);
                        if !word.is_empty() {
                            out.insert(word.to_owned());
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let word = ident(rest);
            if !word.is_empty() {
                out.insert(word.to_owned());
            }
        }
    }
    out
}

/// The edges between nodes, each with the files that make it.
fn edges(files: &[(String, String)]) -> BTreeMap<(String, String), Vec<String>> {
    let modules: BTreeSet<String> = files
        .iter()
        .map(|(rel, _)| {
            rel.split('/')
                .next()
                .unwrap_or(rel)
                .trim_end_matches(".rs")
                .to_owned()
        })
        .filter(|m| m != "lib" && m != "main")
        .collect();
    let mut edges: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (rel, text) in files {
        let module = rel.split('/').next().unwrap_or(rel).trim_end_matches(".rs");
        if module == "lib" || module == "main" {
            continue;
        }
        for target in targets(text) {
            if modules.contains(&target) && node(&target) != node(module) {
                let by = edges.entry((node(module), node(&target))).or_default();
                if !by.contains(rel) {
                    by.push(rel.clone());
                }
            }
        }
    }
    edges
}

/// The groups of nodes that reach each other (strongly connected, more than
/// one node), each with the edges inside it.
fn cycles(edges: &BTreeMap<(String, String), Vec<String>>) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().push(to);
        next.entry(to).or_default();
    }
    let reach = |start: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        while let Some(n) = stack.pop() {
            for &m in &next[n] {
                if seen.insert(m) {
                    stack.push(m);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<&str>> = next.keys().map(|&n| (n, reach(n))).collect();
    let mut groups: BTreeSet<Vec<String>> = BTreeSet::new();
    for (&n, r) in &reached {
        let group: Vec<String> = reached
            .iter()
            .filter(|(m, rm)| r.contains(*m) && rm.contains(n))
            .map(|(m, _)| (*m).to_owned())
            .collect();
        if group.len() > 1 {
            groups.insert(group);
        }
    }
    groups.into_iter().collect()
}

#[test]
fn top_level_modules_import_without_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 50, "src/ read: {} files", files.len());
    let edges = edges(&files);
    let found = cycles(&edges);
    let mut report = String::new();
    for group in &found {
        report.push_str(&format!("cycle: {}\n", group.join(" <-> ")));
        for ((from, to), by) in &edges {
            if group.contains(from) && group.contains(to) {
                report.push_str(&format!("  {from} -> {to}: {}\n", by.join(", ")));
            }
        }
    }
    assert!(
        found.is_empty(),
        "modules import each other (a lower layer must not name a higher one):\n{report}"
    );
}

#[test]
fn a_cycle_is_found_and_tests_and_comments_are_not_read() {
    let file = |rel: &str, text: &str| (rel.to_owned(), text.to_owned());
    let files = [
        file(
            "law/mod.rs",
            "use crate::model::Policy;\nuse crate::{text, views::flows};\n",
        ),
        file(
            "views/mod.rs",
            "fn f() { crate::model::x(); }\n// crate::check::y\n",
        ),
        file(
            "text.rs",
            "fn t() {}\n#[cfg(test)]\nmod tests { use crate::law; }\n",
        ),
        file("check/mod.rs", "use crate::{law::{self, Law}, render};\n"),
        file(
            "render/mod.rs",
            "use crate::{\n    law,\n    check::rules,\n};\n",
        ),
        file("model/mod.rs", "use crate::syntax::Tree;\n"),
        file("syntax/mod.rs", "use crate::schema::KINDS;\n"),
        file("schema/mod.rs", "use crate::model::Policy;\n"),
    ];
    let edges = edges(&files);
    let names: Vec<String> = edges.keys().map(|(a, b)| format!("{a}->{b}")).collect();
    assert_eq!(
        names,
        [
            "check->law",
            "check->render",
            "law->model+schema+resolve+syntax",
            "law->text",
            "law->views",
            "render->check",
            "render->law",
            "views->model+schema+resolve+syntax",
        ]
    );
    assert_eq!(
        cycles(&edges),
        [vec!["check".to_owned(), "render".to_owned()]]
    );
}

/// A file's code without its tests and `//` comments.
fn code(text: &str) -> String {
    let code = text.find("#[cfg(test)]").map_or(text, |cut| &text[..cut]);
    code.lines()
        .map(|l| l.find("//").map_or(l, |c| &l[..c]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_rules_and_the_exports_read_the_views_not_each_other() {
    // `check` and `render` sit side by side above the views: a fact an
    // export is made of and a rule reads (the GPP fields, whether the app
    // tracks) is derived once below both (`law`, `views`), so that neither
    // reads the other's derivation.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    let mut found = Vec::new();
    for (rel, text) in &files {
        let code = code(text);
        if rel.starts_with("check/")
            && (code.contains("render::export") || code.contains("render::{"))
        {
            found.push(format!("{rel} reads an export"));
        }
        if rel.starts_with("render/")
            && (code.contains("crate::check") || code.contains("check::{"))
        {
            found.push(format!("{rel} reads a rule"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
