//! GitHub Actions workflow commands.
//!
//! ```text
//! ::error file=policy/datasets.policy,line=12,col=3,endLine=12,endColumn=9,title=candor%3A%3Aunknown-reference::...
//! ```
//!
//! Errors become `::error`, warnings `::warning`, advice `::notice`. Values
//! are escaped as the Actions runner expects: in the message `%`, CR and LF
//! become `%25`, `%0D` and `%0A`; in a property (`file`, `title`) `:` and `,`
//! become `%3A` and `%2C` as well. So each diagnostic is exactly one line.

use super::locate;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Sources;

/// One workflow command per diagnostic, each ending with a line break.
#[must_use]
pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let at = locate(d, sources);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\n\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&at.file),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            escape_property(&d.code),
            escape_data(&message),
        ));
    }
    out
}

/// Escapes a command's message.
#[must_use]
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
#[must_use]
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property};

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
        assert_eq!(escape_property("gdpr::a,b"), "gdpr%3A%3Aa%2Cb");
    }
}
