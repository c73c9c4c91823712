//! The US state rights section (`insert state_rights`) for a business under
//! many state laws: what the laws share is said once, what differs is said
//! where it differs, naming the states (issue #21, item 7).

use std::path::Path;

use candor::{Options, compile};

/// The Markdown notice of a policy, which must compile without errors.
fn markdown_of(path: &Path) -> String {
    let compiled = compile(path, &Options::default()).expect("the policy loads");
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    let policy = compiled.policy.expect("a resolved model");
    crate::support::notice_markdown(&policy)
}

/// The state rights section of a Markdown notice: from its intro to the next
/// bold caption or heading that is not its own.
fn section(md: &str) -> &str {
    let start = md
        .find("If you live in Colorado")
        .expect("the section's intro");
    let rest = &md[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

fn national_retailer() -> String {
    markdown_of(Path::new("tests/fixtures/corpus/national_retailer"))
}

#[test]
fn a_business_under_eighteen_state_laws_states_its_sale_once() {
    let md = national_retailer();
    let s = section(&md);
    // One sentence for the sale, not eighteen near-identical ones.
    assert_eq!(s.matches("defines a sale").count(), 1, "{s}");
    assert!(
        s.contains(
            "Harbor & Pine sells personal data as each of these laws defines a sale (an exchange of \
             personal data for monetary or other valuable consideration; for monetary \
             consideration only in Virginia, Utah, Iowa, Tennessee, Indiana and Kentucky); you may \
             opt out of the sale."
        ),
        "{s}"
    );
    // No per-state line, and the rights are listed once.
    assert!(
        !s.contains("- Colorado:") && !s.contains("- Virginia:"),
        "{s}"
    );
    assert_eq!(s.matches("- Right to access:").count(), 1, "{s}");
    assert_eq!(s.matches("**How to appeal:**").count(), 1, "{s}");
    // One group serving every law: no "Residents of" heading repeating the
    // eighteen names.
    assert!(!s.contains("Residents of"), "{s}");
    assert!(
        s.contains("**Your rights, in each of these states:**"),
        "{s}"
    );
}

#[test]
fn the_differences_name_the_states_they_concern() {
    let md = national_retailer();
    let s = section(&md);
    let differences = &s[s
        .find("**Where the state laws differ:**")
        .expect("the list")..];
    for line in [
        // Utah's right to correct began on 1 July 2026 (H.B. 418), after this
        // notice's date (30 June 2026); Iowa's law has none.
        "- In Utah and Iowa, the law grants no right to correct inaccurate personal data.",
        "- In Iowa, the law grants no right to opt out of targeted advertising.",
        "- In Utah and Iowa, the law grants no right to opt out of profiling",
        "- In Oregon and Minnesota, you may also ask for a list of the specific third parties",
        "- In Utah, the law provides no appeal of a refused request.",
        "- In New Jersey and Minnesota, the personal data of a consumer known to be 13 to 16 years old may not be sold or processed for targeted advertising without the consumer’s consent.",
        "- In Maryland, the personal data of a consumer known, or who should have been known, to be under 18 may not be sold or processed for targeted advertising at all.",
        // The buyers by name (R.I. Gen. Laws §6-48.1-3(a)(2)).
        "- In Rhode Island, the law asks the notice to name every third party to which personal data is sold or may be sold: Summit Gear Co. and Wayfarer Travel Group (partner brands).",
    ] {
        assert!(
            differences.contains(line),
            "missing {line:?} in:\n{differences}"
        );
    }
}

#[test]
fn the_right_to_correct_follows_the_notice_date() {
    // Dated after Utah's right to correct began, the notice no longer says
    // Utah lacks it; Iowa still does.
    let dir = std::env::temp_dir().join(format!("candor-state-rights-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let text = std::fs::read_to_string("tests/fixtures/corpus/national_retailer/policy.policy")
        .expect("the corpus policy")
        .replace("updated 2026-06-30", "updated 2026-07-01");
    let path = dir.join("policy.policy");
    std::fs::write(&path, text).expect("the policy is written");
    let md = markdown_of(&path);
    let _ = std::fs::remove_dir_all(&dir);
    let s = section(&md);
    assert!(
        s.contains("- In Iowa, the law grants no right to correct inaccurate personal data."),
        "{s}"
    );
    assert!(
        !s.contains("Utah and Iowa, the law grants no right to correct"),
        "{s}"
    );
}

#[test]
fn laws_that_answer_differently_get_a_line_each() {
    // Colorado and Texas count other valuable consideration, Virginia money
    // only: the fixture's advertising networks give other valuable
    // consideration, so the answers part.
    let md = markdown_of(Path::new("tests/fixtures/valid/us-states.policy"));
    let s = section(&md);
    assert!(
        s.contains("as the privacy laws of Colorado and Texas define a sale (an exchange of personal data for monetary or other valuable consideration); you may opt out of the sale."),
        "{s}"
    );
    assert!(
        s.contains("does not sell personal data as the privacy law of Virginia defines a sale (an exchange of personal data for monetary consideration)."),
        "{s}"
    );
}

#[test]
fn several_rights_blocks_each_get_a_heading_naming_their_states() {
    // Without `covers`, Virginia and Texas have no rights block of their
    // own: the section says whose rights the block's are, and that the
    // other two have none listed.
    let dir = std::env::temp_dir().join(format!("candor-state-groups-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let text = std::fs::read_to_string("tests/fixtures/valid/us-states.policy")
        .expect("the fixture")
        .replace("  covers virginia, texas\n", "");
    let path = dir.join("policy.policy");
    std::fs::write(&path, text).expect("the policy is written");
    let compiled = compile(&path, &Options::default()).expect("the policy loads");
    let _ = std::fs::remove_dir_all(&dir);
    let policy = compiled.policy.expect("a resolved model");
    let md = crate::support::notice_markdown(&policy);
    let s = section(&md);
    assert!(s.contains("**Residents of Colorado**"), "{s}");
    assert!(s.contains("**Residents of Virginia and Texas**"), "{s}");
    assert!(!s.contains("in each of these states"), "{s}");
    // The sale is still said once per answer, not once per group.
    assert_eq!(
        s.matches("defines a sale").count() + s.matches("define a sale").count(),
        2,
        "{s}"
    );
}
