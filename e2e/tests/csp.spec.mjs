// Under a strict Content-Security-Policy (sent as a header by the test
// server): the standalone app and the embedding page render fully with no
// securitypolicyviolation event.
import { test, expect, sample, SEED_SLUG, NATO_SLUG } from "./helpers.mjs";
import { PORTS, CSP } from "../playwright.config.mjs";

const base = `http://127.0.0.1:${PORTS.csp}/`;

async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

test("the policy is really sent", async ({ request }) => {
  const response = await request.get(base);
  expect(response.headers()["content-security-policy"]).toBe(CSP);
});

test("the standalone app renders fully under the strict policy", async ({ page }) => {
  await watchViolations(page);
  await page.goto(base);
  await expect(page.locator("#herald article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  await expect(page.locator("#herald .hd-weather__temp")).toHaveText("13.5°C");
  await expect(page.locator("#herald .hd-trending__item")).toHaveCount(5);
  await expect(page.locator("#herald .hd-archives summary")).toHaveCount(4);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  // Styles set through the CSSOM (the trending room: five rows of 6em) are
  // allowed by the policy.
  await expect(page.locator("#herald .hd-trending .hd-part__content")).toHaveCSS("min-height", "480px");
  // Navigate, to exercise the history code too.
  await page.locator("#herald aside.hd-read-also a").click();
  await expect(page.locator("#herald article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test("the embedding page renders fully under the strict policy", async ({ page }) => {
  await watchViolations(page);
  await page.goto(`${base}demo/embed.html`);
  await expect(page.locator("#widget-page article h1")).toHaveText(sample(`articles/${SEED_SLUG}.json`).headline);
  await expect(page.locator("#widget-article article h1")).toHaveText(sample(`articles/${NATO_SLUG}.json`).headline);
  await expect(page.locator("#widget-page .hd-trending__item")).toHaveCount(5);
  // The widget's stylesheet applies inside the shadow roots.
  await expect(page.locator("#widget-page article h1")).toHaveCSS("font-family", /Georgia/);
  await page.locator("#add-widget").click();
  await expect(page.locator("#widget-later-1 .hd-trending__item")).toHaveCount(5);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});
