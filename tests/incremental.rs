//! The language server's incremental analysis against a full `check`: after
//! each of a series of edits to the bundled policy (wording, an id removed
//! and restored that other files refer to, an id added before the others,
//! duplicates, a second `policy`, typos, an emptied file), the server's
//! findings are those of `candor check` on the same texts, and the model
//! that incremental resolution builds renders every output as a full
//! resolution's does.

use std::path::{Path, PathBuf};

use candor::Options;
use candor::lsp::Project;
use candor::render::{RenderOptions, render};
use candor::resolve::{Incremental, resolve};
use candor::source::Sources;
use candor::syntax::{parse, tree::File};

/// One edit: the file, the text replaced, its replacement.
struct Edit {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    /// What the step shows, for the failure message.
    what: &'static str,
}

const EDITS: &[Edit] = &[
    Edit {
        file: "purposes.policy",
        from: "We will use this data to respond",
        to: "We use this data to respond",
        what: "a change of wording",
    },
    Edit {
        file: "items.policy",
        from: "item email_address \"email address\" { ccpa A }\n",
        to: "",
        what: "an id that other files refer to removed",
    },
    Edit {
        file: "items.policy",
        from: "item name \"name\"",
        to: "item email_address \"email address\" { ccpa A }\nitem name \"name\"",
        what: "the id declared again, first in its file",
    },
    Edit {
        file: "items.policy",
        from: "item name \"name\"",
        to: "item fax \"fax number\"\nitem name \"name\"",
        what: "an id added before the others, moving their places",
    },
    Edit {
        file: "items.policy",
        from: "item website_usage",
        to: "item spare \"spare item\"\nitem website_usage",
        what: "an unused id added late in a file",
    },
    Edit {
        file: "items.policy",
        from: "item name \"name\"",
        to: "item name \"full name\"",
        what: "a change of wording above it, moving where it is written",
    },
    Edit {
        file: "ccpa.policy",
        from: "",
        to: "purpose respond_to_inquiry \"Inquiries\" { text \"To answer you.\" }\n",
        what: "an earlier file declaring an id again",
    },
    Edit {
        file: "datasets.policy",
        from: "purposes ",
        to: "purpses ",
        what: "a misspelt field, with a suggestion",
    },
    Edit {
        file: "ccpa.policy",
        from: "",
        to: "policy other \"Other\" { updated 2024-01 jurisdictions gdpr outline intro }\n",
        what: "a second policy declaration, in an earlier file",
    },
    Edit {
        file: "recipients.policy",
        from: "*",
        to: "",
        what: "a file emptied",
    },
];

#[test]
fn incremental_findings_and_model_match_a_full_check_after_every_edit() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let originals = copy_policy(dir.path());
    let mut project = Project::load(dir.path());
    let mut resolver = Incremental::new();
    let mut trees = parse_all(dir.path()).1;
    let first = resolver.resolve(&trees, &[], &parse_all(dir.path()).0, &[]);
    resolver.restore(first.policy);
    compare(
        &mut project,
        &mut resolver,
        &mut trees,
        dir.path(),
        &[],
        "the bundled policy",
    );
    assert_eq!(project.files_lowered(), originals.len());

    let mut reverts = Vec::new();
    for edit in EDITS {
        let path = dir.path().join(edit.file);
        let old = std::fs::read_to_string(&path).expect("read");
        let new = match edit.from {
            "" => format!("{}{old}", edit.to),
            "*" => String::new(),
            from => {
                assert!(
                    old.contains(from),
                    "{}: `{from}` is in {}",
                    edit.what,
                    edit.file
                );
                old.replacen(from, edit.to, 1)
            }
        };
        reverts.push((edit.file, old));
        let mut state = (&mut project, &mut resolver, &mut trees[..]);
        write(&mut state, dir.path(), edit.file, &new, edit.what);
        if edit.what == "a change of wording" {
            // The point of it all: one file lowered, not fourteen.
            assert_eq!(project.files_lowered(), 1, "a change of wording");
        }
    }
    // Every edit undone, one file at a time, newest first.
    for (file, old) in reverts.into_iter().rev() {
        let mut state = (&mut project, &mut resolver, &mut trees[..]);
        write(&mut state, dir.path(), file, &old, "an edit undone");
    }
    let findings = project.analyse().to_vec();
    assert!(
        !findings
            .iter()
            .any(candor::diagnostic::Diagnostic::is_error)
    );
}

/// Gives `file` a new text, on disk and in the server, and compares.
fn write(
    (project, resolver, trees): &mut (&mut Project, &mut Incremental, &mut [File]),
    dir: &Path,
    file: &str,
    text: &str,
    what: &str,
) {
    let path = dir.join(file);
    std::fs::write(&path, text).expect("write");
    project.set_text(&path, text);
    compare(project, resolver, trees, dir, &[file], what);
}

/// Checks the server's findings against `candor check`'s, and the model of
/// incremental resolution against a full resolution's.
fn compare(
    project: &mut Project,
    resolver: &mut Incremental,
    trees: &mut [File],
    dir: &Path,
    changed_files: &[&str],
    what: &str,
) {
    let full = candor::compile(dir, &Options::default()).expect("the policy loads");
    let incremental = project.analyse().to_vec();
    for (id, file) in full.sources.iter() {
        assert_eq!(
            project.source(id).path,
            file.path,
            "{what}: the same file ids"
        );
    }
    assert_eq!(incremental, full.diagnostics, "{what}: the findings differ");

    let (sources, fresh, broken) = parse_all(dir);
    let changed: Vec<bool> = sources
        .iter()
        .map(|(_, f)| changed_files.iter().any(|c| f.path.ends_with(c)))
        .collect();
    for (tree, new) in trees.iter_mut().zip(&fresh) {
        *tree = new.clone();
    }
    let kept = resolver.resolve(trees, &changed, &sources, &broken);
    let whole = resolve(trees, &sources, &broken);
    assert_eq!(
        kept.diagnostics, whole.diagnostics,
        "{what}: resolution differs"
    );
    same_text(
        &format!("{:?}", kept.policy),
        &format!("{:?}", whole.policy),
        &format!("{what}: the models differ"),
    );
    let clean = full.policy.is_some() && !full.has_errors();
    if let (Some(kept), Some(whole), true) = (&kept.policy, &whole.policy, clean) {
        // References print as ids; rendering follows their places.
        let render = |p| {
            render(p, &RenderOptions::default())
                .expect("renders")
                .into_iter()
                .map(|o| o.contents)
                .collect::<Vec<_>>()
        };
        assert!(render(kept) == render(whole), "{what}: the outputs differ");
    }
    resolver.restore(kept.policy);
}

/// Asserts that two long texts are equal, showing where they part.
fn same_text(a: &str, b: &str, what: &str) {
    if a != b {
        let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let cut = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(200))
                .take(400)
                .collect::<String>()
        };
        panic!(
            "{what}:\n  incremental: ...{}\n  full: ...{}",
            cut(a),
            cut(b)
        );
    }
}

/// Copies the bundled policy into `dir`; returns the file names.
fn copy_policy(dir: &Path) -> Vec<PathBuf> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir("policy").expect("the bundled policy") {
        let path = entry.expect("an entry").path();
        let name = PathBuf::from(path.file_name().expect("a file name"));
        std::fs::copy(&path, dir.join(&name)).expect("copy");
        names.push(name);
    }
    names
}

/// Every file under `dir` parsed, as `compile` parses them.
fn parse_all(dir: &Path) -> (Sources, Vec<File>, Vec<String>) {
    let (sources, _) = Sources::load(dir).expect("the policy loads");
    let mut trees = Vec::new();
    let mut broken = Vec::new();
    for (id, file) in sources.iter() {
        let parsed = parse(id, file);
        trees.push(parsed.file);
        broken.extend(parsed.broken_ids);
    }
    (sources, trees, broken)
}
