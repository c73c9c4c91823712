//! The laws candor knows, as values: each says which word declares it, the
//! family of rules that applies it, and the words it is called by.
//!
//! A rule belongs to a family (`gdpr::`, `ccpa::`, `structure::`); it runs
//! once for each declared law of its family, with that law's own rights
//! block, so a policy that declares `gdpr` and `uk_gdpr` has both of its
//! rights blocks checked, each against its law. Every US state law is one
//! declaration in [`declarations`], and a family of its own.

pub mod ccpa;
pub mod colorado;
pub mod declarations;
pub mod gpp;
/// What a notice says of opt-out preference signals: read in `views`, so
/// that the exports below the laws can use it too.
pub use crate::views::signals;
pub mod states;

use crate::model::words::{Jurisdiction, Word};
use crate::model::{Policy, PolicyDate, RightsBlock};

/// Yes when one of the answers is yes, no when every one is no (no answers
/// at all counts as no), unknown otherwise: a label over several third
/// parties, where one that buys makes a sale and one that does not say
/// leaves it open.
#[must_use]
pub fn any_yes(answers: &[Option<bool>]) -> Option<bool> {
    if answers.contains(&Some(true)) {
        Some(true)
    } else if answers.iter().all(|a| *a == Some(false)) {
        Some(false)
    } else {
        None
    }
}

/// A day written `YYYY-MM-DD` in a declaration or a rule table, in a
/// constant. Fails to compile on anything else.
#[must_use]
pub const fn day(text: &str) -> PolicyDate {
    const fn digit(b: &[u8], i: usize) -> u16 {
        assert!(b[i].is_ascii_digit(), "a day is YYYY-MM-DD");
        (b[i] - b'0') as u16
    }
    let b = text.as_bytes();
    assert!(
        b.len() == 10 && b[4] == b'-' && b[7] == b'-',
        "a day is YYYY-MM-DD"
    );
    let year = digit(b, 0) * 1000 + digit(b, 1) * 100 + digit(b, 2) * 10 + digit(b, 3);
    let month = digit(b, 5) * 10 + digit(b, 6);
    let d = digit(b, 8) * 10 + digit(b, 9);
    assert!(
        month >= 1 && month <= 12 && d >= 1 && d <= 31,
        "a day is YYYY-MM-DD"
    );
    #[expect(clippy::cast_possible_truncation, reason = "checked to be at most 31")]
    PolicyDate {
        year,
        month: month as u8,
        day: Some(d as u8),
    }
}

/// A family of rules: the part of a rule's code before `::`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Consistency of the policy itself: every policy.
    Structure,
    /// The GDPR's notice duties (Art. 12-14 and what they point to): the EU
    /// GDPR and the UK GDPR.
    Gdpr,
    /// The CCPA/CPRA privacy policy.
    Ccpa,
    /// A US state law of `law/declarations.rs`, one family per law
    /// (`virginia::appeal`).
    State(Jurisdiction),
}

impl Family {
    /// Every family, in the order `candor rules` lists them: the state laws
    /// in the order of their declarations.
    pub const ALL: &'static [Family] = &ALL_FAMILIES;

    /// The family a rule table names by its word: `colorado` is the
    /// Colorado Privacy Act's. Fails to compile for a word that names no
    /// law of its own family.
    #[must_use]
    pub const fn of_word(word: &str) -> Family {
        match Jurisdiction::of_word(word) {
            Jurisdiction::Gdpr | Jurisdiction::UkGdpr => Family::Gdpr,
            Jurisdiction::Ccpa => Family::Ccpa,
            j => Family::State(j),
        }
    }

    /// The family of a rule code, by its prefix.
    #[must_use]
    pub fn of_code(code: &str) -> Option<Family> {
        match code.split_once("::")?.0 {
            "structure" => Some(Family::Structure),
            "gdpr" => Some(Family::Gdpr),
            "ccpa" => Some(Family::Ccpa),
            word => states::StateLaw::of(Jurisdiction::from_word(word)?)
                .map(|s| Family::State(s.jurisdiction)),
        }
    }

    /// The laws whose rules these are (none for [`Family::Structure`],
    /// which applies to every policy).
    pub fn laws(self) -> impl Iterator<Item = &'static Law> {
        LAWS.iter().filter(move |law| law.family == self)
    }

    /// The heading of the family in `candor rules`.
    #[must_use]
    pub fn heading(self) -> String {
        match self {
            Family::Structure => "Structure (every policy)".to_owned(),
            _ => {
                let words: Vec<String> = self
                    .laws()
                    .map(|l| format!("`{}`", l.jurisdiction.word()))
                    .collect();
                format!(
                    "{} (when the policy declares {})",
                    self.title(),
                    words.join(" or ")
                )
            }
        }
    }

    /// What the family's rules apply to, for `candor explain`.
    #[must_use]
    pub fn applies(self) -> String {
        match self {
            Family::Structure => "every policy".to_owned(),
            _ => {
                let words: Vec<String> = self
                    .laws()
                    .map(|l| format!("`{}`", l.jurisdiction.word()))
                    .collect();
                format!("policies that declare {}", words.join(" or "))
            }
        }
    }

    /// The family's title: "GDPR", "Virginia Consumer Data Protection Act".
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Family::Structure => "Structure",
            Family::Gdpr => "GDPR",
            Family::Ccpa => "CCPA / CPRA",
            Family::State(j) => states::StateLaw::of(j).map_or("", |s| s.act),
        }
    }
}

/// One law a policy may declare in `jurisdictions`.
#[derive(Debug)]
pub struct Law {
    /// The word that declares it, and that a rights block names.
    pub jurisdiction: Jurisdiction,
    /// The family of rules that applies it.
    pub family: Family,
    /// Its name in messages: "the UK GDPR".
    pub name: &'static str,
}

/// Declares [`LAWS`] and the families: the GDPR, the UK GDPR and the CCPA,
/// then every state law of `law/declarations.rs`.
macro_rules! laws {
    ($($variant:ident = $word:literal { state: $state:literal, act: $act:literal, $($rest:tt)* })*) => {
        /// Every law candor knows.
        pub static LAWS: &[Law] = &[
            Law {
                jurisdiction: Jurisdiction::Gdpr,
                family: Family::Gdpr,
                name: "the GDPR",
            },
            Law {
                jurisdiction: Jurisdiction::UkGdpr,
                family: Family::Gdpr,
                name: "the UK GDPR",
            },
            Law {
                jurisdiction: Jurisdiction::Ccpa,
                family: Family::Ccpa,
                name: "the CCPA",
            },
            $(
            Law {
                jurisdiction: Jurisdiction::$variant,
                family: Family::State(Jurisdiction::$variant),
                name: concat!("the ", $act),
            },
            )*
        ];

        const ALL_FAMILIES: [Family; 3 + [$($word),*].len()] = [
            Family::Structure,
            Family::Gdpr,
            Family::Ccpa,
            $(Family::State(Jurisdiction::$variant),)*
        ];
    };
}

crate::state_laws!(laws);

impl Law {
    /// The law a `jurisdictions` word declares.
    #[must_use]
    pub fn of(jurisdiction: Jurisdiction) -> &'static Law {
        LAWS.iter()
            .find(|law| law.jurisdiction == jurisdiction)
            .unwrap_or(&LAWS[0])
    }

    /// The rights block that describes this law's rights: the one naming
    /// it (in `jurisdiction`, else in `covers`), or else one naming another
    /// law of its family (a notice may describe the EU and UK rights in one
    /// block).
    #[must_use]
    pub fn rights_block<'p>(&self, policy: &'p Policy) -> Option<&'p RightsBlock> {
        let named = |j: Jurisdiction| policy.rights.iter().find(|b| b.jurisdiction == Some(j));
        let covering = |j: Jurisdiction| policy.rights.iter().find(|b| b.covers.contains(&j));
        named(self.jurisdiction)
            .or_else(|| covering(self.jurisdiction))
            .or_else(|| {
                self.family
                    .laws()
                    .find_map(|other| named(other.jurisdiction))
            })
    }
}

/// The laws a policy declares, in the order of [`LAWS`].
pub fn declared(policy: &Policy) -> impl Iterator<Item = &'static Law> + '_ {
    LAWS.iter().filter(|law| policy.has(law.jurisdiction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_jurisdiction_is_a_law() {
        for word in Jurisdiction::WORDS {
            let j = Jurisdiction::from_word(word).expect("a word of the set");
            assert_eq!(Law::of(j).jurisdiction, j, "`{word}` has no law");
        }
    }
}
