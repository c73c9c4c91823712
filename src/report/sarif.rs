//! SARIF 2.1.0 output, for code scanning.
//!
//! One run, whose tool driver is candor with its rule catalogue: the codes
//! of the compiler itself (syntax, unknown names, ...) followed by the legal
//! rules of [`crate::check::rules`]. Each diagnostic is a result naming its
//! rule by id and index, with a level (`error`, `warning`, `note`), its
//! message (and help), its primary location as a physical location with a
//! region, and its related places as related locations. Columns count
//! Unicode code points, as the run's `columnKind` says.
//!
//! The output validates against the OASIS SARIF 2.1.0 schema, which is kept
//! in `tests/fixtures/sarif-schema-2.1.0.json` and checked by the tests.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Sources, Span};

/// The schema a SARIF log names.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// A rule of the catalogue, as SARIF describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable code.
    pub code: String,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: String,
    /// The longer explanation, when the rule has one.
    pub explanation: Option<String>,
    /// The provision of law, when the rule has one.
    pub citation: Option<String>,
}

/// Every code candor can report ([`crate::check::codes::all`]): the
/// compiler's codes, then the legal rules with their explanation and
/// citation.
#[must_use]
pub fn catalogue() -> Vec<RuleInfo> {
    crate::check::codes::all()
        .map(|code| {
            let rule = crate::check::find(code.name);
            RuleInfo {
                code: code.name.to_owned(),
                severity: code.severity,
                summary: code.summary.to_owned(),
                explanation: rule.map(|r| r.explanation.to_owned()),
                citation: rule.map(|r| r.citation.to_owned()),
            }
        })
        .collect()
}

// ─── The SARIF shapes (only what candor fills in) ─────────────────────────

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: String,
    short_description: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Message>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// The SARIF level of a severity.
#[must_use]
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

/// The SARIF log of a run, pretty-printed, ending with a line break.
#[must_use]
pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut rules = catalogue();
    for d in diagnostics {
        // A code the catalogue does not list still gets a rule entry, so
        // that every result's rule index is valid.
        if !rules.iter().any(|r| r.code == d.code) {
            rules.push(RuleInfo {
                code: d.code.clone(),
                severity: d.severity,
                summary: d.code.clone(),
                explanation: None,
                citation: None,
            });
        }
    }
    let results = diagnostics
        .iter()
        .map(|d| {
            let rule_index = rules.iter().position(|r| r.code == d.code).unwrap_or(0);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\n\nhelp: ");
                text.push_str(help);
            }
            SarifResult {
                rule_id: d.code.clone(),
                rule_index,
                level: level(d.severity),
                message: Message { text },
                locations: vec![location(sources, d.primary.span, None, None)],
                related_locations: d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, label)| {
                        let message = label.message.clone().map(|text| Message { text });
                        location(sources, label.span, Some(i + 1), message)
                    })
                    .collect(),
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "candor",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: rules.iter().map(descriptor).collect(),
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

fn descriptor(rule: &RuleInfo) -> ReportingDescriptor {
    let family = rule
        .code
        .split_once("::")
        .map_or(rule.code.as_str(), |(f, _)| f);
    let help = match (&rule.explanation, &rule.citation) {
        (Some(e), Some(c)) => Some(Message {
            text: format!(
                "{e}\n\nLaw: {c}\n\nRun `candor explain {}` for an example and its fix.",
                rule.code
            ),
        }),
        (Some(e), None) => Some(Message { text: e.clone() }),
        _ => None,
    };
    ReportingDescriptor {
        id: rule.code.clone(),
        short_description: Message {
            text: rule.summary.clone(),
        },
        full_description: rule.explanation.clone().map(|text| Message { text }),
        help,
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            tags: vec![family.to_owned()],
        },
    }
}

fn location(
    sources: &Sources,
    span: Span,
    id: Option<usize>,
    message: Option<Message>,
) -> Location {
    let file = sources.get(span.file);
    let (start_line, start_column) = file.line_col(span.start as usize);
    let (end_line, end_column) = file.line_col(span.end as usize);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri(&file.display_path()),
            },
            region: Region {
                start_line,
                start_column,
                end_line,
                end_column,
            },
        },
        message,
    }
}

/// A file path as a URI reference: relative paths stay relative (code
/// scanning resolves them against the repository root), absolute ones become
/// `file://` URIs; characters outside the URI's unreserved set are
/// percent-encoded.
#[must_use]
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    let absolute = path.starts_with('/');
    let windows_drive = path.as_bytes().get(1) == Some(&b':');
    if absolute {
        out.push_str("file://");
    } else if windows_drive {
        out.push_str("file:///");
    }
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            b':' if windows_drive => out.push(':'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("policy/data sets.policy"), "policy/data%20sets.policy");
        assert_eq!(
            uri("/home/a/policy/x.policy"),
            "file:///home/a/policy/x.policy"
        );
        assert_eq!(uri("C:/p/x.policy"), "file:///C:/p/x.policy");
        assert_eq!(
            uri("politique/données.policy"),
            "politique/donn%C3%A9es.policy"
        );
    }
}
