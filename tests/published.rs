//! Every fact is published: a checker that approves a fact no visitor can
//! read approves nothing (ARCHITECTURE.md, the first principle of the model).
//!
//! The test walks the schema: every field of every kind (and of the `basis`
//! and `right` blocks) must either show in the published HTML of
//! `tests/fixtures/published/markers.policy`, or be listed in
//! [`NOT_PRINTED`] with the reason. A text field shows its marker
//! `M_<kind>_<field>`; a reference field names a declaration called
//! `M_<kind>_<field>`; a word, number or yes/no field shows as [`SHOWN`]
//! says. A new field fails the test until it is printed or classified.
//! A field classified as internal ([`INTERNAL`]) is, moreover, removed from
//! every policy the tests hold, one at a time: when a finding changes, a
//! rule reads it, and what a rule reads must be published.

use std::path::Path;

use candor::model::PolicyDate;
use candor::render::{self, RenderOptions};
use candor::schema::{self, BASIS_FIELDS, CONSENT_FIELDS, RIGHT_FIELDS};
use candor::{Options, compile};

/// Fields that do not print as such, each with why that is right.
const NOT_PRINTED: &[(&str, &str, &str)] = &[
    (
        "policy",
        "jurisdictions",
        "decides which laws' rules run and which outputs are written (ccpa.* only under `ccpa`); each law's rights block and tables are what a reader sees",
    ),
    (
        "policy",
        "languages",
        "prints as each page's language switcher and hreflang links, and each language's pages in out/<tag>/; a policy with translations is needed to see them, which tests/languages.rs checks on the corpus policy published in three languages",
    ),
    (
        "policy",
        "outline",
        "the order of the sections, which the page follows",
    ),
    (
        "policy",
        "templates",
        "a build setting: where the templates come from",
    ),
    (
        "policy",
        "id_prefix",
        "a build setting: the prefix of every HTML id",
    ),
    (
        "policy",
        "heading_level",
        "a build setting: the HTML heading levels",
    ),
    (
        "policy",
        "text",
        "the policy's own note; the page prints its sections",
    ),
    (
        "item",
        "ccpa",
        "published through the CCPA table row that covers the letter (`ccpa::item-category` checks that every letter has one)",
    ),
    (
        "purpose",
        "third_parties",
        "narrows which third parties a purpose's data goes to, from which Colorado's per-purpose sold and targeted advertising answers are derived (`law::colorado`); `insert colorado_purposes` prints those answers, and the CCPA table prints the third parties of each category",
    ),
    (
        "item",
        "text",
        "an annotation kept with the item; the notice prints the item's name",
    ),
    (
        "subject",
        "text",
        "an annotation kept with the group; the notice prints its name",
    ),
    (
        "source",
        "kind",
        "classifies the source for the rules; the notice prints the source's name",
    ),
    (
        "purpose",
        "targeted_advertising",
        "classifies the purpose for the rules; the CCPA table prints what is shared",
    ),
    (
        "dataset",
        "aliases",
        "former ids, kept as anchors of the row",
    ),
    (
        "dataset",
        "purposes",
        "the data table prints each purpose's text, not its name",
    ),
    (
        "dataset",
        "retention",
        "printed by `insert retention` where the author places the retention list",
    ),
    (
        "recipient",
        "datasets",
        "a cross-reference the rules read; each data set's row prints its recipients",
    ),
    (
        "third_party",
        "kind",
        "classifies the third party; the CCPA table prints it under sold to / shared with / disclosed to, derived from it",
    ),
    (
        "third_party",
        "part_of",
        "ties the CCPA category of third parties to a GDPR recipient category, which the recipients table prints",
    ),
    (
        "recipient",
        "part_of",
        "ties the recipient to a broader recipient category, which the recipients table prints",
    ),
    (
        "third_party",
        "arrangement",
        "a `third_party` is named only where third parties are listed; declared with `recipient`, the recipients table prints it",
    ),
    (
        "third_party",
        "shares",
        "a `third_party` is named only where third parties are listed; declared with `recipient`, the recipients table prints it",
    ),
    (
        "third_party",
        "datasets",
        "a cross-reference the rules read; each data set's row prints its recipients",
    ),
    (
        "third_party",
        "location",
        "a `third_party` is named only where third parties are listed; declared with `recipient`, the recipients table prints it",
    ),
    (
        "third_party",
        "consideration",
        "published as the CCPA table's \"Sold\" answer and its sold-to list, derived from it",
    ),
    (
        "third_party",
        "targeted_advertising",
        "published as the CCPA table's \"Shared\" answer and its shared-with list, derived from it",
    ),
    (
        "third_party",
        "text",
        "an annotation kept with the third party; the CCPA table prints its name",
    ),
    (
        "vendor",
        "kind",
        "classifies the vendor for the rules; the cookie list prints its name",
    ),
    (
        "vendor",
        "recipient",
        "ties the vendor to a recipient category, which the recipients table prints",
    ),
    (
        "cookie",
        "basis",
        "a cookie category's lawful basis is read by the rules; its consent and withdrawal are printed",
    ),
    (
        "rights",
        "jurisdiction",
        "the law the block serves; the section holding it says so in its heading",
    ),
    (
        "retention",
        "applies_to",
        "the retention list is placed where the data it governs is described; the CCPA table prints each row's retention",
    ),
    (
        "ccpa",
        "collected",
        "prints as the row's \"Not collected\" (the fixture's second row)",
    ),
    (
        "definition",
        "term",
        "marks the table header (\"Shared(1)\") and puts the definition beside the table",
    ),
    (
        "section",
        "aliases",
        "former ids, kept as anchors of the section",
    ),
    ("section", "insert", "the generated content itself"),
    (
        "rules",
        "allow",
        "a setting of the checker, not a fact about processing",
    ),
    (
        "rules",
        "warn",
        "a setting of the checker, not a fact about processing",
    ),
    (
        "rules",
        "deny",
        "a setting of the checker, not a fact about processing",
    ),
    (
        "policy",
        "exports",
        "a build setting: which files besides the notice are written",
    ),
    (
        "controller",
        "security",
        "published in the record of processing (`ropa.csv`, Art. 30(1)(g)), which is kept for the supervisory authority (Art. 30(4)); the notice says what it wants of security in its own prose",
    ),
    (
        "dataset",
        "security",
        "the same as the controller's `security`, for one activity: the record of processing's column",
    ),
    (
        "item",
        "apple",
        "published in the App Store privacy details and the privacy manifest; `structure::store-label-notice` holds them to the notice's purposes",
    ),
    (
        "item",
        "play",
        "published in the Google Play Data safety form; `structure::store-label-notice` holds it to the notice's purposes",
    ),
    (
        "controller",
        "serves",
        "published in policy.json (`controller.serves`); what a reader sees of it is the notice's French page, which `structure::quebec-french` asks for when the business serves Quebec: where the business's customers are is not a fact the notice owes its readers",
    ),
    (
        "controller",
        "consumer_languages",
        "published in policy.json (`controller.consumer_languages`); what a reader sees of it is the notice's pages in each of those languages and the language switcher between them, which `ccpa::notice-languages` asks for (11 CCR §7003(b)(2) asks for the notice in those languages, not for a list of them)",
    ),
    (
        "controller",
        "accessed_apis",
        "published in the privacy manifest (`NSPrivacyAccessedAPITypes`), which ships in the app and feeds the App Store's privacy report; it declares what the app's code calls, not personal data",
    ),
    (
        "vendor",
        "tracking_domains",
        "published in the privacy manifest (`NSPrivacyTrackingDomains`), which ships in the app; the notice prints the vendor and the targeted advertising `structure::store-label-notice` requires of tracking",
    ),
    (
        "item",
        "ephemeral",
        "published in the Google Play Data safety form (\"Is this data processed ephemerally?\"), which `structure::play-form-facts` asks of every item in it",
    ),
    (
        "item",
        "linked",
        "published in the App Store privacy details (\"Data Linked to You\")",
    ),
    (
        "item",
        "tracking",
        "published in the App Store privacy details (\"Data Used to Track You\"); `structure::store-label-notice` requires the notice to print the targeted advertising it implies",
    ),
    (
        "item",
        "fides",
        "a key of the fideslang taxonomy, published in the `fides.yml` data map; the notice prints the item's name",
    ),
    (
        "subject",
        "fides",
        "a key of the fideslang taxonomy, published in the `fides.yml` data map; the notice prints the subject's name",
    ),
    (
        "subject",
        "context",
        "decides which US state laws reach the group's data (employment and commercial contexts are outside all but California's); the state rights section says whom the laws protect",
    ),
    (
        "subject",
        "children",
        "makes the group's data sensitive under the state laws, which then ask for a parent's consent (`STATE::sensitive-consent`); the notice prints the subject's name",
    ),
    (
        "purpose",
        "apple",
        "published in the App Store privacy details; an advertising label needs a purpose the notice prints as marketing or targeted advertising",
    ),
    (
        "purpose",
        "play",
        "published in the Google Play Data safety form; an advertising label needs a purpose the notice prints as marketing or targeted advertising",
    ),
    (
        "purpose",
        "fides",
        "a key of the fideslang taxonomy, published in the `fides.yml` data map; the notice prints the purpose's name",
    ),
];

/// Fields that print as something other than a marker: what the fixture's
/// value shows as in the HTML.
const SHOWN: &[(&str, &str, &str)] = &[
    ("policy", "updated", "November 2026"),
    ("policy", "effective", "Effective December 1, 2026"),
    ("policy", "language", "lang=\"en\""),
    ("policy", "numbered", "1. M_section_heading"),
    (
        "controller",
        "established",
        "Established in: the United States",
    ),
    (
        "controller",
        "llm_training",
        "Collects, uses or sells personal data to train large language models: no",
    ),
    (
        "controller",
        "encrypted_in_transit",
        "Personal data is encrypted in transit: yes",
    ),
    (
        "controller",
        "account_creation",
        "Ways to create an account: username and password, signing in with another service (OAuth)",
    ),
    (
        "controller",
        "account_deletion",
        "https://example.com/m_controller_account_deletion",
    ),
    (
        "controller",
        "data_deletion",
        "https://example.com/m_controller_data_deletion",
    ),
    ("rights", "covers", "Your rights, in each of these states"),
    ("controller", "phone", "+1 800 555 0101"),
    ("contact", "phone", "+1 800 555 0102"),
    ("item", "special", "M_dataset_collects (health)"),
    (
        "source",
        "public",
        "From publicly accessible sources: M_dataset_sources",
    ),
    (
        "purpose",
        "marketing",
        "Used for direct marketing: M_dataset_purposes",
    ),
    (
        "purpose",
        "profiling",
        "Used for profiling: M_dataset_purposes",
    ),
    (
        "purpose",
        "automated_decisions",
        "Used for automated decisions with legal or similarly significant effects: M_dataset_purposes",
    ),
    (
        "recipient",
        "kind",
        "Type of recipient: a joint controller with us",
    ),
    (
        "recipient",
        "consideration",
        "We receive money for the data",
    ),
    (
        "recipient",
        "targeted_advertising",
        "Uses the data for targeted advertising",
    ),
    (
        "basis",
        "special",
        "Condition for special category data: legal claims (Art. 9(2)(f))",
    ),
    (
        "item",
        "sensitive",
        "Sensitive personal information: M_dataset_collects (health)",
    ),
    (
        "item",
        "required",
        "Providing M_dataset_collects is required.",
    ),
    ("dataset", "required", "Providing this data is optional."),
    ("dataset", "basis", "M_basis_text"),
    (
        "dataset",
        "regions",
        "Where the people are: the European Economic Area, the United Kingdom and the United States",
    ),
    ("dataset", "consent", "M_consent_text"),
    (
        "cookie",
        "essential",
        "Not strictly necessary: these cookies are set only with your consent.",
    ),
    ("transfer", "from", "From: the European Economic Area"),
    (
        "transfer",
        "safeguards",
        "Safeguard: standard contractual clauses",
    ),
    ("rights", "right", "M_right_name"),
    (
        "rights",
        "online_only",
        "As a business that operates exclusively online",
    ),
    ("rights", "response_days", "within 41 days"),
    ("rights", "extension_days", "up to 43 more days"),
    (
        "rights",
        "frictionless",
        "processed in a frictionless manner",
    ),
    (
        "rights",
        "sensitive_other_uses",
        "beyond those the CCPA regulations permit",
    ),
    ("rights", "ten_million", "10,000,000 or more consumers"),
    ("children", "minimum_age", "Minimum age: 17"),
    (
        "children",
        "age",
        "Age of digital consent in the European Economic Area: 16",
    ),
    (
        "children",
        "sells_under_16",
        "We do not sell or share the personal information of consumers we know to be under 16.",
    ),
    ("ccpa", "statutory", "Statutory category A"),
    ("ccpa", "datasets", "M_dataset_name</a>"),
    ("ccpa", "sold", "Sold – yes"),
    ("ccpa", "shared", "Shared – yes"),
    (
        "ccpa",
        "disclosed",
        "Disclosed for a Business Purpose – yes",
    ),
];

fn published() -> String {
    let path = Path::new("tests/fixtures/published");
    let options = Options {
        today: PolicyDate::parse("2026-11-15"),
        ..Options::default()
    };
    let compiled = compile(path, &options).expect("the fixture loads");
    assert!(
        !compiled.has_errors(),
        "markers.policy has errors: {:#?}",
        compiled.diagnostics
    );
    let policy = compiled.policy.expect("a resolved model");
    let outputs = render::render(&policy, &RenderOptions::default()).expect("renders");
    outputs
        .iter()
        .filter(|o| o.name.ends_with(".html"))
        .map(|o| o.contents.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

fn lookup<'a>(table: &'a [(&str, &str, &str)], kind: &str, field: &str) -> Option<&'a str> {
    table
        .iter()
        .find(|(k, f, _)| *k == kind && *f == field)
        .map(|(_, _, v)| *v)
}

/// Every (kind, field) the language has: the kinds' written fields, then
/// the fields of the `basis`, `consent` and `right` blocks.
fn every_field() -> Vec<(&'static str, &'static str)> {
    let mut fields = Vec::new();
    for spec in schema::KINDS {
        // A processing activity is a data set printed as paragraphs: the
        // same fields, printed by the same code (the data set's facts).
        if spec.keyword == "processing" {
            continue;
        }
        for field in spec.written_fields() {
            fields.push((spec.keyword, field.keyword));
        }
    }
    fields.extend(BASIS_FIELDS.iter().map(|f| ("basis", f.keyword)));
    fields.extend(CONSENT_FIELDS.iter().map(|f| ("consent", f.keyword)));
    fields.extend(RIGHT_FIELDS.iter().map(|f| ("right", f.keyword)));
    fields
}

#[test]
fn every_field_is_published_or_says_why_not() {
    let html = published().to_lowercase();
    let fixture = std::fs::read_to_string("tests/fixtures/published/markers.policy")
        .expect("the fixture")
        .to_lowercase();
    let mut missing = Vec::new();
    for (kind, field) in every_field() {
        if let Some(reason) = lookup(NOT_PRINTED, kind, field) {
            assert!(
                !reason.is_empty(),
                "{kind}.{field}: say why it is not printed"
            );
            continue;
        }
        let expected = match lookup(SHOWN, kind, field) {
            Some(shown) => shown.to_lowercase(),
            None => {
                let marker = format!("m_{kind}_{field}");
                if !fixture.contains(&marker) {
                    missing.push(format!(
                        "{kind}.{field}: markers.policy does not set it to `M_{kind}_{field}`"
                    ));
                    continue;
                }
                marker
            }
        };
        let expected = expected.replace('&', "&amp;");
        if !html.contains(&expected) && !html.contains(&expected.replace('"', "&quot;")) {
            missing.push(format!("{kind}.{field} (looked for `{expected}`)"));
        }
    }
    assert!(
        missing.is_empty(),
        "facts the published HTML does not show:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn a_row_not_collected_still_prints_its_own_text() {
    // "We do not collect biometric information; the app never reads your
    // face": a row marked `collected no` says so in its text, which the
    // table prints after "Not collected" rather than dropping it.
    let html = published();
    let at = html
        .find("M_ccpa_not_collected_text")
        .expect("the text of the row not collected is printed");
    let cell = &html[html[..at].rfind("<td").expect("in a cell")..at];
    assert!(
        cell.contains("Not collected") || cell.contains("not collected"),
        "{cell}"
    );
}

#[test]
fn the_tables_name_no_field_twice_or_of_no_kind() {
    let fields = every_field();
    for table in [NOT_PRINTED, SHOWN] {
        for (kind, field, _) in table {
            assert!(
                fields.contains(&(kind, field)),
                "{kind}.{field} is not a field of the language"
            );
        }
    }
    for (kind, field, _) in NOT_PRINTED {
        assert!(
            lookup(SHOWN, kind, field).is_none(),
            "{kind}.{field} is both printed and not printed"
        );
    }
}

/// Every policy file the tests hold: the rules' fixtures, the corpus, the
/// bundled policy's files and the markers.
fn fixture_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "policy") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures/rules",
        "tests/fixtures/corpus",
        "tests/fixtures/published",
        "tests/fixtures/valid",
    ] {
        walk(Path::new(dir), &mut out);
    }
    out.sort();
    out
}

/// The findings of one policy file: code and message, sorted.
fn findings_of(path: &Path, text: &str) -> Vec<String> {
    let mut sources = candor::source::Sources::new();
    sources.add(candor::source::SourceFile::new(path.to_owned(), text));
    let options = Options {
        today: PolicyDate::parse("2026-11-15"),
        ..Options::default()
    };
    let compiled = candor::compile_sources(sources, &[], &options);
    let mut out: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    out.sort();
    out
}

/// Fields that are neither printed nor read by any rule: build settings,
/// former ids and the author's own notes. Removing one from any policy
/// the tests hold changes no finding ([`no_rule_reads_an_internal_field`]);
/// a field a rule reads must be published (the first principle), so it
/// cannot be listed here.
const INTERNAL: &[(&str, &str)] = &[
    ("policy", "templates"),
    ("policy", "id_prefix"),
    ("policy", "heading_level"),
    ("policy", "text"),
    ("item", "text"),
    ("subject", "text"),
    ("dataset", "aliases"),
    ("section", "aliases"),
];

#[test]
fn no_rule_reads_an_internal_field() {
    let mut read = Vec::new();
    let mut tried: Vec<usize> = Vec::new();
    for path in fixture_files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let file = candor::source::SourceFile::new(path.clone(), &text);
        let parsed = candor::syntax::parse(candor::source::FileId::default(), &file);
        let before = findings_of(&path, &file.text);
        for decl in &parsed.file.declarations {
            let Some(spec) = schema::kind(decl.kind.node) else {
                continue;
            };
            for field in &decl.fields {
                let key = (spec.keyword, field.key.node.as_str());
                let Some(at) = INTERNAL.iter().position(|k| *k == key) else {
                    continue;
                };
                tried.push(at);
                let mut changed = file.text.clone();
                changed.replace_range(field.span.start as usize..field.span.end as usize, "");
                if findings_of(&path, &changed) != before {
                    read.push(format!("{}.{} ({})", key.0, key.1, path.display()));
                }
            }
        }
    }
    let untried: Vec<_> = (0..INTERNAL.len())
        .filter(|i| !tried.contains(i))
        .map(|i| INTERNAL[i])
        .collect();
    assert!(
        untried.is_empty(),
        "no policy of the tests sets {untried:?}: set it in markers.policy"
    );
    assert!(
        read.is_empty(),
        "fields listed as internal that a rule reads (publish them, then list them where they print):\n  {}",
        read.join("\n  ")
    );
}

#[test]
fn internal_fields_are_fields_not_printed() {
    for (kind, field) in INTERNAL {
        assert!(
            lookup(NOT_PRINTED, kind, field).is_some(),
            "{kind}.{field} is internal but not in NOT_PRINTED"
        );
    }
}
