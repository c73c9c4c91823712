//! Positions: candor counts bytes, LSP counts lines and UTF-16 code units.

use lsp_types::{Position, Range, Url};
use std::path::Path;

use crate::source::{SourceFile, Span};

/// The LSP position of a byte offset.
pub(crate) fn position(file: &SourceFile, offset: usize) -> Position {
    let offset = offset.min(file.text.len());
    let line = file.line_index(offset);
    let start = file.line_start(line);
    let character: usize = file
        .text
        .get(start..offset)
        .map_or(0, |s| s.chars().map(char::len_utf16).sum());
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

/// The LSP range of a span.
pub(crate) fn range(file: &SourceFile, span: Span) -> Range {
    Range {
        start: position(file, span.start as usize),
        end: position(file, span.end as usize),
    }
}

/// The byte offset of an LSP position (clamped to the line and the file).
pub(crate) fn offset(file: &SourceFile, position: Position) -> usize {
    let line = position.line as usize;
    let start = file.line_start(line);
    let rest = file.text.get(start..).unwrap_or("");
    let mut units = 0;
    for (i, c) in rest.char_indices() {
        if units >= position.character as usize || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    file.text.len()
}

/// The range of a whole file.
pub(crate) fn whole(file: &SourceFile) -> Range {
    Range {
        start: Position::default(),
        end: position(file, file.text.len()),
    }
}

/// A file's URI.
pub(crate) fn uri(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_round_trip() {
        let file = SourceFile::new("x".into(), "a “b” c\nd 😀 e\n");
        let e = file.text.find('e').unwrap_or_default();
        let p = position(&file, e);
        assert_eq!(p, Position::new(1, 5));
        assert_eq!(offset(&file, p), e);
        let c = file.text.find('c').unwrap_or_default();
        assert_eq!(position(&file, c), Position::new(0, 6));
        assert_eq!(
            offset(&file, Position::new(0, 99)),
            file.text.find('\n').unwrap_or_default()
        );
        assert_eq!(offset(&file, Position::new(9, 0)), file.text.len());
    }
}
