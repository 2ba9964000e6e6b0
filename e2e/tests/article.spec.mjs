// The article view on the sample site: the seed article in full, the
// not-found view, and the error view with a Retry that works.
import { test, expect, allowConsoleErrors, app, seedLines, sample, SEED_SLUG, NATO_SLUG } from "./helpers.mjs";

test("the sample article shows every part of the seed article, in order", async ({ page }) => {
  await page.goto("/");
  const article = app(page).locator("article");
  await expect(article.locator("h1")).toHaveText("We Went In Together, We Will Leave Together: Anthony Blinken");
  await expect(article.locator("header .hd-kicker")).toHaveText("Must read");
  await expect(article.locator("header .hd-standfirst")).toHaveText(
    "The US and its allies have discussed the foreign troop's withdrawal from Afghanistan",
  );
  // Byline: avatar and name, then the date in the reader's locale and the reading time.
  await expect(article.locator(".hd-byline__name")).toHaveText("Omid Sobhani");
  await expect(article.locator(".hd-byline img")).toHaveAttribute("alt", "");
  await expect(article.locator(".hd-byline time").first()).toHaveAttribute("datetime", "2021-03-24T14:20:00+01:00");
  await expect(article.locator(".hd-byline time").first()).toHaveText("March 24, 2021");
  await expect(article.locator(".hd-byline__reading")).toHaveText("3 min read");

  // The body, line by line against the seed page.
  const lines = seedLines();
  const start = lines.findIndex((l) => l.startsWith("BELGIUM. Brussels:"));
  const end = lines.indexOf("Author");
  const expected = lines.slice(start, end).filter((l) => l !== "- Advertisement -");
  const blocks = await article.locator(".hd-body > :not(.hd-ad)").evaluateAll((els) =>
    els.map((e) => ({ tag: e.tagName, cls: e.className, text: e.textContent.trim() })),
  );
  expect(blocks.length).toBe(expected.length);
  expected.forEach((line, i) => {
    const block = blocks[i];
    if (line.startsWith("Read Also: ")) {
      expect(block.tag).toBe("ASIDE");
      expect(block.text).toBe(`Read also${line.slice("Read Also: ".length)}`);
    } else if (!/[.”:]$/.test(line)) {
      expect(block.tag, line).toBe("H2");
      expect(block.text).toBe(line);
    } else if (block.cls === "hd-quote") {
      // A quotation as a quote: the words without their quotation marks, the speaker cited.
      const words = line.replace(/^“/, "").replace(/,’” Blinken said\.$/, "");
      expect(block.text.startsWith(words), block.text).toBe(true);
      expect(block.text.endsWith("— Antony Blinken")).toBe(true);
    } else {
      expect(block.tag, line).toBe("P");
      expect(block.text).toBe(line);
    }
  });
  await expect(article.locator(".hd-body p").first().locator(".hd-dateline")).toHaveText("BELGIUM. Brussels:");
  await expect(article.locator(".hd-body blockquote")).toHaveCount(1);
  await expect(article.locator(".hd-body figure.hd-quote cite")).toHaveText("Antony Blinken");

  // Lead figure, tags and the author box at the end.
  await expect(article.locator(":scope > figure figcaption")).toContainText("NATO foreign ministers met in Brussels");
  await expect(article.locator(":scope > figure img")).toHaveAttribute("width", "1200");
  await expect(article.locator(".hd-tags li")).toHaveText(["NATO", "Afghanistan", "United States"]);
  const authorBox = article.locator("footer .hd-author");
  await expect(authorBox.locator("h2")).toHaveText("Author");
  await expect(authorBox.locator(".hd-author__name")).toHaveText("Omid Sobhani");
  await expect(authorBox.locator(".hd-author__bio")).toHaveText(
    "Omid Sobhani is a senior journalist at Australian Broadcasting Corporation (ABC) and the Transcontinental Times.",
  );
  await expect(authorBox.locator("a")).toHaveAttribute("href", "https://example.com/authors/omid-sobhani");
});

test("the read-also link opens the related sample article", async ({ page }) => {
  await page.goto("/");
  const link = app(page).locator("aside.hd-read-also a");
  await expect(link).toHaveAttribute("href", `/article/${NATO_SLUG}`);
  await link.click();
  await expect(page).toHaveURL(`/article/${NATO_SLUG}`);
  await expect(app(page).locator("article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
});

test("a missing article shows the not-found view", async ({ page }) => {
  allowConsoleErrors(); // the browser logs the 404 response
  await page.goto("/article/no-such-article");
  await expect(app(page).locator(".hd-notfound h1")).toHaveText("Page not found");
  await expect(app(page).locator(".hd-notfound a")).toHaveAttribute("href", "/");
  await expect(app(page).locator("article")).toHaveCount(0);
});

test("a malformed document shows exactly what is wrong, and Retry renders it once fixed", async ({ page }) => {
  allowConsoleErrors();
  const good = JSON.stringify(sample(`articles/${SEED_SLUG}.json`), null, 2);
  let body = good.replace('"headline"', '"title"');
  await page.route(`**/data/articles/${SEED_SLUG}.json`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body }),
  );
  await page.goto("/");
  const error = app(page).locator(".hd-error");
  await expect(error.locator(".hd-error__title")).toHaveText("This article could not be loaded.");
  await expect(error.locator(".hd-error__reason")).toHaveText("The data is not in the expected format.");
  await expect(error.locator(".hd-error__detail")).toHaveText(
    `article (Herald JSON) from http://127.0.0.1:4173/data/articles/${SEED_SLUG}.json: missing field \`headline\` at $ (line 1)`,
  );
  await expect(app(page).locator("[aria-live]")).toHaveText("This article could not be loaded.");
  body = good;
  await error.getByRole("button", { name: "Retry" }).click();
  await expect(app(page).locator("article h1")).toHaveText("We Went In Together, We Will Leave Together: Anthony Blinken");
  await expect(app(page).locator(".hd-error")).toHaveCount(0);
});

test("a server error names the status and the URL", async ({ page }) => {
  allowConsoleErrors();
  await page.route(`**/data/articles/${SEED_SLUG}.json`, (route) => route.fulfill({ status: 503, body: "busy" }));
  await page.goto("/");
  await expect(app(page).locator(".hd-error__detail")).toHaveText(
    `article: HTTP 503 from http://127.0.0.1:4173/data/articles/${SEED_SLUG}.json`,
  );
  await expect(app(page).locator(".hd-error__reason")).toHaveText("The server answered with HTTP status 503.");
});
