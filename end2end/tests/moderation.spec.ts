import { test, expect, Page } from "@playwright/test";
import * as http from "node:http";
import { exhibitor, hydrated, newBuyer, openBoothM01, plain, signInOrganizer, watchConsole } from "./helpers";

/** A translation service on loopback that speaks the LibreTranslate API (the server is started
 * with it configured, on TRANSLATE_PORT): it answers with the target language's marker. */
async function translationService(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      const marker: Record<string, string> = { zh: "【中文译文】", en: "[English] " };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ translatedText: `${marker[form.get("target") ?? ""] ?? "?"}${form.get("q")}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

/** A picture made in the page (a gradient with a caption), as PNG bytes. */
async function photoPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement("canvas");
    c.width = 640;
    c.height = 360;
    const g = c.getContext("2d")!;
    const grad = g.createLinearGradient(0, 0, 640, 360);
    grad.addColorStop(0, "#0b5cad");
    grad.addColorStop(1, "#19a974");
    g.fillStyle = grad;
    g.fillRect(0, 0, 640, 360);
    g.fillStyle = "#ffffff";
    g.font = "bold 48px sans-serif";
    g.fillText("Engine M-01", 150, 200);
    return c.toDataURL("image/png");
  });
  return Buffer.from(dataUrl.split(",")[1], "base64");
}

const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\n1 0 obj << /Type /Catalog >> endobj\n" + " ".repeat(600) + "\n%%EOF\n", "latin1");

const log = (page: Page) => page.getByRole("log");
const bubble = (page: Page, text: string) => log(page).locator(".chat-message").filter({ hasText: text });

test("messages are edited and deleted live; a person is blocked; a report is removed by the organizers, who stop and then let the sender write", async ({ browser, baseURL }) => {
  // Names and texts unique to this run, so a rerun against the same database finds its own.
  const run = String(Date.now() % 1_000_000);
  const spamText = `Buy cheap watches now ${run}`;
  const buyer = await newBuyer(browser, baseURL!, `Otto Kivi ${run}`);
  const team = await exhibitor(browser, baseURL!);
  const a = buyer.page;
  const b = team.page;
  const problemsA = watchConsole(a);
  const problemsB = watchConsole(b);

  // The buyer (en) writes to booth M-01; the team (zh-CN) has the conversation open.
  await openBoothM01(a, "List");
  await a.getByRole("button", { name: "Message the exhibitor" }).click();
  await expect(a).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await hydrated(a);
  const roomUrl = a.url();
  const composer = a.getByLabel("Message", { exact: true });
  for (const text of ["Our price is 100 USD per unit", spamText, "typo mesage"]) {
    await composer.fill(text);
    await composer.press("Enter");
    await expect(bubble(a, text)).toHaveCount(1);
    await expect(bubble(a, text)).not.toContainText("Sending…");
  }
  await b.goto(roomUrl);
  await hydrated(b);
  await expect(bubble(b, spamText)).toHaveCount(1);
  // Each sees the other is online.
  await expect(a.locator(".chat-presence")).toHaveText("Online now");
  await expect(b.locator(".chat-presence")).toHaveText("在线");

  // Edit: the new text shows on both sides, marked as edited.
  const first = bubble(a, "Our price is 100 USD per unit");
  await first.locator("summary", { hasText: "Edit" }).click();
  await first.getByLabel("New text of the message").fill("Our price is 95 USD per unit");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(bubble(a, "Our price is 95 USD per unit")).toContainText("edited");
  await expect(bubble(a, "Our price is 100 USD")).toHaveCount(0);
  await expect(bubble(b, "Our price is 95 USD per unit")).toContainText("已编辑");
  await expect(bubble(b, "Our price is 100 USD")).toHaveCount(0);

  // Delete: the text is gone on both sides.
  const typo = bubble(a, "typo mesage");
  await typo.locator("summary", { hasText: "Delete" }).click();
  await expect(typo.getByText("Delete this message for everyone?")).toBeVisible();
  await typo.getByRole("button", { name: "Delete the message" }).click();
  await expect(bubble(a, "typo mesage")).toHaveCount(0);
  await expect(bubble(a, "This message was deleted.")).toHaveCount(1);
  await expect(bubble(b, "typo mesage")).toHaveCount(0);
  await expect(bubble(b, "此消息已被删除。")).toHaveCount(1);
  // Nobody edits or reports a deleted message; the team cannot edit the buyer's.
  await expect(bubble(a, "This message was deleted.").locator("summary")).toHaveCount(0);
  await expect(bubble(b, "Our price is 95 USD").locator("summary", { hasText: "编辑" })).toHaveCount(0);

  // Translate: the team reads the buyer's message in Chinese, through the configured service.
  const port = Number(process.env.TRANSLATE_PORT ?? "0");
  expect(port, "TRANSLATE_PORT names the translation service the server uses").toBeGreaterThan(0);
  const translator = await translationService(port);
  try {
    const price = bubble(b, "Our price is 95 USD per unit");
    await price.getByRole("button", { name: "翻译" }).click();
    await expect(price.locator(".chat-translation")).toHaveText(/译文：\s*【中文译文】Our price is 95 USD per unit/);
    await expect(price.getByRole("button", { name: "翻译" })).toHaveCount(0);
    // One's own messages have nothing to translate.
    await expect(bubble(a, "Our price is 95 USD").getByRole("button", { name: "Translate" })).toHaveCount(0);
  } finally {
    translator.close();
  }

  // Files: the buyer sends a picture, the team a PDF; each opens on the other side.
  await a.getByLabel("Attach a picture or PDF").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("plain words, no file format") });
  await expect(a.locator(".chat-file-chip")).toContainText("Only pictures (JPEG, PNG, WebP) and PDF files can be sent.");
  await a.locator(".chat-file-chip").getByRole("button", { name: "Remove" }).click();
  await a.getByLabel("Attach a picture or PDF").setInputFiles({ name: "engine.png", mimeType: "image/png", buffer: await photoPng(a) });
  await expect(a.locator(".chat-file-chip")).toContainText("engine.png");
  await composer.fill("Photo of the engine");
  await composer.press("Enter");
  await expect(a.locator(".chat-file-chip")).toHaveCount(0);
  const photo = bubble(b, "Photo of the engine").getByRole("img", { name: /^图片：\u2068?engine\.png\u2069?$/ });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await b.getByLabel("添加图片或 PDF").setInputFiles({ name: "报价单.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(b.locator(".chat-file-chip")).toContainText("报价单.pdf");
  await b.getByLabel("消息", { exact: true }).press("Enter");
  const quote = bubble(a, "报价单.pdf").getByRole("link", { name: /报价单\.pdf/ });
  await expect(quote).toBeVisible();
  const download = await a.request.get(new URL((await quote.getAttribute("href"))!, baseURL!).toString());
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  await b.screenshot({ path: "artifacts/chat-files-zh-CN.png" });

  // Report: the team reports the spam with a reason and a note.
  const spam = bubble(b, spamText);
  await spam.locator("summary", { hasText: "举报" }).click();
  await spam.getByLabel("原因").selectOption({ label: "垃圾信息或广告" });
  await spam.getByLabel(/问题说明/).fill("Sent to every booth in the hall");
  await b.screenshot({ path: "artifacts/chat-report-zh-CN.png" });
  await spam.getByRole("button", { name: "举报给主办方" }).click();
  await expect(spam.getByRole("status")).toHaveText("已举报，主办方会进行处理。");

  // Block: the team blocks the buyer; neither can write; unblocking restores both.
  await b.getByRole("button", { name: "屏蔽", exact: true }).click();
  await expect(b.getByText("您已屏蔽此人")).toBeVisible();
  await expect(b.getByLabel("消息", { exact: true })).toHaveCount(0);
  await composer.fill("Hello? Are you still there?");
  await composer.press("Enter");
  await expect(bubble(a, "Are you still there?")).toContainText("This person is not accepting your messages.");
  await b.getByRole("button", { name: "取消屏蔽" }).click();
  await expect(b.getByLabel("消息", { exact: true })).toBeVisible();
  await bubble(a, "Are you still there?").getByRole("button", { name: "Try again" }).click();
  await expect(bubble(b, "Are you still there?")).toHaveCount(1);
  await expect(bubble(a, "Are you still there?")).not.toContainText("Sending…");

  // The organizers (zh-CN, then en) find the report in their queue.
  const orgContext = await browser.newContext();
  const o = await orgContext.newPage();
  const problemsO = watchConsole(o);
  await signInOrganizer(o, baseURL!, "zh-CN");
  await o.goto("/dashboard");
  // The notification links there too; the dashboard card is the way in.
  await expect(o.getByRole("link", { name: /有一条聊天消息被举报/ }).first()).toBeVisible();
  await o.locator(".dash-card").getByRole("link", { name: /会话管理/ }).click();
  await expect(o).toHaveURL(/\/dashboard\/moderation$/);
  await hydrated(o);
  const item = o.locator(".moderation-item").filter({ hasText: spamText });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("垃圾信息或广告");
  await expect(item).toContainText("Sent to every booth in the hall");
  await expect(item.getByRole("list", { name: "之前的消息" })).toContainText("Our price is 95 USD per unit");
  await o.screenshot({ path: "artifacts/moderation-zh-CN.png", fullPage: true });
  await orgContext.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await o.reload();
  await hydrated(o);
  const itemEn = o.locator(".moderation-item").filter({ hasText: spamText });
  await expect(itemEn).toContainText("Spam or advertising");
  await expect(itemEn.getByRole("heading", { level: 2 })).toHaveText(new RegExp(`Otto Kivi ${run}.*in a.*booth conversation`));

  // Stop the sender writing, then remove the message.
  await itemEn.getByLabel("Note for the organizers").fill("Spam to several booths");
  await itemEn.getByRole("button", { name: new RegExp(`Stop .*Otto Kivi ${run}.* writing`) }).click();
  await expect(itemEn.getByText("Already stopped from writing")).toBeVisible();
  const muted = o.getByRole("table", { name: "People stopped from writing" });
  await expect(muted.getByRole("row", { name: new RegExp(`Otto Kivi ${run}`) })).toContainText("Spam to several booths");
  await o.screenshot({ path: "artifacts/moderation-en.png", fullPage: true });
  await itemEn.getByRole("button", { name: "Remove the message" }).click();
  await expect(o.locator(".moderation-item").filter({ hasText: spamText })).toHaveCount(0);
  await expect(bubble(b, spamText)).toHaveCount(0);
  await expect(bubble(b, "此消息已被主办方移除。")).toHaveCount(1);
  await expect(bubble(a, "This message was removed by the organizers.")).toHaveCount(1);

  // The stopped buyer sees why, with no composer; the support desk stays open to them.
  await a.reload();
  await hydrated(a);
  await expect(a.getByText("The organizers have stopped you from writing")).toBeVisible();
  await expect(a.getByLabel("Message", { exact: true })).toHaveCount(0);
  await a.screenshot({ path: "artifacts/chat-muted-en.png" });

  // Let write again: the composer is back.
  await muted.getByRole("button", { name: new RegExp(`Let .*Otto Kivi ${run}.* write again`) }).click();
  await expect(muted.getByRole("row", { name: new RegExp(`Otto Kivi ${run}`) })).toHaveCount(0);
  await a.reload();
  await hydrated(a);
  await expect(a.getByLabel("Message", { exact: true })).toBeVisible();
  await a.getByLabel("Message", { exact: true }).fill("Sorry about that");
  await a.getByLabel("Message", { exact: true }).press("Enter");
  await expect(bubble(b, "Sorry about that")).toHaveCount(1);
  await b.screenshot({ path: "artifacts/chat-moderated-zh-CN.png" });

  // The browser logs the refused text file as a failed request; nothing else may go wrong.
  expect(problemsA).toEqual(["console: Failed to load resource: the server responded with a status of 415 (Unsupported Media Type)"]);
  expect(problemsB).toEqual([]);
  expect(problemsO).toEqual([]);
  expect(plain(await a.title())).not.toBe("");
  await orgContext.close();
  // The team closes the platform: the buyer's conversation says so, live.
  await team.context.close();
  await expect(a.locator(".chat-presence")).toHaveText("Not online: your messages wait for them");
  await buyer.context.close();
});
