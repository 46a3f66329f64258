import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3999";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const lang of ["zh-CN", "en"]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: "lang", value: lang, url: base }]);
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(lang, "console", m.type(), m.text()); });
  page.on("pageerror", (e) => console.log(lang, "pageerror", e.message));
  await page.goto(base + "/halls/marine");
  const hrefs = await page.locator("g.booth").evaluateAll((els) => els.map((e) => e.getAttribute("data-href")));
  await page.goto(base + hrefs[0]);
  await page.waitForSelector("body[data-hydrated=true]");
  const html = await page.content();
  console.log("booth0 has panorama:", html.includes("panorama-stage"), "model:", html.includes("<model-viewer"));
  await page.screenshot({ path: `/tmp/look/booth-${lang}.png`, fullPage: true });
  const start = page.locator(".panorama button");
  if (await start.count()) {
    await start.first().click();
    await page.waitForTimeout(3000);
    await page.locator(".panorama").first().screenshot({ path: `/tmp/look/pano-${lang}.png` });
  }
  const mv = page.locator("model-viewer").first();
  if (await mv.count()) {
    await mv.scrollIntoViewIfNeeded();
    const ok = await mv.evaluate((el) => new Promise((res) => { if (el.loaded) res("loaded"); el.addEventListener("load", () => res("load")); el.addEventListener("error", (e) => res("error " + JSON.stringify(e.detail))); setTimeout(() => res("timeout"), 15000); }));
    console.log(lang, "model-viewer:", ok);
    await page.waitForTimeout(500);
    await page.locator(".model-figure").first().screenshot({ path: `/tmp/look/model-${lang}.png` });
  }
  await page.locator(".product-card a").first().click();
  await page.waitForURL(/products/);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/look/product-${lang}.png`, fullPage: true });
  const pmv = page.locator("model-viewer").first();
  if (await pmv.count()) {
    await pmv.scrollIntoViewIfNeeded();
    const ok = await pmv.evaluate((el) => new Promise((res) => { if (el.loaded) res("loaded"); el.addEventListener("load", () => res("load")); el.addEventListener("error", (e) => res("error")); setTimeout(() => res("timeout"), 15000); }));
    console.log(lang, "product model-viewer:", ok);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/look/product-model-${lang}.png`, fullPage: true });
  }
  await page.locator(".product-visual-link").click();
  await page.keyboard.press("+");
  await page.keyboard.press("+");
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/look/zoom-${lang}.png` });
  await context.close();
}
await browser.close();
