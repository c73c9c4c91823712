//! Turning the text of strings and prose blocks into values.

/// Removes the line break after the opening `"""`, the line break and
/// indentation before the closing `"""`, and the indentation that all
/// non-blank lines share. Prose is Markdown, where four leading spaces make a
/// code block: without this, indenting prose with its block would change it.
#[must_use]
pub fn dedent(raw: &str) -> String {
    let mut lines: Vec<&str> = raw.split('\n').collect();
    if lines.len() > 1 && lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(raw.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = if line.trim().is_empty() {
            ""
        } else {
            line.get(indent..).unwrap_or(line)
        };
        out.push_str(body.trim_end());
    }
    if lines.len() == 1 {
        out.trim().to_owned()
    } else {
        out
    }
}

/// An escape sequence the language does not know, at this byte offset of the
/// string's inner text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadEscape {
    /// Offset of the backslash within the inner text.
    pub offset: usize,
    /// The sequence, e.g. `\q`.
    pub sequence: String,
}

/// Resolves `\"`, `\\`, `\n` and `\t`. Unknown escapes are kept as written
/// and reported.
#[must_use]
pub fn unescape(inner: &str) -> (String, Vec<BadEscape>) {
    let mut out = String::with_capacity(inner.len());
    let mut bad = Vec::new();
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, 'n')) => out.push('\n'),
            Some((_, 't')) => out.push('\t'),
            Some((_, other)) => {
                bad.push(BadEscape {
                    offset: i,
                    sequence: format!("\\{other}"),
                });
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    (out, bad)
}

#[cfg(test)]
mod tests {
    use super::{dedent, unescape};

    #[test]
    fn dedent_removes_common_indentation_and_edge_lines() {
        let raw = "\n    First line.\n\n      indented more\n    last\n  ";
        assert_eq!(dedent(raw), "First line.\n\n  indented more\nlast");
    }

    #[test]
    fn dedent_trims_one_line_prose() {
        assert_eq!(dedent("  one line  "), "one line");
    }

    #[test]
    fn unescape_known_and_unknown() {
        let (s, bad) = unescape(r#"a \"b\" \\ \q"#);
        assert_eq!(s, r#"a "b" \ \q"#);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].sequence, "\\q");
    }
}
