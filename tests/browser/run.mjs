// The real-browser test suite: candor's HTML in headless Chromium.
//
// Builds the bundled policy with the release binary (standalone pages, and
// two fragments with their own id prefixes) and three corpus policies (the
// state laws' tables, a notice at collection, Colorado's purpose-by-purpose
// table), writes a host page that embeds
// both fragments with out/candor.css, and loads every page at 390 px and
// 1366 px, in light and dark mode. On each it asserts: 0 axe-core violations
// of WCAG 2.2 A/AA, no horizontal overflow of the page, no duplicate ids, every
// `#anchor` link lands on an element, no request leaves the machine; the
// tables are cards on a phone and a table with a sticky header row on a wide
// screen; the host page's own elements keep exactly the computed style they
// have without candor. Every page is then measured at twenty widths from
// 320 to 1920 px for words broken inside themselves (brokenWords), and each
// standalone page is printed to PDF, whose text, page by page, must show
// each table's header row on every page it runs over and each visible
// caption beside its table (print.mjs, with Poppler's pdftotext). Last,
// `candor serve` on copies of two policies: the time from a save to the
// repainted page, whose median must stay within 150 ms, and a syntax
// error shown then cleared (serve.mjs).
// Screenshots and PDFs go to target/browser/ (not committed). Exit 1 on
// any failure.
//
// Usage: node run.mjs   (CANDOR=path/to/candor to test another binary;
//                        CHROMIUM=path/to/chromium, default /usr/bin/chromium)

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { printFailures } from "./print.mjs";
import { serveRepaint } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const target = join(root, "target", "browser");
const site = join(target, "site");
const shots = join(target, "screenshots");
const candor = process.env.CANDOR ?? join(root, "target", "release", "candor");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const axeSource = readFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");

const WIDTHS = [390, 1366];
// The widths at which words are measured (brokenWords): phones, tablets, a
// host page's column, laptops and a wide screen.
const BREAK_WIDTHS = [320, 360, 390, 430, 480, 540, 600, 680, 768, 820, 900, 960, 1024, 1100, 1180, 1280, 1366, 1440, 1600, 1920];
const SCHEMES = ["light", "dark"];
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

let failures = 0;
function fail(where, message) {
  failures += 1;
  console.log(`FAIL ${where}: ${message}`);
}

// ── The pages under test ────────────────────────────────────────────────────

function build(out, ...flags) {
  buildFrom(join(root, "policy"), out, ...flags);
}

function buildFrom(source, out, ...flags) {
  execFileSync(candor, ["build", source, "--out", out, ...flags], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
}

rmSync(target, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
build(join(site, "standalone"));
build(join(site, "policy-fragment"), "--fragment", "--id-prefix", "pp-", "--heading-level", "2");
build(join(site, "ccpa-fragment"), "--fragment", "--id-prefix", "ca-", "--heading-level", "2");
// Two corpus policies for the generated blocks the bundled policy does not
// use: the state laws' categories table and state rights (Connecticut), and
// the applicants' notice at collection (the employer).
buildFrom(join(root, "tests", "fixtures", "corpus", "connecticut"), join(site, "connecticut"));
buildFrom(join(root, "tests", "fixtures", "corpus", "employer"), join(site, "employer"));
// A Colorado notice: the state rights and the purpose-by-purpose table.
buildFrom(join(root, "tests", "fixtures", "corpus", "grocer"), join(site, "colorado"));
// The starter policy of `candor init`, which opens with `insert summary`.
const starter = mkdtempSync(join(tmpdir(), "candor-starter-"));
execFileSync(candor, ["init"], { cwd: starter, stdio: ["ignore", "ignore", "pipe"] });
buildFrom(join(starter, "policy"), join(site, "starter"));
rmSync(starter, { recursive: true, force: true });
// A notice in English, German and French (issue 22): each language's page,
// with its language switcher.
buildFrom(join(root, "tests", "fixtures", "corpus", "veloroute"), join(site, "veloroute"));
// A second notice for a page that holds two (a careers page: the privacy
// policy and the applicants' notice): their landmarks must keep distinct
// accessible names (axe landmark-unique).
buildFrom(
  join(root, "tests", "fixtures", "corpus", "employer"),
  join(site, "employer-fragment"),
  "--fragment", "--id-prefix", "em-", "--heading-level", "2"
);

// A host page with its own look: generic selectors that candor's stylesheet
// must not change, and that candor's fragments must survive.
const hostStyle = `
  html { font-size: 16px; }
  body { margin: 0; font-family: Georgia, serif; color: #222; background: #fffdf7; }
  header.site, footer.site { background: #1d3557; color: #fff; padding: 1rem; }
  header.site a, footer.site a { color: #fff; }
  main.site { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 2.4rem; color: #1d3557; }
  h2 { text-decoration: underline; color: #457b9d; }
  p { letter-spacing: 0.01em; }
  table { border: 3px double #1d3557; }
  td, th { padding: 2px; }
  .toc { background: #eee; }
  .items { color: #333; }
  @media (prefers-color-scheme: dark) {
    body { color: #eee; background: #111; }
    h1 { color: #a8dadc; }
    h2 { color: #a8dadc; }
    p { color: #ddd; }
    .items { color: #ddd; }
    .toc { background: #333; }
  }
`;
const hostTop = `
<header class="site"><a href="#content">Example Inc.</a></header>
<main class="site" id="content">
<h1 data-probe="h1">Legal</h1>
<p data-probe="p">Our own paragraph, styled by the host.</p>
<nav class="toc" data-probe="toc"><ul class="items" data-probe="items"><li>Host list</li></ul></nav>
<table data-probe="table"><caption>Host table</caption><tr><th scope="col" data-probe="th">Plan</th></tr><tr><td data-probe="td">Basic</td></tr></table>
<h2 data-probe="h2">Privacy</h2>`;
const hostBottom = `
<h2>California residents</h2>
%CCPA%
<p data-probe="p-after">The host's text after the fragments.</p>
</main>
<footer class="site"><p>Footer</p></footer>`;
function hostPage(title, withCandor) {
  const policy = readFileSync(join(site, "policy-fragment", "privacy-policy.html"), "utf8");
  const ccpa = readFileSync(join(site, "ccpa-fragment", "ccpa.html"), "utf8");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${hostStyle}</style>
${withCandor ? '<link rel="stylesheet" href="standalone/candor.css">' : ""}
</head>
<body>
${hostTop}
${withCandor ? policy : "<p>No policy here.</p>"}
${hostBottom.replace("%CCPA%", withCandor ? ccpa : "<p>No table here.</p>")}
</body>
</html>
`;
}
writeFileSync(join(site, "host.html"), hostPage("Host page with two candor fragments", true));
writeFileSync(join(site, "host-bare.html"), hostPage("Host page without candor", false));
writeFileSync(
  join(site, "two-notices.html"),
  `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Careers and privacy</title>
<link rel="stylesheet" href="standalone/candor.css">
</head>
<body>
<main>
<h1>Careers and privacy</h1>
${readFileSync(join(site, "policy-fragment", "privacy-policy.html"), "utf8")}
${readFileSync(join(site, "employer-fragment", "privacy-policy.html"), "utf8")}
</main>
</body>
</html>
`
);

// Pages that embed fragments in a host's column: their wide tables may be
// cards at any window width.
const EMBEDDED = ["host", "two-notices"];

const pages = [
  { name: "privacy-policy", file: "standalone/privacy-policy.html" },
  { name: "ccpa", file: "standalone/ccpa.html" },
  { name: "host", file: "host.html" },
  { name: "connecticut", file: "connecticut/privacy-policy.html" },
  { name: "employer", file: "employer/privacy-policy.html" },
  { name: "colorado", file: "colorado/privacy-policy.html" },
  { name: "veloroute-en", file: "veloroute/privacy-policy.html" },
  { name: "veloroute-de", file: "veloroute/de/privacy-policy.html" },
  { name: "veloroute-fr", file: "veloroute/fr/privacy-policy.html" },
  { name: "two-notices", file: "two-notices.html" },
  { name: "starter", file: "starter/privacy-policy.html" },
];

// ── Checks run in the page ──────────────────────────────────────────────────

function pageFacts() {
  const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  const broken = [...document.querySelectorAll('a[href^="#"]')]
    .map((a) => a.getAttribute("href").slice(1))
    .filter((id) => id && !document.getElementById(id));
  const doc = document.documentElement;
  const overflow = doc.scrollWidth - doc.clientWidth;
  const wide = [...document.querySelectorAll(".candor *")]
    .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1)
    .slice(0, 3)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  const tables = [...document.querySelectorAll(".candor-table")].map((table) => {
    const head = table.querySelector("thead");
    const th = table.querySelector("thead th");
    const row = table.querySelector("tbody tr");
    const cell = table.querySelector("tbody td[data-label]");
    return {
      cls: table.className,
      display: getComputedStyle(table).display,
      headVisible: head.getBoundingClientRect().height > 2,
      thPosition: getComputedStyle(th).position,
      rowDisplay: getComputedStyle(row).display,
      label: cell ? getComputedStyle(cell, "::before").content : "",
      expectedLabel: cell ? cell.dataset.label : "",
      right: table.getBoundingClientRect().right,
    };
  });
  const rowHeaders = [...document.querySelectorAll(".candor-data-table tbody th")].map(
    (th) => th.textContent.trim().length,
  );
  return { duplicates, broken, overflow, wide, tables, rowHeaders, width: doc.clientWidth };
}

// Words broken across two lines inside themselves ("Categori/es"): every
// word of candor's visible text is measured with a Range; a word whose
// boxes sit on two lines is broken, unless the line ends at a hyphen, dash
// or slash inside it ("e-|mail"). Web and e-mail addresses may wrap
// anywhere and are not counted.
function brokenWords() {
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const examples = [];
  let broken = 0;
  let words = 0;
  const top = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return rects.length ? Math.round(rects[0].top) : null;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !el.closest(".candor") || el.getClientRects().length === 0) continue;
    const re = /\S+/g;
    let m;
    while ((m = re.exec(node.data))) {
      const word = m[0];
      if (/@|:\/\/|www\./.test(word)) continue;
      words += 1;
      range.setStart(node, m.index);
      range.setEnd(node, m.index + word.length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size < 2) continue;
      // Where the line ends: the first character on a line below the first.
      const first = top(node, m.index, m.index + 1);
      let at = 1;
      while (at < word.length && top(node, m.index + at, m.index + at + 1) === first) at += 1;
      if (/[-–—\/]/.test(word[at - 1])) continue;
      broken += 1;
      if (examples.length < 5) examples.push(`${word.slice(0, at)}|${word.slice(at)}`);
    }
  }
  return { broken, words, examples };
}

// The computed style of candor's own elements, to compare a fragment in
// the host page with the standalone page: the host's rules must not leak in.
function candorStyles(rootSelector) {
  const props = [
    "color", "background-color", "font-family", "font-weight", "letter-spacing", "text-transform",
    "text-decoration-line", "text-align", "padding-top", "padding-left",
    "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
    "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
  ];
  const root = document.querySelector(rootSelector);
  const selectors = [
    ".candor-title", ".candor-updated", ".candor-toc", "section > p", ".candor-anchor",
    ".candor-data-table", ".candor-data-table thead th", ".candor-data-table tbody th",
    ".candor-data-table td", ".candor-items li", ".candor-definitions dt",
  ];
  const out = {};
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    if (!el) continue;
    const style = getComputedStyle(el);
    out[sel] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }
  return out;
}

function probeStyles() {
  const props = [
    "color", "background-color", "font-family", "font-size", "font-weight", "line-height",
    "text-decoration-line", "letter-spacing", "margin-top", "margin-bottom", "padding-top",
    "border-top-style", "border-top-width", "max-width", "display", "box-sizing",
  ];
  const out = {};
  for (const el of [document.documentElement, document.body, ...document.querySelectorAll("[data-probe]")]) {
    const key = el.dataset?.probe ?? el.tagName.toLowerCase();
    const style = getComputedStyle(el);
    out[key] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }
  return out;
}

// The header row of the first table sticks to the top of the viewport
// while its rows scroll under it.
async function stickyHeader(page) {
  return page.evaluate(async () => {
    // The first table shown as a table (a wide one in a narrow column is cards).
    const table = [...document.querySelectorAll(".candor-table")].find(
      (t) => getComputedStyle(t.querySelector("tbody tr")).display !== "block",
    );
    if (!table) return { skipped: true };
    const th = table.querySelector("thead th");
    const box = table.getBoundingClientRect();
    if (box.height < window.innerHeight * 0.5) return { skipped: true };
    window.scrollTo(0, window.scrollY + box.top + box.height / 2);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const top = th.getBoundingClientRect().top;
    window.scrollTo(0, 0);
    return { top };
  });
}

// The head of the tallest card stays at the top of the viewport while its
// cells scroll under it (phones).
async function stickyCardHead(page) {
  return page.evaluate(async () => {
    const rows = [...document.querySelectorAll(".candor-table tbody tr")].filter(
      (tr) => getComputedStyle(tr).display === "block" && tr.querySelector("th[scope=row]"),
    );
    const tall = rows.sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
    if (!tall || tall.getBoundingClientRect().height < window.innerHeight * 1.2) return { skipped: true };
    const box = tall.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + box.top + box.height / 2 - window.innerHeight / 2);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const top = tall.querySelector("th[scope=row]").getBoundingClientRect().top;
    window.scrollTo(0, 0);
    return { top };
  });
}

// ── Run ─────────────────────────────────────────────────────────────────────

const profile = mkdtempSync(join(tmpdir(), "candor-chromium-"));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profile}`,
  ],
});

try {
  const page = await browser.newPage();
  const external = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("about:")) {
      request.continue();
    } else {
      external.push(url);
      request.abort();
    }
  });

  for (const scheme of SCHEMES) {
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      for (const { name, file } of pages) {
        const where = `${name} ${width}px ${scheme}`;
        await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: "load" });

        await page.evaluate(axeSource);
        // WCAG's rules, and the best-practice rules that a page holding
        // several candor documents must keep: each landmark (the contents
        // <nav> of each notice) with a name of its own.
        const axe = await page.evaluate(
          async (tags, rules) => {
            // One run at a time: axe refuses a second while one is going.
            const a = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
            const b = await window.axe.run(document, { runOnly: { type: "rule", values: rules }, resultTypes: ["violations"] });
            return { violations: a.violations.concat(b.violations) };
          },
          WCAG,
          ["landmark-unique"],
        );
        for (const v of axe.violations) {
          fail(where, `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s), first: ${v.nodes[0]?.target.join(" ")}: ${v.nodes[0]?.failureSummary?.replace(/\s+/g, " ")}`);
        }

        const facts = await page.evaluate(pageFacts);
        if (facts.overflow > 0) fail(where, `the page overflows sideways by ${facts.overflow}px (${facts.wide.join(", ")})`);
        if (facts.duplicates.length) fail(where, `duplicate ids: ${facts.duplicates.slice(0, 10).join(", ")}`);
        if (facts.broken.length) fail(where, `links to missing anchors: ${facts.broken.slice(0, 10).join(", ")}`);
        if (facts.tables.length === 0) fail(where, "no candor table on the page");
        for (const t of facts.tables) {
          // Cards when the table's own box is too narrow for its columns
          // (a phone; a wide table in a host page's column), a table
          // otherwise: on a wide standalone page every table has room.
          const cards = t.rowDisplay === "block";
          if (width <= 400 && !cards) fail(where, `${t.cls}: rows are not cards (display ${t.rowDisplay})`);
          if (width >= 1366 && !EMBEDDED.includes(name) && cards) {
            fail(where, `${t.cls}: not a table on a wide screen (display ${t.display})`);
          }
          if (cards) {
            if (t.headVisible) fail(where, `${t.cls}: the header row is visible in the card layout`);
            if (!t.label.includes(t.expectedLabel)) fail(where, `${t.cls}: cells lack their column label (${t.label})`);
          } else {
            if (t.display !== "table") fail(where, `${t.cls}: rows are table rows but the table is not a table (display ${t.display})`);
            if (t.thPosition !== "sticky") fail(where, `${t.cls}: the header row is not sticky`);
          }
          if (t.right > facts.width + 1) fail(where, `${t.cls}: wider than the page`);
        }
        if (facts.rowHeaders.some((n) => n > 60)) fail(where, `a data-table row header holds more than a name (${Math.max(...facts.rowHeaders)} characters)`);
        if (width <= 400) {
          const sticky = await stickyCardHead(page);
          if (!sticky.skipped && Math.abs(sticky.top) > 1) fail(where, `a card's head does not stick (top ${sticky.top}px)`);
        }
        if (name === "starter") {
          const summary = await page.evaluate(() => {
            const links = [...document.querySelectorAll(".candor-summary dt a")];
            return { lines: links.length, landed: links.filter((a) => document.getElementById(a.hash.slice(1))).length };
          });
          if (summary.lines < 6 || summary.landed !== summary.lines) {
            fail(where, `the summary has ${summary.lines} linked lines, ${summary.landed} of them land in the notice`);
          }
        }
        if (width > 400) {
          const sticky = await stickyHeader(page);
          if (!sticky.skipped && Math.abs(sticky.top) > 1) fail(where, `the header row does not stick (top ${sticky.top}px)`);
        }

        if (name === "host") {
          const withCandor = await page.evaluate(probeStyles);
          await page.goto(pathToFileURL(join(site, "host-bare.html")).href, { waitUntil: "load" });
          const bare = await page.evaluate(probeStyles);
          for (const [key, style] of Object.entries(bare)) {
            for (const [prop, value] of Object.entries(style)) {
              if (withCandor[key]?.[prop] !== value) {
                fail(where, `the host's ${key} changed its ${prop}: ${value} -> ${withCandor[key]?.[prop]}`);
              }
            }
          }
          await page.goto(pathToFileURL(join(site, "standalone", "privacy-policy.html")).href, { waitUntil: "load" });
          const standalone = await page.evaluate(candorStyles, "article.candor");
          await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: "load" });
          const embedded = await page.evaluate(candorStyles, "#pp-privacy-policy");
          for (const [sel, style] of Object.entries(standalone)) {
            for (const [prop, value] of Object.entries(style)) {
              if (embedded[sel]?.[prop] !== value) {
                fail(where, `the host's styles reach the fragment's ${sel}: ${prop} ${value} -> ${embedded[sel]?.[prop]}`);
              }
            }
          }
        }

        await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}.png`), fullPage: true });
        // The first screen, and a screen at the first table, as a reader sees them.
        await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}-top.png`) });
        await page.evaluate(() => document.querySelector(".candor-table").scrollIntoView());
        await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}-table.png`) });
        await page.evaluate(() => window.scrollTo(0, 0));
        console.log(`ok   ${where}: ${axe.violations.length} axe violations, ${facts.tables.length} tables`);
      }
    }
  }

  // No word broken inside itself at any width from 320 to 1920 px: the
  // tables turn into cards before a column gets narrower than its longest
  // word (light scheme; the words do not depend on it).
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  for (const width of BREAK_WIDTHS) {
    await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
    for (const { name, file } of pages) {
      await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: "load" });
      const words = await page.evaluate(brokenWords);
      const where = `${name} ${width}px`;
      if (words.broken > 0) {
        fail(where, `${words.broken} of ${words.words} words broken inside themselves: ${words.examples.join(", ")}`);
      }
    }
    console.log(`ok   words at ${width}px: every page measured`);
  }

  // The phone layout of a fragment in a host page, for the README
  // (docs/images/embedding-phone.png is a copy of it).
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(site, "host.html")).href, { waitUntil: "load" });
  await page.evaluate(() => {
    const heading = document.getElementById("ca-ccpa").previousElementSibling;
    window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 8);
  });
  await page.screenshot({ path: join(shots, "embedding-phone.png") });

  // Print: the standalone pages as PDF (looked at by people; artefacts).
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  for (const { name, file } of pages.filter((p) => !EMBEDDED.includes(p.name))) {
    await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: "load" });
    await page.pdf({ path: join(target, `${name}.pdf`), format: "A4", printBackground: true });
    const print = await page.evaluate(() => {
      const toc = document.querySelector(".candor-toc");
      const head = document.querySelector(".candor-table thead");
      return {
        tocBreak: toc ? getComputedStyle(toc).breakAfter : "auto",
        head: getComputedStyle(head).display,
      };
    });
    // The checks above ran with screen media; these read the print rules.
    await page.emulateMediaType("print");
    const pdf = await printFailures(page, join(target, `${name}.pdf`));
    const printed = await page.evaluate(() => {
      const toc = document.querySelector(".candor-toc");
      const head = document.querySelector(".candor-table thead");
      const row = document.querySelector(".candor-table tbody tr");
      return {
        tocBreak: toc ? getComputedStyle(toc).breakAfter : "auto",
        head: getComputedStyle(head).display,
        headAfter: getComputedStyle(head).breakAfter,
        row: getComputedStyle(row).display,
      };
    });
    await page.emulateMediaType(null);
    const where = `${name} print`;
    if (printed.tocBreak === "page") fail(where, "the contents stand alone on the first page");
    if (printed.head !== "table-header-group") fail(where, `the header row does not repeat (${printed.head})`);
    if (printed.headAfter !== "avoid") fail(where, "the header row may be left alone at the foot of a page");
    if (printed.row !== "table-row") fail(where, `tables print as cards (${printed.row})`);
    for (const f of pdf.failures) fail(where, `in the PDF: ${f}`);
    console.log(`ok   ${where}: ${JSON.stringify({ screen: print, print: printed })}; PDF: ${pdf.pages} pages, the header row repeated on ${pdf.repeated}`);
  }

  if (external.length) fail("network", `requests left the machine: ${[...new Set(external)].join(", ")}`);

  // `candor serve`: from a save to the repainted page, within 150 ms
  // (median); a syntax error shown, its fix repainted (serve.mjs).
  await serveRepaint(browser, candor, fail);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

if (!existsSync(join(shots, "host-390-light.png"))) fail("artefacts", "no screenshots written");
console.log(failures ? `${failures} failure(s)` : `browser suite passed; screenshots in ${shots}`);
process.exit(failures ? 1 : 0);
