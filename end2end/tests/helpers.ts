import { expect, Browser, Page, BrowserContext } from "@playwright/test";

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

/** A new buyer in English, signed in. */
export async function newBuyer(browser: Browser, baseURL: string, name: string) {
  const context = await browser.newContext();
  await setLanguage(context, baseURL, "en");
  const page = await context.newPage();
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("E-mail").fill(uniqueEmail("chat"));
  await page.getByLabel("Password").fill("expo-demo-2026");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Country or region").selectOption("DE");
  await page.getByLabel("Preferred language").selectOption("en");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-name")).toHaveText(name);
  return { context, page };
}

/** The demo exhibitor (team of booth M-01) in Chinese, signed in. */
export async function exhibitor(browser: Browser, baseURL: string) {
  const context = await browser.newContext();
  await setLanguage(context, baseURL, "zh-CN");
  const page = await context.newPage();
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("电子邮箱").fill("exhibitor@expo.example");
  await page.getByLabel("密码").fill("expo-demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible();
  return { context, page };
}

/** Opens booth M-01 of the marine hall from the hall's list view. */
export async function openBoothM01(page: Page, listLabel: string) {
  await page.goto("/halls/marine");
  await hydrated(page);
  await page.getByRole("button", { name: listLabel }).click();
  await page.getByRole("row", { name: /M-01/ }).getByRole("link").click();
  await expect(page).toHaveURL(/\/exhibitors\/[0-9a-f-]+$/);
  await hydrated(page);
}


/** Resolves once the page's realtime socket confirms it follows a topic starting with `prefix`
 * (`expo:`, `user:`); call it before the page opens. */
export function following(page: Page, prefix: string): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (ws) => {
      ws.on("framereceived", (f) => {
        const text = typeof f.payload === "string" ? f.payload : f.payload.toString();
        if (text.includes('"t":"subscribed"') && text.includes(`"topic":"${prefix}`)) resolve();
      });
    });
  });
}

/** Signs the demo organizer in, then switches the interface to `lang` (signing in picks the
 * account's own language, Chinese for the demo organizer). */
export async function signInOrganizer(page: Page, baseURL: string, lang: string) {
  await page.goto("/login");
  await hydrated(page);
  await page.locator("#login-email").fill("organizer@expo.example");
  await page.locator("#login-password").fill("expo-demo-2026");
  await page.locator("form:has(#login-email) button[type=submit]").click();
  await expect(page.getByTestId("account-name")).toBeVisible();
  await page.context().addCookies([{ name: "lang", value: lang, url: baseURL }]);
}

/** A `datetime-local` value `minutes` from now in the demo expo's time zone (Shanghai, UTC+8). */
export function shanghai(minutes: number): string {
  return new Date(Date.now() + (8 * 60 + minutes) * 60_000).toISOString().slice(0, 16);
}

/** As the signed-in organizer (English), puts a forum broadcast on the schedule from five
 * minutes ago for an hour; returns its room's address. */
export async function scheduleForum(org: Page, title: string): Promise<string> {
  await org.goto("/live");
  await hydrated(org);
  await org.getByText("Schedule a broadcast").click();
  await org.locator("#live-slot-kind").selectOption("forum");
  await org.getByLabel("Title", { exact: true }).fill(title);
  await org.getByLabel("Starts", { exact: true }).fill(shanghai(-5));
  await org.getByLabel("Ends", { exact: true }).fill(shanghai(60));
  await org.getByRole("button", { name: "Put on the schedule" }).click();
  await org.getByRole("row").filter({ hasText: title }).getByRole("link", { name: title }).click();
  await expect(org.getByRole("heading", { level: 1 })).toHaveText(title);
  return org.url();
}

/** Fills the buyer profile of the signed-in person (English interface). */
export async function fillProfile(page: Page, company: string, wechat: string, consent: boolean) {
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /^Professional buyer profile/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Professional buyer profile");
  await hydrated(page);
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("Your role").fill("Purchasing manager");
  await page.getByLabel("Marine equipment").check();
  await page.getByLabel("Electronics").check();
  await page.getByLabel("Yearly purchase volume").selectOption("1m_10m");
  await page.getByLabel("Countries you source from").selectOption(["CN", "KR"]);
  await page.getByLabel("Phone", { exact: true }).fill("+47 22 00 00 00");
  await page.getByLabel("WeChat ID", { exact: true }).fill(wechat);
  if (consent) await page.getByLabel("Exhibitors may see my e-mail, phone and WeChat ID").check();
  await page.getByRole("button", { name: "Save buyer profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.locator("[data-verified=no]")).toHaveText("Waiting for verification");
}
