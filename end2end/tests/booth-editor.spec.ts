import { test, expect } from "@playwright/test";
import { hydrated, watchConsole } from "./helpers";
import * as zlib from "zlib";

/** A real PNG picture of `w`×`h` pixels (a colour gradient), made without any library. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = (x * 255) / w;
      raw[o + 1] = (y * 255) / h;
      raw[o + 2] = 160;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("an exhibitor uploads a picture, sees its progress, and finds it in the gallery", async ({ page }) => {
  await openOwnEditor(page);
  // The readiness checklist: every step can be done here; the live ones say where.
  await expect(page.getByRole("heading", { name: /参展准备/ })).toBeVisible();
  await expect(page.locator(".readiness-list li")).toHaveCount(6);
  await expect(page.locator(".readiness-list .ready-later")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "开始测试直播" })).toBeVisible();
  await expect(page.getByText("尚未上传内容")).toBeVisible();
  // Slow the upload down a little so the progress bar can be seen.
  await page.route("**/api/media/upload**", async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.getByLabel("选择文件…").setInputFiles({ name: "stand-front.png", mimeType: "image/png", buffer: png(1800, 1000) });
  await expect(page.getByRole("progressbar", { name: /正在上传 .*stand-front\.png/ })).toBeVisible();
  await page.screenshot({ path: "artifacts/booth-editor-uploading-zh-CN.png" });
  await expect(page.getByText("已上传")).toBeVisible();
  const picture = page.locator(".media-row", { hasText: "stand-front.png" }).locator("img");
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // A second file goes after it; it can be moved first, and deleted after a confirmation.
  await page.getByLabel("选择文件…").setInputFiles({ name: "brochure.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".padEnd(1990, "a") + "\n%%EOF\n") });
  const rows = page.locator(".media-row .media-name");
  await expect(rows).toHaveText(["stand-front.png", "brochure.pdf"]);
  await page.getByRole("button", { name: /将.*brochure\.pdf.*前移/ }).click();
  await expect(rows).toHaveText(["brochure.pdf", "stand-front.png"]);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: /删除.*brochure\.pdf/ }).click();
  await expect(rows).toHaveText(["stand-front.png"]);
  // A refused file explains itself.
  await page.getByLabel("选择文件…").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>".padEnd(600, " ")) });
  await expect(page.getByRole("alert").filter({ hasText: "不接受 SVG" })).toBeVisible();
  // A logo replaces the initial letter in the booth's hero.
  await page.getByLabel("上传标志…").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png(400, 400) });
  await expect(page.locator(".media-row", { hasText: "logo.png" }).getByText("标志", { exact: true })).toBeVisible();
  await page.screenshot({ path: "artifacts/booth-editor-zh-CN.png", fullPage: true });
  // The "about" text is edited per language.
  await page.getByLabel("文本语言").selectOption("en");
  await page.getByLabel("公司简介").fill("Marine engines for fishing fleets since 1988.");
  await page.locator(".about-editor").getByRole("button", { name: "保存" }).click();
  await expect(page.locator(".about-editor").getByRole("status")).toHaveText("已保存");
  // Visitors see the picture on the booth page.
  await page.getByRole("link", { name: "以观众身份预览" }).click();
  await expect(page.getByRole("heading", { name: "图库" })).toBeVisible();
  await expect(page.getByRole("img", { name: "stand-front.png" })).toBeVisible();
  const logo = page.locator("img.booth-logo");
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  await page.goto(page.url().replace(/\/edit$/, ""));
  await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByText("Marine engines for fishing fleets since 1988.")).toBeVisible();
});

test("a visitor cannot open another booth's editor", async ({ page }) => {
  await page.goto("/halls/food");
  const href = await page.locator("g.booth").first().getAttribute("data-href");
  const response = await page.goto(`${href}/edit`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert")).toContainText("请先登录");
  await expect(page.getByLabel("选择文件…")).toHaveCount(0);
});

/** Signs in as the demo exhibitor and opens the editor of its booth, M-01 in the marine hall. */
async function openOwnEditor(page: import("@playwright/test").Page) {
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("电子邮箱").fill("exhibitor@expo.example");
  await page.getByLabel("密码").fill("expo-demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible();
  await page.goto("/halls/marine");
  await hydrated(page);
  await page.getByRole("button", { name: "列表" }).click();
  await page.getByRole("row", { name: /M-01/ }).getByRole("link").click();
  await expect(page).toHaveURL(/\/exhibitors\/[0-9a-f-]+$/);
  await page.getByRole("link", { name: "编辑展位" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("编辑展位");
  await hydrated(page);
}

test("an exhibitor adds a product with a specification table, translates it, adds a picture and deletes it", async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  await openOwnEditor(page);
  await page.getByRole("button", { name: "添加产品" }).click();
  const form = page.locator(".product-form");
  await expect(form.getByRole("heading", { name: "新产品" })).toBeVisible();
  await form.getByLabel("产品名称").fill("智能船舶导航仪 N1");
  await form.getByLabel("产品描述").fill("适用于近海渔船的导航终端。");
  await form.getByLabel("最低价").fill("abc");
  await form.getByLabel(/规格\W*1\W*：名称/).fill("工作电压");
  await form.getByLabel(/规格\W*1\W*：数值/).fill("24 V");
  await form.getByRole("button", { name: "添加一行" }).click();
  await form.getByLabel(/规格\W*2\W*：名称/).fill("防护等级");
  await form.getByLabel(/规格\W*2\W*：数值/).fill("IP67");
  // The language cannot change while there are unsaved texts.
  await expect(form.getByLabel("文本语言")).toBeDisabled();
  // A bad price is explained at the field; nothing typed is lost.
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.locator("#product-price-error")).toContainText("价格请输入");
  await expect(form.getByLabel("产品名称")).toHaveValue("智能船舶导航仪 N1");
  await form.getByLabel("最低价").fill("8800");
  await form.getByLabel("最高价").fill("9900.50");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("heading", { name: "编辑产品" })).toBeVisible();
  await expect(page.locator(".product-admin-row", { hasText: "智能船舶导航仪 N1" })).toBeVisible();
  await expect(form.getByLabel(/规格\W*2\W*：数值/)).toHaveValue("IP67");
  // English texts beside the Chinese ones.
  await form.getByLabel("文本语言").selectOption("en");
  await expect(form.getByLabel("产品名称")).toHaveValue("");
  await form.getByLabel("产品名称").fill("Smart marine navigator N1");
  await form.getByLabel(/规格\W*1\W*：名称/).fill("Supply voltage");
  await form.getByLabel(/规格\W*2\W*：名称/).fill("Protection");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存");
  // A picture of the product, with its progress.
  await form.getByLabel("选择文件…").setInputFiles({ name: "navigator.png", mimeType: "image/png", buffer: png(1200, 900) });
  await expect(form.locator(".media-row", { hasText: "navigator.png" })).toBeVisible();
  await page.screenshot({ path: "artifacts/product-editor-zh-CN.png", fullPage: true });
  // Visitors see it in their language.
  const editorUrl = page.url();
  const productLink = form.getByRole("link", { name: "查看产品页面" });
  const href = await productLink.getAttribute("href");
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("智能船舶导航仪 N1");
  await expect(page.getByRole("rowheader", { name: "工作电压" })).toBeVisible();
  await expect.poll(() => page.locator("img.product-visual").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Smart marine navigator N1");
  await expect(page.getByRole("rowheader", { name: "Supply voltage" })).toBeVisible();
  // The editor in English, then the product deleted.
  await page.goto(editorUrl);
  await hydrated(page);
  await page.getByRole("button", { name: /Edit.*Smart marine navigator N1/ }).click();
  await expect(page.locator(".product-form").getByLabel("Product name")).toHaveValue("Smart marine navigator N1");
  await page.screenshot({ path: "artifacts/product-editor-en.png", fullPage: true });
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: /Delete.*Smart marine navigator N1/ }).click();
  await expect(page.locator(".product-admin-row", { hasText: "Smart marine navigator N1" })).toHaveCount(0);
  const gone = await page.request.get(href!);
  expect(gone.status()).toBe(404);
  // The one failed request is the refused bad price above.
  expect(problems).toEqual(["console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]);
});
