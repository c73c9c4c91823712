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

        impl $name {
            /// Every value, in the order of [`Word::WORDS`].
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
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

/// Declares [`Jurisdiction`]: the GDPR, the UK GDPR and the CCPA, then one
/// word per US state law of `law/declarations.rs`.
macro_rules! jurisdictions {
    ($($variant:ident = $word:literal { state: $state:literal, act: $act:literal, code: $code:literal, $($rest:tt)* })*) => {
        closed_set! {
            /// The laws a policy declares itself subject to.
            Jurisdiction, "jurisdiction" {
                /// EU General Data Protection Regulation.
                Gdpr = "gdpr",
                /// The UK GDPR.
                UkGdpr = "uk_gdpr",
                /// California Consumer Privacy Act, as amended by the CPRA.
                Ccpa = "ccpa",
                $(
                #[doc = concat!($act, ", ", $code)]
                $variant = $word,
                )*
            }
        }
    };
}

crate::state_laws!(jurisdictions);

impl Jurisdiction {
    /// The jurisdiction a word names, in a constant: for rule tables, which
    /// name their law by its word. Fails to compile for a word that names
    /// no law.
    #[must_use]
    pub const fn of_word(word: &str) -> Jurisdiction {
        let words = <Jurisdiction as Word>::WORDS;
        let mut i = 0;
        while i < words.len() {
            if const_eq(words[i], word) {
                return Jurisdiction::ALL[i];
            }
            i += 1;
        }
        panic!("not a jurisdiction word")
    }
}

/// Whether two strings are equal, in a constant.
const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
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
        /// UK GDPR Art. 6(1)(ea) and Annex 1 (inserted by the Data (Use
        /// and Access) Act 2025, s. 70): a recognised legitimate interest.
        /// The UK GDPR only; the EU GDPR has no such basis.
        RecognisedLegitimateInterest = "recognised_legitimate_interest",
    }
}

impl Jurisdiction {
    /// Whether this is one of the US state laws other than the CCPA (the
    /// ones `law::states` describes: their rights print under `insert
    /// state_rights`). A plain word here, so that lowering need not read
    /// the laws; `law::states` tests that the two lists agree.
    #[must_use]
    pub fn is_us_state_law(self) -> bool {
        // Every law but the GDPRs and the CCPA is a state law declared in
        // `law::declarations`.
        !matches!(
            self,
            Jurisdiction::Gdpr | Jurisdiction::UkGdpr | Jurisdiction::Ccpa
        )
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
            LawfulBasis::RecognisedLegitimateInterest => "UK GDPR Art. 6(1)(ea)",
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
    /// Sensitive personal information, Cal. Civ. Code §1798.140(ae), and
    /// the kinds of sensitive data that only the other US state laws list
    /// ([`SensitiveKind::cpra`] tells them apart; `law::states` maps them
    /// per law).
    SensitiveKind, "sensitive data kind" {
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
        /// Inferences that indicate one of the kinds above (race or
        /// ethnicity, religion, health, sex life or sexual orientation,
        /// citizenship): Colorado's "sensitive data inferences", 4 CCR
        /// 904-3 Rule 2.02.
        SensitiveInference = "sensitive_inference",
        /// Status as transgender or non-binary (Oregon, ORS 646A.570).
        TransgenderOrNonbinary = "transgender_or_nonbinary",
        /// Status as a victim of crime (Oregon, ORS 646A.570; Connecticut,
        /// Conn. Gen. Stat. §42-515).
        CrimeVictim = "crime_victim",
        /// National origin (Oregon, ORS 646A.570).
        NationalOrigin = "national_origin",
    }
}

impl SensitiveKind {
    /// Whether it is California's sensitive personal information
    /// (§1798.140(ae)); the other kinds are sensitive data under some other
    /// state laws only.
    #[must_use]
    pub fn cpra(self) -> bool {
        !matches!(
            self,
            SensitiveKind::SensitiveInference
                | SensitiveKind::TransgenderOrNonbinary
                | SensitiveKind::CrimeVictim
                | SensitiveKind::NationalOrigin
        )
    }
}

closed_set! {
    /// In what context the people of a group deal with the business: the
    /// fact from which each US state law derives whether they are its
    /// consumers. California's law covers every resident (Cal. Civ. Code
    /// §1798.140(i)); the other state laws exclude people acting in an
    /// employment or a commercial context (e.g. Va. Code §59.1-575,
    /// "consumer"). A group with no context stated is covered.
    SubjectContext, "subject context" {
        /// An individual or household context: customers, users, visitors.
        Consumer = "consumer",
        /// Employment: employees, job applicants, contractors.
        Employment = "employment",
        /// A commercial context: a business customer's or supplier's staff
        /// acting for their company.
        Commercial = "commercial",
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

impl CcpaLetter {
    /// The category as Cal. Civ. Code §1798.140(v)(1) names it, shortened
    /// to its head words: the name of a CCPA table row that no `ccpa`
    /// declaration names.
    #[must_use]
    pub fn statutory_name(self) -> &'static str {
        match self {
            CcpaLetter::A => "Identifiers",
            CcpaLetter::B => "Personal information described in Cal. Civ. Code §1798.80(e)",
            CcpaLetter::C => {
                "Characteristics of protected classifications under California or federal law"
            }
            CcpaLetter::D => "Commercial information",
            CcpaLetter::E => "Biometric information",
            CcpaLetter::F => "Internet or other electronic network activity information",
            CcpaLetter::G => "Geolocation data",
            CcpaLetter::H => {
                "Audio, electronic, visual, thermal, olfactory, or similar information"
            }
            CcpaLetter::I => "Professional or employment-related information",
            CcpaLetter::J => "Education information",
            CcpaLetter::K => "Inferences drawn to create a profile",
            CcpaLetter::L => "Sensitive personal information",
        }
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
        /// UK: the International Data Transfer Agreement (UK GDPR Art.
        /// 46(2)(d), DPA 2018 s. 119A).
        Idta = "idta",
        /// UK: the International Data Transfer Addendum to the EU standard
        /// contractual clauses (UK GDPR Art. 46(2)(d), DPA 2018 s. 119A).
        UkAddendum = "uk_addendum",
    }
}

impl Safeguard {
    /// Whether the person may ask for a copy (Art. 13(1)(f)): the Art. 46
    /// and 47 safeguards.
    #[must_use]
    pub fn needs_copy_route(self) -> bool {
        matches!(
            self,
            Safeguard::Sccs
                | Safeguard::Bcr
                | Safeguard::Certification
                | Safeguard::CodeOfConduct
                | Safeguard::Idta
                | Safeguard::UkAddendum
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
        /// Quebec (its Charter of the French Language asks for French).
        Quebec = "quebec",
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
    /// Whether a law reaches the people of this region: the GDPR those in
    /// the EEA, the UK GDPR those in the UK, the CCPA Californians (and
    /// `us`, which holds them), a US state law `us` (a `california` flow is
    /// not a Virginian's). `worldwide` is reached by every law.
    #[must_use]
    pub fn reached_by(self, law: Jurisdiction) -> bool {
        match self {
            Region::Worldwide => true,
            _ if law == Jurisdiction::Gdpr => self.is_eea(),
            _ if law == Jurisdiction::UkGdpr => self == Region::Uk,
            _ if law == Jurisdiction::Ccpa => matches!(self, Region::Us | Region::California),
            _ if law.is_us_state_law() => self == Region::Us,
            _ => false,
        }
    }

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
        /// UK: complaint to the controller itself (Data Protection Act 2018
        /// s. 164A, inserted by the Data (Use and Access) Act 2025, s. 103).
        ControllerComplaint = "controller_complaint",
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
        /// US state laws: opt out of processing for targeted advertising
        /// (e.g. Va. Code §59.1-577(A)(5)(i)).
        OptOutTargeted = "opt_out_targeted",
        /// US state laws: opt out of profiling in furtherance of decisions
        /// with legal or similarly significant effects (e.g. Va. Code
        /// §59.1-577(A)(5)(iii)).
        OptOutProfiling = "opt_out_profiling",
        /// US state laws: appeal a refusal to act on a request (e.g. Va.
        /// Code §59.1-577(C)).
        Appeal = "appeal",
        /// Oregon: a list of the specific third parties personal data was
        /// disclosed to (ORS 646A.574(1)(a)(B)).
        ThirdPartyList = "third_party_list",
        /// Minnesota: question the result of profiling in furtherance of
        /// decisions with legal or similarly significant effects, be told
        /// the reason and what could have secured a different decision,
        /// review the data used, and have the decision reevaluated after a
        /// correction (Minn. Stat. §325M.14 subd. 1(g)).
        QuestionProfiling = "question_profiling",
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
        /// The US state privacy rights: which state laws apply, the rights,
        /// how to exercise them and how to appeal.
        StateRights = "state_rights",
        /// The CCPA notice at collection for some or all of the people the
        /// business collects from: per category collected from them, its
        /// sensitive kinds, purposes, whether it is sold or shared and how
        /// long it is kept, the opt-out link and the way to the full notice.
        NoticeAtCollection = "notice_at_collection",
        /// The categories of personal data with the US state laws' own
        /// labels: per category, its personal data, purposes, the third
        /// parties it goes to, whether it is sold under each declared state
        /// law and whether it is used for targeted advertising.
        StateCategories = "state_categories",
        /// Colorado's purpose-by-purpose table: per purpose, the categories
        /// of personal data provided for it and whether that data is sold,
        /// used for targeted advertising or for significant profiling (4 CCR
        /// 904-3 Rule 6.03(A)(1)).
        ColoradoPurposes = "colorado_purposes",
        /// "Changes to this notice": the last versions and what changed in
        /// each, material changes first (`insert changes 3`), from the
        /// history `candor publish` and `candor build` read.
        Changes = "changes",
        /// A short first layer of the notice: who is responsible and how to
        /// reach them, what is collected, why, who receives it, what is sold
        /// or shared, the reader's rights and how to use them, each with a
        /// link to where the notice says it in full.
        Summary = "summary",
    }
}

closed_set! {
    /// The files besides the notice that a policy asks `build` to write
    /// (`exports ropa, gpc`): each is written only when asked for.
    Export, "export" {
        /// `ropa.csv` and `ropa.xlsx`: the record of processing activities
        /// (GDPR Art. 30(1)).
        Ropa = "ropa",
        /// `gpc.json`: the Global Privacy Control support resource, served
        /// at `/.well-known/gpc.json`.
        Gpc = "gpc",
        /// `consent.json`: the cookie categories for a consent banner.
        Consent = "consent",
        /// `app_privacy_details.json` (fastlane) and `PrivacyInfo.xcprivacy`:
        /// the App Store privacy details and privacy manifest.
        AppStore = "app_store",
        /// `play_data_safety.csv`: the Google Play Data safety form.
        PlayDataSafety = "play_data_safety",
        /// `fides.yml`: a fideslang manifest of the processing (a system and
        /// its privacy declarations).
        Fides = "fides",
        /// `dpv.jsonld`: the processing in the W3C Data Privacy Vocabulary.
        Dpv = "dpv",
        /// `gpp.json`: the notice fields of the IAB GPP US National section.
        Gpp = "gpp",
    }
}

closed_set! {
    /// Apple's data types of the App Store privacy details, by the
    /// identifier App Store Connect gives them (`appDataUsageCategories`,
    /// as fastlane's `app_privacy_details.json` writes them), in lower case.
    AppleDataType, "Apple data type" {
        /// Payment Info.
        PaymentInformation = "payment_information",
        /// Credit Info.
        CreditAndFraud = "credit_and_fraud",
        /// Other Financial Info.
        OtherFinancialInfo = "other_financial_info",
        /// Precise Location.
        PreciseLocation = "precise_location",
        /// Coarse Location.
        CoarseLocation = "coarse_location",
        /// Sensitive Info.
        SensitiveInfo = "sensitive_info",
        /// Physical Address.
        PhysicalAddress = "physical_address",
        /// Email Address.
        EmailAddress = "email_address",
        /// Name.
        Name = "name",
        /// Phone Number.
        PhoneNumber = "phone_number",
        /// Other User Contact Info.
        OtherContactInfo = "other_contact_info",
        /// Contacts.
        Contacts = "contacts",
        /// Emails or Text Messages.
        EmailsOrTextMessages = "emails_or_text_messages",
        /// Photos or Videos.
        PhotosOrVideos = "photos_or_videos",
        /// Audio Data.
        Audio = "audio",
        /// Gameplay Content.
        GameplayContent = "gameplay_content",
        /// Customer Support.
        CustomerSupport = "customer_support",
        /// Other User Content.
        OtherUserContent = "other_user_content",
        /// Browsing History.
        BrowsingHistory = "browsing_history",
        /// Search History.
        SearchHistory = "search_history",
        /// User ID.
        UserId = "user_id",
        /// Device ID.
        DeviceId = "device_id",
        /// Purchase History.
        PurchaseHistory = "purchase_history",
        /// Product Interaction.
        ProductInteraction = "product_interaction",
        /// Advertising Data.
        AdvertisingData = "advertising_data",
        /// Other Usage Data.
        OtherUsageData = "other_usage_data",
        /// Crash Data.
        CrashData = "crash_data",
        /// Performance Data.
        PerformanceData = "performance_data",
        /// Other Diagnostic Data.
        OtherDiagnosticData = "other_diagnostic_data",
        /// Health.
        Health = "health",
        /// Fitness.
        Fitness = "fitness",
        /// Other Data Types.
        OtherData = "other_data",
    }
}

impl AppleDataType {
    /// The App Store Connect identifier, e.g. `EMAIL_ADDRESS`.
    #[must_use]
    pub fn store_id(self) -> String {
        self.word().to_ascii_uppercase()
    }

    /// The privacy manifest's `NSPrivacyCollectedDataType` value.
    #[must_use]
    pub fn manifest_key(self) -> &'static str {
        match self {
            AppleDataType::PaymentInformation => "NSPrivacyCollectedDataTypePaymentInfo",
            AppleDataType::CreditAndFraud => "NSPrivacyCollectedDataTypeCreditInfo",
            AppleDataType::OtherFinancialInfo => "NSPrivacyCollectedDataTypeOtherFinancialInfo",
            AppleDataType::PreciseLocation => "NSPrivacyCollectedDataTypePreciseLocation",
            AppleDataType::CoarseLocation => "NSPrivacyCollectedDataTypeCoarseLocation",
            AppleDataType::SensitiveInfo => "NSPrivacyCollectedDataTypeSensitiveInfo",
            AppleDataType::PhysicalAddress => "NSPrivacyCollectedDataTypePhysicalAddress",
            AppleDataType::EmailAddress => "NSPrivacyCollectedDataTypeEmailAddress",
            AppleDataType::Name => "NSPrivacyCollectedDataTypeName",
            AppleDataType::PhoneNumber => "NSPrivacyCollectedDataTypePhoneNumber",
            AppleDataType::OtherContactInfo => "NSPrivacyCollectedDataTypeOtherUserContactInfo",
            AppleDataType::Contacts => "NSPrivacyCollectedDataTypeContacts",
            AppleDataType::EmailsOrTextMessages => "NSPrivacyCollectedDataTypeEmailsOrTextMessages",
            AppleDataType::PhotosOrVideos => "NSPrivacyCollectedDataTypePhotosorVideos",
            AppleDataType::Audio => "NSPrivacyCollectedDataTypeAudioData",
            AppleDataType::GameplayContent => "NSPrivacyCollectedDataTypeGameplayContent",
            AppleDataType::CustomerSupport => "NSPrivacyCollectedDataTypeCustomerSupport",
            AppleDataType::OtherUserContent => "NSPrivacyCollectedDataTypeOtherUserContent",
            AppleDataType::BrowsingHistory => "NSPrivacyCollectedDataTypeBrowsingHistory",
            AppleDataType::SearchHistory => "NSPrivacyCollectedDataTypeSearchHistory",
            AppleDataType::UserId => "NSPrivacyCollectedDataTypeUserID",
            AppleDataType::DeviceId => "NSPrivacyCollectedDataTypeDeviceID",
            AppleDataType::PurchaseHistory => "NSPrivacyCollectedDataTypePurchaseHistory",
            AppleDataType::ProductInteraction => "NSPrivacyCollectedDataTypeProductInteraction",
            AppleDataType::AdvertisingData => "NSPrivacyCollectedDataTypeAdvertisingData",
            AppleDataType::OtherUsageData => "NSPrivacyCollectedDataTypeOtherUsageData",
            AppleDataType::CrashData => "NSPrivacyCollectedDataTypeCrashData",
            AppleDataType::PerformanceData => "NSPrivacyCollectedDataTypePerformanceData",
            AppleDataType::OtherDiagnosticData => "NSPrivacyCollectedDataTypeOtherDiagnosticData",
            AppleDataType::Health => "NSPrivacyCollectedDataTypeHealth",
            AppleDataType::Fitness => "NSPrivacyCollectedDataTypeFitness",
            AppleDataType::OtherData => "NSPrivacyCollectedDataTypeOtherDataTypes",
        }
    }
}

closed_set! {
    /// Apple's purposes of the App Store privacy details
    /// (`appDataUsagePurposes`), in lower case.
    ApplePurpose, "Apple purpose" {
        /// Third-party advertising.
        ThirdPartyAdvertising = "third_party_advertising",
        /// Developer's advertising or marketing.
        DevelopersAdvertising = "developers_advertising",
        /// Analytics.
        Analytics = "analytics",
        /// Product personalisation.
        ProductPersonalization = "product_personalization",
        /// App functionality.
        AppFunctionality = "app_functionality",
        /// Other purposes.
        OtherPurposes = "other_purposes",
    }
}

impl ApplePurpose {
    /// The App Store Connect identifier, e.g. `APP_FUNCTIONALITY`.
    #[must_use]
    pub fn store_id(self) -> String {
        self.word().to_ascii_uppercase()
    }

    /// The privacy manifest's `NSPrivacyCollectedDataTypePurposes` value.
    #[must_use]
    pub fn manifest_key(self) -> &'static str {
        match self {
            ApplePurpose::ThirdPartyAdvertising => {
                "NSPrivacyCollectedDataTypePurposeThirdPartyAdvertising"
            }
            ApplePurpose::DevelopersAdvertising => {
                "NSPrivacyCollectedDataTypePurposeDeveloperAdvertising"
            }
            ApplePurpose::Analytics => "NSPrivacyCollectedDataTypePurposeAnalytics",
            ApplePurpose::ProductPersonalization => {
                "NSPrivacyCollectedDataTypePurposeProductPersonalization"
            }
            ApplePurpose::AppFunctionality => "NSPrivacyCollectedDataTypePurposeAppFunctionality",
            ApplePurpose::OtherPurposes => "NSPrivacyCollectedDataTypePurposeOther",
        }
    }

    /// Whether it is advertising, which the notice must also say.
    #[must_use]
    pub fn is_advertising(self) -> bool {
        matches!(
            self,
            ApplePurpose::ThirdPartyAdvertising | ApplePurpose::DevelopersAdvertising
        )
    }
}

closed_set! {
    /// Google Play's data types of the Data safety form, in the order of
    /// the form. Each word names one response id of the form's CSV (the
    /// word `user_ids` is `PSL_USER_ACCOUNT`, the form's "User IDs").
    PlayDataType, "Play data type" {
        /// Personal info / Name.
        Name = "name",
        /// Personal info / Email address.
        Email = "email",
        /// Personal info / User IDs.
        UserIds = "user_ids",
        /// Personal info / Address.
        Address = "address",
        /// Personal info / Phone number.
        Phone = "phone",
        /// Personal info / Race and ethnicity.
        RaceEthnicity = "race_ethnicity",
        /// Personal info / Political or religious beliefs.
        PoliticalReligious = "political_religious",
        /// Personal info / Sexual orientation.
        SexualOrientation = "sexual_orientation",
        /// Personal info / Other info.
        OtherPersonal = "other_personal",
        /// Financial info / User payment info.
        PaymentInfo = "payment_info",
        /// Financial info / Purchase history.
        PurchaseHistory = "purchase_history",
        /// Financial info / Credit score.
        CreditScore = "credit_score",
        /// Financial info / Other financial info.
        OtherFinancial = "other_financial",
        /// Location / Approximate location.
        ApproximateLocation = "approximate_location",
        /// Location / Precise location.
        PreciseLocation = "precise_location",
        /// Web browsing / Web browsing history.
        WebBrowsingHistory = "web_browsing_history",
        /// Messages / Emails.
        Emails = "emails",
        /// Messages / SMS or MMS.
        SmsMms = "sms_mms",
        /// Messages / Other in-app messages.
        OtherMessages = "other_messages",
        /// Photos and videos / Photos.
        Photos = "photos",
        /// Photos and videos / Videos.
        Videos = "videos",
        /// Audio files / Voice or sound recordings.
        VoiceRecordings = "voice_recordings",
        /// Audio files / Music files.
        MusicFiles = "music_files",
        /// Audio files / Other audio files.
        OtherAudio = "other_audio",
        /// Health and fitness / Health info.
        Health = "health",
        /// Health and fitness / Fitness info.
        Fitness = "fitness",
        /// Contacts / Contacts.
        Contacts = "contacts",
        /// Calendar / Calendar events.
        Calendar = "calendar",
        /// App info and performance / Crash logs.
        CrashLogs = "crash_logs",
        /// App info and performance / Diagnostics.
        Diagnostics = "diagnostics",
        /// App info and performance / Other app performance data.
        OtherPerformance = "other_performance",
        /// Files and docs / Files and docs.
        FilesAndDocs = "files_and_docs",
        /// App activity / App interactions.
        AppInteractions = "app_interactions",
        /// App activity / In-app search history.
        InAppSearchHistory = "in_app_search_history",
        /// App activity / Installed apps.
        InstalledApps = "installed_apps",
        /// App activity / Other user-generated content.
        UserGeneratedContent = "user_generated_content",
        /// App activity / Other actions.
        OtherActions = "other_actions",
        /// Device or other IDs / Device or other IDs.
        DeviceIds = "device_ids",
    }
}

impl PlayDataType {
    /// The form's ids: the question (its group) and the response, with
    /// the human-friendly label.
    #[must_use]
    pub fn form(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PlayDataType::Name => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_NAME",
                "Personal info / Name",
            ),
            PlayDataType::Email => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_EMAIL",
                "Personal info / Email address",
            ),
            PlayDataType::UserIds => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_USER_ACCOUNT",
                "Personal info / User IDs",
            ),
            PlayDataType::Address => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_ADDRESS",
                "Personal info / Address",
            ),
            PlayDataType::Phone => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_PHONE",
                "Personal info / Phone number",
            ),
            PlayDataType::RaceEthnicity => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_RACE_ETHNICITY",
                "Personal info / Race and ethnicity",
            ),
            PlayDataType::PoliticalReligious => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_POLITICAL_RELIGIOUS",
                "Personal info / Political or religious beliefs",
            ),
            PlayDataType::SexualOrientation => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY",
                "Personal info / Sexual orientation",
            ),
            PlayDataType::OtherPersonal => (
                "PSL_DATA_TYPES_PERSONAL",
                "PSL_OTHER_PERSONAL",
                "Personal info / Other info",
            ),
            PlayDataType::PaymentInfo => (
                "PSL_DATA_TYPES_FINANCIAL",
                "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER",
                "Financial info / User payment info",
            ),
            PlayDataType::PurchaseHistory => (
                "PSL_DATA_TYPES_FINANCIAL",
                "PSL_PURCHASE_HISTORY",
                "Financial info / Purchase history",
            ),
            PlayDataType::CreditScore => (
                "PSL_DATA_TYPES_FINANCIAL",
                "PSL_CREDIT_SCORE",
                "Financial info / Credit score",
            ),
            PlayDataType::OtherFinancial => (
                "PSL_DATA_TYPES_FINANCIAL",
                "PSL_OTHER",
                "Financial info / Other financial info",
            ),
            PlayDataType::ApproximateLocation => (
                "PSL_DATA_TYPES_LOCATION",
                "PSL_APPROX_LOCATION",
                "Location / Approximate location",
            ),
            PlayDataType::PreciseLocation => (
                "PSL_DATA_TYPES_LOCATION",
                "PSL_PRECISE_LOCATION",
                "Location / Precise location",
            ),
            PlayDataType::WebBrowsingHistory => (
                "PSL_DATA_TYPES_SEARCH_AND_BROWSING",
                "PSL_WEB_BROWSING_HISTORY",
                "Web browsing / Web browsing history",
            ),
            PlayDataType::Emails => (
                "PSL_DATA_TYPES_EMAIL_AND_TEXT",
                "PSL_EMAILS",
                "Messages / Emails",
            ),
            PlayDataType::SmsMms => (
                "PSL_DATA_TYPES_EMAIL_AND_TEXT",
                "PSL_SMS_CALL_LOG",
                "Messages / SMS or MMS",
            ),
            PlayDataType::OtherMessages => (
                "PSL_DATA_TYPES_EMAIL_AND_TEXT",
                "PSL_OTHER_MESSAGES",
                "Messages / Other in-app messages",
            ),
            PlayDataType::Photos => (
                "PSL_DATA_TYPES_PHOTOS_AND_VIDEOS",
                "PSL_PHOTOS",
                "Photos and videos / Photos",
            ),
            PlayDataType::Videos => (
                "PSL_DATA_TYPES_PHOTOS_AND_VIDEOS",
                "PSL_VIDEOS",
                "Photos and videos / Videos",
            ),
            PlayDataType::VoiceRecordings => (
                "PSL_DATA_TYPES_AUDIO",
                "PSL_AUDIO",
                "Audio files / Voice or sound recordings",
            ),
            PlayDataType::MusicFiles => (
                "PSL_DATA_TYPES_AUDIO",
                "PSL_MUSIC",
                "Audio files / Music files",
            ),
            PlayDataType::OtherAudio => (
                "PSL_DATA_TYPES_AUDIO",
                "PSL_OTHER_AUDIO",
                "Audio files / Other audio files",
            ),
            PlayDataType::Health => (
                "PSL_DATA_TYPES_HEALTH_AND_FITNESS",
                "PSL_HEALTH",
                "Health and fitness / Health info",
            ),
            PlayDataType::Fitness => (
                "PSL_DATA_TYPES_HEALTH_AND_FITNESS",
                "PSL_FITNESS",
                "Health and fitness / Fitness info",
            ),
            PlayDataType::Contacts => (
                "PSL_DATA_TYPES_CONTACTS",
                "PSL_CONTACTS",
                "Contacts / Contacts",
            ),
            PlayDataType::Calendar => (
                "PSL_DATA_TYPES_CALENDAR",
                "PSL_CALENDAR",
                "Calendar / Calendar events",
            ),
            PlayDataType::CrashLogs => (
                "PSL_DATA_TYPES_APP_PERFORMANCE",
                "PSL_CRASH_LOGS",
                "App info and performance / Crash logs",
            ),
            PlayDataType::Diagnostics => (
                "PSL_DATA_TYPES_APP_PERFORMANCE",
                "PSL_PERFORMANCE_DIAGNOSTICS",
                "App info and performance / Diagnostics",
            ),
            PlayDataType::OtherPerformance => (
                "PSL_DATA_TYPES_APP_PERFORMANCE",
                "PSL_OTHER_PERFORMANCE",
                "App info and performance / Other app performance data",
            ),
            PlayDataType::FilesAndDocs => (
                "PSL_DATA_TYPES_FILES_AND_DOCS",
                "PSL_FILES_AND_DOCS",
                "Files and docs / Files and docs",
            ),
            PlayDataType::AppInteractions => (
                "PSL_DATA_TYPES_APP_ACTIVITY",
                "PSL_USER_INTERACTION",
                "App activity / App interactions",
            ),
            PlayDataType::InAppSearchHistory => (
                "PSL_DATA_TYPES_APP_ACTIVITY",
                "PSL_IN_APP_SEARCH_HISTORY",
                "App activity / In-app search history",
            ),
            PlayDataType::InstalledApps => (
                "PSL_DATA_TYPES_APP_ACTIVITY",
                "PSL_APPS_ON_DEVICE",
                "App activity / Installed apps",
            ),
            PlayDataType::UserGeneratedContent => (
                "PSL_DATA_TYPES_APP_ACTIVITY",
                "PSL_USER_GENERATED_CONTENT",
                "App activity / Other user-generated content",
            ),
            PlayDataType::OtherActions => (
                "PSL_DATA_TYPES_APP_ACTIVITY",
                "PSL_OTHER_APP_ACTIVITY",
                "App activity / Other actions",
            ),
            PlayDataType::DeviceIds => (
                "PSL_DATA_TYPES_IDENTIFIERS",
                "PSL_DEVICE_ID",
                "Device or other IDs / Device or other IDs",
            ),
        }
    }
}

closed_set! {
    /// Google Play's purposes of the Data safety form, in its order.
    PlayPurpose, "Play purpose" {
        /// App functionality.
        AppFunctionality = "app_functionality",
        /// Analytics.
        Analytics = "analytics",
        /// Developer communications.
        DeveloperCommunications = "developer_communications",
        /// Fraud prevention, security, and compliance.
        FraudPreventionSecurity = "fraud_prevention_security",
        /// Advertising or marketing.
        Advertising = "advertising",
        /// Personalization.
        Personalization = "personalization",
        /// Account management.
        AccountManagement = "account_management",
    }
}

impl PlayPurpose {
    /// The form's response id and label.
    #[must_use]
    pub fn form(self) -> (&'static str, &'static str) {
        match self {
            PlayPurpose::AppFunctionality => ("PSL_APP_FUNCTIONALITY", "App functionality"),
            PlayPurpose::Analytics => ("PSL_ANALYTICS", "Analytics"),
            PlayPurpose::DeveloperCommunications => {
                ("PSL_DEVELOPER_COMMUNICATIONS", "Developer communications")
            }
            PlayPurpose::FraudPreventionSecurity => (
                "PSL_FRAUD_PREVENTION_SECURITY",
                "Fraud prevention, security, and compliance",
            ),
            PlayPurpose::Advertising => ("PSL_ADVERTISING", "Advertising or marketing"),
            PlayPurpose::Personalization => ("PSL_PERSONALIZATION", "Personalization"),
            PlayPurpose::AccountManagement => ("PSL_ACCOUNT_MANAGEMENT", "Account management"),
        }
    }
}

closed_set! {
    /// A required-reason API category of Apple's privacy manifest with one
    /// of its approved reasons (Apple, "Describing use of required reason
    /// API"), written `CATEGORY_REASON`: `user_defaults_ca92` is
    /// `NSPrivacyAccessedAPICategoryUserDefaults` for reason `CA92.1`. The
    /// reasons only a third-party SDK may declare (`0A2A.1`, `C56D.1`) are
    /// left out: this is an app's manifest.
    AccessedApi, "required-reason API and reason" {
        /// File timestamps shown to the person using the device (DDA9.1).
        FileTimestampDda9 = "file_timestamp_dda9",
        /// File timestamps inside the app's own containers (C617.1).
        FileTimestampC617 = "file_timestamp_c617",
        /// File timestamps of files the person granted access to (3B52.1).
        FileTimestamp3b52 = "file_timestamp_3b52",
        /// System boot time, to measure time between events in the app (35F9.1).
        SystemBootTime35f9 = "system_boot_time_35f9",
        /// System boot time, to compute an absolute timestamp of events in the app (8FFB.1).
        SystemBootTime8ffb = "system_boot_time_8ffb",
        /// System boot time, to show it to the person (3D61.1).
        SystemBootTime3d61 = "system_boot_time_3d61",
        /// Disk space shown to the person (85F4.1).
        DiskSpace85f4 = "disk_space_85f4",
        /// Disk space checked before writing files (E174.1).
        DiskSpaceE174 = "disk_space_e174",
        /// Disk space included in an optional bug report the person sends (7D9E.1).
        DiskSpace7d9e = "disk_space_7d9e",
        /// Disk space checked by a health research app (B728.1).
        DiskSpaceB728 = "disk_space_b728",
        /// Active keyboards, by a custom keyboard app (3EC4.1).
        ActiveKeyboards3ec4 = "active_keyboards_3ec4",
        /// Active keyboards, to adapt the interface to them (54BD.1).
        ActiveKeyboards54bd = "active_keyboards_54bd",
        /// User defaults only the app reads and writes (CA92.1).
        UserDefaultsCa92 = "user_defaults_ca92",
        /// User defaults shared with an app group (1C8F.1).
        UserDefaults1c8f = "user_defaults_1c8f",
        /// User defaults of a managed app's configuration (AC6B.1).
        UserDefaultsAc6b = "user_defaults_ac6b",
    }
}

impl AccessedApi {
    /// The manifest's `NSPrivacyAccessedAPIType` and the reason code.
    #[must_use]
    pub fn manifest(self) -> (&'static str, &'static str) {
        const FILE: &str = "NSPrivacyAccessedAPICategoryFileTimestamp";
        const BOOT: &str = "NSPrivacyAccessedAPICategorySystemBootTime";
        const DISK: &str = "NSPrivacyAccessedAPICategoryDiskSpace";
        const KEYS: &str = "NSPrivacyAccessedAPICategoryActiveKeyboards";
        const DEFAULTS: &str = "NSPrivacyAccessedAPICategoryUserDefaults";
        match self {
            AccessedApi::FileTimestampDda9 => (FILE, "DDA9.1"),
            AccessedApi::FileTimestampC617 => (FILE, "C617.1"),
            AccessedApi::FileTimestamp3b52 => (FILE, "3B52.1"),
            AccessedApi::SystemBootTime35f9 => (BOOT, "35F9.1"),
            AccessedApi::SystemBootTime8ffb => (BOOT, "8FFB.1"),
            AccessedApi::SystemBootTime3d61 => (BOOT, "3D61.1"),
            AccessedApi::DiskSpace85f4 => (DISK, "85F4.1"),
            AccessedApi::DiskSpaceE174 => (DISK, "E174.1"),
            AccessedApi::DiskSpace7d9e => (DISK, "7D9E.1"),
            AccessedApi::DiskSpaceB728 => (DISK, "B728.1"),
            AccessedApi::ActiveKeyboards3ec4 => (KEYS, "3EC4.1"),
            AccessedApi::ActiveKeyboards54bd => (KEYS, "54BD.1"),
            AccessedApi::UserDefaultsCa92 => (DEFAULTS, "CA92.1"),
            AccessedApi::UserDefaults1c8f => (DEFAULTS, "1C8F.1"),
            AccessedApi::UserDefaultsAc6b => (DEFAULTS, "AC6B.1"),
        }
    }
}

closed_set! {
    /// A way the app lets people create an account, as Google Play's Data
    /// safety form asks (`PSL_SUPPORTED_ACCOUNT_CREATION_METHODS`).
    AccountCreation, "way to create an account" {
        /// A username (or email address) and a password.
        Password = "password",
        /// A username and another way to authenticate (a one-time code, a
        /// link by email), no password.
        OtherAuth = "other_auth",
        /// A username, a password and another way to authenticate.
        PasswordOtherAuth = "password_other_auth",
        /// Signing in with another service's account (OAuth).
        Oauth = "oauth",
        /// Another way.
        Other = "other",
        /// The app does not let people create an account.
        None = "none",
    }
}

impl AccountCreation {
    /// The Data safety form's response id, and the way in words (what the
    /// notice prints).
    #[must_use]
    pub fn form(self) -> (&'static str, &'static str) {
        match self {
            AccountCreation::Password => ("PSL_ACM_USER_ID_PASSWORD", "username and password"),
            AccountCreation::OtherAuth => (
                "PSL_ACM_USER_ID_OTHER_AUTH",
                "username and another way to authenticate",
            ),
            AccountCreation::PasswordOtherAuth => (
                "PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH",
                "username, password and another way to authenticate",
            ),
            AccountCreation::Oauth => ("PSL_ACM_OAUTH", "signing in with another service (OAuth)"),
            AccountCreation::Other => ("PSL_ACM_OTHER", "another way"),
            AccountCreation::None => ("PSL_ACM_NONE", "the app does not create accounts"),
        }
    }
}

closed_set! {
    /// A data category of the fideslang default taxonomy (fideslang 3), its key written with `_`
    /// for `.`: `user_contact_email` is `user.contact.email`.
    FidesDataCategory, "fideslang data category" {
        /// System Data.
        System = "system",
        /// Authentication Data.
        SystemAuthentication = "system_authentication",
        /// Operations Data.
        SystemOperations = "system_operations",
        /// User Data.
        User = "user",
        /// Account Information.
        UserAccount = "user_account",
        /// Authorization Information.
        UserAuthorization = "user_authorization",
        /// Observed Behavior.
        UserBehavior = "user_behavior",
        /// Biometric Data.
        UserBiometric = "user_biometric",
        /// Children's Data.
        UserChildrens = "user_childrens",
        /// Contact Data.
        UserContact = "user_contact",
        /// User Content.
        UserContent = "user_content",
        /// Demographic Data.
        UserDemographic = "user_demographic",
        /// Location Data.
        UserLocation = "user_location",
        /// Device Data.
        UserDevice = "user_device",
        /// Payment Data.
        UserPayment = "user_payment",
        /// Social Data.
        UserSocial = "user_social",
        /// Unique ID.
        UserUniqueId = "user_unique_id",
        /// Telemetry Data.
        UserTelemetry = "user_telemetry",
        /// User Sensor Data.
        UserUserSensor = "user_user_sensor",
        /// Workplace.
        UserWorkplace = "user_workplace",
        /// Sensor Data.
        UserSensor = "user_sensor",
        /// Financial Data.
        UserFinancial = "user_financial",
        /// Government ID.
        UserGovernmentId = "user_government_id",
        /// Health and Medical Data.
        UserHealthAndMedical = "user_health_and_medical",
        /// Name.
        UserName = "user_name",
        /// Criminal History.
        UserCriminalHistory = "user_criminal_history",
        /// Privacy Preferences.
        UserPrivacyPreferences = "user_privacy_preferences",
        /// Job Title.
        UserJobTitle = "user_job_title",
        /// Account Settings.
        UserAccountSettings = "user_account_settings",
        /// Account Username.
        UserAccountUsername = "user_account_username",
        /// Account password.
        UserAuthorizationCredentials = "user_authorization_credentials",
        /// Biometric Credentials.
        UserAuthorizationBiometric = "user_authorization_biometric",
        /// Password.
        UserAuthorizationPassword = "user_authorization_password",
        /// Browsing History.
        UserBehaviorBrowsingHistory = "user_behavior_browsing_history",
        /// Media Consumption.
        UserBehaviorMediaConsumption = "user_behavior_media_consumption",
        /// Purchase History.
        UserBehaviorPurchaseHistory = "user_behavior_purchase_history",
        /// Search History.
        UserBehaviorSearchHistory = "user_behavior_search_history",
        /// Fingerprint.
        UserBiometricFingerprint = "user_biometric_fingerprint",
        /// Retina Scan.
        UserBiometricRetinal = "user_biometric_retinal",
        /// Voice Recording.
        UserBiometricVoice = "user_biometric_voice",
        /// Biometric Health Data.
        UserBiometricHealth = "user_biometric_health",
        /// User Contact Address.
        UserContactAddress = "user_contact_address",
        /// User Contact Email.
        UserContactEmail = "user_contact_email",
        /// User Contact Phone Number.
        UserContactPhoneNumber = "user_contact_phone_number",
        /// User Website.
        UserContactUrl = "user_contact_url",
        /// Fax Number.
        UserContactFaxNumber = "user_contact_fax_number",
        /// Organization.
        UserContactOrganization = "user_contact_organization",
        /// User Contact City.
        UserContactAddressCity = "user_contact_address_city",
        /// User Contact Country.
        UserContactAddressCountry = "user_contact_address_country",
        /// User Contact Postal Code.
        UserContactAddressPostalCode = "user_contact_address_postal_code",
        /// User Contact State.
        UserContactAddressState = "user_contact_address_state",
        /// User Contact Street.
        UserContactAddressStreet = "user_contact_address_street",
        /// Private Content.
        UserContentPrivate = "user_content_private",
        /// Public Content.
        UserContentPublic = "user_content_public",
        /// User Image.
        UserContentSelfImage = "user_content_self_image",
        /// Age Range.
        UserDemographicAgeRange = "user_demographic_age_range",
        /// Birth Date.
        UserDemographicDateOfBirth = "user_demographic_date_of_birth",
        /// Gender.
        UserDemographicGender = "user_demographic_gender",
        /// Language.
        UserDemographicLanguage = "user_demographic_language",
        /// Marital Status.
        UserDemographicMaritalStatus = "user_demographic_marital_status",
        /// Political Opinion.
        UserDemographicPoliticalOpinion = "user_demographic_political_opinion",
        /// User Profile Data.
        UserDemographicProfile = "user_demographic_profile",
        /// Race.
        UserDemographicRaceEthnicity = "user_demographic_race_ethnicity",
        /// Religion.
        UserDemographicReligiousBelief = "user_demographic_religious_belief",
        /// Sexual Orientation.
        UserDemographicSexualOrientation = "user_demographic_sexual_orientation",
        /// Device Cookie.
        UserDeviceCookie = "user_device_cookie",
        /// Cookie ID.
        UserDeviceCookieId = "user_device_cookie_id",
        /// Device ID.
        UserDeviceDeviceId = "user_device_device_id",
        /// IP Address.
        UserDeviceIpAddress = "user_device_ip_address",
        /// Bank Account Information.
        UserFinancialBankAccount = "user_financial_bank_account",
        /// Credit Card Information.
        UserFinancialCreditCard = "user_financial_credit_card",
        /// Birth Certificate.
        UserGovernmentIdBirthCertificate = "user_government_id_birth_certificate",
        /// Driver's License Number.
        UserGovernmentIdDriversLicenseNumber = "user_government_id_drivers_license_number",
        /// Immigration ID.
        UserGovernmentIdImmigration = "user_government_id_immigration",
        /// National Identification Number.
        UserGovernmentIdNationalIdentificationNumber = "user_government_id_national_identification_number",
        /// Passport Number.
        UserGovernmentIdPassportNumber = "user_government_id_passport_number",
        /// Vehicle Registration.
        UserGovernmentIdVehicleRegistration = "user_government_id_vehicle_registration",
        /// User's Genetic Data.
        UserHealthAndMedicalGenetic = "user_health_and_medical_genetic",
        /// Medical Insurance ID.
        UserHealthAndMedicalInsuranceBeneficiaryId = "user_health_and_medical_insurance_beneficiary_id",
        /// Medical Record ID.
        UserHealthAndMedicalRecordId = "user_health_and_medical_record_id",
        /// Imprecise Subject Location.
        UserLocationImprecise = "user_location_imprecise",
        /// Precise Subject Location.
        UserLocationPrecise = "user_location_precise",
        /// First Name.
        UserNameFirst = "user_name_first",
        /// Last Name.
        UserNameLast = "user_name_last",
        /// Pseudonymous User ID.
        UserUniqueIdPseudonymous = "user_unique_id_pseudonymous",
    }
}

impl FidesDataCategory {
    /// Its fideslang key, e.g. `user.contact.email`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            FidesDataCategory::System => "system",
            FidesDataCategory::SystemAuthentication => "system.authentication",
            FidesDataCategory::SystemOperations => "system.operations",
            FidesDataCategory::User => "user",
            FidesDataCategory::UserAccount => "user.account",
            FidesDataCategory::UserAuthorization => "user.authorization",
            FidesDataCategory::UserBehavior => "user.behavior",
            FidesDataCategory::UserBiometric => "user.biometric",
            FidesDataCategory::UserChildrens => "user.childrens",
            FidesDataCategory::UserContact => "user.contact",
            FidesDataCategory::UserContent => "user.content",
            FidesDataCategory::UserDemographic => "user.demographic",
            FidesDataCategory::UserLocation => "user.location",
            FidesDataCategory::UserDevice => "user.device",
            FidesDataCategory::UserPayment => "user.payment",
            FidesDataCategory::UserSocial => "user.social",
            FidesDataCategory::UserUniqueId => "user.unique_id",
            FidesDataCategory::UserTelemetry => "user.telemetry",
            FidesDataCategory::UserUserSensor => "user.user_sensor",
            FidesDataCategory::UserWorkplace => "user.workplace",
            FidesDataCategory::UserSensor => "user.sensor",
            FidesDataCategory::UserFinancial => "user.financial",
            FidesDataCategory::UserGovernmentId => "user.government_id",
            FidesDataCategory::UserHealthAndMedical => "user.health_and_medical",
            FidesDataCategory::UserName => "user.name",
            FidesDataCategory::UserCriminalHistory => "user.criminal_history",
            FidesDataCategory::UserPrivacyPreferences => "user.privacy_preferences",
            FidesDataCategory::UserJobTitle => "user.job_title",
            FidesDataCategory::UserAccountSettings => "user.account.settings",
            FidesDataCategory::UserAccountUsername => "user.account.username",
            FidesDataCategory::UserAuthorizationCredentials => "user.authorization.credentials",
            FidesDataCategory::UserAuthorizationBiometric => "user.authorization.biometric",
            FidesDataCategory::UserAuthorizationPassword => "user.authorization.password",
            FidesDataCategory::UserBehaviorBrowsingHistory => "user.behavior.browsing_history",
            FidesDataCategory::UserBehaviorMediaConsumption => "user.behavior.media_consumption",
            FidesDataCategory::UserBehaviorPurchaseHistory => "user.behavior.purchase_history",
            FidesDataCategory::UserBehaviorSearchHistory => "user.behavior.search_history",
            FidesDataCategory::UserBiometricFingerprint => "user.biometric.fingerprint",
            FidesDataCategory::UserBiometricRetinal => "user.biometric.retinal",
            FidesDataCategory::UserBiometricVoice => "user.biometric.voice",
            FidesDataCategory::UserBiometricHealth => "user.biometric.health",
            FidesDataCategory::UserContactAddress => "user.contact.address",
            FidesDataCategory::UserContactEmail => "user.contact.email",
            FidesDataCategory::UserContactPhoneNumber => "user.contact.phone_number",
            FidesDataCategory::UserContactUrl => "user.contact.url",
            FidesDataCategory::UserContactFaxNumber => "user.contact.fax_number",
            FidesDataCategory::UserContactOrganization => "user.contact.organization",
            FidesDataCategory::UserContactAddressCity => "user.contact.address.city",
            FidesDataCategory::UserContactAddressCountry => "user.contact.address.country",
            FidesDataCategory::UserContactAddressPostalCode => "user.contact.address.postal_code",
            FidesDataCategory::UserContactAddressState => "user.contact.address.state",
            FidesDataCategory::UserContactAddressStreet => "user.contact.address.street",
            FidesDataCategory::UserContentPrivate => "user.content.private",
            FidesDataCategory::UserContentPublic => "user.content.public",
            FidesDataCategory::UserContentSelfImage => "user.content.self_image",
            FidesDataCategory::UserDemographicAgeRange => "user.demographic.age_range",
            FidesDataCategory::UserDemographicDateOfBirth => "user.demographic.date_of_birth",
            FidesDataCategory::UserDemographicGender => "user.demographic.gender",
            FidesDataCategory::UserDemographicLanguage => "user.demographic.language",
            FidesDataCategory::UserDemographicMaritalStatus => "user.demographic.marital_status",
            FidesDataCategory::UserDemographicPoliticalOpinion => {
                "user.demographic.political_opinion"
            }
            FidesDataCategory::UserDemographicProfile => "user.demographic.profile",
            FidesDataCategory::UserDemographicRaceEthnicity => "user.demographic.race_ethnicity",
            FidesDataCategory::UserDemographicReligiousBelief => {
                "user.demographic.religious_belief"
            }
            FidesDataCategory::UserDemographicSexualOrientation => {
                "user.demographic.sexual_orientation"
            }
            FidesDataCategory::UserDeviceCookie => "user.device.cookie",
            FidesDataCategory::UserDeviceCookieId => "user.device.cookie_id",
            FidesDataCategory::UserDeviceDeviceId => "user.device.device_id",
            FidesDataCategory::UserDeviceIpAddress => "user.device.ip_address",
            FidesDataCategory::UserFinancialBankAccount => "user.financial.bank_account",
            FidesDataCategory::UserFinancialCreditCard => "user.financial.credit_card",
            FidesDataCategory::UserGovernmentIdBirthCertificate => {
                "user.government_id.birth_certificate"
            }
            FidesDataCategory::UserGovernmentIdDriversLicenseNumber => {
                "user.government_id.drivers_license_number"
            }
            FidesDataCategory::UserGovernmentIdImmigration => "user.government_id.immigration",
            FidesDataCategory::UserGovernmentIdNationalIdentificationNumber => {
                "user.government_id.national_identification_number"
            }
            FidesDataCategory::UserGovernmentIdPassportNumber => {
                "user.government_id.passport_number"
            }
            FidesDataCategory::UserGovernmentIdVehicleRegistration => {
                "user.government_id.vehicle_registration"
            }
            FidesDataCategory::UserHealthAndMedicalGenetic => "user.health_and_medical.genetic",
            FidesDataCategory::UserHealthAndMedicalInsuranceBeneficiaryId => {
                "user.health_and_medical.insurance_beneficiary_id"
            }
            FidesDataCategory::UserHealthAndMedicalRecordId => "user.health_and_medical.record_id",
            FidesDataCategory::UserLocationImprecise => "user.location.imprecise",
            FidesDataCategory::UserLocationPrecise => "user.location.precise",
            FidesDataCategory::UserNameFirst => "user.name.first",
            FidesDataCategory::UserNameLast => "user.name.last",
            FidesDataCategory::UserUniqueIdPseudonymous => "user.unique_id.pseudonymous",
        }
    }
}

closed_set! {
    /// A data use of the fideslang default taxonomy (fideslang 3), its key written with `_`
    /// for `.`: `user_contact_email` is `user.contact.email`.
    FidesDataUse, "fideslang data use" {
        /// Analytics.
        Analytics = "analytics",
        /// Analytics for Reporting.
        AnalyticsReporting = "analytics_reporting",
        /// Analytics for Advertising Performance.
        AnalyticsReportingAdPerformance = "analytics_reporting_ad_performance",
        /// Analytics for Content Performance.
        AnalyticsReportingContentPerformance = "analytics_reporting_content_performance",
        /// Analytics for Insights.
        AnalyticsReportingCampaignInsights = "analytics_reporting_campaign_insights",
        /// Analytics for System Activity.
        AnalyticsReportingSystem = "analytics_reporting_system",
        /// Analytics for System Performance.
        AnalyticsReportingSystemPerformance = "analytics_reporting_system_performance",
        /// Collect.
        Collect = "collect",
        /// Employment.
        Employment = "employment",
        /// Employment Recruitment.
        EmploymentRecruitment = "employment_recruitment",
        /// Essential.
        Essential = "essential",
        /// Essential Fraud Detection.
        EssentialFraudDetection = "essential_fraud_detection",
        /// Essential Legal Obligation.
        EssentialLegalObligation = "essential_legal_obligation",
        /// Essential for Service.
        EssentialService = "essential_service",
        /// Essential Service Authentication.
        EssentialServiceAuthentication = "essential_service_authentication",
        /// Essential Service Notifications.
        EssentialServiceNotifications = "essential_service_notifications",
        /// Essential for Operations.
        EssentialServiceOperations = "essential_service_operations",
        /// Essential for Payment Processing.
        EssentialServicePaymentProcessing = "essential_service_payment_processing",
        /// Essential for Security.
        EssentialServiceSecurity = "essential_service_security",
        /// Essential for Service Upgrades.
        EssentialServiceUpgrades = "essential_service_upgrades",
        /// Essential Email Service Notifications.
        EssentialServiceNotificationsEmail = "essential_service_notifications_email",
        /// Essential SMS Service Notifications.
        EssentialServiceNotificationsSms = "essential_service_notifications_sms",
        /// Essential for Operations Support.
        EssentialServiceOperationsSupport = "essential_service_operations_support",
        /// Essential for Support Improvement.
        EssentialServiceOperationsImprove = "essential_service_operations_improve",
        /// Finance.
        Finance = "finance",
        /// Functional.
        Functional = "functional",
        /// Local Data Storage.
        FunctionalStorage = "functional_storage",
        /// Service.
        FunctionalService = "functional_service",
        /// Improve Service.
        FunctionalServiceImprove = "functional_service_improve",
        /// Local Data Storage for Privacy Preferences.
        FunctionalStoragePrivacyPreferences = "functional_storage_privacy_preferences",
        /// Marketing.
        Marketing = "marketing",
        /// Advertising, Marketing or Promotion.
        MarketingAdvertising = "marketing_advertising",
        /// Marketing Communications.
        MarketingCommunications = "marketing_communications",
        /// First Party Advertising.
        MarketingAdvertisingFirstParty = "marketing_advertising_first_party",
        /// Frequency Capping.
        MarketingAdvertisingFrequencyCapping = "marketing_advertising_frequency_capping",
        /// Negative Targeting.
        MarketingAdvertisingNegativeTargeting = "marketing_advertising_negative_targeting",
        /// Profiling for Advertising.
        MarketingAdvertisingProfiling = "marketing_advertising_profiling",
        /// Essential for Serving Ads.
        MarketingAdvertisingServing = "marketing_advertising_serving",
        /// Third Party Advertising.
        MarketingAdvertisingThirdParty = "marketing_advertising_third_party",
        /// First Party Contextual Advertising.
        MarketingAdvertisingFirstPartyContextual = "marketing_advertising_first_party_contextual",
        /// First Party Personalized Advertising.
        MarketingAdvertisingFirstPartyTargeted = "marketing_advertising_first_party_targeted",
        /// Third Party Targeted Advertising.
        MarketingAdvertisingThirdPartyTargeted = "marketing_advertising_third_party_targeted",
        /// Marketing Email Communications.
        MarketingCommunicationsEmail = "marketing_communications_email",
        /// Marketing SMS Communications.
        MarketingCommunicationsSms = "marketing_communications_sms",
        /// Operations.
        Operations = "operations",
        /// Personalize.
        Personalize = "personalize",
        /// Content Personalization.
        PersonalizeContent = "personalize_content",
        /// Personalized Profiling.
        PersonalizeProfiling = "personalize_profiling",
        /// System Personalization.
        PersonalizeSystem = "personalize_system",
        /// Limited Content Personalization.
        PersonalizeContentLimited = "personalize_content_limited",
        /// Profiling for Personalization.
        PersonalizeContentProfiling = "personalize_content_profiling",
        /// Targeted Content Personalization.
        PersonalizeContentProfiled = "personalize_content_profiled",
        /// Sales.
        Sales = "sales",
        /// Third Party Sharing.
        ThirdPartySharing = "third_party_sharing",
        /// Sharing for Legal Obligation.
        ThirdPartySharingLegalObligation = "third_party_sharing_legal_obligation",
        /// Train AI System.
        TrainAiSystem = "train_ai_system",
    }
}

impl FidesDataUse {
    /// Its fideslang key, e.g. `user.contact.email`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            FidesDataUse::Analytics => "analytics",
            FidesDataUse::AnalyticsReporting => "analytics.reporting",
            FidesDataUse::AnalyticsReportingAdPerformance => "analytics.reporting.ad_performance",
            FidesDataUse::AnalyticsReportingContentPerformance => {
                "analytics.reporting.content_performance"
            }
            FidesDataUse::AnalyticsReportingCampaignInsights => {
                "analytics.reporting.campaign_insights"
            }
            FidesDataUse::AnalyticsReportingSystem => "analytics.reporting.system",
            FidesDataUse::AnalyticsReportingSystemPerformance => {
                "analytics.reporting.system.performance"
            }
            FidesDataUse::Collect => "collect",
            FidesDataUse::Employment => "employment",
            FidesDataUse::EmploymentRecruitment => "employment.recruitment",
            FidesDataUse::Essential => "essential",
            FidesDataUse::EssentialFraudDetection => "essential.fraud_detection",
            FidesDataUse::EssentialLegalObligation => "essential.legal_obligation",
            FidesDataUse::EssentialService => "essential.service",
            FidesDataUse::EssentialServiceAuthentication => "essential.service.authentication",
            FidesDataUse::EssentialServiceNotifications => "essential.service.notifications",
            FidesDataUse::EssentialServiceOperations => "essential.service.operations",
            FidesDataUse::EssentialServicePaymentProcessing => {
                "essential.service.payment_processing"
            }
            FidesDataUse::EssentialServiceSecurity => "essential.service.security",
            FidesDataUse::EssentialServiceUpgrades => "essential.service.upgrades",
            FidesDataUse::EssentialServiceNotificationsEmail => {
                "essential.service.notifications.email"
            }
            FidesDataUse::EssentialServiceNotificationsSms => "essential.service.notifications.sms",
            FidesDataUse::EssentialServiceOperationsSupport => {
                "essential.service.operations.support"
            }
            FidesDataUse::EssentialServiceOperationsImprove => {
                "essential.service.operations.improve"
            }
            FidesDataUse::Finance => "finance",
            FidesDataUse::Functional => "functional",
            FidesDataUse::FunctionalStorage => "functional.storage",
            FidesDataUse::FunctionalService => "functional.service",
            FidesDataUse::FunctionalServiceImprove => "functional.service.improve",
            FidesDataUse::FunctionalStoragePrivacyPreferences => {
                "functional.storage.privacy_preferences"
            }
            FidesDataUse::Marketing => "marketing",
            FidesDataUse::MarketingAdvertising => "marketing.advertising",
            FidesDataUse::MarketingCommunications => "marketing.communications",
            FidesDataUse::MarketingAdvertisingFirstParty => "marketing.advertising.first_party",
            FidesDataUse::MarketingAdvertisingFrequencyCapping => {
                "marketing.advertising.frequency_capping"
            }
            FidesDataUse::MarketingAdvertisingNegativeTargeting => {
                "marketing.advertising.negative_targeting"
            }
            FidesDataUse::MarketingAdvertisingProfiling => "marketing.advertising.profiling",
            FidesDataUse::MarketingAdvertisingServing => "marketing.advertising.serving",
            FidesDataUse::MarketingAdvertisingThirdParty => "marketing.advertising.third_party",
            FidesDataUse::MarketingAdvertisingFirstPartyContextual => {
                "marketing.advertising.first_party.contextual"
            }
            FidesDataUse::MarketingAdvertisingFirstPartyTargeted => {
                "marketing.advertising.first_party.targeted"
            }
            FidesDataUse::MarketingAdvertisingThirdPartyTargeted => {
                "marketing.advertising.third_party.targeted"
            }
            FidesDataUse::MarketingCommunicationsEmail => "marketing.communications.email",
            FidesDataUse::MarketingCommunicationsSms => "marketing.communications.sms",
            FidesDataUse::Operations => "operations",
            FidesDataUse::Personalize => "personalize",
            FidesDataUse::PersonalizeContent => "personalize.content",
            FidesDataUse::PersonalizeProfiling => "personalize.profiling",
            FidesDataUse::PersonalizeSystem => "personalize.system",
            FidesDataUse::PersonalizeContentLimited => "personalize.content.limited",
            FidesDataUse::PersonalizeContentProfiling => "personalize.content.profiling",
            FidesDataUse::PersonalizeContentProfiled => "personalize.content.profiled",
            FidesDataUse::Sales => "sales",
            FidesDataUse::ThirdPartySharing => "third_party_sharing",
            FidesDataUse::ThirdPartySharingLegalObligation => {
                "third_party_sharing.legal_obligation"
            }
            FidesDataUse::TrainAiSystem => "train_ai_system",
        }
    }
}

closed_set! {
    /// A data subject of the fideslang default taxonomy (fideslang 3), its key written with `_`
    /// for `.`: `user_contact_email` is `user.contact.email`.
    FidesDataSubject, "fideslang data subject" {
        /// Anonymous User.
        AnonymousUser = "anonymous_user",
        /// Citizen Voter.
        CitizenVoter = "citizen_voter",
        /// Commuter.
        Commuter = "commuter",
        /// Consultant.
        Consultant = "consultant",
        /// Customer.
        Customer = "customer",
        /// Employee.
        Employee = "employee",
        /// Job Applicant.
        JobApplicant = "job_applicant",
        /// Next of Kin.
        NextOfKin = "next_of_kin",
        /// Passenger.
        Passenger = "passenger",
        /// Patient.
        Patient = "patient",
        /// Prospect.
        Prospect = "prospect",
        /// Shareholder.
        Shareholder = "shareholder",
        /// Supplier/Vendor.
        SupplierVendor = "supplier_vendor",
        /// Trainee.
        Trainee = "trainee",
        /// Visitor.
        Visitor = "visitor",
    }
}

impl FidesDataSubject {
    /// Its fideslang key, e.g. `user.contact.email`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            FidesDataSubject::AnonymousUser => "anonymous_user",
            FidesDataSubject::CitizenVoter => "citizen_voter",
            FidesDataSubject::Commuter => "commuter",
            FidesDataSubject::Consultant => "consultant",
            FidesDataSubject::Customer => "customer",
            FidesDataSubject::Employee => "employee",
            FidesDataSubject::JobApplicant => "job_applicant",
            FidesDataSubject::NextOfKin => "next_of_kin",
            FidesDataSubject::Passenger => "passenger",
            FidesDataSubject::Patient => "patient",
            FidesDataSubject::Prospect => "prospect",
            FidesDataSubject::Shareholder => "shareholder",
            FidesDataSubject::SupplierVendor => "supplier_vendor",
            FidesDataSubject::Trainee => "trainee",
            FidesDataSubject::Visitor => "visitor",
        }
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
