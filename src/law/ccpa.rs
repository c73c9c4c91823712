//! California's labels for disclosures, derived from the facts.
//!
//! The source says what happens to a category of personal information: to
//! which third parties it goes, what the business receives from each
//! (`consideration`) and whether each uses it for cross-context behavioural
//! advertising (`targeted_advertising`). From those facts the CCPA's three
//! labels follow:
//!
//! - **sold** to a third party that gives money or other valuable
//!   consideration for it, unless it is a service provider or contractor
//!   or the buyer of the business in a merger, acquisition or bankruptcy
//!   (Cal. Civ. Code §1798.140(ad)(1), (ad)(2));
//! - **shared** with a third party that uses it for cross-context
//!   behavioural advertising, paid or not (§1798.140(ah)(1));
//! - **disclosed for a business purpose** to every other recipient
//!   (§1798.140(e)).
//!
//! A row may also state `sold`, `shared` and `disclosed` itself; the stated
//! answer is what the notice prints, and `ccpa::disclosure-contradiction`
//! reports a stated answer that the facts contradict. When neither the row
//! nor the facts answer, the answer is unknown and prints as "not stated":
//! unknown is never "no".

use crate::model::words::{Consideration, RecipientKind};
use crate::model::{CcpaCategory, Contact, Policy, Ref, ThirdParty};

/// Whether a disclosure to this third party is a CCPA "sale": `None` when
/// its consideration is not stated.
#[must_use]
pub fn sells(third_party: &ThirdParty) -> Option<bool> {
    let paid = match third_party.consideration? {
        Consideration::Money | Consideration::OtherValue => true,
        Consideration::Nothing => false,
    };
    // A service provider or contractor under a written contract does not buy
    // the information, and a transfer to a buyer of the business as an asset
    // in a merger, acquisition or bankruptcy is no sale
    // (§1798.140(ad)(2)(C)), whatever is paid for the business.
    let excluded = matches!(
        third_party.kind,
        Some(RecipientKind::ServiceProvider | RecipientKind::Acquirer)
    );
    Some(paid && !excluded)
}

/// Whether a disclosure to this third party is a CCPA "share": `None` when
/// the policy does not say whether it advertises with it.
#[must_use]
pub fn shares(third_party: &ThirdParty) -> Option<bool> {
    third_party.targeted_advertising
}

/// One of the three answers of a row, with where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    /// What the notice prints: the stated answer, else the derived one;
    /// `None` prints as "not stated".
    pub value: Option<bool>,
    /// What the row states, if it does.
    pub stated: Option<bool>,
    /// What the third parties' facts imply, if they do.
    pub derived: Option<bool>,
}

impl Answer {
    fn new(stated: Option<bool>, derived: Option<bool>) -> Self {
        Answer {
            value: stated.or(derived),
            stated,
            derived,
        }
    }

    /// A stated answer that the facts contradict.
    #[must_use]
    pub fn contradicted(&self) -> bool {
        matches!((self.stated, self.derived), (Some(s), Some(d)) if s != d)
    }
}

/// A row's disclosures: the three answers and the recipients of each.
#[derive(Clone, Debug)]
pub struct Disclosures<'p> {
    /// Sold?
    pub sold: Answer,
    /// Shared?
    pub shared: Answer,
    /// Disclosed for a business purpose?
    pub disclosed: Answer,
    /// The third parties that buy it.
    pub sold_to: Vec<&'p Ref<ThirdParty>>,
    /// The third parties it is shared with.
    pub shared_with: Vec<&'p Ref<ThirdParty>>,
    /// Every other third party: disclosed for a business purpose.
    pub disclosed_to: Vec<&'p Ref<ThirdParty>>,
}

/// The disclosures of one row of the CCPA table.
#[must_use]
pub fn disclosures<'p>(policy: &'p Policy, category: &'p CcpaCategory) -> Disclosures<'p> {
    let recipients: Vec<(&Ref<ThirdParty>, &ThirdParty)> = category
        .third_parties
        .iter()
        .map(|r| (r, policy.get(r)))
        .collect();
    let mut sold_to = Vec::new();
    let mut shared_with = Vec::new();
    let mut disclosed_to = Vec::new();
    for &(r, t) in &recipients {
        let sold = sells(t) == Some(true);
        let shared = shares(t) == Some(true);
        if sold {
            sold_to.push(r);
        }
        if shared {
            shared_with.push(r);
        }
        if !sold && !shared {
            disclosed_to.push(r);
        }
    }
    // Over the recipients: yes when one of them says yes, no when all say
    // no, unknown otherwise (and when there are none to ask).
    let any = |f: fn(&ThirdParty) -> Option<bool>| -> Option<bool> {
        if recipients.is_empty() {
            return None;
        }
        let answers: Vec<Option<bool>> = recipients.iter().map(|(_, t)| f(t)).collect();
        super::any_yes(&answers)
    };
    // Some recipient receives it other than by sale or share: disclosed for
    // a business purpose. When every recipient buys it or advertises with
    // it, the facts do not say whether it also goes out for a business
    // purpose, so they leave the answer open.
    let derived_disclosed = recipients
        .iter()
        .any(|(_, t)| sells(t) != Some(true) && shares(t) != Some(true))
        .then_some(true);
    Disclosures {
        sold: Answer::new(category.sold, any(sells)),
        shared: Answer::new(category.shared, any(shares)),
        disclosed: Answer::new(category.disclosed, derived_disclosed),
        sold_to,
        shared_with,
        disclosed_to,
    }
}

/// Whether the row lists a category that is collected (the default).
#[must_use]
pub fn collected(category: &CcpaCategory) -> bool {
    category.collected != Some(false)
}

/// Whether a contact is an opt-out link: a web address whose label or
/// address speaks of selling, sharing or opting out, or the alternative
/// opt-out link "Your Privacy Choices" (Cal. Code Regs. tit. 11, §7015).
#[must_use]
pub fn is_opt_out_link(contact: &Contact) -> bool {
    contact.url.as_deref().is_some_and(|url| {
        let words = crate::text::normalize(&format!("{} {url}", contact.name));
        [
            "sell",
            "share",
            "opt-out",
            "opt out",
            "opt_out",
            "optout",
            "privacy choices",
            "privacy-choices",
            "privacychoices",
        ]
        .iter()
        .any(|w| words.contains(w))
    })
}

/// Whether a row of the CCPA table is about a group of people (a subject's
/// id): it names them among its `subjects`, or names no one and so is about
/// everyone. The notice at collection for a group is these rows.
#[must_use]
pub fn about(category: &CcpaCategory, subject: &str) -> bool {
    category.subjects.is_empty() || category.subjects.iter().any(|s| s.id() == subject)
}
