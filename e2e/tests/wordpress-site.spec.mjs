// The whole page from one attribute, `data-wordpress`, on the live
// WordPress 6.1 of the test suite (scripts/wordpress; scripts/test starts it
// and sets HERALD_WP_URL, and HERALD_WP_PLAIN_URL for the same site served
// without pretty permalinks). The seed's posts (scripts/wordpress/seed.php)
// are dated in the site's zone, Europe/Madrid: 2 in March 2021, 4 in
// December 2023 (one at 00:00:00 on the 1st, one at 23:59:59 on the 31st),
// 31 in January 2024 (one at 00:00:00 on the 1st, one at 23:59:59 on the
// 31st) and 3 in March 2024 (00:00:00 on the 1st, 23:59:59 on the 31st).
import { test, expect, allowConsoleErrors, hostPage, SEED_SLUG } from "./helpers.mjs";

const WP = process.env.HERALD_WP_URL;
const PLAIN = process.env.HERALD_WP_PLAIN_URL;

test.skip(!WP && !process.env.CI, "start scripts/wordpress/start and set HERALD_WP_URL (scripts/test does)");
// Popular Posts is switched on and off on the one live site.
test.describe.configure({ mode: "serial" });

/** Switches the Popular Posts stand-in's route on the live site. */
async function popularPosts(request, on) {
  const answer = await request.post(`${WP}/?rest_route=/herald-test/v1/settings&wpp=${on ? 1 : 0}`);
  expect(answer.ok()).toBe(true);
}

/**
 * A page with one widget, given its attributes; the site's answers pass
 * through the runner (`intercept` may answer one itself: it returns true).
 */
async function sitePage(page, attributes, site = WP, intercept = async () => false) {
  if (!site) throw new Error("HERALD_WP_URL is not set: scripts/test starts the live WordPress");
  const requests = [];
  await page.route((url) => url.href.startsWith(`${site}/`), async (route) => {
    requests.push({ url: route.request().url(), at: Date.now() });
    if (await intercept(route)) return;
    // A request still on its way when the test ends is dropped with the page.
    await route.fetch().then((response) => route.fulfill({ response })).catch(() => {});
  });
  await page.route(/^https?:\/\/([a-z0-9]+\.)?gravatar\.com\//, (route) =>
    route.fulfill({ contentType: "image/svg+xml", body: "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>" }),
  );
  const locale = attributes.includes("data-locale") ? "" : 'data-locale="en"';
  await hostPage(page, "site", `<div id="site" data-herald="page" ${locale} ${attributes}></div>`);
  return { widget: page.locator("#site"), requests };
}

/** The seed's archives as a reader sees them first: every year with posts, the newest open. */
const ARCHIVES = ["2024 (34)", "March 2024 (3)", "January 2024 (31)", "2023 (4)", "2021 (2)"];

/** The archives' years and the open year's months, as "label (count)". */
async function archiveLines(widget) {
  return widget.locator(".hd-archives__year, .hd-archives__month").allInnerTexts();
}

test("the whole page from data-wordpress alone: article, archives, trending and ads", async ({ page, request }) => {
  await popularPosts(request, true);
  // Parts that wait for the discovery send nothing meanwhile (no fetch of
  // an empty address, which is the page itself).
  const ownPage = [];
  page.on("request", (r) => r.resourceType() === "fetch" && r.url().includes("/__test/") && ownPage.push(r.url()));
  const { widget, requests } = await sitePage(page, `data-wordpress="${WP}" data-slug="${SEED_SLUG}"`);
  await expect(widget.locator("article h1")).toHaveText(
    "We went in together, we will leave together: Anthony Blinken",
  );
  // The article's request went out at once, not after the discovery.
  const index = requests.findIndex((r) => r.url.includes("_fields=namespaces"));
  const post = requests.findIndex((r) => r.url.includes(`slug=${SEED_SLUG}`));
  expect(index).toBeGreaterThanOrEqual(0);
  expect(post).toBeGreaterThanOrEqual(0);
  expect(post).toBeLessThan(index + 2);
  // Archives: every year with posts and its count; the newest year open with its months.
  const archives = widget.locator(".hd-archives");
  await expect(archives.locator(".hd-archives__month")).toHaveCount(2);
  expect(await archiveLines(widget)).toEqual(ARCHIVES);
  // Trending from Popular Posts, under its own heading.
  const trending = widget.locator(".hd-trending");
  await expect(trending.locator("h2")).toHaveText("Trending Today");
  await expect(trending.locator(".hd-trending__item")).toHaveCount(5);
  await expect(trending.locator(".hd-trending__headline").first()).toHaveText(
    "We went in together, we will leave together: Anthony Blinken",
  );
  // Ads and no error anywhere.
  await expect(widget.locator(".hd-ad").first()).toBeAttached();
  await expect(widget.locator(".hd-error")).toHaveCount(0);
  // Opening an older year counts its months then, once.
  const before = requests.length;
  await archives.locator(".hd-archives__year", { hasText: "2021" }).click();
  await expect(archives.locator(".hd-archives__month")).toHaveCount(3);
  expect(await archiveLines(widget)).toContain("March 2021 (2)");
  const months2021 = requests.slice(before).filter((r) => r.url.includes("_fields=id"));
  expect(months2021.length).toBe(10); // March to December 2021
  expect(ownPage).toEqual([]);
});

test("a year's months that failed retry alone, without reloading the archives", async ({ page }) => {
  allowConsoleErrors();
  let failed = 0;
  const march2024 = "after=2024-02-29T23:59:59&before=2024-04-01T00:00:00";
  const { widget, requests } = await sitePage(page, `data-wordpress="${WP}" data-slug="${SEED_SLUG}"`, WP, async (route) => {
    if (!route.request().url().includes(march2024) || failed++) return false;
    await route.fulfill({ status: 503, body: "" });
    return true;
  });
  const archives = widget.locator(".hd-archives");
  const months = archives.locator(".hd-archives__months .hd-error");
  await expect(months).toBeVisible();
  await expect(archives.locator(".hd-archives__year")).toHaveCount(3);
  const before = requests.length;
  await months.locator("[data-herald-retry]").click();
  await expect(archives.locator(".hd-archives__month")).toHaveCount(2);
  expect(await archiveLines(widget)).toEqual(ARCHIVES);
  // Only the months were asked again: not the dates, not the years.
  const again = requests.slice(before).map((r) => r.url);
  expect(again.some((u) => u.includes("_fields=date"))).toBe(false);
  expect(again.some((u) => u.includes(march2024))).toBe(true);
  expect(again.some((u) => u.includes("after=2023-12-31T23:59:59&before=2025-01-01"))).toBe(false);
});

test("a month's listing holds exactly the month's posts, in the site's zone, page by page", async ({ page }) => {
  const { widget } = await sitePage(page, `data-wordpress="${WP}" data-slug="${SEED_SLUG}" data-per-page="10"`);
  const archives = widget.locator(".hd-archives");
  await archives.locator(".hd-archives__year", { hasText: "2023" }).click();
  await archives.getByRole("button", { name: "December 2023" }).click();
  const listing = widget.locator(".hd-listing");
  await expect(listing.locator("h1")).toHaveText("Articles from December 2023");
  await expect(listing.locator(".hd-card")).toHaveCount(4);
  const headlines = await listing.locator(".hd-card__headline").allInnerTexts();
  expect(headlines.length).toBe(4);
  // The posts at 23:59:59 on the 31st and at 00:00 on the 1st are December's; 1 January's is not.
  const slugs = await listing.locator(".hd-card__link").evaluateAll((links) => links.map((a) => a.href));
  expect(slugs.some((h) => h.includes("last-second-of-2023"))).toBe(true);
  expect(slugs.some((h) => h.includes("december-opens-at-midnight"))).toBe(true);
  expect(slugs.some((h) => h.includes("new-year-starts-at-midnight"))).toBe(false);
  await expect(listing.locator(".hd-pager")).toHaveCount(0);

  // January 2024: 31 posts, 4 pages of 10.
  await archives.getByRole("button", { name: "January 2024" }).click();
  await expect(listing.locator("h1")).toHaveText("Articles from January 2024");
  await expect(listing.locator(".hd-card")).toHaveCount(10);
  await expect(listing.locator(".hd-pager__status")).toHaveText("Page 1 of 4");
  const seen = new Set();
  for (let p = 1; p <= 4; p++) {
    if (p > 1) {
      await listing.getByRole("button", { name: "Next" }).click();
      await expect(listing.locator(".hd-pager__status")).toHaveText(`Page ${p} of 4`);
    }
    await expect(listing.locator(".hd-card")).toHaveCount(p < 4 ? 10 : 1);
    for (const h of await listing.locator(".hd-card__link").evaluateAll((l) => l.map((a) => a.href))) seen.add(h);
  }
  expect(seen.size).toBe(31);
  expect([...seen].some((h) => h.includes("new-year-starts-at-midnight"))).toBe(true);
  expect([...seen].some((h) => h.includes("last-second-of-january"))).toBe(true);
  expect([...seen].some((h) => h.includes("march-opens-at-midnight"))).toBe(false);
});

test("without Popular Posts the sidebar lists the latest posts, and says so", async ({ page, request }) => {
  await popularPosts(request, false);
  try {
    const { widget } = await sitePage(page, `data-wordpress="${WP}" data-slug="${SEED_SLUG}"`);
    const trending = widget.locator(".hd-trending");
    await expect(trending.locator("h2")).toHaveText("Latest");
    await expect(trending.locator(".hd-trending__headline")).toHaveCount(5);
    const first = await trending.locator(".hd-trending__link").first().getAttribute("href");
    expect(first).toContain("last-second-of-march");
    await expect(widget.locator(".hd-error")).toHaveCount(0);
  } finally {
    await popularPosts(request, true);
  }
});

test("a tag chosen as the fallback feeds the sidebar and is not among an article's tags", async ({ page, request }) => {
  await popularPosts(request, false);
  try {
    const { widget } = await sitePage(
      page,
      `data-wordpress="${WP}" data-slug="gallery-block" data-trending-fallback="tag:photography" data-locale="es"`,
    );
    const trending = widget.locator(".hd-trending");
    // The five posts tagged Photography, newest first, under the curated list's heading.
    await expect(trending.locator(".hd-trending__link")).toHaveCount(5);
    await expect(trending.locator("h2")).toHaveText("Tendencias de hoy");
    const links = await trending.locator(".hd-trending__link").evaluateAll((l) => l.map((a) => a.href));
    expect(links.map((h) => h.split("/").filter(Boolean).pop())).toEqual([
      "featured-image",
      "cover-block",
      "gallery-shortcode",
      "gallery-block-legacy",
      "gallery-block",
    ]);
    // The post's public tags: Madrid, not the newsroom's Photography.
    await expect(widget.locator("article .hd-tags")).toContainText("Madrid");
    await expect(widget.locator("article .hd-tags")).not.toContainText("Photography");
  } finally {
    await popularPosts(request, true);
  }
});

test("a fallback tag given by its id feeds the sidebar and is not among an article's tags either", async ({ page, request }) => {
  const answer = await fetch(`${WP}/wp-json/wp/v2/tags?slug=photography&_fields=id`);
  const [{ id }] = await answer.json();
  expect(id).toBeGreaterThan(0);
  await popularPosts(request, false);
  try {
    const { widget, requests } = await sitePage(
      page,
      `data-wordpress="${WP}" data-slug="gallery-block" data-trending-fallback="tag:${id}"`,
    );
    await expect(widget.locator(".hd-trending .hd-trending__link")).toHaveCount(5);
    await expect(widget.locator("article .hd-tags")).toContainText("Madrid");
    await expect(widget.locator("article .hd-tags")).not.toContainText("Photography");
    // An id needs no lookup.
    expect(requests.some((r) => r.url.includes("wp/v2/tags?slug="))).toBe(false);
    expect(requests.some((r) => r.url.includes(`tags=${id}`))).toBe(true);
  } finally {
    await popularPosts(request, true);
  }
});

test("the sticky posts as the fallback are 'Featured'", async ({ page, request }) => {
  await popularPosts(request, false);
  try {
    const { widget } = await sitePage(page, `data-wordpress="${WP}" data-trending-fallback="sticky"`);
    const trending = widget.locator(".hd-trending");
    await expect(trending.locator("h2")).toHaveText("Featured");
    await expect(trending.locator(".hd-trending__item")).toHaveCount(1);
    expect(await trending.locator(".hd-trending__link").getAttribute("href")).toContain("sticky-post");
    // Without a slug, the article is the latest post.
    await expect(widget.locator("article h1")).toBeVisible();
  } finally {
    await popularPosts(request, true);
  }
});

test("a site without pretty permalinks is found through ?rest_route=", async ({ page }) => {
  test.skip(!PLAIN && !process.env.CI, "needs HERALD_WP_PLAIN_URL");
  // The guessed /wp-json/ answers 404: the browser logs it.
  allowConsoleErrors();
  const herald = [];
  page.on("console", (m) => m.text().includes("[herald]") && herald.push(m.text()));
  const { widget, requests } = await sitePage(page, `data-wordpress="${PLAIN}" data-slug="${SEED_SLUG}"`, PLAIN);
  await expect(widget.locator("article h1")).toHaveText(
    "We went in together, we will leave together: Anthony Blinken",
  );
  await expect(widget.locator(".hd-archives__month")).toHaveCount(2);
  expect(await archiveLines(widget)).toEqual(ARCHIVES);
  await expect(widget.locator(".hd-trending__item")).toHaveCount(5);
  await expect(widget.locator(".hd-error")).toHaveCount(0);
  expect(requests.some((r) => r.url.includes("rest_route=/wp/v2/posts"))).toBe(true);
  expect(herald).toEqual([]);
});

test("Herald.mount takes the site too, and a wrong address is a clear error", async ({ page }) => {
  allowConsoleErrors();
  // A site whose every address answers with a feed.
  await page.route("**/xml-site/**", (route) =>
    route.fulfill({
      contentType: "application/rss+xml",
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Not an API</title></channel></rss>',
    }),
  );
  await sitePage(page, `data-wordpress="${WP}" data-view="trending"`);
  await page.evaluate((wp) => {
    const el = Object.assign(document.createElement("div"), { id: "mounted" });
    document.body.append(el);
    Herald.mount(el, { view: "archives", wordpress: wp, locale: "en" });
    const bad = Object.assign(document.createElement("div"), { id: "bad" });
    document.body.append(bad);
    // Not a WordPress site: this test server's own address.
    Herald.mount(bad, { view: "archives", wordpress: `${location.origin}/no-site`, locale: "en" });
    const xml = Object.assign(document.createElement("div"), { id: "xml" });
    document.body.append(xml);
    Herald.mount(xml, { view: "archives", wordpress: `${location.origin}/xml-site`, locale: "en" });
  }, WP);
  await expect(page.locator("#xml .hd-error__detail")).toContainText(
    `WordPress site (RSS) from ${new URL(page.url()).origin}/xml-site/wp-json/?_fields=namespaces: an XML document came back, not the REST API's JSON (check data-wordpress)`,
  );
  await expect(page.locator("#mounted .hd-archives__year").first()).toHaveText("2024 (34)");
  await expect(page.locator("#bad .hd-error__detail")).toContainText(
    `WordPress site (WordPress REST API): ${new URL(page.url()).origin}/no-site/wp-json/?_fields=namespaces returned an HTML page instead of JSON`,
  );
});

test("Retry after the site could not be found looks for it again, and the whole page loads", async ({ page }) => {
  allowConsoleErrors();
  // The site is down while the page loads: its index answers 503 until Retry.
  let down = true;
  const { widget, requests } = await sitePage(page, `data-wordpress="${WP}" data-slug="${SEED_SLUG}"`, WP, async (route) => {
    if (!down) return false;
    await route.fulfill({ status: 503, headers: { "access-control-allow-origin": "*" }, body: "" });
    return true;
  });
  const errors = widget.locator(".hd-error");
  await expect(errors.first()).toBeVisible();
  // The article, the archives and trending each say the site failed.
  await expect(widget.locator(".hd-archives .hd-error__detail")).toContainText(
    `WordPress site: HTTP 503 from ${WP}/wp-json/?_fields=namespaces`,
  );
  await expect(widget.locator(".hd-trending .hd-error")).toBeVisible();
  const index = () => requests.filter((r) => r.url.includes("_fields=namespaces")).length;
  const before = index();
  down = false;
  await widget.locator(".hd-archives [data-herald-retry]").click();
  // One new discovery for the whole page, and every part loads from it.
  await expect(widget.locator("article h1")).toBeVisible();
  await expect(widget.locator(".hd-archives__year").first()).toHaveText("2024 (34)");
  await expect(widget.locator(".hd-trending li").first()).toBeVisible();
  await expect(errors).toHaveCount(0);
  expect(index() - before).toBe(1);
});

test("a slug with no post is 'not found' after one request, the guess confirmed by the discovery", async ({ page }) => {
  allowConsoleErrors();
  const { widget, requests } = await sitePage(page, `data-wordpress="${WP}" data-slug="no-such-post" data-view="article"`);
  await expect(widget.locator(".hd-notfound")).toBeVisible();
  // The index confirmed /wp-json/: the guessed request's answer is final.
  await expect.poll(() => requests.filter((r) => r.url.includes("_fields=namespaces")).length).toBe(1);
  expect(requests.filter((r) => r.url.includes("slug=no-such-post"))).toHaveLength(1);
});
