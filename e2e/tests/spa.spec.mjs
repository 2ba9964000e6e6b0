// The standalone single-page app: routes by deep link and by navigation,
// history, scroll restoration, the document head per page, a sub-path build,
// and the CDN-ready layout of the build.
import { test, expect, allowConsoleErrors, app, sample, SEED_SLUG, NATO_SLUG } from "./helpers.mjs";
import { PORTS } from "../playwright.config.mjs";
import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";

const head = (page) =>
  page.evaluate(() => ({
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.content ?? null,
    canonical: document.querySelector('link[rel="canonical"]')?.href ?? null,
    robots: document.querySelector('meta[name="robots"]')?.content ?? null,
    jsonLd: (() => {
      const s = document.querySelector('script[type="application/ld+json"]');
      return s ? JSON.parse(s.textContent) : null;
    })(),
  }));

test("every route works by deep link, with its own head", async ({ page }) => {
  allowConsoleErrors(); // the 404 route's missing article is logged by the browser
  const nato = sample(`articles/${NATO_SLUG}.json`);

  await page.goto(`/article/${NATO_SLUG}`);
  await expect(app(page).locator("article h1")).toHaveText(nato.headline);
  let h = await head(page);
  expect(h.title).toBe(`${nato.headline} — Herald`);
  expect(h.description).toBe(nato.standfirst);
  expect(h.canonical).toBe(`http://127.0.0.1:${PORTS.root}/article/${NATO_SLUG}`);
  expect(h.jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: nato.headline,
    datePublished: nato.published,
    author: [{ "@type": "Person", name: "Omid Sobhani" }],
  });
  expect(h.jsonLd.image[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/images\/.+\.svg$/);
  expect(h.jsonLd.dateModified).toBeTruthy();

  await page.goto("/archive/2024/04?page=2");
  await expect(app(page).locator(".hd-listing h1")).toHaveText("Articles from April 2024");
  await expect(app(page).locator(".hd-card")).toHaveCount(2);
  h = await head(page);
  expect(h.title).toBe("Articles from April 2024 — Herald");
  expect(h.canonical).toBe(`http://127.0.0.1:${PORTS.root}/archive/2024/04?page=2`);
  expect(h.jsonLd).toBeNull();

  for (const path of ["/nowhere", "/article/no-such-article", "/archive/2024/13"]) {
    await page.goto(path);
    await expect(app(page).locator(".hd-notfound h1")).toHaveText("Page not found");
    h = await head(page);
    expect(h.title).toBe("Page not found — Herald");
    expect(h.robots).toBe("noindex");
    expect(h.canonical).toBeNull();
  }

  await page.goto("/");
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  h = await head(page);
  expect(h.jsonLd.headline).toBe(sample(`articles/${SEED_SLUG}.json`).headline);
  expect(h.robots).toBeNull();
});

test("in-app navigation without reloads, back and forward, and scroll restored on back", async ({ page }) => {
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  await page.evaluate(() => (window.__sameDocument = true));
  const before = await page.evaluate(() => history.length);

  // Scroll to the read-also link in the middle of the article and follow it.
  const link = app(page).locator("aside.hd-read-also a");
  await link.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 120));
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(500);
  await link.click();
  await expect(page).toHaveURL(`/article/${NATO_SLUG}`);
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // A month from the archives.
  await app(page).getByRole("link", { name: "March 2024" }).click();
  await expect(page).toHaveURL("/archive/2024/03");
  await expect(app(page).locator(".hd-listing h1")).toHaveText("Articles from March 2024");
  expect(await page.evaluate(() => history.length)).toBe(before + 2);

  await page.goBack();
  await expect(page).toHaveURL(`/article/${NATO_SLUG}`);
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
  await page.goBack();
  await expect(page).toHaveURL("/");
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
  await page.goForward();
  await expect(page).toHaveURL(`/article/${NATO_SLUG}`);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test("links that are not the app's are left to the browser", async ({ page }) => {
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  // The author's page is on another site: an ordinary navigation.
  const author = app(page).locator(".hd-author a");
  await expect(author).toHaveAttribute("href", "https://example.com/authors/omid-sobhani");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().startsWith("https://example.com/"), { timeout: 5000 }),
    page.route("https://example.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>elsewhere</title>" })),
    author.click(),
  ]);
  expect(request.isNavigationRequest()).toBe(true);
  await expect(page).toHaveTitle("elsewhere");

  // A same-origin link to a path the app has no page for (an author page, a
  // feed) is the server's too: the browser loads it.
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  await page.evaluate(() => {
    window.__sameDocument = true;
    const a = Object.assign(document.createElement("a"), { href: "/about/team", textContent: "About us" });
    document.querySelector("#herald .hd-article__footer").append(a);
  });
  await app(page).getByRole("link", { name: "About us" }).click();
  await expect(page).toHaveURL("/about/team");
  await expect(app(page).locator(".hd-notfound h1")).toHaveText("Page not found");
  expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();
});

test("a second copy of the loader changes nothing", async ({ page }) => {
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  const first = await page.evaluate(async () => {
    window.__first = window.Herald;
    const s = Object.assign(document.createElement("script"), { type: "module", src: "/herald.js?copy=2" });
    const loaded = new Promise((r) => s.addEventListener("load", r));
    document.head.append(s);
    await loaded;
    await window.Herald.ready;
    return window.Herald === window.__first;
  });
  expect(first).toBe(true);
  await expect(app(page).locator("article h1")).toHaveCount(1);
  // The one app still navigates in place.
  await app(page).locator(".hd-read-also a").click();
  await expect(page).toHaveURL(`/article/${NATO_SLUG}`);
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = app(page).locator("a.hd-skip");
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText("Skip to content");
  await page.keyboard.press("Enter");
  await expect(app(page).locator("main")).toBeFocused();
  await expect(page).toHaveURL(/\/#herald-1-main$/);
});

test("a build for the sub-path /news/ works by deep link and by navigation", async ({ page }) => {
  const base = `http://127.0.0.1:${PORTS.news}/news/`;
  await page.goto(`${base}article/${SEED_SLUG}`);
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  await expect(app(page).locator("aside.hd-read-also a")).toHaveAttribute("href", `/news/article/${NATO_SLUG}`);
  await expect(app(page).locator(".hd-trending__item a").first()).toHaveAttribute("href", `/news/article/${SEED_SLUG}`);
  expect((await head(page)).canonical).toBe(`${base}article/${SEED_SLUG}`);
  await app(page).getByRole("link", { name: "April 2024" }).click();
  await expect(page).toHaveURL(`${base}archive/2024/04`);
  await expect(app(page).locator(".hd-card")).toHaveCount(10);
  await page.goBack();
  await expect(page).toHaveURL(`${base}article/${SEED_SLUG}`);
  await page.goto(base);
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
});

test("the build is ready for a CDN: hashed immutable assets and a stable loader", async ({ request }) => {
  const dist = new URL("../../dist/", import.meta.url);
  const files = readdirSync(dist);
  const hashed = files.filter((f) => /^herald-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f));
  expect(hashed).toHaveLength(3);
  const loader = readFileSync(new URL("herald.js", dist), "utf8");
  for (const f of hashed) expect(loader).toContain(f);
  const index = readFileSync(new URL("index.html", dist), "utf8");
  // The release page is minified: attributes may be unquoted and reordered.
  const loaderTag = index.match(/<script\b[^>]*\bsrc="?\/herald\.js"?[^>]*>/);
  expect(loaderTag?.[0]).toMatch(/\btype="?module\b/);
  expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>(?!\s*<\/script>)/); // no inline script
  for (const f of hashed) {
    const r = await request.get(f);
    expect(r.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  }
  expect((await request.get("herald.js")).headers()["cache-control"]).toBe("no-cache");
  // Each name is hashed from its file's own content (the JavaScript is
  // minified after trunk named it) and each integrity hash matches its file.
  const module = hashed.find((f) => /^herald-[0-9a-f]+\.js$/.test(f));
  const moduleText = readFileSync(new URL(module, dist));
  expect(module).toBe(`herald-${createHash("sha256").update(moduleText).digest("hex").slice(0, 16)}.js`);
  expect(moduleText.toString()).not.toMatch(/\n {2}/); // minified: no indented lines
  // The WebAssembly too, after its imports were given short names (in the
  // module that provides them as well: the widget would not start otherwise).
  const wasm = hashed.find((f) => f.endsWith("_bg.wasm"));
  const wasmBytes = readFileSync(new URL(wasm, dist));
  expect(wasm).toBe(`herald-${createHash("sha256").update(wasmBytes).digest("hex").slice(0, 16)}_bg.wasm`);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasmBytes));
  expect(imports.length).toBeGreaterThan(100);
  expect(imports.filter((i) => !/^_[0-9a-z]{1,3}$/.test(i.name))).toEqual([]);
  const integrity = [...index.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => [tag.match(/\bhref="?\/?([^"\s>]+)/)?.[1], tag.match(/\bintegrity="?([^"\s>]+)/)?.[1]])
    .filter(([, sri]) => sri);
  expect(integrity.map(([f]) => f).sort()).toEqual([...hashed].sort());
  for (const [f, sri] of integrity) {
    expect(sri).toBe(`sha384-${createHash("sha384").update(readFileSync(new URL(f, dist))).digest("base64")}`);
  }
});
