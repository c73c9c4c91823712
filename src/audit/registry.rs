//! The vendor registry: what `candor audit` knows about web trackers and
//! mobile SDKs, read from `data/vendors.toml` (built into the binary) and,
//! where a policy ships one, from its own `vendors.toml`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::words::{AppleDataType, PlayDataType, Word};

/// The registry shipped with candor.
pub const BUILTIN: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/vendors.toml"));

/// What a vendor's product does, as the registry classes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Measures visits and use.
    Analytics,
    /// Targets or measures advertising.
    Advertising,
    /// Social plug-ins and embeds.
    Social,
    /// Loads other tags.
    TagManager,
    /// Records sessions for replay.
    SessionReplay,
    /// Reports crashes.
    CrashReporting,
    /// Application performance monitoring.
    Monitoring,
    /// Attributes installs and campaigns.
    Attribution,
    /// Push notifications.
    Push,
    /// In-app and e-mail messaging.
    Messaging,
    /// Support chat.
    SupportChat,
    /// Payments.
    Payments,
    /// A consent tool.
    Consent,
    /// Bot and fraud protection.
    Security,
    /// A video player.
    Video,
    /// Maps.
    Maps,
    /// Web fonts.
    Fonts,
    /// Experiments and feature flags.
    ABTesting,
    /// A customer data platform.
    CustomerData,
    /// Marketing automation and forms.
    MarketingAutomation,
}

impl Category {
    /// The words a person reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Category::Analytics => "analytics",
            Category::Advertising => "advertising",
            Category::Social => "social network",
            Category::TagManager => "tag manager",
            Category::SessionReplay => "session replay",
            Category::CrashReporting => "crash reporting",
            Category::Monitoring => "performance monitoring",
            Category::Attribution => "install attribution",
            Category::Push => "push notifications",
            Category::Messaging => "customer messaging",
            Category::SupportChat => "support chat",
            Category::Payments => "payments",
            Category::Consent => "consent management",
            Category::Security => "security",
            Category::Video => "video player",
            Category::Maps => "maps",
            Category::Fonts => "web fonts",
            Category::ABTesting => "experiments",
            Category::CustomerData => "customer data platform",
            Category::MarketingAutomation => "marketing automation",
        }
    }

    /// Whether the category is, by default, strictly necessary for a
    /// service the person asked for.
    fn essential(self) -> bool {
        matches!(
            self,
            Category::Payments | Category::Consent | Category::Security
        )
    }
}

/// One product of the registry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id, kebab-case.
    pub id: String,
    /// The product's name.
    pub name: String,
    /// The company behind it.
    pub company: String,
    /// Other names a notice may use.
    pub aliases: Vec<String>,
    /// What it does.
    pub category: Category,
    /// Whether it links what it learns across other companies' sites or apps.
    pub cross_site: bool,
    /// Whether it needs consent; `None` takes the category's default.
    pub consent: Option<bool>,
    /// Hosts.
    pub domains: Vec<String>,
    /// Cookie name patterns.
    pub cookies: Vec<String>,
    /// npm packages.
    pub npm: Vec<String>,
    /// CocoaPods pods.
    pub pods: Vec<String>,
    /// Swift package identities.
    pub spm: Vec<String>,
    /// Gradle `group:artifact` (or `group:`).
    pub gradle: Vec<String>,
    /// pub.dev packages.
    pub pub_: Vec<String>,
    /// Apple data types the SDK collects.
    pub apple: Vec<String>,
    /// Play data types the SDK collects.
    pub play: Vec<String>,
    /// The vendor's documentation of these facts.
    pub source: String,
    /// A page per fact, where one page does not state them all.
    pub sources: BTreeMap<String, String>,
}

impl Entry {
    /// Whether loading it needs the person's consent.
    #[must_use]
    pub fn needs_consent(&self) -> bool {
        self.consent.unwrap_or(!self.category.essential())
    }

    /// Whether `host` is one of its hosts (or below one).
    #[must_use]
    pub fn matches_host(&self, host: &str) -> bool {
        self.domains.iter().any(|d| host_within(host, d))
    }

    /// Whether a cookie of this name is one of its cookies.
    #[must_use]
    pub fn matches_cookie(&self, name: &str) -> bool {
        self.cookies.iter().any(|p| glob(p, name))
    }

    /// The Apple data types, as candor's words.
    pub fn apple_types(&self) -> impl Iterator<Item = AppleDataType> + '_ {
        self.apple
            .iter()
            .filter_map(|w| AppleDataType::from_word(w))
    }

    /// The Play data types, as candor's words.
    pub fn play_types(&self) -> impl Iterator<Item = PlayDataType> + '_ {
        self.play.iter().filter_map(|w| PlayDataType::from_word(w))
    }

    /// The names a notice may give it, normalised: id, name, company, aliases.
    fn names(&self) -> impl Iterator<Item = String> + '_ {
        [self.id.as_str(), self.name.as_str(), self.company.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .map(normalise)
    }

    /// Whether a notice's vendor (its id or display name) names this product
    /// or its company.
    #[must_use]
    pub fn named_by(&self, id: &str, name: &str) -> bool {
        let (id, name) = (normalise(id), normalise(name));
        self.names()
            .any(|n| !n.is_empty() && (n == id || n == name))
    }

    /// Whether a notice's vendor names this product itself (its id, name or
    /// one of its other names), not only its company.
    #[must_use]
    pub fn named_itself_by(&self, id: &str, name: &str) -> bool {
        let (id, name) = (normalise(id), normalise(name));
        [self.id.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .map(normalise)
            .any(|n| !n.is_empty() && (n == id || n == name))
    }

    /// Every problem with the entry's facts: a missing or non-https source,
    /// a word outside candor's sets, a domain with a path.
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !is_https(&self.source) {
            out.push(format!(
                "`{}` cites no source (an https URL of the vendor's own documentation)",
                self.id
            ));
        }
        for (fact, url) in &self.sources {
            if !is_https(url) {
                out.push(format!(
                    "`{}`: the source of `{fact}` is not an https URL",
                    self.id
                ));
            }
        }
        for w in &self.apple {
            if AppleDataType::from_word(w).is_none() {
                out.push(format!("`{}`: `{w}` is not an Apple data type", self.id));
            }
        }
        for w in &self.play {
            if PlayDataType::from_word(w).is_none() {
                out.push(format!("`{}`: `{w}` is not a Play data type", self.id));
            }
        }
        for d in &self.domains {
            if d.contains('/') || d.contains(':') || d.starts_with('.') || d.is_empty() {
                out.push(format!("`{}`: `{d}` is not a host name", self.id));
            }
        }
        out
    }
}

fn is_https(url: &str) -> bool {
    url.strip_prefix("https://")
        .is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')))
}

/// Lower case, letters and digits only: "Google Analytics" and
/// `google_analytics` are the same name.
#[must_use]
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether `host` is `domain` or a host below it.
#[must_use]
pub fn host_within(host: &str, domain: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let domain = domain.to_ascii_lowercase();
    host == domain
        || host
            .strip_suffix(&domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// A glob where `*` stands for any run of characters; case-sensitive, as
/// cookie names are.
#[must_use]
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// The file's shape: `[[vendor]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    vendor: Vec<RawEntry>,
}

/// `pub` is a keyword in Rust; the file says `pub`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    name: String,
    company: String,
    #[serde(default)]
    aliases: Vec<String>,
    category: Category,
    cross_site: bool,
    #[serde(default)]
    consent: Option<bool>,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    cookies: Vec<String>,
    #[serde(default)]
    npm: Vec<String>,
    #[serde(default)]
    pods: Vec<String>,
    #[serde(default)]
    spm: Vec<String>,
    #[serde(default)]
    gradle: Vec<String>,
    #[serde(default, rename = "pub")]
    pub_: Vec<String>,
    #[serde(default)]
    apple: Vec<String>,
    #[serde(default)]
    play: Vec<String>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    sources: BTreeMap<String, String>,
}

/// The registry: every entry, in file order (the built-in file first, then
/// the policy's own, whose entries replace built-in ones of the same id).
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The entries.
    pub entries: Vec<Entry>,
}

impl Registry {
    /// Reads a registry file.
    ///
    /// # Errors
    /// The file is not TOML of the registry's shape, as a message.
    pub fn parse(text: &str) -> Result<Registry, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let entries = file
            .vendor
            .into_iter()
            .map(|r| Entry {
                id: r.id,
                name: r.name,
                company: r.company,
                aliases: r.aliases,
                category: r.category,
                cross_site: r.cross_site,
                consent: r.consent,
                domains: r.domains,
                cookies: r.cookies,
                npm: r.npm,
                pods: r.pods,
                spm: r.spm,
                gradle: r.gradle,
                pub_: r.pub_,
                apple: r.apple,
                play: r.play,
                source: r.source,
                sources: r.sources,
            })
            .collect();
        Ok(Registry { entries })
    }

    /// The registry shipped with candor.
    ///
    /// # Errors
    /// Only if the shipped file is broken (a test guards it).
    pub fn builtin() -> Result<Registry, String> {
        Registry::parse(BUILTIN)
    }

    /// Adds a policy's own entries; one with a built-in id replaces it.
    pub fn extend(&mut self, other: Registry) {
        for entry in other.entries {
            if let Some(slot) = self.entries.iter_mut().find(|e| e.id == entry.id) {
                *slot = entry;
            } else {
                self.entries.push(entry);
            }
        }
    }

    /// The entry for a host: the one whose domain is the longest match, so
    /// that `googleads.g.doubleclick.net` is Google Ads, not DoubleClick.
    #[must_use]
    pub fn by_host(&self, host: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, e) in self.entries.iter().enumerate() {
            for d in &e.domains {
                if host_within(host, d) && best.is_none_or(|(_, len)| d.len() > len) {
                    best = Some((i, d.len()));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// The entry for a cookie name (the first whose pattern matches).
    #[must_use]
    pub fn by_cookie(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.matches_cookie(name))
    }
}
