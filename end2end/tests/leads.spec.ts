// Leads: a buyer (en) who shares her contact details saves booth M-01; the booth's team (zh-CN)
// finds her on its leads page with her e-mail, moves her to "won" with a note, filters by stage
// and exports the list; the page reads the same in English.
import { test, expect } from "@playwright/test";
import { exhibitor, fillProfile, hydrated, newBuyer, openBoothM01, watchConsole } from "./helpers";

test("the booth (zh-CN) follows up a lead who shared her details, and exports its leads", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const run = Date.now() % 1_000_000;
  const name = `Aiko Tanaka ${run}`;
  const company = `Pacific Tankers ${run}`;
  const buyer = await newBuyer(browser, baseURL!, name);
  const b = buyer.page;
  const problems = watchConsole(b);
  await fillProfile(b, company, `aiko_${run}`, true);
  await openBoothM01(b, "List");
  await b.getByRole("button", { name: "Favorite" }).click();
  await expect(b.getByRole("button", { name: "Favorite" })).toHaveAttribute("aria-pressed", "true");

  const team = await exhibitor(browser, baseURL!);
  const t = team.page;
  const teamProblems = watchConsole(t);
  await t.goto("/dashboard");
  await hydrated(t);
  await t.getByRole("link", { name: /^潜在客户/ }).click();
  await expect(t.getByRole("heading", { level: 1 })).toHaveText("潜在客户");
  await hydrated(t);
  const row = t.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText(company);
  await expect(row).toContainText("收藏过");
  await expect(row.getByRole("link", { name: /@example\.com$/ })).toBeVisible();
  await expect(row).toContainText(`微信：`);

  // She is moved to "won" with a note; the stage filter finds her there.
  await row.getByLabel(new RegExp(`${name}\u2069? 的阶段`)).selectOption("won");
  await row.getByLabel(new RegExp(`关于 \u2068?${name}`)).fill("订购两台主机，三月回访。");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(t.getByRole("link", { name: /^\u2068?已成交\u2069?：\u2068?[1-9]/ })).toBeVisible();
  await t.locator("#lead-stage").selectOption("won");
  await t.getByRole("button", { name: "筛选" }).click();
  await expect(t).toHaveURL(/\/leads\?.*stage=won/);
  await hydrated(t);
  await expect(t.getByRole("row").filter({ hasText: name })).toBeVisible();
  await expect(t.getByRole("row").filter({ hasText: name }).getByRole("textbox")).toHaveValue("订购两台主机，三月回访。");
  await t.screenshot({ path: "artifacts/leads-zh-CN.png", fullPage: true });

  // The exports carry what the filters keep.
  const csvHref = await t.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  expect(csvHref).toBe("/export/leads.csv?stage=won");
  const csv = await (await t.request.get(csvHref!)).text();
  expect(csv).toContain(name);
  expect(csv).toContain("订购两台主机");
  const vcf = await (await t.request.get("/export/leads.vcf?stage=won")).text();
  expect(vcf).toContain("BEGIN:VCARD");
  expect(vcf).toContain(company);

  // The same page in English.
  await team.context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await t.goto("/leads");
  await hydrated(t);
  await expect(t.getByRole("heading", { level: 1 })).toHaveText("Leads");
  await expect(t.getByRole("row").filter({ hasText: name })).toContainText("Saved");
  await t.screenshot({ path: "artifacts/leads-en.png", fullPage: true });

  expect(problems).toEqual([]);
  expect(teamProblems).toEqual([]);
  await buyer.context.close();
  await team.context.close();
});
