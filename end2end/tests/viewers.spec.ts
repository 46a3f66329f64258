import { test, expect, Page } from "@playwright/test";
import { hydrated, setLanguage, watchConsole } from "./helpers";

/** Resolves with "load" once the <model-viewer> has loaded its model ("error" or "timeout" else). */
async function modelLoaded(page: Page): Promise<string> {
  const viewer = page.locator("model-viewer").first();
  await viewer.scrollIntoViewIfNeeded();
  return viewer.evaluate(
    (el: any) =>
      new Promise<string>((resolve) => {
        if (el.loaded) return resolve("load");
        el.addEventListener("load", () => resolve("load"));
        el.addEventListener("error", () => resolve("error"));
        setTimeout(() => resolve("timeout"), 20_000);
      }),
  );
}

/** The booth with a 360° view and a stand model: M-02 in the marine hall. */
async function openBoothM02(page: Page, list: string) {
  await page.goto("/halls/marine");
  await hydrated(page);
  await page.getByRole("button", { name: list }).click();
  await page.getByRole("row", { name: /M-02/ }).getByRole("link").click();
  await expect(page).toHaveURL(/\/exhibitors\//);
  await hydrated(page);
}

test.describe("3D models, 360° views and picture zoom", () => {
  test("a visitor turns a 3D model, enters the 360° booth view and zooms a product picture", async ({ browser, baseURL }) => {
    // WebGL runs in software here: two languages of 3D and panorama take a while.
    test.setTimeout(180_000);
    for (const tag of ["zh-CN", "en"]) {
      const en = tag === "en";
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await setLanguage(context, baseURL!, tag);
      const page = await context.newPage();
      const problems = watchConsole(page);
      await openBoothM02(page, en ? "List" : "列表");
      // The booth's 360° view: a still first, the interactive view on request.
      await expect(page.getByRole("heading", { name: en ? "360° booth view" : "360° 全景展位" })).toBeVisible();
      const still = page.locator("img.panorama-still").first();
      await still.scrollIntoViewIfNeeded();
      await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
      await page.getByRole("button", { name: en ? "Enter the 360° view" : "进入 360° 全景" }).click();
      await expect(page.locator(".panorama-gl canvas")).toBeVisible();
      await expect(page.locator(".pnlm-load-box")).toBeHidden({ timeout: 20_000 });
      await expect(page.locator(".pnlm-error-msg")).toBeHidden();
      // Arrow keys turn the view (Pannellum listens on its container).
      await page.locator(".panorama-gl").focus();
      await page.keyboard.down("ArrowRight");
      await page.waitForTimeout(400);
      await page.keyboard.up("ArrowRight");
      await page.locator(".panorama").first().screenshot({ path: `artifacts/panorama-${tag}.png` });
      // The stand's 3D model loads.
      expect(await modelLoaded(page)).toBe("load");
      await page.screenshot({ path: `artifacts/booth-3d-${tag}.png`, fullPage: true });
      // Share: the menu shows the link and its QR code; this browser has no share sheet, so
      // "Copy link" copies it.
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.locator(".share-menu > summary").filter({ hasText: en ? "Share" : "分享" }).click();
      await expect(page.getByLabel(en ? "Link to this page" : "本页链接")).toHaveValue(page.url());
      const qr = page.getByRole("img", { name: en ? "QR code of this page's link" : "本页链接的二维码" });
      await expect(qr).toBeVisible();
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expect(page.getByRole("button", { name: en ? "Share with an app…" : "通过应用分享…" })).toHaveCount(0);
      await page.locator(".share-panel").screenshot({ path: `artifacts/share-${tag}.png` });
      await page.getByRole("button", { name: en ? "Copy link" : "复制链接" }).click();
      await expect(page.locator(".share-status")).toHaveText(en ? "Link copied" : "链接已复制");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
      // The first product has a 3D model too, and pictures that zoom.
      await page.locator(".product-card a").first().click();
      await expect(page).toHaveURL(/\/products\//);
      await hydrated(page);
      expect(await modelLoaded(page)).toBe("load");
      await expect(page.getByRole("link", { name: en ? "Download the 3D model (GLB)" : "下载 3D 模型 (GLB)" })).toBeVisible();
      await page.screenshot({ path: `artifacts/product-3d-${tag}.png`, fullPage: true });
      await page.locator(".product-visual-link").click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("button", { name: en ? "Close" : "关闭" })).toBeFocused();
      await expect(dialog.locator(".zoom-level")).toHaveText("100 %");
      await page.keyboard.press("+");
      await page.keyboard.press("+");
      await expect(dialog.locator(".zoom-level")).toHaveText("156 %");
      await dialog.getByRole("button", { name: en ? "Zoom out" : "缩小" }).click();
      await expect(dialog.locator(".zoom-level")).toHaveText("125 %");
      await page.screenshot({ path: `artifacts/product-zoom-${tag}.png` });
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  test("without JavaScript the 360° view is a picture and the model a download", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/halls/marine");
    await page.getByRole("table").getByRole("row", { name: /M-02/ }).getByRole("link").click();
    await expect(page.getByRole("heading", { name: "360° 全景展位" })).toBeVisible();
    await expect(page.getByRole("img", { name: /360° 全景（平铺显示）/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "进入 360° 全景" })).toHaveCount(0);
    await expect(page.locator("model-viewer")).toBeHidden();
    const download = page.getByRole("link", { name: "下载 3D 模型 (GLB)" });
    await expect(download).toBeVisible();
    const glb = await page.request.get((await download.getAttribute("href"))!);
    expect(glb.status()).toBe(200);
    expect((await glb.body()).subarray(0, 4).toString()).toBe("glTF");
    await context.close();
  });
});
