//! The corpus (`tests/fixtures/corpus/`): small policies modelled on
//! different kinds of published notices (an ad-funded publisher, an
//! employer, a B2B SaaS, a mobile app with location data, a retailer with a
//! loyalty programme, a Connecticut shop under the state law's own labels, a
//! national retailer that declares all nineteen US state laws).
//! Each must compile without errors; its findings and
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
    crate::support::corpus()
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
    // Each of `values` that is stated, under the label `what`.
    let mut value = |what: String, values: &[Option<&String>]| {
        for v in values.iter().flatten() {
            facts.push((what.clone(), squash(v)));
        }
    };
    if let Some(c) = &policy.controller {
        let details = [Some(&c.name), c.address.as_ref(), c.phone.as_ref()];
        value("controller".into(), &details);
        value("controller".into(), &[c.email.as_ref(), c.url.as_ref()]);
    }
    for c in &policy.contacts {
        let details = [c.email.as_ref(), c.phone.as_ref(), c.url.as_ref()];
        value(format!("contact {}", c.id), &details);
        value(format!("contact {}", c.id), &[c.address.as_ref()]);
    }
    for v in &policy.vendors {
        let details = [Some(&v.name), v.url.as_ref(), v.location.as_ref()];
        value(format!("vendor {}", v.id), &details);
    }
    for c in &policy.cookies {
        value(
            format!("cookie {}", c.id),
            &[Some(&c.name), c.duration.as_ref()],
        );
        for b in &c.bases {
            let details = [b.interest.as_ref(), b.withdraw.as_ref()];
            value(format!("cookie {} basis", c.id), &details);
        }
    }
    for t in &policy.transfers {
        value(format!("transfer {} to", t.id), &[t.to.as_ref()]);
    }
    for r in &policy.retention {
        let details = [r.period.as_ref(), r.criteria.as_ref()];
        value(format!("retention {}", r.id), &details);
    }
    for r in &policy.recipients {
        let details = [Some(&r.name), r.location.as_ref()];
        value(format!("recipient {}", r.id), &details);
    }
    for d in policy.table_datasets() {
        value(format!("dataset {}", d.id), &[Some(&d.name)]);
    }
    for d in &policy.datasets {
        for i in &d.collects {
            value(
                format!("dataset {} collects", d.id),
                &[Some(&policy.get(i).name)],
            );
        }
        for b in &d.bases {
            let details = [
                b.condition.as_ref(),
                b.interest.as_ref(),
                b.withdraw.as_ref(),
            ];
            value(format!("dataset {} basis", d.id), &details);
        }
    }
    // A derived row states nothing of its own: its facts are the data
    // sets', checked above.
    for c in policy.ccpa.iter().filter(|c| !c.derived) {
        value(format!("ccpa {}", c.id), &[Some(&c.name)]);
        let names = c
            .items
            .iter()
            .map(|i| &policy.get(i).name)
            .chain(c.subjects.iter().map(|s| &policy.get(s).name))
            .chain(c.sources.iter().map(|s| &policy.get(s).name))
            .chain(c.purposes.iter().map(|p| &policy.get(p).name))
            .map(Some)
            .collect::<Vec<_>>();
        value(format!("ccpa {} column", c.id), &names);
    }
    for d in &policy.definitions {
        value(format!("definition {}", d.id), &[Some(&d.name)]);
    }
    for b in &policy.rights {
        let names = b
            .rights
            .iter()
            .map(|r| &r.name)
            .chain(b.request_methods.iter().map(|c| &policy.get(c).name))
            .map(Some)
            .collect::<Vec<_>>();
        value(format!("rights {}", b.id), &names);
        let days = b.response_days.map(|n| format!("{n} days"));
        let more = b.extension_days.map(|n| format!("{n} more days"));
        value(
            format!("rights {} days", b.id),
            &[days.as_ref(), more.as_ref()],
        );
    }
    for c in &policy.children {
        // The age prints as a fact line unless the text already gives it
        // ("under 13").
        let minimum = c.minimum_age.map(|age| {
            let under = format!("under {age}");
            if c.text.as_deref().is_some_and(|t| t.contains(&under)) {
                under
            } else {
                format!("Minimum age: {age}")
            }
        });
        let sixteen = c.sells_under_16.map(|_| "under 16".to_owned());
        value(
            format!("children {}", c.id),
            &[minimum.as_ref(), sixteen.as_ref()],
        );
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
