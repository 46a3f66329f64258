import { expect, Page, BrowserContext } from "@playwright/test";

/** Fluent wraps variables in Unicode isolation marks; assertions compare without them. */
export function plain(s: string | null): string {
  return (s ?? "").replace(/[\u2068\u2069]/g, "");
}

/** Fails the test on any console error or uncaught exception (CSP violations included). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** Waits until the WASM bundle has hydrated the page. */
export async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

/** Sets the interface language cookie before the first visit. */
export async function setLanguage(context: BrowserContext, baseURL: string, tag: string) {
  await context.addCookies([{ name: "lang", value: tag, url: baseURL }]);
}

/** A unique e-mail address per test run. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
}
