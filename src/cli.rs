//! The command line, declared with clap's derive API.
//!
//! Only the shape of the commands lives here; each command's work is in
//! `src/commands/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// candor: a privacy policy-as-code compiler.
#[derive(Debug, Parser)]
#[command(name = "candor", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a policy and report every problem in it.
    Check(CheckArgs),
    /// Check a policy, then write the notice, the CCPA table and the JSON.
    Build(BuildArgs),
    /// List the rules candor checks.
    Rules(RulesArgs),
    /// Explain one rule: what it checks, the law behind it, and how to fix it.
    Explain(ExplainArgs),
    /// Format policy files in the canonical layout.
    Fmt(FmtArgs),
    /// Remove from `ccpa` rows what the data sets already say, keeping the notice as it is.
    Migrate(MigrateArgs),
    /// List the translations each language needs; `--stamp` marks reviewed ones current.
    Translations(TranslationsArgs),
    /// Compare two versions of a policy and class each change.
    Diff(DiffArgs),
    /// Write the change notice users are sent, from the same comparison as `diff`.
    NoticeOfChange(NoticeArgs),
    /// Write every published version of the notice, a changes page and an Atom feed.
    Publish(PublishArgs),
    /// Check the notice against what the website and the app really do.
    Audit(AuditArgs),
    /// Create a small starter policy.
    Init(InitArgs),
    /// Preview the notice in a browser, re-rendered on every save.
    Serve(ServeArgs),
    /// Run the language server on stdin and stdout (for editors).
    Lsp,
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Readable reports with the source quoted (the default).
    #[default]
    Human,
    /// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands, one line per diagnostic.
    Github,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// When printing to a terminal.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Options shared by every command that compiles a policy.
#[derive(Debug, Clone, Args)]
pub struct CompileArgs {
    /// The policy: a directory of `.policy` files, or one file.
    #[arg(default_value = "policy")]
    pub path: PathBuf,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour in the human format.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Treat a rule as an error; `--deny warnings` makes every warning fail the run.
    #[arg(long = "deny", value_name = "CODE")]
    pub deny: Vec<String>,
    /// Report a rule as a warning.
    #[arg(long = "warn", value_name = "CODE")]
    pub warn: Vec<String>,
    /// Do not report a rule.
    #[arg(long = "allow", value_name = "CODE")]
    pub allow: Vec<String>,
    /// The date date-dependent rules measure against (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
}

/// `candor check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Compilation options.
    #[command(flatten)]
    pub compile: CompileArgs,
}

/// `candor build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Compilation options.
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Where to write the outputs [default: `out` beside the policy: the
    /// policy directory's sibling `out`, or `out` in a policy file's
    /// directory].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write nothing; fail and name each file when the output directory is stale.
    #[arg(long)]
    pub check: bool,
    /// Write the HTML pages without `<html>`, `<head>` and `<body>`, for embedding.
    #[arg(long)]
    pub fragment: bool,
    /// A directory of templates that override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Put PREFIX before every `id` and `#` link of the HTML, so that two
    /// fragments can share a page (a letter, then letters, digits, `-`, `_`).
    #[arg(long, value_name = "PREFIX", value_parser = parse_id_prefix)]
    pub id_prefix: Option<String>,
    /// The heading level of the HTML title (1-4; sections one below), so
    /// that a fragment nests under the host page's own headings.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub heading_level: Option<u8>,
    /// Where the full notice is published, for the CCPA page's links back to
    /// it: a relative or https address such as `/privacy` [default:
    /// `privacy-policy.html`, the file beside it].
    #[arg(long, value_name = "URL", value_parser = parse_notice_url)]
    pub notice_url: Option<String>,
    /// The id prefix of the full notice on the same page as the CCPA
    /// fragment (the notice's own `--id-prefix`): the CCPA page's links back
    /// then point into it, on the same page unless `--notice-url` is given.
    #[arg(long, value_name = "PREFIX", value_parser = parse_id_prefix)]
    pub notice_id_prefix: Option<String>,
    /// Trust templates from outside their tree: an absolute or `..` path in
    /// the policy's `templates` setting, or a template that is a symbolic
    /// link leading out of its directory.
    #[arg(long)]
    pub allow_templates_outside: bool,
    /// Merge the privacy manifest into an existing `PrivacyInfo.xcprivacy`
    /// (an Xcode target's): its other keys are kept, tracking domains and
    /// required-reason APIs joined; one that says more than the notice is
    /// refused. The merged manifest is what `out` gets.
    #[arg(long, value_name = "FILE")]
    pub merge_manifest: Option<PathBuf>,
}

/// An id prefix must keep every id valid and free of characters that
/// would need escaping in a URL fragment or a CSS selector.
fn parse_id_prefix(text: &str) -> Result<String, String> {
    if crate::text::is_id_prefix(text) {
        Ok(text.to_owned())
    } else {
        Err(
            "an id prefix is a letter followed by letters, digits, `-` or `_`, such as `pp-`"
                .to_owned(),
        )
    }
}

/// A notice URL goes into an attribute as written.
fn parse_notice_url(text: &str) -> Result<String, String> {
    if crate::render::context::is_notice_url(text) {
        Ok(text.to_owned())
    } else {
        Err("a notice URL is a relative or https address without spaces, quotes or `#`, such as `/privacy`".to_owned())
    }
}

/// `candor rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// `human` or `json`.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// `candor explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's code, e.g. `gdpr::consent-withdrawal`.
    pub code: String,
}

/// `candor fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// A directory of `.policy` files, or one file.
    #[arg(default_value = "policy")]
    pub path: PathBuf,
    /// Change nothing; fail and name the files that are not formatted.
    #[arg(long)]
    pub check: bool,
    /// When to use colour in the report of syntax errors.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `candor migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// A directory of `.policy` files, or one file.
    #[arg(default_value = "policy")]
    pub path: PathBuf,
    /// Change nothing; fail and name the files that would change.
    #[arg(long)]
    pub check: bool,
    /// When to use colour in the report of errors.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `candor translations`.
#[derive(Debug, Args)]
pub struct TranslationsArgs {
    /// Compilation options.
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Only this language (`de`, `fr`, ...).
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// Write the current source fingerprint beside every stale translation:
    /// a translator reviewed them.
    #[arg(long)]
    pub stamp: bool,
}

/// How `diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DiffFormat {
    /// Readable text.
    #[default]
    Human,
    /// JSON.
    Json,
    /// A Markdown changelog entry.
    Markdown,
}

/// When `diff` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when a material change exists (a legal sign-off gate), and
    /// say why when it is not announced.
    Material,
    /// Exit 1 when a material change is not announced: the `updated` date
    /// did not move, or the version takes effect before it is published
    /// where a law asks for notice first.
    Unannounced,
    /// Exit 1 on any change.
    Any,
}

/// `candor diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old policy directory (or, with `--git`, the only directory).
    pub old: PathBuf,
    /// The new policy directory.
    pub new: Option<PathBuf>,
    /// Compare the working tree's policy with this git revision.
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    /// How to print.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Exit 1 when anything changed (`any`), when a material change exists
    /// (`material`), or when a material change is not announced
    /// (`unannounced`): the `updated` date did not move, or the version
    /// takes effect before it is published where a law asks for notice
    /// first.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// When to use colour in the report of a policy that does not compile.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `candor notice-of-change`.
#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// The old policy directory (or, with `--git`, the only directory).
    pub old: PathBuf,
    /// The new policy directory.
    pub new: Option<PathBuf>,
    /// Compare the working tree's policy with this git revision.
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    /// Where the new version is published, for links: `https://example.com/privacy`.
    #[arg(long)]
    pub url: Option<String>,
    /// Write the notice to this file instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// When to use colour in the report of a policy that does not compile.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `candor publish`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The policy directory, inside a git repository unless `--from` is given.
    #[arg(default_value = "policy")]
    pub path: PathBuf,
    /// Where to write the archive (a directory candor owns: it is replaced).
    #[arg(long, default_value = "public/versions")]
    pub out: PathBuf,
    /// Read the versions from this folder (one policy directory per
    /// version, in name order) instead of the git history.
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// Only tagged commits are versions (otherwise every commit that moves
    /// the `updated` or `effective` date starts one).
    #[arg(long)]
    pub tags: bool,
    /// The archive's public address, for absolute links and ids in the feed:
    /// `https://example.com/privacy/versions/`.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Write the HTML pages without `<html>`, `<head>` and `<body>`, for embedding.
    #[arg(long)]
    pub fragment: bool,
    /// Put PREFIX before every `id` and `#` link of the HTML.
    #[arg(long, value_name = "PREFIX", value_parser = parse_id_prefix)]
    pub id_prefix: Option<String>,
    /// The heading level of the HTML title (1-4).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub heading_level: Option<u8>,
}

/// What the visitor had said about cookies when a HAR file was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RecordedConsent {
    /// A first visit, no choice made (the default).
    #[default]
    None,
    /// Recorded after refusing consent.
    Refused,
    /// Recorded after accepting.
    Given,
}

/// `candor audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Compilation options.
    #[command(flatten)]
    pub compile: CompileArgs,
    /// HAR 1.2 files of visits to the website.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub har: Vec<PathBuf>,
    /// What the visitor had chosen when the HAR files were recorded.
    #[arg(long, value_enum, default_value_t = RecordedConsent::None)]
    pub recorded_consent: RecordedConsent,
    /// Pages candor loads itself in headless Chromium.
    #[arg(long, value_name = "URL", num_args = 1..)]
    pub url: Vec<String>,
    /// The app's source directory (dependency manifests, privacy manifests).
    #[arg(long, value_name = "DIR")]
    pub app: Option<PathBuf>,
    /// More registry entries (TOML, as `data/vendors.toml`); default: the
    /// policy directory's `vendors.toml`, when there is one.
    #[arg(long, value_name = "FILE")]
    pub vendors: Option<PathBuf>,
    /// The CSS selector of the consent banner's refusal, for `--url`.
    #[arg(long, value_name = "SELECTOR")]
    pub refuse_selector: Option<String>,
    /// Send `Sec-GPC: 1` on candor's own visits.
    #[arg(long)]
    pub gpc: bool,
    /// The Chromium executable for `--url`.
    #[arg(long, value_name = "PATH")]
    pub chromium: Option<PathBuf>,
    /// Chromium's `--host-resolver-rules`, e.g. to serve vendors' hosts from a test server.
    #[arg(long, value_name = "RULES")]
    pub host_resolver_rules: Option<String>,
    /// The evidence covers every page and build where vendors load: report
    /// declared vendors that no visit or manifest shows.
    #[arg(long)]
    pub complete: bool,
    /// Write candor's own visits as HAR files into this directory.
    #[arg(long, value_name = "DIR")]
    pub save_har: Option<PathBuf>,
}

/// `candor init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the policy.
    #[arg(default_value = "policy")]
    pub dir: PathBuf,
}

/// `candor serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The policy: a directory of `.policy` files, or one file.
    #[arg(default_value = "policy")]
    pub path: PathBuf,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 4000)]
    pub port: u16,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
}
