//! Every US state privacy law candor knows, each one declaration.
//!
//! A declaration gives the law's word, its state and act, when it came into
//! force, who it covers (its thresholds and its definition of consumer),
//! what it calls a sale and sensitive data, the rights it grants and the
//! provisions of its notice, appeal and consent duties, each citation typed
//! once. Everything else is derived from this table by the macros that read
//! it ([`state_laws!`](crate::state_laws)):
//!
//! - the `jurisdictions` word (`model::words::Jurisdiction`);
//! - the [`crate::law::Law`] and its family of rules
//!   ([`crate::law::Family::State`]);
//! - the law's labels and citations ([`crate::law::states::StateLaw`]), which
//!   `state_rights` and `state_categories` print;
//! - the rules every state law has (`check::states`): `rights-block`,
//!   `rights`, `request-methods`, `notice-contents`, `opt-out`, `appeal`
//!   when the law grants one, `sensitive-consent` when it asks for consent,
//!   each citing this declaration and starting on `in_force`.
//!
//! Adding a law is one declaration here, its fixtures under
//! `tests/fixtures/rules/<word>/`, and a rules file when it has duties of
//! its own.
//!
//! Fields, in this order (the macros match them by name):
//!
//! - `state`, `act`, `code`: names and the act's place in the code;
//! - `in_force`: the date the law's duties began (`YYYY-MM-DD`);
//! - `applies`: the provision that sets who must comply, and its thresholds
//!   in words (declaring the law means the business says it meets them);
//! - `consumer`: the definition of consumer, which leaves out people acting
//!   in an employment or commercial context;
//! - `sale`: the definition of sale, and `other_value` when other valuable
//!   consideration sells (not money only);
//! - `sensitive`: the definition of sensitive data; `kinds`, the
//!   `SensitiveKind`s on its list; `kinds_from`, kinds an amendment added,
//!   each with the date it counts from; `children`, whether a known child's
//!   data is sensitive data;
//! - `rights`: the provision granting the rights; `correct_from`, the date
//!   the right to correct began (empty brackets when the law grants none);
//!   `profiling_opt_out`, whether it grants an opt-out of profiling in
//!   furtherance of decisions with legal or similarly significant effects;
//! - `notice`: the privacy notice's contents; `disclose_sale`: the duty to
//!   disclose sales and targeted advertising with the opt-out; `requests`:
//!   the means of making a request;
//! - `appeal`: the appeal provision (empty brackets when there is none);
//! - `consent`: the provision forbidding sensitive data without consent
//!   (empty brackets when the law asks for notice and an opt-out instead).

/// Calls `$callback! { ... }` with every state law's declaration. See the
/// module documentation for the fields.
#[macro_export]
macro_rules! state_laws {
    ($callback:path) => {
        $callback! {
            Colorado = "colorado" {
                state: "Colorado",
                act: "Colorado Privacy Act",
                code: "C.R.S. §6-1-1301 ff.",
                in_force: "2023-07-01",
                applies: "C.R.S. §6-1-1304(1)",
                    "a controller that conducts business in Colorado or produces or delivers products or services intentionally targeted to residents of Colorado, and that controls or processes the personal data of 100,000 consumers or more during a calendar year, or derives revenue or receives a discount on goods or services from the sale of personal data and processes or controls the personal data of 25,000 consumers or more",
                consumer: "C.R.S. §6-1-1303(6)",
                sale: "C.R.S. §6-1-1303(23)", other_value: true,
                sensitive: "C.R.S. §6-1-1303(24)",
                kinds: [RacialOrEthnicOrigin, ReligiousOrPhilosophicalBeliefs, Health,
                        SexLifeOrSexualOrientation, CitizenshipOrImmigration, Genetic, Biometric,
                        Neural, SensitiveInference],
                kinds_from: [],
                children: true,
                rights: "C.R.S. §6-1-1306(1)",
                correct_from: ["2023-07-01"],
                profiling_opt_out: true,
                notice: "C.R.S. §6-1-1308(1)(a)",
                disclose_sale: "C.R.S. §6-1-1308(1)(b)",
                requests: "C.R.S. §6-1-1308(1)(a)(III)",
                appeal: ["C.R.S. §6-1-1306(3), §6-1-1308(1)(a)(III); 4 CCR 904-3 Rule 6.03(A)(7)"],
                consent: ["C.R.S. §6-1-1308(7); 4 CCR 904-3 Part 7"],
            }
            Virginia = "virginia" {
                state: "Virginia",
                act: "Virginia Consumer Data Protection Act",
                code: "Va. Code §59.1-575 ff.",
                in_force: "2023-01-01",
                applies: "Va. Code §59.1-576(A)",
                    "a person that conducts business in the Commonwealth or produces products or services targeted to its residents, and that during a calendar year controls or processes the personal data of at least 100,000 consumers, or controls or processes the personal data of at least 25,000 consumers and derives over 50 percent of gross revenue from the sale of personal data",
                consumer: "Va. Code §59.1-575",
                sale: "Va. Code §59.1-575", other_value: false,
                sensitive: "Va. Code §59.1-575",
                kinds: [RacialOrEthnicOrigin, ReligiousOrPhilosophicalBeliefs, Health,
                        SexLifeOrSexualOrientation, CitizenshipOrImmigration, Genetic, Biometric,
                        PreciseGeolocation],
                kinds_from: [],
                children: true,
                rights: "Va. Code §59.1-577(A)",
                correct_from: ["2023-01-01"],
                profiling_opt_out: true,
                notice: "Va. Code §59.1-578(C)",
                disclose_sale: "Va. Code §59.1-578(D)",
                requests: "Va. Code §59.1-578(E)",
                appeal: ["Va. Code §59.1-577(C), §59.1-578(C)(3)"],
                consent: ["Va. Code §59.1-578(A)(5)"],
            }
            Connecticut = "connecticut" {
                state: "Connecticut",
                act: "Connecticut Data Privacy Act",
                code: "Conn. Gen. Stat. §42-515 ff.",
                in_force: "2023-07-01",
                applies: "Conn. Gen. Stat. §42-516",
                    "a person that conducts business in Connecticut or produces products or services targeted to its residents and that, during the preceding calendar year, controlled or processed the personal data of not less than 100,000 consumers (excluding data controlled or processed solely to complete a payment transaction), or of not less than 25,000 consumers while deriving more than 25 percent of gross revenue from the sale of personal data; from 1 July 2026 (P.A. 25-113), of not less than 35,000 consumers, or any person that controls or processes consumers' sensitive data or offers consumers' personal data for sale",
                consumer: "Conn. Gen. Stat. §42-515",
                sale: "Conn. Gen. Stat. §42-515", other_value: true,
                sensitive: "Conn. Gen. Stat. §42-515",
                kinds: [RacialOrEthnicOrigin, ReligiousOrPhilosophicalBeliefs, Health,
                        SexLifeOrSexualOrientation, CitizenshipOrImmigration, Genetic, Biometric,
                        PreciseGeolocation, CrimeVictim],
                kinds_from: [(Neural, "2026-07-01"), (GovernmentId, "2026-07-01"),
                             (FinancialAccount, "2026-07-01"), (TransgenderOrNonbinary, "2026-07-01")],
                children: true,
                rights: "Conn. Gen. Stat. §42-518(a)",
                correct_from: ["2023-07-01"],
                profiling_opt_out: true,
                notice: "Conn. Gen. Stat. §42-520(c)",
                disclose_sale: "Conn. Gen. Stat. §42-520(d)",
                requests: "Conn. Gen. Stat. §42-520(e)",
                appeal: ["Conn. Gen. Stat. §42-518(d), §42-520(c)(3)"],
                consent: ["Conn. Gen. Stat. §42-520(a)(4)"],
            }
            Texas = "texas" {
                state: "Texas",
                act: "Texas Data Privacy and Security Act",
                code: "Tex. Bus. & Com. Code ch. 541",
                in_force: "2024-07-01",
                applies: "Tex. Bus. & Com. Code §541.002(a)",
                    "a person that conducts business in Texas or produces a product or service consumed by Texas residents, processes or engages in the sale of personal data, and is not a small business as defined by the United States Small Business Administration (a small business still needs consent to sell sensitive data, §541.107)",
                consumer: "Tex. Bus. & Com. Code §541.001",
                sale: "Tex. Bus. & Com. Code §541.001", other_value: true,
                sensitive: "Tex. Bus. & Com. Code §541.001",
                kinds: [RacialOrEthnicOrigin, ReligiousOrPhilosophicalBeliefs, Health,
                        SexLifeOrSexualOrientation, CitizenshipOrImmigration, Genetic, Biometric,
                        PreciseGeolocation],
                kinds_from: [],
                children: true,
                rights: "Tex. Bus. & Com. Code §541.051(b)",
                correct_from: ["2024-07-01"],
                profiling_opt_out: true,
                notice: "Tex. Bus. & Com. Code §541.102(a)",
                disclose_sale: "Tex. Bus. & Com. Code §541.103",
                requests: "Tex. Bus. & Com. Code §541.102(a)(6), §541.055",
                appeal: ["Tex. Bus. & Com. Code §541.053, §541.102(a)(3)"],
                consent: ["Tex. Bus. & Com. Code §541.101(b)(4)"],
            }
            Oregon = "oregon" {
                state: "Oregon",
                act: "Oregon Consumer Privacy Act",
                code: "ORS 646A.570 ff.",
                in_force: "2024-07-01",
                applies: "ORS 646A.572(1)",
                    "a person that conducts business in Oregon or provides products or services to its residents and that during a calendar year controls or processes the personal data of 100,000 or more consumers (other than personal data controlled or processed solely to complete a payment transaction), or of 25,000 or more consumers while deriving 25 percent or more of its annual gross revenue from selling personal data",
                consumer: "ORS 646A.570",
                sale: "ORS 646A.570", other_value: true,
                sensitive: "ORS 646A.570",
                kinds: [RacialOrEthnicOrigin, ReligiousOrPhilosophicalBeliefs, Health,
                        SexLifeOrSexualOrientation, CitizenshipOrImmigration, Genetic, Biometric,
                        PreciseGeolocation, NationalOrigin, TransgenderOrNonbinary, CrimeVictim],
                kinds_from: [],
                children: true,
                rights: "ORS 646A.574(1)",
                correct_from: ["2024-07-01"],
                profiling_opt_out: true,
                notice: "ORS 646A.578(4)",
                disclose_sale: "ORS 646A.578(4)(h), (5)(b); 646A.574(1)(d)",
                requests: "ORS 646A.578(4)(i), 646A.578(5)",
                appeal: ["ORS 646A.576(6), 646A.578(4)(c)"],
                consent: ["ORS 646A.578(2)(b)"],
            }
            Utah = "utah" {
                state: "Utah",
                act: "Utah Consumer Privacy Act",
                code: "Utah Code §13-61-101 ff.",
                in_force: "2023-12-31",
                applies: "Utah Code §13-61-102(1)",
                    "a controller or processor that conducts business in Utah or produces a product or service targeted to its residents, has annual revenue of $25,000,000 or more, and during a calendar year controls or processes the personal data of 100,000 or more consumers, or derives over 50 percent of its gross revenue from the sale of personal data and controls or processes the personal data of 25,000 or more consumers",
                consumer: "Utah Code §13-61-101",
                sale: "Utah Code §13-61-101", other_value: false,
                sensitive: "Utah Code §13-61-101",
                kinds: [RacialOrEthnicOrigin, ReligiousOrPhilosophicalBeliefs, Health,
                        SexLifeOrSexualOrientation, CitizenshipOrImmigration, Genetic, Biometric,
                        PreciseGeolocation],
                kinds_from: [],
                children: false,
                rights: "Utah Code §13-61-201",
                // H.B. 418 (2025) added the right to correct, §13-61-201(4).
                correct_from: ["2026-07-01"],
                profiling_opt_out: false,
                notice: "Utah Code §13-61-302(1)(a)",
                disclose_sale: "Utah Code §13-61-302(1)(b)",
                requests: "Utah Code §13-61-302(1)(a)(iii), §13-61-202(1)",
                appeal: [],
                consent: [],
            }
        }
    };
}
