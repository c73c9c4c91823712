//! An app's source tree: the SDKs its dependency manifests link, and what
//! its iOS privacy manifest and Android manifest declare.
//!
//! Read: `package.json` (dependencies) and `package-lock.json` (packages
//! that are not development-only); `Podfile.lock`; `Package.resolved`
//! (Swift Package Manager, versions 1 to 3); `build.gradle`,
//! `build.gradle.kts` and Gradle version catalogs (`*.versions.toml`);
//! `pubspec.lock`; `PrivacyInfo.xcprivacy`; `AndroidManifest.xml`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::source::{FileId, SourceFile, Sources, Span};

/// A package ecosystem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ecosystem {
    /// npm.
    Npm,
    /// CocoaPods.
    Pods,
    /// Swift Package Manager.
    Spm,
    /// Gradle (Maven coordinates).
    Gradle,
    /// pub.dev.
    Pub,
}

/// One dependency a manifest names.
#[derive(Clone, Debug)]
pub struct Dependency {
    /// Its ecosystem.
    pub ecosystem: Ecosystem,
    /// Its id: an npm name, a pod, a package identity, `group:artifact`.
    pub id: String,
    /// Where the manifest names it.
    pub span: Span,
}

/// The iOS privacy manifest's declarations.
#[derive(Clone, Debug, Default)]
pub struct PrivacyManifest {
    /// Where it says `NSPrivacyTracking` (or its first line).
    pub span: Span,
    /// `NSPrivacyTracking`.
    pub tracking: bool,
    /// `NSPrivacyTrackingDomains`.
    pub tracking_domains: Vec<String>,
    /// `NSPrivacyCollectedDataType` values, with where each is written.
    pub collected: Vec<(String, Span)>,
}

/// One Android permission.
#[derive(Clone, Debug)]
pub struct Permission {
    /// `android.permission.ACCESS_FINE_LOCATION`.
    pub name: String,
    /// Where the manifest asks for it.
    pub span: Span,
}

/// What the app's files say.
#[derive(Clone, Debug, Default)]
pub struct App {
    /// Every dependency, file by file.
    pub dependencies: Vec<Dependency>,
    /// The app's own privacy manifests (not those inside vendored SDKs).
    pub privacy_manifests: Vec<PrivacyManifest>,
    /// Android permissions.
    pub permissions: Vec<Permission>,
    /// The manifests read, for the report.
    pub files_read: usize,
}

/// Folders that hold other projects' files: dependencies, builds.
const SKIP: &[&str] = &[
    "node_modules",
    "Pods",
    ".git",
    ".gradle",
    "build",
    "DerivedData",
    ".build",
    ".dart_tool",
    "target",
    "vendor",
];

/// Reads every manifest under `dir`, adding each file read to `sources`.
///
/// # Errors
/// The directory cannot be read, as a message.
pub fn scan(dir: &Path, sources: &mut Sources) -> Result<App, String> {
    if !dir.is_dir() {
        return Err(format!("`{}` is not a directory", dir.display()));
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths, 0).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?;
    paths.sort();
    let mut app = App::default();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let kind = match name {
            "package.json" => Kind::PackageJson,
            "package-lock.json" => Kind::PackageLock,
            "Podfile.lock" => Kind::Podfile,
            "Package.resolved" => Kind::Resolved,
            "build.gradle" | "build.gradle.kts" => Kind::Gradle,
            "pubspec.lock" => Kind::Pubspec,
            "PrivacyInfo.xcprivacy" => Kind::Xcprivacy,
            "AndroidManifest.xml" => Kind::AndroidManifest,
            n if n.ends_with(".versions.toml") => Kind::Catalog,
            _ => continue,
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let file = sources.add(SourceFile::new(path.clone(), &text));
        let text = sources.get(file).text.clone();
        app.files_read += 1;
        let found = match kind {
            Kind::PackageJson => package_json(&text),
            Kind::PackageLock => package_lock(&text),
            Kind::Podfile => podfile_lock(&text),
            Kind::Resolved => package_resolved(&text),
            Kind::Gradle => gradle(&text),
            Kind::Catalog => catalog(&text),
            Kind::Pubspec => pubspec_lock(&text),
            Kind::Xcprivacy => {
                app.privacy_manifests.push(xcprivacy(&text, file));
                Vec::new()
            }
            Kind::AndroidManifest => {
                app.permissions.extend(permissions(&text, file));
                Vec::new()
            }
        };
        let mut cursor = 0;
        for (ecosystem, id) in found {
            let span = locate(&text, &id, &mut cursor, file);
            if !app
                .dependencies
                .iter()
                .any(|d| d.ecosystem == ecosystem && d.id == id)
            {
                app.dependencies.push(Dependency {
                    ecosystem,
                    id,
                    span,
                });
            }
        }
    }
    Ok(app)
}

#[derive(Clone, Copy)]
enum Kind {
    PackageJson,
    PackageLock,
    Podfile,
    Resolved,
    Gradle,
    Catalog,
    Pubspec,
    Xcprivacy,
    AndroidManifest,
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    if depth > 12 {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            let skip = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| SKIP.contains(&n));
            if !skip {
                walk(&path, out, depth + 1)?;
            }
        } else if kind.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// The span of `id` in the text at or after the cursor (the cursor moves
/// on); the file's start when it is not written as such.
fn locate(text: &str, id: &str, cursor: &mut usize, file: FileId) -> Span {
    let find = |from: usize| text.get(from..).and_then(|t| t.find(id)).map(|i| from + i);
    match find(*cursor).or_else(|| find(0)) {
        Some(start) => {
            *cursor = start + id.len();
            Span::new(file, start, start + id.len())
        }
        None => {
            // A catalog's `group = "g", name = "a"` names the two apart.
            let group = id.split(':').next().unwrap_or(id);
            match text.find(group) {
                Some(start) if !group.is_empty() => Span::new(file, start, start + group.len()),
                _ => Span::new(file, 0, 0),
            }
        }
    }
}

fn package_json(text: &str) -> Vec<(Ecosystem, String)> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    doc.get("dependencies")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, _)| (Ecosystem::Npm, name.clone()))
        .collect()
}

fn package_lock(text: &str) -> Vec<(Ecosystem, String)> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    doc.get("packages")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, p)| p.get("dev").and_then(Value::as_bool) != Some(true))
        .filter_map(|(path, _)| path.rsplit_once("node_modules/").map(|(_, n)| n.to_owned()))
        .map(|name| (Ecosystem::Npm, name))
        .collect()
}

fn podfile_lock(text: &str) -> Vec<(Ecosystem, String)> {
    let mut out = Vec::new();
    let mut in_pods = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            in_pods = line.trim_end() == "PODS:";
            continue;
        }
        if !in_pods {
            continue;
        }
        // `  - Name (1.0):` is a pod; `    - Dep (...)` (deeper) its dependency.
        if let Some(rest) = line.strip_prefix("  - ") {
            let name = rest
                .trim_matches('"')
                .split(" (")
                .next()
                .unwrap_or("")
                .trim_end_matches(':')
                .trim();
            if !name.is_empty() {
                out.push((Ecosystem::Pods, name.to_owned()));
            }
        }
    }
    out
}

fn package_resolved(text: &str) -> Vec<(Ecosystem, String)> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let pins = doc
        .get("pins")
        .or_else(|| doc.get("object").and_then(|o| o.get("pins")))
        .and_then(Value::as_array);
    pins.into_iter()
        .flatten()
        .filter_map(|p| {
            let location = p
                .get("location")
                .or_else(|| p.get("repositoryURL"))
                .and_then(Value::as_str);
            let identity = p.get("identity").and_then(Value::as_str).map(str::to_owned);
            identity.or_else(|| {
                location.and_then(|l| {
                    l.trim_end_matches('/')
                        .rsplit('/')
                        .next()
                        .map(|n| n.trim_end_matches(".git").to_ascii_lowercase())
                })
            })
        })
        .map(|id| (Ecosystem::Spm, id))
        .collect()
}

/// Quoted `group:artifact[:version]` strings in a Gradle build file.
fn gradle(text: &str) -> Vec<(Ecosystem, String)> {
    let mut out = Vec::new();
    for quote in ['"', '\''] {
        for (i, piece) in text.split(quote).enumerate() {
            if i % 2 == 1
                && let Some(coordinate) = coordinate(piece)
            {
                out.push((Ecosystem::Gradle, coordinate));
            }
        }
    }
    out
}

/// `group:artifact` of a Maven coordinate, or `None`.
fn coordinate(text: &str) -> Option<String> {
    let mut parts = text.split(':');
    let (group, artifact) = (parts.next()?, parts.next()?);
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    (ok(group) && ok(artifact) && group.contains('.')).then(|| format!("{group}:{artifact}"))
}

/// A Gradle version catalog's `[libraries]`.
fn catalog(text: &str) -> Vec<(Ecosystem, String)> {
    let Ok(doc) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let Some(libraries) = doc.get("libraries").and_then(toml::Value::as_table) else {
        return Vec::new();
    };
    libraries
        .values()
        .filter_map(|lib| match lib {
            toml::Value::String(s) => coordinate(s),
            toml::Value::Table(t) => match (t.get("module"), t.get("group"), t.get("name")) {
                (Some(toml::Value::String(m)), _, _) => coordinate(m),
                (_, Some(toml::Value::String(g)), Some(toml::Value::String(n))) => {
                    coordinate(&format!("{g}:{n}"))
                }
                _ => None,
            },
            _ => None,
        })
        .map(|c| (Ecosystem::Gradle, c))
        .collect()
}

/// `pubspec.lock`: the names under `packages:`.
fn pubspec_lock(text: &str) -> Vec<(Ecosystem, String)> {
    let mut out = Vec::new();
    let mut in_packages = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            in_packages = line.trim_end() == "packages:";
            continue;
        }
        if in_packages
            && let Some(rest) = line.strip_prefix("  ")
            && !rest.starts_with(' ')
            && let Some(name) = rest.trim_end().strip_suffix(':')
        {
            out.push((Ecosystem::Pub, name.trim_matches('"').to_owned()));
        }
    }
    out
}

/// The strings of a plist `<array>` that follows `<key>KEY</key>`.
fn plist_strings(text: &str, key: &str) -> Vec<String> {
    let marker = format!("<key>{key}</key>");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(&marker) {
        rest = &rest[i + marker.len()..];
        let after = rest.trim_start();
        if after.starts_with("<string>") {
            if let Some(end) = after.find("</string>") {
                out.push(after["<string>".len()..end].trim().to_owned());
            }
        } else if after.starts_with("<array>") {
            let end = after.find("</array>").unwrap_or(after.len());
            for piece in after[..end].split("<string>").skip(1) {
                if let Some(e) = piece.find("</string>") {
                    out.push(piece[..e].trim().to_owned());
                }
            }
        }
    }
    out
}

fn xcprivacy(text: &str, file: FileId) -> PrivacyManifest {
    let tracking = text
        .find("<key>NSPrivacyTracking</key>")
        .map(|i| &text[i + "<key>NSPrivacyTracking</key>".len()..])
        .is_some_and(|rest| rest.trim_start().starts_with("<true"));
    let key = "<key>NSPrivacyTracking</key>";
    let span = text.find(key).map_or_else(
        || Span::new(file, 0, text.find('\n').unwrap_or(0)),
        |i| Span::new(file, i, i + key.len()),
    );
    let mut from = 0;
    let collected = plist_strings(text, "NSPrivacyCollectedDataType")
        .into_iter()
        .map(|value| {
            let at = text
                .get(from..)
                .and_then(|t| t.find(&value))
                .map_or(0, |i| from + i);
            let end = at + if at == 0 { 0 } else { value.len() };
            from = end.max(from);
            (value, Span::new(file, at, end))
        })
        .collect();
    PrivacyManifest {
        span,
        tracking,
        tracking_domains: plist_strings(text, "NSPrivacyTrackingDomains"),
        collected,
    }
}

fn permissions(text: &str, file: FileId) -> Vec<Permission> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("<uses-permission") {
        let start = from + i;
        let end = text[start..].find('>').map_or(text.len(), |e| start + e);
        let tag = &text[start..end];
        if let Some(n) = tag.find("android:name=") {
            let value = &tag[n + "android:name=".len()..];
            let q = value.chars().next().unwrap_or('"');
            let inner = value.get(q.len_utf8()..).unwrap_or("");
            if let Some(close) = inner.find(q) {
                let name = &inner[..close];
                let at = start + n + "android:name=".len() + q.len_utf8();
                out.push(Permission {
                    name: name.to_owned(),
                    span: Span::new(file, at, at + name.len()),
                });
            }
        }
        from = end.max(start + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_manifests_do_not_panic() {
        let _ = permissions("<uses-permission android:name=", FileId(0));
        let _ = permissions("<uses-permission android:name=\u{e9}x\u{e9}/>", FileId(0));
        let _ = xcprivacy(
            "<key>NSPrivacyCollectedDataType</key><string>\u{e9}</string>",
            FileId(0),
        );
        let _ = plist_strings("<key>K</key><array><string>a", "K");
        let _ = pubspec_lock("packages:\n  :\n");
        let _ = podfile_lock("PODS:\n  - \n");
    }

    #[test]
    fn podfile_pods_and_subspecs() {
        let text = "PODS:\n  - Firebase/Crashlytics (10.1.0):\n    - FirebaseCrashlytics (~> 10.1.0)\n  - FirebaseCrashlytics (10.1.0)\n\nDEPENDENCIES:\n  - Firebase/Crashlytics\n";
        let pods: Vec<String> = podfile_lock(text).into_iter().map(|p| p.1).collect();
        assert_eq!(pods, ["Firebase/Crashlytics", "FirebaseCrashlytics"]);
    }

    #[test]
    fn npm_manifests_and_locks() {
        let json = r#"{"name": "stride-web", "dependencies": {"@sentry/react": "^8.40.0", "react": "^18.3.1"},
            "devDependencies": {"@playwright/test": "^1.49.0"}}"#;
        let names: Vec<String> = package_json(json).into_iter().map(|p| p.1).collect();
        assert_eq!(names, ["@sentry/react", "react"]);
        let lock = r#"{"lockfileVersion": 3, "packages": {
            "": {"name": "stride-web"},
            "node_modules/@sentry/react": {"version": "8.40.0"},
            "node_modules/@playwright/test": {"version": "1.49.0", "dev": true},
            "node_modules/@sentry/react/node_modules/@sentry/core": {"version": "8.40.0"}}}"#;
        let names: Vec<String> = package_lock(lock).into_iter().map(|p| p.1).collect();
        assert_eq!(names, ["@sentry/react", "@sentry/core"]);
    }

    #[test]
    fn pub_and_swift_locks() {
        let pubspec = "packages:\n  firebase_crashlytics:\n    dependency: \"direct main\"\n    description:\n      name: firebase_crashlytics\n    version: \"4.1.5\"\n  http:\n    dependency: transitive\nsdks:\n  dart: \">=3.5.0 <4.0.0\"\n";
        let names: Vec<String> = pubspec_lock(pubspec).into_iter().map(|p| p.1).collect();
        assert_eq!(names, ["firebase_crashlytics", "http"]);
        let v1 = r#"{"object": {"pins": [{"package": "Sentry", "repositoryURL": "https://github.com/getsentry/sentry-cocoa.git", "state": {"version": "8.40.1"}}]}, "version": 1}"#;
        let names: Vec<String> = package_resolved(v1).into_iter().map(|p| p.1).collect();
        assert_eq!(names, ["sentry-cocoa"]);
    }

    #[test]
    fn gradle_coordinates() {
        let text = "dependencies {\n  implementation(\"com.google.firebase:firebase-crashlytics:19.0.0\")\n  implementation 'io.sentry:sentry-android:7.0.0'\n  id(\"com.android.application\")\n}\n";
        let found: Vec<String> = gradle(text).into_iter().map(|p| p.1).collect();
        assert_eq!(
            found,
            [
                "com.google.firebase:firebase-crashlytics",
                "io.sentry:sentry-android"
            ]
        );
    }

    #[test]
    fn catalogs() {
        let text = "[libraries]\na = \"com.adjust.sdk:adjust-android:5.0.0\"\nb = { module = \"io.sentry:sentry-android\", version.ref = \"s\" }\nc = { group = \"com.appsflyer\", name = \"af-android-sdk\" }\n";
        let mut found: Vec<String> = catalog(text).into_iter().map(|p| p.1).collect();
        found.sort();
        assert_eq!(
            found,
            [
                "com.adjust.sdk:adjust-android",
                "com.appsflyer:af-android-sdk",
                "io.sentry:sentry-android"
            ]
        );
    }
}
