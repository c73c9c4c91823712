//! `candor publish`, the CI gate on dates and `candor notice-of-change`,
//! on a scripted git history: a small shop's notice published four times
//! (a first version, then a new purpose, a rewording, and an id renamed).

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::Value;

fn candor() -> Command {
    Command::cargo_bin("candor").expect("the binary is built")
}

fn git(dir: &Path, args: &[&str]) {
    let status = Process::new("git")
        .args([
            "-c",
            "user.email=privacy@larkspur-tea.example",
            "-c",
            "user.name=Larkspur Tea",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// The first published version of Larkspur Tea's notice.
const V1: &str = r#"policy shop "Privacy Notice" {
  updated 2026-03-02
  jurisdictions gdpr
  outline who_we_are, what_we_collect, your_rights, changes
}

controller larkspur "Larkspur Tea Ltd" {
  address "4 Mill Lane, Bristol BS1 4XX, United Kingdom"
  email "privacy@larkspur-tea.example"
}

section who_we_are "Who we are" { insert controller }
section what_we_collect "What we collect and why" { insert datasets }
section your_rights "Your rights" { insert rights eu_rights }
section changes "Changes to this notice" {
  text "We tell you here, and by email, when this notice changes."
  insert changes 2
}

item email "email address"
item address "postal address"
item order_history "order history"
subject customers "customers"
source you "you" { kind data_subject }

purpose fulfil_orders "Sending your orders" { text "We use your address to send the tea you ordered." }

dataset orders "Orders" {
  subjects customers
  collects email, address, order_history
  sources you
  required yes "we cannot send your order without your address"
  purposes fulfil_orders
  basis contract for fulfil_orders { text "We need this to deliver your order." }
  retention order_records
  text "When you order tea from our shop."
}

retention order_records "Order records" {
  applies_to orders
  period "six years"
  text "We keep order records for six years, as tax law requires."
}

rights eu_rights "Your rights" {
  jurisdiction gdpr
  right access "The right of access" { text "You can ask for a copy of your data." }
  right rectification "The right to rectification" { text "You can ask us to correct your data." }
  right erasure "The right to erasure" { text "You can ask us to delete your data." }
  right restriction "The right to restriction" { text "You can ask us to limit how we use your data." }
  right portability "The right to data portability" { text "You can ask for your data in a portable form." }
  right complaint "The right to complain" { text "You can complain to the Information Commissioner's Office." }
}
"#;

/// Version 2: recommendations drawn from the order history (a new
/// purpose), and the shop's page reworded on the way.
fn v2() -> String {
    V1.replace("updated 2026-03-02", "updated 2026-06-01\n  effective 2026-07-01")
        .replace("from our shop.", "from our online shop.")
        .replace(
            "purpose fulfil_orders",
            "purpose recommend_teas \"Recommending teas\" { text \"We suggest teas you may like from what you ordered before.\" }\n\npurpose fulfil_orders",
        )
        .replace("  purposes fulfil_orders\n", "  purposes fulfil_orders, recommend_teas\n")
        .replace(
            "  retention order_records\n",
            "  basis legitimate_interest for recommend_teas {\n    interest \"suggesting teas our customers may enjoy\"\n    text \"We rely on our legitimate interest in suggesting teas.\"\n  }\n  retention order_records\n",
        )
}

/// Version 3: a rewording, nothing more.
fn v3() -> String {
    v2().replace(
        "updated 2026-06-01\n  effective 2026-07-01",
        "updated 2026-09-14",
    )
    .replace(
        "We use your address to send the tea you ordered.",
        "We use your postal address to post the tea you ordered.",
    )
}

/// Version 4: the purpose `recommend_teas` becomes `tea_suggestions` in
/// the source; no reader sees a difference.
fn v4() -> String {
    v3().replace("updated 2026-09-14", "updated 2026-11-02")
        .replace("recommend_teas", "tea_suggestions")
}

/// A repository with the four versions, each committed, plus a fix made
/// to version 2 without moving its date (the same published version).
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("policy")).unwrap();
    git(root, &["init", "-q"]);
    let commit = |text: &str, message: &str| {
        fs::write(root.join("policy/notice.policy"), text).unwrap();
        git(root, &["add", "."]);
        git(root, &["commit", "-q", "-m", message]);
    };
    commit(V1, "first notice");
    commit(
        &v2().replace("you may like", "you might like"),
        "recommendations",
    );
    commit(
        &v2(),
        "recommendations: wording fixed before anyone was told",
    );
    commit(&v3(), "clearer wording");
    commit(&v4(), "rename a purpose id");
    // Something outside the policy: not a version.
    fs::write(root.join("README"), "Larkspur Tea\n").unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "readme"]);
    dir
}

fn read_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn an_archive_from_a_scripted_history() {
    let dir = history();
    let root = dir.path();
    candor()
        .args([
            "publish",
            "policy",
            "--out",
            "public/versions",
            "--base-url",
            "https://larkspur-tea.example/privacy/versions",
        ])
        .current_dir(root)
        .assert()
        .code(0);
    let out = root.join("public/versions");

    // versions.json: four versions, newest first, with their classes.
    let index: Value =
        serde_json::from_str(&fs::read_to_string(out.join("versions.json")).unwrap()).unwrap();
    let versions = index["versions"].as_array().unwrap();
    let dates: Vec<&str> = versions
        .iter()
        .map(|v| v["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2026-11-02", "2026-09-14", "2026-06-01", "2026-03-02"]
    );
    let classes: Vec<&str> = versions
        .iter()
        .map(|v| v["class"].as_str().unwrap())
        .collect();
    assert_eq!(classes, ["editorial", "editorial", "material", "first"]);
    let v2 = &versions[2];
    assert_eq!(v2["effective"], "2026-07-01");
    let fingerprints: Vec<&str> = versions
        .iter()
        .map(|v| v["fingerprint"].as_str().unwrap())
        .collect();
    assert!(fingerprints.iter().all(|f| f.len() == 64));
    assert_ne!(fingerprints[0], fingerprints[1]);
    // The later fix of version 2 is what was published on that date.
    let page = fs::read_to_string(out.join("2026-06-01/privacy-policy.html")).unwrap();
    assert!(page.contains("you may like"), "the last commit of the run");
    assert!(!page.contains("you might like"));
    assert!(
        page.contains("Effective July 1, 2026"),
        "the effective date is printed"
    );
    // Each version's own text.
    let first = fs::read_to_string(out.join("2026-03-02/privacy-policy.html")).unwrap();
    assert!(!first.contains("Recommending teas"));
    // The new purpose: material, with its law and a link to its section.
    let material = v2["material"].as_array().unwrap();
    let purpose = material
        .iter()
        .find(|c| {
            c["summary"]
                .as_str()
                .unwrap()
                .contains("new purpose `recommend_teas`")
        })
        .expect("the new purpose is listed");
    assert!(
        purpose["law"]["cites"]
            .as_str()
            .unwrap()
            .contains("GDPR Art. 13(3)"),
        "{purpose}"
    );
    assert_eq!(
        purpose["link"], "2026-06-01/privacy-policy.html#what_we_collect",
        "{purpose}"
    );
    // The rename: one editorial change, nothing material.
    let v4 = &versions[0];
    assert_eq!(v4["material"].as_array().unwrap().len(), 0, "{v4}");
    let renames: Vec<&Value> = v4["editorial"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["summary"].as_str().unwrap().contains("renamed"))
        .collect();
    assert_eq!(renames.len(), 1, "{v4}");

    // The changes page: every version, newest first, material first.
    let changes = fs::read_to_string(out.join("changes.md")).unwrap();
    let at = |needle: &str| {
        changes
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` in {changes}"))
    };
    assert!(at("November 2, 2026") < at("September 14, 2026"));
    assert!(at("September 14, 2026") < at("June 1, 2026"));
    assert!(changes.contains("effective July 1, 2026"));
    assert!(changes.contains(
        "We now use personal data for a new purpose: **Recommending teas**. ([see the section](2026-06-01/privacy-policy.html#what_we_collect))"
    ), "{changes}");
    let june = &changes[at("June 1, 2026")..at("March 2, 2026")];
    let (purpose_line, editorial_line) = (
        june.find("new purpose: **Recommending teas**"),
        june.find("editorial change"),
    );
    assert!(purpose_line.is_some() && editorial_line.is_some(), "{june}");
    assert!(purpose_line < editorial_line, "material first: {june}");
    let html = fs::read_to_string(out.join("changes.html")).unwrap();
    assert!(html.contains("href=\"2026-06-01/privacy-policy.html#what_we_collect\""));
    assert!(html.contains("application/atom+xml"));

    // The feed parses, with one entry per version and absolute links.
    let feed =
        atom_syndication::Feed::read_from(fs::read(out.join("feed.xml")).unwrap().as_slice())
            .expect("a valid Atom feed");
    assert_eq!(feed.entries().len(), 4);
    let newest = &feed.entries()[0];
    assert_eq!(
        newest.links()[0].href(),
        "https://larkspur-tea.example/privacy/versions/2026-11-02/privacy-policy.html"
    );
    assert_eq!(newest.updated().to_rfc3339(), "2026-11-02T00:00:00+00:00");
    let material_entry = &feed.entries()[2];
    assert!(material_entry.title().as_str().contains("material change"));
    assert!(
        material_entry
            .content()
            .and_then(|c| c.value())
            .is_some_and(|v| v.contains("Recommending teas"))
    );

    // "Changes to this notice" in each version: its own entry first (links
    // within the page), then the one before (links into the archive).
    let section = |page: &str| -> String {
        let at = page.find("id=\"changes\"").expect("the changes section");
        page[at..].to_owned()
    };
    let june = section(&page);
    assert!(
        june.contains("<strong>June 1, 2026</strong> (this version)"),
        "{june}"
    );
    assert!(june.contains("href=\"#what_we_collect\""), "{june}");
    assert!(
        june.contains("href=\"../2026-03-02/privacy-policy.html\""),
        "{june}"
    );
    let november =
        section(&fs::read_to_string(out.join("2026-11-02/privacy-policy.html")).unwrap());
    assert!(november.contains("(this version)"));
    assert!(november.contains("September 14, 2026"));
    assert!(
        !november.contains("June 1, 2026"),
        "`insert changes 2`: {november}"
    );

    // `candor build` prints the same section from the history.
    candor()
        .args(["build", "policy", "--out", "out"])
        .current_dir(root)
        .assert()
        .code(0);
    let built = fs::read_to_string(root.join("out/privacy-policy.md")).unwrap();
    assert!(
        built.contains("**November 2, 2026** (this version)"),
        "{built}"
    );
    assert!(
        built.contains("[September 14, 2026](versions/2026-09-14/privacy-policy.html)"),
        "{built}"
    );

    // The same history gives the same bytes.
    let before = read_tree(&out);
    candor()
        .args([
            "publish",
            "policy",
            "--out",
            "public/versions",
            "--base-url",
            "https://larkspur-tea.example/privacy/versions",
        ])
        .current_dir(root)
        .assert()
        .code(0);
    assert_eq!(read_tree(&out), before);
}

#[test]
fn the_archive_embeds_with_a_fragment_and_an_id_prefix() {
    let dir = history();
    let root = dir.path();
    candor()
        .args([
            "publish",
            "policy",
            "--out",
            "embed",
            "--fragment",
            "--id-prefix",
            "pp-",
        ])
        .current_dir(root)
        .assert()
        .code(0);
    let page = fs::read_to_string(root.join("embed/2026-06-01/privacy-policy.html")).unwrap();
    assert!(!page.contains("<html"), "a fragment");
    assert!(page.contains("id=\"pp-what_we_collect\""));
    let changes = fs::read_to_string(root.join("embed/changes.html")).unwrap();
    assert!(!changes.contains("<html"));
    assert!(changes.contains("2026-06-01/privacy-policy.html#pp-what_we_collect"));
    // Relative links and `urn:` ids without a base URL: still a valid feed.
    let feed = atom_syndication::Feed::read_from(
        fs::read(root.join("embed/feed.xml")).unwrap().as_slice(),
    )
    .expect("a valid Atom feed");
    assert!(feed.id().starts_with("urn:candor:shop:"));
}

#[test]
fn a_folder_of_versions_gives_the_same_archive_as_the_history() {
    let dir = history();
    let root = dir.path();
    for (name, text) in [("1", V1.to_owned()), ("2", v2()), ("3", v3()), ("4", v4())] {
        let version = root.join("versions").join(name);
        fs::create_dir_all(&version).unwrap();
        fs::write(version.join("notice.policy"), text).unwrap();
    }
    candor()
        .args(["publish", "--from", "versions", "--out", "from-folder"])
        .current_dir(root)
        .assert()
        .code(0);
    candor()
        .args(["publish", "policy", "--out", "from-git"])
        .current_dir(root)
        .assert()
        .code(0);
    let pages = |dir: &str| -> Vec<(String, Vec<u8>)> {
        read_tree(&root.join(dir))
            .into_iter()
            .filter(|(name, _)| name.ends_with(".html") || name.ends_with(".md"))
            .collect()
    };
    assert_eq!(pages("from-folder"), pages("from-git"));
}

#[test]
fn with_tags_only_tagged_commits_are_versions() {
    let dir = history();
    let root = dir.path();
    // The first notice (a lightweight tag) and the rewording (annotated).
    git(root, &["tag", "2026-first", "HEAD~5"]);
    git(
        root,
        &["tag", "-a", "2026-autumn", "-m", "autumn notice", "HEAD~2"],
    );
    candor()
        .args(["publish", "policy", "--tags", "--out", "tagged"])
        .current_dir(root)
        .assert()
        .code(0);
    let index: Value =
        serde_json::from_str(&fs::read_to_string(root.join("tagged/versions.json")).unwrap())
            .unwrap();
    let versions: Vec<(&str, &str)> = index["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["date"].as_str().unwrap(), v["class"].as_str().unwrap()))
        .collect();
    // Compared with each other, the two tags hold the new purpose.
    assert_eq!(
        versions,
        [("2026-09-14", "material"), ("2026-03-02", "first")]
    );
}

#[test]
fn publish_refuses_a_directory_it_did_not_write() {
    let dir = history();
    let root = dir.path();
    fs::create_dir(root.join("site")).unwrap();
    fs::write(root.join("site/index.html"), "home").unwrap();
    candor()
        .args(["publish", "policy", "--out", "site"])
        .current_dir(root)
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(root.join("site/index.html")).unwrap(),
        "home"
    );
}

fn gate(root: &Path) -> (i32, String) {
    let out = candor()
        .args([
            "diff",
            "--git",
            "HEAD",
            "policy",
            "--fail-on",
            "unannounced",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_gate_fails_on_a_material_change_until_the_date_moves() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("policy")).unwrap();
    fs::write(root.join("policy/notice.policy"), V1).unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first notice"]);

    // A new purpose, the date left as it was.
    let undated = v2().replace(
        "updated 2026-06-01\n  effective 2026-07-01",
        "updated 2026-03-02",
    );
    fs::write(root.join("policy/notice.policy"), &undated).unwrap();
    let (code, stderr) = gate(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("but the policy still says `updated 2026-03-02`"),
        "{stderr}"
    );

    // The sign-off gate fails on it too, and says why.
    let out = candor()
        .args(["diff", "--git", "HEAD", "policy", "--fail-on", "material"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("still says"));

    // The date moves: the change is announced.
    fs::write(root.join("policy/notice.policy"), v2()).unwrap();
    let (code, stderr) = gate(root);
    assert_eq!(code, 0, "{stderr}");
    // A sign-off gate still stops it until someone approves.
    candor()
        .args(["diff", "--git", "HEAD", "policy", "--fail-on", "material"])
        .current_dir(root)
        .assert()
        .code(1);

    // Effective before publication, for a new purpose (notice first).
    let early = v2().replace("effective 2026-07-01", "effective 2026-05-01");
    fs::write(root.join("policy/notice.policy"), &early).unwrap();
    let (code, stderr) = gate(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`effective 2026-05-01` is earlier than the publication"),
        "{stderr}"
    );
    assert!(stderr.contains("GDPR Art. 13(3)"), "{stderr}");

    // A rewording needs no new date.
    let reworded = V1.replace("the tea you ordered", "the teas you ordered");
    fs::write(root.join("policy/notice.policy"), &reworded).unwrap();
    let (code, stderr) = gate(root);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_notice_of_change_comes_from_the_same_diff() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("policy")).unwrap();
    fs::write(root.join("policy/notice.policy"), V1).unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first notice"]);
    fs::write(root.join("policy/notice.policy"), v2()).unwrap();
    let out = candor()
        .args([
            "notice-of-change",
            "--git",
            "HEAD",
            "policy",
            "--url",
            "https://larkspur-tea.example/privacy",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("notice_of_change", text);
}
