//! The views of the data map: what every table a reader or a platform sees
//! is computed from, once.
//!
//! The data map is the policy's data sets and processing activities (the
//! flows): each says, at the grain where it is true, which items about which
//! people, from which sources, for which purposes, on which bases, go to
//! which recipients and are kept how long. A table is a query over those
//! flows, never a second place where a fact is typed:
//!
//! - [`flows`]: the flows that touch an item, a purpose or a group of
//!   people, and the recipients and retention rules they reach;
//! - [`cookies`]: where a cookie category is set only with consent, from
//!   its bases and the declared laws, per region;
//! - [`ccpa`]: the rows of the CCPA table, derived per statutory letter from
//!   the items' letters and the flows that collect them. A `ccpa`
//!   declaration is presentation (its name, examples, order and grouping)
//!   plus, in policies of the older shape, facts it states itself, which
//!   `ccpa::disclosure-contradiction` compares with the facts;
//! - [`exports`]: the collected items behind the store labels, and whether
//!   the notice honours opt-out preference signals.
//!
//! Layer: above the model, below `law` (which labels what the views hold)
//! and below `check` and `render` (which read them).

pub mod ccpa;
pub mod cookies;
pub mod exports;
pub mod flows;
pub mod signals;

use crate::model::Policy;

/// Completes the model with the views the rest of the pipeline reads: the
/// CCPA rows the data map implies. Run once, after resolution and before
/// the checks and the outputs.
pub fn derive(policy: &mut Policy) {
    // A model kept between edits (the language server's) holds the rows of
    // the last derivation: derive afresh from the declared ones.
    policy.ccpa.retain(|row| !row.derived);
    let rows = ccpa::rows(policy);
    policy.ccpa = rows;
}
