//! Translations (issue 22): every language the policy is published in has
//! every block of prose translated, from the current source text; a
//! business established in Quebec, or serving people there, publishes its
//! notice in French; and a business subject to the CCPA publishes its
//! notice in every language it uses with consumers in California.
//!
//! The blocks and their addresses are those of
//! [`crate::model::translation::source_blocks`]; a translation stores the
//! fingerprint of the source text it was made from
//! ([`crate::model::translation::fingerprint`]), so that a changed source
//! shows which translations to review, as translation tools do.

use crate::diagnostic::Diagnostic;
use crate::locale::Locale;
use crate::model::translation::{
    SourceBlock, fingerprint, same_kind, source_blocks, source_locale,
};
use crate::model::words::Region;

use super::context::Ctx;
use super::{Rule, finding, rule};

pub(super) const RULES: &[Rule] = &[
    rule!(structure::"translation-missing", Error,
        summary: "every block of prose has a translation in each language the notice is published in",
        citation: "GDPR Art. 12(1); EDPB Guidelines on transparency (WP260 rev.01), para. 13",
        since: "always",
        explanation: "\
    A notice published in several languages (`languages en, de, fr`) prints, on each language's \
    page, the catalogue's own words in that language and the policy's prose from its \
    `translation` of that language. A block without a translation would print the source's words \
    in the middle of the translated page: a reader who chose German reads a paragraph in English. \
    Art. 12(1) asks for information in clear and plain language, which the EDPB reads as \
    translated into the languages of the audience a controller targets. The finding names the \
    block and the language; `candor translations` lists every missing block with the line to add.",
        check: missing,
    ),
    rule!(structure::"translation-stale", Warning,
        summary: "a translation was made from the current text of its source block",
        citation: "GDPR Art. 12(1), Art. 13(3)",
        since: "always",
        explanation: "\
    Each translated block stores the fingerprint of the source text it translates \
    (`dataset contact_us text @5b1e07f3 \"\"\"...\"\"\"`). When the source text changes, the \
    translation may still say last year's facts: the finding points at the translation whose \
    fingerprint no longer matches. Review the translation, then mark it reviewed with \
    `candor translations --stamp`, which writes the current fingerprints.",
        check: stale,
    ),
    rule!(structure::"translation-orphan", Warning,
        summary: "a translated block names a block of prose the policy has",
        citation: "GDPR Art. 12(1)",
        since: "always",
        explanation: "\
    A translation entry addresses a block by the kind and id of its declaration and the block \
    within it (`dataset contact_us text`, `section intro text.2`, `purpose marketing bases.1.interest`). \
    One that names no block of the policy (a renamed id, a removed paragraph, a typo) is never \
    printed, and the block it was meant for is reported missing.",
        check: orphan,
    ),
    rule!(structure::"translation-undeclared", Warning,
        summary: "a translation is of a language the policy publishes",
        citation: "GDPR Art. 12(1)",
        since: "always",
        explanation: "\
    A `translation` of a language the policy's `languages` does not list is never published: \
    list the language (`languages en, de`) or remove the translation.",
        check: undeclared,
    ),
    rule!(structure::"quebec-french", Warning,
        summary: "a business established in Quebec, or serving people there, publishes its notice in French",
        citation: "Charter of the French Language, CQLR c. C-11, s. 52; Act respecting the protection of personal information in the private sector, CQLR c. P-39.1, s. 8.2",
        since: "always",
        explanation: "\
    An enterprise carrying on business in Quebec publishes a confidentiality policy on its website \
    (CQLR c. P-39.1, s. 8.2, in force since 22 September 2023), and the Charter of the French \
    Language asks that its catalogues, brochures and similar publications be drawn up in French \
    (s. 52). candor reads the fact from the controller: `established quebec`, or `serves quebec` \
    for a business outside Quebec that offers its goods or services to people there (whether the \
    Charter reaches such a business is for a Quebec lawyer to confirm: the finding says which \
    fact it read). The notice must then be written in French (`language \"fr\"`) or list French \
    among its `languages`. A translation beside it may stay.",
        check: quebec_french,
    ),
    rule!(ccpa::"notice-languages", Warning,
        summary: "the notice is available in every language the business uses with consumers in California",
        citation: "Cal. Code Regs. tit. 11, §7003(b)(2), §7011",
        since: "2023-03-29",
        explanation: "\
    The CCPA regulations ask that the privacy policy and the other notices \"be available in the \
    languages in which the business in its ordinary course provides contracts, disclaimers, sale \
    announcements, and other information to consumers in California\" (§7003(b)(2)). Only the \
    business knows those languages: the controller states them \
    (`consumer_languages en, es`), and each must be among the notice's `languages` (with its \
    `translation`, which `structure::translation-missing` checks). A language candor does not \
    write (`zh`, `tl`, `vi`, `ko`, ...) is reported too: publish a translation made outside \
    candor and record it with `allow ccpa::notice-languages \"...\"` in the policy's `rules`, \
    saying where it is. When the fact is not stated, the rule says nothing: the duty follows the \
    business's practice, which the policy does not state, and the notice prints no claim about \
    it; stating `consumer_languages en` makes an English-only notice a checked fact.",
        check: notice_languages,
    ),
];

/// The languages besides the source's that the policy is published in.
fn translated_languages(ctx: &Ctx<'_>) -> Vec<Locale> {
    let source = source_locale(ctx.policy);
    ctx.policy
        .languages
        .iter()
        .copied()
        .filter(|l| *l != source)
        .collect()
}

/// How a block is written in a translation entry.
fn address(block: &SourceBlock) -> String {
    format!("{} {} {}", block.kind.keyword(), block.id, block.path)
}

fn missing(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let languages = translated_languages(ctx);
    if languages.is_empty() {
        return;
    }
    let blocks = source_blocks(ctx.policy);
    for locale in languages {
        let translation = ctx.policy.translations.iter().find(|t| t.locale == locale);
        for block in &blocks {
            let found = translation.is_some_and(|t| {
                t.entries.iter().any(|e| {
                    same_kind(e.kind, block.kind) && e.id == block.id && e.path == block.path
                })
            });
            if found {
                continue;
            }
            out.push(
                finding(
                    block.span,
                    format!(
                        "`{}` has no `{locale}` translation: the {} page would print it untranslated",
                        address(block),
                        locale.endonym()
                    ),
                )
                .with_label(format!("not translated into `{locale}`"))
                .with_help(format!(
                    "add `{} @{} \"...\"` to `translation {locale}` (`candor translations` lists every missing block)",
                    address(block),
                    fingerprint(&block.text)
                )),
            );
        }
    }
}

fn stale(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.policy.translations.is_empty() {
        return;
    }
    let blocks = source_blocks(ctx.policy);
    for translation in &ctx.policy.translations {
        for entry in &translation.entries {
            let Some(block) = blocks.iter().find(|b| {
                same_kind(entry.kind, b.kind) && entry.id == b.id && entry.path == b.path
            }) else {
                continue;
            };
            let current = fingerprint(&block.text);
            if entry.fingerprint != current {
                out.push(
                    finding(
                        entry.fingerprint_span,
                        format!(
                            "the `{}` translation of `{}` was made from an earlier text of it",
                            translation.locale,
                            address(block)
                        ),
                    )
                    .with_label(format!(
                        "made from `@{}`, the source is now `@{current}`",
                        entry.fingerprint
                    ))
                    .with_secondary(block.span, "the source block")
                    .with_help(
                        "review the translation against the source, then mark it reviewed with `candor translations --stamp`",
                    ),
                );
            }
        }
    }
}

fn orphan(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.policy.translations.is_empty() {
        return;
    }
    let blocks = source_blocks(ctx.policy);
    for translation in &ctx.policy.translations {
        for entry in &translation.entries {
            let exists = blocks
                .iter()
                .any(|b| same_kind(entry.kind, b.kind) && entry.id == b.id && entry.path == b.path);
            if exists {
                continue;
            }
            let same_decl: Vec<&str> = blocks
                .iter()
                .filter(|b| same_kind(entry.kind, b.kind) && entry.id == b.id)
                .map(|b| b.path.as_str())
                .collect();
            let help = if same_decl.is_empty() {
                format!(
                    "the policy has no {} `{}`; translate a declaration it has, or remove the entry",
                    entry.kind.keyword(),
                    entry.id
                )
            } else {
                format!(
                    "its blocks are {}",
                    same_decl
                        .iter()
                        .map(|p| format!("`{p}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            out.push(
                finding(
                    entry.span,
                    format!(
                        "`{} {} {}` names no block of prose of the policy",
                        entry.kind.keyword(),
                        entry.id,
                        entry.path
                    ),
                )
                .with_label("translates nothing")
                .with_help(help),
            );
        }
    }
}

fn undeclared(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let languages = translated_languages(ctx);
    for translation in &ctx.policy.translations {
        if languages.contains(&translation.locale) {
            continue;
        }
        out.push(
            finding(
                translation.span,
                format!(
                    "the policy translates its prose into `{}` but does not publish that language",
                    translation.locale
                ),
            )
            .with_label("not in `languages`")
            .with_help(format!(
                "list it in the policy: `languages {}, {}`",
                source_locale(ctx.policy),
                translation.locale
            )),
        );
    }
}

fn quebec_french(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(controller) = &ctx.policy.controller else {
        return;
    };
    let established = controller.established.contains(&Region::Quebec);
    let serves = controller.serves.contains(&Region::Quebec);
    if !established && !serves {
        return;
    }
    let french =
        source_locale(ctx.policy) == Locale::Fr || ctx.policy.languages.contains(&Locale::Fr);
    if french {
        return;
    }
    let (at, message, label) = if established {
        (
            controller.spans.established,
            "the business is established in Quebec, but its notice is not published in French",
            "established in Quebec",
        )
    } else {
        (
            controller.spans.serves,
            "the business serves people in Quebec, but its notice is not published in French",
            "serves Quebec",
        )
    };
    out.push(
        finding(at.unwrap_or(controller.span), message)
            .with_label(label)
            .with_secondary(ctx.policy.span, "no French among the notice's languages")
            .with_help(format!(
                "publish it in French: `languages {}, fr` and a `translation fr` (or write it in French with `language \"fr\"`)",
                source_locale(ctx.policy)
            )),
    );
}

fn notice_languages(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(controller) = &ctx.policy.controller else {
        return;
    };
    if controller.consumer_languages.is_empty() {
        return;
    }
    let source = source_locale(ctx.policy);
    let published = |l: Locale| l == source || ctx.policy.languages.contains(&l);
    let at = controller
        .spans
        .consumer_languages
        .unwrap_or(controller.span);
    let mut listed: Vec<Locale> = vec![source];
    listed.extend(
        ctx.policy
            .languages
            .iter()
            .copied()
            .filter(|l| *l != source),
    );
    for tag in &controller.consumer_languages {
        let locale = Locale::from_tag(tag).filter(|l| l.tag() == tag);
        if locale.is_some_and(published) {
            continue;
        }
        let finding = match locale {
            Some(locale) => {
                let mut with = listed.clone();
                with.push(locale);
                let tags = with.iter().map(|l| l.tag()).collect::<Vec<_>>().join(", ");
                finding(
                    at,
                    format!(
                        "the business gives consumers information in `{tag}`, but its notice is not published in `{tag}` ({})",
                        locale.endonym()
                    ),
                )
                .with_label(format!("`{tag}` used with consumers"))
                .with_secondary(ctx.policy.span, "not among the notice's languages")
                .with_help(format!(
                    "publish the notice in it: `languages {tags}` and a `translation {tag}` (`candor translations` lists the blocks to translate)"
                ))
            }
            None => finding(
                at,
                format!(
                    "the business gives consumers information in `{tag}`, a language candor does not write, and no notice in it is recorded"
                ),
            )
            .with_label(format!("`{tag}` used with consumers"))
            .with_help(format!(
                "candor writes {}: publish a `{tag}` translation of the notice made outside candor, and record where it is with `allow ccpa::notice-languages \"...\"` in the policy's `rules`",
                Locale::known()
            )),
        };
        out.push(finding);
    }
}
