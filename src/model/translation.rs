//! Translations of a policy's prose (issue 22): what a `translation`
//! declaration says, and how every block of prose is addressed.
//!
//! A policy is written in one language (its `language`, English unless
//! it says otherwise) and published in the others its `languages` lists.
//! Each other language has one `translation` declaration: a parallel tree
//! that names each block of prose by its declaration and field
//! (`dataset contact_us text`), with the fingerprint of the source text it
//! was made from and the translated text:
//!
//! ```text
//! translation de {
//!   dataset contact_us name @9a0c41d2 "Kontaktanfragen"
//!   dataset contact_us text @5b1e07f3 """Wenn Sie uns schreiben, ..."""
//! }
//! ```
//!
//! The fingerprint is how a translation knows it is stale: when the source
//! text changes, its fingerprint no longer matches the one written beside
//! the translation (`check::translations`).

use super::{Block, Policy};
use crate::locale::Locale;
use crate::schema::{Declared, Translatable};
use crate::source::Span;
use crate::syntax::tree::DeclKind;

/// One language's translation of the policy's prose.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language.
    pub locale: Locale,
    /// Where its tag is written.
    pub span: Span,
    /// The translated blocks, in the order written.
    pub entries: Vec<TranslationEntry>,
}

/// One translated block of prose.
#[derive(Debug, Clone)]
pub struct TranslationEntry {
    /// The kind of the declaration the block is in.
    pub kind: DeclKind,
    /// The declaration's id.
    pub id: String,
    /// The block within it: `name`, `text`, `bases.2.interest`, ...
    pub path: String,
    /// The fingerprint of the source text it translates (hex, no `@`).
    pub fingerprint: String,
    /// Where the fingerprint is written.
    pub fingerprint_span: Span,
    /// The translation.
    pub text: String,
    /// The whole entry.
    pub span: Span,
}

/// The fingerprint of a source text, as a translation stores it: the
/// first 32 bits of the text's 64-bit FNV-1a hash, in hex. White space at
/// either end of a line does not count, so that re-indenting a prose block
/// does not make its translations stale.
#[must_use]
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut first = true;
    for line in text.trim().lines() {
        if !first {
            hash ^= u64::from(b'\n');
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        first = false;
        for byte in line.trim().bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", hash >> 32)
}

/// The language a policy's own prose is written in: its `language`, when
/// candor has a catalogue for it, else English.
#[must_use]
pub fn source_locale(policy: &Policy) -> Locale {
    policy
        .language
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or(Locale::En)
}

/// One block of prose of the source, as a translation addresses it.
#[derive(Debug, Clone)]
pub struct SourceBlock {
    /// The kind of its declaration (for a `processing` declaration, the
    /// data sets' kind it shares ids with).
    pub kind: DeclKind,
    /// The declaration's id.
    pub id: String,
    /// The block: `name`, `text`, `bases.1.interest`, ...
    pub path: String,
    /// Its text.
    pub text: String,
    /// Where the declaration's id is written.
    pub span: Span,
}

/// Calls `f` with every block of prose a translation replaces: each
/// declaration's display name and prose fields, the policy's title and
/// text, each section's heading and texts. The names of the controller and
/// of vendors are proper names, never translated.
pub fn each_block_mut(
    policy: &mut Policy,
    f: &mut dyn FnMut(DeclKind, &str, &str, Span, &mut String),
) {
    let id = policy.id.clone();
    f(
        DeclKind::Policy,
        &id,
        "name",
        policy.span,
        &mut policy.title,
    );
    if let Some(text) = &mut policy.text {
        f(DeclKind::Policy, &id, "text", policy.span, text);
    }
    fn each<T: Translatable + Declared>(
        list: &mut [T],
        id: impl Fn(&T) -> (String, Span),
        proper_name: bool,
        f: &mut dyn FnMut(DeclKind, &str, &str, Span, &mut String),
    ) {
        for decl in list {
            let (decl_id, span) = id(decl);
            decl.each_block_mut(&mut |path, text| {
                if !(proper_name && path == "name") {
                    f(T::KIND, &decl_id, path, span, text);
                }
            });
        }
    }
    macro_rules! lists {
        ($($list:ident: $proper:expr),* $(,)?) => {
            $( each(&mut policy.$list, |d| (d.id.clone(), d.span), $proper, f); )*
        };
    }
    if let Some(controller) = &mut policy.controller {
        each(
            std::slice::from_mut(controller),
            |d| (d.id.clone(), d.span),
            true,
            f,
        );
    }
    lists!(
        contacts: false,
        items: false,
        subjects: false,
        sources: false,
        methods: false,
        purposes: false,
        datasets: false,
        recipients: false,
        vendors: true,
        cookies: false,
        transfers: false,
        rights: false,
        retention: false,
        children: false,
        ccpa: false,
        definitions: false,
    );
    // Plain-text fields a page prints that are not prose: where a
    // recipient or vendor is, where a transfer goes, how long a cookie
    // lasts.
    let mut plain =
        |kind: DeclKind, id: &str, path: &str, span: Span, text: &mut Option<String>| {
            if let Some(text) = text {
                f(kind, id, path, span, text);
            }
        };
    for r in &mut policy.recipients {
        plain(
            DeclKind::Recipient,
            &r.id,
            "location",
            r.span,
            &mut r.location,
        );
    }
    for v in &mut policy.vendors {
        plain(DeclKind::Vendor, &v.id, "location", v.span, &mut v.location);
    }
    for t in &mut policy.transfers {
        plain(DeclKind::Transfer, &t.id, "to", t.span, &mut t.to);
    }
    for c in &mut policy.cookies {
        plain(DeclKind::Cookie, &c.id, "duration", c.span, &mut c.duration);
    }
    for section in &mut policy.sections {
        let span = section.span;
        if let Some(heading) = &mut section.heading {
            f(DeclKind::Section, &section.id, "name", span, heading);
        }
        let mut n = 0;
        for block in &mut section.blocks {
            if let Block::Text {
                markdown,
                span: text_span,
            } = block
            {
                n += 1;
                let path = format!("text.{n}");
                f(DeclKind::Section, &section.id, &path, *text_span, markdown);
            }
        }
    }
}

/// Every block of prose of the source, in the order of the policy.
#[must_use]
pub fn source_blocks(policy: &Policy) -> Vec<SourceBlock> {
    let mut copy = policy.clone();
    let mut blocks = Vec::new();
    each_block_mut(&mut copy, &mut |kind, id, path, span, text| {
        if !text.trim().is_empty() {
            blocks.push(SourceBlock {
                kind,
                id: id.to_owned(),
                path: path.to_owned(),
                text: text.clone(),
                span,
            });
        }
    });
    blocks
}

/// Whether an entry written with `kind` addresses a block of `block_kind`:
/// `processing` and `dataset` share their ids, as do `third_party` and
/// `recipient`.
#[must_use]
pub fn same_kind(kind: DeclKind, block_kind: DeclKind) -> bool {
    let namespace = |k: DeclKind| crate::schema::kind(k).map_or(k, |s| s.namespace);
    namespace(kind) == namespace(block_kind)
}

/// The policy as a language reads it: every block that language's
/// translation holds replaces the source's text. A block without a
/// translation keeps the source's text (`check::translations` reports it).
#[must_use]
pub fn translated(policy: &Policy, locale: Locale) -> Policy {
    let mut copy = policy.clone();
    let Some(translation) = policy.translations.iter().find(|t| t.locale == locale) else {
        return copy;
    };
    each_block_mut(&mut copy, &mut |kind, id, path, _, text| {
        if let Some(entry) = translation
            .entries
            .iter()
            .find(|e| same_kind(e.kind, kind) && e.id == id && e.path == path)
        {
            text.clone_from(&entry.text);
        }
    });
    copy
}

/// What a language's translation needs before it can be published.
#[derive(Debug, Clone)]
pub enum Needs<'p> {
    /// A block has no translation.
    Missing {
        /// The language.
        locale: Locale,
        /// The block.
        block: SourceBlock,
    },
    /// A translation was made from an earlier text of its block.
    Stale {
        /// The language.
        locale: Locale,
        /// The block, as it is now.
        block: SourceBlock,
        /// The translation.
        entry: &'p TranslationEntry,
    },
}

/// Every missing and stale translation of the languages the policy
/// publishes besides its source's, language by language, in the order of
/// the policy's blocks.
#[must_use]
pub fn needs_work(policy: &Policy) -> Vec<Needs<'_>> {
    let source = source_locale(policy);
    let blocks = source_blocks(policy);
    let mut out = Vec::new();
    for &locale in policy.languages.iter().filter(|l| **l != source) {
        let translation = policy.translations.iter().find(|t| t.locale == locale);
        for block in &blocks {
            let entry = translation.and_then(|t| {
                t.entries.iter().find(|e| {
                    same_kind(e.kind, block.kind) && e.id == block.id && e.path == block.path
                })
            });
            match entry {
                None => out.push(Needs::Missing {
                    locale,
                    block: block.clone(),
                }),
                Some(entry) if entry.fingerprint != fingerprint(&block.text) => {
                    out.push(Needs::Stale {
                        locale,
                        block: block.clone(),
                        entry,
                    });
                }
                Some(_) => {}
            }
        }
    }
    out
}

/// The languages as words of the policy language: `languages en, de, fr`.
impl super::words::Word for Locale {
    const WHAT: &'static str = "language";
    const WORDS: &'static [&'static str] = &["en", "de", "fr", "es", "it", "nl", "pt"];

    fn from_word(word: &str) -> Option<Self> {
        Locale::ALL.into_iter().find(|l| l.tag() == word)
    }

    fn word(self) -> &'static str {
        self.tag()
    }
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn fingerprints_are_stable_and_ignore_indentation() {
        assert_eq!(fingerprint("We collect"), fingerprint("  We collect\n"));
        assert_eq!(fingerprint("a\n  b"), fingerprint("a\nb"));
        assert_ne!(fingerprint("We collect"), fingerprint("We collected"));
        assert_eq!(fingerprint("We collect").len(), 8);
        // The same bytes on every platform and every run.
        assert_eq!(fingerprint(""), "cbf29ce4");
    }
}
