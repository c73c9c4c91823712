// The print checks of the browser suite, on the PDF itself: the text of
// each page (Poppler's pdftotext, in the order Chromium drew it) must show
// every table's header row on every page the table runs over, and a
// visible caption on the same page as the start of its table.

import { execFileSync } from "node:child_process";

const squash = (s) => s.replace(/\s+/g, " ").trim();

// What the page says of its tables, read in print media: the header row's
// text, the caption (when it prints: not the visually hidden ones), the
// first row's name, and the start of the text that follows the table.
function tablesForPrint() {
  const squash = (s) => s.replace(/\s+/g, " ").trim();
  // The first words of the next element with text after the table.
  const after = (el) => {
    for (let node = el; node; node = node.parentElement) {
      for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
        // Its first line (a heading, or the start of a paragraph).
        const line = (next.innerText ?? "").split("\n").map(squash).find(Boolean);
        if (line) return line.split(" ").slice(0, 6).join(" ");
      }
      if (node.classList?.contains("candor")) break;
    }
    return "";
  };
  return [...document.querySelectorAll(".candor-table")].map((table) => {
    const caption = table.querySelector("caption");
    const box = caption?.getBoundingClientRect();
    const shown = caption && box.width > 2 && box.height > 2 && getComputedStyle(caption).clipPath === "none";
    const row = table.querySelector("tbody th[scope=row], tbody td");
    return {
      cls: table.className,
      header: squash([...table.querySelectorAll("thead th")].map((th) => th.innerText).join(" ")),
      caption: shown ? squash(caption.innerText) : "",
      first: row ? squash(row.innerText).split(" ").slice(0, 4).join(" ") : "",
      after: after(table.closest(".candor-table-wrap") ?? table),
    };
  });
}

// The failures of one printed page: `page` is showing it, in print media;
// `pdf` is its PDF. Every page from the table's first to the one where the
// text after it starts (that one too, when the table still holds its top)
// must show the header row.
export async function printFailures(page, pdf) {
  const tables = await page.evaluate(tablesForPrint);
  const text = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f").map(squash);
  // The whole text, and the page of each offset in it.
  const whole = pages.join(" ");
  const starts = [];
  pages.reduce((at, p) => (starts.push(at), at + p.length + 1), 0);
  const pageAt = (offset) => starts.findLastIndex((s) => s <= offset);
  const failures = [];
  let repeated = 0;
  for (const t of tables) {
    if (!t.header) continue;
    const head = whole.indexOf(t.header);
    if (head < 0) {
      failures.push(`${t.cls}: its header row is not in the PDF's text`);
      continue;
    }
    const first = pageAt(head);
    // The table ends where the text after it starts: on that page, unless
    // that text opens the page.
    const end = t.after ? whole.indexOf(t.after, head + t.header.length) : -1;
    let last = end < 0 ? pages.length - 1 : pageAt(end);
    if (end >= 0 && end === starts[last] && last > first) last -= 1;
    while (last > first && !pages[last]) last -= 1;
    for (let i = first + 1; i <= last; i += 1) {
      if (pages[i].includes(t.header)) {
        repeated += 1;
      } else {
        failures.push(`${t.cls}: the header row does not repeat on page ${i + 1}`);
      }
    }
    if (t.caption) {
      const at = whole.indexOf(t.caption);
      if (at < 0) failures.push(`${t.cls}: the caption is not in the PDF's text`);
      else if (pageAt(at) !== first || !pages[first].includes(t.first)) {
        failures.push(`${t.cls}: the caption stands on page ${pageAt(at) + 1} without its table`);
      }
    }
  }
  return { failures, pages: pages.filter((p) => p).length, repeated };
}
