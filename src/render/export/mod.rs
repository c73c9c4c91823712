//! The files besides the notice: a record of processing, the Global
//! Privacy Control resource, a consent-banner configuration, the app
//! stores' privacy labels, a fideslang manifest, DPV linked data and the
//! IAB GPP notice fields.
//!
//! Each is an [`OutputKind`](super::OutputKind) of the registry, written only
//! when the policy asks for it (`exports ropa, gpc, consent, app_store,
//! play_data_safety, fides, dpv, gpp`), and each is a pure function of the model: no clock,
//! no hash-map order. What each one reads, and the rule that reports a
//! missing fact, is in its module:
//!
//! | export | files | module | rules |
//! |---|---|---|---|
//! | `ropa` | `ropa.csv`, `ropa.xlsx` | [`ropa`] | `structure::ropa-security`, `structure::ropa-activity` |
//! | `gpc` | `gpc.json` | [`signals`] | `structure::gpc-signals` |
//! | `consent` | `consent.json` | [`signals`] | `structure::consent-essential` |
//! | `app_store` | `app_privacy_details.json`, `PrivacyInfo.xcprivacy` | [`store`] | `structure::store-label-facts`, `structure::store-label-notice`, `structure::manifest-tracking-domains` |
//! | `play_data_safety` | `play_data_safety.csv` | [`store`] | the same, `structure::play-form-facts` |
//! | `fides` | `fides.yml` | [`fides`] | `structure::fides-facts` |
//! | `dpv` | `dpv.jsonld` | [`dpv`] | (the notice's own rules) |
//! | `gpp` | `gpp.json` | [`gpp`] | `structure::gpp-facts` |

pub mod dpv;
pub mod fides;
pub mod gpp;
pub mod ropa;
pub mod signals;
pub mod store;

use pulldown_cmark::{Event, Parser, TagEnd};

use crate::model::words::Export;

/// The export that writes a file, for the files of this module.
#[must_use]
pub fn export_of(file: &str) -> Option<Export> {
    match file {
        "ropa.csv" | "ropa.xlsx" => Some(Export::Ropa),
        "gpc.json" => Some(Export::Gpc),
        "consent.json" => Some(Export::Consent),
        "app_privacy_details.json" | "PrivacyInfo.xcprivacy" => Some(Export::AppStore),
        "play_data_safety.csv" => Some(Export::PlayDataSafety),
        "fides.yml" => Some(Export::Fides),
        "dpv.jsonld" => Some(Export::Dpv),
        "gpp.json" => Some(Export::Gpp),
        _ => None,
    }
}

/// Markdown prose as one line of plain text, for a cell or a JSON string:
/// the text of the prose with its markup dropped, paragraphs and line
/// breaks turned into spaces, runs of white space made one.
#[must_use]
pub fn plain(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One CSV record (RFC 4180), written by the `csv` crate: a field holding
/// a comma, a quote or a line break is quoted, its quotes doubled; lines
/// end in `\n`. A field starting with `=`, `+`, `-`, `@`, a TAB or a
/// carriage return gets a leading `'`, so that a spreadsheet shows it as
/// text instead of running it as a formula (OWASP, "CSV Injection").
#[must_use]
pub fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let guarded: Vec<String> = fields
        .iter()
        .map(|f| {
            let f = f.as_ref();
            if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{f}")
            } else {
                f.to_owned()
            }
        })
        .collect();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing strings into memory cannot fail.
    let _ = writer.write_record(&guarded);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Declares a text export: an [`OutputKind`](crate::render::OutputKind)
/// named `$file`, written when the policy's `exports` names `$export`,
/// rendered by `$render(&Policy) -> String`.
macro_rules! text_output {
    ($ty:ident, $file:literal, $export:ident, $render:path) => {
        #[doc = concat!("The `", $file, "` output.")]
        pub(crate) struct $ty;

        impl $crate::render::OutputKind for $ty {
            fn name(&self) -> &'static str {
                $file
            }

            fn applies(&self, policy: &$crate::model::Policy) -> bool {
                policy.exports($crate::model::words::Export::$export)
            }

            fn render(
                &self,
                input: &$crate::render::RenderInput<'_>,
            ) -> Result<$crate::render::Body, $crate::render::TemplateError> {
                Ok($crate::render::Body::Text($render(input.policy)))
            }
        }
    };
}
pub(crate) use text_output;

/// The values in order, each once.
fn unique<T: PartialEq>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Pretty JSON with a final newline.
fn json_text(value: &serde_json::Value) -> String {
    // Serialising a `Value` cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup_and_joins_lines() {
        assert_eq!(
            plain("We *keep* it\nfor `six` years.\n\nThen [delete](https://x.example) it."),
            "We keep it for six years. Then delete it."
        );
    }

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        assert_eq!(
            csv_record(&["a", "b,c", "say \"hi\"", "=SUM(A1)", ""]),
            "a,\"b,c\",\"say \"\"hi\"\"\",'=SUM(A1),\n"
        );
    }

    #[test]
    fn csv_fields_led_by_a_tab_or_a_carriage_return_are_guarded() {
        assert_eq!(
            csv_record(&["\t=1+1", "\r=1+1", "-2", "+3", "@SUM(A1)", "ok"]),
            "'\t=1+1,\"'\r=1+1\",'-2,'+3,'@SUM(A1),ok\n"
        );
    }
}
