import { test, expect } from "@playwright/test";
import { hydrated, setLanguage, watchConsole } from "./helpers";

test.describe("halls, booths and products", () => {
  test("a visitor walks from the landing page to a hall, a booth and a product", async ({ browser, baseURL }) => {
    for (const tag of ["zh-CN", "en"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await setLanguage(context, baseURL!, tag);
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto("/");
      await hydrated(page);
      const hallName = tag === "en" ? "Marine Equipment Hall" : "海洋装备馆";
      await page.getByRole("link", { name: hallName }).click();
      await expect(page).toHaveURL(/\/halls\/marine$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(hallName);
      const map = page.locator(".map-svg");
      await expect(map).toBeVisible();
      await expect(page.locator("g.booth")).toHaveCount(10);
      // Booths with a logo show it on the plan.
      expect(await page.locator("image.booth-logo-mark").count()).toBeGreaterThanOrEqual(2);
      await expect.poll(() => page.locator("image.booth-logo-mark").first().evaluate((el: SVGImageElement) => el.getBBox().width)).toBeGreaterThan(0);
      await page.screenshot({ path: `artifacts/hall-map-${tag}.png`, fullPage: true });
      // Open the first booth from the map.
      const booth = page.locator("g.booth").first();
      const label = await booth.getAttribute("aria-label");
      await booth.click();
      await expect(page).toHaveURL(/\/exhibitors\//);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(label!.split(" ").slice(1).join(" ").replace("…", "").slice(0, 4));
      await expect(page.locator(".product-card").first()).toBeVisible();
      // Product cards carry their generated pictures.
      const thumb = page.locator("img.product-thumb").first();
      await thumb.scrollIntoViewIfNeeded();
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
      await page.screenshot({ path: `artifacts/booth-${tag}.png`, fullPage: true });
      // Contact actions say what is coming.
      await page.getByRole("button", { name: tag === "en" ? "Book a meeting" : "预约洽谈" }).click();
      await expect(page.locator("#coming-soon")).toBeVisible();
      await page.keyboard.press("Escape");
      await page.locator(".product-card a").first().click();
      await expect(page).toHaveURL(/\/products\//);
      await expect(page.getByRole("table")).toBeVisible();
      await expect.poll(() => page.locator("img.product-visual").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expect(page.getByRole("columnheader", { name: tag === "en" ? "Item" : "项目" })).toBeVisible();
      await page.screenshot({ path: `artifacts/product-${tag}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  test("keyboard only: reach a booth on the hall map and open it", async ({ page }) => {
    await page.goto("/halls/food");
    await hydrated(page);
    await page.locator(".map-viewport").focus();
    await page.keyboard.press("+");
    await page.keyboard.press("Tab");
    const focused = page.locator("g.booth:focus");
    await expect(focused).toHaveCount(1);
    const label = (await focused.getAttribute("aria-label"))!;
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/exhibitors\//);
    expect(label).toMatch(/^F-\d\d /);
  });

  test("zoom changes the plan's view box and the list view is remembered", async ({ page }) => {
    await page.goto("/halls/auto");
    await hydrated(page);
    const svg = page.locator(".map-svg");
    await expect(svg).toHaveAttribute("viewBox", "0.0 0.0 1200.0 700.0");
    await page.getByRole("button", { name: "放大" }).click();
    await expect(svg).not.toHaveAttribute("viewBox", "0.0 0.0 1200.0 700.0");
    await page.getByRole("button", { name: "复位" }).click();
    await expect(svg).toHaveAttribute("viewBox", "0.0 0.0 1200.0 700.0");
    await page.getByRole("button", { name: "列表" }).click();
    await expect(page.locator(".map-svg")).toHaveCount(0);
    await expect(page.getByRole("table")).toBeVisible();
    await page.reload();
    await hydrated(page);
    await expect(page.getByRole("button", { name: "列表" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(".map-svg")).toHaveCount(0);
    await expect(page.getByRole("row")).toHaveCount(11);
  });

  test("the hall, booth and product pages read correctly without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/halls/medical");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("医疗器械馆");
    await expect(page.getByRole("table")).toBeVisible();
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/exhibitors\//);
    await expect(page.getByRole("heading", { name: "关于我们" })).toBeVisible();
    await page.locator(".product-card a").first().click();
    await expect(page.getByRole("heading", { name: "规格参数" })).toBeVisible();
    await context.close();
  });
});
