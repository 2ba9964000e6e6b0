// The rest of the page on the sample site: top bar, Trending Today,
// Archives and month listings, ad slots, layout, zero layout shift and
// independent failure.
import { test, expect, allowConsoleErrors, app, sample, SEED_SLUG } from "./helpers.mjs";

/** Sums layout shifts from navigation on (the page must have been opened with `watchShifts`). */
async function cumulativeLayoutShift(page) {
  return page.evaluate(() => window.__shifts.reduce((sum, s) => sum + s.value, 0));
}

async function watchShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) {
          window.__shifts.push({
            value: e.value,
            sources: e.sources.map((s) => (s.node ? s.node.className || s.node.nodeName : "?")),
          });
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Records every herald:adslot event the page sees. */
async function watchAdEvents(page) {
  await page.addInitScript(() => {
    window.__ads = [];
    document.addEventListener("herald:adslot", (e) => {
      const d = e.detail;
      window.__ads.push({
        id: d.id,
        name: d.name,
        sizes: d.sizes,
        sameElement: d.element === document.getElementById(d.id),
        target: e.target.id,
        top: Math.round(d.element.getBoundingClientRect().top),
      });
    });
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

test("the top bar shows the sample weather and today's date in the site's locale and zone", async ({ page }) => {
  await page.goto("/");
  const bar = app(page).locator(".hd-topbar");
  await expect(bar.locator(".hd-weather__temp")).toHaveText("13.5°C");
  await expect(bar.locator(".hd-weather__city")).toHaveText("Madrid");
  await expect(bar.locator(".hd-weather__cond")).toHaveText("Partly cloudy");
  await expect(bar.locator(".hd-weather__icon")).toHaveAttribute("aria-hidden", "true");
  await expect(bar.locator(".hd-weather .hd-sr")).toHaveText("Weather in Madrid: ");
  await expect(bar.locator(".hd-weather__city")).toHaveAttribute("aria-hidden", "true");
  const expected = await page.evaluate(() => ({
    text: new Intl.DateTimeFormat("en", { dateStyle: "full", timeZone: "Europe/Madrid" }).format(new Date()),
    iso: new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Madrid" }).format(new Date()),
  }));
  await expect(bar.locator(".hd-topbar__date time")).toHaveText(expected.text);
  await expect(bar.locator(".hd-topbar__date time")).toHaveAttribute("datetime", expected.iso);
  expect(expected.text).toMatch(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$/);
});

test("Trending Today lists five ranked articles with sized, lazy thumbnails", async ({ page }) => {
  await page.goto("/");
  const trending = app(page).locator("section.hd-trending");
  await expect(trending.locator("h2")).toHaveText("Trending Today");
  const items = trending.locator("ol > li");
  await expect(items).toHaveCount(5);
  const feed = sample("trending.json").items;
  for (let i = 0; i < 5; i++) {
    const item = items.nth(i);
    await expect(item.locator(".hd-trending__rank")).toHaveText(String(i + 1));
    await expect(item.locator(".hd-trending__headline")).toHaveText(feed[i].headline);
    await expect(item.locator("a")).toHaveAttribute("href", `/article/${feed[i].slug}`);
    const img = item.locator("img");
    await expect(img).toHaveAttribute("loading", "lazy");
    await expect(img).toHaveAttribute("width", String(feed[i].image.width));
    await expect(img).toHaveAttribute("height", String(feed[i].image.height));
    await expect(item.locator(".hd-trending__meta")).toContainText(feed[i].section);
  }
  // The Persian headline keeps its own language and direction.
  const persian = trending.locator(".hd-trending__headline[lang=fa]");
  await expect(persian).toHaveAttribute("dir", "rtl");
  await trending.locator("a").nth(1).click();
  await expect(page).toHaveURL(`/article/${feed[1].slug}`);
  await expect(app(page).locator("article h1")).toHaveText(feed[1].headline);
});

test("Archives group months by year, newest first, older years collapsed; a month opens its listing", async ({ page }) => {
  await page.goto("/");
  const archives = app(page).locator("section.hd-archives");
  await expect(archives.locator("h2")).toHaveText("Archives");
  await expect(archives.locator("summary")).toHaveText(["2024 (15)", "2023 (5)", "2022 (3)", "2021 (2)"]);
  await expect(archives.locator("details").nth(0)).toHaveAttribute("open", "");
  for (const i of [1, 2, 3]) await expect(archives.locator("details").nth(i)).not.toHaveAttribute("open", "");
  await expect(archives.locator("details").nth(0).locator("li")).toHaveText(["April 2024 (12)", "March 2024 (2)", "January 2024 (1)"]);
  await expect(archives.locator("details").nth(1).locator("li").first()).toBeHidden();

  await archives.getByRole("link", { name: "April 2024" }).click();
  await expect(page).toHaveURL("/archive/2024/04");
  const listing = app(page).locator(".hd-listing");
  await expect(listing.locator("h1")).toHaveText("Articles from April 2024");
  const april = sample("archive/2024-04.json").items;
  await expect(listing.locator(".hd-card")).toHaveCount(10);
  const first = listing.locator(".hd-card").first();
  await expect(first.locator(".hd-card__headline")).toHaveText(april[0].headline);
  await expect(first.locator(".hd-kicker")).toHaveText(april[0].kicker);
  await expect(first.locator(".hd-card__standfirst")).toHaveText(april[0].standfirst);
  await expect(first.locator(".hd-card__meta")).toContainText(april[0].author);
  await expect(first.locator("img")).toHaveAttribute("loading", "lazy");
  await expect(listing.locator(".hd-pager__status")).toHaveText("Page 1 of 2");
  await expect(listing.locator("a[rel=prev]")).toHaveCount(0);

  await listing.locator("a[rel=next]").click();
  await expect(page).toHaveURL("/archive/2024/04?page=2");
  await expect(listing.locator(".hd-card")).toHaveCount(2);
  await expect(listing.locator(".hd-pager__status")).toHaveText("Page 2 of 2");
  await expect(listing.locator(".hd-card").last().locator(".hd-card__headline")).toHaveText(april[11].headline);
  await listing.locator("a[rel=prev]").click();
  await expect(page).toHaveURL("/archive/2024/04");
  await expect(listing.locator(".hd-card")).toHaveCount(10);
});

/** Records, from the first parse on, what the app's element has shown: its own skeleton, the article. */
async function watchAppElement(page) {
  await page.addInitScript(() => {
    window.__shown = [];
    const note = (what) => {
      if (window.__shown.at(-1) !== what) window.__shown.push(what);
    };
    new MutationObserver(() => {
      const root = document.getElementById("herald");
      if (!root) return;
      if (root.querySelector("article h1")) note("article");
      else if (root.querySelector("main .hd-error")) note("error");
      else if (root.querySelector("main .hd-skeleton")) note("app skeleton");
      else if (root.querySelector(".hd-skeleton")) note("page skeleton");
    }).observe(document, { childList: true, subtree: true });
  });
}

test("the page's own skeleton gives way to the article itself, not to a second skeleton first", async ({ page }) => {
  await watchAppElement(page);
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  expect(await page.evaluate(() => window.__shown)).toEqual(["page skeleton", "article"]);
  // The app's element has the page's language and direction from then on.
  expect(await app(page).evaluate((e) => [e.lang, e.dir])).toEqual(["en", "ltr"]);
});

test("a failed article replaces the page's skeleton as soon as it fails, without the 600 ms fallback", async ({ page }) => {
  allowConsoleErrors();
  await watchAppElement(page);
  // The app's fallback (page::SECONDARY_AFTER_MS) never fires here: what
  // shows must be shown because the article failed.
  await page.addInitScript(() => {
    const setTimeout = window.setTimeout;
    window.setTimeout = function (callback, ms, ...args) {
      return ms === 600 ? 0 : setTimeout.call(this, callback, ms, ...args);
    };
  });
  await page.route(`**/data/articles/${SEED_SLUG}.json`, (route) => route.fulfill({ status: 503, body: "" }));
  await page.goto("/");
  await expect(app(page).locator("main .hd-error")).toBeVisible();
  expect(await page.evaluate(() => window.__shown)).toEqual(["page skeleton", "error"]);
  // The other parts do not wait for the article either.
  await expect(app(page).locator("aside .hd-trending li a").first()).toBeVisible();
});

test("with a slow article the app's layout replaces the page's skeleton after 600 ms, its ad slots still fire", async ({
  page,
}) => {
  await watchAppElement(page);
  await watchAdEvents(page);
  let answer;
  const held = new Promise((resolve) => (answer = resolve));
  await page.route(`**/data/articles/${SEED_SLUG}.json`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  // The sidebar does not wait for the article for long.
  await expect(app(page).locator("aside .hd-trending li a").first()).toBeVisible();
  await expect(app(page).locator(".hd-part [aria-live]")).toHaveText("Loading the article…");
  answer();
  await expect(app(page).locator("article h1")).toBeVisible();
  expect(await page.evaluate(() => window.__shown)).toEqual(["page skeleton", "app skeleton", "article"]);
  await expect.poll(() => page.evaluate(() => window.__ads.map((e) => e.name))).toEqual(["sidebar"]);
});

test("ad slots: labelled, reserved, with stable ids and data attributes", async ({ page }) => {
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  const slots = app(page).locator(".hd-ad");
  await expect(slots).toHaveCount(4); // three in the article, one in the sidebar
  await expect(slots.locator(".hd-ad__label")).toHaveText(Array(4).fill("Advertisement"));
  const info = await slots.evaluateAll((els) =>
    els.map((e) => {
      const box = e.querySelector(".hd-ad__box").getBoundingClientRect();
      const c = e.querySelector(".herald-ad-slot");
      return { w: box.width, h: box.height, id: c.id, slot: c.dataset.heraldSlot, sizes: c.dataset.sizes };
    }),
  );
  expect(info.map((i) => i.slot)).toEqual(["in-article", "in-article", "in-article", "sidebar"]);
  expect(new Set(info.map((i) => i.id)).size).toBe(4);
  for (const i of info) {
    expect([i.w, i.h]).toEqual([300, 250]);
    expect(i.sizes).toBe("300x250");
    expect(i.id).toMatch(/^herald-\d+-(in-article|sidebar)-\d+$/);
  }
});

test("each ad event fires once per slot, only as the slot nears the viewport", async ({ page }) => {
  await watchAdEvents(page);
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  await delay(300);
  // At the top of the page only the sidebar rectangle is near.
  let events = await page.evaluate(() => window.__ads);
  expect(events.map((e) => e.name)).toEqual(["sidebar"]);
  expect(events[0]).toMatchObject({ sizes: [[300, 250]], sameElement: true });
  expect(events[0].target).toBe(events[0].id);

  const slots = app(page).locator(".hd-body > .hd-ad");
  for (let i = 0; i < 3; i++) {
    const top = await slots.nth(i).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    // Just outside the 200px margin: nothing yet.
    await page.evaluate((y) => window.scrollTo(0, y), top - 900 - 260);
    await delay(250);
    expect((await page.evaluate(() => window.__ads)).length, `slot ${i} fired too early`).toBe(1 + i);
    // Within the margin: it fires.
    await page.evaluate((y) => window.scrollTo(0, y), top - 900 - 100);
    await expect.poll(() => page.evaluate(() => window.__ads.length)).toBe(2 + i);
  }
  // Scrolling around again fires nothing more.
  await page.evaluate(() => window.scrollTo(0, 0));
  await delay(200);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await delay(300);
  events = await page.evaluate(() => window.__ads);
  expect(events).toHaveLength(4);
  expect(new Set(events.map((e) => e.id)).size).toBe(4);
  expect(events.every((e) => e.sameElement)).toBe(true);
});

for (const { fontSize, ...viewport } of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
  // A phone with the browser's text at 200 %.
  { width: 320, height: 700, fontSize: 32 },
]) {
  const text = fontSize ? ` and ${fontSize}px text` : "";
  test(`no layout shift from navigation to fully loaded at ${viewport.width}px${text}, with slow feeds, late images and filled ads`, async ({
    page,
  }) => {
    if (fontSize) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: fontSize, fixed: fontSize } });
    }
    await page.setViewportSize(viewport);
    await watchShifts(page);
    // The sidebar feeds and the weather a second late, images later still.
    for (const path of ["**/data/trending.json", "**/data/archives.json", "**/data/weather.json"]) {
      await page.route(path, async (route) => {
        await delay(1000);
        await route.continue();
      });
    }
    await page.route("**/images/**", async (route) => {
      await delay(1500);
      await route.continue();
    });
    // Ad code that fills a slot as soon as it is activated.
    await page.addInitScript(() => {
      document.addEventListener("herald:adslot", (e) => {
        const [w, h] = e.detail.sizes[0];
        const creative = document.createElement("div");
        creative.style.cssText = `width:${w}px;height:${h}px;background:#c00`;
        e.detail.element.append(creative);
      });
    });
    await page.goto("/");
    await expect(app(page).locator("article h1")).toBeVisible();
    await expect(app(page).locator(".hd-trending__list > li")).toHaveCount(5, { timeout: 5000 });
    await expect(app(page).locator(".hd-weather")).toBeVisible();
    await expect(app(page).locator(".hd-archives summary")).toHaveCount(4);
    // Every image in view has arrived (lazy ones below the fold, and
    // thumbnails not shown at this size, never load).
    await page.waitForFunction(
      () =>
        [...document.images]
          .filter((i) => i.getClientRects().length > 0 && i.getBoundingClientRect().top < innerHeight)
          .every((i) => i.complete && i.naturalWidth > 0),
      null,
      { timeout: 10_000 },
    );
    await delay(500);
    const shifts = await page.evaluate(() => window.__shifts);
    expect(shifts, JSON.stringify(shifts)).toEqual([]);
    expect(await cumulativeLayoutShift(page)).toBe(0);
  });
}

test("two columns from 1024px; below that the sidebar follows the article", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  const boxes = async () => ({
    main: await app(page).locator("main").boundingBox(),
    side: await app(page).locator("aside.hd-sidebar").boundingBox(),
  });
  let b = await boxes();
  expect(b.side.x).toBeGreaterThan(b.main.x + b.main.width - 1);
  expect(Math.abs(b.side.y - b.main.y)).toBeLessThan(2);
  await page.setViewportSize({ width: 1000, height: 900 });
  b = await boxes();
  expect(b.side.y).toBeGreaterThanOrEqual(b.main.y + b.main.height);
  expect(Math.abs(b.side.x - b.main.x)).toBeLessThan(2);
  // The top bar stays on top.
  const bar = await app(page).locator(".hd-topbar").boundingBox();
  expect(bar.y).toBeLessThan(b.main.y);
});

for (const [feed, part, message] of [
  ["trending.json", "section.hd-trending", "Trending articles could not be loaded."],
  ["archives.json", "section.hd-archives", "The archives could not be loaded."],
]) {
  test(`a failing ${feed} shows its own message and Retry while everything else renders`, async ({ page }) => {
    allowConsoleErrors();
    let fail = true;
    await page.route(`**/data/${feed}`, (route) => (fail ? route.fulfill({ status: 503, body: "" }) : route.continue()));
    await page.goto("/");
    const broken = app(page).locator(part);
    await expect(broken.locator(".hd-error__title")).toHaveText(message);
    await expect(broken.locator(".hd-error__detail")).toContainText(`HTTP 503 from http://127.0.0.1:4173/data/${feed}`);
    // The rest is intact.
    await expect(app(page).locator("article h1")).toHaveText("We Went In Together, We Will Leave Together: Anthony Blinken");
    await expect(app(page).locator(".hd-weather__temp")).toHaveText("13.5°C");
    const other = part.includes("trending") ? "section.hd-archives summary" : "section.hd-trending li";
    await expect(app(page).locator(other).first()).toBeVisible();
    fail = false;
    await broken.getByRole("button", { name: "Retry" }).click();
    await expect(broken.locator(".hd-error")).toHaveCount(0);
    await expect(broken.locator(part.includes("trending") ? "li" : "summary").first()).toBeVisible();
  });
}

test("a failing weather feed hides the weather, never the date", async ({ page }) => {
  allowConsoleErrors();
  await page.route("**/data/weather.json", (route) => route.fulfill({ status: 500, body: "" }));
  await page.goto("/");
  await expect(app(page).locator("article h1")).toBeVisible();
  await expect(app(page).locator(".hd-topbar__date time")).toBeVisible();
  await expect(app(page).locator(".hd-weather")).toHaveCount(0);
  await expect(app(page).locator(".hd-topbar .hd-error")).toHaveCount(0);
});

test("a feed requested before the page is built still times out", async ({ page }) => {
  allowConsoleErrors();
  // The app requests its article at start-up, before any view exists; the
  // request never answers.
  await page.route(`**/data/articles/*.json`, () => {});
  const slug = "night-buses-switch-to-a-new-spring-timetable";
  await page.route(`**/article/${slug}`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timeout</title>
        <base href="/"><meta name="herald-app" content="app"><script type="module" src="/herald.js"></script></head><body>
        <div id="app" data-article="data/articles/{slug}.json"
          data-trending="data/trending.json" data-timeout="1500"></div></body></html>`,
    }),
  );
  await page.goto(`/article/${slug}`);
  const error = page.locator(".hd-part--article .hd-error__detail");
  await expect(error).toContainText(`no answer from http://127.0.0.1:4173/data/articles/${slug}.json within 1500 ms`, { timeout: 8000 });
  await expect(page.locator(".hd-trending__item").first()).toBeVisible();
});
