import { test, expect, Page } from "@playwright/test";
import { exhibitor, hydrated, newBuyer, openBoothM01, uniqueEmail, watchConsole } from "./helpers";

/** The remote video tiles of a page, with how many frames each has decoded (from getStats). */
async function decodedFrames(page: Page): Promise<number[]> {
  return page.locator(".meeting-tile[data-user-id]").evaluateAll((tiles) =>
    tiles.map((t) => parseInt(t.getAttribute("data-frames-decoded") ?? "0", 10)),
  );
}

/** Waits until the page shows `n` remote tiles and decodes video from every one of them. */
async function seesVideoFrom(page: Page, n: number) {
  await expect(page.locator(".meeting-tile[data-user-id]")).toHaveCount(n, { timeout: 20_000 });
  await expect
    .poll(async () => (await decodedFrames(page)).filter((f) => f > 0).length, { timeout: 30_000 })
    .toBe(n);
}

test("a meeting: two join from a conversation, a third through the lobby, each decodes the others' video, the host removes one", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const buyer = await newBuyer(browser, baseURL!, "Mara Lind");
  const team = await exhibitor(browser, baseURL!);
  const a = buyer.page;
  const host = team.page;
  const problems = [watchConsole(a), watchConsole(host)];

  // The buyer writes to booth M-01; the exhibitor starts a video meeting from the conversation.
  await openBoothM01(a, "List");
  const company = (await a.getByRole("heading", { level: 1 }).textContent())!.trim();
  await a.getByRole("button", { name: "Message the exhibitor" }).click();
  await expect(a).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await hydrated(a);
  await a.getByLabel("Message", { exact: true }).fill("Can we talk by video?");
  await a.getByLabel("Message", { exact: true }).press("Enter");
  await host.goto("/messages");
  await hydrated(host);
  await host.getByRole("navigation", { name: "会话" }).getByRole("link", { name: /Mara Lind/ }).click();
  await hydrated(host);
  await host.getByRole("button", { name: "视频会议" }).click();
  await expect(host).toHaveURL(/\/meetings\/[0-9a-f-]+$/);
  await hydrated(host);
  const meetingUrl = host.url();
  await expect(host.getByLabel("摄像头", { exact: true })).toBeVisible();
  await host.getByRole("button", { name: "加入" }).click();
  await expect(host.getByRole("toolbar", { name: "会议控制" })).toBeVisible();

  // The invited buyer finds it under Meetings and goes straight in.
  await a.goto("/meetings");
  await hydrated(a);
  // Named after the booth it is about (in the host's language, as the host started it).
  await expect(a.locator(".meeting-list").getByRole("link")).toHaveCount(1);
  await a.locator(".meeting-list").getByRole("link").click();
  const title = (await host.getByRole("heading", { level: 1 }).textContent())!.trim();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(title).not.toBe("Mara Lind");
  expect(company.length).toBeGreaterThan(0);
  await hydrated(a);
  await a.getByRole("button", { name: "Join" }).click();
  await expect(a.getByRole("toolbar", { name: "Meeting controls" })).toBeVisible();
  await seesVideoFrom(a, 1);
  await seesVideoFrom(host, 1);

  // A third person comes by the invitation link and waits in the lobby until let in.
  const link = await host.getByLabel("邀请链接").inputValue();
  const third = await newBuyer(browser, baseURL!, "Oskar Berg");
  const c = third.page;
  problems.push(watchConsole(c));
  await c.goto(link);
  await hydrated(c);
  await c.getByRole("button", { name: "Join" }).click();
  await expect(c.getByRole("status").filter({ hasText: "lobby" })).toBeVisible();
  await host.locator(".meeting-lobby").getByRole("button", { name: "允许进入" }).click();
  await expect(c.getByRole("toolbar", { name: "Meeting controls" })).toBeVisible();
  await seesVideoFrom(c, 2);
  await seesVideoFrom(a, 2);
  await seesVideoFrom(host, 2);
  await a.screenshot({ path: "artifacts/meeting-en.png" });
  await host.screenshot({ path: "artifacts/meeting-zh-CN.png" });

  // The participant list is the accessible equivalent of the video grid.
  await expect(host.getByRole("region", { name: "参会者" }).getByText(/Oskar Berg · 嘉宾 · 在会议中/)).toBeVisible();

  // The host removes the third person: they are told, and the others stop getting their video.
  await host
    .getByRole("region", { name: "参会者" })
    .locator("li", { hasText: "Oskar Berg" })
    .getByRole("button", { name: "移出" })
    .click();
  await expect(c.getByRole("alert").filter({ hasText: "removed you" })).toBeVisible();
  await expect(a.locator(".meeting-tile[data-user-id]")).toHaveCount(1, { timeout: 15_000 });
  await expect(host.locator(".meeting-tile[data-user-id]")).toHaveCount(1, { timeout: 15_000 });
  // Coming back by the link does not work.
  await c.goto(link);
  await expect(c.getByRole("alert").filter({ hasText: "removed you" })).toBeVisible();

  // The host ends the meeting for everyone.
  await host.getByRole("button", { name: "结束会议" }).click();
  await expect(a.getByRole("status").filter({ hasText: "ended" })).toBeVisible();
  for (const p of problems) expect(p).toEqual([]);
  expect(meetingUrl).toContain("/meetings/");
  await buyer.context.close();
  await team.context.close();
  await third.context.close();
});

test("a meeting planned from the meetings page reaches its invitee, who sees who invites them and declines", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  // The buyer, in English, with a known address.
  const email = uniqueEmail("planned");
  const buyerContext = await browser.newContext();
  await buyerContext.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  const b = await buyerContext.newPage();
  await b.goto("/register");
  await hydrated(b);
  await b.getByLabel("E-mail").fill(email);
  await b.getByLabel("Password").fill("expo-demo-2026");
  await b.getByLabel("Your name").fill("Ines Moreau");
  await b.getByLabel("Country or region").selectOption("FR");
  await b.getByLabel("Preferred language").selectOption("en");
  await b.getByRole("button", { name: "Create account" }).click();
  await expect(b.getByTestId("account-name")).toHaveText("Ines Moreau");

  // The exhibitor, in Chinese, plans a meeting at a time in their own zone, inviting her.
  const team = await exhibitor(browser, baseURL!);
  const host = team.page;
  await host.goto("/meetings");
  await hydrated(host);
  await host.getByLabel("会议主题").fill("Propeller pricing");
  await host.getByLabel("时间（可选）").fill("2031-03-01T10:00");
  await host.getByLabel("邀请（可选）").fill(email);
  await host.screenshot({ path: "artifacts/meeting-plan-zh-CN.png", fullPage: true });
  await host.getByRole("button", { name: "发起会议" }).click();
  await expect(host).toHaveURL(/\/meetings\/[0-9a-f-]+$/);

  // She sees it in her meetings, with who holds it and when, and declines and blocks.
  await b.goto("/meetings");
  await hydrated(b);
  const item = b.getByRole("listitem").filter({ hasText: "Propeller pricing" });
  await expect(item).toContainText("held by");
  await expect(item.locator("time")).toContainText("2031");
  await b.screenshot({ path: "artifacts/meeting-invited-en.png", fullPage: true });
  await item.getByRole("button", { name: "Decline and block the host" }).click();
  await expect(b.getByRole("listitem").filter({ hasText: "Propeller pricing" })).toHaveCount(0);
  await team.context.close();
  await buyerContext.close();
});
