// Hostile pages (docs/security.md): configuration planted in page content
// cannot run script through a link, a standalone-app element in the body
// cannot take over the head, markup cannot switch the loader off, and under
// Trusted Types every format renders fully.
import { test, expect, allowConsoleErrors, sample, SEED_SLUG, NATO_SLUG } from "./helpers.mjs";

/** Serves `body` (and `head`) as a page that loads the real build, with extra headers. */
async function hostPage(page, { body, head = "", headers = {}, path = "/__test/host.html" }) {
  await page.route(`**${path}`, (route) =>
    route.fulfill({
      contentType: "text/html",
      headers,
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
        <link rel="icon" href="/favicon.svg">${head}<script type="module" src="/herald.js"></script></head>
        <body>${body}</body></html>`,
    }),
  );
  await page.goto(path);
}

/** Fails the test if anything opens a dialog (every vector here calls alert). */
function noDialogs(page) {
  page.on("dialog", async (dialog) => {
    await dialog.dismiss();
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
}

// Each as it stands in a placeholder's markup; the HTML parser decodes the
// entities before Herald reads the attribute.
const LINKS = [
  "javascript:alert(document.domain)//{slug}",
  "JaVaScRiPt:alert(1)//{slug}",
  "&#106;avascript&#58;alert(1)//{slug}",
  "&#x6A;&#x61;vascript&colon;alert(1)//{slug}",
  "java&#x09;script:alert(1)//{slug}",
  "java&#x0A;script:alert(1)//{slug}",
  "&#x01;&#x20;javascript:alert(1)//{slug}",
  "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;{slug}",
  "vbscript:msgbox(1)//{slug}",
  "blob:http://127.0.0.1:4173/{slug}",
  "{slug}:alert(1)",
];

test("a script or data URL as the link template is a configuration error and no link is made of it", async ({ page }) => {
  allowConsoleErrors();
  noDialogs(page);
  const widgets = LINKS.map(
    (link, i) => `<div id="w${i}" data-herald="trending" data-trending="/data/trending.json" data-link="${link}"></div>`,
  ).join("\n");
  await hostPage(page, { body: widgets });
  for (let i = 0; i < LINKS.length; i++) {
    const error = page.locator(`#w${i} .hd-error__detail`);
    await expect(error, LINKS[i]).toContainText("data-link: `");
    await expect(error, LINKS[i]).toContainText("is not an address Herald may use");
    await expect(page.locator(`#w${i} .hd-trending__item`)).toHaveCount(0);
  }
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll("[data-herald]")].flatMap((w) => [...w.shadowRoot.querySelectorAll("[href]")].map((a) => a.getAttribute("href"))),
  );
  expect(hrefs.filter((h) => !/^(https?:|\/|\.)/.test(h))).toEqual([]);
  // The same attack through Herald.mount, and through each feed address.
  const errors = await page.evaluate(async () => {
    const out = [];
    for (const options of [
      { view: "trending", trending: "/data/trending.json", link: "javascript:alert(1)//{slug}" },
      { view: "trending", trending: "javascript:alert(1)" },
      { view: "article", article: "data:application/json,{}" },
    ]) {
      const el = document.createElement("div");
      document.body.append(el);
      Herald.mount(el, options);
      await Herald.ready;
      await new Promise((r) => setTimeout(r, 200));
      out.push(el.shadowRoot?.querySelector(".hd-error__detail")?.textContent ?? "");
    }
    return out;
  });
  expect(errors[0]).toContain("data-link: `javascript:alert(1)//{slug}`");
  expect(errors[1]).toContain("data-trending: `javascript:alert(1)`");
  expect(errors[2]).toContain("data-article: `data:application/json,{}`");
});

test("a safe link template still links every item", async ({ page }) => {
  await hostPage(page, { body: `<div id="w" data-herald="trending" data-trending="/data/trending.json" data-link="/news/{slug}/"></div>` });
  await expect(page.locator("#w a.hd-trending__link")).toHaveCount(5);
  const hrefs = await page.locator("#w a.hd-trending__link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/news\/[a-z0-9-]+\/$/);
});

test("a standalone-app element planted in a page's body is nothing: the head is never touched", async ({ page }) => {
  const messages = [];
  page.on("console", (m) => messages.push(m.text()));
  await hostPage(page, {
    head: `<meta name="description" content="The host's own description">`,
    body: `<article><p>A contributor's post.</p>
      <div data-herald-app data-article="/data/articles/{slug}.json" data-slug="${SEED_SLUG}" data-trending="/data/trending.json" data-base="/"></div>
      <meta name="herald-app" content="planted"><div id="planted" data-article="/data/articles/{slug}.json" data-slug="${SEED_SLUG}"></div></article>
      <div id="w" data-herald="trending" data-trending="/data/trending.json"></div>`,
  });
  // The page's own embed works, so Herald did start.
  await expect(page.locator("#w a.hd-trending__link")).toHaveCount(5);
  await page.waitForTimeout(500);
  expect(await page.title()).toBe("Host page");
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toBe("The host's own description");
  await expect(page.locator('link[rel="canonical"], script[type="application/ld+json"], meta[name="robots"]')).toHaveCount(0);
  await expect(page.locator("[data-herald-app] *, #planted *")).toHaveCount(0);
  expect(messages.some((m) => m.includes("data-herald-app was ignored"))).toBe(true);
});

test("the page's author opts into the standalone app with a meta in the head", async ({ page }) => {
  await hostPage(page, {
    path: "/__test/app/",
    head: `<meta name="herald-app" content="app">`,
    body: `<div id="app" data-base="/__test/app/" data-article="/data/articles/{slug}.json" data-slug="${SEED_SLUG}" data-ads="off"></div>`,
  });
  await expect(page.locator("#app article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  await expect(page).toHaveTitle(new RegExp(sample(`articles/${SEED_SLUG}.json`).headline.slice(0, 20)));
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
});

for (const [name, markup] of [
  ["an element with the id Herald", `<div id="Herald"></div>`],
  ["a form named Herald", `<form name="Herald"><input name="mount"><input name="ready"></form>`],
  ["both, and an image named Herald", `<div id="Herald"></div><form name="Herald"></form><img name="Herald" alt="">`],
]) {
  test(`${name} does not switch the loader off`, async ({ page }) => {
    await hostPage(page, { body: `${markup}<div id="w" data-herald="trending" data-trending="/data/trending.json"></div><div id="later"></div>` });
    await expect(page.locator("#w a.hd-trending__link")).toHaveCount(5);
    const api = await page.evaluate(async () => {
      const same = window.Herald === window[Symbol.for("herald")];
      Herald.mount(document.getElementById("later"), { view: "trending", trending: "/data/trending.json" });
      await Herald.ready;
      return { same, isFunction: typeof window.Herald.mount === "function" };
    });
    expect(api).toEqual({ same: true, isFunction: true });
    await expect(page.locator("#later a.hd-trending__link")).toHaveCount(5);
  });
}

const TRUSTED_TYPES =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; require-trusted-types-for 'script'; trusted-types herald";

async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
}

test("under Trusted Types every format renders its article fully", async ({ page }) => {
  await watchViolations(page);
  const widgets = [
    ["herald", `data-article="/data/articles/{slug}.json"`],
    ["wordpress", `data-article="/data/wordpress/posts/{slug}.json" data-article-format="wordpress"`],
    ["jsonfeed", `data-article="/data/jsonfeed/feed.json" data-article-format="jsonfeed"`],
  ]
    .map(([name, attrs]) => `<div id="w-${name}" data-herald="article" ${attrs} data-slug="${SEED_SLUG}" data-ads="off"></div>`)
    .join("\n");
  await hostPage(page, { body: widgets, headers: { "content-security-policy": TRUSTED_TYPES } });
  const paragraphs = sample(`articles/${SEED_SLUG}.json`).body.filter((b) => b.type === "paragraph").length;
  for (const name of ["herald", "wordpress", "jsonfeed"]) {
    await expect(page.locator(`#w-${name} article h1`)).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
    // Paragraphs in the body (the dateline opens the first one in each).
    await expect(page.locator(`#w-${name} .hd-body > p`)).toHaveCount(paragraphs);
    await expect(page.locator(`#w-${name} .hd-dateline`)).toHaveText(/BELGIUM\. Brussels/);
  }
  expect(await page.evaluate(() => typeof window.trustedTypes?.createPolicy)).toBe("function");
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test("the standalone app renders fully under Trusted Types", async ({ page }) => {
  await watchViolations(page);
  await page.route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": TRUSTED_TYPES } });
  });
  await page.goto(`/article/${NATO_SLUG}`);
  await expect(page.locator("#herald article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
  await expect(page.locator("#herald .hd-trending__item")).toHaveCount(5);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});
