//! Every code candor reports, in one list: the compiler's own (the
//! language's mistakes) and the legal rules' (from the rule catalogue).
//!
//! Settings (`--deny`, `rules { allow ... }`), SARIF's rule list, `candor
//! rules` and `candor explain` all read `crate::check::codes::all` (which
//! adds the rules to [`CORE`] where both are known), so a code one of them
//! accepts is a code all of them know.

use super::Severity;

/// A diagnostic code with its default severity and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The stable code: `candor::unknown-reference`, `gdpr::consent-withdrawal`.
    pub name: &'static str,
    /// Its severity unless configured otherwise.
    pub severity: Severity,
    /// One line: what it reports.
    pub summary: &'static str,
}

impl Code {
    const fn core(name: &'static str, severity: Severity, summary: &'static str) -> Self {
        Code {
            name,
            severity,
            summary,
        }
    }

    /// Whether it is one of the compiler's own codes (the language, not the
    /// law): those errors cannot be allowed or lowered.
    #[must_use]
    pub fn is_core(self) -> bool {
        CORE.iter().any(|c| c.name == self.name)
    }
}

impl PartialEq<Code> for String {
    fn eq(&self, code: &Code) -> bool {
        self == code.name
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, code: &Code) -> bool {
        *self == code.name
    }
}

impl From<Code> for String {
    fn from(code: Code) -> String {
        code.name.to_owned()
    }
}

/// The text does not follow the grammar.
pub const SYNTAX: Code = Code::core(
    "candor::syntax",
    Severity::Error,
    "the text does not follow the grammar of the policy language",
);
/// An escape sequence the language does not know.
pub const BAD_ESCAPE: Code = Code::core(
    "candor::invalid-escape",
    Severity::Error,
    "a string holds an escape sequence the language does not know",
);
/// A file that is not UTF-8.
pub const NOT_UTF8: Code = Code::core(
    "candor::not-utf8",
    Severity::Error,
    "a policy file is not UTF-8 text",
);
/// A field or declaration keyword the language does not know.
pub const UNKNOWN_KEYWORD: Code = Code::core(
    "candor::unknown-keyword",
    Severity::Error,
    "a field or declaration keyword the language does not know",
);
/// A name that is not declared.
pub const UNKNOWN_REFERENCE: Code = Code::core(
    "candor::unknown-reference",
    Severity::Error,
    "a reference to a name that is not declared",
);
/// A name that declarations of two kinds share, where either would do.
pub const AMBIGUOUS_REFERENCE: Code = Code::core(
    "candor::ambiguous-reference",
    Severity::Error,
    "a reference to a name that two kinds of declaration share, where either would do",
);
/// A declaration of the wrong kind.
pub const WRONG_KIND: Code = Code::core(
    "candor::wrong-kind",
    Severity::Error,
    "a reference to a declaration of the wrong kind",
);
/// Two declarations of one kind with the same id.
pub const DUPLICATE_ID: Code = Code::core(
    "candor::duplicate-id",
    Severity::Error,
    "two declarations of one kind have the same id",
);
/// A field given twice.
pub const DUPLICATE_FIELD: Code = Code::core(
    "candor::duplicate-field",
    Severity::Error,
    "a field given twice where it may appear once",
);
/// A word outside its closed set, a bad date or number.
pub const INVALID_VALUE: Code = Code::core(
    "candor::invalid-value",
    Severity::Error,
    "a word outside its closed set, or a bad date or number",
);
/// A required field or name is missing.
pub const MISSING_FIELD: Code = Code::core(
    "candor::missing-field",
    Severity::Error,
    "a required field or name is missing",
);
/// A declaration nothing uses.
pub const UNUSED: Code = Code::core(
    "candor::unused",
    Severity::Warning,
    "a declaration that nothing uses",
);
/// A rule setting that names no rule.
pub const UNKNOWN_RULE: Code = Code::core(
    "candor::unknown-rule",
    Severity::Error,
    "a rule setting names a rule candor does not know",
);
/// An `allow` without a written reason.
pub const ALLOW_WITHOUT_REASON: Code = Code::core(
    "candor::allow-without-reason",
    Severity::Error,
    "a rule is allowed without a written reason",
);
/// `fmt` produced text that does not parse back (a bug in candor).
pub const FMT_INTERNAL: Code = Code::core(
    "candor::fmt-internal",
    Severity::Error,
    "the formatter produced text that does not read back the same (a bug in candor)",
);

/// The compiler's own codes, in the order `candor rules` lists them.
pub static CORE: &[Code] = &[
    SYNTAX,
    BAD_ESCAPE,
    NOT_UTF8,
    UNKNOWN_KEYWORD,
    UNKNOWN_REFERENCE,
    AMBIGUOUS_REFERENCE,
    WRONG_KIND,
    DUPLICATE_ID,
    DUPLICATE_FIELD,
    INVALID_VALUE,
    MISSING_FIELD,
    UNUSED,
    UNKNOWN_RULE,
    ALLOW_WITHOUT_REASON,
    FMT_INTERNAL,
];

/// The pseudo-code that `deny warnings` and `warn warnings` act on.
pub const WARNINGS: &str = "warnings";
