//! Dates for the date-dependent rules: today's date from the system clock,
//! and "12 months after" a policy date.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::PolicyDate;

/// Today's date (UTC) from the system clock. Before 1970, or past the year
/// 65535, the clock is wrong: the date is clamped.
#[must_use]
pub fn system_today() -> PolicyDate {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(i64::MAX / 2);
    civil_from_days(days)
}

/// The calendar date `days` after 1970-01-01 (H. Hinnant's algorithm).
pub(crate) fn civil_from_days(days: i64) -> PolicyDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    PolicyDate {
        year: u16::try_from(year.clamp(0, i64::from(u16::MAX))).unwrap_or(u16::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: Some(u8::try_from(day).unwrap_or(1)),
    }
}

/// The last day a policy updated on `date` is still within 12 months: the
/// same day a year later. A month without a day (`2023-01`) is read as its
/// last day, so that the rule never reports a policy that may be in time.
pub(crate) fn twelve_months_after(date: PolicyDate) -> PolicyDate {
    let year = date.year.saturating_add(1);
    let last = last_day(year, date.month);
    let day = date.day.map_or(last, |d| d.min(last));
    PolicyDate {
        year,
        month: date.month,
        day: Some(day),
    }
}

fn last_day(year: u16, month: u8) -> u8 {
    (28..=31)
        .rev()
        .find(|&d| PolicyDate::parse(&format!("{year:04}-{month:02}-{d:02}")).is_some())
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::{civil_from_days, twelve_months_after};
    use crate::model::PolicyDate;

    fn date(text: &str) -> PolicyDate {
        PolicyDate::parse(text).expect("a valid date")
    }

    #[test]
    fn days_to_dates() {
        assert_eq!(civil_from_days(0), date("1970-01-01"));
        assert_eq!(civil_from_days(19_722), date("2023-12-31"));
        assert_eq!(civil_from_days(20_421), date("2025-11-29"));
        assert_eq!(civil_from_days(11_016), date("2000-02-29"));
    }

    #[test]
    fn a_year_later() {
        assert_eq!(twelve_months_after(date("2023-01")), date("2024-01-31"));
        assert_eq!(twelve_months_after(date("2024-02-29")), date("2025-02-28"));
        assert_eq!(twelve_months_after(date("2023-02")), date("2024-02-29"));
        assert_eq!(twelve_months_after(date("2025-06-15")), date("2026-06-15"));
    }
}
