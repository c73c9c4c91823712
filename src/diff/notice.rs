//! `candor notice-of-change`: the change notice a business sends to the
//! people its notice is about (by email, in an app), from the same diff
//! the CI gate reads.
//!
//! Material changes come first, in plain words, each linked to the place
//! of the published notice where it can be read; then the other changes,
//! counted rather than listed (a reader does not need each reworded
//! sentence). The dates are the new version's: when it was published and
//! when it applies.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Change, Class, Diff, links};
use crate::model::Policy;

/// The change notice, in Markdown. `url` is where the new version is
/// published (links become `url#anchor`); without it, links are
/// `#anchor`, for a notice printed on the same page as the policy.
#[must_use]
pub fn markdown(diff: &Diff, new: &Policy, url: Option<&str>) -> String {
    let model = serde_json::to_value(new).unwrap_or(Value::Null);
    let anchors = crate::check::anchors::of(new);
    let title = escape(&new.title);
    let mut out = format!("# Changes to our {title}\n\n");
    let who = new
        .controller
        .as_ref()
        .map_or_else(|| "We".to_owned(), |c| escape(&c.name));
    match (new.updated, new.effective) {
        (Some(u), Some(e)) if e != u => {
            let _ = writeln!(
                out,
                "{who} published a new version of the {title} on {}. It takes effect on {}.\n",
                u.long(),
                e.long()
            );
        }
        (Some(u), _) => {
            let _ = writeln!(
                out,
                "{who} published a new version of the {title} on {}, which takes effect on that day.\n",
                u.long()
            );
        }
        (None, _) => {
            let _ = writeln!(out, "{who} published a new version of the {title}.\n");
        }
    }
    let link = |c: &Change| -> Option<String> {
        links::anchor(c, &model, &anchors).map(|a| format!("{}#{a}", url.unwrap_or_default()))
    };
    let material: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.class == Class::Material)
        .collect();
    if material.is_empty() {
        out.push_str("Nothing changes in what we do with your personal data.\n");
    } else {
        out.push_str("## What changes for you\n\n");
        let mut seen: Vec<&str> = Vec::new();
        for c in material {
            if seen.contains(&c.notice.as_str()) {
                continue;
            }
            seen.push(&c.notice);
            let line = escape_notice(&c.notice);
            match link(c) {
                Some(href) => {
                    let _ = writeln!(out, "- {line} [Read more]({href})");
                }
                None => {
                    let _ = writeln!(out, "- {line}");
                }
            }
        }
        out.push('\n');
    }
    let editorial = diff.editorial();
    if editorial > 0 {
        let _ = writeln!(
            out,
            "We also made {editorial} editorial change{} (wording, or doing less with your data): nothing you need to act on.\n",
            if editorial == 1 { "" } else { "s" }
        );
    }
    match url {
        Some(url) => {
            let _ = writeln!(out, "Read the new version: <{url}>");
        }
        None => out.truncate(out.trim_end().len()),
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A display name as Markdown that shows its text.
fn escape(text: &str) -> String {
    crate::render::markdown::escape_text(text)
}

/// A change's sentence, with its own `**` bold marks kept.
pub(crate) fn escape_notice(text: &str) -> String {
    escape(text).replace("\\*\\*", "**")
}
