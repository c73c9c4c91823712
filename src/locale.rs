//! The languages a notice is written in, and what CLDR formats for each:
//! dates, numbers and lists (issue 22).
//!
//! A leaf module: the model (`PolicyDate::long`), the renderer and the
//! checks all read it. The words of each language are not here: the fixed
//! wording lives in the templates' catalogue per locale
//! (`templates/wording.tera` for English, the source, and
//! `templates/locales/<tag>/wording.tera` for the others), and the few
//! words the Rust side prints (the labels of the lawful bases, ...) in
//! [`crate::render::words`], a `match` per locale so that a missing word is
//! a compile error. Month names, digit grouping and the words that join a
//! list come from CLDR through icu4x's compiled data, never from a table
//! of our own.

use std::fmt;

use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_datetime::input::Date;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};

/// A language candor writes a notice in. English is the source of every
/// catalogue; the others are translations of it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English (the source).
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Italian.
    It,
    /// Dutch.
    Nl,
    /// Portuguese.
    Pt,
}

impl Locale {
    /// Every locale, English first.
    pub const ALL: [Locale; 7] = [
        Locale::En,
        Locale::De,
        Locale::Fr,
        Locale::Es,
        Locale::It,
        Locale::Nl,
        Locale::Pt,
    ];

    /// The BCP 47 tag: `en`, `de`, ...
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::It => "it",
            Locale::Nl => "nl",
            Locale::Pt => "pt",
        }
    }

    /// The language's name in itself, as a language switcher shows it.
    #[must_use]
    pub const fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::Es => "Español",
            Locale::It => "Italiano",
            Locale::Nl => "Nederlands",
            Locale::Pt => "Português",
        }
    }

    /// The locale of a tag; a regional tag (`fr-CA`, `pt_BR`) gives its
    /// language, and case does not matter.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == language)
    }

    /// The tags candor knows, for a message: "en, de, fr, ...".
    #[must_use]
    pub fn known() -> String {
        Locale::ALL.map(Locale::tag).join(", ")
    }

    /// The CLDR locale of its formats. Portuguese is European Portuguese,
    /// the language of the GDPR's official Portuguese text and of the
    /// catalogue (CLDR's plain `pt` is Brazilian, whose month-and-year
    /// pattern also prints a week-based year in icu4x 2.4's data).
    fn icu(self) -> icu_locale_core::Locale {
        let tag = match self {
            Locale::Pt => "pt-PT",
            other => other.tag(),
        };
        tag.parse().unwrap_or(icu_locale_core::Locale::UNKNOWN)
    }

    /// A date as a notice prints it, in CLDR's long format: "January 15,
    /// 2023", "15. Januar 2023", "15 janvier 2023"; a month without a day:
    /// "January 2023". `None` for a date that is not a calendar date (the
    /// model's dates are checked when they are read).
    #[must_use]
    pub fn long_date(self, year: u16, month: u8, day: Option<u8>) -> Option<String> {
        let year = i32::from(year);
        match day {
            Some(day) => {
                let date = Date::try_new_gregorian(year, month, day).ok()?;
                let formatter =
                    FixedCalendarDateTimeFormatter::try_new(self.icu().into(), YMD::long()).ok()?;
                Some(formatter.format(&date).to_string())
            }
            None => {
                let date = Date::try_new_gregorian(year, month, 1).ok()?;
                let formatter =
                    FixedCalendarDateTimeFormatter::try_new(self.icu().into(), YM::long()).ok()?;
                Some(formatter.format(&date).to_string())
            }
        }
    }

    /// A whole number with the language's digit grouping: "10,000,000",
    /// "10.000.000", "10 000 000".
    #[must_use]
    pub fn number(self, n: u64) -> String {
        match DecimalFormatter::try_new(self.icu().into(), Default::default()) {
            Ok(formatter) => formatter.format(&Decimal::from(n)).to_string(),
            Err(_) => n.to_string(),
        }
    }

    /// Names joined into one list, with the language's "and" ("a, b and
    /// c", "a, b und c", "a, b et c") or "or".
    #[must_use]
    pub fn list(self, items: &[&str], kind: ListKind) -> String {
        let prefs = self.icu().into();
        let options = ListFormatterOptions::default().with_length(ListLength::Wide);
        let formatter = match kind {
            ListKind::And => ListFormatter::try_new_and(prefs, options),
            ListKind::Or => ListFormatter::try_new_or(prefs, options),
        };
        match formatter {
            Ok(f) => f.format_to_string(items.iter()),
            Err(_) => items.join(", "),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Which word joins the last two items of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// "a, b and c": all of them.
    And,
    /// "a, b or c": one of them.
    Or,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_regions_fall_back_to_the_language() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("PT_br"), Some(Locale::Pt));
        assert_eq!(Locale::from_tag("sv"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn dates_come_from_cldr() {
        assert_eq!(
            Locale::En.long_date(2023, 1, Some(15)).as_deref(),
            Some("January 15, 2023")
        );
        assert_eq!(
            Locale::En.long_date(2023, 1, None).as_deref(),
            Some("January 2023")
        );
        assert_eq!(
            Locale::De.long_date(2023, 3, Some(5)).as_deref(),
            Some("5. März 2023")
        );
        assert_eq!(
            Locale::Fr.long_date(2023, 2, Some(1)).as_deref(),
            Some("1 février 2023")
        );
        assert_eq!(
            Locale::Es.long_date(2024, 12, None).as_deref(),
            Some("diciembre de 2024")
        );
        assert_eq!(Locale::En.long_date(2023, 2, Some(30)), None);
    }

    /// icu4x debug-asserts when its data and a pattern disagree (CLDR `pt`
    /// month and year did): every month of every language, with and
    /// without a day, formats without it.
    #[test]
    fn every_month_formats_in_every_language() {
        for l in Locale::ALL {
            for month in 1..=12 {
                let long = l.long_date(2024, month, Some(28)).expect("a date");
                let short = l.long_date(2024, month, None).expect("a month");
                assert!(long.contains("2024") && long.contains("28"), "{l}: {long}");
                assert!(
                    short.contains("2024") && !short.contains("28"),
                    "{l}: {short}"
                );
            }
        }
        assert_eq!(
            Locale::Pt.long_date(2023, 3, None).as_deref(),
            Some("março de 2023")
        );
    }

    #[test]
    fn numbers_and_lists_come_from_cldr() {
        assert_eq!(Locale::En.number(10_000_000), "10,000,000");
        assert_eq!(Locale::De.number(10_000_000), "10.000.000");
        assert_eq!(Locale::Fr.number(45), "45");
        assert_eq!(
            Locale::De.list(&["Colorado", "Virginia", "Texas"], ListKind::And),
            "Colorado, Virginia und Texas"
        );
        assert_eq!(
            Locale::Fr.list(&["Colorado", "Virginia"], ListKind::Or),
            "Colorado ou Virginia"
        );
        assert_eq!(Locale::It.list(&["a"], ListKind::And), "a");
        assert_eq!(Locale::Nl.list(&[], ListKind::And), "");
    }
}
