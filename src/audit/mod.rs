//! `candor audit`: the notice against what the website and the app really
//! do.
//!
//! The evidence is of three kinds: recorded visits ([`har`]: HAR files, or
//! candor's own visits in headless Chromium, [`browser`]), and an app's
//! manifests ([`app`]). The [`registry`] tells which vendor a host, a cookie
//! or an SDK belongs to. [`findings`] compares the evidence with the policy
//! and reports with the rules of [`crate::check::audit`].

pub mod app;
pub mod browser;
pub mod findings;
pub mod har;
pub mod registry;

pub use findings::{Evidence, audit};
