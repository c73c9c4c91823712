//! The closed sets of the language: lawful bases, Art. 9 conditions, CCPA
//! letters, kinds of recipient, and so on.
//!
//! Each set is an enum with the words a policy may write. [`closed_set!`]
//! gives every set the same three things: the list of words (for
//! did-you-mean), parsing from a word, and the word back (for JSON and
//! templates).

use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;

/// One closed set of words.
pub trait Word: Sized + Copy + 'static {
    /// What the set is called in messages: "lawful basis".
    const WHAT: &'static str;
    /// Every word, in documentation order.
    const WORDS: &'static [&'static str];
    /// The value a word names.
    fn from_word(word: &str) -> Option<Self>;
    /// The word for a value.
    fn word(self) -> &'static str;
}

macro_rules! closed_set {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant,)+
        }

        impl Word for $name {
            const WHAT: &'static str = $what;
            const WORDS: &'static [&'static str] = &[$($word),+];
            fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }
            fn word(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.word())
            }
        }
    };
}

closed_set! {
    /// The laws a policy declares itself subject to.
    Jurisdiction, "jurisdiction" {
        /// EU General Data Protection Regulation.
        Gdpr = "gdpr",
        /// The UK GDPR.
        UkGdpr = "uk_gdpr",
        /// California Consumer Privacy Act, as amended by the CPRA.
        Ccpa = "ccpa",
    }
}

closed_set! {
    /// The six lawful bases of GDPR Art. 6(1).
    LawfulBasis, "lawful basis" {
        /// Art. 6(1)(a).
        Consent = "consent",
        /// Art. 6(1)(b).
        Contract = "contract",
        /// Art. 6(1)(c).
        LegalObligation = "legal_obligation",
        /// Art. 6(1)(d).
        VitalInterests = "vital_interests",
        /// Art. 6(1)(e).
        PublicTask = "public_task",
        /// Art. 6(1)(f).
        LegitimateInterest = "legitimate_interest",
    }
}

impl LawfulBasis {
    /// The citation, e.g. "Art. 6(1)(a)".
    #[must_use]
    pub fn article(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "GDPR Art. 6(1)(a)",
            LawfulBasis::Contract => "GDPR Art. 6(1)(b)",
            LawfulBasis::LegalObligation => "GDPR Art. 6(1)(c)",
            LawfulBasis::VitalInterests => "GDPR Art. 6(1)(d)",
            LawfulBasis::PublicTask => "GDPR Art. 6(1)(e)",
            LawfulBasis::LegitimateInterest => "GDPR Art. 6(1)(f)",
        }
    }
}

closed_set! {
    /// The conditions of GDPR Art. 9(2) for special-category data.
    Art9Condition, "Art. 9(2) condition" {
        /// (a) explicit consent.
        ExplicitConsent = "explicit_consent",
        /// (b) employment and social security law.
        Employment = "employment",
        /// (c) vital interests where consent cannot be given.
        VitalInterests = "vital_interests",
        /// (d) not-for-profit bodies.
        NotForProfit = "not_for_profit",
        /// (e) made public by the person.
        MadePublic = "made_public",
        /// (f) legal claims.
        LegalClaims = "legal_claims",
        /// (g) substantial public interest.
        SubstantialPublicInterest = "substantial_public_interest",
        /// (h) health or social care.
        HealthCare = "health_care",
        /// (i) public health.
        PublicHealth = "public_health",
        /// (j) archiving, research, statistics.
        Archiving = "archiving",
    }
}

closed_set! {
    /// Special categories of personal data, GDPR Art. 9(1).
    SpecialCategory, "special category (GDPR Art. 9)" {
        /// Racial or ethnic origin.
        RacialOrEthnicOrigin = "racial_or_ethnic_origin",
        /// Political opinions.
        PoliticalOpinions = "political_opinions",
        /// Religious or philosophical beliefs.
        ReligiousOrPhilosophicalBeliefs = "religious_or_philosophical_beliefs",
        /// Trade-union membership.
        TradeUnionMembership = "trade_union_membership",
        /// Genetic data.
        Genetic = "genetic",
        /// Biometric data used to identify a person.
        Biometric = "biometric",
        /// Health.
        Health = "health",
        /// Sex life or sexual orientation.
        SexLifeOrSexualOrientation = "sex_life_or_sexual_orientation",
    }
}

closed_set! {
    /// Sensitive personal information, Cal. Civ. Code §1798.140(ae).
    SensitiveKind, "sensitive personal information kind (CPRA)" {
        /// SSN, driver's licence, state ID, passport.
        GovernmentId = "government_id",
        /// Account log-in with its password or credentials.
        AccountCredentials = "account_credentials",
        /// Financial account or card number with its code.
        FinancialAccount = "financial_account",
        /// Precise geolocation.
        PreciseGeolocation = "precise_geolocation",
        /// Racial or ethnic origin.
        RacialOrEthnicOrigin = "racial_or_ethnic_origin",
        /// Religious or philosophical beliefs.
        ReligiousOrPhilosophicalBeliefs = "religious_or_philosophical_beliefs",
        /// Union membership.
        UnionMembership = "union_membership",
        /// Citizenship or immigration status.
        CitizenshipOrImmigration = "citizenship_or_immigration",
        /// Contents of mail, email and texts not addressed to the business.
        CommunicationsContent = "communications_content",
        /// Genetic data.
        Genetic = "genetic",
        /// Neural data.
        Neural = "neural",
        /// Biometric data processed to identify.
        Biometric = "biometric",
        /// Health.
        Health = "health",
        /// Sex life or sexual orientation.
        SexLifeOrSexualOrientation = "sex_life_or_sexual_orientation",
    }
}

closed_set! {
    /// Statutory categories of personal information, §1798.140(v)(1).
    CcpaLetter, "CCPA category letter" {
        /// Identifiers.
        A = "A",
        /// Personal information described in §1798.80(e).
        B = "B",
        /// Characteristics of protected classifications.
        C = "C",
        /// Commercial information.
        D = "D",
        /// Biometric information.
        E = "E",
        /// Internet or other electronic network activity.
        F = "F",
        /// Geolocation data.
        G = "G",
        /// Audio, electronic, visual, thermal, olfactory or similar.
        H = "H",
        /// Professional or employment-related information.
        I = "I",
        /// Education information.
        J = "J",
        /// Inferences drawn to create a profile.
        K = "K",
        /// Sensitive personal information.
        L = "L",
    }
}

closed_set! {
    /// What sort of organisation receives data.
    RecipientKind, "recipient kind" {
        /// Companies of the same group.
        Affiliate = "affiliate",
        /// Processors, agents, vendors working on the controller's behalf.
        ServiceProvider = "service_provider",
        /// A buyer of the business.
        Acquirer = "acquirer",
        /// Police and courts.
        LawEnforcement = "law_enforcement",
        /// Government bodies and regulators.
        Government = "government",
        /// Auditors, lawyers.
        Advisor = "advisor",
        /// Advertising networks.
        AdNetwork = "ad_network",
        /// Analytics providers.
        Analytics = "analytics",
        /// Social networks.
        SocialNetwork = "social_network",
        /// Data brokers.
        DataBroker = "data_broker",
        /// Another controller deciding the purposes and means jointly
        /// (GDPR Art. 26).
        JointController = "joint_controller",
        /// Anything else.
        Other = "other",
    }
}

closed_set! {
    /// What the business receives in exchange for disclosing personal
    /// information: the fact from which each law derives a "sale" (money
    /// only in Virginia and Utah; any valuable consideration in California,
    /// Colorado, Connecticut, Texas and Oregon).
    Consideration, "consideration" {
        /// Monetary consideration.
        Money = "money",
        /// Other valuable consideration (services, data, ad revenue share).
        OtherValue = "other_value",
        /// Nothing in exchange.
        Nothing = "none",
    }
}

closed_set! {
    /// A term the generated tables use, which a `definition` can define: the
    /// table then marks the term and prints the definition beside itself.
    TableTerm, "table term" {
        /// "Sold", "sale".
        Sold = "sold",
        /// "Shared", "sharing" (cross-context behavioural advertising).
        Shared = "shared",
        /// "Business purpose".
        BusinessPurpose = "business_purpose",
        /// "Personal information".
        PersonalInformation = "personal_information",
        /// "Sensitive personal information".
        SensitivePersonalInformation = "sensitive_personal_information",
        /// "Third party".
        ThirdParty = "third_party",
    }
}

impl RecipientKind {
    /// Whether disclosing to this kind is typically for cross-context
    /// behavioural advertising (CPRA "sharing").
    #[must_use]
    pub fn is_advertising(self) -> bool {
        matches!(
            self,
            RecipientKind::AdNetwork | RecipientKind::SocialNetwork
        )
    }
}

closed_set! {
    /// Where data comes from.
    SourceKind, "source kind" {
        /// The person the data is about.
        DataSubject = "data_subject",
        /// Their device.
        Device = "device",
        /// Collected automatically (cookies, logs).
        Automatic = "automatic",
        /// The customer account's owner or administrator.
        AccountOwner = "account_owner",
        /// Another organisation.
        ThirdParty = "third_party",
        /// Publicly available sources.
        Public = "public",
        /// Data brokers and resellers.
        DataBroker = "data_broker",
        /// Anything else.
        Other = "other",
    }
}

impl SourceKind {
    /// Whether data from this source is obtained from someone other than the
    /// person (GDPR Art. 14 rather than Art. 13).
    #[must_use]
    pub fn is_indirect(self) -> bool {
        matches!(
            self,
            SourceKind::AccountOwner
                | SourceKind::ThirdParty
                | SourceKind::Public
                | SourceKind::DataBroker
        )
    }
}

closed_set! {
    /// Safeguards for transfers outside the EEA (GDPR Chapter V).
    Safeguard, "transfer safeguard" {
        /// Art. 45 adequacy decision.
        Adequacy = "adequacy",
        /// Art. 46(2)(c) standard contractual clauses.
        Sccs = "sccs",
        /// Art. 47 binding corporate rules.
        Bcr = "bcr",
        /// Art. 46(2)(f) certification.
        Certification = "certification",
        /// Art. 46(2)(e) code of conduct.
        CodeOfConduct = "code_of_conduct",
        /// Art. 49 derogation.
        Derogation = "derogation",
    }
}

impl Safeguard {
    /// Whether the person may ask for a copy (Art. 13(1)(f)): the Art. 46
    /// and 47 safeguards.
    #[must_use]
    pub fn needs_copy_route(self) -> bool {
        matches!(
            self,
            Safeguard::Sccs | Safeguard::Bcr | Safeguard::Certification | Safeguard::CodeOfConduct
        )
    }
}

closed_set! {
    /// Regions, for transfers and children's ages.
    Region, "region" {
        /// European Economic Area.
        Eea = "eea",
        /// European Union.
        Eu = "eu",
        /// United Kingdom.
        Uk = "uk",
        /// United States.
        Us = "us",
        /// California.
        California = "california",
        /// Everywhere.
        Worldwide = "worldwide",
        /// Austria.
        At = "at",
        /// Belgium.
        Be = "be",
        /// Bulgaria.
        Bg = "bg",
        /// Croatia.
        Hr = "hr",
        /// Cyprus.
        Cy = "cy",
        /// Czechia.
        Cz = "cz",
        /// Denmark.
        Dk = "dk",
        /// Estonia.
        Ee = "ee",
        /// Finland.
        Fi = "fi",
        /// France.
        Fr = "fr",
        /// Germany.
        De = "de",
        /// Greece.
        Gr = "gr",
        /// Hungary.
        Hu = "hu",
        /// Ireland.
        Ie = "ie",
        /// Italy.
        It = "it",
        /// Latvia.
        Lv = "lv",
        /// Lithuania.
        Lt = "lt",
        /// Luxembourg.
        Lu = "lu",
        /// Malta.
        Mt = "mt",
        /// Netherlands.
        Nl = "nl",
        /// Poland.
        Pl = "pl",
        /// Portugal.
        Pt = "pt",
        /// Romania.
        Ro = "ro",
        /// Slovakia.
        Sk = "sk",
        /// Slovenia.
        Si = "si",
        /// Spain.
        Es = "es",
        /// Sweden.
        Se = "se",
        /// Iceland.
        Is = "is",
        /// Liechtenstein.
        Li = "li",
        /// Norway.
        No = "no",
    }
}

impl Region {
    /// Whether GDPR Art. 8 applies there (the EEA, the EU, a member state).
    /// A positive list: a region added later is not in the EEA unless it is
    /// named here.
    #[must_use]
    pub fn is_eea(self) -> bool {
        use Region::{
            At, Be, Bg, Cy, Cz, De, Dk, Ee, Eea, Es, Eu, Fi, Fr, Gr, Hr, Hu, Ie, Is, It, Li, Lt,
            Lu, Lv, Mt, Nl, No, Pl, Pt, Ro, Se, Si, Sk,
        };
        matches!(
            self,
            Eea | Eu
                | At
                | Be
                | Bg
                | Hr
                | Cy
                | Cz
                | Dk
                | Ee
                | Fi
                | Fr
                | De
                | Gr
                | Hu
                | Ie
                | It
                | Lv
                | Lt
                | Lu
                | Mt
                | Nl
                | Pl
                | Pt
                | Ro
                | Sk
                | Si
                | Es
                | Se
                | Is
                | Li
                | No
        )
    }
}

closed_set! {
    /// Rights a notice describes.
    RightKind, "right" {
        /// GDPR: to be informed.
        Informed = "informed",
        /// GDPR Art. 15: access.
        Access = "access",
        /// GDPR Art. 16: rectification.
        Rectification = "rectification",
        /// GDPR Art. 17: erasure.
        Erasure = "erasure",
        /// GDPR Art. 18: restriction.
        Restriction = "restriction",
        /// GDPR Art. 21: objection.
        Objection = "objection",
        /// GDPR Art. 20: portability.
        Portability = "portability",
        /// GDPR Art. 77: complaint to a supervisory authority.
        Complaint = "complaint",
        /// GDPR Art. 7(3): withdraw consent.
        WithdrawConsent = "withdraw_consent",
        /// GDPR Art. 22: not to be subject to automated decisions.
        AutomatedDecisions = "automated_decisions",
        /// CCPA §1798.110: know and access.
        Know = "know",
        /// CCPA §1798.115: know what is sold, shared or disclosed.
        KnowSoldShared = "know_sold_shared",
        /// CCPA §1798.105: delete.
        Delete = "delete",
        /// CCPA §1798.106: correct.
        Correct = "correct",
        /// CCPA §1798.120: opt out of sale or sharing.
        OptOut = "opt_out",
        /// CCPA §1798.121: limit use of sensitive information.
        LimitSensitive = "limit_sensitive",
        /// CCPA §1798.125: no retaliation.
        NoRetaliation = "no_retaliation",
        /// CCPA regulations §7221: opt out of automated decision-making
        /// technology.
        AdmtOptOut = "admt_opt_out",
        /// CCPA regulations §7222: access information about automated
        /// decision-making technology.
        AdmtAccess = "admt_access",
        /// Anything else.
        Other = "other",
    }
}

closed_set! {
    /// What a section's `insert` generates.
    GeneratorKind, "generator" {
        /// The controller's details.
        Controller = "controller",
        /// Definitions.
        Definitions = "definitions",
        /// The data table.
        Datasets = "datasets",
        /// Standalone processing paragraphs.
        Processing = "processing",
        /// The cookie list.
        Cookies = "cookies",
        /// The collection methods list.
        Methods = "methods",
        /// The recipients table.
        Recipients = "recipients",
        /// Transfers.
        Transfers = "transfers",
        /// A rights list.
        Rights = "rights",
        /// A retention list.
        Retention = "retention",
        /// The children statement.
        Children = "children",
        /// The CCPA table.
        CcpaTable = "ccpa_table",
        /// Contact lines.
        Contacts = "contacts",
        /// How to make a request under a rights block: the ways to ask,
        /// verification, agents, response times, opt-out signals.
        Requests = "requests",
    }
}

closed_set! {
    /// A level a rule can be set to.
    RuleLevel, "rule level" {
        /// Report nothing (needs a reason).
        Allow = "allow",
        /// Report as a warning.
        Warn = "warn",
        /// Report as an error.
        Deny = "deny",
    }
}

/// `yes` or `no`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YesNo(pub bool);

impl Word for YesNo {
    const WHAT: &'static str = "yes/no value";
    const WORDS: &'static [&'static str] = &["yes", "no"];
    fn from_word(word: &str) -> Option<Self> {
        match word {
            "yes" => Some(YesNo(true)),
            "no" => Some(YesNo(false)),
            _ => None,
        }
    }
    fn word(self) -> &'static str {
        if self.0 { "yes" } else { "no" }
    }
}
