//! Who is involved: the controller, contact points, recipients, CCPA
//! third-party categories and named vendors.

use schemars::JsonSchema;
use serde::Serialize;

use super::words::RecipientKind;
use super::{FieldSpans, Ref};
use crate::source::Span;

/// The data controller (GDPR Art. 13(1)(a)).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Controller {
    /// Id.
    pub id: String,
    /// Legal name.
    pub name: String,
    /// Postal address.
    pub address: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Whether the phone number is toll-free.
    pub toll_free: bool,
    /// Email address.
    pub email: Option<String>,
    /// Web address.
    pub url: Option<String>,
    /// Further contact points.
    pub contacts: Vec<Ref<Contact>>,
    /// The data protection officer.
    pub dpo: Option<Ref<Contact>>,
    /// The EU representative (Art. 27).
    pub representative: Option<Ref<Contact>>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// A way to reach the company: an email, phone, web form or address.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Contact {
    /// Id.
    pub id: String,
    /// Label, e.g. "Email".
    pub name: String,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Whether the phone number is toll-free.
    pub toll_free: bool,
    /// Web address (a form, a page).
    pub url: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// A category of recipients (GDPR Art. 13(1)(e)).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Recipient {
    /// Id.
    pub id: String,
    /// Display name, e.g. "Trusted Agents and Service Providers".
    pub name: String,
    /// What sort of organisation it is.
    pub kind: Option<RecipientKind>,
    /// The data shared, as the notice describes it.
    pub shares: Option<String>,
    /// The data sets shared, when stated.
    pub datasets: Vec<Ref<super::Dataset>>,
    /// Where the recipient is.
    pub location: Option<String>,
    /// The purpose of sharing.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// A CCPA category of third parties to whom information is disclosed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ThirdParty {
    /// Id.
    pub id: String,
    /// Display name, as the CCPA table prints it.
    pub name: String,
    /// What sort of organisation it is.
    pub kind: Option<RecipientKind>,
    /// The recipient category it belongs to.
    pub recipient: Option<Ref<Recipient>>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}

/// A named company, such as a cookie vendor.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Vendor {
    /// Id.
    pub id: String,
    /// Name, e.g. "Google Analytics".
    pub name: String,
    /// What sort of organisation it is.
    pub kind: Option<RecipientKind>,
    /// The recipient category it belongs to.
    pub recipient: Option<Ref<Recipient>>,
    /// Where it is.
    pub location: Option<String>,
    /// Its privacy page.
    pub url: Option<String>,
    /// Prose.
    pub text: Option<String>,
    /// The id's position.
    #[serde(skip)]
    pub span: Span,
    /// Field positions.
    #[serde(skip)]
    pub fields: FieldSpans,
}
