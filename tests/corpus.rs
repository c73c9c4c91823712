//! The corpus (`tests/fixtures/corpus/`): small policies modelled on
//! different kinds of published notices (an ad-funded publisher, an
//! employer, a B2B SaaS, a mobile app with location data, a retailer with a
//! loyalty programme). Each must compile without errors; its findings and
//! its Markdown are snapshots (so a rule that starts or stops firing on a
//! real shape shows up in review); its HTML must print every fact its
//! source states, and never "not stated" unless a finding says why.

use std::path::{Path, PathBuf};

use candor::model::{Policy, PolicyDate};
use candor::render::{self, RenderOptions};
use candor::{Options, compile};

/// The date the corpus is checked on, so that `ccpa::last-updated` does not
/// drift with the calendar.
const TODAY: &str = "2026-12-01";

fn policies() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/corpus")
        .expect("the corpus directory exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn name(dir: &Path) -> String {
    dir.file_name()
        .expect("a directory name")
        .to_string_lossy()
        .into_owned()
}

/// The HTML as text: tags dropped, the entities candor writes decoded,
/// runs of white space made one space.
fn plain(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
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
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    squash(&text)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The beginning of a prose field as it reads once rendered: up to the
/// first Markdown mark, at most 40 characters.
fn prose_start(prose: &str) -> String {
    let flat = squash(prose);
    let end = flat.find(['[', '*', '`', '_', '#']).unwrap_or(flat.len());
    flat[..end]
        .chars()
        .take(40)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Every fact the source states that a reader must be able to find in the
/// notice, as `(where, text)`: values printed as written, and the start of
/// each prose field.
fn stated_facts(policy: &Policy) -> Vec<(String, String)> {
    let mut facts: Vec<(String, String)> = Vec::new();
    let mut value = |what: String, v: &str| facts.push((what, squash(v)));
    if let Some(c) = &policy.controller {
        value("controller".into(), &c.name);
        for v in [&c.address, &c.phone, &c.email, &c.url]
            .into_iter()
            .flatten()
        {
            value(format!("controller {}", c.id), v);
        }
    }
    for c in &policy.contacts {
        for v in [&c.email, &c.phone, &c.url, &c.address]
            .into_iter()
            .flatten()
        {
            value(format!("contact {}", c.id), v);
        }
    }
    for v in &policy.vendors {
        value(format!("vendor {}", v.id), &v.name);
        for x in [&v.url, &v.location].into_iter().flatten() {
            value(format!("vendor {}", v.id), x);
        }
    }
    for c in &policy.cookies {
        value(format!("cookie {}", c.id), &c.name);
        if let Some(d) = &c.duration {
            value(format!("cookie {} duration", c.id), d);
        }
        for b in &c.bases {
            for x in [&b.interest, &b.withdraw].into_iter().flatten() {
                value(format!("cookie {} basis", c.id), x);
            }
        }
    }
    for t in &policy.transfers {
        if let Some(to) = &t.to {
            value(format!("transfer {} to", t.id), to);
        }
    }
    for r in &policy.retention {
        for x in [&r.period, &r.criteria].into_iter().flatten() {
            value(format!("retention {}", r.id), x);
        }
    }
    for r in &policy.recipients {
        value(format!("recipient {}", r.id), &r.name);
        if let Some(l) = &r.location {
            value(format!("recipient {} location", r.id), l);
        }
    }
    for t in &policy.third_parties {
        value(format!("third party {}", t.id), &t.name);
    }
    for d in policy.table_datasets() {
        value(format!("dataset {}", d.id), &d.name);
    }
    for d in &policy.datasets {
        for i in &d.collects {
            value(format!("dataset {} collects", d.id), &policy.get(i).name);
        }
        for b in &d.bases {
            if let Some(w) = &b.condition {
                value(format!("dataset {} basis when", d.id), w);
            }
            if let Some(i) = &b.interest {
                value(format!("dataset {} interest", d.id), i);
            }
            if let Some(w) = &b.withdraw {
                value(format!("dataset {} withdraw", d.id), w);
            }
        }
    }
    for c in &policy.ccpa {
        value(format!("ccpa {}", c.id), &c.name);
        for i in &c.items {
            value(format!("ccpa {} item", c.id), &policy.get(i).name);
        }
        for s in &c.subjects {
            value(format!("ccpa {} subject", c.id), &policy.get(s).name);
        }
        for s in &c.sources {
            value(format!("ccpa {} source", c.id), &policy.get(s).name);
        }
        for p in &c.purposes {
            value(format!("ccpa {} purpose", c.id), &policy.get(p).name);
        }
    }
    for d in &policy.definitions {
        value(format!("definition {}", d.id), &d.name);
    }
    for b in &policy.rights {
        for r in &b.rights {
            value(format!("rights {} right", b.id), &r.name);
        }
        for c in &b.request_methods {
            value(format!("rights {} method", b.id), &policy.get(c).name);
        }
        if let Some(n) = b.response_days {
            value(
                format!("rights {} response_days", b.id),
                &format!("{n} days"),
            );
        }
        if let Some(n) = b.extension_days {
            value(
                format!("rights {} extension_days", b.id),
                &format!("{n} more days"),
            );
        }
    }
    for c in &policy.children {
        if let Some(age) = c.minimum_age {
            value(
                format!("children {} minimum_age", c.id),
                &format!("under {age}"),
            );
        }
        if c.sells_under_16.is_some() {
            value(format!("children {} sells_under_16", c.id), "under 16");
        }
    }
    // Prose fields: their beginning.
    let mut prose = |what: String, p: &Option<String>| {
        if let Some(p) = p {
            facts.push((what, prose_start(p)));
        }
    };
    for b in &policy.rights {
        prose(format!("rights {} verification", b.id), &b.verification);
        prose(format!("rights {} agents", b.id), &b.agents);
        prose(
            format!("rights {} opt_out_signals", b.id),
            &b.opt_out_signals,
        );
        prose(format!("rights {} text", b.id), &b.text);
    }
    for p in &policy.purposes {
        prose(format!("purpose {} incentive", p.id), &p.incentive);
        prose(format!("purpose {} logic", p.id), &p.logic);
        prose(format!("purpose {} consequences", p.id), &p.consequences);
    }
    for d in &policy.datasets {
        prose(
            format!("dataset {} required", d.id),
            &d.required.as_ref().and_then(|r| r.consequence.clone()),
        );
    }
    for i in &policy.items {
        prose(
            format!("item {} required", i.id),
            &i.required.as_ref().and_then(|r| r.consequence.clone()),
        );
    }
    for t in &policy.transfers {
        prose(format!("transfer {} copy", t.id), &t.copy);
    }
    for r in &policy.recipients {
        prose(format!("recipient {} shares", r.id), &r.shares);
    }
    for c in &policy.children {
        prose(format!("children {} text", c.id), &c.text);
    }
    facts.retain(|(_, f)| !f.is_empty());
    facts
}

#[test]
fn the_corpus_holds_five_kinds_of_notice() {
    let names: Vec<String> = policies().iter().map(|p| name(p)).collect();
    assert!(names.len() >= 5, "{names:?}");
}

#[test]
fn every_corpus_policy_builds_and_publishes_its_facts() {
    for dir in policies() {
        let name = name(&dir);
        let compiled = compile(
            &dir,
            &Options {
                today: PolicyDate::parse(TODAY),
                ..Options::default()
            },
        )
        .expect("the policy loads");
        assert!(
            !compiled.has_errors(),
            "{name} has errors: {:#?}",
            compiled.diagnostics
        );
        let mut findings: Vec<String> = compiled
            .diagnostics
            .iter()
            .map(|d| format!("{} {}: {}", d.severity.as_str(), d.code, d.message))
            .collect();
        findings.sort();
        let policy = compiled.policy.expect("a resolved model");
        let outputs = render::render(&policy, &RenderOptions::default())
            .expect("the built-in templates render");
        let file = |n: &str| {
            outputs
                .iter()
                .find(|o| o.name == n)
                .map(|o| o.contents.as_str())
                .expect("the output exists")
        };
        insta::with_settings!({ snapshot_suffix => name.clone() }, {
            insta::assert_snapshot!("findings", findings.join("\n"));
            insta::assert_snapshot!("markdown", file("privacy-policy.md"));
        });

        let html = file("privacy-policy.html");
        let text = plain(html);
        let unstated = findings
            .iter()
            .any(|f| f.contains("ccpa::disclosure-unstated"));
        assert!(
            unstated || !text.contains("not stated"),
            "{name}: the HTML prints \"not stated\" although no finding says a fact is unstated"
        );
        let missing: Vec<String> = stated_facts(&policy)
            .into_iter()
            .filter(|(_, fact)| !text.contains(fact.as_str()) && !html.contains(fact.as_str()))
            .map(|(what, fact)| format!("{what}: {fact:?}"))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: facts the source states that its HTML does not show:\n{}",
            missing.join("\n")
        );
    }
}

#[test]
fn corpus_files_are_in_the_canonical_layout() {
    for dir in policies() {
        for entry in std::fs::read_dir(&dir).expect("a policy directory") {
            let path = entry.expect("an entry").path();
            if path.extension().is_none_or(|e| e != "policy") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a policy file");
            let formatted = candor::format::format_str(&text).expect("the file parses");
            assert!(
                formatted == text,
                "{} is not formatted: run `candor fmt {}`",
                path.display(),
                dir.display()
            );
        }
    }
}
