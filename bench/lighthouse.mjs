// Lighthouse 12.2.3 against the release build (served by e2e/server.mjs with
// brotli, as a CDN would), mobile defaults, median of three runs on the
// sample article page. Writes the figures into BENCHMARKS.md.
//
//   (cd bench && npm ci) && node bench/lighthouse.mjs     (after scripts/build)
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { start } from "../e2e/server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 3;
const PATH = "article/we-went-in-together-we-will-leave-together-anthony-blinken";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// HERALD_DIST: another build to measure (then BENCHMARKS.md is left alone).
const dist = process.env.HERALD_DIST || join(root, "dist");
const server = await start({ root: dist, port: 0, compress: true });
const url = server.url + PATH;
// A CDN serves compressed files from its cache: compress each file once
// before the runs, so that no run waits for brotli at quality 11.
for (const name of readdirSync(dist)) {
  if (/\.(html|js|css|wasm)$/.test(name)) await fetch(server.url + name, { headers: { "accept-encoding": "br" } }).then((r) => r.arrayBuffer());
}
for (const data of ["data/trending.json", "data/archives.json", "data/weather.json", `data/articles/${PATH.split("/").pop()}.json`]) {
  await fetch(server.url + data, { headers: { "accept-encoding": "br" } }).then((r) => r.arrayBuffer());
}
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.HERALD_CHROMIUM || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
  await chrome.kill();
  const lhr = result.lhr;
  const score = (k) => lhr.categories[k].score;
  const audit = (k) => lhr.audits[k];
  runs.push({
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    fcp: audit("first-contentful-paint").numericValue,
    lcp: audit("largest-contentful-paint").numericValue,
    tbt: audit("total-blocking-time").numericValue,
    cls: audit("cumulative-layout-shift").numericValue,
    si: audit("speed-index").numericValue,
    longTasks: (audit("long-tasks")?.details?.items ?? []).map((t) => `${t.url.split("/").pop() || "document"} ${Math.round(t.duration)} ms`),
    failed: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
      .map((a) => `${a.id} (${a.score})`),
  });
  console.error(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
}
await server.close();

const m = (k) => median(runs.map((r) => r[k]));
const results = {
  date: new Date().toISOString().slice(0, 10),
  lighthouse: "12.2.3",
  url: `/${PATH}`,
  runs,
  median: Object.fromEntries(["performance", "accessibility", "bestPractices", "seo", "fcp", "lcp", "tbt", "cls", "si"].map((k) => [k, m(k)])),
};
mkdirSync(join(root, "bench/results"), { recursive: true });
if (process.env.HERALD_DIST) {
  console.log(JSON.stringify(runs.map(({ performance, tbt, lcp }) => ({ performance, tbt, lcp }))));
  process.exit(0);
}
writeFileSync(join(root, "bench/results/lighthouse.json"), JSON.stringify(results, null, 2) + "\n");

const ms = (n) => `${Math.round(n)} ms`;
const md = `<!-- lighthouse:start -->
Measured ${results.date} by \`node bench/lighthouse.mjs\`: Lighthouse ${results.lighthouse}, mobile
defaults (simulated slow 4G, 4× CPU slowdown), the system Chromium, the release
build served with brotli; median of ${RUNS} runs on \`${results.url}\`.

| category | median | runs | target |
|---|---:|---|---:|
| Performance | ${m("performance")} | ${runs.map((r) => r.performance).join(", ")} | ≥ 0.95 |
| Accessibility | ${m("accessibility")} | ${runs.map((r) => r.accessibility).join(", ")} | 1.0 |
| Best practices | ${m("bestPractices")} | ${runs.map((r) => r.bestPractices).join(", ")} | 1.0 |
| SEO | ${m("seo")} | ${runs.map((r) => r.seo).join(", ")} | |

| metric | median |
|---|---:|
| First Contentful Paint | ${ms(m("fcp"))} |
| Largest Contentful Paint | ${ms(m("lcp"))} |
| Total Blocking Time | ${ms(m("tbt"))} |
| Speed Index | ${ms(m("si"))} |
| Cumulative Layout Shift | ${m("cls")} |

Audits below full marks in the median run: ${(runs.find((r) => r.performance === m("performance")) ?? runs[0]).failed.join(", ") || "none"}.
<!-- lighthouse:end -->`;
const path = join(root, "BENCHMARKS.md");
let doc = readFileSync(path, "utf8");
if (doc.includes("<!-- lighthouse:start -->")) {
  doc = doc.replace(/<!-- lighthouse:start -->[\s\S]*<!-- lighthouse:end -->/, md);
} else {
  doc += `\n## Lighthouse\n\n${md}\n`;
}
writeFileSync(path, doc);
console.log(md);
