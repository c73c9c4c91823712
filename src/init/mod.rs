//! The starter policy `candor init` writes: a small, commented policy that
//! `candor check` passes without a warning and `candor build` builds, with
//! one data set, one purpose on two lawful bases (consent and legitimate
//! interest), one recipient, rights for the GDPR and the CCPA, and the sections of
//! the notice. It names no `ccpa` row: the CCPA table is derived from the
//! items' statutory categories and the data set that collects them.
//!
//! The files are kept in `src/init/starter/` as ordinary policy files (the
//! tests check, build and format them like any other) and embedded here.

/// The date written in the starter files; `init` replaces it with the day
/// it runs, since a CCPA privacy policy must have been updated in the past
/// twelve months.
pub const STARTER_DATE: &str = "2025-01-01";

/// The starter files: name and text.
pub const STARTER_FILES: &[(&str, &str)] = &[
    ("policy.policy", include_str!("starter/policy.policy")),
    ("data.policy", include_str!("starter/data.policy")),
];

/// The starter files with `today` (`YYYY-MM-DD`) as the policy's date.
#[must_use]
pub fn starter_files(today: &str) -> Vec<(&'static str, String)> {
    STARTER_FILES
        .iter()
        .map(|(name, text)| {
            (
                *name,
                text.replacen(
                    &format!("updated {STARTER_DATE}"),
                    &format!("updated {today}"),
                    1,
                ),
            )
        })
        .collect()
}
