//! Small pieces of wording the generators share: list joining, roman
//! numerals, and the words a notice prints for a closed-set value.
//!
//! These are the exact formats of the "Generators" table of
//! `docs/language.md`; the policy's fidelity to the reference document
//! depends on them character for character, so they live in one place and
//! are unit-tested here.

use crate::model::words::LawfulBasis;

/// Joins names as the CCPA table lists third parties: `a; b; and c`.
/// Two names give `a; and b`, one gives `a`.
#[must_use]
pub fn join_semicolon_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => {
            let mut out = init.join("; ");
            out.push_str("; and ");
            out.push_str(last);
            out
        }
    }
}

/// The lower-case roman numeral of `n` (1-based), as the notice's `(i)`,
/// `(ii)` markers print it. Zero has no numeral and gives an empty string.
#[must_use]
pub fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The `(i)` marker of the `n`th item (1-based).
#[must_use]
pub fn roman_marker(n: usize) -> String {
    format!("({})", roman(n))
}

/// `yes` or `no`, as the CCPA table prints a flag; an unstated flag prints
/// `no` (the checks report it; the table must still say something).
#[must_use]
pub fn yes_no(flag: Option<bool>) -> &'static str {
    if flag == Some(true) { "yes" } else { "no" }
}

/// The label of a lawful basis, printed when a basis has no sentence of its
/// own, so that the data table never drops a basis silently.
#[must_use]
pub fn basis_label(basis: LawfulBasis) -> &'static str {
    match basis {
        LawfulBasis::Consent => "Consent",
        LawfulBasis::Contract => "Performance of a contract",
        LawfulBasis::LegalObligation => "Compliance with a legal obligation",
        LawfulBasis::VitalInterests => "Protection of vital interests",
        LawfulBasis::PublicTask => "Performance of a task in the public interest",
        LawfulBasis::LegitimateInterest => "Legitimate interest",
        LawfulBasis::RecognisedLegitimateInterest => "Recognised legitimate interest",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_with_and_before_the_last() {
        assert_eq!(join_semicolon_and(&[]), "");
        assert_eq!(join_semicolon_and(&["a"]), "a");
        assert_eq!(join_semicolon_and(&["a", "b"]), "a; and b");
        assert_eq!(join_semicolon_and(&["a", "b", "c"]), "a; b; and c");
    }

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = (1..=12).map(roman).collect();
        assert_eq!(
            got,
            [
                "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"
            ]
        );
        assert_eq!(roman(49), "xlix");
        assert_eq!(roman(1994), "mcmxciv");
        assert_eq!(roman(0), "");
        assert_eq!(roman_marker(7), "(vii)");
    }
}
