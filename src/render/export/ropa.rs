//! `ropa.csv` and `ropa.xlsx`: the record of processing activities of GDPR
//! Art. 30(1), one row per data set or processing activity, in the shape of
//! the supervisory authorities' templates (the ICO's one row per activity,
//! with the CNIL's columns for transfers and security measures).
//!
//! Every cell comes from a fact of the policy: the controller and its DPO
//! and representative (Art. 30(1)(a)), the purposes and their bases (b),
//! the subjects and items (c), the recipients (d), the transfers and their
//! safeguards (e), the retention rules (f) and the security measures (g),
//! a data set's own `security` or else the controller's. An unstated fact
//! is an empty cell, never a guess; `structure::ropa-security` reports a
//! missing description of the security measures.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::{csv_record, plain, text_output, unique};
use crate::model::words::{Art9Condition, Jurisdiction, RecipientKind, Region, Safeguard, Word};
use crate::model::{Dataset, Policy};
use crate::render::text::basis_label;
use crate::render::{Body, OutputKind, RenderInput, TemplateError};

/// The columns, each with the provision it answers.
pub const COLUMNS: [(&str, &str); 21] = [
    ("Processing activity", "Art. 30(1)(b)"),
    ("Controller", "Art. 30(1)(a)"),
    ("Joint controllers", "Art. 30(1)(a)"),
    ("Representative", "Art. 30(1)(a)"),
    ("Data protection officer", "Art. 30(1)(a)"),
    ("Purposes of the processing", "Art. 30(1)(b)"),
    ("Lawful bases", "Art. 6(1)"),
    ("Legitimate interests", "Art. 6(1)(f), 13(1)(d)"),
    ("Categories of data subjects", "Art. 30(1)(c)"),
    ("Categories of personal data", "Art. 30(1)(c)"),
    ("Special categories of data", "Art. 9(1)"),
    ("Condition for special category data", "Art. 9(2)"),
    ("Sources of the data", "Art. 14(2)(f)"),
    ("Categories of recipients", "Art. 30(1)(d)"),
    ("Transfers to third countries", "Art. 30(1)(e)"),
    ("Transfer safeguards", "Art. 30(1)(e), 49(1)"),
    ("Time limits for erasure", "Art. 30(1)(f)"),
    ("Security measures", "Art. 30(1)(g), 32(1)"),
    ("Rights available to individuals", "Art. 15-22"),
    ("Automated decision-making, including profiling", "Art. 22"),
    ("Description", "Art. 30(1)(b)"),
];

/// The rows: one per data set and processing activity, in source order,
/// each with one cell per column of [`COLUMNS`].
#[must_use]
pub fn rows(policy: &Policy) -> Vec<Vec<String>> {
    policy.datasets.iter().map(|d| row(policy, d)).collect()
}

fn row(policy: &Policy, d: &Dataset) -> Vec<String> {
    let controller = policy.controller.as_ref();
    let contact =
        |c: &crate::model::Contact| details(&c.name, [&c.address, &c.email, &c.phone, &c.url]);
    let controller_cell = controller.map_or_else(String::new, |c| {
        details(&c.name, [&c.address, &c.email, &c.phone, &c.url])
    });
    let recipients: Vec<_> = d.recipients.iter().map(|r| policy.get(r)).collect();
    let joint: Vec<&str> = recipients
        .iter()
        .filter(|r| r.kind == Some(RecipientKind::JointController))
        .map(|r| r.name.as_str())
        .collect();
    let mut bases: Vec<String> = Vec::new();
    for b in &d.bases {
        let mut label = format!(
            "{} ({})",
            basis_label(b.basis),
            cite(policy, b.basis.article())
        );
        if let Some(condition) = &b.condition {
            label.push_str(&format!(" when {}", plain(condition)));
        }
        // Which purposes it serves, when not all of the activity's
        // (Art. 30(1)(b) with Art. 6: each purpose with its basis).
        if !b.covers_every_purpose_of(d) {
            let names: Vec<&str> = b
                .purposes
                .iter()
                .map(|p| policy.get(p).name.as_str())
                .collect();
            label.push_str(&format!(", for {}", names.join(", ")));
        }
        if !bases.contains(&label) {
            bases.push(label);
        }
    }
    let items: Vec<_> = d.collects.iter().map(|i| policy.get(i)).collect();
    let special: Vec<String> = items
        .iter()
        .filter_map(|i| {
            i.special
                .map(|s| format!("{} ({})", i.name, in_words(s.word())))
        })
        .collect();
    let transfers: Vec<_> = d.transfers.iter().map(|t| policy.get(t)).collect();
    let retention: Vec<String> = d
        .retention
        .iter()
        .map(|r| {
            let rule = policy.get(r);
            let what = [&rule.period, &rule.criteria]
                .into_iter()
                .flatten()
                .map(|t| plain(t))
                .collect::<Vec<_>>()
                .join("; ");
            if rule.name.is_empty() {
                what
            } else {
                format!("{}: {what}", rule.name)
            }
        })
        .collect();
    let interests: Vec<String> = unique(
        d.bases
            .iter()
            .filter(|b| b.basis == crate::model::words::LawfulBasis::LegitimateInterest)
            .map(|b| b.interest.as_deref().map(plain).unwrap_or_default()),
    );
    let interests = if d
        .bases
        .iter()
        .any(|b| b.basis == crate::model::words::LawfulBasis::LegitimateInterest)
    {
        interests.join("; ")
    } else {
        "not relied on".to_owned()
    };
    let conditions: Vec<String> = unique(
        d.bases
            .iter()
            .filter_map(|b| b.special)
            .map(|c| special_condition(policy, c)),
    );
    let condition = match (special.is_empty(), conditions.is_empty()) {
        (true, _) => "not applicable (no special category data)".to_owned(),
        (false, true) => String::new(),
        (false, false) => conditions.join("; "),
    };
    let security = d
        .security
        .as_deref()
        .or(controller.and_then(|c| c.security.as_deref()))
        .map(plain)
        .unwrap_or_default();
    let none = |text: String| {
        if text.is_empty() {
            "none".to_owned()
        } else {
            text
        }
    };
    vec![
        d.name.clone(),
        controller_cell,
        none(joint.join("; ")),
        none(
            controller
                .and_then(|c| c.representative.as_ref())
                .map(|r| contact(policy.get(r)))
                .unwrap_or_default(),
        ),
        controller
            .and_then(|c| c.dpo.as_ref())
            .map(|r| contact(policy.get(r)))
            .unwrap_or_default(),
        names(d.purposes.iter().map(|p| policy.get(p).name.as_str())),
        bases.join("; "),
        interests,
        names(d.subjects.iter().map(|s| policy.get(s).name.as_str())),
        names(items.iter().map(|i| i.name.as_str())),
        none(special.join("; ")),
        condition,
        names(d.sources.iter().map(|s| policy.get(s).name.as_str())),
        none(
            recipients
                .iter()
                .map(|r| match &r.location {
                    Some(location) => format!("{} ({location})", r.name),
                    None => r.name.clone(),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        none(
            transfers
                .iter()
                .map(|t| {
                    let mut text = t.name.clone();
                    if let Some(to) = &t.to {
                        text.push_str(&format!(": to {to}"));
                    }
                    if let Some(from) = t.from {
                        text.push_str(&format!(" (from {})", region_name(from)));
                    }
                    text
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        if transfers.is_empty() {
            "not applicable (no transfers)".to_owned()
        } else {
            unique(
                transfers
                    .iter()
                    .flat_map(|t| t.safeguards.iter().map(|s| uk_safeguard(policy, *s))),
            )
            .join("; ")
        },
        retention.join("; "),
        security,
        rights(policy),
        automated(policy, d),
        d.text
            .as_deref()
            .or(d.operations.as_deref())
            .map(plain)
            .unwrap_or_else(|| names(d.purposes.iter().map(|p| policy.get(p).name.as_str()))),
    ]
}

/// An Art. 9(2) condition in words with its point; a UK-only record adds
/// that DPA 2018 s. 10 asks for a condition of its Schedule 1 with points
/// (b), (h), (i) and (j) (Part 1) and (g) (Part 2).
fn special_condition(policy: &Policy, c: Art9Condition) -> String {
    let letter = Art9Condition::ALL
        .iter()
        .position(|x| *x == c)
        .and_then(|i| "abcdefghij".chars().nth(i))
        .unwrap_or('?');
    let mut text = format!(
        "{} ({})",
        in_words(c.word()),
        cite(policy, &format!("GDPR Art. 9(2)({letter})"))
    );
    if uk_only(policy) {
        match letter {
            'b' | 'h' | 'i' | 'j' => {
                text.push_str(", with a condition of DPA 2018 Sch. 1 Part 1 (s. 10(2))")
            }
            'g' => text.push_str(", with a condition of DPA 2018 Sch. 1 Part 2 (s. 10(3))"),
            _ => {}
        }
    }
    text
}

/// The rights the notice gives under the GDPR or the UK GDPR, by name.
fn rights(policy: &Policy) -> String {
    let names: Vec<&str> = unique(
        policy
            .rights
            .iter()
            .filter(|b| {
                matches!(
                    b.jurisdiction,
                    Some(Jurisdiction::Gdpr | Jurisdiction::UkGdpr)
                )
            })
            .flat_map(|b| b.rights.iter().map(|r| r.name.as_str())),
    );
    names.join("; ")
}

/// Automated decisions and profiling for the data set's purposes: those
/// that say `yes`, "none" when every purpose says `no` to both, empty when
/// one does not say.
fn automated(policy: &Policy, d: &Dataset) -> String {
    let purposes: Vec<_> = d.purposes.iter().map(|p| policy.get(p)).collect();
    let mut yes: Vec<String> = Vec::new();
    for p in &purposes {
        if p.automated_decisions == Some(true) {
            yes.push(format!("automated decisions: {}", p.name));
        }
        if p.profiling == Some(true) {
            yes.push(format!("profiling: {}", p.name));
        }
    }
    if !yes.is_empty() {
        return yes.join("; ");
    }
    let all_no = !purposes.is_empty()
        && purposes
            .iter()
            .all(|p| p.automated_decisions == Some(false) && p.profiling != Some(true));
    if all_no {
        "none".to_owned()
    } else {
        String::new()
    }
}

/// A region in words, for a cell: "the European Economic Area", "Austria".
fn region_name(region: Region) -> &'static str {
    match region {
        Region::Eea => "the European Economic Area",
        Region::Eu => "the European Union",
        Region::Uk => "the United Kingdom",
        Region::Us => "the United States",
        Region::California => "California",
        Region::Quebec => "Quebec",
        Region::Worldwide => "anywhere",
        Region::At => "Austria",
        Region::Be => "Belgium",
        Region::Bg => "Bulgaria",
        Region::Hr => "Croatia",
        Region::Cy => "Cyprus",
        Region::Cz => "Czechia",
        Region::Dk => "Denmark",
        Region::Ee => "Estonia",
        Region::Fi => "Finland",
        Region::Fr => "France",
        Region::De => "Germany",
        Region::Gr => "Greece",
        Region::Hu => "Hungary",
        Region::Ie => "Ireland",
        Region::It => "Italy",
        Region::Lv => "Latvia",
        Region::Lt => "Lithuania",
        Region::Lu => "Luxembourg",
        Region::Mt => "Malta",
        Region::Nl => "the Netherlands",
        Region::Pl => "Poland",
        Region::Pt => "Portugal",
        Region::Ro => "Romania",
        Region::Sk => "Slovakia",
        Region::Si => "Slovenia",
        Region::Es => "Spain",
        Region::Se => "Sweden",
        Region::Is => "Iceland",
        Region::Li => "Liechtenstein",
        Region::No => "Norway",
    }
}

/// A closed-set word in words: `racial_or_ethnic_origin` is "racial or
/// ethnic origin".
fn in_words(word: &str) -> String {
    word.replace('_', " ")
}

/// Whether the controller answers to the UK GDPR only (`jurisdictions`
/// names `uk_gdpr` and not `gdpr`): its record cites the UK GDPR, whose
/// article numbers are the GDPR's.
fn uk_only(policy: &Policy) -> bool {
    policy.jurisdictions.contains(&Jurisdiction::UkGdpr)
        && !policy.jurisdictions.contains(&Jurisdiction::Gdpr)
}

/// A citation of the GDPR as the controller's law cites it.
fn cite(policy: &Policy, article: &str) -> String {
    match article.strip_prefix("GDPR ") {
        Some(rest) if uk_only(policy) => format!("UK GDPR {rest}"),
        _ => article.to_owned(),
    }
}

/// A name and the details stated, comma separated.
fn details(name: &str, parts: [&Option<String>; 4]) -> String {
    let mut all = vec![name.to_owned()];
    all.extend(parts.into_iter().flatten().cloned());
    all.join(", ")
}

fn names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.collect::<Vec<_>>().join("; ")
}

/// A safeguard as the record names it, with its article.
#[must_use]
pub fn safeguard(s: Safeguard) -> &'static str {
    match s {
        Safeguard::Adequacy => "adequacy decision (Art. 45)",
        Safeguard::Sccs => "standard contractual clauses (Art. 46(2)(c))",
        Safeguard::Bcr => "binding corporate rules (Art. 47)",
        Safeguard::Certification => "certification (Art. 46(2)(f))",
        Safeguard::CodeOfConduct => "code of conduct (Art. 46(2)(e))",
        Safeguard::Derogation => "derogation for a specific situation (Art. 49)",
        Safeguard::Idta => "UK International Data Transfer Agreement (UK GDPR Art. 46(2)(d))",
        Safeguard::UkAddendum => {
            "UK Addendum to the standard contractual clauses (UK GDPR Art. 46(2)(d))"
        }
    }
}

/// A safeguard as the controller's law cites it: under the UK GDPR an
/// adequacy finding is "adequacy regulations" (UK GDPR Art. 45(1), made
/// under DPA 2018 s. 17A).
fn uk_safeguard(policy: &Policy, s: Safeguard) -> String {
    if !uk_only(policy) {
        return safeguard(s).to_owned();
    }
    match s {
        Safeguard::Adequacy => "adequacy regulations (UK GDPR Art. 45)".to_owned(),
        Safeguard::Idta | Safeguard::UkAddendum => safeguard(s).to_owned(),
        _ => safeguard(s).replace("(Art.", "(UK GDPR Art."),
    }
}

/// `ropa.csv`: a header row, then one row per activity.
#[must_use]
pub fn csv(policy: &Policy) -> String {
    let header: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
    let mut text = csv_record(&header);
    for row in rows(policy) {
        text.push_str(&csv_record(&row));
    }
    text
}

/// `ropa.xlsx`: the same table in a workbook, the header bold with the
/// provision each column answers under it, frozen, the cells wrapped. Its
/// creation date is the policy's last update (or 2000-01-01), so that the
/// same policy gives the same bytes.
///
/// # Errors
/// The writer's own errors (a sheet name or a cell out of Excel's limits).
pub fn xlsx(policy: &Policy) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = match policy.updated {
        Some(d) => ExcelDateTime::from_ymd(d.year, d.month, d.day.unwrap_or(1))?,
        None => ExcelDateTime::from_ymd(2000, 1, 1)?,
    };
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Record of processing activities: {}", policy.title))
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold().set_text_wrap();
    let note = Format::new().set_italic().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Record of processing")?;
    for (col, (name, article)) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(0, col, name, &bold)?;
        let law = if uk_only(policy) { "UK GDPR" } else { "GDPR" };
        sheet.write_string_with_format(1, col, format!("{law} {article}"), &note)?;
        sheet.set_column_width(col, if col == 0 { 24 } else { 36 })?;
    }
    for (r, row) in (2u32..).zip(rows(policy)) {
        for (col, cell) in (0u16..).zip(row) {
            sheet.write_string_with_format(r, col, cell, &wrap)?;
        }
    }
    sheet.set_freeze_panes(2, 1)?;
    workbook.save_to_buffer()
}

text_output!(RopaCsv, "ropa.csv", Ropa, csv);

/// The `ropa.xlsx` output.
pub(crate) struct RopaXlsx;

impl OutputKind for RopaXlsx {
    fn name(&self) -> &'static str {
        "ropa.xlsx"
    }

    fn applies(&self, policy: &Policy) -> bool {
        policy.exports(crate::model::words::Export::Ropa)
    }

    fn render(&self, input: &RenderInput<'_>) -> Result<Body, TemplateError> {
        xlsx(input.policy)
            .map(Body::Binary)
            .map_err(|e| TemplateError::Render {
                name: "ropa.xlsx".to_owned(),
                report: e.to_string(),
            })
    }
}
