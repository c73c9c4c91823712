//! `src/syntax/rule_names.rs` against `grammar/policy.pest`: a keyword, a
//! field or a declaration added to the grammar cannot be missing there, or
//! described with another word, without this failing.

use std::collections::{BTreeMap, BTreeSet};

use candor::syntax::parser::Rule;
use candor::syntax::rule_names::{describe, is_field_keyword};
use pest_meta::ast::Expr;
use pest_meta::parser::{self, Rule as MetaRule};

fn grammar() -> BTreeMap<String, Expr> {
    let text = std::fs::read_to_string("grammar/policy.pest").expect("the grammar is readable");
    let pairs = parser::parse(MetaRule::grammar_rules, &text).expect("the grammar parses");
    let rules = parser::consume_rules(pairs).expect("the grammar is valid");
    rules.into_iter().map(|r| (r.name, r.expr)).collect()
}

/// The parser's rules by name.
fn rules() -> BTreeMap<String, Rule> {
    Rule::all_rules()
        .iter()
        .map(|r| (format!("{r:?}"), *r))
        .collect()
}

/// What an expression starts with.
fn first(expr: &Expr) -> &Expr {
    match expr {
        Expr::Seq(a, _) => first(a),
        other => other,
    }
}

/// The names an expression refers to.
fn idents(expr: &Expr) -> BTreeSet<String> {
    expr.iter_top_down()
        .filter_map(|e| match e {
            Expr::Ident(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// The word a `kw_*` rule matches (`kw_collects = @{ "collects" ~ ... }`).
fn keyword(grammar: &BTreeMap<String, Expr>, rule: &str) -> String {
    match first(&grammar[rule]) {
        Expr::Str(word) => word.clone(),
        other => panic!("`{rule}` starts with {other:?}, not a word"),
    }
}

/// The `kw_*` rule a field or declaration starts with.
fn leading_keyword<'g>(grammar: &'g BTreeMap<String, Expr>, rule: &str) -> &'g str {
    match first(&grammar[rule]) {
        Expr::Ident(kw) if kw.starts_with("kw_") => kw,
        other => panic!("`{rule}` starts with {other:?}, not a keyword"),
    }
}

#[test]
fn every_grammar_rule_has_a_name_and_every_name_a_rule() {
    let grammar = grammar();
    let rules = rules();
    let in_grammar: BTreeSet<&str> = grammar.keys().map(String::as_str).collect();
    // EOI is pest's own rule, not the grammar's.
    let in_parser: BTreeSet<&str> = rules
        .keys()
        .map(String::as_str)
        .filter(|r| *r != "EOI")
        .collect();
    assert_eq!(in_grammar, in_parser);
    for (name, rule) in &rules {
        assert!(!describe(*rule).is_empty(), "`{name}` has no readable name");
    }
}

#[test]
fn keywords_fields_and_declarations_are_named_by_their_word() {
    let grammar = grammar();
    let rules = rules();
    for name in grammar.keys() {
        let rule = rules[name];
        if name.starts_with("kw_") {
            let word = keyword(&grammar, name);
            assert_eq!(describe(rule), format!("`{word}`"), "`{name}`");
        } else if name.starts_with("f_") {
            let word = keyword(&grammar, leading_keyword(&grammar, name));
            assert_eq!(describe(rule), format!("`{word}`"), "`{name}`");
        } else if name.ends_with("_decl") && name != "unknown_decl" {
            let word = keyword(&grammar, leading_keyword(&grammar, name));
            assert_eq!(
                describe(rule),
                format!("a `{word}` declaration"),
                "`{name}`"
            );
        }
    }
}

#[test]
fn field_keywords_are_the_grammars_keywords_and_fields() {
    let grammar = grammar();
    let rules = rules();
    // The keywords that start a declaration (`decl_kw`) are not field
    // keywords; every other `kw_*` and every `f_*` is.
    let declaration_words = idents(&grammar["decl_kw"]);
    assert!(declaration_words.contains("kw_dataset"));
    for (name, rule) in &rules {
        let field = (name.starts_with("kw_") && !declaration_words.contains(name))
            || name.starts_with("f_");
        assert_eq!(
            is_field_keyword(*rule),
            field,
            "`{name}`: is_field_keyword in src/syntax/rule_names.rs"
        );
    }
}
