// A real WordPress 6.1 (scripts/wordpress: Debian's package, MariaDB,
// PHP's server), seeded with posts in the block editor's own markup, read
// live through its REST API by the release build, as a publisher's page
// would embed it. Each post is checked by structure: cells in rows, images
// in the gallery, items in the nested lists, marks as elements, media as
// links out. scripts/test starts the site and sets HERALD_WP_URL.
import { test, expect, hostPage } from "./helpers.mjs";

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
  await routeSite(page);
  await hostPage(page, "wp", widgets);
  for (const slug of slugs) await expect(page.locator(`#${slug} article h1`)).toBeVisible();
}

/** Lets the page reach the live site (its REST API and its media) and stubs Gravatar. */
async function routeSite(page) {
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
}

/** A post's footnotes: references 1 and 2 link to their notes, which hold `texts` and link back. */
async function expectFootnotes(post, texts, name) {
  const refs = post.locator(".hd-body sup.hd-fnref a");
  await expect(refs, name).toHaveText(["1", "2"]);
  await expect(refs.first()).toHaveAttribute("href", "#hd-fn-1");
  const notes = post.locator("section.hd-footnotes li");
  await expect(notes, name).toHaveCount(2);
  for (const [i, text] of texts.entries()) {
    await expect(notes.nth(i), name).toContainText(text);
    await expect(notes.nth(i).locator("a.hd-fnback")).toHaveAttribute("href", `#hd-fnref-${i + 1}`);
  }
}

/** A media embed: no frame, player or script in the post. */
async function expectNothingEmbedded(post) {
  await expect(post.locator("iframe, video, audio, script")).toHaveCount(0);
}

// What each of these posts shows, by structure, however its block-editor
// markup arrives: read through the REST API (the tests below) or as a JSON
// Feed item's content_html (the last test). `post` is its widget.
const SHOWS = {
  "gallery-block": async (post) => {
    await expect(post.locator("figure.hd-gallery > ul > li > figure img"), "gallery-block").toHaveCount(3);
    await expect(post.locator("figure.hd-gallery > figcaption")).toHaveText(
      "Madrid in January: the Gran Vía, the Retiro and Cibeles.",
    );
    await expect(post.locator("figure.hd-gallery li figcaption").first()).toHaveText("The Gran Vía at dusk.");
    // WordPress' own sizes are offered: the browser picks a small one for a grid cell.
    const srcset = await post.locator("figure.hd-gallery img").first().getAttribute("srcset");
    expect(srcset ?? "").toMatch(/ \d+w, /);
  },
  "youtube-embed": async (post) => {
    const link = post.locator("a.hd-embed__link");
    await expect(link).toHaveAttribute("href", "https://www.youtube.com/watch?v=M7lc1UVf-VE");
    await expect(link).toContainText("Watch on YouTube");
    await expect(post.locator(".hd-embed figcaption")).toHaveText("The YouTube IFrame player, explained by its developers.");
    await expectNothingEmbedded(post);
  },
  "video-block": async (post) => {
    const link = post.locator("a.hd-embed__link");
    await expect(link).toHaveAttribute("href", /\.mp4$/);
    await expect(link).toContainText("Watch the video");
    await expect(link.locator("img")).toHaveAttribute("src", new RegExp(`^${WP}/`));
    await expect(post.locator(".hd-embed figcaption")).toHaveText("Two seconds of a test pattern.");
    await expectNothingEmbedded(post);
  },
  "table-block": async (post) => {
    const table = post.locator(".hd-table");
    await expect(table).toHaveAttribute("role", "region");
    await expect(table.locator("thead th[scope=col]")).toHaveText(["City", "Population", "Area (km²)"]);
    await expect(table.locator("tbody tr")).toHaveCount(4);
    await expect(table.locator("tbody tr").nth(0).locator("td")).toHaveText(["Madrid", "3,332,035", "604.3"]);
    await expect(table.locator("tbody tr").nth(3).locator("td").first()).toHaveText("Total");
    await expect(table.locator("td.hd-align-end")).toHaveCount(8);
    await expect(table.locator("caption")).toHaveText(
      "Population of Spain’s three largest cities on 1 January 2023 (sample figures).",
    );
  },
  "nested-list": async (post) => {
    const lists = post.locator(".hd-body > .hd-list");
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
  },
  "code-block": async (post) => {
    const code = post.locator("pre.hd-pre--code").first();
    await expect(code).toHaveAttribute("dir", "ltr");
    const text = await code.textContent();
    expect(text).toContain('\n  .then(([post]) => {\n    if (post && post.id < 10) console.log("<b>" + post.title.rendered + "</b>");');
    await expect(post.locator("pre.hd-pre--code")).toHaveCount(3);
    const family = await code.evaluate((el) => getComputedStyle(el).whiteSpace);
    expect(family).toBe("pre");
  },
  "verse-block": async (post) => {
    const verse = await post.locator("p.hd-verse").textContent();
    expect(verse).toContain("the bridge,\n    the city hums its winter hymn;");
  },
  "inline-formats": async (post) => {
    const body = post.locator(".hd-body");
    await expect(body.locator("sub")).toHaveText("2");
    await expect(body.locator("sup")).toHaveText("2");
    await expect(body.locator("s")).toHaveText("€12");
    await expect(body.locator("kbd")).toHaveText(["Ctrl", "C"]);
    await expect(body.locator("code")).toHaveText("navigator.clipboard.readText()");
    // A highlight is a <mark>; a text colour (a transparent <mark>) is not.
    await expect(body.locator("mark")).toHaveText("this is highlighted");
    await expect(body.locator("p").first()).toContainText("E = mc2. The price was €12 €9.");
  },
  "footnotes-block": async (post) => {
    await expectFootnotes(
      post,
      ["The withdrawal would start on 1 May.", "Some allies want a residual force for training."],
      "footnotes-block",
    );
    await expect(post.locator("section.hd-footnotes li em")).toHaveText("a residual force");
  },
  "cover-block": async (post) => {
    const cover = post.locator(".hd-body");
    await expect(cover.locator("p").first()).toHaveText("Morning in the Plaza Mayor");
    await expect(cover.locator("figure")).toHaveCount(0);
  },
  "inline-image": async (post) => {
    const inline = post.locator(".hd-body > p");
    await expect(inline).toHaveCount(3);
    await expect(inline.first()).toHaveText("Look for the orange icon RSS on any page: it is an inline image inside this paragraph.");
    // A larger picture in a line of text follows its paragraph, which stays whole.
    await expect(inline.nth(2)).toHaveText("The kiosk at the corner still sells the morning papers.");
    const picture = post.locator(".hd-body > p:nth-of-type(3) + figure img");
    await expect(picture).toHaveAttribute("alt", "A newspaper kiosk");
    await expect(picture).toHaveAttribute("width", "300");
  },
  // These two are checked natively on the recorded answers
  // (src/core/wordpress/live_tests.rs): a paragraph, a quote, a paragraph;
  // paragraphs between three separators.
  "pullquote-block": async (post) => {
    const blocks = post.locator(".hd-body > *");
    await expect(blocks).toHaveCount(3);
    expect(await blocks.evaluateAll((els) => els.map((el) => el.localName))).toEqual(["p", "figure", "p"]);
    const quote = post.locator(".hd-body > figure.hd-quote");
    await expect(quote.locator("blockquote > p")).toHaveText("The square belongs to the people who walk through it.");
    await expect(quote.locator("figcaption.hd-quote__by cite")).toHaveText("The mayor of Madrid");
  },
  "separator-block": async (post) => {
    const blocks = post.locator(".hd-body > *");
    await expect(blocks).toHaveCount(7);
    expect(await blocks.evaluateAll((els) => els.map((el) => el.localName))).toEqual(["p", "hr", "p", "hr", "p", "hr", "p"]);
    await expect(post.locator(".hd-body > hr.hd-separator")).toHaveCount(3);
    await expect(post.locator(".hd-body > p")).toHaveText([
      "Before the default separator.",
      "Before the wide one.",
      "Before the dots.",
      "After the dots.",
    ]);
  },
};

test("galleries: every image in its figure, with its caption, in all three markups", async ({ page }) => {
  await postsPage(page, ["gallery-block", "gallery-block-legacy", "gallery-shortcode"]);
  await SHOWS["gallery-block"](page.locator("#gallery-block"));
  for (const slug of ["gallery-block-legacy", "gallery-shortcode"]) {
    await expect(page.locator(`#${slug} figure.hd-gallery > ul > li > figure img`), slug).toHaveCount(3);
  }
  await expect(page.locator("#gallery-block-legacy figure.hd-gallery > figcaption")).toHaveText(
    "Madrid in January, in the older gallery markup.",
  );
});

test("embeds: links to the originals with their captions, nothing loaded from elsewhere", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const slugs = ["youtube-embed", "youtube-embed-offline", "twitter-embed", "video-block", "audio-block"];
  await postsPage(page, slugs);
  const link = (slug) => page.locator(`#${slug} a.hd-embed__link`);
  await SHOWS["youtube-embed"](page.locator("#youtube-embed"));
  await SHOWS["video-block"](page.locator("#video-block"));
  await expect(link("youtube-embed-offline")).toHaveAttribute("href", "https://youtu.be/aqz-KE-bpKQ");
  await expect(link("twitter-embed")).toHaveAttribute("href", /^https:\/\/twitter\.com\/heraldsample\/status\/1374702357178052610/);
  await expect(link("twitter-embed")).toContainText("View on Twitter");
  await expect(link("audio-block")).toHaveAttribute("href", /\.mp3$/);
  await expect(link("audio-block")).toContainText("Listen");
  await expect(page.locator("#audio-block .hd-embed figcaption")).toHaveText("Two seconds of A440, the tuning note.");
  // No frame, player or script, and no request beyond this page and the site.
  for (const slug of slugs) await expectNothingEmbedded(page.locator(`#${slug}`));
  const providers = requests.filter((u) => /youtube|youtu\.be|twitter|twimg|vimeo/.test(new URL(u).hostname));
  expect(providers).toEqual([]);
});

test("a table keeps its rows, header cells, alignment and caption, and scrolls in its own box", async ({ page }) => {
  await postsPage(page, ["table-block"]);
  await SHOWS["table-block"](page.locator("#table-block"));
  // On a phone-sized page the table scrolls inside its box, never the page.
  await page.setViewportSize({ width: 320, height: 700 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("nested lists keep their levels, spaces and numbering", async ({ page }) => {
  await postsPage(page, ["nested-list"]);
  await SHOWS["nested-list"](page.locator("#nested-list"));
});

test("code, preformatted text and verse keep their lines; code reads left to right", async ({ page }) => {
  await postsPage(page, ["code-block", "preformatted-block", "verse-block"]);
  await SHOWS["code-block"](page.locator("#code-block"));
  const pre = await page.locator("#preformatted-block pre.hd-pre").textContent();
  expect(pre).toContain("Museum          Mon    Tue–Sat   Sun\nPrado           10–20");
  await SHOWS["verse-block"](page.locator("#verse-block"));
});

test("inline formats are elements: sub, sup, strikethrough, keys, code, highlight", async ({ page }) => {
  await postsPage(page, ["inline-formats"]);
  await SHOWS["inline-formats"](page.locator("#inline-formats"));
});

test("a password-protected post says so and links to the original", async ({ page }) => {
  await postsPage(page, ["password-protected"]);
  const locked = page.locator("#password-protected .hd-locked");
  await expect(locked).toContainText("This article is protected by a password.");
  await expect(locked.locator("a")).toHaveAttribute("href", `${WP}/password-protected/`);
  await expect(page.locator("#password-protected .hd-body")).toHaveCount(0);
});

test("footnotes: references link to their notes and back, in the three markups", async ({ page }) => {
  await postsPage(page, ["footnotes-manual", "footnotes-easy-footnotes", "footnotes-block"]);
  const expected = {
    "footnotes-manual": ["Thirty in March 2021; Finland joined in 2023 and Sweden in 2024.", "And more often when a crisis calls for it."],
    "footnotes-easy-footnotes": ["23 and 24 March 2021.", "Published on the alliance’s website."],
  };
  for (const [slug, texts] of Object.entries(expected)) await expectFootnotes(page.locator(`#${slug}`), texts, slug);
  await SHOWS["footnotes-block"](page.locator("#footnotes-block"));
  // In the embed's shadow root, a reference still takes the reader to its note.
  await page.setViewportSize({ width: 1280, height: 400 });
  const last = page.locator("#footnotes-block .hd-body sup.hd-fnref a").nth(1);
  await last.click();
  await expect(page.locator("#footnotes-block #hd-fn-2")).toBeInViewport();
});

test("a cover shows its text, an icon keeps its paragraph, an excerpt made from the text is not repeated", async ({ page }) => {
  await postsPage(page, ["cover-block", "inline-image", "no-manual-excerpt"]);
  await SHOWS["cover-block"](page.locator("#cover-block"));
  await SHOWS["inline-image"](page.locator("#inline-image"));
  await expect(page.locator("#no-manual-excerpt .hd-standfirst")).toHaveCount(0);
});

test("Arabic and Persian posts read right to left on an English page, their 'Read also' recognised", async ({ page }) => {
  const ar = "بلينكن-دخلنا-معا-وسنغادر-معا";
  await page.route((url) => url.href.startsWith(`${WP}/`), async (route) => route.fulfill({ response: await route.fetch() }));
  await page.route(/^https?:\/\/([a-z0-9]+\.)?gravatar\.com\//, (route) =>
    route.fulfill({ contentType: "image/svg+xml", body: "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>" }),
  );
  await hostPage(
    page,
    "rtl",
    `<div id="ar" data-herald="article" data-article-format="wordpress" data-ads="off" data-locale="en"
          data-article="${WP}/wp-json/wp/v2/posts?slug=${encodeURIComponent(ar)}&amp;_embed"></div>
        <div id="fa" data-herald="article" data-article-format="wordpress" data-ads="off" data-locale="en"
          data-article="${WP}/wp-json/wp/v2/posts?slug=persian-we-will-leave-together&amp;_embed"></div>`,
  );
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

/** The text of WordPress' `title.rendered`: tags dropped, character references decoded. */
function titleText(html) {
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (ref, name) =>
      name[0] !== "#"
        ? (named[name.toLowerCase()] ?? ref)
        : String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)),
    );
}

test("the same block-editor markup as a JSON Feed's content_html shows as it does through the REST API", async ({ page }) => {
  const slugs = Object.keys(SHOWS);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  // The posts as WordPress publishes them, made into a JSON Feed 1.1 as a
  // feed plugin would, the rendered content as content_html. The permalink's
  // last segment (/<slug>/) is the item's slug, as the id is a URL (the guid):
  // an id of letters and digits, such as the post's number, would be taken
  // as the slug instead (docs/sources.md).
  const items = [];
  for (const slug of slugs) {
    const answer = await fetch(`${WP}/wp-json/wp/v2/posts?slug=${slug}`);
    expect(answer.ok, slug).toBe(true);
    const [post] = await answer.json();
    expect(post?.slug, slug).toBe(slug);
    items.push({
      id: post.guid.rendered,
      url: post.link,
      title: titleText(post.title.rendered),
      content_html: post.content.rendered,
      date_published: `${post.date_gmt}Z`,
    });
  }
  const feed = { version: "https://jsonfeed.org/version/1.1", title: "Herald's test WordPress", home_page_url: `${WP}/`, items };
  await page.route("**/__test/wordpress-feed.json", (route) =>
    route.fulfill({ contentType: "application/feed+json", body: JSON.stringify(feed) }),
  );
  // Each post twice: from the REST API, and as its item of the feed.
  const widgets = slugs
    .map(
      (slug) =>
        `<div id="wp-${slug}" data-herald="article" data-article-format="wordpress" data-ads="off" data-locale="en"
           data-article="${WP}/wp-json/wp/v2/posts?slug=${slug}&amp;_embed"></div>
         <div id="jf-${slug}" data-herald="article" data-article="/__test/wordpress-feed.json" data-article-format="jsonfeed"
           data-slug="${slug}" data-ads="off" data-locale="en"></div>`,
    )
    .join("\n");
  await page.route("**/__test/wp-jsonfeed.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live WordPress as a JSON Feed</title>
        <link rel="icon" href="/favicon.svg"><script type="module" src="/herald.js"></script></head><body>${widgets}</body></html>`,
    }),
  );
  await routeSite(page);
  await page.goto("/__test/wp-jsonfeed.html");
  for (const [i, slug] of slugs.entries()) {
    // The item data-slug names, not the feed's first.
    await expect(page.locator(`#jf-${slug} article h1`), slug).toHaveText(items[i].title);
    await expect(page.locator(`#wp-${slug} article h1`), slug).toHaveText(items[i].title);
  }
  for (const slug of slugs) {
    await test.step(`${slug}: through the REST API`, () => SHOWS[slug](page.locator(`#wp-${slug}`)));
    await test.step(`${slug}: as a JSON Feed item`, () => SHOWS[slug](page.locator(`#jf-${slug}`)));
  }
  // Nothing loaded from a video's provider; a reference still takes the reader to its note.
  const providers = requests.filter((u) => /youtube|youtu\.be|twitter|twimg|vimeo/.test(new URL(u).hostname));
  expect(providers).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.locator("#jf-footnotes-block .hd-body sup.hd-fnref a").nth(1).click();
  await expect(page.locator("#jf-footnotes-block #hd-fn-2")).toBeInViewport();
  // The pictures the jump brought into view arrive before the page closes
  // (their answers pass through the runner, which fails on a closed page).
  await page.unrouteAll({ behavior: "wait" });
});
