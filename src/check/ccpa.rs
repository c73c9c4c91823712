//! CCPA / CPRA: what a California privacy policy must say (Cal. Civ. Code
//! §1798.100 ff. and Cal. Code Regs. tit. 11, §7000 ff.). These rules run
//! when the policy declares `ccpa`.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::law;
use crate::model::words::RecipientKind;
use crate::model::words::{CcpaLetter, RightKind, SensitiveKind, SpecialCategory, Word};
use crate::model::{CcpaCategory, Contact, Item};
use crate::source::Span;

use super::context::{
    Ctx, ResponseLimits, advertising_vendors, and_list, response_limits, retention_index,
};
use super::dates::twelve_months_after;
use super::gdpr::{open_ended_rules, report_open_ended};
use super::text;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(ccpa::"rights-block", Error,
        summary: "a policy declaring the CCPA describes the California consumer's rights",
        citation: "Cal. Civ. Code §1798.130(a)(5)(A); Cal. Code Regs. tit. 11, §7011",
        since: "2020-01-01",
        explanation: "\
    The privacy policy must describe the consumer's rights under the CCPA and how to exercise \
    them (§1798.130(a)(5)(A)). That needs a `rights` declaration with `jurisdiction ccpa`, its \
    request methods, and how requests are verified.",
        check: rights_block,
    ),
    rule!(ccpa::"statutory-letters", Warning,
        summary: "every CCPA category names its statutory letters (A-L)",
        citation: "Cal. Civ. Code §1798.140(v)(1), §1798.130(a)(5)(B), §1798.130(c); Cal. Code Regs. tit. 11, §7011",
        since: "2020-01-01",
        explanation: "\
    The CCPA lists the categories of personal information, (A) identifiers to (L) sensitive \
    personal information (§1798.140(v)(1)), and the policy must disclose what it collects by \
    reference to them (§1798.130(c)). Each row of the table needs `statutory LETTER, ...` so that \
    candor, and a reader, can tell which statutory categories it covers.",
        check: statutory_letters,
    ),
    rule!(ccpa::"item-category", Warning,
        summary: "every statutory category an item collected falls in has a row in the CCPA table",
        citation: "Cal. Civ. Code §1798.100(a)(1)-(2), §1798.110(c), §1798.130(a)(5)(B), §1798.130(c); Cal. Code Regs. tit. 11, §7011, §7012",
        since: "2020-01-01",
        explanation: "\
    The policy must list the categories of personal information collected in the past 12 months, \
    and of sensitive personal information separately (§1798.100(a)(1)-(2)). candor takes the \
    statutory letters of each item a data set collects (recruitment data implies (I) and (J), a \
    photo (H), ethnicity (C) and (L), ...) and reports each letter that no row of the CCPA table \
    discloses. The same categories are what the notice at collection gives at or before \
    collection (§1798.100(a), §7012), and since 1 January 2023 that includes job applicants and \
    employees: their data sets count like any other, so a table that covers customers but not \
    applicants leaves the applicants' notice at collection incomplete.",
        check: item_category,
    ),
    rule!(ccpa::"notice-at-collection", Warning,
        summary: "the categories collected from each group of people are disclosed for them",
        citation: "Cal. Civ. Code §1798.100(a)(1)-(2); Cal. Code Regs. tit. 11, §7012(a)",
        since: "2020-01-01",
        explanation: "\
    At or before collection a business must tell the people it collects from which categories of \
    personal information it collects from them, why, and whether they are sold or shared \
    (§1798.100(a)(1)-(2), §7012(a)). Since 1 January 2023 that includes job applicants, employees \
    and business contacts. When the rows of the CCPA table say whom they are about (`subjects`), \
    candor reads each group's notice from the rows about that group, and the rows that name no \
    one (which are about everyone): a statutory category that a data set collects from the group \
    but that only rows about other people disclose leaves that group's notice at collection \
    incomplete. (A category no row discloses at all is `ccpa::item-category`.) \
    `insert notice_at_collection SUBJECT` prints a group's notice.",
        check: notice_at_collection,
    ),
    rule!(ccpa::"category-items", Warning,
        summary: "an item listed in a CCPA category falls in one of its statutory letters",
        citation: "Cal. Civ. Code §1798.140(v)(1)",
        since: "2020-01-01",
        explanation: "\
    A row of the CCPA table lists the items it covers. When an item's own statutory letters share \
    none with the row's `statutory` letters, either the item is in the wrong row or its letters \
    are wrong, and the table misdescribes what is collected.",
        check: category_items,
    ),
    rule!(ccpa::"sensitive-letter", Warning,
        summary: "an item that is sensitive personal information carries the letter L",
        citation: "Cal. Civ. Code §1798.140(ae), §1798.140(v)(1)(L), §1798.100(a)(2)",
        since: "2023-01-01",
        explanation: "\
    Sensitive personal information (§1798.140(ae): government identifiers, account log-ins with \
    their password, precise geolocation, ethnic origin, health, ...) is statutory category (L), and \
    the policy must disclose it as such (§1798.100(a)(2)). An item marked `sensitive` needs `L` \
    among its `ccpa` letters, so that the CCPA table can be checked for it.",
        check: sensitive_letter,
    ),
    rule!(ccpa::"protected-class-letter", Warning,
        summary: "an item about a protected classification carries the letter C",
        citation: "Cal. Civ. Code §1798.140(v)(1)(C)",
        since: "2020-01-01",
        explanation: "\
    Characteristics of protected classifications under California or federal law (race, ethnic \
    origin, religion, sexual orientation, citizenship, ...) are statutory category (C). An item \
    marked with such a `special` or `sensitive` kind needs `C` among its `ccpa` letters.",
        check: protected_class_letter,
    ),
    rule!(ccpa::"category-columns", Warning,
        summary: "every row of the CCPA table fills every column",
        citation: "Cal. Civ. Code §1798.110(c), §1798.115(c), §1798.130(a)(5)(B)-(C); Cal. Code Regs. tit. 11, §7011",
        since: "2020-01-01",
        explanation: "\
    The policy must give the categories of sources, the business or commercial purposes, whether \
    each category is sold, shared or disclosed for a business purpose, and the categories of third \
    parties it goes to (§1798.110(c), §1798.115(c), §1798.130(a)(5)(B)-(C), §7011). A table that \
    answers them row by row and leaves a cell empty leaves one of those questions unanswered for \
    that category. It is a warning, not an error: the statute asks for sources and purposes \
    overall, and the notice may give them elsewhere. candor asks for the \
    specific information (`examples` or `items`), `sources`, `purposes`, and `third_parties` \
    whenever something is sold, shared or disclosed; whether it is sold, shared or disclosed is \
    `ccpa::disclosure-unstated`'s question. A row that says `collected no` owes no column.",
        check: category_columns,
    ),
    rule!(ccpa::"category-retention", Error,
        summary: "every CCPA category has a retention period or criteria",
        citation: "Cal. Civ. Code §1798.100(a)(3); Cal. Code Regs. tit. 11, §7012",
        since: "2023-01-01",
        explanation: "\
    The policy must give, for each category of personal information (and of sensitive personal \
    information), how long the business intends to keep it, or the criteria used to decide \
    (§1798.100(a)(3)). A category with no `retention` rule, and named by no rule's `applies_to`, \
    has none.",
        check: category_retention,
    ),
    rule!(ccpa::"retention-open-ended", Warning,
        summary: "a CCPA category's retention is more than open-ended wording",
        citation: "Cal. Civ. Code §1798.100(a)(3); Cal. Code Regs. tit. 11, §7012",
        since: "2023-01-01",
        explanation: "\
    \"The length of time the business intends to retain each category\" (§1798.100(a)(3)) is not \
    \"a reasonable period\". candor reports a category whose retention rules all consist of such \
    wording, with no number, unit of time or event that bounds it, and adds that a business may \
    not keep information longer than reasonably necessary for the disclosed purpose.",
        check: retention_open_ended,
    ),
    rule!(ccpa::"disclosure-contradiction", Error,
        summary: "a row's sold, shared and disclosed answers agree with its third parties' facts",
        citation: "Cal. Civ. Code §1798.140(ad)(1), §1798.140(ah)(1), §1798.140(e), §1798.110(c)(4), §1798.115(c)",
        since: "2020-01-01",
        explanation: "\
    A row may state `sold`, `shared` and `disclosed` itself, and its third parties may say what \
    the business receives for the information (`consideration`) and whether they use it for \
    cross-context behavioural advertising (`targeted_advertising`). From the facts the labels \
    follow: a disclosure for money or other valuable consideration to a third party that is not \
    a service provider is a sale (§1798.140(ad)(1)); a disclosure for cross-context behavioural \
    advertising is sharing, paid or not (§1798.140(ah)(1)); every other disclosure is for a \
    business purpose. A stated answer that the facts contradict (`disclosed no` beside a list of \
    third parties, `sold no` beside a buyer, `sold yes` when no third party pays, `shared no` \
    beside one that advertises with it) publishes a false statement, and a row that is not \
    collected cannot have sources, recipients or purposes.",
        check: disclosure_contradiction,
    ),
    rule!(ccpa::"category-data-map", Warning,
        summary: "a row that lists its sources or purposes names one of those of each data set that collects its items",
        citation: "Cal. Civ. Code §1798.110(c)(2)-(3), §1798.130(a)(5)(B); Cal. Code Regs. tit. 11, §7011(e)(1)",
        since: "2020-01-01",
        explanation: "\
    The privacy policy gives, for each category of personal information collected, its sources \
    and the business or commercial purposes for collecting it (§1798.110(c), \
    §1798.130(a)(5)(B), §7011(e)(1)). A data set says where its data comes from and why it is \
    used: each of its items comes from one of its sources and serves one of its purposes. A row \
    of the CCPA table that states its own list states the same fact a second time, at the grain \
    of its items; when the row names none of the sources (or none of the purposes) of a data set \
    that collects its items, the two cannot both be true, and one of them misleads. candor reports \
    the row and the data set. Leave the list out of the row and candor derives it from the data \
    sets; or correct whichever is wrong. A row whose list shares no word with the data sets' \
    (the CCPA's business purposes or source categories, worded apart) is not compared.",
        check: category_data_map,
    ),
    rule!(ccpa::"disclosure-unstated", Warning,
        summary: "each collected row says whether it is sold, shared and disclosed",
        citation: "Cal. Civ. Code §1798.130(a)(5)(B)-(C), §1798.110(c)(4), §1798.115(c); Cal. Code Regs. tit. 11, §7011(e)(1)",
        since: "2020-01-01",
        explanation: "\
    The privacy policy lists, for each category of personal information, whether it was sold, \
    shared or disclosed for a business purpose in the past 12 months, and to which categories of \
    third parties (§1798.130(a)(5)(B)-(C)). candor never prints \"no\" for what the source does \
    not say: when a row neither states the answer nor lists third parties whose `consideration` \
    and `targeted_advertising` settle it, the table prints \"not stated\" and this warning \
    asks for the fact.",
        check: disclosure_unstated,
    ),
    rule!(ccpa::"shared-ad-networks", Warning,
        summary: "a category disclosed to ad or social networks, or used for targeted advertising, is shared",
        citation: "Cal. Civ. Code §1798.140(ah), §1798.120(a)-(b), §1798.135(a)",
        since: "2023-01-01",
        explanation: "\
    \"Sharing\" is making personal information available to a third party for cross-context \
    behavioural advertising, paid or not (§1798.140(ah)). Ad networks and social networks (their \
    pixels and tags) receive information to target advertising across sites, so a category \
    disclosed to them, or used for a targeted-advertising purpose, is normally shared. `shared \
    no` then understates it, and leaves out what sharing brings: the right to opt out, the \
    \"Do Not Sell or Share\" link and the handling of opt-out preference signals. If those \
    recipients act only as service providers or contractors, under a contract that forbids \
    cross-context advertising, the finding can be allowed with that reason; a third party \
    declared `targeted_advertising no` (contextual advertising only) is taken at its word. candor reads the \
    table's rows first; when no row is shared and none discloses to an advertiser, it looks at \
    the rest of the policy: cookie categories that serve targeted advertising or that ad or social \
    networks read, and data sets used for targeted advertising.",
        check: shared_ad_networks,
    ),
    rule!(ccpa::"opt-out-right", Error,
        summary: "selling or sharing comes with the right to opt out",
        citation: "Cal. Civ. Code §1798.120(a)-(b), §1798.130(a)(5)(A), §1798.135(a)(1); Cal. Code Regs. tit. 11, §7011, §7013",
        since: "2020-01-01",
        explanation: "\
    A business that sells or shares personal information must tell consumers they may opt out \
    (§1798.120(b)), and its privacy policy must describe that right. A category with `sold yes` or \
    `shared yes` needs a right of kind `opt_out` in the CCPA rights.",
        check: opt_out_right,
    ),
    rule!(ccpa::"opt-out-link", Warning,
        summary: "selling or sharing comes with a \"Do Not Sell or Share\" link",
        citation: "Cal. Civ. Code §1798.135(a)(1), (a)(3), (b)(1); Cal. Code Regs. tit. 11, §7013, §7015, §7025(e)-(g), §7026(a)(1)",
        since: "2020-01-01",
        explanation: "\
    A business that sells or shares must offer a clear and conspicuous link titled \"Do Not Sell \
    or Share My Personal Information\" (§1798.135(a)(1)), or the single alternative opt-out link \
    \"Your Privacy Choices\" (§1798.135(a)(3), §7015), and the policy should say where to find it. \
    A business that processes opt-out preference signals in a frictionless manner need not post \
    the links (§1798.135(b)(1), §7025(e)-(g)); say so with `frictionless yes`. candor looks among \
    the CCPA request methods for a contact with a web address whose label or address speaks of \
    selling, sharing, opting out or privacy choices.",
        check: opt_out_link,
    ),
    rule!(ccpa::"opt-out-signals", Warning,
        summary: "selling or sharing comes with a description of how opt-out preference signals are processed",
        citation: "Cal. Code Regs. tit. 11, §7025(b)-(c), §7011",
        since: "2023-03-29",
        explanation: "\
    A business that sells or shares must treat an opt-out preference signal such as Global \
    Privacy Control as a valid request to opt out of sale and sharing for that browser or device \
    and any consumer profile associated with it (§7025(b)-(c)), and its privacy policy must \
    explain how it processes such signals (§7011). The CCPA rights need `opt_out_signals \
    \"...\"`, and saying that signals are honoured is not enough: candor asks the text to name \
    the signal, what it does (opts out, is treated as a request) and what it applies to (the \
    browser, the device, a profile or the account).",
        check: opt_out_signals,
    ),
    rule!(ccpa::"no-sale-statement", Warning,
        summary: "when nothing is sold or shared, the policy says so plainly",
        citation: "Cal. Civ. Code §1798.130(a)(5)(C)(i); Cal. Code Regs. tit. 11, §7011",
        since: "2020-01-01",
        explanation: "\
    If the business has not sold or shared personal information in the preceding 12 months, the \
    policy must disclose that fact (§1798.130(a)(5)(C)(i), §7011): a reader should not have to \
    infer it from a column of \"no\". candor looks, in the prose, for a sentence that denies \
    selling and one that denies sharing (\"we do not sell or share your personal information\"); \
    a denial reaches only its own clause, so \"we do not sell it, but we share it with \
    advertising partners\" denies selling only.",
        check: no_sale_statement,
    ),
    rule!(ccpa::"rights", Warning,
        summary: "the CCPA rights include to know, to delete, to correct, no retaliation, and to limit where it is owed",
        citation: "Cal. Civ. Code §1798.105, .106, .110, .115, .121(a), .125, §1798.130(a)(5)(A); Cal. Code Regs. tit. 11, §7011",
        since: "2023-01-01",
        explanation: "\
    The privacy policy must describe the consumer's rights: to know (§1798.110, .115), to delete \
    (§1798.105), to correct (§1798.106), to opt out of sale or sharing (§1798.120; see \
    `ccpa::opt-out-right`), to limit the use of sensitive personal information (§1798.121) and not \
    to be retaliated against (§1798.125). The right to limit is owed only where sensitive \
    personal information is used or disclosed for purposes beyond those the regulations permit \
    (§1798.121(d), Cal. Code Regs. tit. 11, §7027(m)): candor asks for it when the CCPA rights say \
    `sensitive_other_uses yes` (see `ccpa::sensitive-use`).",
        check: rights,
    ),
    rule!(ccpa::"sensitive-use", Warning,
        summary: "a policy that collects sensitive personal information says whether it uses it beyond the permitted purposes",
        citation: "Cal. Civ. Code §1798.121(a), (d); Cal. Code Regs. tit. 11, §7011, §7014, §7027(m)",
        since: "2023-01-01",
        explanation: "\
    Sensitive personal information used only for the purposes the regulations list (providing the \
    goods or services, security, short-term transient use, ...: §7027(m)) carries no right to \
    limit (§1798.121(d)); used beyond them, it brings the right to limit, its notice and its link \
    (§7014). The privacy policy says which applies (§7011). candor reads the answer from \
    `sensitive_other_uses yes/no` in the CCPA rights, and reports a policy that collects sensitive \
    personal information and gives none.",
        check: sensitive_use,
    ),
    rule!(ccpa::"sensitive-advertising", Error,
        summary: "sensitive personal information that goes to a buyer or an advertiser is used beyond the permitted purposes",
        citation: "Cal. Civ. Code §1798.121(a), (d), §1798.140(ah); Cal. Code Regs. tit. 11, §7014, §7027(m)",
        since: "2023-01-01",
        explanation: "\
    Selling sensitive personal information, or sharing it for cross-context behavioural \
    advertising, is not among the purposes for which a business may use it without offering the \
    right to limit (§7027(m) lists providing the goods or services, security, short-term \
    transient use and the like). candor follows each sensitive item through the data sets that \
    collect it to their recipients: when one of them buys it (`consideration money` or \
    `other_value`, not a service provider) or advertises with it (`targeted_advertising yes`), \
    the CCPA rights must say `sensitive_other_uses yes`, which brings the right to limit, its \
    notice and its link (§1798.121(a), §7014). A policy that says `sensitive_other_uses no`, or \
    says nothing, while its data map sends health data to an ad network contradicts itself.",
        check: sensitive_advertising,
    ),
    rule!(ccpa::"sensitive-kinds", Warning,
        summary: "the (L) row names each kind of sensitive personal information collected",
        citation: "Cal. Civ. Code §1798.100(a)(2), §1798.130(c), §1798.140(ae); Cal. Code Regs. tit. 11, §7011",
        since: "2023-01-01",
        explanation: "\
    Sensitive personal information is not one category but several (§1798.140(ae): government \
    identifiers, account log-ins, precise geolocation, racial or ethnic origin, health, ...), and \
    the policy lists the categories of sensitive personal information collected \
    (§1798.100(a)(2)). One row \"(L) sensitive personal information\" does not tell a reader \
    whether that means a password or a medical record. candor reports a sensitive item that the \
    (L) rows neither list in `items` nor name in their name, `examples` or `text`.",
        check: sensitive_kinds,
    ),
    rule!(ccpa::"financial-incentive", Warning,
        summary: "a financial incentive comes with its notice: how to opt in, how to withdraw, and the value of the data",
        citation: "Cal. Civ. Code §1798.125(b); Cal. Code Regs. tit. 11, §7016",
        since: "2020-01-01",
        explanation: "\
    A business may offer a financial incentive or a different price for personal information (a \
    loyalty programme, a discount for an email address) only with a notice of financial incentive \
    (§1798.125(b)): a summary of its terms, how to opt in, the right to withdraw at any time and \
    how, and a good-faith estimate of the value of the consumer's data with the method used to \
    calculate it (§7016). A purpose with `incentive \"...\"` holds that notice; candor reports \
    one that leaves out opting in, withdrawing or the value, and a purpose whose name speaks of a \
    loyalty, rewards or referral programme or a discount with no `incentive` at all.",
        check: financial_incentive,
    ),
    rule!(ccpa::"request-metrics", Warning,
        summary: "a business handling 10 million consumers' information publishes its request metrics",
        citation: "Cal. Code Regs. tit. 11, §7102",
        since: "2023-03-29",
        explanation: "\
    A business that knows or reasonably should know that it buys, receives for commercial \
    purposes, sells, shares or otherwise makes available the personal information of 10,000,000 \
    or more consumers in a calendar year compiles, for the previous year, how many requests to \
    know, delete, correct, opt out and limit it received, complied with and denied, and the median \
    or mean number of days it took to respond, and discloses them in its privacy policy or \
    through a link in it (§7102). The CCPA rights say `ten_million yes` and state the metrics in \
    `metrics \"...\"`: the numbers, or a link to the page that publishes them. candor reads that \
    fact, not the prose: a sentence that says \"median\" somewhere is not a metric, and the \
    notice prints its sentence about the metrics only beside the metrics stated. Metrics without \
    a number or a link are reported too.",
        check: request_metrics,
    ),
    rule!(ccpa::"admt-notice", Warning,
        summary: "automated decision-making for significant decisions comes with a pre-use notice and its rights",
        citation: "Cal. Code Regs. tit. 11, §7200(a)-(b), §7220, §7221, §7222",
        since: "2026-01-01",
        explanation: "\
    A business that uses automated decision-making technology (ADMT) to make a significant \
    decision about a consumer (financial or lending services, housing, education, employment, \
    health care) gives a pre-use notice before using it (§7220): the purpose, how the ADMT works \
    and what it weighs, the right to opt out of it (§7221) and to access information about it \
    (§7222). Businesses already using ADMT comply from 1 January 2027 (§7200(b)). candor reads \
    ADMT from `automated_decisions yes` on a purpose, asks for `logic \"...\"` and for rights \
    `admt_opt_out` and `admt_access` in the CCPA rights (or an exception the business relies on, \
    allowed with its reason); before 2027 the finding says from when it applies.",
        check: admt_notice,
    ),
    rule!(ccpa::"request-methods", Warning,
        summary: "two or more request methods, one a toll-free number (or an email when online only)",
        citation: "Cal. Civ. Code §1798.130(a)(1)",
        since: "2020-01-01",
        explanation: "\
    A business must offer two or more designated methods for requests to know and to delete, \
    including at least a toll-free telephone number (§1798.130(a)(1)(A)). A business that operates \
    exclusively online and has a direct relationship with the consumer need only offer an email \
    address (§1798.130(a)(1)(A)); write `online_only yes` in the CCPA rights for that case. A \
    \"Do Not Sell or Share\" link that only opts out (no email, phone or postal address) does not \
    count: it cannot take a request to know or to delete.",
        check: request_methods,
    ),
    rule!(ccpa::"updated-date", Error,
        summary: "the policy states the date it was last updated",
        citation: "Cal. Civ. Code §1798.130(a)(5); Cal. Code Regs. tit. 11, §7011",
        since: "2020-01-01",
        explanation: "\
    The privacy policy states the date it was last updated (§7011), which is also how a reader \
    (and a regulator) tells whether it was updated in the past 12 months (§1798.130(a)(5)). A \
    policy with no `updated` date leaves both unanswered.",
        check: updated_date,
    ),
    rule!(ccpa::"last-updated", Warning,
        summary: "the policy was last updated within the past 12 months",
        citation: "Cal. Civ. Code §1798.130(a)(5); Cal. Code Regs. tit. 11, §7011",
        since: "2020-01-01",
        explanation: "\
    The privacy policy must be updated at least once every 12 months (§1798.130(a)(5)) and state \
    the date it was last updated (§7011). candor compares `updated` with the date of the run \
    (`--today YYYY-MM-DD`, or the system date); a month without a day counts as its last day. A \
    policy with no date at all is `ccpa::updated-date`.",
        check: last_updated,
    ),
    rule!(ccpa::"authorized-agents", Warning,
        summary: "the policy explains how an authorised agent can make a request",
        citation: "Cal. Code Regs. tit. 11, §7011, §7063",
        since: "2020-08-14",
        explanation: "\
    A consumer may use an authorised agent to make requests (§7063), and the privacy policy must \
    explain how the agent can do so (§7011). The CCPA rights need `agents \"...\"`.",
        check: authorized_agents,
    ),
    rule!(ccpa::"response-time", Error,
        summary: "the CCPA response time is at most 45 days, extendable once by 45",
        citation: "Cal. Civ. Code §1798.130(a)(2); Cal. Code Regs. tit. 11, §7021",
        since: "2020-01-01",
        explanation: "\
    A business must respond to a request to know, delete or correct within 45 calendar days, and \
    may extend that once by a further 45 days with notice (§1798.130(a)(2)). A `response_days` or \
    `extension_days` above 45 in the CCPA rights promises less than the law requires.",
        check: response_time,
    ),
];

/// What a statutory letter stands for, as §1798.140(v)(1) words it.
fn letter_name(letter: CcpaLetter) -> &'static str {
    match letter {
        CcpaLetter::A => "identifiers",
        CcpaLetter::B => "personal information described in §1798.80(e)",
        CcpaLetter::C => "characteristics of protected classifications",
        CcpaLetter::D => "commercial information",
        CcpaLetter::E => "biometric information",
        CcpaLetter::F => "internet or other electronic network activity information",
        CcpaLetter::G => "geolocation data",
        CcpaLetter::H => "audio, electronic, visual, thermal, olfactory or similar information",
        CcpaLetter::I => "professional or employment-related information",
        CcpaLetter::J => "education information",
        CcpaLetter::K => "inferences drawn to create a profile",
        CcpaLetter::L => "sensitive personal information",
    }
}

fn rights_block(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.ccpa_rights.is_none() {
        out.push(
            finding(
                ctx.policy.span,
                "the policy declares the CCPA but describes no California consumer rights",
            )
            .with_label("no `rights` with `jurisdiction ccpa`")
            .with_help(
                "add `rights ID \"California Residents Rights\" { jurisdiction ccpa ... }` with \
                     the rights, `request_methods`, `verification` and `agents`",
            ),
        );
    }
}

fn statutory_letters(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for c in &ctx.policy.ccpa {
        if c.statutory.is_empty() {
            out.push(
                finding(c.span, format!("the CCPA category `{}` names no statutory letter", c.id))
                    .with_label("no `statutory`")
                    .with_help("add `statutory LETTER, ...` with the letters A-L of §1798.140(v)(1) it covers, e.g. `statutory A, B`"),
            );
        }
    }
}

/// `a`, `b`, `c` and 4 more.
fn some_ids(ids: &[&str]) -> String {
    let shown: Vec<String> = ids.iter().take(3).map(|i| format!("`{i}`")).collect();
    if ids.len() > 3 {
        format!("{} and {} more", shown.join(", "), ids.len() - 3)
    } else {
        and_list(&shown)
    }
}

/// The items data sets collect, in declaration order.
fn collected_items<'p>(ctx: &Ctx<'p>) -> Vec<&'p Item> {
    let p = ctx.policy;
    let mut collected = vec![false; p.items.len()];
    for d in p.datasets.iter().filter(|d| ctx.reaches(d)) {
        for r in &d.collects {
            collected[r.index()] = true;
        }
    }
    for c in &p.ccpa {
        for r in &c.items {
            collected[r.index()] = true;
        }
    }
    p.items
        .iter()
        .zip(collected)
        .filter(|(_, c)| *c)
        .map(|(i, _)| i)
        .collect()
}

/// Per group of people, the statutory letters that a data set collects from
/// them and that rows about other people disclose, but no row about them.
fn notice_at_collection(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let rows: Vec<&CcpaCategory> = ctx.collected_rows().collect();
    for subject in &p.subjects {
        let covered: HashSet<CcpaLetter> = rows
            .iter()
            .filter(|c| law::ccpa::about(c, &subject.id))
            .flat_map(|c| c.statutory.iter().copied())
            .collect();
        let mut missing: Vec<CcpaLetter> = Vec::new();
        let mut from: Vec<&crate::model::Dataset> = Vec::new();
        for d in p
            .datasets
            .iter()
            .filter(|d| ctx.reaches(d))
            .filter(|d| d.subjects.iter().any(|s| s.id() == subject.id))
        {
            let mut found = false;
            for letter in d
                .collects
                .iter()
                .flat_map(|i| p.get(i).ccpa.iter().copied())
            {
                let elsewhere = rows.iter().any(|c| c.statutory.contains(&letter));
                if elsewhere && !covered.contains(&letter) {
                    found = true;
                    if !missing.contains(&letter) {
                        missing.push(letter);
                    }
                }
            }
            if found {
                from.push(d);
            }
        }
        let Some(first) = from.first() else {
            continue;
        };
        missing.sort_by_key(|l| l.word());
        let names: Vec<String> = missing
            .iter()
            .map(|l| format!("({l}) {}", letter_name(*l)))
            .collect();
        let ids: Vec<&str> = from.iter().map(|d| d.id.as_str()).collect();
        let mut d = finding(
            first.spans.subjects.unwrap_or(first.span),
            format!(
                "the notice at collection for `{}` names no {}, which {} collects from them",
                subject.id,
                names.join(", "),
                some_ids(&ids)
            ),
        )
        .with_label(format!("collected from `{}`", subject.id))
        .with_help(format!(
            "add `{}` to the `subjects` of the CCPA rows that disclose {} (or give them rows of \
             their own); `insert notice_at_collection {}` then prints their notice",
            subject.id,
            missing
                .iter()
                .map(|l| format!("({l})"))
                .collect::<Vec<_>>()
                .join(", "),
            subject.id
        ));
        for letter in &missing {
            if let Some(row) = rows.iter().find(|c| c.statutory.contains(letter)) {
                d = d.with_secondary(
                    row.spans.subjects.unwrap_or(row.span),
                    format!("`{}` discloses ({letter}) for other people", row.id),
                );
            }
        }
        out.push(d);
    }
}

fn item_category(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let disclosed: HashSet<CcpaLetter> = ctx
        .collected_rows()
        .flat_map(|c| c.statutory.iter().copied())
        .collect();
    let items = collected_items(ctx);
    for letter in CcpaLetter::WORDS
        .iter()
        .filter_map(|w| CcpaLetter::from_word(w))
    {
        if disclosed.contains(&letter) {
            continue;
        }
        let with: Vec<&Item> = items
            .iter()
            .copied()
            .filter(|i| i.ccpa.contains(&letter))
            .collect();
        let Some(first) = with.first() else {
            continue;
        };
        let ids: Vec<&str> = with.iter().map(|i| i.id.as_str()).collect();
        let mut d = finding(
            first.spans.ccpa.unwrap_or(first.span),
            format!(
                "the CCPA table discloses no ({letter}) {}, yet the policy collects it: {}",
                letter_name(letter),
                some_ids(&ids)
            ),
        )
        .with_label(format!("`{letter}` here"))
        .with_help(format!(
            "consider adding a row, `ccpa ID \"...\" {{ statutory {letter} ... }}`, with its sources, \
             purposes, retention, and whether it is sold, shared or disclosed; or correct the items' letters"
        ));
        for item in &with[1..] {
            d = d.with_secondary(
                item.spans.ccpa.unwrap_or(item.span),
                format!("`{}` is ({letter}) too", item.id),
            );
        }
        out.push(d);
    }
}

fn category_items(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for c in ctx.collected_rows() {
        if c.statutory.is_empty() {
            continue;
        }
        for r in &c.items {
            let item = p.get(r);
            if !item.ccpa.is_empty() && !item.ccpa.iter().any(|l| c.statutory.contains(l)) {
                let letters: Vec<String> = item.ccpa.iter().map(|l| format!("({l})")).collect();
                out.push(
                    finding(
                        r.span(),
                        format!(
                            "item `{}` is {} but is listed in CCPA category `{}`, which is not",
                            item.id,
                            and_list(&letters),
                            c.id
                        ),
                    )
                    .with_label("in this row")
                    .with_secondary(item.spans.ccpa.unwrap_or(item.span), "the item's letters")
                    .with_secondary(c.spans.statutory.unwrap_or(c.span), "the row's letters")
                    .with_help("move the item to the row of its category, or correct its letters"),
                );
            }
        }
    }
}

fn sensitive_letter(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for item in &ctx.policy.items {
        if let Some(kind) = item.sensitive.filter(|k| k.cpra())
            && !item.ccpa.contains(&CcpaLetter::L)
        {
            out.push(
                    finding(item.spans.ccpa.unwrap_or(item.span), format!("item `{}` is sensitive personal information ({}) but is not in category (L)", item.id, kind.word().replace('_', " ")))
                        .with_label("no `L`")
                        .with_secondary(item.spans.sensitive.unwrap_or(item.span), "sensitive here")
                        .with_help(format!("add `L` to the item's letters: `ccpa {}`", letters_plus(&item.ccpa, CcpaLetter::L))),
                );
        }
    }
}

fn letters_plus(letters: &[CcpaLetter], extra: CcpaLetter) -> String {
    let mut all: Vec<CcpaLetter> = letters.to_vec();
    all.push(extra);
    all.sort();
    all.dedup();
    all.iter().map(|l| l.word()).collect::<Vec<_>>().join(", ")
}

fn protected_class_letter(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for item in &ctx.policy.items {
        let special = matches!(
            item.special,
            Some(
                SpecialCategory::RacialOrEthnicOrigin
                    | SpecialCategory::ReligiousOrPhilosophicalBeliefs
                    | SpecialCategory::SexLifeOrSexualOrientation
            )
        );
        let special = special || item.special == Some(SpecialCategory::Genetic);
        let sensitive = matches!(
            item.sensitive,
            Some(
                SensitiveKind::RacialOrEthnicOrigin
                    | SensitiveKind::ReligiousOrPhilosophicalBeliefs
                    | SensitiveKind::CitizenshipOrImmigration
                    | SensitiveKind::SexLifeOrSexualOrientation
                    | SensitiveKind::Genetic
            )
        );
        let named = protected_by_name(&item.name);
        if (special || sensitive || named) && !item.ccpa.contains(&CcpaLetter::C) {
            let (name, at) = if special {
                ("special kind here", item.spans.special)
            } else if sensitive {
                ("sensitive kind here", item.spans.sensitive)
            } else {
                ("a protected characteristic", None)
            };
            out.push(
                finding(item.spans.ccpa.unwrap_or(item.span), format!("item `{}` is a characteristic of a protected classification but is not in category (C)", item.id))
                    .with_label("no `C`")
                    .with_secondary(at.unwrap_or(item.span), name)
                    .with_help(format!("add `C` to the item's letters: `ccpa {}`", letters_plus(&item.ccpa, CcpaLetter::C))),
            );
        }
    }
}

/// Whether an item's name is a protected characteristic that no Art. 9 or
/// CPRA kind marks: disability, medical condition, age (protected from 40
/// under California and federal law), sex or gender, marital status,
/// military or veteran status.
fn protected_by_name(name: &str) -> bool {
    let t = text::normalize(name);
    let words: Vec<&str> = t
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    t.contains("disabilit")
        || t.contains("medical condition")
        || t.contains("date of birth")
        || t.contains("birth date")
        || t.contains("marital status")
        || t.contains("veteran")
        || has("age")
        || has("gender")
        || has("sex")
}

fn category_columns(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for c in ctx.collected_rows() {
        let mut missing = Vec::new();
        if c.examples.is_none() && c.items.is_empty() {
            missing.push("the specific information (`examples` or `items`)");
        }
        if c.sources.is_empty() {
            missing.push("the categories of sources (`sources`)");
        }
        if c.purposes.is_empty() {
            missing.push("the business or commercial purposes (`purposes`)");
        }
        // Whether it is sold, shared or disclosed at all is
        // `ccpa::disclosure-unstated`'s question.
        let goes_out = [c.sold, c.shared, c.disclosed].contains(&Some(true));
        if goes_out && c.third_parties.is_empty() {
            missing.push("the categories of third parties (`third_parties`)");
        }
        if missing.is_empty() {
            continue;
        }
        out.push(
            finding(c.span, format!("the CCPA category `{}` leaves out {}", c.id, and_list(&missing)))
                .with_label("incomplete row")
                .with_help("fill in every column of the row; where the answer is \"none\", say so in the row's `text`"),
        );
    }
}

fn category_retention(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let attached = retention_index(ctx.policy).ccpa;
    for (c, rules) in ctx.policy.ccpa.iter().zip(&attached) {
        if rules.is_empty() && crate::law::ccpa::collected(c) {
            out.push(
                finding(c.span, format!("the CCPA category `{}` says nothing about how long it is kept", c.id))
                    .with_label("no `retention`")
                    .with_help("add `retention RULE` naming a `retention` declaration with a `period` or `criteria`"),
            );
        }
    }
}

fn retention_open_ended(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let attached = retention_index(ctx.policy).ccpa;
    let open = open_ended_rules(ctx);
    for (c, rules) in ctx.policy.ccpa.iter().zip(&attached) {
        if !crate::law::ccpa::collected(c) {
            continue;
        }
        let span = c.spans.retention.unwrap_or(c.span);
        let owner = || format!("the CCPA category `{}`", c.id);
        report_open_ended(ctx, out, &owner, span, rules, &open);
    }
}

fn shared_ad_networks(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let before = out.len();
    shared_in_table(ctx, out);
    if out.len() == before {
        shared_elsewhere(ctx, out);
    }
}

/// Reports rows of the CCPA table that say `shared no` while disclosing to
/// ad or social networks or serving targeted advertising.
fn shared_in_table(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for c in ctx.collected_rows() {
        // Printed as shared: nothing to report. A row that says nothing
        // (printed "not stated") is reported too: silence is not a denial.
        if ctx.shared(c) == Some(true) {
            continue;
        }
        // A third party the policy itself says does no targeted
        // advertising is taken at its word.
        let ad: Vec<_> = c
            .third_parties
            .iter()
            .filter(|r| {
                let t = p.get(*r);
                t.kind.is_some_and(|k| k.is_advertising()) && t.targeted_advertising != Some(false)
            })
            .collect();
        let targeted: Vec<_> = c
            .purposes
            .iter()
            .filter(|r| p.get(*r).targeted_advertising == Some(true))
            .collect();
        if ad.is_empty() && targeted.is_empty() {
            continue;
        }
        let mut reasons = Vec::new();
        if !ad.is_empty() {
            let names: Vec<String> = ad
                .iter()
                .map(|r| format!("`{}` ({})", r.id(), advertiser(p.get(*r).kind).1))
                .collect();
            reasons.push(format!("is disclosed to {}", and_list(&names)));
        }
        if !targeted.is_empty() {
            let names: Vec<String> = targeted.iter().map(|r| format!("`{}`", r.id())).collect();
            reasons.push(format!(
                "is used for targeted advertising ({})",
                and_list(&names)
            ));
        }
        let says = if c.shared == Some(false) {
            "says it is not shared"
        } else {
            "does not say it is shared"
        };
        let mut d = finding(
            c.spans.shared.unwrap_or(c.span),
            format!("the CCPA category `{}` {says}, but it {}", c.id, reasons.join(" and ")),
        )
        .with_label(if c.shared == Some(false) { "`shared no`" } else { "not said to be shared" })
        .with_help(
            "disclosing to ad or social networks for cross-context behavioural advertising is \
             \"sharing\" (§1798.140(ah)): consider `shared yes`, with the opt-out right, a \"Do Not \
             Sell or Share\" link and opt-out preference signals; if these recipients act only as \
             service providers or contractors barred from cross-context advertising, record that \
             with `allow ccpa::shared-ad-networks \"...\"`",
        );
        if let Some(same) = &c.third_parties_same_as {
            d = d.with_secondary(
                c.spans.third_parties.unwrap_or(c.span),
                format!("its third parties are those of `{}`", same.id()),
            );
        }
        for r in &ad {
            let tp = p.get(*r);
            if c.third_parties_same_as.is_none() {
                d = d.with_secondary(r.span(), "disclosed here");
            }
            d = d.with_secondary(tp.span, format!("`{}` is {}", tp.id, advertiser(tp.kind).0));
        }
        for r in &targeted {
            d = d.with_secondary(
                p.get(*r).span,
                format!("`{}` is targeted advertising", r.id()),
            );
        }
        out.push(d);
    }
}

/// Where the policy shows advertising outside the CCPA table: a cookie
/// category for targeted advertising or with ad or social network vendors,
/// a data set with a targeted-advertising purpose, or an ad or social
/// network among the vendors. Each with its span and what it shows.
fn advertising_evidence(ctx: &Ctx<'_>) -> Vec<(Span, String)> {
    let p = ctx.policy;
    let mut found = Vec::new();
    for c in &p.cookies {
        if c.essential == Some(true) {
            continue;
        }
        let ads = advertising_vendors(p, c);
        let targeted = c
            .purposes
            .iter()
            .any(|r| p.get(r).targeted_advertising == Some(true));
        if !ads.is_empty() {
            found.push((
                c.spans.vendors.unwrap_or(c.span),
                format!(
                    "cookie category `{}` lets {} collect data",
                    c.id,
                    and_list(&ads)
                ),
            ));
        } else if targeted {
            found.push((
                c.spans.purposes.unwrap_or(c.span),
                format!("cookie category `{}` serves targeted advertising", c.id),
            ));
        }
    }
    for d in p.datasets.iter().filter(|d| ctx.reaches(d)) {
        if let Some(r) = d
            .purposes
            .iter()
            .find(|r| p.get(*r).targeted_advertising == Some(true))
        {
            found.push((
                r.span(),
                format!("data set `{}` is used for targeted advertising", d.id),
            ));
        }
    }
    found
}

/// Reports advertising the rest of the policy shows when no row of the
/// CCPA table is shared and no row discloses to an advertiser.
fn shared_elsewhere(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let Some(first) = p.ccpa.first() else {
        return;
    };
    if p.ccpa.iter().any(|c| ctx.shared(c) == Some(true)) {
        return;
    }
    let evidence = advertising_evidence(ctx);
    let Some((span, what)) = evidence.first() else {
        return;
    };
    let mut d = finding(
        *span,
        format!("{what}, but no category of the CCPA table is shared"),
    )
    .with_label("advertising")
    .with_secondary(
        first.spans.shared.unwrap_or(first.span),
        "`shared` is not `yes` in any row",
    )
    .with_help(
        "making personal information available to ad or social networks for cross-context \
         behavioural advertising is \"sharing\" (§1798.140(ah)): consider `shared yes` on the \
         categories they receive (identifiers, internet activity), with the opt-out right, link \
         and signals; if they act only as service providers or contractors barred from \
         cross-context advertising, record that with `allow ccpa::shared-ad-networks \"...\"`",
    );
    for (span, what) in evidence.iter().skip(1).take(4) {
        d = d.with_secondary(*span, what.clone());
    }
    out.push(d);
}

/// "an ad network" and "ad network", or the same for a social network.
fn advertiser(kind: Option<RecipientKind>) -> (&'static str, &'static str) {
    if kind == Some(RecipientKind::AdNetwork) {
        ("an ad network", "ad network")
    } else {
        ("a social network", "social network")
    }
}

/// The first category sold or shared, with the span of the field that says so.
fn first_selling<'p>(ctx: &Ctx<'p>) -> Option<(&'p CcpaCategory, Span, &'static str)> {
    ctx.collected_rows().find_map(|c| {
        if ctx.sold(c) == Some(true) {
            Some((c, c.spans.sold.unwrap_or(c.span), "sold"))
        } else if ctx.shared(c) == Some(true) {
            Some((c, c.spans.shared.unwrap_or(c.span), "shared"))
        } else {
            None
        }
    })
}

fn opt_out_right(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (Some((c, span, word)), Some(block)) = (first_selling(ctx), ctx.ccpa_rights) else {
        return;
    };
    if block.rights.iter().any(|r| r.kind == RightKind::OptOut) {
        return;
    }
    out.push(
        finding(span, format!("the CCPA category `{}` is {word}, but the CCPA rights do not describe the right to opt out", c.id))
            .with_label(word)
            .with_secondary(block.span, "no `right opt_out` here")
            .with_help(
                "add `right opt_out \"Right to Opt Out of Sale or Sharing\" { text \"...\" }`, saying \
                 how to opt out",
            ),
    );
}

fn opt_out_link(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let (Some((c, span, word)), Some(block)) = (first_selling(ctx), ctx.ccpa_rights) else {
        return;
    };
    if block.frictionless == Some(true) {
        return;
    }
    let has_link = block
        .request_methods
        .iter()
        .any(|r| law::ccpa::is_opt_out_link(p.get(r)));
    if has_link {
        return;
    }
    out.push(
        finding(block.spans.request_methods.unwrap_or(block.span), format!("the CCPA category `{}` is {word}, but no request method is a \"Do Not Sell or Share\" link", c.id))
            .with_label("no opt-out link among these")
            .with_secondary(span, word)
            .with_help(
                "declare the link, e.g. `contact do_not_sell \"Do Not Sell or Share My Personal \
                 Information\" { url \"https://...\" }` (or the alternative \"Your Privacy \
                 Choices\" link), and add it to `request_methods`; a business that honours \
                 opt-out preference signals in a frictionless manner may write `frictionless yes` \
                 instead",
            ),
    );
}

/// Whether a contact serves only to opt out: an opt-out link with no
/// email, phone or postal address, which cannot take a request to know or
/// to delete.
fn is_opt_out_only(contact: &Contact) -> bool {
    law::ccpa::is_opt_out_link(contact)
        && contact.email.is_none()
        && contact.phone.is_none()
        && contact.address.is_none()
}

fn opt_out_signals(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (Some((c, span, word)), Some(block)) = (first_selling(ctx), ctx.ccpa_rights) else {
        return;
    };
    if let Some(how) = &block.opt_out_signals {
        if says_how_signals_apply(how) {
            return;
        }
        out.push(
            finding(block.spans.opt_out_signals.unwrap_or(block.span), format!("the CCPA category `{}` is {word}, but the CCPA rights mention opt-out preference signals without saying how they are applied", c.id))
                .with_label("how is the signal applied?")
                .with_secondary(span, word)
                .with_help(
                    "say what the business does on receiving a signal such as Global Privacy \
                     Control: it treats it as a request to opt out of sale and sharing for that \
                     browser or device and any profile linked to it (§7025(c)(1))",
                ),
        );
        return;
    }
    out.push(
        finding(block.span, format!("the CCPA category `{}` is {word}, but the CCPA rights do not say how opt-out preference signals are processed", c.id))
            .with_label("no `opt_out_signals`")
            .with_secondary(span, word)
            .with_help(
                "add `opt_out_signals \"...\"`, e.g. \"we treat a Global Privacy Control signal from \
                 your browser as a request to opt out of sale and sharing\"",
            ),
    );
}

/// Whether a description of opt-out preference signals says how they are
/// applied: it names the signal and says that it opts the person out (or
/// is treated as a request), and to what it applies.
fn says_how_signals_apply(how: &str) -> bool {
    let t = text::normalize(how);
    let signal = ["signal", "global privacy control", "gpc"]
        .iter()
        .any(|w| t.contains(w));
    let effect = [
        "opt out",
        "opt-out",
        "opts you out",
        "request to opt",
        "do not sell",
        "treat",
        "honor",
        "honour",
    ]
    .iter()
    .any(|w| t.contains(w));
    let scope = ["browser", "device", "profile", "account"]
        .iter()
        .any(|w| t.contains(w));
    signal && effect && scope
}

fn no_sale_statement(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // The rows of categories collected, with their answers as the table
    // prints them (stated, else derived from the third parties): a row that
    // says `collected no` neither sells nor keeps the rule quiet.
    let Some(first) = ctx.collected_rows().next() else {
        return;
    };
    if !ctx
        .collected_rows()
        .all(|c| ctx.sold(c) == Some(false) && ctx.shared(c) == Some(false))
    {
        return;
    }
    let (mut sell, mut share) = (false, false);
    for s in ctx.sentences_about(&["sell", "sold", "sale", "shar"]) {
        sell |= text::denies(&s, &["sell", "sold", "sale"]);
        share |= text::denies(&s, &["share", "shared", "sharing"]);
        if sell && share {
            return;
        }
    }
    let what = match (sell, share) {
        (false, false) => "sell or share",
        (true, false) => "share",
        _ => "sell",
    };
    out.push(
        finding(first.spans.sold.unwrap_or(first.span), format!("no category is sold or shared, but the notice never says plainly that the business does not {what} personal information"))
            .with_label("`sold no`, `shared no` in every row")
            .with_help(format!(
                "consider a sentence in the CCPA section such as \"we do not {what} your personal \
                 information, and have not done so in the past 12 months\""
            )),
    );
}

fn rights(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(block) = ctx.ccpa_rights else {
        return;
    };
    let present: HashSet<RightKind> = block.rights.iter().map(|r| r.kind).collect();
    let mut missing = Vec::new();
    if !present.contains(&RightKind::Know) && !present.contains(&RightKind::KnowSoldShared) {
        missing.push("`know`");
    }
    for (kind, word) in [
        (RightKind::Delete, "`delete`"),
        (RightKind::Correct, "`correct`"),
        (RightKind::NoRetaliation, "`no_retaliation`"),
    ] {
        if !present.contains(&kind) {
            missing.push(word);
        }
    }
    if block.sensitive_other_uses == Some(true) && !present.contains(&RightKind::LimitSensitive) {
        missing.push("`limit_sensitive`");
    }
    if missing.is_empty() {
        return;
    }
    let noun = if missing.len() == 1 {
        "right"
    } else {
        "rights"
    };
    out.push(
        finding(
            block.span,
            format!(
                "the CCPA rights `{}` leave out the {noun} {}",
                block.id,
                and_list(&missing)
            ),
        )
        .with_label("incomplete list of rights")
        .with_help(format!(
            "add `right KIND \"Name\" {{ text \"...\" }}` for {}",
            and_list(&missing)
        )),
    );
}

/// Whether the policy collects sensitive personal information: an item
/// with a CPRA kind or the letter L, or a collected row of the table with
/// L (a row that says `collected no` states the opposite).
fn collects_sensitive(ctx: &Ctx<'_>) -> bool {
    collected_items(ctx)
        .iter()
        .any(|i| i.sensitive.is_some_and(SensitiveKind::cpra) || i.ccpa.contains(&CcpaLetter::L))
        || ctx
            .collected_rows()
            .any(|c| c.statutory.contains(&CcpaLetter::L))
}

fn sensitive_use(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(block) = ctx.ccpa_rights else {
        return;
    };
    if block.sensitive_other_uses.is_some() || !collects_sensitive(ctx) {
        return;
    }
    out.push(
        finding(
            block.span,
            format!(
                "the policy collects sensitive personal information, but the CCPA rights `{}` do not say whether it is used beyond the purposes the regulations permit",
                block.id
            ),
        )
        .with_label("no `sensitive_other_uses`")
        .with_help(
            "write `sensitive_other_uses no` and say in the notice that sensitive personal \
             information is used only for the purposes of Cal. Code Regs. tit. 11, §7027(m); or \
             `sensitive_other_uses yes` with `right limit_sensitive`",
        ),
    );
}

fn sensitive_advertising(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let limit_offered = ctx
        .ccpa_rights
        .is_some_and(|b| b.sensitive_other_uses == Some(true));
    if limit_offered {
        return;
    }
    for (index, item) in p.items.iter().enumerate() {
        if !item.sensitive.is_some_and(SensitiveKind::cpra) {
            continue;
        }
        let r = crate::model::Ref::new(item.id.clone(), index, item.span);
        let Some(recipients) = crate::views::flows::item_recipients(p, &r) else {
            continue;
        };
        let Some((to, how)) = recipients.iter().find_map(|t| {
            let party = p.get(t);
            if law::ccpa::sells(party) == Some(true) {
                Some((t, "sells it to"))
            } else if law::ccpa::shares(party) == Some(true) {
                Some((
                    t,
                    "shares it for cross-context behavioural advertising with",
                ))
            } else {
                None
            }
        }) else {
            continue;
        };
        let flow = crate::views::flows::of_item(p, &r)
            .filter(|f| ctx.reaches(f))
            .find(|f| f.recipients.iter().any(|x| x.index() == to.index()));
        let mut d = finding(
            flow.and_then(|f| f.spans.recipients).unwrap_or(item.span),
            format!(
                "`{}` is sensitive personal information and the business {how} `{}`, but the CCPA rights do not say it is used beyond the permitted purposes",
                item.id,
                to.id()
            ),
        )
        .with_label(format!("`{}` receives `{}` here", to.id(), item.id))
        .with_secondary(item.spans.sensitive.unwrap_or(item.span), "sensitive here");
        if let Some(block) = ctx.ccpa_rights
            && let Some(span) = block.spans.sensitive_other_uses
        {
            d = d.with_secondary(span, "says it is not");
        }
        out.push(d.with_help(
            "say `sensitive_other_uses yes` in the CCPA rights and offer `right limit_sensitive` \
             with its link; or keep the sensitive item out of the data sets that go to buyers \
             and advertisers",
        ));
    }
}

fn sensitive_kinds(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let rows: Vec<&CcpaCategory> = ctx
        .collected_rows()
        .filter(|c| c.statutory.contains(&CcpaLetter::L))
        .collect();
    if rows.is_empty() {
        // `ccpa::item-category` reports the missing (L) row.
        return;
    }
    let listed: HashSet<usize> = rows
        .iter()
        .flat_map(|c| c.items.iter().map(crate::model::Ref::index))
        .collect();
    let words: String = rows
        .iter()
        .flat_map(|c| {
            [
                Some(c.name.as_str()),
                c.examples.as_deref(),
                c.text.as_deref(),
            ]
        })
        .flatten()
        .map(text::normalize)
        .collect::<Vec<_>>()
        .join(" ");
    let mut seen = HashSet::new();
    for (index, item) in p.items.iter().enumerate() {
        let Some(kind) = item.sensitive.filter(|k| k.cpra()) else {
            continue;
        };
        if listed.contains(&index) || !collected_items(ctx).iter().any(|i| i.id == item.id) {
            continue;
        }
        let named = sensitive_words(kind).iter().any(|w| words.contains(w))
            || words.contains(&text::normalize(&item.name));
        if named || !seen.insert(kind) {
            continue;
        }
        let first = rows[0];
        out.push(
            finding(
                item.spans.sensitive.unwrap_or(item.span),
                format!(
                    "item `{}` is sensitive personal information ({}), but no (L) row of the CCPA table names that kind",
                    item.id,
                    kind.word().replace('_', " ")
                ),
            )
            .with_label("sensitive kind")
            .with_secondary(first.span, "the (L) row")
            .with_help(format!(
                "list `{}` in the `items` of the (L) row, or name the kind in its `examples`: the \
                 policy discloses the categories of sensitive personal information one by one",
                item.id
            )),
        );
    }
}

/// Words that name a CPRA sensitive kind in a table's prose.
fn sensitive_words(kind: SensitiveKind) -> &'static [&'static str] {
    match kind {
        SensitiveKind::GovernmentId => &["social security", "driver", "passport", "government"],
        SensitiveKind::AccountCredentials => &["log-in", "login", "password", "credential"],
        SensitiveKind::FinancialAccount => &["financial account", "card number", "bank account"],
        SensitiveKind::PreciseGeolocation => &["precise geolocation", "precise location"],
        SensitiveKind::RacialOrEthnicOrigin => &["racial", "ethnic"],
        SensitiveKind::ReligiousOrPhilosophicalBeliefs => &["religio", "philosophical"],
        SensitiveKind::UnionMembership => &["union"],
        SensitiveKind::CitizenshipOrImmigration => &["citizenship", "immigration"],
        SensitiveKind::CommunicationsContent => &["contents of", "content of", "messages"],
        SensitiveKind::Genetic => &["genetic"],
        SensitiveKind::Neural => &["neural"],
        SensitiveKind::Biometric => &["biometric"],
        SensitiveKind::Health => &["health", "medical", "disabilit"],
        SensitiveKind::SexLifeOrSexualOrientation => &["sex life", "sexual orientation"],
        // Not California's sensitive personal information (`cpra`).
        SensitiveKind::SensitiveInference
        | SensitiveKind::TransgenderOrNonbinary
        | SensitiveKind::CrimeVictim
        | SensitiveKind::NationalOrigin => &[],
    }
}

/// The parts of a notice of financial incentive candor looks for, with the
/// words that show each and what the help names it.
const INCENTIVE_PARTS: &[(&[&str], &str)] = &[
    (
        &[
            "opt in",
            "opt-in",
            "sign up",
            "join",
            "enrol",
            "enroll",
            "subscribe",
        ],
        "how to opt in",
    ),
    (
        &["withdraw", "opt out", "opt-out", "cancel", "leave"],
        "how to withdraw at any time",
    ),
    (
        &["value"],
        "a good-faith estimate of the value of the data and how it was calculated",
    ),
];

/// Whether a purpose's name reads as a financial incentive.
fn looks_like_incentive(name: &str) -> bool {
    let t = text::normalize(name);
    [
        "loyalty",
        "reward",
        "referral program",
        "referral programme",
        "discount",
        "financial incentive",
    ]
    .iter()
    .any(|w| t.contains(w))
}

fn financial_incentive(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for p in &ctx.policy.purposes {
        match &p.incentive {
            None if looks_like_incentive(&p.name) => out.push(
                finding(p.span, format!("purpose `{}` reads as a financial incentive, but the policy gives no notice of financial incentive", p.id))
                    .with_label("incentive?")
                    .with_help(
                        "add `incentive \"...\"` with the terms, how to opt in, how to withdraw at \
                         any time, and a good-faith estimate of the value of the data and its method",
                    ),
            ),
            None => {}
            Some(notice) => {
                let t = text::normalize(notice);
                let missing: Vec<&str> = INCENTIVE_PARTS
                    .iter()
                    .filter(|(words, _)| !words.iter().any(|w| t.contains(w)))
                    .map(|(_, what)| *what)
                    .collect();
                if !missing.is_empty() {
                    out.push(
                        finding(p.spans.incentive.unwrap_or(p.span), format!("the notice of financial incentive of purpose `{}` leaves out {}", p.id, and_list(&missing)))
                            .with_label("incomplete notice")
                            .with_help(format!("add {} to the `incentive` text", and_list(&missing))),
                    );
                }
            }
        }
    }
}

fn request_metrics(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(block) = ctx.ccpa_rights else {
        return;
    };
    if block.ten_million != Some(true) {
        return;
    }
    if let Some(metrics) = block.metrics.as_deref() {
        // The numbers themselves, or a link to where they are published.
        let t = metrics.to_ascii_lowercase();
        let numbers = metrics.chars().any(|c| c.is_ascii_digit());
        let link = ["http://", "https://", "www.", "]("]
            .iter()
            .any(|w| t.contains(w));
        if !numbers && !link {
            out.push(
                finding(block.spans.metrics.unwrap_or(block.span), "the request metrics give no number and no link to where they are published")
                    .with_label("no numbers, no link")
                    .with_help(
                        "state the numbers of requests to know, delete, correct, opt out and limit \
                         received, complied with and denied, and the median or mean days to respond, \
                         or a link to the page that publishes them",
                    ),
            );
        }
        return;
    }
    out.push(
        finding(block.spans.ten_million.unwrap_or(block.span), "the business handles the information of 10 million or more consumers, but the CCPA rights state no request metrics")
            .with_label("`ten_million yes`, no `metrics`")
            .with_help(
                "state, for the previous calendar year, the number of requests to know, delete, \
                 correct, opt out and limit received, complied with and denied, and the median or \
                 mean number of days taken to respond, in `metrics \"...\"` or as a link to the page \
                 that publishes them",
            ),
    );
}

/// The day ADMT already in use must meet the pre-use notice (§7200(b)).
const ADMT_FROM: crate::model::PolicyDate = crate::model::PolicyDate {
    year: 2027,
    month: 1,
    day: Some(1),
};

fn admt_notice(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(purpose) = ctx
        .policy
        .purposes
        .iter()
        .find(|p| p.automated_decisions == Some(true))
    else {
        return;
    };
    let present: HashSet<RightKind> = ctx
        .ccpa_rights
        .map(|b| b.rights.iter().map(|r| r.kind).collect())
        .unwrap_or_default();
    let mut missing = Vec::new();
    if purpose.logic.is_none() {
        missing.push("how the technology works (`logic`)");
    }
    if !present.contains(&RightKind::AdmtOptOut) {
        missing.push("the right to opt out of it (`right admt_opt_out`)");
    }
    if !present.contains(&RightKind::AdmtAccess) {
        missing.push("the right to access information about it (`right admt_access`)");
    }
    if missing.is_empty() {
        return;
    }
    let when = if ctx.today.day_number() < ADMT_FROM.day_number() {
        "from 1 January 2027 the pre-use notice must give"
    } else {
        "its pre-use notice does not give"
    };
    out.push(
        finding(
            purpose.spans.automated_decisions.unwrap_or(purpose.span),
            format!(
                "purpose `{}` uses automated decision-making technology; {when} {}",
                purpose.id,
                and_list(&missing)
            ),
        )
        .with_label("automated decisions")
        .with_help(
            "add `logic \"...\"` to the purpose and the rights `admt_opt_out` and `admt_access` to \
             the CCPA rights; if an exception of §7221 applies (such as a human appeal), allow the \
             finding with that reason",
        ),
    );
}

fn request_methods(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    let Some(block) = ctx.ccpa_rights else {
        return;
    };
    let span = block.spans.request_methods.unwrap_or(block.span);
    let methods: Vec<&Contact> = {
        let mut seen = HashSet::new();
        block
            .request_methods
            .iter()
            .filter(|r| seen.insert(r.index()))
            .map(|r| p.get(r))
            .filter(|c| !is_opt_out_only(c))
            .collect()
    };
    if block.online_only == Some(true) {
        if !methods.iter().any(|c| c.email.is_some()) {
            out.push(
                finding(span, format!("the CCPA rights `{}` are online only but give no email address for requests", block.id))
                    .with_label("no email among the request methods")
                    .with_help("add a contact with an `email` to `request_methods`"),
            );
        }
        return;
    }
    let toll_free = methods.iter().any(|c| c.phone.is_some() && c.toll_free);
    let message = match (methods.len() >= 2, toll_free) {
        (true, true) => return,
        (false, true) => format!(
            "the CCPA rights `{}` give only one way to make a request",
            block.id
        ),
        (true, false) => format!(
            "none of the request methods of the CCPA rights `{}` is a toll-free number",
            block.id
        ),
        (false, false) => format!(
            "the CCPA rights `{}` give fewer than two ways to make a request, and no toll-free number",
            block.id
        ),
    };
    out.push(
        finding(span, message)
            .with_label("request methods")
            .with_help(
                "offer two or more methods, including a toll-free number (a contact with `phone \"...\" \
                 toll_free`); a business that operates only online, with a direct relationship with the \
                 consumer, may write `online_only yes` and offer an email address",
            ),
    );
}

fn updated_date(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    if p.updated.is_none() {
        out.push(
            finding(p.span, "the policy does not say when it was last updated")
                .with_label("no `updated`")
                .with_help("add `updated YYYY-MM-DD` with the date of the last review"),
        );
    }
}

fn last_updated(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    match p.updated {
        None => {}
        Some(updated) => {
            let due = twelve_months_after(updated);
            if ctx.today.day_number() > due.day_number() {
                out.push(
                    finding(p.span, format!("the policy was last updated {} `{updated}`, more than 12 months before {}", if updated.day.is_some() { "on" } else { "in" }, ctx.today))
                        .with_label(format!("updated {updated}"))
                        .with_help(
                            "review the policy (the CCPA asks for a review at least every 12 months), \
                             bring it up to date, and set `updated` to the date of the review",
                        ),
                );
            }
        }
    }
}

fn authorized_agents(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(block) = ctx.ccpa_rights
        && block.agents.is_none()
    {
        out.push(
            finding(
                block.span,
                format!(
                    "the CCPA rights `{}` do not say how an authorised agent can make a request",
                    block.id
                ),
            )
            .with_label("no `agents`")
            .with_help(
                "add `agents \"...\"`, e.g. \"your authorised agent can make a request for you \
                         through the same methods, with your signed permission\"",
            ),
        );
    }
}

fn response_time(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(block) = ctx.ccpa_rights {
        response_limits(
            block,
            &ResponseLimits {
                law: "CCPA",
                response_days: 45,
                response_words: "the 45",
                response_label: "more than 45 days",
                response_help: "answer within 45 days (`response_days 45`)",
                extension_days: 45,
                extension_words: "the 45",
                extension_label: "more than 45 days",
                extension_help: "an extension may add at most 45 days (`extension_days 45`)",
            },
            out,
        );
    }
}

/// Stated answers that the third parties' facts contradict, and facts
/// given for a row that says the category is not collected.
fn disclosure_contradiction(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for c in &p.ccpa {
        if !crate::law::ccpa::collected(c) {
            let listed: Vec<(&str, Option<Span>)> = [
                (
                    "items",
                    (!c.items.is_empty()).then_some(c.spans.items).flatten(),
                ),
                (
                    "sources",
                    (!c.sources.is_empty()).then_some(c.spans.sources).flatten(),
                ),
                (
                    "third_parties",
                    (!c.third_parties.is_empty())
                        .then_some(c.spans.third_parties)
                        .flatten(),
                ),
                (
                    "purposes",
                    (!c.purposes.is_empty())
                        .then_some(c.spans.purposes)
                        .flatten(),
                ),
                ("sold", c.sold.filter(|s| *s).and(c.spans.sold)),
                ("shared", c.shared.filter(|s| *s).and(c.spans.shared)),
                (
                    "disclosed",
                    c.disclosed.filter(|s| *s).and(c.spans.disclosed),
                ),
            ]
            .into_iter()
            .filter_map(|(name, span)| span.map(|s| (name, Some(s))))
            .collect();
            if let Some((first, Some(span))) = listed.first() {
                let names: Vec<String> = listed.iter().map(|(n, _)| format!("`{n}`")).collect();
                out.push(
                    finding(*span, format!("the CCPA category `{}` says it is not collected, but gives {}", c.id, and_list(&names)))
                        .with_label(format!("`{first}` of a category not collected"))
                        .with_secondary(c.spans.collected.unwrap_or(c.span), "`collected no`")
                        .with_help("remove these fields, or write `collected yes` if the category is collected"),
                );
            }
            continue;
        }
        let d = crate::law::ccpa::disclosures(p, c);
        let name = |r: &&crate::model::Ref<crate::model::ThirdParty>| format!("`{}`", r.id());
        if d.disclosed.contradicted() {
            out.push(
                finding(
                    c.spans.disclosed.unwrap_or(c.span),
                    format!(
                        "the CCPA category `{}` says it is not disclosed, but lists third parties",
                        c.id
                    ),
                )
                .with_label("`disclosed no`")
                .with_secondary(
                    c.spans.third_parties.unwrap_or(c.span),
                    "disclosed to these",
                )
                .with_help(
                    "write `disclosed yes`, or remove the third parties it is not disclosed to",
                ),
            );
        }
        if d.sold.contradicted() {
            let (message, help) = if d.sold.stated == Some(false) {
                let buyers: Vec<String> = d.sold_to.iter().map(name).collect();
                (
                    format!(
                        "the CCPA category `{}` says it is not sold, but {} gives consideration for it",
                        c.id,
                        and_list(&buyers)
                    ),
                    "a disclosure to a third party for money or other valuable consideration is a sale (§1798.140(ad)(1)): write `sold yes`, or correct the third party's `consideration`",
                )
            } else {
                (
                    format!(
                        "the CCPA category `{}` says it is sold, but none of its third parties gives consideration for it",
                        c.id
                    ),
                    "a sale needs a third party that gives money or other valuable consideration and is not a service provider (§1798.140(ad)): write `sold no`, or give the buyer `consideration money` or `consideration other_value`",
                )
            };
            out.push(
                finding(c.spans.sold.unwrap_or(c.span), message)
                    .with_label("stated here")
                    .with_secondary(c.spans.third_parties.unwrap_or(c.span), "the third parties")
                    .with_help(help),
            );
        }
        if d.shared.contradicted() {
            let (message, help) = if d.shared.stated == Some(false) {
                let sharers: Vec<String> = d.shared_with.iter().map(name).collect();
                (
                    format!(
                        "the CCPA category `{}` says it is not shared, but {} uses it for targeted advertising",
                        c.id,
                        and_list(&sharers)
                    ),
                    "a disclosure for cross-context behavioural advertising is sharing, paid or not (§1798.140(ah)(1)): write `shared yes`, or correct the third party's `targeted_advertising`",
                )
            } else {
                (
                    format!(
                        "the CCPA category `{}` says it is shared, but none of its third parties uses it for targeted advertising",
                        c.id
                    ),
                    "write `shared no`, or mark the third party that advertises with it `targeted_advertising yes`",
                )
            };
            out.push(
                finding(c.spans.shared.unwrap_or(c.span), message)
                    .with_label("stated here")
                    .with_secondary(c.spans.third_parties.unwrap_or(c.span), "the third parties")
                    .with_help(help),
            );
        }
    }
}

/// Rows stating their sources or purposes that name none of those of a
/// data set collecting their items: the same fact stated twice, the two
/// statements unable to be both true.
fn category_data_map(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    use crate::model::{Dataset, Ref};
    use crate::views::flows::{self, Index};
    /// The first flow whose list shares nothing with the row's, provided
    /// the row's list shares a word with the policy's data sets (`used`:
    /// which sources or purposes some data set names; else the row speaks
    /// its own vocabulary and there is nothing to compare).
    fn disjoint<'d, T>(
        row: &[Ref<T>],
        used: &[bool],
        found: &[&'d Dataset],
        list: impl Fn(&Dataset) -> &[Ref<T>],
    ) -> Option<&'d Dataset> {
        if !row
            .iter()
            .any(|r| used.get(r.index()).copied().unwrap_or(false))
        {
            return None;
        }
        let meets = |d: &Dataset| {
            list(d)
                .iter()
                .any(|x| row.iter().any(|r| r.index() == x.index()))
        };
        found
            .iter()
            .copied()
            .find(|d| !list(d).is_empty() && !meets(d))
    }
    /// Which of `n` declarations some data set names in `list`.
    fn used_by_datasets<T>(
        datasets: &[Dataset],
        n: usize,
        list: impl Fn(&Dataset) -> &[Ref<T>],
    ) -> Vec<bool> {
        let mut used = vec![false; n];
        for r in datasets.iter().flat_map(list) {
            if let Some(slot) = used.get_mut(r.index()) {
                *slot = true;
            }
        }
        used
    }
    let p = ctx.policy;
    let index = Index::new(p);
    let sources_used = used_by_datasets(&p.datasets, p.sources.len(), |d| &d.sources);
    let purposes_used = used_by_datasets(&p.datasets, p.purposes.len(), |d| &d.purposes);
    for row in p
        .ccpa
        .iter()
        .filter(|c| !c.derived && law::ccpa::collected(c))
    {
        let found: Vec<&Dataset> = index
            .flows_of_items(&row.items)
            .into_iter()
            .map(|d| &p.datasets[d])
            .filter(|d| flows::about(d, &row.subjects))
            .collect();
        let names =
            |ids: Vec<&str>| and_list(&ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>());
        let checks = [
            (
                "sources",
                "comes from",
                row.spans.sources,
                disjoint(&row.sources, &sources_used, &found, |d| &d.sources).map(|d| {
                    (
                        d,
                        names(d.sources.iter().map(Ref::id).collect()),
                        d.spans.sources,
                    )
                }),
            ),
            (
                "purposes",
                "is used for",
                row.spans.purposes,
                disjoint(&row.purposes, &purposes_used, &found, |d| &d.purposes).map(|d| {
                    (
                        d,
                        names(d.purposes.iter().map(Ref::id).collect()),
                        d.spans.purposes,
                    )
                }),
            ),
        ];
        for (field, verb, row_span, hit) in checks {
            let (Some(row_span), Some((d, theirs, flow_span))) = (row_span, hit) else {
                continue;
            };
            out.push(
                finding(
                    row_span,
                    format!(
                        "the CCPA category `{}` names none of the {field} of the data set `{}`, which collects its items: the data set says its data {verb} {theirs}",
                        row.id, d.id
                    ),
                )
                .with_label(format!("the row's `{field}`"))
                .with_secondary(flow_span.unwrap_or(d.span), format!("the data set's `{field}`"))
                .with_help(format!(
                    "correct the row's or the data set's `{field}`, or remove `{field}` from the row so that candor derives it from the data sets"
                )),
            );
        }
    }
}

/// Collected rows whose sold, shared or disclosed answer neither the row
/// nor the facts give: the table prints "not stated".
fn disclosure_unstated(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let p = ctx.policy;
    for c in ctx.collected_rows() {
        let d = crate::law::ccpa::disclosures(p, c);
        let missing: Vec<&str> = [
            ("`sold`", d.sold.value),
            ("`shared`", d.shared.value),
            ("`disclosed`", d.disclosed.value),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| n)
        .collect();
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> = missing.iter().map(|s| (*s).to_owned()).collect();
        out.push(
            finding(c.span, format!("the CCPA category `{}` does not say whether it is {}: the table prints \"not stated\"", c.id, and_list(&names)))
                .with_label("answer not stated")
                .with_help(
                    "state it in the row (`sold no`, `shared no`, `disclosed yes`), or give each of its \
                     third parties `consideration money|other_value|none` and `targeted_advertising yes|no`",
                ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::letter_name;
    use crate::model::words::{CcpaLetter, Word};

    #[test]
    fn every_letter_has_a_name() {
        for w in CcpaLetter::WORDS {
            let letter = CcpaLetter::from_word(w).expect("a letter");
            assert!(!letter_name(letter).is_empty());
        }
    }
}
