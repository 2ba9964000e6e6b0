// Herald's benchmark: bytes the browser downloads, time to the headline
// beside a static HTML page of the same article and beside a bare Leptos
// page (bench/baseline, built here), and render times of large documents.
// Writes the figures into BENCHMARKS.md (between the markers).
//
//   node bench/run.mjs [--loads 15]       (after scripts/build)
//
// Timings are taken in the page (performance.now() when the element
// appears), in the system Chromium, over loopback, cold cache each load,
// assets brotli-compressed as a CDN would send them.
import { chromium } from "../e2e/node_modules/playwright-core/index.mjs";
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { start } from "../e2e/server.mjs";
import { staticArticlePage } from "./static-page.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const args = process.argv.slice(2);
const LOADS = Number(args[args.indexOf("--loads") + 1] || 15);
const SEED = "we-went-in-together-we-will-leave-together-anthony-blinken";
const BUDGET_KB = 160;

const kb = (n) => (n / 1024).toFixed(1);
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gz = (b) => gzipSync(b, { level: 9 }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------- sizes ----------
function sizes() {
  const files = readdirSync(dist);
  const pick = (re) => files.find((f) => re.test(f));
  const rows = [
    ["index.html", "html"],
    ["herald.js", "js (loader)"],
    [pick(/^herald-[0-9a-f]+\.js$/), "js (bindings)"],
    [pick(/^herald-[0-9a-f]+_bg\.wasm$/), "wasm"],
    [pick(/^herald-[0-9a-f]+\.css$/), "css"],
  ].map(([file, kind]) => {
    const b = readFileSync(join(dist, file));
    return { file, kind, raw: b.length, gzip: gz(b), brotli: br(b) };
  });
  const code = rows.filter((r) => r.kind !== "html");
  const total = (k) => code.reduce((s, r) => s + r[k], 0);
  const data = [`data/articles/${SEED}.json`, "data/trending.json", "data/archives.json", "data/weather.json"]
    .filter((f) => files.includes("data"))
    .flatMap((f) => {
      try {
        const b = readFileSync(join(dist, f));
        return [{ file: f, kind: "data", raw: b.length, gzip: gz(b), brotli: br(b) }];
      } catch {
        return [];
      }
    });
  return { rows, data, code: { raw: total("raw"), gzip: total("gzip"), brotli: total("brotli") } };
}

// ---------- the bare Leptos baseline ----------
// Built with the widget's release profile into the shared target directory,
// then through wasm-bindgen and wasm-opt -Oz as trunk does for the widget.
// Returns the directory to serve, with the sample article beside it.
function buildBaseline() {
  const crate = join(root, "bench/baseline");
  const out = join(crate, "dist");
  const run = (cmd, args, options = {}) => {
    const r = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
    if (r.status !== 0) throw new Error(`baseline: \`${cmd} ${args.join(" ")}\` failed (${r.error?.message ?? `exit ${r.status}`})`);
  };
  const target = join(root, "target");
  run("cargo", ["build", "--release", "--locked", "--target", "wasm32-unknown-unknown"], {
    cwd: crate,
    env: { ...process.env, CARGO_TARGET_DIR: target },
  });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "data/articles"), { recursive: true });
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", "baseline",
    join(target, "wasm32-unknown-unknown/release/herald_bench_baseline.wasm")]);
  const features = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"];
  run(join(root, "e2e/node_modules/.bin/wasm-opt"), ["-Oz", ...features.map((f) => `--enable-${f}`),
    join(out, "baseline_bg.wasm"), "-o", join(out, "baseline_bg.wasm")]);
  for (const f of ["index.html", "start.js"]) copyFileSync(join(crate, f), join(out, f));
  copyFileSync(join(dist, `data/articles/${SEED}.json`), join(out, `data/articles/${SEED}.json`));
  const code = ["baseline_bg.wasm", "baseline.js", "start.js"].map((f) => readFileSync(join(out, f)));
  return { dir: out, brotli: code.reduce((n, b) => n + br(b), 0) };
}

// ---------- timings ----------
const LAUNCH = {
  executablePath: process.env.HERALD_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

// Reports when the first element matching a selector is in the DOM. The
// report goes out through a binding, so that nothing is injected into the
// page while it loads (Playwright's own evaluation script would cost the page
// tens of milliseconds on this machine).
const WATCH = (selector) => `
  (() => {
    const sel = ${JSON.stringify(selector)};
    let done = false;
    const check = () => {
      if (done || !document.querySelector(sel)) return;
      done = true;
      window.__heraldReport(performance.now());
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();`;

async function watch(page, selector) {
  let report;
  const seen = new Promise((resolve, reject) => {
    report = resolve;
    setTimeout(() => reject(new Error(`${selector} never appeared`)), 30_000);
  });
  await page.exposeFunction("__heraldReport", (t) => report(t));
  await page.addInitScript(WATCH(selector));
  // Wrapped: an async function returning a bare promise would be awaited through.
  return { seen };
}

async function timeTo(browser, url, selector, setup) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (setup) await setup(page);
  const { seen } = await watch(page, selector);
  await page.goto(url, { waitUntil: "commit" });
  const t = await seen;
  await context.close();
  return t;
}

async function headline(browser, base, bareBase) {
  const app = [];
  const stat = [];
  const bare = [];
  // Alternate, so that all three see the same machine conditions.
  for (let i = 0; i < LOADS; i++) {
    stat.push(await timeTo(browser, `${base}static-article.html`, "h1"));
    bare.push(await timeTo(browser, bareBase, "article h1"));
    app.push(await timeTo(browser, base, "article h1"));
  }
  return {
    app: median(app),
    static: median(stat),
    bare: median(bare),
    appAll: app,
    staticAll: stat,
    bareAll: bare,
  };
}

function bigListing(n) {
  const items = Array.from({ length: n }, (_, i) => ({
    slug: `generated-${i}`,
    url: `../../article/generated-${i}`,
    headline: `Generated article number ${i + 1} for the listing benchmark`,
    kicker: "Benchmark",
    standfirst: "A standfirst of ordinary length, long enough to wrap on a phone and to be realistic.",
    author: "Omid Sobhani",
    published: `2024-04-${String(1 + (i % 28)).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}:00+02:00`,
    image: { src: "../../images/brussels-press-conference.svg", alt: "", width: 1200, height: 675 },
  }));
  return { herald: 1, type: "listing", year: 2024, month: 4, items };
}

function bigArticle(n) {
  const doc = JSON.parse(readFileSync(join(dist, `data/articles/${SEED}.json`), "utf8"));
  doc.body = Array.from({ length: n }, (_, i) => ({
    type: "paragraph",
    text: `Paragraph ${i + 1}. ` + "The quick brown fox jumps over the lazy dog, as every typesetter knows. ".repeat(3),
  }));
  return doc;
}

// An article whose body is a table of n rows (format 1.1) between a few
// paragraphs: a caption, a header row, 5 columns of short texts and
// numbers (as text: a cell is inline content), the numbers aligned to the end.
function bigTable(n) {
  const doc = JSON.parse(readFileSync(join(dist, `data/articles/${SEED}.json`), "utf8"));
  const cities = ["Brussels", "Kabul", "Washington", "Berlin", "Ankara", "Rome", "Warsaw", "Oslo"];
  const paragraph = (i) => ({
    type: "paragraph",
    text: `Paragraph ${i}. ` + "The quick brown fox jumps over the lazy dog, as every typesetter knows. ".repeat(3),
  });
  const table = {
    type: "table",
    caption: `Troops by base, ${n} bases`,
    head: [["Base", "City", "Troops", "Change", "Budget (€ million)"]],
    rows: Array.from({ length: n }, (_, i) => [
      `Base ${i + 1}`,
      cities[i % cities.length],
      String(100 + ((i * 37) % 900)),
      `${i % 3 ? "+" : "−"}${(i % 17) + 1}%`,
      (10 + i * 1.25).toFixed(1),
    ]),
    align: [null, null, "end", "end", "end"],
  };
  doc.body = [paragraph(1), paragraph(2), table, paragraph(3), paragraph(4)];
  return doc;
}

// Loads a document with a table once and checks that Herald rendered its
// table whole: the caption, the header rows, every body row with all its
// cells, the columns' alignment, and no warning or error about the article.
async function checkTable(browser, url, pattern, doc) {
  const expected = doc.body.find((b) => b.type === "table");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const complaints = [];
  page.on("console", (m) => m.text().startsWith("[herald] article") && complaints.push(m.text()));
  const body = JSON.stringify(doc);
  await page.route(pattern, (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
  await page.goto(url);
  await page.waitForSelector(".hd-body table, .hd-error", { state: "attached", timeout: 30_000 });
  const seen = await page.evaluate(() => {
    const t = document.querySelector(".hd-body table");
    return (
      t && {
        caption: t.caption?.textContent,
        head: [...(t.tHead?.rows ?? [])].map((r) => r.cells.length),
        body: [...t.tBodies[0].rows].map((r) => r.cells.length),
        end: t.querySelectorAll(".hd-align-end").length,
      }
    );
  });
  await context.close();
  const columns = expected.head[0].length;
  const ends = expected.align.filter((a) => a === "end").length * (expected.head.length + expected.rows.length);
  const ok =
    seen &&
    seen.caption === expected.caption &&
    seen.head.length === expected.head.length &&
    seen.body.length === expected.rows.length &&
    [...seen.head, ...seen.body].every((cells) => cells === columns) &&
    seen.end === ends &&
    complaints.length === 0;
  if (!ok) {
    throw new Error(`the table article did not render as generated: ${JSON.stringify({ seen: seen && { ...seen, body: seen.body.length }, complaints })}`);
  }
}

// Time from the document's response to its last element being in the DOM.
async function renderTime(browser, url, pattern, doc, lastSelector) {
  try {
    return await renderTimeOnce(browser, url, pattern, doc, lastSelector);
  } catch (e) {
    console.error(`render time of ${url}: ${e.message.split("\n")[0]}`);
    return NaN;
  }
}

async function renderTimeOnce(browser, url, pattern, doc, lastSelector) {
  const runs = [];
  const body = JSON.stringify(doc);
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route(pattern, (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
    const { seen } = await watch(page, lastSelector);
    await page.goto(url, { waitUntil: "commit" });
    const at = await seen;
    const arrived = await page.evaluate((p) => {
      const entry = performance.getEntriesByType("resource").find((e) => e.name.includes(p));
      return entry ? entry.responseEnd : 0;
    }, pattern.replace(/\*/g, ""));
    runs.push(at - arrived);
    await context.close();
  }
  return median(runs);
}

// ---------- report ----------
function table(rows) {
  return rows.map((r) => `| ${r.file} | ${r.kind} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`).join("\n");
}

async function main() {
  const s = sizes();
  const baseline = buildBaseline();
  writeFileSync(join(dist, "static-article.html"), staticArticlePage(dist, SEED));
  const server = await start({ root: dist, port: 0, compress: true });
  const bareServer = await start({ root: baseline.dir, port: 0, compress: true });
  const browser = await chromium.launch(LAUNCH);
  const h = await headline(browser, server.url, bareServer.url);
  const listing = await renderTime(browser, `${server.url}archive/2024/04?page=1`, "**/data/archive/2024-04.json", bigListing(1000), ".hd-card:nth-of-type(10)");
  const longArticle = await renderTime(browser, `${server.url}article/${SEED}`, `**/data/articles/${SEED}.json`, bigArticle(2000), ".hd-body > p:nth-of-type(2000)");
  await checkTable(browser, `${server.url}article/${SEED}`, `**/data/articles/${SEED}.json`, bigTable(200));
  const tableArticle = await renderTime(browser, `${server.url}article/${SEED}`, `**/data/articles/${SEED}.json`, bigTable(200), ".hd-body table > tbody > tr:nth-of-type(200)");
  await browser.close();
  await server.close();
  await bareServer.close();

  const ratio = h.app / h.static;
  const results = {
    date: new Date().toISOString().slice(0, 10),
    chromium: LAUNCH.executablePath,
    loads: LOADS,
    sizes: s,
    headline: {
      app_ms: h.app,
      static_ms: h.static,
      bare_leptos_ms: h.bare,
      ratio,
      bare_leptos_ratio: h.bare / h.static,
      bare_leptos_brotli_bytes: baseline.brotli,
      app_runs: h.appAll,
      static_runs: h.staticAll,
      bare_leptos_runs: h.bareAll,
    },
    render: {
      listing_1000_ms: listing,
      article_2000_paragraphs_ms: longArticle,
      article_table_200_rows_ms: tableArticle,
      ms_per_paragraph: longArticle / 2000,
      ms_per_table_row: tableArticle / 200,
    },
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/latest.json"), JSON.stringify(results, null, 2) + "\n");

  const md = `<!-- bench:start -->
Measured ${results.date} by \`node bench/run.mjs\` on this repository's release build
(\`scripts/build\`), headless Chromium, loopback, brotli as a CDN serves it.

### Bytes for the sample article

| file | kind | raw KB | gzip KB | brotli KB |
|---|---|---:|---:|---:|
${table(s.rows)}
| **wasm + js + css** | | **${kb(s.code.raw)}** | **${kb(s.code.gzip)}** | **${kb(s.code.brotli)}** |

Budget: wasm + js + css at most ${BUDGET_KB} KB brotli (the IAB's initial load for a
300×250 display ad is 150 KB): **${s.code.brotli / 1024 <= BUDGET_KB ? "met" : "NOT met"}** (${kb(s.code.brotli)} KB).

Data the page fetches besides (not in the budget):

| file | kind | raw KB | gzip KB | brotli KB |
|---|---|---:|---:|---:|
${table(s.data)}

### Time to the headline

From navigation start to the headline (\`h1\`) in the DOM, measured in the
page, median of ${LOADS} cold loads each, the three pages alternating:

| page | median ms | ratio to static | ratio to bare Leptos |
|---|---:|---:|---:|
| static HTML page of the same article (same server, same CSS) | ${h.static.toFixed(1)} | 1 | |
| bare Leptos page (\`bench/baseline\`: fetches the same JSON, renders headline, standfirst and paragraphs; no CSS, no \`Intl\`, no other parts; ${kb(baseline.brotli)} KB brotli) | ${h.bare.toFixed(1)} | ${(h.bare / h.static).toFixed(2)} | 1 |
| **Herald** (WebAssembly, article fetched as JSON) | **${h.app.toFixed(1)}** | ${ratio.toFixed(2)} | **${(h.app / h.bare).toFixed(2)}** (budget 2.0) |

### Rendering large documents

From the document's arrival (\`responseEnd\`) to its content in the DOM,
median of 5:

| document | median ms |
|---|---:|
| month listing of 1,000 articles (first page of 10 shown) | ${listing.toFixed(1)} |
| article of 2,000 paragraphs | ${longArticle.toFixed(1)} |
| article with a 200-row table | ${tableArticle.toFixed(1)} |

Per block (each time over its number of blocks, the rest of the article
included): ${(longArticle / 2000).toFixed(3)} ms per paragraph of the 2,000-paragraph article,
${(tableArticle / 200).toFixed(3)} ms per row of the 200-row table (5 cells a row).
<!-- bench:end -->`;
  const path = join(root, "BENCHMARKS.md");
  let doc;
  try {
    doc = readFileSync(path, "utf8");
  } catch {
    doc = "# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n";
  }
  doc = doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, md);
  writeFileSync(path, doc);
  console.log(md);
}

await main();
