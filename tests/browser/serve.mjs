// Save-to-repaint of `candor serve`, measured in Chromium (issue 26).
//
// For each policy below: a copy in a temporary directory, `candor serve` on
// it at a free port, the preview open in a page; then SAVES times a word of
// its own is written into a prose block of the .policy file, and the time is
// taken from the moment the write has returned to the moment the word is in
// the page's DOM and a frame has been drawn with it (the task after the next
// animation frame).
// Both instants are read on node's clock, around a poll of the page every
// 2 ms, so the figure includes the watcher, the compile and render, the
// event stream and the page's own update. The median must stay within
// LIMIT_MS. A save with a syntax error must show the error overlay, and the
// save that fixes it must repaint the page without it.
//
// The serve process is killed and the copy removed whatever happens.
//
// Used by run.mjs; alone: node serve.mjs (CANDOR, CHROMIUM as for run.mjs).

import { spawn } from "node:child_process";
import { get } from "node:http";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

export const LIMIT_MS = 150;
const SAVES = 15;
// Between two saves: an editor's saves are seconds apart, and a save that
// comes while the previous one renders would be measured with its wait.
const PAUSE_MS = 250;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");

// The policies served: the bundled one (fourteen files, the largest) and a
// corpus policy of one file. `file` is edited; `anchor` is text of a prose
// block the word goes after.
export const POLICIES = [
  {
    name: "bundled policy",
    dir: join(root, "policy"),
    file: "sections.policy",
    anchor: "Definitions used herein",
  },
  {
    name: "food_delivery",
    dir: join(root, "tests", "fixtures", "corpus", "food_delivery"),
    file: "policy.policy",
    anchor: "To charge you",
  },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Starts `candor serve DIR --port 0` and resolves to the child and its URL
// (from the line serve prints on stderr).
function startServe(candor, dir) {
  const child = spawn(candor, ["serve", dir, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolveStart, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`serve printed no address in 30 s: ${err}`)), 30000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}): ${err}`));
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const m = err.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolveStart({ child, url: m[0] });
      }
    });
  });
}

// Polls the page until `test` holds in it, then waits for the frame that
// paints it; resolves to the time on node's clock, or null after `timeout`.
async function until(page, test, arg, timeout = 10000) {
  const end = performance.now() + timeout;
  while (performance.now() < end) {
    let ok = false;
    try {
      ok = await page.evaluate(test, arg);
    } catch {
      // The page is between two documents (a reload): poll again.
    }
    if (ok) {
      try {
        // The next frame, and a task after it: its paint is done.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      } catch {
        continue;
      }
      return performance.now();
    }
    await sleep(2);
  }
  return null;
}

// Listens to serve's event stream from node: the time each `reload` event
// arrives, to tell how much of the repaint is serve's and how much the
// page's. Resolves once the stream is open.
function listen(url, arrivals) {
  return new Promise((resolveOpen, reject) => {
    const timer = setTimeout(() => reject(new Error("the event stream did not open in 10 s")), 10000);
    const request = get(`${url}events`, (response) => {
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        if (chunk.includes(": connected")) {
          clearTimeout(timer);
          resolveOpen(request);
        }
        for (const _ of chunk.matchAll(/^event: reload$/gm)) arrivals.push(performance.now());
      });
    });
    request.on("error", reject);
  });
}

const hasWord = (word) =>
  !!document.body && document.body.textContent.includes(word) && !document.getElementById("candor-overlay");
const hasOverlay = () => !!document.getElementById("candor-overlay");

// Measures one policy; `fail(where, message)` records a failure. Returns
// the figures.
async function measure(browser, candor, policy, fail) {
  const dir = mkdtempSync(join(tmpdir(), "candor-serve-"));
  let served = null;
  let stream = null;
  const page = await browser.newPage();
  try {
    cpSync(policy.dir, dir, { recursive: true });
    const file = join(dir, policy.file);
    const original = readFileSync(file, "utf8");
    if (!original.includes(policy.anchor)) throw new Error(`${policy.file} has no "${policy.anchor}"`);
    served = await startServe(candor, dir);
    // Counts the event streams the page opens: the page updates itself in
    // place, so one for the whole run (a copy of the script that ran again
    // would open another).
    await page.evaluateOnNewDocument(() => {
      const Original = window.EventSource;
      window.candorStreams = 0;
      window.EventSource = function (...args) {
        window.candorStreams += 1;
        return new Original(...args);
      };
    });
    await page.goto(served.url, { waitUntil: "load" });
    const where = `serve ${policy.name}`;
    const arrivals = [];
    stream = await listen(served.url, arrivals);

    const times = [];
    const events = [];
    for (let i = 0; i < SAVES; i++) {
      const word = `Repaintword${i}x${Date.now() % 100000}`;
      writeFileSync(file, original.replace(policy.anchor, `${policy.anchor} ${word}`));
      const saved = performance.now();
      const shown = await until(page, hasWord, word);
      if (shown === null) {
        fail(where, `save ${i + 1}: "${word}" not shown within 10 s`);
        return null;
      }
      times.push(shown - saved);
      const event = arrivals.find((t) => t >= saved);
      if (event !== undefined) events.push(event - saved);
      await sleep(PAUSE_MS);
    }

    // A syntax error shows over the last good render; the fix repaints.
    writeFileSync(file, `${original}\nsection unfinished {\n  text "half a thought\n`);
    const error = await until(page, hasOverlay, null);
    if (error === null) fail(where, "a save with a syntax error shows no error in the page");
    await sleep(PAUSE_MS);
    const fixed = `Fixedword${Date.now() % 100000}`;
    writeFileSync(file, original.replace(policy.anchor, `${policy.anchor} ${fixed}`));
    const repaired = await until(page, hasWord, fixed);
    if (repaired === null) fail(where, "the save that fixes the syntax error does not repaint the page");
    const streams = await page.evaluate(() => window.candorStreams);
    if (streams !== 1) fail(where, `the page opened ${streams} event streams, not one`);

    const figures = {
      median: median(times),
      max: Math.max(...times),
      min: Math.min(...times),
      event: events.length ? median(events) : null,
    };
    const text =
      `${times.length} saves, median ${figures.median.toFixed(0)} ms, max ${figures.max.toFixed(0)} ms, ` +
      `min ${figures.min.toFixed(0)} ms (the reload event ${figures.event?.toFixed(0)} ms after the save, median)`;
    if (figures.median > LIMIT_MS) {
      fail(where, `save-to-repaint ${text}: the median is over ${LIMIT_MS} ms`);
    } else {
      console.log(`ok   ${where}: save-to-repaint ${text}; a syntax error shown and its fix repainted`);
    }
    return figures;
  } finally {
    await page.close().catch(() => {});
    stream?.destroy();
    if (served) {
      served.child.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

// Every policy of POLICIES, one after the other.
export async function serveRepaint(browser, candor, fail) {
  const all = [];
  for (const policy of POLICIES) {
    all.push(await measure(browser, candor, policy, fail));
  }
  return all;
}

// Alone: a browser of its own.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { default: puppeteer } = await import("puppeteer-core");
  const candor = process.env.CANDOR ?? join(root, "target", "release", "candor");
  const profile = mkdtempSync(join(tmpdir(), "candor-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", `--user-data-dir=${profile}`],
  });
  let failures = 0;
  try {
    await serveRepaint(browser, candor, (where, message) => {
      failures += 1;
      console.log(`FAIL ${where}: ${message}`);
    });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failures ? 1 : 0);
}
