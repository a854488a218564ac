// Opens printed pages in the system Chromium through puppeteer-core (which downloads no browser)
// and reports what a person and a screen reader would meet: horizontal overflow at 320 px, 390 px
// and the A4 print width, axe-core's violations, duplicate ids, the rendered positions the
// right-to-left test needs, and a PDF printed on A4 at scale 1.
//
// Usage: node pages.mjs JOB.json, where JOB is
//   {"chromium": "/usr/bin/chromium", "pages": [{"file": "/abs/page.html", "pdf": "/abs/page.pdf"}]}
// Prints one JSON object: {"pages": [{"file", "overflow": {"320": [...], ...}, "axe": [...],
//   "duplicateIds": [...], "layout": {...}}]}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
// A4 is 210 mm wide; the page's @page margins are 14 mm on each side: 182 mm at 96 px per inch.
const PRINT_WIDTH = Math.floor((182 / 25.4) * 96);

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await puppeteer.launch({
  executablePath: job.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  headless: true,
});

function overflowing(width) {
  // Elements whose box reaches past the page's width, outside any scrolling region.
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".wide")) continue;
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1) {
      out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className?.baseVal ?? el.className}`);
    }
  }
  const doc = document.documentElement.scrollWidth;
  if (doc > width + 1) out.unshift(`document ${doc}px`);
  return out.slice(0, 20);
}

const results = [];
try {
  for (const item of job.pages) {
    const page = await browser.newPage();
    const url = pathToFileURL(item.file).href;
    const result = { file: item.file, overflow: {}, axe: [], duplicateIds: [], layout: {} };
    for (const width of [320, 390]) {
      await page.setViewport({ width, height: 900 });
      await page.goto(url, { waitUntil: "load" });
      result.overflow[String(width)] = await page.evaluate(overflowing, width);
    }
    await page.emulateMediaType("print");
    await page.setViewport({ width: PRINT_WIDTH, height: 1100 });
    await page.goto(url, { waitUntil: "load" });
    result.overflow.print = await page.evaluate(overflowing, PRINT_WIDTH);
    result.layout = await page.evaluate(() => {
      const box = (sel) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width };
      };
      const heads = [...document.querySelectorAll("table.grid thead th.scale")];
      const first = heads[0]?.getBoundingClientRect();
      const last = heads.at(-1)?.getBoundingClientRect();
      const minus = [...document.querySelectorAll("svg.chart .bar.minus")].map((b) => b.getBoundingClientRect().left);
      const plus = [...document.querySelectorAll("svg.chart .bar.plus")].map((b) => b.getBoundingClientRect().left);
      const texts = [...document.querySelectorAll("svg.chart text")].map(
        (t) => parseFloat(getComputedStyle(t).fontSize),
      );
      return {
        dir: document.documentElement.dir,
        grid: box("table.grid"),
        firstScaleLeft: first ? first.left : null,
        lastScaleLeft: last ? last.left : null,
        minusBars: minus,
        plusBars: plus,
        smallestChartText: texts.length ? Math.min(...texts) : null,
      };
    });
    await page.emulateMediaType("screen");
    await page.setViewport({ width: 1024, height: 900 });
    await page.goto(url, { waitUntil: "load" });
    result.duplicateIds = await page.evaluate(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    await page.addScriptTag({ content: AXE });
    const axe = await page.evaluate(async () => {
      const found = await window.axe.run(document, { resultTypes: ["violations"] });
      return found.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
    });
    result.axe = axe;
    if (item.pdf) {
      await page.emulateMediaType(null); // print as a browser prints: with the print styles
      await page.goto(url, { waitUntil: "load" });
      await page.pdf({ path: item.pdf, preferCSSPageSize: true, printBackground: true, scale: 1 });
    }
    await page.close();
    results.push(result);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ pages: results }));
