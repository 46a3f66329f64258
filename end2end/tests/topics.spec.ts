import { test, expect, Page } from "@playwright/test";
import { hydrated, newBuyer, plain, signInOrganizer, watchConsole } from "./helpers";

const log = (page: Page) => page.getByRole("log");
const bubble = (page: Page, text: string) => log(page).locator(".chat-message").filter({ hasText: text });

test("an organizer (zh-CN) opens a topic room; a buyer (en) joins it, talks live and leaves", async ({ browser, baseURL }) => {
  // A subject unique to this run, so a rerun against the same database finds its own room.
  const run = String(Date.now() % 1_000_000);
  const subject = `港口起重机采购 ${run}`;

  const orgContext = await browser.newContext();
  const org = await orgContext.newPage();
  const orgProblems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "zh-CN");
  await org.goto("/topics");
  await hydrated(org);
  await expect(org.getByRole("heading", { level: 1 })).toHaveText("话题群聊");
  await org.getByText("开设话题群聊").click();
  // A subject is required: refused with the reason, nothing stored.
  await org.getByLabel("主题").fill("   ");
  await org.getByRole("button", { name: "开设群聊" }).click();
  await expect(org.locator("#topic-title-error")).toHaveText("请填写群聊主题。");
  await org.getByLabel("主题").fill(subject);
  await org.getByLabel("用途说明（可选）").fill("岸桥与门座起重机的采购交流");
  await org.getByLabel("展馆").selectOption("marine");
  await org.screenshot({ path: "artifacts/topics-create-zh-CN.png", fullPage: true });
  await org.getByRole("button", { name: "开设群聊" }).click();
  await expect(org).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await hydrated(org);
  await expect(org.getByRole("heading", { level: 2, name: subject })).toBeVisible();
  await expect(org.locator(".chat-presence")).toHaveText(/^\u2068?1\u2069? 位成员$/);
  const composer = org.getByLabel("消息", { exact: true });
  await composer.fill(`欢迎各位买家 ${run}`);
  await composer.press("Enter");
  await expect(bubble(org, `欢迎各位买家 ${run}`)).toHaveCount(1);
  // No meeting button in a room open to everyone.
  await expect(org.getByRole("button", { name: /会议/ })).toHaveCount(0);

  // The buyer finds it from Messages, joins it and reads what was said before.
  const buyer = await newBuyer(browser, baseURL!, `Hanna Lind ${run}`);
  const a = buyer.page;
  const problems = watchConsole(a);
  await a.goto("/messages");
  await hydrated(a);
  await a.getByRole("link", { name: "Topic rooms", exact: true }).click();
  await expect(a).toHaveURL(/\/topics$/);
  await hydrated(a);
  const card = a.getByRole("listitem").filter({ has: a.getByRole("heading", { name: subject }) });
  await expect(card).toContainText(/\u2068?1\u2069? member\b/);
  await expect(card.getByRole("link", { name: /^\u2068?Marine/ })).toBeVisible();
  await expect(a.getByText("Open a topic room")).toHaveCount(0);
  await a.screenshot({ path: "artifacts/topics-list-en.png", fullPage: true });
  // Fluent isolates the subject inside the accessible name.
  const joinName = new RegExp(`^Join “\u2068?${subject}\u2069?”$`);
  await card.getByRole("button", { name: joinName }).click();
  await expect(a).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await hydrated(a);
  await expect(bubble(a, `欢迎各位买家 ${run}`)).toHaveCount(1);
  await expect(a.locator(".chat-presence")).toHaveText(/^\u2068?2\u2069? members$/);
  const mine = a.getByLabel("Message", { exact: true });
  await mine.fill(`Looking for two STS cranes ${run}`);
  await mine.press("Enter");
  await expect(bubble(a, `Looking for two STS cranes ${run}`)).toHaveCount(1);
  // Live on the organizer's side, whose member count follows.
  await expect(bubble(org, `Looking for two STS cranes ${run}`)).toHaveCount(1);
  await expect(org.locator(".chat-presence")).toHaveText(/^\u2068?2\u2069? 位成员$/);
  await a.screenshot({ path: "artifacts/topics-room-en.png", fullPage: true });
  await org.screenshot({ path: "artifacts/topics-room-zh-CN.png", fullPage: true });
  // In the buyer's conversations, under its subject.
  await expect(a.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: new RegExp(subject) })).toBeVisible();

  // A second tab of the buyer's follows the room live...
  const other = await buyer.context.newPage();
  const otherProblems = watchConsole(other);
  await other.goto(a.url());
  await hydrated(other);
  await composer.fill(`第二个标签页也能看到 ${run}`);
  await composer.press("Enter");
  await expect(bubble(other, `第二个标签页也能看到 ${run}`)).toHaveCount(1);

  // Leaving: back to the list, where the room offers "Join" again.
  await a.getByRole("button", { name: "Leave the room" }).click();
  // ...and stops at once: it is told, and what is said afterwards does not reach it.
  await expect(other.getByText("You cannot follow or write to this conversation.")).toBeVisible();
  await composer.fill(`离开之后的消息 ${run}`);
  await composer.press("Enter");
  await expect(bubble(org, `离开之后的消息 ${run}`)).toHaveCount(1);
  await other.waitForTimeout(1000);
  await expect(bubble(other, `离开之后的消息 ${run}`)).toHaveCount(0);
  await other.screenshot({ path: "artifacts/topics-left-other-tab-en.png", fullPage: true });
  expect(otherProblems).toEqual([]);
  await expect(a).toHaveURL(/\/topics$/);
  await hydrated(a);
  const again = a.getByRole("listitem").filter({ has: a.getByRole("heading", { name: subject }) });
  await expect(again.getByRole("button", { name: joinName })).toBeVisible();
  expect(plain(await again.textContent())).toContain("1 member");
  await a.goto("/messages");
  await hydrated(a);
  await expect(a.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: new RegExp(subject) })).toHaveCount(0);

  expect(problems).toEqual([]);
  // The empty subject was answered 422, as it should be; nothing else went wrong.
  expect(orgProblems).toEqual(["console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]);
  await buyer.context.close();
  await orgContext.close();
});

test("the topic rooms page works without JavaScript: listed, and joining asks to sign in", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/topics");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Topic rooms");
  const first = page.locator(".topic-card").first();
  await expect(first.getByRole("link", { name: "Sign in to join" })).toHaveAttribute("href", "/login?next=/topics");
  await context.close();
});
