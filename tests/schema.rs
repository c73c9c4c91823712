//! The schema (`src/schema/`) is the one list of the language's kinds and
//! fields. The grammar and the docs are written by hand for people to
//! read; these tests prove they say the same as the schema.

use std::collections::{BTreeMap, BTreeSet};

use candor::schema::{self, KINDS};
use pest_meta::ast::{Expr, Rule};
use pest_meta::parser::{self, Rule as MetaRule};

fn grammar() -> BTreeMap<String, Expr> {
    let text = std::fs::read_to_string("grammar/policy.pest").expect("the grammar is readable");
    let pairs = parser::parse(MetaRule::grammar_rules, &text).expect("the grammar parses");
    let rules: Vec<Rule> = parser::consume_rules(pairs).expect("the grammar is valid");
    rules.into_iter().map(|r| (r.name, r.expr)).collect()
}

/// The names of the rules an expression refers to.
fn idents(expr: &Expr) -> Vec<String> {
    expr.iter_top_down()
        .filter_map(|e| match e {
            Expr::Ident(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// The keywords a `*_kw` rule accepts: each `kw_x` rule is `"x" ~ !ident_char`.
fn keywords(grammar: &BTreeMap<String, Expr>, kw_rule: &str) -> BTreeSet<String> {
    let expr = grammar
        .get(kw_rule)
        .unwrap_or_else(|| panic!("the grammar has no rule `{kw_rule}`"));
    idents(expr)
        .into_iter()
        .filter(|name| name.starts_with("kw_"))
        .map(|kw| literal(grammar, &kw))
        .collect()
}

fn literal(grammar: &BTreeMap<String, Expr>, rule: &str) -> String {
    grammar[rule]
        .iter_top_down()
        .find_map(|e| match e {
            Expr::Str(s) => Some(s),
            _ => None,
        })
        .unwrap_or_else(|| panic!("`{rule}` has no literal"))
}

/// The `*_kw` rule behind a declaration rule: `dataset_decl` reads
/// `dataset_field`, whose keywords are `dataset_kw`.
fn field_keywords(grammar: &BTreeMap<String, Expr>, decl_rule: &str) -> BTreeSet<String> {
    let decl = grammar
        .get(decl_rule)
        .unwrap_or_else(|| panic!("the grammar has no rule `{decl_rule}`"));
    let field_rule = idents(decl)
        .into_iter()
        .find(|name| {
            name.ends_with("_field") || name == "rule_setting" || name == "translation_entry"
        })
        .unwrap_or_else(|| panic!("`{decl_rule}` reads no fields"));
    if field_rule == "translation_entry" {
        // A translation's entries start with the kind of the declaration
        // they translate, not with keywords of their own.
        return BTreeSet::new();
    }
    if field_rule == "rule_setting" {
        return keywords(grammar, "rule_setting");
    }
    keywords(grammar, &field_rule.replace("_field", "_kw"))
}

#[test]
fn the_grammar_declares_the_kinds_of_the_schema() {
    let grammar = grammar();
    let in_grammar = keywords(&grammar, "decl_kw");
    let in_schema: BTreeSet<String> = KINDS.iter().map(|k| k.keyword.to_owned()).collect();
    assert_eq!(in_grammar, in_schema);
}

#[test]
fn the_grammar_reads_the_fields_of_the_schema() {
    let grammar = grammar();
    for spec in KINDS {
        let in_grammar = field_keywords(&grammar, &format!("{}_decl", spec.keyword));
        let in_schema: BTreeSet<String> = spec
            .written_fields()
            .map(|f| f.keyword.to_owned())
            .collect();
        assert_eq!(
            in_grammar, in_schema,
            "the fields of `{}` differ between grammar/policy.pest (left) and the schema (right)",
            spec.keyword
        );
    }
    for (block, kw_rule) in [("basis", "basis_kw"), ("right", "right_kw")] {
        let in_schema: BTreeSet<String> = schema::block(block)
            .expect("a block the schema knows")
            .iter()
            .map(|f| f.keyword.to_owned())
            .collect();
        assert_eq!(
            keywords(&grammar, kw_rule),
            in_schema,
            "the `{block}` block"
        );
    }
}

#[test]
fn the_docs_hold_the_schema_field_tables() {
    let path = "docs/language.md";
    let text = std::fs::read_to_string(path).expect("the docs are readable");
    let (begin, end) = ("<!-- schema:begin -->\n", "<!-- schema:end -->");
    let start = text.find(begin).expect("the docs mark where the tables go") + begin.len();
    let stop = text.find(end).expect("the docs mark where the tables end");
    let expected = schema::field_tables();
    if text[start..stop] != expected {
        if std::env::var_os("CANDOR_UPDATE_DOCS").is_some() {
            let updated = format!("{}{expected}{}", &text[..start], &text[stop..]);
            std::fs::write(path, updated).expect("the docs are writable");
        } else {
            panic!(
                "docs/language.md's field tables differ from the schema; \
                 run `CANDOR_UPDATE_DOCS=1 cargo test --test integration schema::` and review the change"
            );
        }
    }
}

#[test]
fn every_field_has_a_label_and_a_doc_line() {
    for spec in KINDS {
        for field in spec.fields {
            assert!(
                !field.doc().is_empty(),
                "`{}` `{}` has no doc",
                spec.keyword,
                field.model
            );
            assert!(
                !field.label.is_empty(),
                "`{}` `{}` has no label",
                spec.keyword,
                field.model
            );
        }
    }
}
