//! Reading the words of a policy: email addresses, web addresses and phone
//! numbers, open-ended retention wording, statements in prose, and the
//! anchors and ids made from words. A leaf: it imports nothing of the crate,
//! so that every layer (lowering, laws, checks, rendering) can use it.
//!
//! These are deliberately conservative: a rule built on them must not report
//! a policy that says the right thing in other words, so each test looks for
//! what is clearly missing rather than for one exact phrasing.

/// Lower case, with typographic apostrophes and dashes made plain, so that
/// `doesn’t` and `doesn't` read the same.
pub(crate) fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether `text` contains one of `words` (ASCII, non-empty), ignoring
/// case, in one pass over the text.
pub(super) fn mentions_any(text: &str, words: &[&str]) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        words.iter().any(|w| {
            let w = w.as_bytes();
            b.eq_ignore_ascii_case(&w[0])
                && bytes
                    .get(i..i + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
        })
    })
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// Whether `domain` is a host name with a top-level domain: `net2phone.com`.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether `text` is one well-formed email address.
pub(super) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(is_local_char)
        && is_domain(domain)
}

/// Everything in prose that reads as an email address, well formed or not:
/// a word, `@`, and a host (`name@example`, `name@example.com`). A sentence's
/// final full stop is not part of the address.
pub(super) fn emails_in(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_local_char(c))
            .last()
            .map_or(at, |(i, _)| i);
        let rest = &text[at + 1..];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !is_domain_char(c))
            .map_or(rest.len(), |(i, _)| i);
        let end = at + 1 + rest[..len].trim_end_matches(['.', '-']).len();
        let local = text[start..at].trim_start_matches('.');
        if local.is_empty() || end == at + 1 {
            continue;
        }
        found.push(&text[at - local.len()..end]);
    }
    found
}

/// Whether `text` is a well-formed `http(s)` address: a scheme, a host with
/// a top-level domain, and no spaces.
pub(super) fn is_url(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    is_domain(host) && !text.contains(char::is_whitespace)
}

/// Every `http://` and `https://` address in prose, up to the space or the
/// bracket that ends it; a sentence's final punctuation is not part of it.
pub(super) fn urls_in(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("http").map(|p| p + from) {
        let rest = &text[pos..];
        if rest.starts_with("https://") || rest.starts_with("http://") {
            let len = rest
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, ')' | '>' | '"' | '<' | ']' | '\u{201d}')
                })
                .unwrap_or(rest.len());
            let url = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            found.push(url);
            from = pos + len.max(1);
        } else {
            from = pos + 4;
        }
    }
    found
}

/// The digits of a phone number, when it is written with digits, spaces and
/// the usual punctuation only (`+1 (866) 978-8260`, `866.978.8260`).
pub(super) fn phone_digits(text: &str) -> Option<String> {
    let text = text.trim();
    let ok = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+' | '/'));
    let plus_ok = text.rfind('+').is_none_or(|i| i == 0);
    if !ok || !plus_ok {
        return None;
    }
    Some(text.chars().filter(char::is_ascii_digit).collect())
}

/// Whether a phone number has a plausible length: 7 to 15 digits (E.164).
pub(super) fn is_phone(text: &str) -> bool {
    phone_digits(text).is_some_and(|d| (7..=15).contains(&d.len()))
}

/// For a North American number (10 digits, or 11 starting with 1), whether
/// its area code is a toll-free one (800, 833, 844, 855, 866, 877, 888).
/// `None` for numbers of other plans, which this does not judge.
pub(super) fn nanp_toll_free(text: &str) -> Option<bool> {
    let digits = phone_digits(text)?;
    let national = match digits.len() {
        10 => digits.as_str(),
        11 if digits.starts_with('1') => &digits[1..],
        _ => return None,
    };
    if text.trim_start().starts_with('+') && !digits.starts_with('1') {
        return None;
    }
    Some(matches!(
        &national[..3],
        "800" | "833" | "844" | "855" | "866" | "877" | "888"
    ))
}

/// Words that give a retention period no end a reader can tell.
const OPEN_ENDED: &[&str] = &[
    "reasonable period",
    "reasonable time",
    "reasonable amount of time",
    "appropriate period",
    "as long as necessary",
    "as long as needed",
    "as long as required",
    "as long as is necessary",
    "as long as it is necessary",
    "as long as it remains necessary",
    "as long as we need",
    "no longer necessary",
    "no longer needed",
    "no longer required",
    "necessary for the purpose",
    "needed for the purpose",
    "achieve the purpose",
    "fulfil the purpose",
    "fulfill the purpose",
    "for a period of time",
    "for some time",
    "indefinitely",
    "at our discretion",
];

/// Words that tie a retention period to something a reader can tell: a
/// unit of time, a number in words, or a concrete event (the account
/// closes, consent is withdrawn, a limitation period runs out). "Until",
/// "after" or "when" alone are not among them: "until it is no longer
/// necessary" names no event.
const ANCHORS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "account",
    "contract",
    "subscription",
    "end of",
    "termination",
    "terminate",
    "close",
    "closure",
    "statut",
    "limitation",
    "legal obligation",
    "comply with",
    "withdraw",
    "unsubscribe",
    "revoke",
    "opt out",
    "object",
    "notify us",
    "resolved",
    "expire",
    "session",
    "last contact",
    "last visit",
    "last login",
    "last activity",
    "one ",
    "two ",
    "three ",
    "four ",
    "five ",
    "six ",
    "seven ",
    "eight ",
    "nine ",
    "ten ",
    "twelve ",
    "twenty",
    "thirty",
    "sixty",
    "ninety",
    "hundred",
];

/// Whether a retention period or criterion is open-ended wording: one of
/// its clauses (split at `;`) says "a reasonable period", "as long as
/// necessary" or "until it is no longer needed" and names no number, unit
/// of time or concrete event that would bound it. So "until you close your
/// account; cookie data for a reasonable period" is open-ended for the
/// cookie data.
pub(super) fn is_open_ended(text: &str) -> bool {
    normalize(text).split(';').any(|clause| {
        let t = format!("{clause} ");
        OPEN_ENDED.iter().any(|w| t.contains(w))
            && !t.chars().any(|c| c.is_ascii_digit())
            && !ANCHORS.iter().any(|w| t.contains(w))
    })
}

/// The sentences of a text (split at `.`, `;`, `!`, `?` and line breaks
/// between paragraphs), normalised.
pub(super) fn sentences(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(['.', ';', '!', '?'])
        .flat_map(|s| s.split("\n\n"))
        .map(|s| normalize(&s.split_whitespace().collect::<Vec<_>>().join(" ")))
        .filter(|s| !s.is_empty())
}

/// Words that open a new clause, so that a negation before them does not
/// reach a verb after them: "we do not sell it, but we share it".
const CLAUSE_BREAKS: &[&str] = &[
    " but ",
    " however",
    " although",
    " though ",
    " except ",
    " yet ",
    " while ",
    " whereas ",
    ", and we ",
    ", we ",
];

/// Whether a normalised sentence says that something is not sold or not
/// shared: a negation before `sell`/`sold`/`share` in the same clause.
pub(super) fn denies(sentence: &str, verbs: &[&str]) -> bool {
    const NEGATIONS: &[&str] = &["not ", "n't ", "never ", "no longer ", "neither "];
    verbs.iter().any(|verb| {
        sentence.match_indices(verb).any(|(i, _)| {
            // Only the 60 bytes before the verb can hold the negation: looking
            // further back made a long sentence quadratic.
            let mut from = i.saturating_sub(60);
            while !sentence.is_char_boundary(from) {
                from -= 1;
            }
            let before = &sentence[from..i];
            NEGATIONS.iter().any(|n| {
                before.rfind(n).is_some_and(|k| {
                    let j = from + k;
                    let between = &sentence[j..i];
                    i - j < 60 && !CLAUSE_BREAKS.iter().any(|b| between.contains(b))
                })
            })
        })
    })
}

/// Whether `prefix` can start every HTML id: a letter, then letters,
/// digits, `-` or `_`, so that ids stay valid and need no escaping in a
/// link or a CSS selector. `--id-prefix` and `id_prefix` both ask this.
#[must_use]
pub fn is_id_prefix(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The anchor of a prose heading: its letters and digits, lower case, words
/// joined by `-` (`D. How to Exercise Your Rights.` gives
/// `d-how-to-exercise-your-rights`).
#[must_use]
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{
        denies, emails_in, is_email, is_open_ended, is_phone, is_url, nanp_toll_free, normalize,
        urls_in,
    };

    #[test]
    fn emails() {
        assert!(is_email("Privacy@net2phone.com"));
        assert!(!is_email("Privacy@net2phone"));
        assert!(!is_email("privacy net2phone.com"));
        assert!(!is_email("a@b.c"));
        let text = "send an email to Privacy@net2phone.com. Or to Privacy@net2phone for help.";
        assert_eq!(
            emails_in(text),
            ["Privacy@net2phone.com", "Privacy@net2phone"]
        );
        assert!(emails_in("follow @candor on social media").is_empty());
    }

    #[test]
    fn urls() {
        assert!(is_url("https://www.idt.net/ccpa-request"));
        assert!(is_url("http://example.com:8080/x"));
        assert!(!is_url("https://idt/ccpa"));
        assert!(!is_url("https://www.idt .net/ccpa"));
        assert!(!is_url("www.idt.net"));
        let text = "go to https://www.idt.net/ccpa-do-not-sell and see [x](https://a.example.org).";
        assert_eq!(
            urls_in(text),
            [
                "https://www.idt.net/ccpa-do-not-sell",
                "https://a.example.org"
            ]
        );
    }

    #[test]
    fn phones() {
        assert!(is_phone("866-978-8260"));
        assert!(is_phone("+44 20 7946 0958"));
        assert!(!is_phone("call us"));
        assert!(!is_phone("12-34"));
        assert_eq!(nanp_toll_free("866-978-8260"), Some(true));
        assert_eq!(nanp_toll_free("1 (973) 438-3111"), Some(false));
        assert_eq!(nanp_toll_free("+44 20 7946 0958"), None);
    }

    #[test]
    fn open_ended() {
        assert!(is_open_ended("for a reasonable period of time"));
        assert!(is_open_ended("as long as necessary"));
        assert!(!is_open_ended(
            "for as long as your account is active and a reasonable period thereafter"
        ));
        assert!(!is_open_ended("six years"));
        assert!(!is_open_ended("until you withdraw your consent"));
        assert!(is_open_ended(
            "the periods needed to achieve the purpose of collection"
        ));
        assert!(is_open_ended(
            "until it is no longer necessary for the purposes"
        ));
        assert!(is_open_ended(
            "as long as necessary, after which we delete it"
        ));
        assert!(is_open_ended(
            "until you withdraw your consent; cookie data for a reasonable period"
        ));
        assert!(!is_open_ended(
            "until such dispute is resolved, and then in accordance with statutory limitation periods"
        ));
    }

    #[test]
    fn denials() {
        let s = normalize("the Company does not sell (as defined in the CCPA) or share your data");
        assert!(denies(&s, &["sell"]));
        assert!(denies(&s, &["share"]));
        assert!(!denies(
            &normalize("we sell your data to partners"),
            &["sell"]
        ));
        assert!(denies(&normalize("we don’t sell your data"), &["sell"]));
        let but = normalize(
            "we do not sell your personal information, but we share it with advertising partners",
        );
        assert!(denies(&but, &["sell"]));
        assert!(!denies(&but, &["share"]));
    }

    #[test]
    #[ignore = "performance: run by .ci/run in a step of its own (cargo test --lib text::tests::denials_are_linear -- --ignored)"]
    fn denials_are_linear_in_the_sentence() {
        let time = |n: usize| {
            let sentence = "we share ".repeat(n);
            (0..3)
                .map(|_| {
                    let started = std::time::Instant::now();
                    assert!(!denies(&sentence, &["share", "sell"]));
                    started.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min)
        };
        // Sizes large enough that a few milliseconds of another test's work
        // on the shared cores do not decide the ratio.
        let (small, large) = (time(20_000), time(80_000));
        let ratio = large / small.max(0.001);
        assert!(
            ratio < 9.0,
            "{small:.3} s then {large:.3} s: ratio {ratio:.1}"
        );
    }
}
