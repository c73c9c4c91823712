//! `candor audit`: the vendor registry, and each finding on its fixtures
//! with a pass case beside it (HAR files of a news publisher's pages, an iOS
//! and an Android app), plus the acceptance case on the bundled policy.

use std::process::Command;

use candor::audit::registry::{Registry, glob, host_within};
use candor::check::audit::RULES;

fn candor() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_candor"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Runs `candor audit` with `args` (JSON); the exit code and the findings as
/// `code: message` lines, sorted.
fn audit(args: &[&str]) -> (i32, Vec<String>) {
    let out = candor()
        .arg("audit")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("candor runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "JSON from candor audit {args:?} ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut found: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            format!(
                "{}: {}",
                d["code"].as_str().unwrap_or(""),
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    found.sort();
    (out.status.code().unwrap_or(-1), found)
}

const POLICY: &str = "tests/fixtures/audit/policy";
const MOBILE: &str = "tests/fixtures/audit/mobile-policy";

fn har(name: &str, consent: &str) -> (i32, Vec<String>) {
    let path = format!("tests/fixtures/audit/har/{name}");
    audit(&[POLICY, "--har", &path, "--recorded-consent", consent])
}

// ─── The registry ─────────────────────────────────────────────────────────

#[test]
fn the_registry_has_150_entries_each_citing_its_source() {
    let registry = Registry::builtin().expect("data/vendors.toml reads");
    assert!(
        registry.entries.len() >= 150,
        "{} entries",
        registry.entries.len()
    );
    let problems: Vec<String> = registry.entries.iter().flat_map(|e| e.problems()).collect();
    assert_eq!(problems, Vec::<String>::new());
    let mut ids: Vec<&str> = registry.entries.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "two entries share an id");
    for e in &registry.entries {
        let facts = e.domains.len()
            + e.cookies.len()
            + e.npm.len()
            + e.pods.len()
            + e.spm.len()
            + e.gradle.len()
            + e.pub_.len();
        assert!(facts > 0, "`{}` gives nothing to recognise it by", e.id);
    }
}

#[test]
fn an_entry_without_a_source_is_refused() {
    let text = "[[vendor]]\nid = \"acme-chat\"\nname = \"Acme Chat\"\ncompany = \"Acme\"\n\
                category = \"support_chat\"\ncross_site = false\ndomains = [\"chat.acme.example\"]\n";
    let registry = Registry::parse(text).expect("the shape is right");
    assert_eq!(
        registry.entries[0].problems(),
        ["`acme-chat` cites no source (an https URL of the vendor's own documentation)"]
    );
    let cited = format!("{text}source = \"https://acme.example/docs/cookies\"\n");
    assert!(
        Registry::parse(&cited).expect("reads").entries[0]
            .problems()
            .is_empty()
    );
    let http = format!("{text}source = \"http://acme.example/docs\"\n");
    assert_eq!(
        Registry::parse(&http).expect("reads").entries[0]
            .problems()
            .len(),
        1
    );
}

#[test]
fn the_registry_knows_the_common_trackers_and_sdks() {
    let registry = Registry::builtin().expect("reads");
    let host = |h: &str| registry.by_host(h).map(|i| registry.entries[i].id.as_str());
    let cookie = |c: &str| {
        registry
            .by_cookie(c)
            .map(|i| registry.entries[i].id.as_str())
    };
    assert_eq!(
        host("region1.google-analytics.com"),
        Some("google-analytics")
    );
    assert_eq!(host("googleads.g.doubleclick.net"), Some("google-ads"));
    assert_eq!(host("stats.g.doubleclick.net"), Some("doubleclick"));
    assert_eq!(host("connect.facebook.net"), Some("meta-pixel"));
    assert_eq!(host("static.hotjar.com"), Some("hotjar"));
    assert_eq!(host("www.clarity.ms"), Some("microsoft-clarity"));
    assert_eq!(host("notgoogle-analytics.com"), None);
    assert_eq!(cookie("_ga_7QX2M4LBN1"), Some("google-analytics"));
    assert_eq!(cookie("_fbp"), Some("meta-pixel"));
    assert_eq!(cookie("_hjSessionUser_3982211"), Some("hotjar"));
    assert_eq!(cookie("sessionid"), None);
    for name in [
        "Google Tag Manager",
        "TikTok Pixel",
        "LinkedIn Insight Tag",
        "Pinterest Tag",
        "Segment",
        "Mixpanel",
        "Amplitude",
        "Heap",
        "Sentry",
        "Datadog RUM",
        "Firebase Crashlytics",
        "AppsFlyer",
        "Adjust",
        "Branch",
        "OneSignal",
        "Braze",
        "Intercom",
        "Stripe",
    ] {
        assert!(
            registry.entries.iter().any(|e| e.name == name),
            "the registry has no `{name}`"
        );
    }
}

#[test]
fn globs_and_hosts() {
    assert!(glob("_ga_*", "_ga_ABC"));
    assert!(!glob("_ga_*", "_ga"));
    assert!(glob("mp_*_mixpanel", "mp_4f2a_mixpanel"));
    assert!(!glob("mp_*_mixpanel", "mp_4f2a_mixpanelx"));
    assert!(host_within("a.b.hotjar.com", "hotjar.com"));
    assert!(!host_within("nothotjar.com", "hotjar.com"));
}

#[test]
fn a_policy_adds_its_own_vendors() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for entry in std::fs::read_dir(POLICY).expect("the fixture policy") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copies");
    }
    let policy = dir.path().to_str().expect("UTF-8");
    let har_path = dir.path().join("chat.har");
    std::fs::write(
        &har_path,
        r#"{"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "133.0"},
  "pages": [{"id": "page_1", "title": "https://www.brightline-media.example/help"}],
  "entries": [
    {"startedDateTime": "2026-11-30T09:14:02.117Z",
     "request": {"method": "GET", "url": "https://www.brightline-media.example/help", "headers": [], "cookies": []},
     "response": {"status": 200, "headers": [], "cookies": []}},
    {"startedDateTime": "2026-11-30T09:14:02.410Z",
     "request": {"method": "GET", "url": "https://widgets.acme-chat.example/loader.js", "headers": [], "cookies": []},
     "response": {"status": 200, "headers": [], "cookies": []}}
  ]}}"#,
    )
    .expect("writes");
    let har = har_path.to_str().expect("UTF-8");
    // The registry does not know the chat widget: nothing to say.
    let (_, before) = audit(&[policy, "--har", har, "--recorded-consent", "given"]);
    assert_eq!(before, Vec::<String>::new());
    // The policy's own vendors.toml names it.
    std::fs::write(
        dir.path().join("vendors.toml"),
        "[[vendor]]\nid = \"acme-chat\"\nname = \"Acme Chat\"\ncompany = \"Acme Chat Ltd\"\n\
         category = \"support_chat\"\ncross_site = false\ndomains = [\"acme-chat.example\"]\n\
         source = \"https://docs.acme-chat.example/privacy/cookies\"\n",
    )
    .expect("writes");
    let (_, after) = audit(&[policy, "--har", har, "--recorded-consent", "given"]);
    assert_eq!(
        after,
        [
            "audit::undeclared-vendor: `Acme Chat` (support chat) is on the site, but the notice \
          names neither it nor its company, `Acme Chat Ltd`"
        ]
    );
    // An entry without a source is refused.
    std::fs::write(
        dir.path().join("vendors.toml"),
        "[[vendor]]\nid = \"x\"\nname = \"X\"\ncompany = \"X\"\ncategory = \"analytics\"\n\
         cross_site = false\ndomains = [\"x.example\"]\n",
    )
    .expect("writes");
    let out = candor()
        .args(["audit", policy, "--har", har])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cites no source"));
}

// ─── Website findings, each with its pass case ───────────────────────────

#[test]
fn a_vendor_seen_but_not_declared() {
    assert_eq!(
        har("accepted-all.fail.har", "given"),
        (
            1,
            vec![
                "audit::undeclared-vendor: `Hotjar` (session replay) is on the site, but the \
                 notice does not name it"
                    .to_owned()
            ]
        )
    );
    assert_eq!(har("accepted-all.pass.har", "given"), (0, vec![]));
}

#[test]
fn a_tracker_before_consent() {
    assert_eq!(
        har("first-visit.fail.har", "none"),
        (
            1,
            vec![
                "audit::before-consent: `Google Analytics` (analytics) is loaded before the \
                 visitor consents"
                    .to_owned()
            ]
        )
    );
    // The consent tool and the web fonts load before any choice: no finding.
    assert_eq!(har("first-visit.pass.har", "none"), (0, vec![]));
    // The same tags recorded after accepting are no finding either.
    assert_eq!(har("first-visit.fail.har", "given"), (0, vec![]));
    // After a refusal they are.
    let (_, refused) = har("first-visit.fail.har", "refused");
    assert_eq!(
        refused,
        [
            "audit::before-consent: `Google Analytics` (analytics) is loaded after the visitor \
          refused consent"
        ]
    );
}

#[test]
fn an_advertising_request_carrying_gpc() {
    assert_eq!(
        har("gpc.fail.har", "given"),
        (
            1,
            vec![
                "audit::gpc-ignored: a request to `googleads.g.doubleclick.net` (Google Ads) \
                 carries `Sec-GPC: 1`, though the notice says the signal is honoured"
                    .to_owned()
            ]
        )
    );
    // Analytics run for the publisher is no sale or sharing.
    assert_eq!(har("gpc.pass.har", "given"), (0, vec![]));
}

#[test]
fn a_cookie_longer_than_declared() {
    let (code, found) = har("cookie-lifetime.fail.har", "given");
    assert_eq!(
        found,
        [
            "audit::cookie-lifetime: cookie `_ga` (Google Analytics) lives 730 days, longer than \
          category `Audience measurement cookies` declares (\"up to 13 months\")"
        ]
    );
    assert_eq!(code, 0, "a warning does not fail the run");
    assert_eq!(har("cookie-lifetime.pass.har", "given"), (0, vec![]));
}

#[test]
fn declared_vendors_never_seen_are_information_under_complete() {
    let path = "tests/fixtures/audit/har/first-visit.pass.har";
    let (code, found) = audit(&[POLICY, "--har", path, "--complete"]);
    assert_eq!(
        found,
        [
            "audit::vendor-not-seen: vendor `Criteo` is declared, but no visit or manifest \
             audited shows it",
            "audit::vendor-not-seen: vendor `Google Ads` is declared, but no visit or manifest \
             audited shows it",
            "audit::vendor-not-seen: vendor `Google Analytics` is declared, but no visit or \
             manifest audited shows it",
        ]
    );
    assert_eq!(code, 0, "information does not fail the run");
    let all = "tests/fixtures/audit/har/accepted-all.pass.har";
    assert_eq!(
        audit(&[
            POLICY,
            "--har",
            all,
            "--recorded-consent",
            "given",
            "--complete"
        ]),
        (0, vec![])
    );
}

#[test]
fn the_bundled_policy_reports_exactly_the_undeclared_vendor() {
    // A Net2Phone page that loads Google Analytics (declared) and Hotjar (not).
    let (code, found) = audit(&[
        "policy",
        "--har",
        "tests/fixtures/audit/har/net2phone-pricing.har",
        "--recorded-consent",
        "given",
    ]);
    assert_eq!(
        found,
        [
            "audit::undeclared-vendor: `Hotjar` (session replay) is on the site, but the notice \
          does not name it"
        ]
    );
    assert_eq!(code, 1);
}

// ─── App findings ────────────────────────────────────────────────────────

fn app(dir: &str) -> (i32, Vec<String>) {
    audit(&[MOBILE, "--app", &format!("tests/fixtures/audit/app/{dir}")])
}

#[test]
fn an_ios_app_with_cocoapods() {
    assert_eq!(
        app("ios-cocoapods.fail"),
        (
            1,
            vec![
                "audit::privacy-manifest: `Google AdMob` tracks across other companies' apps, \
                 but the privacy manifest says `NSPrivacyTracking` false"
                    .to_owned(),
                "audit::privacy-manifest: the privacy manifest declares \
                 `NSPrivacyCollectedDataTypeHealth`, but no item of the notice is `apple health`"
                    .to_owned(),
                "audit::undeclared-vendor: the app links `Mixpanel` (analytics), but the notice \
                 does not name it"
                    .to_owned(),
            ]
        )
    );
    // The same app built with Swift packages, its manifest in order.
    assert_eq!(app("ios-spm.pass"), (0, vec![]));
}

#[test]
fn an_android_app_with_gradle() {
    assert_eq!(
        app("android-gradle.fail"),
        (
            1,
            vec![
                "audit::privacy-manifest: the app asks for `android.permission.READ_CONTACTS`, \
                 but no item of the notice is `play contacts`"
                    .to_owned(),
                "audit::sdk-store-label: `Intercom` collects data the store labels do not \
                 declare: Play other_messages"
                    .to_owned(),
                "audit::undeclared-vendor: the app links `AppsFlyer` (install attribution), but \
                 the notice does not name it"
                    .to_owned(),
                "audit::undeclared-vendor: the app links `Intercom` (support chat), but the \
                 notice does not name it"
                    .to_owned(),
            ]
        )
    );
    assert_eq!(app("android-gradle.pass"), (0, vec![]));
}

// ─── Reporting like check ────────────────────────────────────────────────

#[test]
fn audit_reports_in_every_format_and_obeys_rule_settings() {
    let path = "tests/fixtures/audit/har/accepted-all.fail.har";
    let run = |extra: &[&str]| {
        candor()
            .args([
                "audit",
                POLICY,
                "--har",
                path,
                "--recorded-consent",
                "given",
            ])
            .args(extra)
            .output()
            .expect("runs")
    };
    let sarif = run(&["--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF is JSON");
    assert_eq!(
        log["runs"][0]["results"][0]["ruleId"],
        "audit::undeclared-vendor"
    );
    let github = String::from_utf8(run(&["--format", "github"]).stdout).expect("UTF-8");
    assert!(
        github.starts_with("::error file=tests/fixtures/audit/har/accepted-all.fail.har,line="),
        "{github}"
    );
    let human = run(&["--color", "never"]);
    let text = String::from_utf8_lossy(&human.stderr);
    assert!(text.contains("audit::undeclared-vendor"), "{text}");
    assert!(text.contains("static.hotjar.com"), "{text}");
    // --warn lowers it; the run then passes.
    assert_eq!(
        run(&["--warn", "audit::undeclared-vendor"]).status.code(),
        Some(0)
    );
    // --allow drops it.
    let allowed = run(&["--allow", "audit::undeclared-vendor", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&allowed.stdout).expect("JSON");
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}

#[test]
fn audit_rules_are_listed_and_explained() {
    let listed =
        String::from_utf8(candor().arg("rules").output().expect("runs").stdout).expect("UTF-8");
    for rule in RULES {
        assert!(
            listed.contains(rule.code),
            "`candor rules` lacks {}",
            rule.code
        );
        let out = candor()
            .args(["explain", rule.code])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(rule.citation), "{text}");
        for fixture in rule
            .example
            .split_whitespace()
            .filter(|w| w.starts_with("tests/"))
        {
            assert!(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(fixture)
                    .exists(),
                "{} names a missing fixture {fixture}",
                rule.code
            );
        }
    }
}

#[test]
fn audit_needs_evidence_and_refuses_a_broken_har() {
    let out = candor().args(["audit", POLICY]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let dir = tempfile::tempdir().expect("a directory");
    let bad = dir.path().join("bad.har");
    std::fs::write(&bad, "{\"log\": {}}").expect("writes");
    let out = candor()
        .args(["audit", POLICY, "--har"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a HAR file"));
}
