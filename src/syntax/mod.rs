//! From text to syntax tree.
//!
//! [`parse`] runs the pest grammar (`grammar/policy.pest`) over each file and
//! builds the [`tree`]. A syntax error does not end the run: the parser skips
//! to the next declaration and goes on, so one run reports every broken
//! declaration of every file.

pub mod parser;
pub mod rule_names;
pub mod text;
pub mod tree;

pub use parser::parse;
