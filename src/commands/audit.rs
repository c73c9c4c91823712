//! `candor audit`: compile the policy, gather the evidence (HAR files,
//! candor's own visits, an app's manifests), report the findings like
//! `check`, exit 1 on errors.

use std::time::Duration;

use super::{EXIT_OK, EXIT_POLICY, compile, fail, options, report};
use crate::audit::browser::{self, BrowserOptions};
use crate::audit::har::{self, Consent};
use crate::audit::registry::Registry;
use crate::audit::{Evidence, app, audit};
use crate::cli::{AuditArgs, RecordedConsent};
use crate::diagnostic::{self, Severity};
use crate::source::SourceFile;

/// Runs `candor audit`.
pub(crate) fn run(args: &AuditArgs) -> u8 {
    if args.har.is_empty() && args.url.is_empty() && args.app.is_none() {
        return fail(
            "`candor audit` needs evidence: `--har FILE...`, `--url URL...` or `--app DIR`",
        );
    }
    let mut compiled = match compile(&args.compile) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if compiled.has_errors() {
        // A policy that does not compile cannot be audited: report it as `check` would.
        report(&compiled.diagnostics, &compiled.sources, &args.compile);
        return EXIT_POLICY;
    }
    let Some(policy) = compiled.policy.take() else {
        return fail("the policy did not compile");
    };
    let mut registry = match Registry::builtin() {
        Ok(r) => r,
        Err(e) => return fail(&format!("candor's vendor registry: {e}")),
    };
    let extra = args.vendors.clone().or_else(|| {
        let own = args.compile.path.join("vendors.toml");
        own.is_file().then_some(own)
    });
    if let Some(path) = extra {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => return fail(&format!("cannot read `{}`: {e}", path.display())),
        };
        match Registry::parse(&text) {
            Ok(r) => {
                if let Some(problem) = r.entries.iter().flat_map(|e| e.problems()).next() {
                    return fail(&format!("`{}`: {problem}", path.display()));
                }
                registry.extend(r);
            }
            Err(e) => return fail(&format!("`{}`: {e}", path.display())),
        }
    }
    let sources = &mut compiled.sources;
    let mut evidence = Evidence {
        complete: args.complete,
        ..Evidence::default()
    };
    let consent = match args.recorded_consent {
        RecordedConsent::None => Consent::None,
        RecordedConsent::Refused => Consent::Refused,
        RecordedConsent::Given => Consent::Given,
    };
    for path in &args.har {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => return fail(&format!("cannot read `{}`: {e}", path.display())),
        };
        let file = sources.add(SourceFile::new(path.clone(), &text));
        let text = &sources.get(file).text;
        match har::parse(text, file, consent) {
            Ok(visit) => evidence
                .visits
                .push((format!("`{}`", sources.get(file).display_path()), visit)),
            Err(e) => return fail(&format!("`{}`: {e}", path.display())),
        }
    }
    if !args.url.is_empty() {
        // The refusal run is made where the policy says cookies rest on consent.
        let refuse = policy.cookies.iter().any(|c| {
            c.bases
                .iter()
                .any(|b| b.basis == crate::model::words::LawfulBasis::Consent)
        });
        let options = BrowserOptions {
            executable: args.chromium.clone(),
            host_resolver_rules: args.host_resolver_rules.clone(),
            gpc: args.gpc,
            refuse_selector: args.refuse_selector.clone(),
            timeout: Duration::from_secs(20),
        };
        for (n, url) in args.url.iter().enumerate() {
            let recorded = match browser::visit(url, refuse, &options) {
                Ok(r) => r,
                Err(e) => return fail(&format!("{url}: {e}")),
            };
            for r in recorded {
                if let Some(dir) = &args.save_har
                    && let Err(e) = browser::save(dir, n, &r)
                {
                    return fail(&e);
                }
                let name = format!("{url} ({})", r.label);
                let file = sources.add(SourceFile::new(name.clone().into(), &r.har));
                let consent = if r.refused {
                    Consent::Refused
                } else {
                    Consent::None
                };
                match har::parse(&sources.get(file).text, file, consent) {
                    Ok(visit) => evidence
                        .visits
                        .push((format!("the visit to {name}"), visit)),
                    Err(e) => return fail(&format!("{url}: {e}")),
                }
            }
        }
    }
    if let Some(dir) = &args.app {
        match app::scan(dir, sources) {
            Ok(found) => evidence.app = Some(found),
            Err(e) => return fail(&e),
        }
    }
    let mut found = audit(&policy, &registry, &evidence);
    let options = match options(&args.compile) {
        Ok(o) => o,
        Err(e) => return fail(&e),
    };
    crate::check::apply_levels(&mut found, Some(&policy), &options);
    // The policy's own `rules` problems were reported by the compile; keep
    // only the audit's findings.
    found.retain(|d| d.code.starts_with("audit::"));
    diagnostic::sort(&mut found);
    report(&found, &compiled.sources, &args.compile);
    if found.iter().any(|d| d.severity == Severity::Error) {
        EXIT_POLICY
    } else {
        EXIT_OK
    }
}
