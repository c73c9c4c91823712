//! GDPR Art. 14 for data obtained from someone other than the person: the
//! notice names each such source (issue 10). The categories obtained are
//! `gdpr::indirect-categories`; a public source's wording is
//! `gdpr::public-source`.

use crate::diagnostic::Diagnostic;
use crate::model::words::SourceKind;
use crate::model::{Block, Dataset, Insert, Source};

use super::context::{Ctx, noun};
use super::text;
use super::{Rule, finding, rule};

pub(super) static RULES: &[Rule] = &[rule!(gdpr::"indirect-source", Warning,
    summary: "the notice says where data obtained from others comes from",
    citation: "GDPR Art. 14(2)(f), Recital 61",
    since: "2018-05-25",
    explanation: "\
    When data is not obtained from the person, the notice says \"from which source the personal data \
    originate\" (Art. 14(2)(f)); where several sources make naming each impossible, general \
    information on them (Recital 61). The notice prints no `sources` list of its own: a source \
    reaches the reader through a collection method the notice prints (`insert methods`) or through \
    the prose. A source of another party (an account owner, a third party, a public source, a data \
    broker) that a data set draws on, drawn on by no printed method and named in no prose (none of \
    half of the distinctive words of its name appear in one passage), leaves the reader unaware that the data came from \
    someone else.",
    check: indirect_source,
)];

/// Words of a source's name too common to show that prose names it.
const COMMON: &[&str] = &[
    "from",
    "with",
    "that",
    "this",
    "their",
    "your",
    "other",
    "others",
    "data",
    "information",
    "personal",
    "party",
    "parties",
    "third",
    "source",
    "sources",
    "such",
    "some",
    "when",
    "where",
    "which",
    "about",
    "provide",
    "provided",
    "company",
    "companies",
    "part",
    "services",
];

fn indirect_source(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let printed = printed_methods(ctx);
    for (index, source) in p.sources.iter().enumerate() {
        if !source.kind.is_some_and(SourceKind::is_indirect) {
            continue;
        }
        let draws_on = |d: &&Dataset| {
            d.sources.iter().any(|s| s.index() == index)
                || d.methods
                    .iter()
                    .any(|m| p.get(m).sources.iter().any(|s| s.index() == index))
        };
        let users: Vec<&Dataset> = p.datasets.iter().filter(draws_on).collect();
        let Some(first) = users.first() else {
            continue;
        };
        let through_printed_method = p
            .methods
            .iter()
            .zip(&printed)
            .any(|(m, printed)| *printed && m.sources.iter().any(|s| s.index() == index));
        if through_printed_method || named(ctx, source, &users) {
            continue;
        }
        out.push(
            finding(
                source.span,
                format!(
                    "{} `{}` draws on source `{}`, but the notice never says that data comes from it",
                    noun(first),
                    first.id,
                    source.id
                ),
            )
            .with_label("data obtained from someone other than the person")
            .with_secondary(first.span, "obtains data from it")
            .with_help(format!(
                "name the source where the data set is described, e.g. `text \"we receive this data from {}\"`, or list it in the `sources` of a `method` the notice prints with `insert methods` (Art. 14(2)(f))",
                source.name
            )),
        );
    }
}

/// Per method: whether the notice prints it (`insert methods`, with no ids
/// for all of them).
fn printed_methods(ctx: &Ctx<'_>) -> Vec<bool> {
    let p = ctx.policy;
    let mut printed = vec![false; p.methods.len()];
    for section in &p.sections {
        for block in &section.blocks {
            if let Block::Insert {
                insert: Insert::Methods { methods },
            } = block
            {
                if methods.is_empty() {
                    printed.fill(true);
                }
                for m in methods {
                    printed[m.index()] = true;
                }
            }
        }
    }
    printed
}

/// Whether the notice's prose, or the name of a data set drawing on the
/// source, names it: at least half of the distinctive words of its name
/// (its whole name when none is distinctive) in one piece of prose, so
/// that "through your admin, the relevant Account Owner" names the source
/// "your admin, the relevant Account Owner", and a stray "business" does
/// not name "LeadCo business lists".
fn named(ctx: &Ctx<'_>, source: &Source, users: &[&Dataset]) -> bool {
    let name = text::normalize(&source.name);
    let mut words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !COMMON.contains(w))
        .collect();
    if words.is_empty() {
        words.push(name.trim());
    }
    if words.iter().any(|w| w.is_empty()) {
        // A source without a name: nothing to look for.
        return true;
    }
    let needed = words.len().div_ceil(2);
    let says = |t: &str| {
        let t = text::normalize(t);
        words.iter().filter(|w| t.contains(*w)).count() >= needed
    };
    // The prose the notice prints (a source's or a method's own text is
    // printed only through a method, checked above).
    ctx.prose
        .iter()
        .filter(|prose| prose.kind != "source" && prose.kind != "method")
        .any(|prose| says(prose.text))
        || users.iter().any(|d| says(&d.name))
}
