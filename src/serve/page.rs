//! The HTML `serve` sends: the rendered pages with the live-reload script
//! and the findings over them, a source view with line anchors, and a
//! rule's explanation.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Sources;

use super::Site;

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a path for a URL: everything but unreserved characters and `/`.
fn url_path(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

const STYLE: &str = r#"<style id="candor-serve">
#candor-overlay{position:fixed;inset:0;overflow:auto;background:rgba(30,30,30,.92);color:#eee;font:14px/1.5 system-ui,sans-serif;padding:2em;z-index:99999}
#candor-overlay h1{color:#ff6b6b;font-size:1.3em;margin-top:0}
.candor-finding{border-left:4px solid #ff6b6b;background:#222;margin:1em 0;padding:.6em 1em}
.candor-finding.warning{border-color:#f0c040}
.candor-finding pre{background:#111;color:#ddd;padding:.5em;overflow:auto}
.candor-finding a{color:#8cf}
.candor-finding .help{color:#9e9}
#candor-findings{font:13px/1.4 system-ui,sans-serif;border-top:2px solid #f0c040;margin-top:3em;padding:1em;background:#fffbe6;color:#222}
#candor-findings .candor-finding{background:#fff;color:#222}
#candor-findings .candor-finding a{color:#05c}
#candor-findings .candor-finding pre{background:#f4f4f4;color:#222}
</style>"#;

/// On each `reload` event the page fetches itself again and changes the
/// nodes that differ from the new page, and only those: the reader keeps
/// the scroll position and the open warnings, and the browser lays out
/// again only what the save changed (a whole reload took 70 to 150 ms of
/// the repaint in the browser suite, on a loaded 2-core machine). An
/// element whose tag or attributes changed, or whose children changed in
/// number or kind, is replaced whole. Events during a fetch make one more;
/// anything unexpected reloads the page. The new page's copy of this
/// script is never run (parsed by `DOMParser`, then skipped as equal).
const SCRIPT: &str = r#"<script id="candor-reload">
(function () {
  function same(a, b) {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    if (a.nodeType !== 1) return true;
    if (a.attributes.length !== b.attributes.length) return false;
    for (var i = 0; i < a.attributes.length; i++) {
      var at = a.attributes[i];
      if (b.getAttribute(at.name) !== at.value) return false;
    }
    return a.childNodes.length === b.childNodes.length;
  }
  function patch(old, next) {
    if (old.isEqualNode(next)) return;
    if (!same(old, next)) {
      old.parentNode.replaceChild(document.importNode(next, true), old);
      return;
    }
    if (old.nodeType !== 1) {
      old.nodeValue = next.nodeValue;
      return;
    }
    var a = old.childNodes, b = next.childNodes;
    for (var i = 0; i < a.length; i++) patch(a[i], b[i]);
  }
  var busy = false, again = false;
  function update() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.href, { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      document.documentElement.lang = next.documentElement.lang;
      patch(document.head, next.head);
      var open = document.getElementById("candor-findings");
      open = open && open.open;
      patch(document.body, next.body);
      var findings = document.getElementById("candor-findings");
      if (findings && open) findings.open = true;
    }).catch(function () { location.reload(); }).then(function () {
      busy = false;
      if (again) { again = false; update(); }
    });
  }
  new EventSource("/events").addEventListener("reload", update);
})();
</script>"#;

/// One finding, with its place, its excerpt and its links.
fn finding(d: &Diagnostic, sources: &Sources) -> String {
    let file = sources.get(d.primary.span.file);
    let (line, column) = file.line_col(d.primary.span.start as usize);
    let path = file.display_path();
    let absolute = std::fs::canonicalize(&file.path).unwrap_or_else(|_| file.path.clone());
    let first = line.saturating_sub(2).max(1);
    let last = file.line_col(d.primary.span.end as usize).0 + 1;
    let mut excerpt = String::new();
    for (n, text) in file
        .text
        .lines()
        .enumerate()
        .skip(first - 1)
        .take(last + 1 - first)
    {
        let n = n + 1;
        let mark = if n == line { '>' } else { ' ' };
        let _ = writeln!(excerpt, "{mark}{n:>5} | {}", escape(text));
    }
    let class = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "advice",
    };
    let mut out = format!(
        "<div class=\"candor-finding {class}\"><div><strong>{class}</strong> <a href=\"/explain/{code_url}\">{code}</a>: {message}</div>\
         <div><a href=\"/source/{path_url}#L{line}\">{path}:{line}:{column}</a> · <a href=\"vscode://file/{abs}:{line}:{column}\">open in VS Code</a></div>",
        code_url = url_path(&d.code),
        code = escape(&d.code),
        message = escape(&d.message),
        path_url = url_path(&path),
        path = escape(&path),
        abs = url_path(&absolute.to_string_lossy()),
    );
    if let Some(help) = &d.help {
        let _ = write!(out, "<div class=\"help\">help: {}</div>", escape(help));
    }
    let _ = write!(out, "<pre>{excerpt}</pre></div>");
    out
}

/// A rendered page with the reload script, the errors over it and the
/// warnings under it.
pub(super) fn document(site: &Site, name: &str) -> String {
    let page = site.pages.get(name).cloned().unwrap_or_else(|| {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>candor</title></head><body><p>No render yet: the policy has not compiled without errors.</p></body></html>".to_owned()
    });
    let mut errors = String::new();
    let mut warnings = String::new();
    for d in &site.diagnostics {
        if d.is_error() {
            errors.push_str(&finding(d, &site.sources));
        } else {
            warnings.push_str(&finding(d, &site.sources));
        }
    }
    let mut extra = String::from(STYLE);
    if let Some(failure) = &site.failure {
        let _ = write!(
            extra,
            "<div id=\"candor-overlay\"><h1>candor cannot render the policy</h1><div class=\"candor-finding\"><pre>{}</pre></div><p>Showing the last good render under this message; it reloads when the files change.</p></div>",
            escape(failure)
        );
    } else if !errors.is_empty() {
        let count = site.diagnostics.iter().filter(|d| d.is_error()).count();
        let noun = if count == 1 { "error" } else { "errors" };
        let _ = write!(
            extra,
            "<div id=\"candor-overlay\"><h1>{count} {noun} in the policy</h1><p>The page under this is the last good render; it reloads when the files change.</p>{errors}</div>"
        );
    }
    if !warnings.is_empty() {
        let count = site.diagnostics.iter().filter(|d| !d.is_error()).count();
        let _ = write!(
            extra,
            "<details id=\"candor-findings\"><summary>candor: {count} warnings</summary>{warnings}</details>"
        );
    }
    extra.push_str(SCRIPT);
    match page.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &page[..at], &page[at..]),
        None => format!("{page}{extra}"),
    }
}

/// A source file with numbered, linkable lines.
pub(super) fn source(site: &Site, path: &str) -> Option<String> {
    let (_, file) = site
        .sources
        .iter()
        .find(|(_, f)| f.display_path() == path)?;
    let mut out = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{p}</title><style>:target{{background:#ffe08a}} a{{color:#888;text-decoration:none}} pre{{font:13px/1.45 monospace}}</style></head><body><h1>{p}</h1><pre>",
        p = escape(path)
    );
    for (n, line) in file.text.lines().enumerate() {
        let n = n + 1;
        let _ = writeln!(
            out,
            "<span id=\"L{n}\"><a href=\"#L{n}\">{n:>5}</a>  {}</span>",
            escape(line)
        );
    }
    out.push_str("</pre>");
    out.push_str(SCRIPT);
    out.push_str("</body></html>");
    Some(out)
}

/// The explanation of a code, as `candor explain` prints it: a rule of the
/// catalogue or a code of the compiler (`candor::unknown-reference`).
pub(super) fn explain(code: &str) -> Option<String> {
    let text = crate::check::explain::explain_code(code)?;
    Some(format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{c}</title></head><body><pre>{}</pre></body></html>",
        escape(&text),
        c = escape(code)
    ))
}

/// The answer to an unknown address.
pub(super) fn not_found() -> String {
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>not found</title></head><body><p>Nothing here. The notice is at <a href=\"/\">/</a>, the CCPA page at <a href=\"/ccpa.html\">/ccpa.html</a>.</p></body></html>".to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_code_a_diagnostic_can_show_has_a_page() {
        for code in crate::check::codes::all() {
            assert!(
                super::explain(code.name).is_some(),
                "no page for {}",
                code.name
            );
        }
        for rule in crate::check::rules() {
            assert!(
                super::explain(rule.code).is_some(),
                "no page for {}",
                rule.code
            );
        }
        assert!(super::explain("candor::no-such-code").is_none());
    }
}
