//! HAR 1.2 files (from browser devtools, Playwright or puppeteer): the
//! requests of one visit in order, the cookies set (name, domain, lifetime),
//! and the request headers that carry a signal (`Sec-GPC: 1`).
//!
//! HAR files only record cookies that travel in HTTP headers: a cookie a
//! script writes (`document.cookie`) shows up when a later request sends
//! it, without its lifetime. candor's own visits (`--url`) add the
//! browser's cookie jar as the log's `_cookies` (HAR allows fields that
//! begin with `_`), which has the lifetime of every cookie.

use serde_json::Value;

use crate::source::{FileId, Span};

/// What the visitor had said about cookies when the visit was recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    /// Nothing: a first visit, no banner touched.
    None,
    /// The visitor refused.
    Refused,
    /// The visitor accepted.
    Given,
}

impl Consent {
    /// Words for a message: "before the visitor consents".
    #[must_use]
    pub fn when(self) -> &'static str {
        match self {
            Consent::None => "before the visitor consents",
            Consent::Refused => "after the visitor refused consent",
            Consent::Given => "after the visitor consented",
        }
    }
}

/// How long a cookie lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
    /// Not recorded (a cookie seen only in a request).
    Unknown,
    /// Until the browser closes.
    Session,
    /// This many seconds from when it was set.
    Seconds(i64),
}

/// One request of a visit.
#[derive(Clone, Debug)]
pub struct Request {
    /// The full URL.
    pub url: String,
    /// Its host, lower case.
    pub host: String,
    /// Whether it carried `Sec-GPC: 1`.
    pub gpc: bool,
    /// Where the HAR records it.
    pub span: Span,
}

/// One cookie seen in a visit.
#[derive(Clone, Debug)]
pub struct Cookie {
    /// Its name.
    pub name: String,
    /// The domain it was set for (or the host that set or received it).
    pub domain: String,
    /// How long it lives.
    pub lifetime: Lifetime,
    /// Where the HAR records it.
    pub span: Span,
}

/// One recorded visit.
#[derive(Clone, Debug)]
pub struct Visit {
    /// The page's host: the first party.
    pub page_host: Option<String>,
    /// What the visitor had said about cookies.
    pub consent: Consent,
    /// Requests, in the order they started.
    pub requests: Vec<Request>,
    /// Cookies, in the order they were first seen.
    pub cookies: Vec<Cookie>,
}

/// Reads a HAR file's text.
///
/// # Errors
/// The text is not JSON or has no `log.entries`, as a message.
pub fn parse(text: &str, file: FileId, consent: Consent) -> Result<Visit, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let log = doc.get("log").ok_or("no `log` object: not a HAR file")?;
    let entries = log
        .get("entries")
        .and_then(Value::as_array)
        .ok_or("no `log.entries` array: not a HAR file")?;
    let mut finder = Finder { text, cursor: 0 };
    // Entries in the order they started (stable for equal times).
    let mut ordered: Vec<(Option<i64>, usize, &Value)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let started = e
                .get("startedDateTime")
                .and_then(Value::as_str)
                .and_then(iso_millis);
            (started, i, e)
        })
        .collect();
    // Spans are found in file order, before sorting.
    let mut spans = Vec::with_capacity(ordered.len());
    for (_, _, e) in &ordered {
        let url = request_url(e).unwrap_or_default();
        spans.push(finder.find_string(url, file));
    }
    ordered.sort_by_key(|(t, i, _)| (t.unwrap_or(i64::MIN), *i));
    let mut visit = Visit {
        page_host: page_host(log),
        consent,
        requests: Vec::new(),
        cookies: Vec::new(),
    };
    for (started, index, entry) in ordered {
        let span = spans[index];
        let Some(url) = request_url(entry) else {
            continue;
        };
        let Some(host) = host_of(url) else { continue };
        let request = entry.get("request");
        let gpc =
            headers(request).any(|(n, v)| n.eq_ignore_ascii_case("sec-gpc") && v.trim() == "1");
        // Cookies the request sends: set earlier, perhaps by a script.
        for name in request
            .and_then(|r| r.get("cookies"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|c| c.get("name").and_then(Value::as_str))
        {
            let span = finder.find_in(name, span, file);
            add_cookie(&mut visit, name, &host, Lifetime::Unknown, span);
        }
        // Cookies the response sets.
        let response = entry.get("response");
        let mut set_here = Vec::new();
        for c in response
            .and_then(|r| r.get("cookies"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(name) = c.get("name").and_then(Value::as_str) else {
                continue;
            };
            let domain = c
                .get("domain")
                .and_then(Value::as_str)
                .filter(|d| !d.is_empty())
                .map_or_else(
                    || host.clone(),
                    |d| d.trim_start_matches('.').to_ascii_lowercase(),
                );
            let lifetime = match c.get("expires").and_then(Value::as_str) {
                Some(exp) => match (iso_millis(exp), started) {
                    (Some(e), Some(s)) => Lifetime::Seconds((e - s) / 1000),
                    _ => Lifetime::Unknown,
                },
                None => Lifetime::Session,
            };
            set_here.push((name.to_owned(), domain, lifetime));
        }
        for (n, v) in headers(response) {
            if n.eq_ignore_ascii_case("set-cookie") {
                for line in v.split('\n') {
                    if let Some(c) = parse_set_cookie(line, &host, started) {
                        set_here.push(c);
                    }
                }
            }
        }
        for (name, domain, lifetime) in set_here {
            let span = finder.find_in(&name, span, file);
            add_cookie(&mut visit, &name, &domain, lifetime, span);
        }
        visit.requests.push(Request {
            url: url.to_owned(),
            host,
            gpc,
            span,
        });
    }
    // candor's own extension: the browser's cookie jar at the end of the visit.
    for c in log
        .get("_cookies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (Some(name), Some(domain)) = (
            c.get("name").and_then(Value::as_str),
            c.get("domain").and_then(Value::as_str),
        ) else {
            continue;
        };
        let lifetime = match c.get("lifetime").and_then(Value::as_i64) {
            Some(s) if s >= 0 => Lifetime::Seconds(s),
            _ => Lifetime::Session,
        };
        let span = finder.find_string(name, file);
        add_cookie(
            &mut visit,
            name,
            &domain.trim_start_matches('.').to_ascii_lowercase(),
            lifetime,
            span,
        );
    }
    Ok(visit)
}

/// Records a cookie once per name and domain, keeping a known lifetime over
/// an unknown one and the longest of two known ones.
fn add_cookie(visit: &mut Visit, name: &str, domain: &str, lifetime: Lifetime, span: Span) {
    if let Some(old) = visit
        .cookies
        .iter_mut()
        .find(|c| c.name == name && c.domain == domain)
    {
        old.lifetime = match (old.lifetime, lifetime) {
            (Lifetime::Unknown, new) => new,
            (Lifetime::Seconds(a), Lifetime::Seconds(b)) => Lifetime::Seconds(a.max(b)),
            (Lifetime::Session, Lifetime::Seconds(b)) => Lifetime::Seconds(b),
            (kept, _) => kept,
        };
        return;
    }
    visit.cookies.push(Cookie {
        name: name.to_owned(),
        domain: domain.to_owned(),
        lifetime,
        span,
    });
}

fn request_url(entry: &Value) -> Option<&str> {
    entry.get("request")?.get("url")?.as_str()
}

fn headers(part: Option<&Value>) -> impl Iterator<Item = (&str, &str)> {
    part.and_then(|p| p.get("headers"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|h| Some((h.get("name")?.as_str()?, h.get("value")?.as_str()?)))
}

/// The first page's URL (HAR writers put it in the title), or failing that
/// the first request's host.
fn page_host(log: &Value) -> Option<String> {
    let from_page = log
        .get("pages")
        .and_then(Value::as_array)
        .and_then(|p| p.first())
        .and_then(|p| p.get("title"))
        .and_then(Value::as_str)
        .and_then(host_of);
    from_page.or_else(|| {
        log.get("entries")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
            .and_then(request_url)
            .and_then(host_of)
    })
}

/// The host of an http(s) URL, lower case, without a port.
#[must_use]
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https" | "ws" | "wss") {
        return None;
    }
    parsed.host_str().map(|h| {
        h.trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase()
    })
}

/// The registrable part of a host, by a rule of thumb (the last two labels,
/// or three under a second-level suffix such as `co.uk`): enough to tell a
/// page's own hosts from other companies'.
#[must_use]
pub fn site_of(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() <= 2 || host.parse::<std::net::IpAddr>().is_ok() {
        return host.to_owned();
    }
    let n = labels.len();
    let second = labels[n - 2];
    let take = if labels[n - 1].len() == 2
        && matches!(
            second,
            "co" | "com" | "org" | "net" | "ac" | "gov" | "edu" | "ne" | "or"
        ) {
        3
    } else {
        2
    };
    labels[n - take..].join(".")
}

/// A `Set-Cookie` header: name, domain and lifetime.
fn parse_set_cookie(
    line: &str,
    host: &str,
    started: Option<i64>,
) -> Option<(String, String, Lifetime)> {
    let mut parts = line.split(';');
    let (name, _) = parts.next()?.split_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut domain = host.to_owned();
    let mut max_age = None;
    let mut expires = None;
    for attr in parts {
        let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
        let (key, value) = (key.trim(), value.trim());
        if key.eq_ignore_ascii_case("domain") && !value.is_empty() {
            domain = value.trim_start_matches('.').to_ascii_lowercase();
        } else if key.eq_ignore_ascii_case("max-age") {
            max_age = value.parse::<i64>().ok();
        } else if key.eq_ignore_ascii_case("expires") {
            expires = http_date_millis(value);
        }
    }
    let lifetime = match (max_age, expires, started) {
        (Some(s), _, _) => Lifetime::Seconds(s),
        (None, Some(e), Some(s)) => Lifetime::Seconds((e - s) / 1000),
        (None, Some(_), None) => Lifetime::Unknown,
        (None, None, _) => Lifetime::Session,
    };
    Some((name.to_owned(), domain, lifetime))
}

/// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Milliseconds since 1970 of an ISO 8601 date-time such as
/// `2026-12-07T10:00:00.123+01:00` or `...Z`.
#[must_use]
pub fn iso_millis(text: &str) -> Option<i64> {
    let text = text.trim();
    let num = |s: &str| s.parse::<i64>().ok();
    let (date, time) = text.split_once('T')?;
    let mut d = date.split('-');
    let (y, mo, da) = (num(d.next()?)?, num(d.next()?)?, num(d.next()?)?);
    let (clock, offset) = if let Some(c) = time.strip_suffix('Z') {
        (c, 0)
    } else if let Some(i) = time.rfind(['+', '-']) {
        let (c, off) = time.split_at(i);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let off = off.get(1..).unwrap_or("");
        let (oh, om) = off.split_once(':').unwrap_or((off, "0"));
        (c, sign * (num(oh)? * 60 + num(om)?))
    } else {
        (time, 0)
    };
    let (hms, frac) = clock.split_once('.').unwrap_or((clock, "0"));
    let mut t = hms.split(':');
    let (h, mi, s) = (
        num(t.next()?)?,
        num(t.next()?)?,
        num(t.next().unwrap_or("0"))?,
    );
    let digits: String = frac.chars().take(3).collect();
    let millis: i64 = format!("{digits:0<3}").parse().ok()?;
    let days = days_from_civil(y, mo, da);
    Some(((days * 24 + h) * 60 + mi - offset) * 60_000 + s * 1000 + millis)
}

/// Milliseconds since 1970 of an HTTP date: `Wed, 21 Oct 2026 07:28:00 GMT`
/// (also with dashes, as old servers write it).
fn http_date_millis(text: &str) -> Option<i64> {
    let rest = text.split_once(',').map_or(text, |(_, r)| r).trim();
    let fields: Vec<&str> = rest.split([' ', '-']).filter(|f| !f.is_empty()).collect();
    if fields.len() < 4 {
        return None;
    }
    let day: i64 = fields[0].parse().ok()?;
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| fields[1].to_ascii_lowercase().starts_with(m))? as i64
        + 1;
    let mut year: i64 = fields[2].parse().ok()?;
    if year < 100 {
        year += if year < 70 { 2000 } else { 1900 };
    }
    let mut t = fields[3].split(':');
    let (h, mi, s): (i64, i64, i64) = (
        t.next()?.parse().ok()?,
        t.next()?.parse().ok()?,
        t.next()?.parse().ok()?,
    );
    Some((((days_from_civil(year, month, day) * 24 + h) * 60 + mi) * 60 + s) * 1000)
}

/// Finds where a value is written in the file, moving forward.
struct Finder<'t> {
    text: &'t str,
    cursor: usize,
}

impl Finder<'_> {
    /// The span of the JSON string `value` at or after the cursor, which
    /// moves past it; the cursor's place when it is not found.
    fn find_string(&mut self, value: &str, file: FileId) -> Span {
        let quoted = serde_json::to_string(value).unwrap_or_default();
        let slashed = quoted.replace('/', "\\/");
        for needle in [&quoted, &slashed] {
            if let Some(i) = self
                .text
                .get(self.cursor..)
                .and_then(|t| t.find(needle.as_str()))
            {
                let start = self.cursor + i;
                self.cursor = start + needle.len();
                return Span::new(file, start, start + needle.len());
            }
        }
        Span::new(file, self.cursor, self.cursor)
    }

    /// The span of the JSON string `value` after `near` (without moving
    /// the cursor); `near` when it is not found nearby.
    fn find_in(&self, value: &str, near: Span, file: FileId) -> Span {
        let quoted = serde_json::to_string(value).unwrap_or_default();
        let from = near.end as usize;
        let window = self.text.get(from..).unwrap_or("");
        let limit = window.find("\"startedDateTime\"").unwrap_or(window.len());
        match window[..limit].find(&quoted) {
            Some(i) => Span::new(file, from + i, from + i + quoted.len()),
            None => near,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_millis("1970-01-01T00:00:01.5Z"), Some(1500));
        assert_eq!(iso_millis("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(
            http_date_millis("Thu, 01 Jan 1970 00:01:00 GMT"),
            Some(60_000)
        );
        let a = iso_millis("2026-12-07T10:00:00.000Z").unwrap_or(0);
        let b = iso_millis("2027-12-07T10:00:00.000Z").unwrap_or(0);
        assert_eq!((b - a) / 86_400_000, 365);
    }

    #[test]
    fn set_cookie_headers() {
        let c = parse_set_cookie(
            "_fbp=fb.1; Max-Age=7776000; Domain=.shop.example; Path=/",
            "x.shop.example",
            Some(0),
        );
        assert_eq!(
            c,
            Some((
                "_fbp".to_owned(),
                "shop.example".to_owned(),
                Lifetime::Seconds(7_776_000)
            ))
        );
        let s = parse_set_cookie("sid=1; HttpOnly", "shop.example", Some(0));
        assert_eq!(s.map(|c| c.2), Some(Lifetime::Session));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "2026-01-01T00:00:00.\u{e9}\u{e9}Z",
            "2026-01-01T00:00:00-",
            "T",
            "2026-01-01T00:00:00+\u{e9}",
        ] {
            let _ = iso_millis(text);
        }
        for text in [
            "",
            "{}",
            r#"{"log": {"entries": [1, {"request": {"url": 5}}]}}"#,
        ] {
            let _ = parse(text, FileId(0), Consent::None);
        }
        let _ = parse_set_cookie("=; Max-Age=x; Expires=\u{e9}", "h", None);
    }

    #[test]
    fn sites() {
        assert_eq!(site_of("www.shop.example"), "shop.example");
        assert_eq!(site_of("www.shop.co.uk"), "shop.co.uk");
        assert_eq!(site_of("127.0.0.1"), "127.0.0.1");
    }
}
