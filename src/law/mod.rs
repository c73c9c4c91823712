//! The laws candor knows, as values: each says which word declares it, the
//! family of rules that applies it, and the words it is called by.
//!
//! A rule belongs to a family (`gdpr::`, `ccpa::`, `structure::`); it runs
//! once for each declared law of its family, with that law's own rights
//! block, so a policy that declares `gdpr` and `uk_gdpr` has both of its
//! rights blocks checked, each against its law. Adding a law that shares a
//! family's rules is one entry here; a law with rules of its own adds a
//! [`Family`].

pub mod ccpa;
pub mod colorado;
pub mod states;

use crate::model::words::{Jurisdiction, Word};
use crate::model::{Policy, RightsBlock};

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
    /// The Colorado Privacy Act.
    Colorado,
    /// The Virginia Consumer Data Protection Act.
    Virginia,
    /// The Connecticut Data Privacy Act.
    Connecticut,
    /// The Texas Data Privacy and Security Act.
    Texas,
    /// The Oregon Consumer Privacy Act.
    Oregon,
    /// The Utah Consumer Privacy Act.
    Utah,
}

impl Family {
    /// Every family, in the order `candor rules` lists them.
    pub const ALL: [Family; 9] = [
        Family::Structure,
        Family::Gdpr,
        Family::Ccpa,
        Family::Colorado,
        Family::Virginia,
        Family::Connecticut,
        Family::Texas,
        Family::Oregon,
        Family::Utah,
    ];

    /// The family of a rule code, by its prefix.
    #[must_use]
    pub fn of_code(code: &str) -> Option<Family> {
        match code.split_once("::")?.0 {
            "structure" => Some(Family::Structure),
            "gdpr" => Some(Family::Gdpr),
            "ccpa" => Some(Family::Ccpa),
            "colorado" => Some(Family::Colorado),
            "virginia" => Some(Family::Virginia),
            "connecticut" => Some(Family::Connecticut),
            "texas" => Some(Family::Texas),
            "oregon" => Some(Family::Oregon),
            "utah" => Some(Family::Utah),
            _ => None,
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
            Family::Colorado => "Colorado Privacy Act",
            Family::Virginia => "Virginia Consumer Data Protection Act",
            Family::Connecticut => "Connecticut Data Privacy Act",
            Family::Texas => "Texas Data Privacy and Security Act",
            Family::Oregon => "Oregon Consumer Privacy Act",
            Family::Utah => "Utah Consumer Privacy Act",
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
    Law {
        jurisdiction: Jurisdiction::Colorado,
        family: Family::Colorado,
        name: "the Colorado Privacy Act",
    },
    Law {
        jurisdiction: Jurisdiction::Virginia,
        family: Family::Virginia,
        name: "the Virginia Consumer Data Protection Act",
    },
    Law {
        jurisdiction: Jurisdiction::Connecticut,
        family: Family::Connecticut,
        name: "the Connecticut Data Privacy Act",
    },
    Law {
        jurisdiction: Jurisdiction::Texas,
        family: Family::Texas,
        name: "the Texas Data Privacy and Security Act",
    },
    Law {
        jurisdiction: Jurisdiction::Oregon,
        family: Family::Oregon,
        name: "the Oregon Consumer Privacy Act",
    },
    Law {
        jurisdiction: Jurisdiction::Utah,
        family: Family::Utah,
        name: "the Utah Consumer Privacy Act",
    },
];

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
