//! The data map's scenarios, each as a pair of small policies under
//! `tests/fixtures/datamap/`: the same organisation twice, one fact apart
//! (a pixel on one more page, one more recipient, a condition on a basis).
//! Each test reads both as a user sees them: the findings `candor check`
//! reports, and the sentences the notice, its tables and the exports print.
//! A view that read the wrong grain (the whole CCPA row, every group of
//! people, every region) would print the same thing for both halves of a
//! pair, or the wrong thing for one of them.

use std::path::Path;

use candor::model::{Policy, PolicyDate};
use candor::render::{self, RenderOptions};
use candor::{Options, compile};

use crate::support::{row, section};

/// A fixture compiled: its finding codes, its model, and its outputs by
/// name.
struct Built {
    codes: Vec<String>,
    policy: Policy,
    outputs: Vec<render::Output>,
}

impl Built {
    fn of(name: &str) -> Built {
        let path = Path::new("tests/fixtures/datamap").join(name);
        let options = Options {
            today: PolicyDate::parse("2026-12-01"),
            ..Options::default()
        };
        let compiled = compile(&path, &options).expect("the fixture loads");
        let codes: Vec<String> = compiled
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect();
        // A pair differs by the facts under test, never by a broken policy.
        assert!(
            !codes.iter().any(|c| c.starts_with("candor::")),
            "{name}: {codes:?}"
        );
        let policy = compiled.policy.expect("a model");
        let outputs = render::render(&policy, &RenderOptions::default()).expect("renders");
        Built {
            codes,
            policy,
            outputs,
        }
    }

    fn output(&self, name: &str) -> &str {
        &self
            .outputs
            .iter()
            .find(|o| o.name == name)
            .unwrap_or_else(|| panic!("no output `{name}`"))
            .contents
    }

    fn notice(&self) -> &str {
        self.output("privacy-policy.md")
    }

    fn has(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c == code)
    }

    /// Everything but the findings under test: the pair's policies are
    /// otherwise clean.
    fn other_codes(&self, under_test: &[&str]) -> Vec<&str> {
        self.codes
            .iter()
            .map(String::as_str)
            .filter(|c| !under_test.contains(c))
            .collect()
    }
}

#[test]
fn colorado_answers_each_purpose_from_its_own_flows() {
    // Sold, targeted advertising, profiling.
    let apart = Built::of("purpose.apart.policy");
    assert!(apart.codes.is_empty(), "{:?}", apart.codes);
    let colorado = section(apart.notice(), "## Colorado residents");
    let orders = row(colorado, "**Baking and delivering your orders**");
    assert!(orders.ends_with("| no | no | no |"), "{orders}");
    let ads = row(colorado, "**Showing our ads on other websites**");
    assert!(ads.ends_with("| no | yes | no |"), "{ads}");

    // The checkout pixel sends the orders to the ad networks: the orders'
    // purpose is now used for targeted advertising; the other unchanged.
    let pixel = Built::of("purpose.pixel.policy");
    assert!(pixel.codes.is_empty(), "{:?}", pixel.codes);
    let colorado = section(pixel.notice(), "## Colorado residents");
    let orders = row(colorado, "**Baking and delivering your orders**");
    assert!(orders.ends_with("| no | yes | no |"), "{orders}");
    assert_eq!(row(colorado, "**Showing our ads on other websites**"), ads);
}

#[test]
fn each_group_reads_its_own_flows_in_its_notice_at_collection() {
    let apart = Built::of("people.apart.policy");
    assert!(apart.codes.is_empty(), "{:?}", apart.codes);
    let applicants = section(apart.notice(), "## Notice at collection for job applicants");
    assert!(
        applicants.contains("Considering your application"),
        "{applicants}"
    );
    for other in [
        // Customers' and employees' purposes, items, retention and choices.
        "Selling and delivering lamps",
        "Showing our ads on other websites",
        "Paying your salary",
        "advertising identifier",
        "bank account",
        "six years after your last order",
        "seven years after employment ends",
        "Shared – yes",
        "opt out",
    ] {
        assert!(!applicants.contains(other), "`{other}` in:\n{applicants}");
    }
    assert!(applicants.contains("two years after the hiring decision"));
    let customers = section(apart.notice(), "## California privacy notice");
    assert!(
        customers.contains("To opt out of the sale or sharing"),
        "{customers}"
    );

    // The careers page's ad tags: the applicants' notice now says what is
    // shared, which item, for what and for how long, and gives the opt-out;
    // the employees' notice is unchanged.
    let pixel = Built::of("people.careers_pixel.policy");
    assert!(pixel.codes.is_empty(), "{:?}", pixel.codes);
    let applicants = section(pixel.notice(), "## Notice at collection for job applicants");
    let identifiers = row(applicants, "Identifiers");
    assert!(identifiers.contains("Shared – yes"), "{identifiers}");
    assert!(
        identifiers.contains("Of these, shared: advertising identifier"),
        "{identifiers}"
    );
    assert!(
        identifiers.contains(
            "Job applications: two years after the hiring decision<br>Website advertising: 13 months"
        ),
        "each period says what it is for: {identifiers}"
    );
    assert!(applicants.contains("To opt out of the sale or sharing"));
    assert!(!applicants.contains("Selling and delivering lamps"));
    assert_eq!(
        section(pixel.notice(), "## Notice at collection for employees"),
        section(apart.notice(), "## Notice at collection for employees")
    );
}

#[test]
fn a_sensitive_item_is_sold_only_where_its_own_flows_go() {
    const NOTICE: &str = "texas::sensitive-sale-notice";
    let kept = Built::of("item.kept.policy");
    assert!(kept.codes.is_empty(), "{:?}", kept.codes);
    let table = section(kept.notice(), "## Your data");
    // The city is sold with the geolocation row; the precise location is
    // in the same row but never sold, and the table says which is.
    let geolocation = row(table, "Geolocation data");
    assert!(
        geolocation.contains("yes<br>Of these, sold: city you ride in"),
        "{geolocation}"
    );
    // Named in the Texas law's words: every item of the row is sensitive
    // data under it.
    let sensitive = row(table, "Sensitive data");
    assert!(sensitive.contains("| none<br>"), "{sensitive}");

    let sold = Built::of("item.sold.policy");
    assert!(sold.has(NOTICE), "{:?}", sold.codes);
    assert!(sold.other_codes(&[NOTICE]).is_empty(), "{:?}", sold.codes);
    let table = section(sold.notice(), "## Your data");
    let sensitive = row(table, "Sensitive data");
    assert!(
        sensitive.contains("traffic-analytics company"),
        "{sensitive}"
    );
    // Every item of the geolocation row is sold now: no "of these".
    assert!(!row(table, "Geolocation data").contains("Of these"));
}

#[test]
fn health_data_sent_to_an_ad_network_is_a_finding_and_every_view_agrees() {
    const UNDER_TEST: [&str; 2] = ["ccpa::sensitive-advertising", "virginia::sensitive-consent"];
    let unasked = Built::of("sensitive.unasked.policy");
    for code in UNDER_TEST {
        assert!(unasked.has(code), "{code}: {:?}", unasked.codes);
    }
    assert!(
        unasked.other_codes(&UNDER_TEST).is_empty(),
        "{:?}",
        unasked.codes
    );
    let asked = Built::of("sensitive.asked.policy");
    assert!(asked.codes.is_empty(), "{:?}", asked.codes);

    // Asked or not, the health data goes to the ad networks, and every view
    // says so: the CCPA table, the state table, both store labels.
    for built in [&unasked, &asked] {
        let california = section(built.notice(), "## California privacy notice");
        let ccpa = row(california, "Sensitive personal information");
        assert!(ccpa.contains("Shared – yes"), "{ccpa}");
        assert!(ccpa.contains("advertising networks"), "{ccpa}");
        let states = section(built.notice(), "## Virginia residents");
        let state = row(states, "Sensitive data");
        assert!(state.contains("| advertising networks<br>"), "{state}");
        assert!(
            state.contains("| no | yes |"),
            "sold no, targeted yes: {state}"
        );

        let apple: serde_json::Value =
            serde_json::from_str(built.output("app_privacy_details.json")).expect("JSON");
        let health = apple
            .as_array()
            .expect("a list")
            .iter()
            .find(|e| e["category"] == "HEALTH")
            .expect("the health data type");
        assert!(
            health["data_protections"]
                .as_array()
                .expect("a list")
                .iter()
                .any(|p| p == "DATA_USED_TO_TRACK_YOU"),
            "the item states no `tracking`: its flows make it tracked: {health}"
        );
        let play = built.output("play_data_safety.csv");
        assert!(
            play.lines().any(|l| l.starts_with(
                "PSL_DATA_USAGE_RESPONSES:PSL_HEALTH:PSL_DATA_USAGE_COLLECTION_AND_SHARING,PSL_DATA_USAGE_ONLY_SHARED,TRUE,"
            )),
            "Play says the health data is shared"
        );
    }
    // The right to limit is offered only where it is stated.
    assert!(asked.notice().contains("Right to limit"));
    assert!(!unasked.notice().contains("Right to limit"));
}

#[test]
fn cookie_wording_and_consent_json_follow_the_bases_of_each_region() {
    let eea = Built::of("region.eea.policy");
    assert!(eea.codes.is_empty(), "{:?}", eea.codes);
    let everywhere = Built::of("region.everywhere.policy");
    assert!(everywhere.codes.is_empty(), "{:?}", everywhere.codes);
    let wording = |b: &Built| {
        let md = b.notice();
        let start = md.find("- Advertising cookies").expect("the cookie list");
        md[start..].lines().nth(1).unwrap_or_default().to_owned()
    };
    assert_eq!(
        wording(&eea),
        "  - Not strictly necessary: these cookies are set with your consent in the cases their lawful bases below name."
    );
    assert_eq!(
        wording(&everywhere),
        "  - Not strictly necessary: these cookies are set only with your consent."
    );
    let consent = |b: &Built| -> serde_json::Value {
        let json: serde_json::Value =
            serde_json::from_str(&candor::render::export::signals::consent(&b.policy))
                .expect("JSON");
        json["categories"][0].clone()
    };
    // The law asks consent in the EEA either way; only the second business
    // asks it of Californians too.
    for (b, everywhere) in [(&eea, false), (&everywhere, true)] {
        let c = consent(b);
        assert_eq!(c["consent_required"], true, "{c}");
        assert_eq!(c["consent_required_in"], serde_json::json!(["eea"]), "{c}");
        assert_eq!(c["consent_everywhere"], everywhere, "{c}");
    }
}

#[test]
fn retention_is_stated_once_and_every_table_gives_it_labelled() {
    // On the data sets: two periods in the identifiers row, each labelled.
    let datasets = Built::of("retention.datasets.policy");
    assert!(datasets.codes.is_empty(), "{:?}", datasets.codes);
    let labelled = "Orders: six years after your last order<br>Newsletter: until you unsubscribe";
    let california = section(datasets.notice(), "## California privacy notice");
    let rows: Vec<&str> = california
        .lines()
        .filter(|l| l.starts_with("| Identifiers"))
        .collect();
    assert_eq!(rows.len(), 2, "the CCPA table and the notice at collection");
    for r in rows {
        assert!(r.contains(labelled), "{r}");
    }

    // On a rule naming the CCPA row: one period, unlabelled, in both tables
    // (it printed "not stated" in the notice at collection), and the rule
    // is not reported unused.
    let on_row = Built::of("retention.row.policy");
    assert!(on_row.codes.is_empty(), "{:?}", on_row.codes);
    let california = section(on_row.notice(), "## California privacy notice");
    assert_eq!(
        california
            .matches("| six years after your last order |")
            .count(),
        2,
        "{california}"
    );
    assert!(!california.contains("not stated"), "{california}");
}

#[test]
fn a_buyer_of_the_business_is_never_a_sale() {
    let acquirer = Built::of("buyer.acquirer.policy");
    assert!(acquirer.codes.is_empty(), "{:?}", acquirer.codes);
    let california = section(acquirer.notice(), "## California privacy notice");
    for line in california.lines().filter(|l| l.starts_with("| ")) {
        if line.starts_with("| ---") || line.contains("Category") {
            continue;
        }
        assert!(line.contains("Sold – no"), "{line}");
        assert!(!line.contains("sell personal information"), "{line}");
    }
    assert!(california.contains("a buyer of our business"));
    let virginia = section(acquirer.notice(), "## Virginia residents");
    assert!(!virginia.contains("| yes |"), "{virginia}");

    // The same money from a partner buying names and addresses is a sale
    // under both laws, and the notice's "we do not sell" is now false.
    let partner = Built::of("buyer.partner.policy");
    for code in [
        "ccpa::opt-out-right",
        "virginia::opt-out",
        "ccpa::prose-denial",
    ] {
        assert!(partner.has(code), "{code}: {:?}", partner.codes);
    }
    let california = section(partner.notice(), "## California privacy notice");
    assert!(california.contains("Sold – yes"), "{california}");
    let virginia = section(partner.notice(), "## Virginia residents");
    assert!(row(virginia, "Identifiers").contains("| yes"), "{virginia}");
}

#[test]
fn each_lawful_basis_prints_with_the_purposes_it_covers() {
    let paired = Built::of("bases.paired.policy");
    assert!(paired.codes.is_empty(), "{:?}", paired.codes);
    let data = section(paired.notice(), "## What we collect and why");
    let records = row(data, "**Customer records**");
    assert!(
        records.contains("contract with you.<br>For: Repairing your bicycle"),
        "{records}"
    );
    assert!(
        records.contains("Legitimate interest: keeping our customers' bicycles safe and bringing them back to the shop<br>For: Reminding you of your yearly service"),
        "{records}"
    );
    // No cell opens on an empty line.
    assert!(!records.contains("| <br>"), "{records}");
    let ropa = paired.output("ropa.csv");
    assert!(
        ropa.contains("Performance of a contract (GDPR Art. 6(1)(b)), for Repairing your bicycle; Legitimate interest (GDPR Art. 6(1)(f)), for Reminding you of your yearly service"),
        "{ropa}"
    );

    // One basis for every purpose: no "For:" and no ", for".
    let one = Built::of("bases.one.policy");
    assert!(one.codes.is_empty(), "{:?}", one.codes);
    let records = row(
        section(one.notice(), "## What we collect and why"),
        "**Customer records**",
    );
    assert!(!records.contains("For:"), "{records}");
    assert!(!records.contains("| <br>"), "{records}");
    assert!(
        one.output("ropa.csv")
            .contains(",Performance of a contract (GDPR Art. 6(1)(b)),")
    );
}

#[test]
fn each_law_reads_the_flows_of_the_people_it_protects() {
    // Two flows, each saying where its people are.
    let split = Built::of("regions.split.policy");
    assert!(split.codes.is_empty(), "{:?}", split.codes);
    let data = section(split.notice(), "## What we collect and why");
    assert!(
        row(data, "**Therapy records (clients in the EEA)**")
            .contains("Where the people are: the European Economic Area"),
        "{data}"
    );
    assert!(
        row(data, "**Therapy records (clients in the United States)**")
            .contains("Where the people are: the United States"),
        "{data}"
    );
    // The CCPA and Virginia tables read the US flow alone: its recipient,
    // not the Frankfurt host of the EEA clients' records.
    let california = section(split.notice(), "## California privacy notice");
    let virginia = section(split.notice(), "## Virginia residents");
    for table in [california, virginia] {
        assert!(table.contains("hosting provider in Virginia"), "{table}");
        assert!(!table.contains("hosting provider in Frankfurt"), "{table}");
        assert!(!table.contains("clients in the EEA"), "{table}");
    }

    // Without `regions`, every law reads both flows: the US flow owes the
    // GDPR a basis, the EEA flow owes Virginia's law a consent, and the
    // CCPA table names the Frankfurt host.
    let unsaid = Built::of("regions.unsaid.policy");
    for code in [
        "gdpr::purpose-basis",
        "gdpr::special-category-condition",
        "virginia::sensitive-consent",
    ] {
        assert!(unsaid.has(code), "{code}: {:?}", unsaid.codes);
    }
    let california = section(unsaid.notice(), "## California privacy notice");
    assert!(
        california.contains("hosting provider in Frankfurt"),
        "{california}"
    );
}

#[test]
fn a_us_rule_does_not_read_a_flow_of_people_in_the_eea() {
    // Mindbridge's EEA records also go to an ad network: a matter for the
    // GDPR, not for the CCPA's right to limit; the same for its US records
    // is the CCPA's finding.
    let text = std::fs::read_to_string("tests/fixtures/datamap/regions.split.policy")
        .expect("the fixture");
    let network = "recipient ad_network \"advertising network\" {\n  kind ad_network\n  consideration none\n  targeted_advertising yes\n}\n\n";
    let with = |host: &str| {
        let text = text
            .replace("recipient eu_host", &format!("{network}recipient eu_host"))
            .replace(
                &format!("  recipients {host}\n"),
                &format!("  recipients {host}, ad_network\n"),
            );
        let mut sources = candor::source::Sources::new();
        sources.add(candor::source::SourceFile::new(
            std::path::PathBuf::from("mindbridge.policy"),
            &text,
        ));
        let options = Options {
            today: PolicyDate::parse("2026-12-01"),
            ..Options::default()
        };
        candor::compile_sources(sources, &[], &options)
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect::<Vec<_>>()
    };
    let eea = with("eu_host");
    assert!(
        !eea.iter()
            .any(|c| c.starts_with("ccpa::") || c.starts_with("virginia::")),
        "{eea:?}"
    );
    let us = with("us_host");
    assert!(
        us.iter().any(|c| c == "ccpa::sensitive-advertising"),
        "{us:?}"
    );
}
