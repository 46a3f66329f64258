import { test, expect, Page } from "@playwright/test";
import { hydrated, plain, watchConsole, signInOrganizer } from "./helpers";
import * as fs from "fs";

test("an organizer filters the exhibitor directory in Chinese and downloads it as CSV and XLSX", async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  await signInOrganizer(page, baseURL!, "zh-CN");
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /^展商名录/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("展商名录");
  await page.getByLabel("展馆").selectOption({ label: "海洋装备馆" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/hall=marine/);
  await expect.poll(async () => plain(await page.locator(".directory-summary [role=status]").textContent())).toBe("共 10 条");
  await expect(page.locator(".review-table tbody tr")).toHaveCount(10);
  // Each booth's readiness for the expo, out of its six steps (the live ones included).
  await expect(page.getByRole("columnheader", { name: "准备情况" })).toBeVisible();
  await expect.poll(async () => plain(await page.getByRole("row", { name: /M-01/ }).locator("td").last().textContent())).toMatch(/^\d \/ 6$/);
  await page.screenshot({ path: "artifacts/directory-exhibitors-zh-CN.png", fullPage: true });
  // Booth teams that are not ready are reminded (notification and e-mail).
  await page.getByRole("button", { name: "提醒展位尚未准备就绪的展商" }).click();
  await expect.poll(async () => plain(await page.locator(".directory-remind [role=status]").textContent())).toMatch(/^已提醒：\d+ 家展商，\d+ 人。$/);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^exhibitors-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("展位号");
  expect(text.trim().split("\n")).toHaveLength(11);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = fs.readFileSync((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  // The people directory, in English.
  await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.goto("/dashboard/people?role=organizer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People directory");
  await expect(page.getByLabel("Roles")).toHaveValue("organizer");
  await expect(page.getByRole("cell", { name: "organizer@expo.example" })).toBeVisible();
  await page.screenshot({ path: "artifacts/directory-people-en.png", fullPage: true });
  expect(problems).toEqual([]);
});
