//! The CI gate of `candor diff --fail-on material`: a material change must
//! be announced.
//!
//! A material change is announced when the new version moves its
//! `updated` date (the date readers see, which the CCPA asks for:
//! Cal. Civ. Code §1798.130(a)(5), Cal. Code Regs. tit. 11, §7011(e)(4);
//! Colorado: 4 CCR 904-3 Rule 6.03) and, where the law behind the change
//! asks that people be told first ([`super::law::Law::notice_first`]), when
//! the version does not take effect before it is published: its
//! `effective` date (or, without one, its `updated` date) is not earlier
//! than its `updated` date.

use super::{Class, Diff};
use crate::model::{Policy, PolicyDate};

/// One reason the gate fails: a message and its help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unannounced {
    /// What is wrong, in lower case, with no final period.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Why the material changes of `diff` from `old` to `new` are not
/// announced; empty when they are (or when there are none).
#[must_use]
pub fn unannounced(diff: &Diff, old: &Policy, new: &Policy) -> Vec<Unannounced> {
    let material: Vec<_> = diff
        .changes
        .iter()
        .filter(|c| c.class == Class::Material)
        .collect();
    if material.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let moved = match (old.updated, new.updated) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(o), Some(n)) => later(n, o),
    };
    if !moved {
        let shown = new
            .updated
            .map_or_else(|| "no date".to_owned(), |d| format!("`updated {d}`"));
        out.push(Unannounced {
            message: format!(
                "{} material change{} but the policy still says {shown}",
                material.len(),
                if material.len() == 1 { "" } else { "s" }
            ),
            help: "set `updated` to the day this version is published (and `effective` to the day it applies, if later), so that readers can see that the notice changed".to_owned(),
        });
    }
    if let Some(published) = new.updated {
        let effective = new.effective.unwrap_or(published);
        if later(published, effective) {
            let mut laws: Vec<&str> = Vec::new();
            for change in &material {
                if let Some(law) = change.law.filter(|l| l.notice_first)
                    && !laws.contains(&law.cites)
                {
                    laws.push(law.cites);
                }
            }
            if !laws.is_empty() {
                out.push(Unannounced {
                    message: format!(
                        "`effective {effective}` is earlier than the publication (`updated {published}`), but {} ask{} that people be told before the change applies",
                        laws.join("; "),
                        if laws.len() == 1 { "s" } else { "" }
                    ),
                    help: format!(
                        "set `effective` to {published} or later, or leave it out so that the version applies when it is published"
                    ),
                });
            }
        }
    }
    out
}

/// Whether `a` is later than `b`; a month stands for its first day.
fn later(a: PolicyDate, b: PolicyDate) -> bool {
    a.day_number() > b.day_number()
}
