//! Who is involved: the controller, contact points, recipients (CCPA
//! third-party categories among them) and named vendors.

use super::Ref;
use schemars::JsonSchema;
use serde::Serialize;

use super::words::{AccessedApi, AccountCreation, Consideration, RecipientKind};
use crate::resolve::read::{
    contact_reachable, language_tags, phone_number, phone_toll_free, recipient_list,
};
use crate::schema::DiffRule::{Grows, Material, TurnsYes, Wording};
use crate::schema::{Shape, declare_kind};

declare_kind! {
    /// The data controller (GDPR Art. 13(1)(a)).
    pub struct Controller / ControllerSpans: Controller;
    /// Legal name.
    name;
    /// What the notice calls the company in running text, e.g. "the
    /// Company" or "Acme"; generated sentences say "we" when it is absent.
    short_name: Option<String> = field("short_name", "short name", Wording);
    /// Where it has establishments (GDPR Art. 3, 27): `us`, `de`, `eea`, ...
    established: Vec<super::words::Region> = field("established", "establishments", Material("controller changed"));
    /// Where the people it offers its goods or services to are, when that
    /// reaches beyond its establishments (GDPR Art. 3(2)(a)): `eea`,
    /// `quebec`, `california`, ... A rule reads it (a business serving
    /// Quebec publishes in French); the notice does not print it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    serves: Vec<super::words::Region> = field("serves", "regions served", Wording);
    /// The languages in which the business, in its ordinary course, gives
    /// consumers contracts, disclaimers, sale announcements and other
    /// information (Cal. Code Regs. tit. 11, §7003(b)(2)): `en`, `es`, `zh`,
    /// ... Its notices must be available in each of them; a rule compares
    /// them with the notice's `languages`. Absent when not stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    consumer_languages: Vec<String> = custom("consumer_languages", "languages used with consumers", Wording, Shape::Languages, language_tags);
    /// Postal address.
    address: Option<String> = field("address", "postal address", Wording);
    /// Phone number.
    phone: Option<String> = custom("phone", "phone number", Wording, Shape::Phone, phone_number);
    /// Whether the phone number is toll-free.
    toll_free: bool = derived("phone", Wording, phone_toll_free);
    /// Email address.
    email: Option<String> = field("email", "email address", Wording);
    /// Web address.
    url: Option<String> = field("url", "web address", Wording);
    /// Further contact points.
    contacts: Vec<Ref<Contact>> = field("contacts", "contact points", Wording);
    /// The data protection officer.
    dpo: Option<Ref<Contact>> = field("dpo", "data protection officer", Wording);
    /// The EU representative (Art. 27).
    representative: Option<Ref<Contact>> = field("representative", "EU representative", Wording);
    /// A general description of the technical and organisational security measures (GDPR Art. 30(1)(g), 32(1)), for the record of processing.
    security: Option<String> = field("security", "security measures", Wording);
    /// The UK representative (UK GDPR Art. 27).
    #[serde(skip_serializing_if = "Option::is_none")]
    uk_representative: Option<Ref<Contact>> = field("uk_representative", "UK representative", Wording);
    /// Whether it collects, uses or sells personal data to train large
    /// language models: the statement Conn. Gen. Stat. §42-520(c), as
    /// amended by Public Act 25-113 (from 1 July 2026), asks for either way.
    #[serde(skip_serializing_if = "Option::is_none")]
    llm_training: Option<bool> = field("llm_training", "training of large language models", TurnsYes("personal data now used to train large language models"));
    /// Whether all the personal data the service collects is encrypted in
    /// transit (Google Play's Data safety form).
    #[serde(skip_serializing_if = "Option::is_none")]
    encrypted_in_transit: Option<bool> = field("encrypted_in_transit", "encryption in transit", Material("store label changed"));
    /// How people can create an account with the service (Google Play's
    /// Data safety form): `password`, `oauth`, ... or `none`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    account_creation: Vec<AccountCreation> = field("account_creation", "ways to create an account", Material("store label changed"));
    /// The web page where people can ask for their account and its data to be deleted (Google Play's Data safety form; Play's User Data policy).
    #[serde(skip_serializing_if = "Option::is_none")]
    account_deletion: Option<String> = field("account_deletion", "account deletion page", Wording);
    /// The web page where people can ask for some or all of their data to be deleted without deleting their account (Google Play's Data safety form).
    #[serde(skip_serializing_if = "Option::is_none")]
    data_deletion: Option<String> = field("data_deletion", "data deletion page", Wording);
    /// The required-reason APIs the app uses, each with its approved reason (Apple's privacy manifest, `NSPrivacyAccessedAPITypes`): `user_defaults_ca92`, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    accessed_apis: Vec<AccessedApi> = field("accessed_apis", "required-reason APIs", Material("store label changed"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// A way to reach the company: an email, phone, web form or address.
    pub struct Contact / ContactSpans: Contact where contact_reachable;
    /// Label, e.g. "Email".
    name;
    /// Email address.
    email: Option<String> = field("email", "email address", Wording);
    /// Phone number.
    phone: Option<String> = custom("phone", "phone number", Wording, Shape::Phone, phone_number);
    /// Whether the phone number is toll-free.
    toll_free: bool = derived("phone", Wording, phone_toll_free);
    /// Web address (a form, a page).
    url: Option<String> = field("url", "web address", Wording);
    /// Postal address.
    address: Option<String> = field("address", "postal address", Wording);
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}

declare_kind! {
    /// Someone personal data is disclosed to: a category of recipients (GDPR
    /// Art. 13(1)(e)), which is also a category of third parties of the CCPA
    /// table and the state laws' tables. Declared once, with the facts each
    /// law derives its labels from (`kind`, `consideration`,
    /// `targeted_advertising`): a data set names it in `recipients`, and
    /// every table and export that lists recipients is a view of those
    /// declarations (`crate::views`).
    ///
    /// `third_party` declares one too: a recipient the CCPA table names but
    /// the GDPR recipients table does not list (`list`).
    pub struct Recipient / RecipientSpans: Recipient;
    /// Display name, e.g. "Trusted Agents and Service Providers".
    name;
    /// Which tables list it by name: `recipient` declarations are the GDPR
    /// recipients table's rows; `third_party` declarations are named only
    /// where third parties are (the CCPA and state tables).
    list: RecipientList = from_decl(Wording, recipient_list);
    /// What sort of organisation it is.
    kind: Option<RecipientKind> = field("kind", "kind", Material("recipient changed"));
    /// The broader recipient category it belongs to (a third party of the
    /// CCPA table inside a category of the GDPR recipients table).
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<Ref<Recipient>> = field("part_of", "recipient category it belongs to", Material("recipient changed"));
    /// What the business receives for disclosing to them: `money`,
    /// `other_value` or `none`. Each law derives its "sale" from it (Cal.
    /// Civ. Code §1798.140(ad)(1): "for monetary or other valuable
    /// consideration").
    #[serde(skip_serializing_if = "Option::is_none")]
    consideration: Option<Consideration> = field("consideration", "consideration received", Material("consideration for disclosures changed"));
    /// Whether they use the information for cross-context behavioural
    /// (targeted) advertising: the fact behind a CCPA "share" (§1798.140(ah))
    /// and the states' "targeted advertising".
    #[serde(skip_serializing_if = "Option::is_none")]
    targeted_advertising: Option<bool> = field("targeted_advertising", "targeted advertising", TurnsYes("now disclosed for targeted advertising"));
    /// For a joint controller: the essence of the arrangement (GDPR Art.
    /// 26(2)).
    arrangement: Option<String> = field("arrangement", "arrangement between joint controllers", Wording) prose;
    /// The data shared, as the notice describes it.
    shares: Option<String> = field("shares", "data shared", Material("data shared changed")) prose;
    /// The data sets shared, when stated.
    datasets: Vec<Ref<super::Dataset>> = field("datasets", "data sets shared", Grows("new recipient"));
    /// Where the recipient is.
    location: Option<String> = field("location", "location", Material("recipient changed"));
    /// The purpose of sharing.
    text: Option<String> = field("text", "text", Wording) prose;
}

/// Which tables name a recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecipientList {
    /// `recipient`: a row of the GDPR recipients table, and a third party
    /// wherever third parties are listed.
    Recipients,
    /// `third_party`: named only where third parties are listed.
    ThirdParties,
}

/// A CCPA category of third parties: a [`Recipient`] declared with
/// `third_party`.
pub type ThirdParty = Recipient;

declare_kind! {
    /// A named company, such as a cookie vendor.
    pub struct Vendor / VendorSpans: Vendor;
    /// Name, e.g. "Google Analytics".
    name;
    /// What sort of organisation it is.
    kind: Option<RecipientKind> = field("kind", "kind", Material("recipient changed"));
    /// The recipient category it belongs to.
    recipient: Option<Ref<Recipient>> = field("recipient", "recipient category", Material("recipient changed"));
    /// Where it is.
    location: Option<String> = field("location", "location", Material("recipient changed"));
    /// Its privacy page.
    url: Option<String> = field("url", "web address", Wording);
    /// The internet domains it tracks people through, comma-separated (Apple's privacy manifest, `NSPrivacyTrackingDomains`): `"ads.adnet.example, track.adnet.example"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    tracking_domains: Option<String> = field("tracking_domains", "tracking domains", Material("store label changed"));
    /// Prose.
    text: Option<String> = field("text", "text", Wording) prose;
}
