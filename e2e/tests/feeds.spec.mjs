// Publishers' data: the sample site's WordPress-shaped and JSON-Feed-shaped
// copies render like the native articles; bad input of every kind ends in a
// clear error; the XSS corpus, through the real pipeline, runs nothing and
// loads nothing from the attacker.
import { test, expect, allowConsoleErrors, sample, SEED_SLUG, NATO_SLUG } from "./helpers.mjs";
import { readFileSync } from "node:fs";

/** Serves a test page with the given placeholders, loading the real build. */
async function testPage(page, body, path = "/__test/page.html") {
  await page.route(`**${path}`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title>
        <link rel="icon" href="/favicon.svg"><script type="module" src="/herald.js"></script></head>
        <body>${body}</body></html>`,
    }),
  );
  await page.goto(path);
}

const SOURCES = {
  herald: `data-article="/data/articles/{slug}.json"`,
  wordpress: `data-article="/data/wordpress/posts/{slug}.json" data-article-format="wordpress"`,
  jsonfeed: `data-article="/data/jsonfeed/feed.json" data-article-format="jsonfeed"`,
};

/** The text of every part of a rendered article, in order. */
async function articleText(locator) {
  return locator.evaluate((w) => {
    const a = w.shadowRoot.querySelector("article");
    const t = (sel) => [...a.querySelectorAll(sel)].map((e) => e.textContent.trim());
    return {
      kicker: t(".hd-kicker"),
      headline: t("h1"),
      standfirst: t(".hd-standfirst"),
      byline: t(".hd-byline__authors"),
      date: t(".hd-byline time").slice(0, 1),
      lead: t(":scope > figure figcaption"),
      body: [...a.querySelectorAll(".hd-body > :not(.hd-ad):not(figure.hd-figure)")].map((e) => `${e.tagName} ${e.textContent.trim()}`),
      readAlso: [...a.querySelectorAll(".hd-read-also a")].map((e) => e.getAttribute("href")),
      tags: t(".hd-tag"),
      author: t(".hd-author"),
    };
  });
}

for (const slug of [SEED_SLUG, NATO_SLUG, "nowruz-book-fair-madrid", "night-trains-are-back-on-europes-timetables"]) {
  test(`the WordPress and JSON Feed copies of ${slug} render like the native article`, async ({ page }) => {
    const widgets = Object.entries(SOURCES)
      .map(([name, attrs]) => `<div id="w-${name}" data-herald="article" ${attrs} data-slug="${slug}" data-ads="off" data-link="/article/{slug}" data-time-zone="Europe/Madrid"></div>`)
      .join("\n");
    await testPage(page, widgets);
    for (const name of Object.keys(SOURCES)) {
      await expect(page.locator(`#w-${name} article h1`)).toHaveText(sample(`articles/${slug}.json`).headline);
    }
    const native = await articleText(page.locator("#w-herald"));
    expect(native.body.length).toBeGreaterThan(3);
    for (const name of ["wordpress", "jsonfeed"]) {
      const copy = await articleText(page.locator(`#w-${name}`));
      expect(copy, name).toEqual(native);
    }
    // The Persian article keeps its direction from every source but WordPress core (which has no language field)…
    if (slug === "nowruz-book-fair-madrid") {
      await expect(page.locator("#w-jsonfeed article")).toHaveAttribute("dir", "rtl");
      await expect(page.locator("#w-herald article")).toHaveAttribute("dir", "rtl");
      // …and the sample's WordPress copy carries Polylang's `lang`.
      await expect(page.locator("#w-wordpress article")).toHaveAttribute("dir", "rtl");
    }
  });
}

test("formats are detected when not configured, for articles and trending lists", async ({ page }) => {
  await testPage(
    page,
    `<div id="wp" data-herald="article" data-article="/data/wordpress/posts/{slug}.json" data-slug="${SEED_SLUG}" data-ads="off"></div>
     <div id="jf" data-herald="article" data-article="/data/jsonfeed/feed.json" data-slug="${NATO_SLUG}" data-ads="off"></div>
     <div id="wpp" data-herald="trending" data-trending="/data/wordpress/popular-posts.json"></div>
     <div id="jft" data-herald="trending" data-trending="/data/jsonfeed/feed.json" data-trending-count="3"></div>`,
  );
  await expect(page.locator("#wp article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  await expect(page.locator("#jf article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
  const trending = sample("trending.json").items;
  await expect(page.locator("#wpp .hd-trending__headline")).toHaveText(trending.slice(0, 5).map((i) => i.headline));
  await expect(page.locator("#wpp img").first()).toHaveAttribute("width", String(trending[0].image.width));
  await expect(page.locator("#jft .hd-trending__item")).toHaveCount(3);
});

test("a WordPress month pages on the server with X-WP-TotalPages, a JSON Feed month in the widget", async ({ page }) => {
  await testPage(
    page,
    `<div id="wp" data-herald="page" data-listing="/data/wordpress/archive/{year}-{month}-p{page}.json" data-listing-format="wordpress"
       data-archives="/data/archives.json" data-ads="off"></div>
     <div id="jf" data-herald="page" data-listing="/data/jsonfeed/{year}-{month}.json" data-listing-format="jsonfeed"
       data-archives="/data/archives.json" data-ads="off"></div>`,
  );
  const april = sample("archive/2024-04.json").items;
  for (const id of ["wp", "jf"]) {
    await page.locator(`#${id}`).getByRole("button", { name: "April 2024" }).click();
    const listing = page.locator(`#${id} .hd-listing`);
    await expect(listing.locator("h1")).toHaveText("Articles from April 2024");
    await expect(listing.locator(".hd-card__headline")).toHaveText(april.slice(0, 10).map((i) => i.headline));
    await expect(listing.locator(".hd-pager__status")).toHaveText("Page 1 of 2");
    await listing.getByRole("button", { name: "Next" }).click();
    await expect(listing.locator(".hd-card__headline")).toHaveText(april.slice(10).map((i) => i.headline));
    await expect(listing.locator(".hd-pager__status")).toHaveText("Page 2 of 2");
  }
});

const ARTICLE = "/data/articles/bad.json";

const BAD_INPUT = [
  ["a schema mismatch (a WordPress post read as Herald JSON)", { body: readFileSync(new URL("../../public/data/wordpress/posts/" + SEED_SLUG + ".json", import.meta.url)), format: "herald" },
    "article (Herald JSON) from http://127.0.0.1:4173/data/articles/bad.json: the document must be an object, found an array at $ (line 1)"],
  ["JSON null", { body: "null" }, "article from http://127.0.0.1:4173/data/articles/bad.json: the document is `null`, where an object was expected"],
  ["an HTML error page with status 200", { body: "<!doctype html><title>Error</title><h1>Database error</h1>", contentType: "text/html" },
    "article: http://127.0.0.1:4173/data/articles/bad.json returned an HTML page instead of JSON (check the URL)"],
  ["a 20 MB response", { body: Buffer.alloc(20 * 1024 * 1024, 0x20) },
    "article: the response from http://127.0.0.1:4173/data/articles/bad.json is larger than the 5120 KB limit"],
  ["invalid UTF-8", { body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    "article: the response from http://127.0.0.1:4173/data/articles/bad.json is not valid UTF-8 (byte 6)"],
  ["JSON nested 10,000 deep", { body: "[".repeat(10_000) + "]".repeat(10_000) },
    "article: invalid JSON from http://127.0.0.1:4173/data/articles/bad.json: nested more than 64 levels deep at line 1, column 65"],
  ["an empty body", { body: "" }, "article: the response from http://127.0.0.1:4173/data/articles/bad.json is empty"],
];

for (const [name, input, message] of BAD_INPUT) {
  test(`bad input has a defined outcome: ${name}`, async ({ page }) => {
    allowConsoleErrors();
    await page.route(`**${ARTICLE}`, (route) =>
      route.fulfill({ status: 200, contentType: input.contentType ?? "application/json", body: input.body }),
    );
    const format = input.format ? `data-article-format="${input.format}"` : "";
    await testPage(page, `<div id="w" data-herald="article" data-article="${ARTICLE}" ${format}></div><p id="alive">alive</p>`);
    await expect(page.locator("#w .hd-error__detail")).toHaveText(message);
    await expect(page.locator("#w .hd-error button")).toHaveText("Retry");
    // The page still answers.
    expect(await page.evaluate(() => document.getElementById("alive").textContent)).toBe("alive");
  });
}

test("bad input has a defined outcome: a response that never ends is cut off at the size limit", async ({ page }) => {
  allowConsoleErrors();
  await testPage(page, `<div id="w" data-herald="article" data-article="/__stream/40000000" data-max-bytes="2097152"></div>`);
  await expect(page.locator("#w .hd-error__detail")).toHaveText(
    "article: the response from http://127.0.0.1:4173/__stream/40000000 is larger than the 2048 KB limit",
  );
});

test("bad input has a defined outcome: a response that takes 30 s times out", async ({ page }) => {
  allowConsoleErrors();
  await page.route(`**${ARTICLE}`, async (route) => {
    await new Promise((r) => setTimeout(r, 30_000));
    await route.fulfill({ body: "{}" }).catch(() => {});
  });
  const started = Date.now();
  await testPage(page, `<div id="w" data-herald="article" data-article="${ARTICLE}" data-timeout="1500"></div>`);
  await expect(page.locator("#w .hd-error__detail")).toHaveText(
    "article: no answer from http://127.0.0.1:4173/data/articles/bad.json within 1500 ms",
  );
  await expect(page.locator("#w .hd-error__reason")).toHaveText("The server took too long to answer.");
  expect(Date.now() - started).toBeLessThan(10_000);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("the XSS corpus, through the WordPress reader, runs nothing and loads nothing from the attacker", async ({ page }) => {
  allowConsoleErrors(); // harmless relative images of the corpus 404
  const corpus = JSON.parse(readFileSync(new URL("../fixtures/xss-vectors.json", import.meta.url), "utf8"));
  const post = JSON.parse(readFileSync(new URL(`../../public/data/wordpress/posts/${SEED_SLUG}.json`, import.meta.url), "utf8"));
  post[0].content.rendered = corpus.vectors.map((v) => `<div>${v.html}</div>`).join("\n");
  post[0].title.rendered = "Corpus " + corpus.vectors.slice(0, 20).map((v) => v.html).join(" ");
  post[0].excerpt.rendered = corpus.vectors.slice(20, 40).map((v) => v.html).join(" ");
  post[0]._embedded["wp:featuredmedia"][0].caption.rendered = corpus.vectors.slice(40, 60).map((v) => v.html).join(" ");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.addInitScript(() => {
    window.__called = [];
    for (const name of ["alert", "confirm", "prompt", "print"]) window[name] = () => window.__called.push(name);
  });
  await page.route("**/data/wordpress/posts/xss.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(post) }),
  );
  await testPage(page, `<div id="w" data-herald="article" data-article="/data/wordpress/posts/xss.json" data-article-format="wordpress" data-ads="off"></div>`);
  await expect(page.locator("#w article h1")).toBeVisible();
  // The harmless text of the corpus is kept.
  expect(await page.locator("#w .hd-body > *").count()).toBeGreaterThan(30);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.__called)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(requests.filter((u) => u.includes("evil.test"))).toEqual([]);
  const active = await page.locator("#w").evaluate((w) =>
    [...w.shadowRoot.querySelectorAll("*")]
      .filter((e) => /^(script|iframe|object|embed|form|svg|math|style|base|meta|link)$/i.test(e.tagName) || [...e.attributes].some((a) => a.name.startsWith("on")))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(active).toEqual([]);
});

test("a small image is drawn at its own width, never stretched; tracking pixels and hidden images are not drawn", async ({ page }) => {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: "Small images",
    items: [
      {
        id: "small",
        url: "https://feeds.example/small",
        title: "Small images",
        date_published: "2024-04-27T09:30:00Z",
        content_html:
          '<p>Before.</p><img src="/images/repair-cafe.svg" width="120" height="80" alt="A small picture">' +
          '<img src="/images/night-buses.svg" width="1600" height="900" alt="A large picture">' +
          '<p>After.<img src="/favicon.svg" width="1" height="1" alt=""></p><img src="/images/charity-10k.svg" hidden alt="Hidden">',
      },
    ],
  };
  await page.route("**/__test/small.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(feed) }));
  await testPage(page, `<div id="w" data-herald="article" data-article="/__test/small.json" data-ads="off" style="inline-size: 700px"></div>`);
  const images = page.locator("#w .hd-body img");
  await expect(images).toHaveCount(2);
  const widths = await images.evaluateAll((imgs) => imgs.map((i) => [i.alt, Math.round(i.getBoundingClientRect().width), Math.round(i.getBoundingClientRect().height)]));
  // 120 px wide, as its markup says (not the column's 700); its height follows the picture's own proportions.
  expect(widths[0].slice(0, 2)).toEqual(["A small picture", 120]);
  expect(widths[0][2]).toBeGreaterThan(0);
  expect(widths[0][2]).toBeLessThanOrEqual(80);
  expect(widths[1][0]).toBe("A large picture");
  expect(widths[1][1]).toBeLessThan(700);
  expect(widths[1][1]).toBeGreaterThan(400);
  expect(widths[1][2]).toBeLessThan(widths[1][1]);
});
