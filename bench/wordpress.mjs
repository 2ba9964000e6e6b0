// Requests and time to a complete page from one attribute,
// `data-wordpress`, on the live test WordPress (scripts/wordpress), beside
// the same parts from Herald JSON (the sample site's files). Writes the
// figures into BENCHMARKS.md (between the wordpress markers).
//
//   scripts/wordpress/start /tmp/herald-wp && set -a && . /tmp/herald-wp/env && set +a
//   node bench/wordpress.mjs [--loads 7]          (after scripts/build)
//
// A page is complete when its headline, its five trending rows and the
// open year's months of the archives are in the DOM. Cold cache and a
// fresh sessionStorage each load; the site's answers pass through the
// runner (Chromium keeps a page handed over by the runner from loopback
// addresses), and so do the Herald JSON files, so both pay the same hop.
import { chromium } from "../e2e/node_modules/playwright-core/index.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { start } from "../e2e/server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const args = process.argv.slice(2);
const LOADS = Number(args[args.indexOf("--loads") + 1] || 7);
const WP = process.env.HERALD_WP_URL;
const SEED = "we-went-in-together-we-will-leave-together-anthony-blinken";
if (!WP) throw new Error("HERALD_WP_URL is not set: start scripts/wordpress/start and source its env");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const LAUNCH = {
  executablePath: process.env.HERALD_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
};

const page = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
  <script type="module" src="/herald.js"></script></head><body>
  <div data-herald="page" data-locale="en" data-ads="off" ${attrs}></div></body></html>`;

const PAGES = {
  wordpress: page(`data-wordpress="${WP}" data-slug="${SEED}"`),
  herald: page(
    `data-article="/data/articles/{slug}.json" data-slug="${SEED}" data-trending="/data/trending.json" data-archives="/data/archives.json"`,
  ),
};

async function load(browser, base, kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const requests = [];
  const pass = async (route) => {
    const url = route.request().url();
    // Data, not the images the data names.
    if (/\/wp-json\/|[?&]rest_route=|\/data\/.*\.json/.test(url)) requests.push(url);
    await route.fetch().then((response) => route.fulfill({ response })).catch(() => {});
  };
  await p.route((url) => url.href.startsWith(`${WP}/`), pass);
  await p.route("**/data/**", pass);
  await p.route(/^https?:\/\/([a-z0-9]+\.)?gravatar\.com\//, (route) => route.fulfill({ contentType: "image/svg+xml", body: "<svg xmlns='http://www.w3.org/2000/svg'/>" }));
  await p.route("**/__bench/page.html", (route) => route.fulfill({ contentType: "text/html", body: PAGES[kind] }));
  await p.goto(`${base}__bench/page.html`);
  const headline = await p.waitForFunction(() => {
    const h = document.querySelector("[data-herald] article h1") ?? document.querySelector("[data-herald]")?.shadowRoot?.querySelector("article h1");
    return h && performance.now();
  }, null, { timeout: 30_000, polling: "raf" });
  const complete = await p.waitForFunction(() => {
    const r = document.querySelector("[data-herald]")?.shadowRoot ?? document;
    const done = r.querySelectorAll(".hd-trending__link").length >= 5 && r.querySelectorAll(".hd-archives__month").length > 0 && r.querySelector("article h1");
    return done && performance.now();
  }, null, { timeout: 30_000, polling: "raf" });
  const out = { headline: await headline.jsonValue(), complete: await complete.jsonValue(), requests: requests.length };
  await context.close();
  return out;
}

async function main() {
  const server = await start({ root: dist, port: 0, compress: true });
  const browser = await chromium.launch(LAUNCH);
  const runs = { wordpress: [], herald: [] };
  for (let i = 0; i < LOADS; i++) {
    for (const kind of ["herald", "wordpress"]) runs[kind].push(await load(browser, server.url, kind));
  }
  await browser.close();
  await server.close();
  const sum = (kind) => ({
    headline: median(runs[kind].map((r) => r.headline)),
    complete: median(runs[kind].map((r) => r.complete)),
    requests: median(runs[kind].map((r) => r.requests)),
  });
  const w = sum("wordpress");
  const h = sum("herald");
  const table = `<!-- wordpress:start -->
Measured by \`node bench/wordpress.mjs\` (${LOADS} cold loads each, median; the live
test WordPress 6.1 under PHP's built-in server with four workers; loopback; ${new Date().toISOString().slice(0, 10)}).

| page | requests for data | headline (ms) | complete page (ms) |
|---|---:|---:|---:|
| Herald JSON (article, trending, archives files) | ${h.requests} | ${h.headline.toFixed(0)} | ${h.complete.toFixed(0)} |
| \`data-wordpress\` alone (discovery, post, Popular Posts, archives counts) | ${w.requests} | ${w.headline.toFixed(0)} | ${w.complete.toFixed(0)} |

"Complete": the headline, five trending rows and the open year's months.
The WordPress page's requests: the index, the post (sent at once, beside
the index), Popular Posts, the oldest and newest post, one count per year
and one per month of the open year (docs/sources.md).
<!-- wordpress:end -->`;
  const path = join(root, "BENCHMARKS.md");
  const md = readFileSync(path, "utf8");
  const next = md.includes("<!-- wordpress:start -->")
    ? md.replace(/<!-- wordpress:start -->[\s\S]*<!-- wordpress:end -->/, table)
    : `${md.trimEnd()}\n\n## A WordPress site from one attribute\n\n${table}\n`;
  writeFileSync(path, next);
  console.log(JSON.stringify({ wordpress: w, herald: h }));
}

await main();
