//! Each generated sentence rests on a stated fact: what a fact does not
//! say is not printed as if it did (review of the generated text, after
//! issue #26).
//!
//! - `frictionless no` says only that opt-out preference signals are not
//!   processed in the frictionless manner of Cal. Code Regs. tit. 11,
//!   § 7025(f); whether they are honoured is the `opt_out_signals`
//!   statement's to say (`views::signals::read`).
//! - A contact reached by email and by post is one line under its label,
//!   not the label twice.
//! - With no `short_name`, a sentence that opens on the business reads
//!   "We process", not "we process".
//! - With one state law, the ways it differs are paragraphs: a list would
//!   run on, in Markdown, from the list of request methods above it.
//! - A retention period that is no sentence ("13 months after it is
//!   collected") follows its rule's name after a colon, not a full stop.
//! - "only with your consent, which you may withdraw": the withdrawal only
//!   when each data set the consent rests on states how it is withdrawn
//!   ("at any time" no fact states).
//! - Minnesota's right to question the result of a profiling decision
//!   (Minn. Stat. §325M.14 subd. 1(g)) is among the ways the state laws
//!   differ, when a purpose makes such decisions under it.

use std::path::Path;

use candor::{Options, compile};

/// The Markdown notice of a policy (a file or a directory).
fn notice(path: &Path) -> String {
    let compiled = compile(path, &Options::default()).expect("the policy loads");
    let policy = compiled.policy.expect("a resolved model");
    crate::support::notice_markdown(&policy)
}

/// The retailer of the corpus with its `opt_out_signals` statement
/// replaced (`None`: removed), still `frictionless no`.
fn retailer_saying(statement: Option<&str>) -> String {
    let source = std::fs::read_to_string("tests/fixtures/corpus/retailer/policy.policy")
        .expect("the retailer's policy");
    let line = source
        .lines()
        .find(|l| l.trim_start().starts_with("opt_out_signals "))
        .expect("the retailer states how it treats signals");
    assert!(
        source.contains("\n  frictionless no\n"),
        "the retailer says `frictionless no`"
    );
    let replaced = match statement {
        Some(s) => source.replace(line, &format!("  opt_out_signals \"{s}\"")),
        None => source.replace(&format!("{line}\n"), ""),
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("policy.policy"), replaced).expect("written");
    notice(dir.path())
}

/// The line of the CCPA rights block about signals.
fn signals_line(md: &str) -> &str {
    md.lines()
        .find(|l| l.starts_with("**Opt-out preference signals:**"))
        .unwrap_or_else(|| panic!("no line on signals:\n{md}"))
}

#[test]
fn frictionless_no_does_not_say_signals_are_honoured() {
    // A statement that does not say how signals are applied.
    let vague = retailer_saying(Some(
        "Our cookie settings page explains Global Privacy Control.",
    ));
    let line = signals_line(&vague);
    assert!(!line.contains("honored"), "{line}");
    assert!(
        line.contains(
            "Opt-out preference signals are not processed in a frictionless manner \
             (Cal. Code Regs. tit. 11, § 7025(f))."
        ),
        "{line}"
    );
    // No statement at all.
    let silent = retailer_saying(None);
    let line = signals_line(&silent);
    assert!(!line.contains("honored"), "{line}");
    assert!(
        line.contains("not processed in a frictionless manner"),
        "{line}"
    );
    // A refusal: never followed by a sentence that says they are honoured.
    let refused = retailer_saying(Some(
        "Our website does not respond to Global Privacy Control signals.",
    ));
    let line = signals_line(&refused);
    assert!(!line.contains("honored"), "{line}");
}

#[test]
fn frictionless_no_after_a_statement_that_honours_signals() {
    let md = notice(Path::new("tests/fixtures/corpus/retailer"));
    let line = signals_line(&md);
    assert!(
        line.ends_with(
            "for your account. Opt-out preference signals are honored, but not in a frictionless \
             manner (Cal. Code Regs. tit. 11, § 7025(f))."
        ),
        "{line}"
    );
    assert!(!line.contains("more information"), "{line}");
}

#[test]
fn a_contact_with_an_email_and_an_address_has_its_label_once() {
    let md = notice(Path::new("tests/fixtures/corpus/food_delivery"));
    let who = &md[md.find("## Who we are").expect("the controller's section")..];
    let who = &who[..who[3..].find("\n## ").expect("a next section") + 3];
    assert_eq!(who.matches("Data protection officer:").count(), 1, "{who}");
    assert!(
        who.contains(
            "Data protection officer: dpo@forkful.example; Forkful, Data Protection Officer, \
             10 Hanover Quay, Dublin 2, D02 K510, Ireland"
        ),
        "{who}"
    );
    // The same contact among the ways to make a request.
    assert!(
        md.contains(
            "\n- Data Protection Officer: dpo@forkful.example; Forkful, Data Protection Officer, \
             10 Hanover Quay"
        ),
        "{md}"
    );
    assert!(!md.contains("\n- Data Protection Officer: Forkful"), "{md}");
}

/// A Minneapolis landlord that scores rental applications: no `short_name`,
/// Minnesota only, one purpose that decides who is offered a lease.
const LANDLORD: &str = "tests/fixtures/rules/minnesota/question-profiling.pass.policy";

#[test]
fn a_sentence_that_opens_on_the_business_is_capitalised() {
    let md = notice(Path::new(LANDLORD));
    assert!(
        md.contains(
            "\nWe process personal data for profiling in furtherance of decisions that produce \
             legal or similarly significant effects; you may opt out of it."
        ),
        "{md}"
    );
    assert!(
        md.contains("\nWe do not sell personal data as the privacy law of Minnesota"),
        "{md}"
    );
    for line in md.lines() {
        assert!(
            !line.starts_with("we "),
            "a sentence opens in lower case: {line}"
        );
    }
}

#[test]
fn minnesota_question_profiling_is_among_the_differences() {
    let md = notice(Path::new(LANDLORD));
    assert!(
        md.contains(
            "\n\nIn Minnesota, you may also question the result of profiling in furtherance of \
             decisions that produce legal or similarly significant effects, be told the reason \
             for the decision and what could have led to a different one, review the personal \
             data used and, if the decision rested on inaccurate data, have the data corrected \
             and the decision reevaluated."
        ),
        "{md}"
    );
    // Without a purpose that makes such decisions, the difference is not said.
    let source = std::fs::read_to_string(LANDLORD).expect("the fixture");
    let without = source.replace("  automated_decisions yes\n", "");
    assert_ne!(source, without);
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("policy.policy"), without).expect("written");
    let md = notice(dir.path());
    assert!(!md.contains("question the result"), "{md}");
}

#[test]
fn one_states_differences_do_not_run_on_from_the_request_methods() {
    let md = notice(Path::new("tests/fixtures/corpus/utah_store"));
    assert!(
        md.contains(
            "\n- Email: privacy@summittrail.example\n\nIn Utah, the law grants no right to opt \
             out of profiling"
        ),
        "{md}"
    );
    assert!(
        md.contains("\n\nIn Utah, the law provides no appeal of a refused request.\n"),
        "{md}"
    );
    assert!(!md.contains("\n- In Utah"), "{md}");
}

#[test]
fn a_retention_period_that_is_no_sentence_follows_a_colon() {
    let md = notice(Path::new("tests/fixtures/corpus/connecticut"));
    assert!(
        md.contains("\n- Browsing and advertising data: 13 months after it is collected\n"),
        "{md}"
    );
    assert!(!md.contains("Browsing and advertising data. 13"), "{md}");
}

#[test]
fn consent_to_sensitive_data_is_said_withdrawable_only_when_the_facts_say_how() {
    let sentence = "Leafwise processes sensitive data, as the privacy law of Virginia defines it, \
                    only with your consent";
    let md = notice(Path::new("tests/fixtures/corpus/virginia_health"));
    assert!(
        md.contains(&format!("{sentence}, which you may withdraw.\n")),
        "{md}"
    );
    assert!(!md.contains("withdraw at any time"), "{md}");
    // The same app, its consent basis not saying how it is withdrawn.
    let source = std::fs::read_to_string("tests/fixtures/corpus/virginia_health/policy.policy")
        .expect("the policy");
    let line = source
        .lines()
        .find(|l| l.trim_start().starts_with("withdraw "))
        .expect("a withdrawal");
    let without = source.replace(&format!("{line}\n"), "");
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("policy.policy"), without).expect("written");
    let md = notice(dir.path());
    assert!(md.contains(&format!("{sentence}.\n")), "{md}");
}
