// Embedded on a publisher's page: two instances on the demo host page with
// its aggressive stylesheet, isolation both ways, host links untouched,
// placeholders added and removed later, the JS API, independent failure,
// no history and no globals beyond `Herald`.
import { test, expect, allowConsoleErrors, sample, SEED_SLUG, NATO_SLUG } from "./helpers.mjs";

const DEMO = "/demo/embed.html";

/** A locator inside an embed's shadow root (Playwright pierces open shadow roots). */
const widget = (page, id) => page.locator(`#${id}`);

async function openDemo(page) {
  await page.goto(DEMO);
  await expect(widget(page, "widget-page").locator("article h1")).toBeVisible();
  await expect(widget(page, "widget-article").locator("article h1")).toBeVisible();
}

test("two instances mount, each in its own shadow root", async ({ page }) => {
  await openDemo(page);
  await expect(widget(page, "widget-page").locator("article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  await expect(widget(page, "widget-article").locator("article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
  const shadows = await page.evaluate(() =>
    [...document.querySelectorAll("[data-herald]")].map((e) => ({
      open: e.shadowRoot?.mode,
      containers: e.shadowRoot?.querySelectorAll(".herald-host").length,
      sheets: e.shadowRoot?.adoptedStyleSheets.length,
      lightH1: e.querySelectorAll("h1").length,
    })),
  );
  expect(shadows).toEqual([
    { open: "open", containers: 1, sheets: 1, lightH1: 0 },
    { open: "open", containers: 1, sheets: 1, lightH1: 0 },
  ]);
  // Full page widget: top bar, sidebar, leaderboard; the article-only widget: no sidebar.
  await expect(widget(page, "widget-page").locator(".hd-weather__temp")).toHaveText("13.5°C");
  await expect(widget(page, "widget-page").locator(".hd-trending__item")).toHaveCount(5);
  await expect(widget(page, "widget-page").locator(".hd-ad--leaderboard")).toHaveCount(1);
  await expect(widget(page, "widget-article").locator(".hd-sidebar")).toHaveCount(0);
  await expect(widget(page, "widget-article").locator(".hd-ad")).toHaveCount(0); // data-ads="off"
  // Embeds are numbered from 1 in mounting order (docs/ads.md): the page has no standalone app.
  const slotIds = await page.evaluate(() => [...document.querySelectorAll(".herald-ad-slot")].map((e) => e.id));
  expect(slotIds).toContain("herald-1-leaderboard-0");
  expect(slotIds.every((id) => id.startsWith("herald-1-"))).toBe(true);
});

test("the host stylesheet does not reach the widget, and the widget's does not reach the host", async ({ page, browser }) => {
  await openDemo(page);
  const style = (locator, props) =>
    locator.evaluate((e, props) => {
      const cs = getComputedStyle(e);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }, props);
  const props = ["font-size", "color", "line-height", "box-sizing", "text-transform", "width"];

  // The same parts of the same article, on the standalone app with no host styles.
  const clean = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await clean.goto("/");
  await expect(clean.locator("#herald article h1")).toBeVisible();
  const embedded = widget(page, "widget-page");
  for (const selector of ["article h1", ".hd-body > p >> nth=1", ".hd-read-also a", ".hd-figure__img", ".hd-kicker"]) {
    const inEmbed = await style(embedded.locator(selector).first(), props);
    const alone = await style(clean.locator(`#herald ${selector}`).first(), props);
    expect(inEmbed, selector).toEqual(alone);
  }
  const p = await style(embedded.locator(".hd-body > p").first(), props);
  expect(p["font-size"]).not.toBe("40px");
  expect(p.color).not.toBe("rgb(255, 0, 0)");
  expect(p["box-sizing"]).toBe("border-box");
  expect(await style(embedded.locator("article h1"), props)).toMatchObject({ "text-transform": "none" });
  await clean.close();

  // The host's own elements keep the host's styles.
  expect(await style(page.locator("p.host-text").first(), props)).toMatchObject({
    "font-size": "40px",
    color: "rgb(255, 0, 0)",
    "box-sizing": "content-box",
  });
  expect(await style(page.locator("h1").first(), props)).toMatchObject({ "text-transform": "uppercase" });
  expect(await style(page.locator("#host-link"), props)).toMatchObject({ color: "rgb(255, 255, 0)" });
  expect(await style(page.locator("img.host-image"), props)).toMatchObject({ width: "900px" });
  // No stylesheet of the widget's was added to the host document.
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? "inline"));
  expect(sheets).toEqual([expect.stringMatching(/\/demo\/host\.css$/)]);
});

test("theme properties cross the shadow boundary", async ({ page }) => {
  await openDemo(page);
  const kicker = widget(page, "widget-article").locator(".hd-kicker");
  await expect(kicker).toHaveCSS("color", "rgb(11, 110, 79)"); // --herald-accent: #0b6e4f
  const other = widget(page, "widget-page").locator(".hd-kicker");
  await expect(other).toHaveCSS("color", "rgb(176, 28, 28)"); // the default accent
});

test("a host link navigates normally", async ({ page }) => {
  await openDemo(page);
  await page.locator("#host-link").click();
  await expect(page).toHaveURL(/\/demo\/host-target\.html$/);
  await expect(page.locator("h1")).toHaveText("The host page's link worked");
});

test("in-widget navigation never touches the host's history or URL", async ({ page }) => {
  await openDemo(page);
  const url = page.url();
  const length = await page.evaluate(() => history.length);
  const month = widget(page, "widget-page").getByRole("button", { name: "April 2024" });
  await month.click();
  await expect(widget(page, "widget-page").locator(".hd-listing h1")).toHaveText("Articles from April 2024");
  await widget(page, "widget-page").getByRole("button", { name: "Next" }).click();
  await expect(widget(page, "widget-page").locator(".hd-pager__status")).toHaveText("Page 2 of 2");
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => history.length)).toBe(length);
  // Article links in an embed are ordinary links, here to the configured template.
  const card = widget(page, "widget-page").locator(".hd-card__link").first();
  await expect(card).toHaveAttribute("href", /^\.\.\/article\/[a-z0-9-]+$/);
});

test("placeholders added later mount, removed ones unmount, none mounts twice", async ({ page }) => {
  await openDemo(page);
  await page.locator("#add-widget").click();
  const later = widget(page, "widget-later-1");
  await expect(later.locator(".hd-trending__item")).toHaveCount(5);
  await expect(later.locator("h2")).toHaveText("Trending Today");
  await page.locator("#add-widget").click();
  await expect(widget(page, "widget-later-2").locator(".hd-trending__item")).toHaveCount(5);

  // Mounting an element that already has a widget does nothing.
  const again = await page.evaluate(async () => {
    const el = document.getElementById("widget-later-1");
    Herald.mount(el, { view: "trending", trending: "../data/trending.json" });
    await Herald.ready;
    await new Promise((r) => setTimeout(r, 300));
    return el.shadowRoot.querySelectorAll(".herald-host").length;
  });
  expect(again).toBe(1);

  await page.locator("#remove-widget").click();
  await expect(page.locator("#widget-later-2")).toHaveCount(0);
  await expect(widget(page, "widget-later-1").locator(".hd-trending__item")).toHaveCount(5);

  // A placeholder taken out of the page unmounts; put back, it mounts again, once.
  await page.evaluate(() => {
    window.__parked = document.getElementById("widget-later-1");
    window.__parked.remove();
  });
  await expect.poll(() => page.evaluate(() => window.__parked.shadowRoot.querySelectorAll(".herald-host").length)).toBe(0);
  await page.evaluate(() => document.body.append(window.__parked));
  await expect(widget(page, "widget-later-1").locator(".hd-trending__item")).toHaveCount(5);
  expect(await page.evaluate(() => window.__parked.shadowRoot.querySelectorAll(".herald-host").length)).toBe(1);
});

test("removing a widget releases its ad containers and observers", async ({ page }) => {
  await openDemo(page);
  const before = await page.evaluate(() => document.querySelectorAll(".herald-ad-slot").length);
  expect(before).toBeGreaterThan(0);
  await page.evaluate(() => document.getElementById("widget-page").remove());
  await expect.poll(() => page.evaluate(() => document.querySelectorAll(".herald-ad-slot").length)).toBe(0);
  // Scrolling the page now fires no ad events: the observers are gone.
  await page.evaluate(() => {
    window.__late = 0;
    document.addEventListener("herald:adslot", () => (window.__late += 1));
    window.scrollTo(0, document.body.scrollHeight);
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__late)).toBe(0);
});

test("the JavaScript API mounts and unmounts", async ({ page }) => {
  await openDemo(page);
  await page.evaluate(() => {
    const el = document.createElement("div");
    el.id = "api-widget";
    document.body.append(el);
    window.__handle = Herald.mount(el, { view: "archives", archives: "../data/archives.json", locale: "es-ES" });
  });
  const api = widget(page, "api-widget");
  await expect(api.locator("h2")).toHaveText("Archivo");
  await expect(api.locator("summary").first()).toHaveText("2024 (15)");
  await page.evaluate(() => window.__handle.unmount());
  await expect(api.locator(".herald-host")).toHaveCount(0);
  await page.evaluate(() => window.__handle.unmount()); // twice is harmless
});

test("an archives widget opens a month's listing inside itself", async ({ page }) => {
  await openDemo(page);
  await page.evaluate(() => {
    const el = Object.assign(document.createElement("div"), { id: "archives-widget" });
    document.body.append(el);
    Herald.mount(el, { view: "archives", archives: "../data/archives.json", listing: "../data/archive/{year}-{month}.json", link: "../article/{slug}" });
  });
  const archives = widget(page, "archives-widget");
  await archives.getByRole("button", { name: "April 2024" }).click();
  // Under the widget's "Archives" heading (h2), not a second h1 in the host's page.
  await expect(archives.locator(".hd-listing h3")).toHaveText("Articles from April 2024");
  await expect(archives.locator("h1")).toHaveCount(0);
  await expect(archives.locator(".hd-card")).toHaveCount(10);
  await archives.getByRole("button", { name: "Next" }).click();
  await expect(archives.locator(".hd-pager__status")).toHaveText("Page 2 of 2");
  await expect(archives.locator(".hd-archives")).toBeVisible(); // the months stay
});

test("a widget mounted as soon as Herald is ready adopts the shared stylesheet; unmounting leaves nothing", async ({ page }) => {
  // A host page whose only widget comes from the API, mounted from the
  // `ready` promise: the stylesheet must be loaded by then.
  await page.route("**/__test/api.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API</title>
        <script type="module" src="/herald.js"></script></head><body><div id="api"></div>
        <script type="module">
          Herald.ready.then(() => {
            window.__handle = Herald.mount(document.getElementById("api"), { view: "trending", trending: "/data/trending.json", ads: null });
          });
        </script></body></html>`,
    }),
  );
  await page.goto("/__test/api.html");
  const api = widget(page, "api");
  await expect(api.locator(".hd-trending__item")).toHaveCount(5);
  const root = () =>
    page.evaluate(() => {
      const r = document.getElementById("api").shadowRoot;
      return { sheets: r.adoptedStyleSheets.length, links: r.querySelectorAll("link").length, children: r.childElementCount };
    });
  expect(await root()).toEqual({ sheets: 1, links: 0, children: 1 });
  await page.evaluate(() => window.__handle.unmount());
  expect(await root()).toEqual({ sheets: 1, links: 0, children: 0 });
});

test("a part whose source is not configured is not shown", async ({ page }) => {
  await page.route("**/__test/bare.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title>
        <script type="module" src="/herald.js"></script></head><body>
        <div id="bare" data-herald="page" data-article="/data/articles/{slug}.json" data-slug="${SEED_SLUG}" data-ads="off"></div>
        </body></html>`,
    }),
  );
  await page.goto("/__test/bare.html");
  const bare = widget(page, "bare");
  await expect(bare.locator("article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  // No trending, archives or weather source: no heading, no skeleton, nothing busy.
  await expect(bare.locator(".hd-trending")).toBeHidden();
  await expect(bare.locator(".hd-archives")).toBeHidden();
  await expect(bare.getByText("Trending Today")).toBeHidden();
  await expect(bare.locator(".hd-skeleton")).toHaveCount(0);
  await expect(bare.locator("[aria-busy=true]")).toHaveCount(0);
});

test("one instance with a broken source shows its error while the other renders", async ({ page }) => {
  allowConsoleErrors();
  await page.route(`**/data/articles/${NATO_SLUG}.json`, (route) => route.fulfill({ status: 500, body: "" }));
  await page.goto(DEMO);
  await expect(widget(page, "widget-article").locator(".hd-error__detail")).toContainText(`HTTP 500 from`);
  await expect(widget(page, "widget-page").locator("article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
});

test("the only global the widget defines is Herald", async ({ page }) => {
  await page.goto("/demo/host-target.html");
  const plain = await page.evaluate(() => Object.keys(window));
  await openDemo(page);
  const withHerald = await page.evaluate(() => Object.keys(window));
  expect(withHerald.filter((k) => !plain.includes(k))).toEqual(["Herald"]);
  expect(await page.evaluate(() => Object.keys(window.Herald).sort())).toEqual(["mount", "ready"]);
});
