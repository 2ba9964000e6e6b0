// A real WordPress 6.1 (scripts/wordpress: Debian's package, MariaDB,
// PHP's server), seeded with posts in the block editor's own markup, read
// live through its REST API by the release build, as a publisher's page
// would embed it. Each post is checked by structure: cells in rows, images
// in the gallery, items in the nested lists, marks as elements, media as
// links out. scripts/test starts the site and sets HERALD_WP_URL.
import { test, expect } from "./helpers.mjs";

const WP = process.env.HERALD_WP_URL;

test.skip(!WP && !process.env.CI, "start scripts/wordpress/start and set HERALD_WP_URL (scripts/test does)");

/** A page with one article widget per slug, read from the live site. */
async function postsPage(page, slugs, extra = "") {
  if (!WP) throw new Error("HERALD_WP_URL is not set: scripts/test starts the live WordPress");
  const widgets = slugs
    .map(
      (slug) =>
        `<div id="${slug}" data-herald="article" data-article-format="wordpress" data-ads="off" data-locale="en" ${extra}
           data-article="${WP}/wp-json/wp/v2/posts?slug=${slug}&amp;_embed"></div>`,
    )
    .join("\n");
  await page.route("**/__test/wp.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live WordPress</title>
        <link rel="icon" href="/favicon.svg"><script type="module" src="/herald.js"></script></head><body>${widgets}</body></html>`,
    }),
  );
  // The site's answers pass through the test runner: Chromium does not let
  // a page it was handed by the runner (a "public" document) reach a
  // loopback address itself. The answers are WordPress' own, headers (CORS,
  // X-WP-Total) included.
  await page.route((url) => url.href.startsWith(`${WP}/`), async (route) =>
    route.fulfill({ response: await route.fetch() }),
  );
  // Authors' pictures are Gravatar's, out of reach offline: a blank one.
  await page.route(/^https?:\/\/([a-z0-9]+\.)?gravatar\.com\//, (route) =>
    route.fulfill({ contentType: "image/svg+xml", body: "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>" }),
  );
  await page.goto("/__test/wp.html");
  for (const slug of slugs) await expect(page.locator(`#${slug} article h1`)).toBeVisible();
}

test("galleries: every image in its figure, with its caption, in all three markups", async ({ page }) => {
  await postsPage(page, ["gallery-block", "gallery-block-legacy", "gallery-shortcode"]);
  for (const slug of ["gallery-block", "gallery-block-legacy", "gallery-shortcode"]) {
    await expect(page.locator(`#${slug} figure.hd-gallery > ul > li > figure img`), slug).toHaveCount(3);
  }
  await expect(page.locator("#gallery-block figure.hd-gallery > figcaption")).toHaveText(
    "Madrid in January: the Gran Vía, the Retiro and Cibeles.",
  );
  await expect(page.locator("#gallery-block figure.hd-gallery li figcaption").first()).toHaveText("The Gran Vía at dusk.");
  await expect(page.locator("#gallery-block-legacy figure.hd-gallery > figcaption")).toHaveText(
    "Madrid in January, in the older gallery markup.",
  );
  // WordPress' own sizes are offered: the browser picks a small one for a grid cell.
  const srcset = await page.locator("#gallery-block figure.hd-gallery img").first().getAttribute("srcset");
  expect(srcset ?? "").toMatch(/ \d+w, /);
});

test("embeds: links to the originals with their captions, nothing loaded from elsewhere", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const slugs = ["youtube-embed", "youtube-embed-offline", "twitter-embed", "video-block", "audio-block"];
  await postsPage(page, slugs);
  const link = (slug) => page.locator(`#${slug} a.hd-embed__link`);
  await expect(link("youtube-embed")).toHaveAttribute("href", "https://www.youtube.com/watch?v=M7lc1UVf-VE");
  await expect(link("youtube-embed")).toContainText("Watch on YouTube");
  await expect(page.locator("#youtube-embed .hd-embed figcaption")).toHaveText(
    "The YouTube IFrame player, explained by its developers.",
  );
  await expect(link("youtube-embed-offline")).toHaveAttribute("href", "https://youtu.be/aqz-KE-bpKQ");
  await expect(link("twitter-embed")).toHaveAttribute("href", /^https:\/\/twitter\.com\/heraldsample\/status\/1374702357178052610/);
  await expect(link("twitter-embed")).toContainText("View on Twitter");
  await expect(link("video-block")).toHaveAttribute("href", /\.mp4$/);
  await expect(link("video-block")).toContainText("Watch the video");
  await expect(page.locator("#video-block a.hd-embed__link img")).toHaveAttribute("src", new RegExp(`^${WP}/`));
  await expect(page.locator("#video-block .hd-embed figcaption")).toHaveText("Two seconds of a test pattern.");
  await expect(link("audio-block")).toHaveAttribute("href", /\.mp3$/);
  await expect(link("audio-block")).toContainText("Listen");
  await expect(page.locator("#audio-block .hd-embed figcaption")).toHaveText("Two seconds of A440, the tuning note.");
  // No frame, player or script, and no request beyond this page and the site.
  for (const slug of slugs) {
    await expect(page.locator(`#${slug}`).locator("iframe, video, audio, script")).toHaveCount(0);
  }
  const providers = requests.filter((u) => /youtube|youtu\.be|twitter|twimg|vimeo/.test(new URL(u).hostname));
  expect(providers).toEqual([]);
});

test("a table keeps its rows, header cells, alignment and caption, and scrolls in its own box", async ({ page }) => {
  await postsPage(page, ["table-block"]);
  const table = page.locator("#table-block .hd-table");
  await expect(table).toHaveAttribute("role", "region");
  await expect(table.locator("thead th[scope=col]")).toHaveText(["City", "Population", "Area (km²)"]);
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await expect(table.locator("tbody tr").nth(0).locator("td")).toHaveText(["Madrid", "3,332,035", "604.3"]);
  await expect(table.locator("tbody tr").nth(3).locator("td").first()).toHaveText("Total");
  await expect(table.locator("td.hd-align-end")).toHaveCount(8);
  await expect(table.locator("caption")).toHaveText(
    "Population of Spain’s three largest cities on 1 January 2023 (sample figures).",
  );
  // On a phone-sized page the table scrolls inside its box, never the page.
  await page.setViewportSize({ width: 320, height: 700 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("nested lists keep their levels, spaces and numbering", async ({ page }) => {
  await postsPage(page, ["nested-list"]);
  const lists = page.locator("#nested-list .hd-body > .hd-list");
  await expect(lists).toHaveCount(2);
  const first = lists.nth(0);
  await expect(first.locator(":scope > li")).toHaveCount(3);
  await expect(first.locator(":scope > li > ul > li > ul > li em")).toHaveText("Guernica");
  // Each item's own text, not glued to its sub-list's.
  const museums = await first.locator(":scope > li").first().evaluate((li) => li.firstChild.textContent);
  expect(museums).toBe("Museums");
  await expect(first.locator(":scope > li").nth(2)).toHaveText("Markets, on Sunday mornings");
  await expect(first.locator(":scope > li").nth(2).locator("strong")).toHaveText("Sunday");
  await expect(lists.nth(1)).toHaveJSProperty("tagName", "OL");
  await expect(lists.nth(1)).toHaveAttribute("start", "3");
});

test("code, preformatted text and verse keep their lines; code reads left to right", async ({ page }) => {
  await postsPage(page, ["code-block", "preformatted-block", "verse-block"]);
  const code = page.locator("#code-block pre.hd-pre--code").first();
  await expect(code).toHaveAttribute("dir", "ltr");
  const text = await code.textContent();
  expect(text).toContain('\n  .then(([post]) => {\n    if (post && post.id < 10) console.log("<b>" + post.title.rendered + "</b>");');
  await expect(page.locator("#code-block pre.hd-pre--code")).toHaveCount(3);
  const pre = await page.locator("#preformatted-block pre.hd-pre").textContent();
  expect(pre).toContain("Museum          Mon    Tue–Sat   Sun\nPrado           10–20");
  const verse = await page.locator("#verse-block p.hd-verse").textContent();
  expect(verse).toContain("the bridge,\n    the city hums its winter hymn;");
  const family = await code.evaluate((el) => getComputedStyle(el).whiteSpace);
  expect(family).toBe("pre");
});

test("inline formats are elements: sub, sup, strikethrough, keys, code, highlight", async ({ page }) => {
  await postsPage(page, ["inline-formats"]);
  const body = page.locator("#inline-formats .hd-body");
  await expect(body.locator("sub")).toHaveText("2");
  await expect(body.locator("sup")).toHaveText("2");
  await expect(body.locator("s")).toHaveText("€12");
  await expect(body.locator("kbd")).toHaveText(["Ctrl", "C"]);
  await expect(body.locator("code")).toHaveText("navigator.clipboard.readText()");
  // A highlight is a <mark>; a text colour (a transparent <mark>) is not.
  await expect(body.locator("mark")).toHaveText("this is highlighted");
  await expect(body.locator("p").first()).toContainText("E = mc2. The price was €12 €9.");
});

test("a password-protected post says so and links to the original", async ({ page }) => {
  await postsPage(page, ["password-protected"]);
  const locked = page.locator("#password-protected .hd-locked");
  await expect(locked).toContainText("This article is protected by a password.");
  await expect(locked.locator("a")).toHaveAttribute("href", `${WP}/password-protected/`);
  await expect(page.locator("#password-protected .hd-body")).toHaveCount(0);
});

test("footnotes: references link to their notes and back, in the three markups", async ({ page }) => {
  const slugs = ["footnotes-manual", "footnotes-easy-footnotes", "footnotes-block"];
  await postsPage(page, slugs);
  const expected = {
    "footnotes-manual": ["Thirty in March 2021; Finland joined in 2023 and Sweden in 2024.", "And more often when a crisis calls for it."],
    "footnotes-easy-footnotes": ["23 and 24 March 2021.", "Published on the alliance’s website."],
    "footnotes-block": ["The withdrawal would start on 1 May.", "Some allies want a residual force for training."],
  };
  for (const slug of slugs) {
    const refs = page.locator(`#${slug} .hd-body sup.hd-fnref a`);
    await expect(refs, slug).toHaveText(["1", "2"]);
    await expect(refs.first()).toHaveAttribute("href", "#hd-fn-1");
    const notes = page.locator(`#${slug} section.hd-footnotes li`);
    await expect(notes, slug).toHaveCount(2);
    for (const [i, text] of expected[slug].entries()) {
      await expect(notes.nth(i), slug).toContainText(text);
      await expect(notes.nth(i).locator("a.hd-fnback")).toHaveAttribute("href", `#hd-fnref-${i + 1}`);
    }
  }
  await expect(page.locator("#footnotes-block section.hd-footnotes li em")).toHaveText("a residual force");
  // In the embed's shadow root, a reference still takes the reader to its note.
  await page.setViewportSize({ width: 1280, height: 400 });
  const last = page.locator("#footnotes-block .hd-body sup.hd-fnref a").nth(1);
  await last.click();
  await expect(page.locator("#footnotes-block #hd-fn-2")).toBeInViewport();
});

test("a cover shows its text, an icon keeps its paragraph, an excerpt made from the text is not repeated", async ({ page }) => {
  await postsPage(page, ["cover-block", "inline-image", "no-manual-excerpt"]);
  const cover = page.locator("#cover-block .hd-body");
  await expect(cover.locator("p").first()).toHaveText("Morning in the Plaza Mayor");
  await expect(cover.locator("figure")).toHaveCount(0);
  const inline = page.locator("#inline-image .hd-body > p");
  await expect(inline).toHaveCount(3);
  await expect(inline.first()).toHaveText("Look for the orange icon RSS on any page: it is an inline image inside this paragraph.");
  // A larger picture in a line of text follows its paragraph, which stays whole.
  await expect(inline.nth(2)).toHaveText("The kiosk at the corner still sells the morning papers.");
  const picture = page.locator("#inline-image .hd-body > p:nth-of-type(3) + figure img");
  await expect(picture).toHaveAttribute("alt", "A newspaper kiosk");
  await expect(picture).toHaveAttribute("width", "300");
  await expect(page.locator("#no-manual-excerpt .hd-standfirst")).toHaveCount(0);
});

test("Arabic and Persian posts read right to left on an English page, their 'Read also' recognised", async ({ page }) => {
  const ar = "بلينكن-دخلنا-معا-وسنغادر-معا";
  await page.route("**/__test/rtl.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rtl</title><link rel="icon" href="/favicon.svg">
        <script type="module" src="/herald.js"></script></head><body>
        <div id="ar" data-herald="article" data-article-format="wordpress" data-ads="off" data-locale="en"
          data-article="${WP}/wp-json/wp/v2/posts?slug=${encodeURIComponent(ar)}&amp;_embed"></div>
        <div id="fa" data-herald="article" data-article-format="wordpress" data-ads="off" data-locale="en"
          data-article="${WP}/wp-json/wp/v2/posts?slug=persian-we-will-leave-together&amp;_embed"></div></body></html>`,
    }),
  );
  await page.route((url) => url.href.startsWith(`${WP}/`), async (route) => route.fulfill({ response: await route.fetch() }));
  await page.route(/^https?:\/\/([a-z0-9]+\.)?gravatar\.com\//, (route) =>
    route.fulfill({ contentType: "image/svg+xml", body: "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>" }),
  );
  await page.goto("/__test/rtl.html");
  for (const id of ["ar", "fa"]) {
    const h1 = page.locator(`#${id} article h1`);
    await expect(h1).toBeVisible();
    expect(await h1.evaluate((el) => getComputedStyle(el).direction), id).toBe("rtl");
    await expect(page.locator(`#${id} aside.hd-read-also a`), id).toHaveCount(1);
  }
});

test("with data-play-embeds, a video plays in place: YouTube's privacy-enhanced player, the browser's for a file", async ({ page }) => {
  const frames = [];
  await page.route(/^https:\/\/www\.youtube-nocookie\.com\//, (route) => {
    frames.push(route.request().url());
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>player</title>" });
  });
  await postsPage(page, ["youtube-embed", "video-block", "twitter-embed"], 'data-play-embeds="on"');
  const link = (slug) => page.locator(`#${slug} a.hd-embed__link`);
  // Before a click nothing is loaded from YouTube.
  expect(frames).toEqual([]);
  await expect(link("twitter-embed")).not.toHaveAttribute("data-herald-play");
  await link("youtube-embed").click();
  const frame = page.locator("#youtube-embed iframe.hd-embed__player");
  await expect(frame).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1");
  await expect(frame).toHaveAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
  await expect(frame).toHaveAttribute("title", /Watch on YouTube/);
  await expect(frame).toBeFocused();
  await expect(link("youtube-embed")).toHaveCount(0);
  await expect(page.locator("#youtube-embed .hd-embed figcaption")).toBeVisible();
  expect(page.url()).toMatch(/\/__test\/wp\.html$/);
  // The reader scrolls to the next video (the player above has grown).
  await link("video-block").scrollIntoViewIfNeeded();
  await link("video-block").click();
  const video = page.locator("#video-block video.hd-embed__player");
  await expect(video).toHaveAttribute("src", new RegExp(`^${WP}/.*\\.mp4$`));
  await expect(video).toHaveAttribute("controls", "");
  const box = await video.boundingBox();
  expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
});
