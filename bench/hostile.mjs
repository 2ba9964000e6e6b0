// The browser half of the hostile-documents benchmark: each 5 MB document
// that `src/core/hostile.rs` writes (bench/hostile.sh passes the folder)
// fed to a widget of the release build (dist/) in headless Chromium, as a
// publisher's page would get it. For each: the time from navigation until
// the widget shows its content or its error, the main thread's longest task
// and the total time of its long tasks (over 50 ms), and the page's memory
// (JavaScript heap and the WebAssembly memory's size) once it has settled.
//
//   node bench/hostile.mjs DIR     # prints a Markdown table
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { start } from "../e2e/server.mjs";

const root = new URL("..", import.meta.url).pathname;
const { chromium } = createRequire(join(root, "e2e", "package.json"))("@playwright/test");
const dir = process.argv[2];
if (!dir) throw new Error("usage: node bench/hostile.mjs DIR");
const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));

const site = await start({ root: join(root, "dist"), port: 0 });

const browser = await chromium.launch({
  executablePath: process.env.HERALD_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"],
});

function placeholder(entry) {
  const url = `/__hostile/${entry.file}`;
  const common = `data-max-bytes="8388608" data-timeout="60000" data-ads="off"`;
  if (entry.view === "topbar") return `<div data-herald="topbar" data-weather="${url}" data-weather-format="open-meteo" ${common}></div>`;
  if (entry.view === "trending") return `<div data-herald="trending" data-trending="${url}" data-trending-format="${entry.format}" ${common}></div>`;
  return `<div data-herald="article" data-article="${url}" data-article-format="${entry.format}" ${common}></div>`;
}

const rows = [];
for (const entry of index) {
  const page = await browser.newPage();
  // The document, answered by the browser's request interception (a page
  // fulfilled this way may not fetch from the loopback server directly).
  await page.route(`**/__hostile/${entry.file}`, (route) =>
    route.fulfill({ contentType: "application/json", body: readFileSync(join(dir, entry.file)) }),
  );
  await page.route("**/__bench/hostile.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
        <script>
          window.__long = [];
          new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: "longtask", buffered: true });
        </script>
        <script type="module" src="/herald.js"></script></head><body>${placeholder(entry)}</body></html>`,
    }),
  );
  await page.goto(new URL("__bench/hostile.html", site.url).href);
  // Settled: the widget shows content or an error (or, for the top bar, its date).
  await page.waitForFunction(
    () => {
      const root = document.querySelector("[data-herald]")?.shadowRoot;
      return root?.querySelector("article h1, .hd-error, .hd-trending__link, .hd-empty, .hd-topbar__date time");
    },
    null,
    { timeout: 120_000, polling: 20 },
  );
  const settled = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    const root = document.querySelector("[data-herald]").shadowRoot;
    const error = root.querySelector(".hd-error__detail")?.textContent ?? "";
    return {
      long: window.__long,
      heap: performance.memory?.usedJSHeapSize ?? 0,
      outcome: error ? `error: ${error}` : "shown",
    };
  });
  const cdp = await page.context().newCDPSession(page);
  const { metrics } = await cdp.send("Performance.getMetrics").catch(() => ({ metrics: [] }));
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? result.heap;
  const longest = Math.max(0, ...result.long);
  const total = result.long.reduce((a, b) => a + b, 0);
  rows.push(
    `| ${entry.name} | ${Math.round(settled)} ms | ${Math.round(longest)} ms | ${Math.round(total)} ms | ${(heap / 1048576).toFixed(1)} MB | ${result.outcome.replace(/\|/g, "/").slice(0, 110)} |`,
  );
  await page.close();
}
await browser.close();
await site.close();

console.log("| document (5 MB) | settled after | longest task | long tasks in all | JS heap after | outcome |");
console.log("|---|---:|---:|---:|---:|---|");
for (const row of rows) console.log(row);
