//! What the notice says about selling, sharing and opt-out preference
//! signals, read against the facts (issue #21, item 4): a vague signal
//! sentence does not back `gpc.json`; no signal statement is owed when
//! nothing is sold or shared; a denial of selling beside a row the table
//! prints as sold is an error, a denial narrowed to minors is not.

use std::path::PathBuf;

use candor::check::EXAMPLE_TODAY;
use candor::source::{SourceFile, Sources};
use candor::{Options, compile_sources};

fn codes_of(text: &str) -> Vec<String> {
    let mut sources = Sources::new();
    sources.add(SourceFile::new(PathBuf::from("inline.policy"), text));
    let options = Options {
        today: Some(EXAMPLE_TODAY),
        levels: Vec::new(),
    };
    compile_sources(sources, &[], &options)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/rules/{path}")).expect("the fixture")
}

const DESCRIBED: &str = "We treat a Global Privacy Control signal from your browser as a request to opt out of sale and sharing.";

#[test]
fn a_vague_signal_sentence_does_not_back_gpc_json() {
    let pass = fixture("structure/gpc-signals.pass.policy");
    assert!(pass.contains(DESCRIBED));
    assert!(!codes_of(&pass).contains(&"structure::gpc-signals".to_owned()));
    assert!(!codes_of(&pass).contains(&"structure::gpc-signals-how".to_owned()));
    // The sentence `ccpa::opt-out-signals` rejects: it names no effect and
    // nothing it applies to.
    let vague = pass.replace(DESCRIBED, "We honour opt-out preference signals.");
    assert!(!codes_of(&vague).contains(&"structure::gpc-signals".to_owned()));
    assert!(
        codes_of(&vague).contains(&"structure::gpc-signals-how".to_owned()),
        "{:?}",
        codes_of(&vague)
    );
}

#[test]
fn no_signal_statement_is_owed_when_nothing_is_sold_or_shared() {
    // Identifiers shared with ad networks, and a statement that names no
    // effect and no scope: reported.
    let shared = fixture("ccpa/opt-out-signals.fail.policy");
    assert!(codes_of(&shared).contains(&"ccpa::opt-out-signals".to_owned()));
    // The same notice with no statement at all: still owed.
    let silent = shared.replace(
        "  opt_out_signals \"We honour opt-out preference signals.\"\n",
        "",
    );
    assert!(codes_of(&silent).contains(&"ccpa::opt-out-signals".to_owned()));
    // Once nothing is sold or shared (the ad networks gone), nothing is owed.
    let quiet = silent.replace("  shared yes\n", "  shared no\n").replace(
        "third_parties providers, ad_networks",
        "third_parties providers",
    );
    assert!(
        !codes_of(&quiet).contains(&"ccpa::opt-out-signals".to_owned()),
        "{:?}",
        codes_of(&quiet)
    );
}

#[test]
fn a_denial_narrowed_to_minors_is_not_a_denial_of_every_sale() {
    let fail = fixture("ccpa/prose-denial.fail.policy");
    assert!(codes_of(&fail).contains(&"ccpa::prose-denial".to_owned()));
    let narrowed = fail.replace(
        "\"We do not sell or share your personal information.\"",
        "\"We do not sell or share the personal information of consumers we know to be under 16.\"",
    );
    assert!(!codes_of(&narrowed).contains(&"ccpa::prose-denial".to_owned()));
    // A choice offered to the reader is not a denial either.
    let choice = fail.replace(
        "\"We do not sell or share your personal information.\"",
        "\"You may tell us not to sell or share your personal information.\"",
    );
    assert!(!codes_of(&choice).contains(&"ccpa::prose-denial".to_owned()));
}

#[test]
fn a_denial_beside_a_stated_sale_names_the_row() {
    let fail = fixture("ccpa/prose-denial.fail.policy");
    // The row states `sold yes` itself, and the third party does not pay.
    let stated = fail
        .replace("  consideration money\n", "  consideration none\n")
        .replace(
            "  sources you\n  third_parties",
            "  sources you\n  sold yes\n  third_parties",
        );
    let mut sources = Sources::new();
    sources.add(SourceFile::new(PathBuf::from("inline.policy"), &stated));
    let compiled = compile_sources(
        sources,
        &[],
        &Options {
            today: Some(EXAMPLE_TODAY),
            levels: Vec::new(),
        },
    );
    let denial = compiled
        .diagnostics
        .iter()
        .find(|d| d.code == "ccpa::prose-denial")
        .expect("the finding");
    assert!(
        denial.message.contains("prints `identifiers` as sold"),
        "{}",
        denial.message
    );
    assert!(
        denial
            .secondary
            .iter()
            .any(|s| s.message.as_deref() == Some("`sold yes`")),
        "{denial:?}"
    );
}
