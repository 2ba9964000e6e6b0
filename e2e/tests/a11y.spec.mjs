// Everyone can read it: axe-core (WCAG 2.2 AA) in every state, keyboard
// use, right-to-left layout, languages, dark mode, and widths and text
// sizes without horizontal scrolling.
import { test, expect, allowConsoleErrors, app, sample, SEED_SLUG } from "./helpers.mjs";
import { createRequire } from "node:module";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

async function loaded(page) {
  await expect(app(page).locator("article h1, .hd-listing h1, .hd-notfound h1, .hd-error").first()).toBeVisible();
  await expect(app(page).locator(".hd-trending__item").first()).toBeVisible();
}

/** A page with placeholders, loading the real build (for other locales). */
async function testPage(page, body, lang = "en") {
  await page.route("**/__test/a11y.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Test page</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="/favicon.svg"><script type="module" src="/herald.js"></script></head>
        <body>${body}</body></html>`,
    }),
  );
  await page.goto("/__test/a11y.html");
}

const PAGE_ATTRS = `data-article="/data/articles/{slug}.json" data-trending="/data/trending.json"
  data-archives="/data/archives.json" data-listing="/data/archive/{year}-{month}.json"
  data-weather="/data/weather.json" data-city="Madrid" data-time-zone="Europe/Madrid"`;

test.describe("axe-core finds no WCAG 2.2 AA violation", () => {
  test("while loading", async ({ page }) => {
    await page.route(`**/data/articles/${SEED_SLUG}.json`, () => {}); // never answers
    await page.goto("/");
    await expect(app(page).locator(".hd-skeleton")).toBeVisible();
    await expect(app(page).locator(".hd-part [aria-live]")).toHaveText("Loading the article…");
    expect(await axe(page)).toEqual([]);
  });

  test("on the article", async ({ page }) => {
    await page.goto("/");
    await loaded(page);
    expect(await axe(page)).toEqual([]);
  });

  test("on an error", async ({ page }) => {
    allowConsoleErrors();
    await page.route(`**/data/articles/${SEED_SLUG}.json`, (r) => r.fulfill({ status: 500, body: "" }));
    await page.goto("/");
    await expect(app(page).locator(".hd-error")).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test("on the not-found page", async ({ page }) => {
    allowConsoleErrors();
    await page.goto("/article/no-such-article");
    await expect(app(page).locator(".hd-notfound")).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test("on a month listing", async ({ page }) => {
    await page.goto("/archive/2024/04");
    await loaded(page);
    expect(await axe(page)).toEqual([]);
  });

  test("on the embedding page", async ({ page }) => {
    await page.goto("/demo/embed.html");
    await expect(page.locator("#widget-page article h1")).toBeVisible();
    await expect(page.locator("#widget-article article h1")).toBeVisible();
    // The host page's own hostile styles are not ours to judge: only the widgets.
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run({ include: [["#widget-page"], ["#widget-article"]] }, { runOnly: { type: "tag", values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    }, TAGS);
    expect(violations).toEqual([]);
  });

  test("right to left", async ({ page }) => {
    await testPage(page, `<div id="w" data-herald="page" data-locale="fa" data-slug="nowruz-book-fair-madrid" ${PAGE_ATTRS}></div>`, "fa");
    await expect(page.locator("#w article h1")).toBeVisible();
    await expect(page.locator("#w .hd-trending__item").first()).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test("in dark mode", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await loaded(page);
    const bg = await app(page).locator(".herald").evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe("rgb(20, 20, 20)");
    expect(await axe(page)).toEqual([]);
  });
});

test("the keyboard reaches every link and button in order, with a visible focus ring", async ({ page }) => {
  await page.goto("/");
  await loaded(page);
  // Everything focusable in the widget, in document order (which is the visual order).
  const expected = await app(page).evaluate((root) =>
    [...root.querySelectorAll("a[href], button, summary")]
      .filter((e) => e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && !e.closest("details:not([open]) > :not(summary)"))
      .map((e) => `${e.tagName} ${e.textContent.trim().slice(0, 40)}`),
  );
  expect(expected.length).toBeGreaterThanOrEqual(15);
  // Start from the top of the document, as a reader arriving does.
  await page.mouse.click(2, 2);
  const reached = [];
  const unringed = [];
  for (let i = 0; i < expected.length + 1; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      let e = document.activeElement;
      while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
      const cs = getComputedStyle(e);
      return { name: `${e.tagName} ${e.textContent.trim().slice(0, 40)}`, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    if (focused.name.startsWith("BODY")) break;
    if (focused.outline === "none" || focused.width < 2) unringed.push(focused.name);
    reached.push(focused.name);
  }
  expect(unringed, "focused without a visible ring").toEqual([]);
  expect(reached).toEqual(expected);
  // A collapsed year opens with the keyboard, and its months become reachable.
  const year = app(page).locator("summary", { hasText: "2023" });
  await year.focus();
  await page.keyboard.press("Enter");
  await expect(year.locator("xpath=..")).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("October 2023");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/archive/2023/10");
});

test("right to left: the layout mirrors", async ({ page }) => {
  const positions = async () =>
    page.locator("#w").evaluate((w) => {
      const r = (sel) => w.shadowRoot.querySelector(sel).getBoundingClientRect();
      const slot = w.shadowRoot.querySelector(".hd-sidebar .hd-ad");
      const label = slot.querySelector(".hd-ad__label span, .hd-ad__label");
      const range = document.createRange();
      range.selectNodeContents(label);
      const text = range.getBoundingClientRect();
      const box = slot.querySelector(".hd-ad__box").getBoundingClientRect();
      return {
        dir: getComputedStyle(w.shadowRoot.querySelector(".herald")).direction,
        main: r(".hd-main").x,
        sidebar: r("aside.hd-sidebar").x,
        avatar: r(".hd-byline__avatar").x,
        bylineText: r(".hd-byline__text").x,
        labelLeft: text.left - box.left,
        labelRight: box.right - text.right,
      };
    });
  await page.setViewportSize({ width: 1280, height: 900 });
  await testPage(page, `<div id="w" data-herald="page" data-slug="${SEED_SLUG}" ${PAGE_ATTRS}></div>`);
  await expect(page.locator("#w .hd-trending__item").first()).toBeVisible();
  await expect(page.locator("#w .hd-sidebar .hd-ad")).toBeVisible();
  const ltr = await positions();
  expect(ltr.dir).toBe("ltr");
  expect(ltr.sidebar).toBeGreaterThan(ltr.main);
  expect(ltr.avatar).toBeLessThan(ltr.bylineText);
  expect(ltr.labelLeft).toBeLessThan(1);
  expect(ltr.labelRight).toBeGreaterThan(100);

  // A Persian page with a Persian article: everything right to left.
  await testPage(page, `<div id="w" data-herald="page" data-locale="fa" data-slug="nowruz-book-fair-madrid" ${PAGE_ATTRS}></div>`, "fa");
  await expect(page.locator("#w .hd-trending__item").first()).toBeVisible();
  await expect(page.locator("#w .hd-sidebar .hd-ad")).toBeVisible();
  const rtl = await positions();
  expect(rtl.dir).toBe("rtl");
  expect(rtl.sidebar).toBeLessThan(rtl.main); // the sidebar is on the left
  expect(rtl.avatar).toBeGreaterThan(rtl.bylineText); // the avatar is on the right
  expect(rtl.labelRight).toBeLessThan(1); // the ad label starts at the right
  expect(rtl.labelLeft).toBeGreaterThan(100);
  await expect(page.locator("#w section.hd-trending h2")).toHaveText("پربازدیدترین‌های امروز");
  await expect(page.locator("#w .hd-sidebar .hd-ad__label")).toHaveText("آگهی");
  await expect(page.locator("#w .hd-byline__name")).toHaveJSProperty("tagName", "BDI");
  // An Arabic page with an English article: Arabic interface, the article left to right.
  await testPage(page, `<div id="w" data-herald="page" data-locale="ar" data-slug="${SEED_SLUG}" ${PAGE_ATTRS}></div>`, "ar");
  await expect(page.locator("#w section.hd-trending h2")).toHaveText("الأكثر رواجًا اليوم");
  await expect(page.locator("#w .hd-sidebar .hd-ad__label")).toHaveText("إعلان");
  await expect(page.locator("#w article")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("#w .herald")).toHaveAttribute("dir", "rtl");
});

test("a Persian article in an English page reads right to left, with Latin names isolated", async ({ page }) => {
  await page.goto("/article/nowruz-book-fair-madrid");
  const article = app(page).locator("article");
  await expect(article).toHaveAttribute("lang", "fa");
  await expect(article).toHaveAttribute("dir", "rtl");
  expect(await article.evaluate((a) => getComputedStyle(a).direction)).toBe("rtl");
  const h1 = article.locator("h1");
  await expect(h1).toContainText("Madrid");
  // In the trending list the Persian headline has its own language and direction.
  await expect(app(page).locator(".hd-trending__headline[lang=fa]")).toHaveAttribute("dir", "rtl");
});

test("interface strings follow the locale, and dates and numbers the browser's Intl", async ({ page }) => {
  await testPage(page, `<div id="w" data-herald="page" data-locale="es-ES" data-slug="${SEED_SLUG}" ${PAGE_ATTRS}></div>`, "es");
  const w = page.locator("#w");
  await expect(w.locator("article h1")).toBeVisible();
  await expect(w.locator("section.hd-trending h2")).toHaveText("Tendencias de hoy");
  await expect(w.locator("section.hd-archives h2")).toHaveText("Archivo");
  await expect(w.locator(".hd-byline__reading")).toHaveText("3 min de lectura");
  await expect(w.locator(".hd-byline time").first()).toHaveText("24 de marzo de 2021");
  await expect(w.locator(".hd-read-also__label")).toHaveText("Lea también");
  await expect(w.locator(".hd-author h2")).toHaveText("Autor");
  await expect(w.locator(".hd-archives details li").first()).toHaveText("abril de 2024 (12)");
  await expect(w.locator(".hd-weather__temp")).toHaveText("13,5 °C");
  // Without data-locale, the page's lang decides.
  await testPage(page, `<div id="w" data-herald="trending" data-trending="/data/trending.json"></div>`, "de");
  await expect(page.locator("#w h2")).toHaveText("Heute im Trend");
});

// Text the page cuts off: elements that hide their overflow while their
// content is larger than they are (the visually hidden screen-reader text
// excepted).
async function clipped(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter((e) => !e.closest(".hd-sr") && e.textContent.trim())
      .filter((e) => {
        const s = getComputedStyle(e);
        const hides = (v) => v === "hidden" || v === "clip";
        return (
          (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) ||
          (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1)
        );
      })
      .map((e) => `${e.className}: ${e.textContent.trim().slice(0, 40)}`),
  );
}

for (const width of [320, 375, 640, 768, 1024, 1440, 1920]) {
  test(`no horizontal scrolling and nothing cut off at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/", "/archive/2024/04"]) {
      await page.goto(path);
      await loaded(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      expect(await clipped(page), path).toEqual([]);
    }
  });
}

test("text at 200% (the browser's font size) loses nothing and needs no horizontal scrolling", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    await loaded(page);
    const size = await app(page).locator(".hd-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBe(36); // 1.125em of 32px
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(app(page).locator(".hd-trending__headline").first()).toBeVisible();
    expect(await clipped(page), `${width}px`).toEqual([]);
  }
});

test("text at 200% on a 320px phone, in every language: nothing cut off, no horizontal scrolling", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  await page.setViewportSize({ width: 320, height: 700 });
  let locale = "en";
  // The sample site in another interface language: its page with data-locale.
  await page.route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace(`id="herald"`, `id="herald" data-locale=${locale}`);
    await route.fulfill({ response, body });
  });
  for (locale of ["en", "es", "fr", "de", "ar", "fa"]) {
    for (const path of ["/", "/archive/2024/04"]) {
      await page.goto(path);
      await loaded(page);
      await expect(app(page).locator(".hd-topbar__date")).not.toBeEmpty();
      const where = `${locale} ${path}`;
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, where).toBeLessThanOrEqual(0);
      expect(await clipped(page), where).toEqual([]);
    }
  }
});

test("reduced motion stops the skeleton's pulse", async ({ page }) => {
  await page.route(`**/data/articles/${SEED_SLUG}.json`, () => {});
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/");
  // The article never arrives, so after its fallback delay the app's own
  // skeleton (inside <main>) replaces the page's and stays: check that one,
  // not the page's, which may be detached between finding and reading it.
  const skeleton = app(page).locator("main .hd-sk").first();
  await expect(skeleton).toBeVisible();
  expect(await skeleton.evaluate((e) => getComputedStyle(e).animationName)).toBe("none");
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(await skeleton.evaluate((e) => getComputedStyle(e).animationName)).toBe("hd-pulse");
});
