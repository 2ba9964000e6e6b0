// Shared helpers for the end-to-end tests.
import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

export { expect };

/** A test whose page fails it on any uncaught error or console error. */
export const test = base.extend({
  page: async ({ page }, use, info) => {
    const problems = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !info.annotations.some((a) => a.type === "expect-console-errors")) {
        problems.push(`console error: ${m.text()}`);
      }
    });
    await use(page);
    expect(problems, "the page logged errors").toEqual([]);
  },
});

/** Lets a test log console errors on purpose (a failing feed logs its error). */
export function allowConsoleErrors() {
  test.info().annotations.push({ type: "expect-console-errors" });
}

export const SEED_SLUG = "we-went-in-together-we-will-leave-together-anthony-blinken";
export const NATO_SLUG = "nato-will-not-leave-afghanistan-before-the-time-is-right";

export function sample(path) {
  return JSON.parse(readFileSync(new URL(`../../public/data/${path}`, import.meta.url), "utf8"));
}

/** The seed page's text, as lines. */
export function seedLines() {
  return readFileSync(new URL("../fixtures/seed-article-page.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The widget's root (the standalone app's light DOM). */
export function app(page) {
  return page.locator("#herald");
}

/**
 * Opens `/__test/<name>.html`, a page of the test server holding `body`
 * and the loader, as a publisher's page would (routes it needs are set up
 * before).
 */
export async function hostPage(page, name, body) {
  await page.route(`**/__test/${name}.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
        <link rel="icon" href="/favicon.svg"><script type="module" src="/herald.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`/__test/${name}.html`);
}
