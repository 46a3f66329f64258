import { test, expect, Page } from "@playwright/test";
import { exhibitor, hydrated, newBuyer, openBoothM01, plain, setLanguage, uniqueEmail, watchConsole } from "./helpers";

/** The header's unread count (0 when the badge is not shown). */
async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId("unread-badge");
  if ((await badge.count()) === 0) return 0;
  return parseInt(plain(await badge.locator("[aria-hidden=true]").textContent()).replace(/\D/g, ""), 10);
}

async function expectUnread(page: Page, n: number) {
  if (n === 0) await expect(page.getByTestId("unread-badge")).toHaveCount(0);
  else await expect(page.getByTestId("unread-badge").locator("[aria-hidden=true]")).toHaveText(String(n));
}

const log = (page: Page) => page.getByRole("log");
const bubble = (page: Page, text: string) => log(page).locator(".chat-message").filter({ hasText: text });

test("a buyer (en) and an exhibitor (zh-CN) chat live; unread badge, read receipt, typing, and nothing lost offline", async ({ browser, baseURL }) => {
  const buyer = await newBuyer(browser, baseURL!, "Vera Ozola");
  const team = await exhibitor(browser, baseURL!);
  const a = buyer.page;
  const b = team.page;
  const problemsA = watchConsole(a);
  const problemsB = watchConsole(b);

  // The exhibitor waits on the hall list; the badge is live, without reloads. (Other
  // conversations of the demo booth may already be unread.)
  await b.goto("/halls");
  await hydrated(b);
  const before = await unread(b);

  // The buyer starts the conversation from the booth and writes.
  await openBoothM01(a, "List");
  await a.getByRole("button", { name: "Message the exhibitor" }).click();
  await expect(a).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await hydrated(a);
  const roomUrl = a.url();
  const composer = a.getByLabel("Message", { exact: true });
  await composer.fill("Hello, do you ship marine engines to Riga?");
  await composer.press("Enter");
  await expect(bubble(a, "do you ship marine engines")).toHaveCount(1);
  await expect(log(a).getByText("Sending…")).toHaveCount(0);
  await expect(composer).toHaveValue("");

  await expectUnread(b, before + 1);
  await expect(b).toHaveTitle(new RegExp(`^\\(${before + 1}\\) `));
  await b.getByRole("link", { name: /消息/ }).first().click();
  await expect(b.getByRole("navigation", { name: "会话" }).getByText("Vera Ozola")).toBeVisible();
  await b.getByRole("navigation", { name: "会话" }).getByRole("link", { name: /Vera Ozola/ }).click();
  await hydrated(b);
  await expect(bubble(b, "do you ship marine engines")).toHaveCount(1);
  // Opening the conversation reads it: the count goes back and the buyer sees "Seen".
  await expectUnread(b, before);
  await expect(log(a).getByText("Seen")).toBeVisible();

  // Typing shows on the other side; the reply arrives live.
  const reply = b.getByLabel("消息", { exact: true });
  await reply.pressSequentially("是的，我们可以发货到里加。", { delay: 20 });
  await expect(a.getByText(/is typing/)).toBeVisible();
  await reply.press("Enter");
  await expect(bubble(a, "我们可以发货到里加")).toHaveCount(1);
  await expect(a.getByText(/is typing/)).toHaveCount(0);
  // Script in a message is text, never markup.
  await composer.fill("<b>bold?</b> <img src=x onerror=alert(1)>");
  await composer.press("Enter");
  await expect(bubble(b, "<b>bold?</b>")).toHaveCount(1);
  await expect(log(b).locator(".chat-text b, .chat-text img")).toHaveCount(0);

  // The buyer drops off the network. The exhibitor writes three messages; the buyer writes one.
  await buyer.context.setOffline(true);
  await expect(a.getByRole("status").filter({ hasText: "Connection lost" })).toBeVisible();
  for (const n of [1, 2, 3]) {
    await reply.fill(`离线期间的消息 ${n}`);
    await reply.press("Enter");
    await expect(bubble(b, `离线期间的消息 ${n}`)).toHaveCount(1);
  }
  await composer.fill("Written while offline");
  await composer.press("Enter");
  await expect(bubble(a, "Written while offline")).toContainText("Sending…");
  await a.screenshot({ path: "artifacts/chat-offline-en.png" });
  await expect(bubble(a, "离线期间的消息")).toHaveCount(0);
  // Back online: everything arrives, once each, in order; the pending message goes out once.
  await buyer.context.setOffline(false);
  await expect(a.getByRole("status").filter({ hasText: "Connection lost" })).toHaveCount(0, { timeout: 15_000 });
  for (const n of [1, 2, 3]) {
    await expect(bubble(a, `离线期间的消息 ${n}`)).toHaveCount(1);
  }
  const texts = await log(a).locator(".chat-text").allTextContents();
  const order = [1, 2, 3].map((n) => texts.indexOf(`离线期间的消息 ${n}`));
  expect(order).toEqual([...order].sort((x, y) => x - y));
  await expect(bubble(b, "Written while offline")).toHaveCount(1);
  await expect(bubble(a, "Written while offline")).toHaveCount(1);
  await expect(bubble(a, "Written while offline")).not.toContainText("Sending…");

  // Reloading shows the same history, once.
  await a.reload();
  await hydrated(a);
  await expect(bubble(a, "Written while offline")).toHaveCount(1);
  await expect(bubble(a, "离线期间的消息 3")).toHaveCount(1);

  // Unread counts while the exhibitor is elsewhere.
  await b.goto("/halls");
  await hydrated(b);
  for (const text of ["One more question", "And a second one"]) {
    await composer.fill(text);
    await composer.press("Enter");
    await expect(bubble(a, text)).toHaveCount(1);
  }
  await expectUnread(b, before + 2);
  expect(plain(await b.getByTestId("unread-badge").textContent())).toContain(`${before + 2} 条未读消息`);

  await a.goto(roomUrl);
  await hydrated(a);
  await a.screenshot({ path: "artifacts/chat-en.png" });
  await b.goto(roomUrl);
  await hydrated(b);
  await expectUnread(b, before);
  await b.screenshot({ path: "artifacts/chat-zh-CN.png" });
  expect(problemsA).toEqual([]);
  expect(problemsB).toEqual([]);
  await buyer.context.close();
  await team.context.close();
});

test("messages work without JavaScript: start from the booth, send, read", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await setLanguage(context, baseURL!, "en");
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("E-mail").fill(uniqueEmail("nojs"));
  await page.getByLabel("Password").fill("expo-demo-2026");
  await page.getByLabel("Your name").fill("Jonas Berg");
  await page.getByLabel("Country or region").selectOption("SE");
  await page.getByLabel("Preferred language").selectOption("en");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-name")).toHaveText("Jonas Berg");
  await page.goto("/halls/marine");
  await page.getByRole("row", { name: /M-01/ }).getByRole("link").click();
  await page.getByRole("button", { name: "Message the exhibitor" }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await page.getByLabel("Message", { exact: true }).fill("Sent from a page without JavaScript");
  await page.getByRole("button", { name: "Send" }).click();
  // Back on the conversation (the form's answer is a redirect to the page it came from).
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]+\??$/);
  await expect(page.getByRole("log").locator(".chat-text").getByText("Sent from a page without JavaScript")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link")).toHaveCount(1);
  // The organizers' support desk is one form away, too.
  await page.getByRole("button", { name: "Contact organizer support" }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]+\??$/);
  await expect(page.getByRole("heading", { level: 2, name: "Organizer support" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link")).toHaveCount(2);
  await context.close();
});
