//! The findings of `candor audit`: the evidence against the policy.

use std::collections::{BTreeMap, BTreeSet};

use super::app::{App, Ecosystem};
use super::har::{Consent, Lifetime, Visit, site_of};
use super::registry::{Category, Entry, Registry};
use crate::check::audit::{
    self as rules, BEFORE_CONSENT, COOKIE_LIFETIME, GPC_IGNORED, MANIFEST, NOT_SEEN,
    SDK_STORE_LABEL, UNDECLARED_VENDOR,
};
use crate::diagnostic::Diagnostic;
use crate::model::Policy;
use crate::model::words::{AppleDataType, Jurisdiction, PlayDataType, Word};
use crate::source::Span;

/// Everything audited.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Recorded visits, each with a label for messages ("`shop.har`").
    pub visits: Vec<(String, Visit)>,
    /// The app, when one was audited.
    pub app: Option<App>,
    /// Whether the evidence covers every page and build where vendors
    /// load, so that a declared vendor never seen is worth reporting.
    pub complete: bool,
}

/// A declaration of the policy that names vendors: a vendor or a recipient
/// (a `third_party` is a recipient in the model), by id and display name.
struct Named<'p> {
    id: &'p str,
    name: &'p str,
    span: Span,
    /// Whether it is a `vendor` (only those are reported as never seen).
    vendor: bool,
}

fn named(policy: &Policy) -> Vec<Named<'_>> {
    let mut out: Vec<Named<'_>> = policy
        .vendors
        .iter()
        .map(|v| Named {
            id: &v.id,
            name: &v.name,
            span: v.span,
            vendor: true,
        })
        .collect();
    out.extend(policy.recipients.iter().map(|r| Named {
        id: &r.id,
        name: &r.name,
        span: r.span,
        vendor: false,
    }));

    out
}

/// A finding with its code and the rule's severity.
fn finding(code: &str, span: Span, message: String) -> Diagnostic {
    let severity = rules::find(code).map_or(crate::diagnostic::Severity::Warning, |r| r.severity);
    let help = rules::find(code).map(|r| r.fix);
    let d = Diagnostic::new(code, severity, span, message);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// What the policy says about a registry entry's vendor.
struct Declared<'p> {
    /// The declaration that names it.
    by: Option<&'p Named<'p>>,
    /// The policy's cookie categories that list the product itself (a
    /// category that lists only its company says nothing of this product).
    categories: Vec<&'p crate::model::CookieCategory>,
}

fn declared<'p>(
    policy: &'p Policy,
    registry: &Registry,
    names: &'p [Named<'p>],
    entry: &Entry,
) -> Declared<'p> {
    // Named as itself, or through another product of its company that the
    // notice names: the recipient is the company (GDPR Art. 13(1)(e)).
    let by = names
        .iter()
        .find(|n| entry.named_by(n.id, n.name))
        .or_else(|| {
            names.iter().find(|n| {
                registry
                    .entries
                    .iter()
                    .any(|other| other.company == entry.company && other.named_by(n.id, n.name))
            })
        });
    let categories = policy
        .cookies
        .iter()
        .filter(|c| {
            c.vendors.iter().any(|r| {
                let v = policy.get(r);
                entry.named_itself_by(&v.id, &v.name)
            })
        })
        .collect();
    Declared { by, categories }
}

/// Whether a tracker needs consent: the notice's own category decides
/// (`essential yes` means no), otherwise the registry.
fn needs_consent(entry: &Entry, declared: &Declared<'_>) -> bool {
    if !declared.categories.is_empty() {
        return declared
            .categories
            .iter()
            .any(|c| c.essential != Some(true));
    }
    entry.needs_consent()
}

/// What one visit shows of one vendor.
#[derive(Default)]
struct Sighting {
    first: Option<Span>,
    hosts: Vec<String>,
    cookies: Vec<String>,
}

impl Sighting {
    fn note(&mut self, span: Span) {
        if self.first.is_none() {
            self.first = Some(span);
        }
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.hosts.is_empty() {
            parts.push(format!("requests to {}", ticks(&self.hosts)));
        }
        if !self.cookies.is_empty() {
            parts.push(format!("cookies {}", ticks(&self.cookies)));
        }
        parts.join(" and ")
    }
}

fn ticks(list: &[String]) -> String {
    let shown: Vec<String> = list.iter().take(4).map(|s| format!("`{s}`")).collect();
    let more = list.len().saturating_sub(4);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// The vendors one visit shows, by registry index, in the order first seen.
fn sightings(registry: &Registry, visit: &Visit) -> Vec<(usize, Sighting)> {
    let own_site = visit.page_host.as_deref().map(site_of);
    let mut order: Vec<usize> = Vec::new();
    let mut map: BTreeMap<usize, Sighting> = BTreeMap::new();
    let is_own = |host: &str, entry: &Entry| {
        own_site.as_deref().is_some_and(|own| {
            site_of(host) == own && entry.domains.iter().any(|d| site_of(d) == own)
        })
    };
    // Requests and cookies interleave in the order of the visit: a cookie
    // is placed where the HAR records it.
    let mut events: Vec<(Span, bool, usize)> = visit
        .requests
        .iter()
        .enumerate()
        .map(|(i, r)| (r.span, true, i))
        .chain(
            visit
                .cookies
                .iter()
                .enumerate()
                .map(|(i, c)| (c.span, false, i)),
        )
        .collect();
    events.sort_by_key(|(s, is_request, i)| (s.start, !*is_request, *i));
    for (_, is_request, i) in events {
        if is_request {
            let r = &visit.requests[i];
            if let Some(e) = registry.by_host(&r.host)
                && !is_own(&r.host, &registry.entries[e])
            {
                let s = seen(&mut map, &mut order, e, r.span);
                if !s.hosts.contains(&r.host) {
                    s.hosts.push(r.host.clone());
                }
            }
        } else {
            let c = &visit.cookies[i];
            let by_name = registry.by_cookie(&c.name);
            let by_domain = registry.by_host(&c.domain);
            if let Some(e) = by_name.or(by_domain)
                && !(by_name.is_none() && is_own(&c.domain, &registry.entries[e]))
            {
                let s = seen(&mut map, &mut order, e, c.span);
                if !s.cookies.contains(&c.name) {
                    s.cookies.push(c.name.clone());
                }
            }
        }
    }
    order
        .into_iter()
        .filter_map(|i| map.remove(&i).map(|s| (i, s)))
        .collect()
}

fn seen<'m>(
    map: &'m mut BTreeMap<usize, Sighting>,
    order: &mut Vec<usize>,
    i: usize,
    span: Span,
) -> &'m mut Sighting {
    let s = map.entry(i).or_insert_with(|| {
        order.push(i);
        Sighting::default()
    });
    s.note(span);
    s
}

/// A declared duration, in seconds: 0 for a session, `None` when the text
/// states no period candor can read.
#[must_use]
pub fn declared_seconds(text: &str) -> Option<i64> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut longest: Option<i64> = None;
    for pair in words.windows(2) {
        let n = match pair[0] {
            "a" | "an" | "one" => Some(1),
            "two" => Some(2),
            "three" => Some(3),
            "six" => Some(6),
            "twelve" => Some(12),
            "thirteen" => Some(13),
            "eighteen" => Some(18),
            "twenty" => Some(20),
            w => w.parse::<i64>().ok(),
        };
        let unit = match pair[1].trim_end_matches('s') {
            "second" => Some(1),
            "minute" => Some(60),
            "hour" => Some(3_600),
            "day" => Some(86_400),
            "week" => Some(604_800),
            "month" => Some(2_629_746),
            "year" => Some(31_556_952),
            _ => None,
        };
        if let (Some(n), Some(unit)) = (n, unit) {
            let s = n.saturating_mul(unit);
            longest = Some(longest.map_or(s, |l: i64| l.max(s)));
        }
    }
    longest.or_else(|| lower.contains("session").then_some(0))
}

fn human_duration(seconds: i64) -> String {
    let days = (seconds + 43_200) / 86_400;
    if seconds <= 0 {
        "for the session only".to_owned()
    } else if days >= 1 {
        format!("{days} days")
    } else {
        format!("{} hours", (seconds + 1_799) / 3_600)
    }
}

/// Runs every rule of `candor audit` over the evidence.
#[must_use]
pub fn audit(policy: &Policy, registry: &Registry, evidence: &Evidence) -> Vec<Diagnostic> {
    let names = named(policy);
    let mut out = Vec::new();
    let consent_law = policy.has(Jurisdiction::Gdpr) || policy.has(Jurisdiction::UkGdpr);
    let honours_gpc = crate::views::exports::honours_gpc(policy);
    let mut reported_undeclared: BTreeSet<usize> = BTreeSet::new();
    let mut seen_web: BTreeSet<usize> = BTreeSet::new();
    let mut seen_app: BTreeSet<usize> = BTreeSet::new();

    for (label, visit) in &evidence.visits {
        for (i, sighting) in sightings(registry, visit) {
            seen_web.insert(i);
            let entry = &registry.entries[i];
            let decl = declared(policy, registry, &names, entry);
            let span = sighting.first.unwrap_or_default();
            if decl.by.is_none() && reported_undeclared.insert(i) {
                out.push(
                    finding(
                        UNDECLARED_VENDOR,
                        span,
                        format!(
                            "{} ({}) is on the site, but the notice {}",
                            tick(&entry.name),
                            entry.category.label(),
                            unnamed(entry)
                        ),
                    )
                    .with_label(format!("{} in {label}", sighting.describe())),
                );
            }
            if consent_law && visit.consent != Consent::Given && needs_consent(entry, &decl) {
                let mut d = finding(
                    BEFORE_CONSENT,
                    span,
                    format!(
                        "{} ({}) is loaded {}",
                        tick(&entry.name),
                        entry.category.label(),
                        visit.consent.when()
                    ),
                )
                .with_label(format!("{} in {label}", sighting.describe()));
                if let Some(c) = decl.categories.first() {
                    d = d.with_secondary(c.span, "the notice asks consent for this category");
                }
                out.push(d);
            }
        }
        if honours_gpc {
            let mut reported = BTreeSet::new();
            for r in visit.requests.iter().filter(|r| r.gpc) {
                if let Some(i) = registry.by_host(&r.host) {
                    let entry = &registry.entries[i];
                    if entry.category == Category::Advertising
                        && entry.cross_site
                        && reported.insert(i)
                    {
                        out.push(
                            finding(
                                GPC_IGNORED,
                                r.span,
                                format!(
                                    "a request to {} ({}) carries `Sec-GPC: 1`, though the \
                                     notice says the signal is honoured",
                                    tick(&r.host),
                                    entry.name
                                ),
                            )
                            .with_label(format!("advertising request in {label}")),
                        );
                    }
                }
            }
        }
        // Cookie lifetimes against the declared durations.
        let mut reported = BTreeSet::new();
        for c in &visit.cookies {
            let Lifetime::Seconds(set) = c.lifetime else {
                continue;
            };
            let Some(i) = registry
                .by_cookie(&c.name)
                .or_else(|| registry.by_host(&c.domain))
            else {
                continue;
            };
            let entry = &registry.entries[i];
            let decl = declared(policy, registry, &names, entry);
            for cat in &decl.categories {
                let Some(text) = cat.duration.as_deref() else {
                    continue;
                };
                let Some(limit) = declared_seconds(text) else {
                    continue;
                };
                // A day's slack: writers round, browsers cap at 400 days.
                if set > limit + 86_400 && reported.insert((c.name.clone(), cat.id.clone())) {
                    out.push(
                        finding(
                            COOKIE_LIFETIME,
                            c.span,
                            format!(
                                "cookie `{}` ({}) lives {}, longer than category {} declares \
                                 (\"{text}\")",
                                c.name,
                                entry.name,
                                human_duration(set),
                                tick(&cat.name)
                            ),
                        )
                        .with_label(format!("set in {label}"))
                        .with_secondary(cat.span, format!("duration \"{text}\"")),
                    );
                }
            }
        }
    }

    if let Some(app) = &evidence.app {
        app_findings(policy, registry, &names, app, &mut seen_app, &mut out);
    }

    // Declared vendors never seen, for the kinds of evidence audited.
    let web = evidence.complete && !evidence.visits.is_empty();
    let apps = evidence.complete && evidence.app.is_some();
    for n in names.iter().filter(|n| n.vendor) {
        let matched: Vec<usize> = registry
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.named_by(n.id, n.name))
            .map(|(i, _)| i)
            .collect();
        if matched.is_empty() {
            continue;
        }
        let recognisable_web = matched.iter().any(|&i| {
            let e = &registry.entries[i];
            !e.domains.is_empty() || !e.cookies.is_empty()
        });
        let recognisable_app = matched.iter().any(|&i| has_sdk(&registry.entries[i]));
        let seen = matched
            .iter()
            .any(|i| seen_web.contains(i) || seen_app.contains(i));
        let looked = (web && recognisable_web) || (apps && recognisable_app);
        if looked && !seen {
            out.push(finding(
                NOT_SEEN,
                n.span,
                format!(
                    "vendor {} is declared, but no visit or manifest audited shows it",
                    tick(n.name)
                ),
            ));
        }
    }
    out
}

/// "does not name it", or "names neither it nor `Google`".
fn unnamed(entry: &Entry) -> String {
    if entry.company == entry.name {
        "does not name it".to_owned()
    } else {
        format!("names neither it nor its company, {}", tick(&entry.company))
    }
}

fn tick(s: &str) -> String {
    format!("`{s}`")
}

fn has_sdk(e: &Entry) -> bool {
    !(e.npm.is_empty()
        && e.pods.is_empty()
        && e.spm.is_empty()
        && e.gradle.is_empty()
        && e.pub_.is_empty())
}

/// The registry entry for a dependency.
fn entry_for(registry: &Registry, ecosystem: Ecosystem, id: &str) -> Option<usize> {
    let root = id.split('/').next().unwrap_or(id);
    registry.entries.iter().position(|e| match ecosystem {
        Ecosystem::Npm => e.npm.iter().any(|n| n == id),
        Ecosystem::Pods => e
            .pods
            .iter()
            .any(|p| p == id || (p == root && !p.contains('/'))),
        Ecosystem::Spm => e.spm.iter().any(|s| s.eq_ignore_ascii_case(id)),
        Ecosystem::Gradle => e
            .gradle
            .iter()
            .any(|g| g == id || (g.ends_with(':') && id.starts_with(g.as_str()))),
        Ecosystem::Pub => e.pub_.iter().any(|p| p == id),
    })
}

/// Android permissions and the store data types they read.
const PERMISSIONS: &[(&str, AppleDataType, PlayDataType)] = &[
    (
        "android.permission.ACCESS_FINE_LOCATION",
        AppleDataType::PreciseLocation,
        PlayDataType::PreciseLocation,
    ),
    (
        "android.permission.ACCESS_COARSE_LOCATION",
        AppleDataType::CoarseLocation,
        PlayDataType::ApproximateLocation,
    ),
    (
        "android.permission.ACCESS_BACKGROUND_LOCATION",
        AppleDataType::PreciseLocation,
        PlayDataType::PreciseLocation,
    ),
    (
        "android.permission.READ_CONTACTS",
        AppleDataType::Contacts,
        PlayDataType::Contacts,
    ),
    (
        "android.permission.RECORD_AUDIO",
        AppleDataType::Audio,
        PlayDataType::VoiceRecordings,
    ),
    (
        "android.permission.READ_CALENDAR",
        AppleDataType::OtherUserContent,
        PlayDataType::Calendar,
    ),
    (
        "android.permission.READ_SMS",
        AppleDataType::EmailsOrTextMessages,
        PlayDataType::SmsMms,
    ),
    (
        "android.permission.ACTIVITY_RECOGNITION",
        AppleDataType::Fitness,
        PlayDataType::Fitness,
    ),
    (
        "com.google.android.gms.permission.AD_ID",
        AppleDataType::DeviceId,
        PlayDataType::DeviceIds,
    ),
];

fn app_findings(
    policy: &Policy,
    registry: &Registry,
    names: &[Named<'_>],
    app: &App,
    seen_app: &mut BTreeSet<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let apple_declared: BTreeSet<AppleDataType> =
        policy.items.iter().filter_map(|i| i.apple).collect();
    let play_declared: BTreeSet<PlayDataType> =
        policy.items.iter().filter_map(|i| i.play).collect();
    let labels_stated = !apple_declared.is_empty() || !play_declared.is_empty();
    let ios = !app.privacy_manifests.is_empty()
        || app
            .dependencies
            .iter()
            .any(|d| matches!(d.ecosystem, Ecosystem::Pods | Ecosystem::Spm));
    let android = !app.permissions.is_empty()
        || app
            .dependencies
            .iter()
            .any(|d| d.ecosystem == Ecosystem::Gradle);
    for dep in &app.dependencies {
        let Some(i) = entry_for(registry, dep.ecosystem, &dep.id) else {
            continue;
        };
        if !seen_app.insert(i) {
            continue;
        }
        let entry = &registry.entries[i];
        let decl = declared(policy, registry, names, entry);
        if decl.by.is_none() {
            out.push(
                finding(
                    UNDECLARED_VENDOR,
                    dep.span,
                    format!(
                        "the app links {} ({}), but the notice {}",
                        tick(&entry.name),
                        entry.category.label(),
                        unnamed(entry)
                    ),
                )
                .with_label(format!("SDK `{}`", dep.id)),
            );
        }
        if labels_stated {
            let mut missing: Vec<&str> = Vec::new();
            if ios || !android {
                missing.extend(
                    entry
                        .apple_types()
                        .filter(|t| !apple_declared.contains(t))
                        .map(|t| t.word()),
                );
            }
            let mut missing_play: Vec<&str> = Vec::new();
            if android || !ios {
                missing_play.extend(
                    entry
                        .play_types()
                        .filter(|t| !play_declared.contains(t))
                        .map(|t| t.word()),
                );
            }
            if !missing.is_empty() || !missing_play.is_empty() {
                let mut what = Vec::new();
                if !missing.is_empty() {
                    what.push(format!("Apple {}", missing.join(", ")));
                }
                if !missing_play.is_empty() {
                    what.push(format!("Play {}", missing_play.join(", ")));
                }
                out.push(
                    finding(
                        SDK_STORE_LABEL,
                        dep.span,
                        format!(
                            "{} collects data the store labels do not declare: {}",
                            tick(&entry.name),
                            what.join("; ")
                        ),
                    )
                    .with_label(format!("SDK `{}`", dep.id)),
                );
            }
        }
        // The iOS privacy manifest speaks for the SDKs an iOS build links.
        let ios_sdk = dep.ecosystem != Ecosystem::Gradle;
        for manifest in app.privacy_manifests.iter().filter(|_| ios_sdk) {
            let tracks = entry.cross_site
                && matches!(
                    entry.category,
                    Category::Advertising | Category::Attribution
                );
            if tracks && !manifest.tracking {
                out.push(
                    finding(
                        MANIFEST,
                        dep.span,
                        format!(
                            "{} tracks across other companies' apps, but the privacy manifest \
                             says `NSPrivacyTracking` false",
                            tick(&entry.name)
                        ),
                    )
                    .with_secondary(manifest.span, "the app's privacy manifest"),
                );
            } else if tracks {
                let missing: Vec<String> = entry
                    .domains
                    .iter()
                    .filter(|d| {
                        !manifest
                            .tracking_domains
                            .iter()
                            .any(|t| super::registry::host_within(t, d))
                    })
                    .cloned()
                    .collect();
                if !entry.domains.is_empty() && missing.len() == entry.domains.len() {
                    out.push(
                        finding(
                            MANIFEST,
                            dep.span,
                            format!(
                                "{} tracks, but none of its domains ({}) is in \
                                 `NSPrivacyTrackingDomains`",
                                tick(&entry.name),
                                ticks(&missing)
                            ),
                        )
                        .with_secondary(manifest.span, "the app's privacy manifest"),
                    );
                }
            }
        }
    }
    // The app's own privacy manifest against the store label.
    if labels_stated {
        for manifest in &app.privacy_manifests {
            for (key, span) in &manifest.collected {
                let t = AppleDataType::WORDS
                    .iter()
                    .filter_map(|w| AppleDataType::from_word(w))
                    .find(|t| t.manifest_key() == key);
                if let Some(t) = t
                    && !apple_declared.contains(&t)
                {
                    out.push(finding(
                        MANIFEST,
                        *span,
                        format!(
                            "the privacy manifest declares `{key}`, but no item of the notice is \
                             `apple {}`",
                            t.word()
                        ),
                    ));
                }
            }
        }
        for p in &app.permissions {
            if let Some((_, apple, play)) = PERMISSIONS.iter().find(|(n, _, _)| *n == p.name)
                && !play_declared.contains(play)
                && !apple_declared.contains(apple)
            {
                out.push(finding(
                    MANIFEST,
                    p.span,
                    format!(
                        "the app asks for `{}`, but no item of the notice is `play {}`",
                        p.name,
                        play.word()
                    ),
                ));
            }
        }
    }
}
