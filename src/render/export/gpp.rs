//! `gpp.json`: the notice fields of the IAB Global Privacy Platform's US
//! National section (`usnat`, section id 7, version 2), as
//! [`crate::law::gpp::fields`] derives them, for a consent platform to put
//! in the GPP string it encodes.

use serde_json::{Map, Value, json};

use super::{json_text, text_output};
use crate::law::gpp::fields;
use crate::model::Policy;

/// `gpp.json`.
#[must_use]
pub fn gpp(policy: &Policy) -> String {
    let mut notice = Map::new();
    for (name, value) in fields(policy) {
        notice.insert(name.to_owned(), value);
    }
    json_text(&json!({
        "section": "usnat",
        "section_id": 7,
        "version": 2,
        "fields": Value::Object(notice),
    }))
}

text_output!(GppJson, "gpp.json", Gpp, gpp);
