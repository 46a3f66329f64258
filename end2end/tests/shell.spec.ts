import { test, expect } from "@playwright/test";
import { hydrated, plain, setLanguage, watchConsole } from "./helpers";

test.describe("landing page", () => {
  test("renders completely without JavaScript", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("威海");
    await expect(page.getByRole("heading", { name: "行业展馆" })).toBeVisible();
    // Every hall of the expo has its card: the six of the demo, and any an organizer added
    // (the setup test adds halls to the same database).
    const halls = await (await page.request.post("/api/hall/list", { headers: { accept: "application/json" } })).json();
    expect(halls.length).toBeGreaterThanOrEqual(6);
    await expect(page.locator(".hall-card")).toHaveCount(halls.length);
    await expect(page.getByRole("link", { name: "海洋装备馆" })).toBeVisible();
    await expect(page.locator(".exhibitor-card").first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主要栏目" }).getByRole("link", { name: "展馆" })).toBeVisible();
    await context.close();
  });

  test("hydrates: client-side controls work and nothing errors", async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto("/");
    await hydrated(page);
    const toggle = page.locator("button.theme-toggle");
    const before = await toggle.getAttribute("aria-pressed");
    await toggle.click();
    const after = before === "true" ? "false" : "true";
    await expect(toggle).toHaveAttribute("aria-pressed", after);
    await expect(page.locator("html")).toHaveAttribute("data-theme", after === "true" ? "dark" : "light");
    // Client-side navigation to a section keeps the shell and changes the page.
    await page.getByRole("navigation").getByRole("link", { name: "直播" }).click();
    await expect(page).toHaveURL(/\/live$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("直播");
    expect(problems).toEqual([]);
  });

  test("screenshots of the landing page in zh-CN and en", async ({ browser, baseURL }) => {
    for (const tag of ["zh-CN", "en"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await setLanguage(context, baseURL!, tag);
      const page = await context.newPage();
      await page.goto("/");
      await hydrated(page);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await page.screenshot({ path: `artifacts/landing-${tag}.png`, fullPage: true });
      await context.close();
    }
  });

  test("follows the system's dark theme", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto("/");
    await hydrated(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe("rgb(13, 16, 32)");
    await expect(page.locator("button.theme-toggle")).toHaveAttribute("aria-pressed", "true");
    await page.screenshot({ path: "artifacts/landing-zh-CN-dark.png" });
    await context.close();
  });

  test("on a phone the sections fold behind the menu button", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/");
    await hydrated(page);
    const nav = page.getByRole("navigation", { name: "主要栏目" });
    await expect(nav).toBeHidden();
    const menu = page.getByRole("button", { name: "菜单" });
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "展馆" })).toBeVisible();
    await page.screenshot({ path: "artifacts/landing-zh-CN-phone-menu.png" });
    await nav.getByRole("link", { name: "展馆" }).click();
    await expect(page).toHaveURL(/\/halls$/);
    await expect(nav).toBeHidden();
    await context.close();
  });

  test("unknown paths get the localized 404 page", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  });
});

test.describe("languages", () => {
  test("switching to English, Korean and Arabic changes the text and direction", async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto("/");
    await hydrated(page);
    const nav = page.getByRole("navigation", { name: /./ });
    const cases = [
      { name: "English", lang: "en", dir: "ltr", halls: "Halls" },
      { name: "한국어", lang: "ko", dir: "ltr", halls: "전시관" },
      { name: "العربية", lang: "ar", dir: "rtl", halls: "القاعات" },
      { name: "简体中文", lang: "zh-CN", dir: "ltr", halls: "展馆" },
    ];
    for (const c of cases) {
      await page.locator("details.language-menu > summary").click();
      await page.locator("details.language-menu").getByRole("link", { name: c.name }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", c.lang);
      await expect(page.locator("html")).toHaveAttribute("dir", c.dir);
      await expect(nav.first().getByRole("link").first()).toHaveText(c.halls);
      await hydrated(page);
    }
    await page.screenshot({ path: "artifacts/landing-zh-CN-after-switching.png" });
    expect(problems).toEqual([]);
  });

  test("Arabic lays the page out right to left", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await setLanguage(context, baseURL!, "ar");
    const page = await context.newPage();
    await page.goto("/");
    await hydrated(page);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const brand = await page.locator(".brand").boundingBox();
    const tools = await page.locator(".header-tools").boundingBox();
    expect(brand && tools && brand.x > tools.x).toBeTruthy();
    await page.screenshot({ path: "artifacts/landing-ar.png", fullPage: true });
    await context.close();
  });

  test("Accept-Language picks the language when there is no cookie", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ru-RU", extraHTTPHeaders: { "Accept-Language": "ru-RU,ru;q=0.9" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    expect(plain(await page.locator("footer").textContent())).not.toContain("Digital International Exhibition");
    await context.close();
  });
});
