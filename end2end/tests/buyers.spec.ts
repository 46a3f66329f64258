import { test, expect, Browser, Page } from "@playwright/test";
import { hydrated, plain, watchConsole, newBuyer, exhibitor, signInOrganizer, fillProfile } from "./helpers";

test("a buyer registers, the organizer verifies, exhibitors see contacts only with consent", async ({ browser, baseURL }) => {
  // Four people, a verification, a directory, a profile and a conversation: longer than the default.
  test.setTimeout(90_000);
  const stamp = Date.now();
  const kariName = `Kari ${stamp}`;
  const lenaName = `Lena ${stamp}`;
  const kari = await newBuyer(browser, baseURL!, kariName);
  const kariProblems = watchConsole(kari.page);
  // A bad WeChat id is explained beside its field and nothing is lost.
  await kari.page.goto("/buyer");
  await hydrated(kari.page);
  await kari.page.getByLabel("Company").fill("Nordic Marine AS");
  await kari.page.getByLabel("WeChat ID", { exact: true }).fill("1-bad");
  await kari.page.getByRole("button", { name: "Save buyer profile" }).click();
  await expect(kari.page.locator("#buyer-wechat-error")).toContainText("starts with a letter");
  await expect(kari.page.getByLabel("Company")).toHaveValue("Nordic Marine AS");
  await fillProfile(kari.page, `Nordic Marine ${stamp}`, `kari_${stamp}`.slice(0, 20), true);
  await kari.page.screenshot({ path: "artifacts/buyer-profile-en.png", fullPage: true });

  const lena = await newBuyer(browser, baseURL!, lenaName);
  await fillProfile(lena.page, `Baltic Trade ${stamp}`, `lena_${stamp}`.slice(0, 20), false);

  // The organizer, in Chinese, verifies Kari.
  const orgContext = await browser.newContext();
  const org = await orgContext.newPage();
  const orgProblems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "zh-CN");
  await org.goto("/dashboard");
  await hydrated(org);
  await org.getByRole("link", { name: /^采购商名录/ }).click();
  await expect(org.getByRole("heading", { level: 1 })).toHaveText("采购商名录");
  await expect(org.getByLabel("认证", { exact: true })).toHaveValue("no");
  await hydrated(org);
  const kariRow = org.locator("tr", { hasText: kariName });
  await kariRow.getByRole("button", { name: `认证 — ${kariName}` }).click();
  await expect(org.getByRole("row", { name: new RegExp(kariName) })).toHaveCount(0);
  await org.getByLabel("认证", { exact: true }).selectOption("yes");
  await org.getByRole("button", { name: "筛选" }).click();
  await expect(org.locator("tr", { hasText: kariName }).locator("[data-verified=yes]")).toHaveText(/认证采购商/);
  // Organizers see every contact, with the consent stated.
  await org.goto(`/buyers?q=${stamp}`);
  await expect(org.locator("tr", { hasText: lenaName })).toContainText(`lena_${stamp}`.slice(0, 20));
  await expect(org.locator("tr", { hasText: lenaName })).toContainText("未公开联系方式");
  await org.screenshot({ path: "artifacts/buyers-organizer-zh-CN.png", fullPage: true });

  // The exhibitor sees Kari's WeChat, not Lena's.
  const ex = await exhibitor(browser, baseURL!);
  const exProblems = watchConsole(ex.page);
  await ex.page.goto(`/buyers?q=${stamp}`);
  await expect(ex.page.getByRole("heading", { level: 1 })).toHaveText("采购商名录");
  await expect(ex.page.locator("tr", { hasText: kariName })).toContainText(`kari_${stamp}`.slice(0, 20));
  await expect(ex.page.locator("tr", { hasText: lenaName }).locator("[data-contact=hidden]")).toHaveText("采购商未公开");
  expect(await ex.page.content()).not.toContain(`lena_${stamp}`.slice(0, 20));
  await expect(ex.page.getByRole("link", { name: "CSV" })).toHaveCount(0);
  await ex.page.screenshot({ path: "artifacts/buyers-exhibitor-zh-CN.png", fullPage: true });

  // Kari's profile page, from her name: what she buys, her shared WeChat; a conversation starts there.
  await hydrated(ex.page);
  await ex.page.locator("tr", { hasText: kariName }).getByRole("link", { name: kariName }).click();
  await expect(ex.page).toHaveURL(/\/buyers\/[0-9a-f-]+$/);
  await hydrated(ex.page);
  await expect(ex.page.getByRole("heading", { level: 1 })).toContainText(kariName);
  await expect(ex.page.locator(".buyer-facts")).toContainText("海洋");
  await expect(ex.page.locator(".buyer-facts [data-contact=shown]")).toContainText(`kari_${stamp}`.slice(0, 20));
  await ex.page.screenshot({ path: "artifacts/buyer-profile-exhibitor-zh-CN.png", fullPage: true });
  await ex.page.getByRole("button", { name: new RegExp(`^给\u2068?${kariName}\u2069?发消息$`) }).click();
  await expect(ex.page).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await hydrated(ex.page);
  await expect(ex.page.getByRole("heading", { level: 2, name: kariName })).toBeVisible();

  // The exhibitor writes to Lena from the directory (her contacts stay hidden); she reads it.
  await ex.page.goto(`/buyers?q=${stamp}`);
  await hydrated(ex.page);
  await ex.page
    .locator("tr", { hasText: lenaName })
    .getByRole("button", { name: new RegExp(`^给\u2068?${lenaName}\u2069?发消息$`) })
    .click();
  await expect(ex.page).toHaveURL(/\/messages\/[0-9a-f-]+$/);
  await hydrated(ex.page);
  const composer = ex.page.getByLabel("消息", { exact: true });
  await composer.fill("您好，我们的新款螺旋桨三月发货。");
  await composer.press("Enter");
  await expect(ex.page.getByRole("log").locator(".chat-message").filter({ hasText: "三月发货" })).toHaveCount(1);
  await lena.page.goto("/messages");
  await hydrated(lena.page);
  const lenaRooms = lena.page.getByRole("navigation", { name: "Conversations" });
  await lenaRooms.getByRole("link").first().click();
  await hydrated(lena.page);
  await expect(lena.page.getByRole("log").locator(".chat-message").filter({ hasText: "三月发货" })).toHaveCount(1);
  await lena.page.screenshot({ path: "artifacts/direct-chat-buyer-en.png" });

  // Kari sees her badge.
  await kari.page.goto("/buyer");
  await expect(kari.page.locator(".apply-status [data-verified=yes]")).toHaveText(/Verified buyer/);
  // The refused WeChat id answered 422, as it should; nothing else went wrong.
  expect([...kariProblems.filter((p) => !p.includes("422")), ...orgProblems, ...exProblems]).toEqual([]);
  await Promise.all([kari.context.close(), lena.context.close(), orgContext.close(), ex.context.close()]);
});

test("visitors may not open the buyer directory", async ({ browser, baseURL }) => {
  const visitor = await newBuyer(browser, baseURL!, "Just Looking");
  await visitor.page.goto("/buyers");
  await expect(visitor.page.getByRole("alert")).toBeVisible();
  await expect(visitor.page.locator(".buyers-table")).toHaveCount(0);
  await visitor.context.close();
});

test("help guides in Chinese and Arabic", async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  await page.context().addCookies([{ name: "lang", value: "zh-CN", url: baseURL! }]);
  await page.goto("/");
  await hydrated(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "帮助与指南" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("帮助与指南");
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(3);
  await page.getByRole("link", { name: /^平台使用指南/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("平台使用指南");
  await expect(page.locator(".help-topic section h2")).toHaveCount(4);
  await page.getByRole("navigation", { name: "目录" }).getByRole("link", { name: "展馆与展位" }).click();
  await expect(page).toHaveURL(/#s1$/);
  await page.screenshot({ path: "artifacts/help-zh-CN.png", fullPage: true });
  await page.context().addCookies([{ name: "lang", value: "ar", url: baseURL! }]);
  await page.goto("/help/organizer");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator(".help-topic section")).toHaveCount(4);
  await page.screenshot({ path: "artifacts/help-organizer-ar.png", fullPage: true });
  const missing = await page.goto("/help/nothing-here");
  expect(missing?.status()).toBe(404);
  expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
});
