import { test, expect } from "@playwright/test";
import { hydrated, plain, watchConsole, signInOrganizer } from "./helpers";
import * as fs from "fs";

test("an organizer imports products from a CSV file: preview, error report, import", async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  await signInOrganizer(page, baseURL!, "en");
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /^Import from a spreadsheet/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import from a spreadsheet");
  const stamp = Date.now();
  const csv = [
    "booth,hall,name,category,description,price_min,currency",
    `E-01,electronics,Sensor ${stamp},electronics,"Temperature sensor, IP67",12.50,USD`,
    `E-01,electronics,Relay ${stamp},electronics,Solid-state relay,3,USD`,
    `E-01,electronics,Cable ${stamp},electronics,Shielded cable,,`,
    `ZZ-99,electronics,Ghost ${stamp},electronics,No such booth,,`,
  ].join("\n");
  await page.getByLabel("What the file holds").selectOption("products");
  await page.getByLabel("Language of the texts").selectOption("en");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page).toHaveURL(/\/dashboard\/import\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import check");
  await expect.poll(async () => plain(await page.locator("[data-count=valid]").textContent())).toBe("3 valid rows");
  await expect.poll(async () => plain(await page.locator("[data-count=refused]").textContent())).toBe("1 row with problems (not imported)");
  await expect(page.getByRole("row", { name: /^5 booth ZZ-99/ })).toContainText("No booth has this code.");
  await hydrated(page);
  await page.screenshot({ path: "artifacts/import-preview-en.png", fullPage: true });
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /error report/ }).click()]);
  const text = fs.readFileSync((await report.path())!, "utf8");
  expect(text).toContain("No booth has this code.");
  await page.getByRole("button", { name: /^Import \u2068?3\u2069? valid rows$/ }).click();
  await expect.poll(async () => plain(await page.locator("[data-count=created]").textContent())).toBe("3 created");
  await expect(page.locator("[data-imported=yes]")).toBeVisible();
  await page.goto("/dashboard/import");
  await expect(page.getByRole("row", { name: /products\.csv/ }).first()).toContainText("Imported");
  expect(problems).toEqual([]);
});

test("a wrong file is refused with the reason in Chinese, without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Sign in through the plain form.
  await page.goto("/login");
  await page.locator("#login-email").fill("organizer@expo.example");
  await page.locator("#login-password").fill("expo-demo-2026");
  await page.locator("form:has(#login-email) button[type=submit]").click();
  await context.addCookies([{ name: "lang", value: "zh-CN", url: baseURL! }]);
  await page.goto("/dashboard/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("从表格导入");
  await page.getByLabel("文件内容").selectOption("buyers");
  await page.getByLabel("文件", { exact: true }).setInputFiles({ name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("mail,firstname\na@b.co,Ann\n") });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page).toHaveURL(/\/dashboard\/import\?kind=buyers&error=import-error-columns/);
  await expect(page.locator("#import-refusal")).toContainText("列与此类导入不符");
  await expect(page.locator("#import-refusal")).toContainText("email, name, company");
  await expect(page.locator("#import-refusal")).toContainText("mail, firstname");
  await expect(page.getByLabel("文件内容")).toHaveValue("buyers");
  await page.screenshot({ path: "artifacts/import-refused-zh-CN.png", fullPage: true });
  await context.close();
});
