//! Diagnostics in the formats CI systems read.
//!
//! - [`sarif`]: SARIF 2.1.0, the format code scanning uploads (GitHub code
//!   scanning, GitLab, Azure DevOps). It carries the rule catalogue as the
//!   tool's `driver.rules`, so a reviewer sees each rule's summary and
//!   explanation next to the finding.
//! - [`github`]: GitHub Actions workflow commands, one line per
//!   diagnostic, which a workflow step turns into annotations on the pull
//!   request without any upload.
//!
//! Both place a diagnostic by its primary location: file, 1-based line and
//! column (in characters), end line and end column (exclusive), the same
//! numbers as the JSON report.

pub mod github;
pub mod sarif;

use crate::diagnostic::{Diagnostic, JsonDiagnostic, to_json};
use crate::source::Sources;

/// A diagnostic with its location resolved to lines and columns.
fn locate(diagnostic: &Diagnostic, sources: &Sources) -> JsonDiagnostic {
    to_json(diagnostic, sources)
}
