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
      // Only contact actions that work are offered: messaging the exhibitor (after signing in),
      // never a button that says a feature opens "soon".
      await expect(page.getByRole("link", { name: tag === "en" ? "Sign in to message the exhibitor" : "登录后联系展商" })).toBeVisible();
      await expect(page.locator("#coming-soon")).toHaveCount(0);
      for (const stale of tag === "en" ? ["Send an inquiry"] : ["发送询盘"]) {
        await expect(page.getByRole("button", { name: stale })).toHaveCount(0);
      }
      // "Book a meeting" is real: it leads to the booth's booking page.
      await expect(page.getByRole("link", { name: tag === "en" ? "Book a meeting" : "预约洽谈" })).toHaveAttribute("href", /^\/exhibitors\/[0-9a-f-]+\/book$/);
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

  test("on a phone: the page scrolls past the map, a pinch zooms it, and the plan follows the finger", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 }, isMobile: true, hasTouch: true, locale: "en" });
    const page = await context.newPage();
    await page.goto("/halls/marine");
    await hydrated(page);
    const viewport = page.locator(".map-viewport");
    await viewport.scrollIntoViewIfNeeded();
    const box = (await viewport.boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: string, points: { x: number; y: number }[]) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
    const svg = page.locator(".map-svg");
    const viewBox = async () => (await svg.getAttribute("viewBox"))!.split(" ").map(Number);
    // Not zoomed in: a one-finger swipe up scrolls the page, the map does not trap it.
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    const before = await page.evaluate(() => window.scrollY);
    await touch("touchStart", [{ x: cx, y: cy }]);
    for (let i = 1; i <= 10; i++) await touch("touchMove", [{ x: cx, y: cy - i * 15 }]);
    await touch("touchEnd", []);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    expect((await viewBox())[2]).toBe(1200);
    // Two fingers spread apart: the plan zooms in.
    const b2 = (await viewport.boundingBox())!;
    const mx = b2.x + b2.width / 2, my = b2.y + b2.height / 2;
    await touch("touchStart", [{ x: mx - 30, y: my }, { x: mx + 30, y: my }]);
    for (let i = 1; i <= 10; i++) await touch("touchMove", [{ x: mx - 30 - i * 6, y: my }, { x: mx + 30 + i * 6, y: my }]);
    await touch("touchEnd", []);
    await expect.poll(async () => (await viewBox())[2]).toBeLessThan(1200);
    // Zoomed in, one finger pans: the plan moves exactly as far as the finger on the screen.
    const [x0, , w0] = await viewBox();
    const drawn = (await svg.boundingBox())!;
    const pxPerUnit = Math.min(drawn.width / w0, drawn.height / ((await viewBox())[3]));
    await touch("touchStart", [{ x: mx + 40, y: my }]);
    for (let i = 1; i <= 8; i++) await touch("touchMove", [{ x: mx + 40 - i * 10, y: my }]);
    await touch("touchEnd", []);
    const [x1] = await viewBox();
    expect(Math.abs((x1 - x0) * pxPerUnit - 80)).toBeLessThan(3);
    // Screen readers reach the booths in the map itself: they are links, not one picture.
    await expect(page.getByRole("group", { name: "Floor plan of the hall" }).getByRole("link", { name: /^M-01 / })).toHaveCount(1);
    await page.screenshot({ path: "artifacts/hall-map-phone-en.png" });
    await context.close();
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
