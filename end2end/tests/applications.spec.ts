import { test, expect, Page } from "@playwright/test";
import { following, hydrated, newBuyer, setLanguage, watchConsole, signInOrganizer } from "./helpers";

test("a company applies, the organizer approves it in Chinese, and its booth appears on the hall map", async ({
  browser,
  baseURL,
}) => {
  const suffix = `${Date.now() % 100000}`;
  const company = `Harbour Cranes ${suffix}`;
  const code = `Z-${suffix.slice(-4)}`;

  // The applicant, in English, from the dashboard.
  const applicant = await newBuyer(browser, baseURL!, "Chen Applicant");
  const page = applicant.page;
  const problems = watchConsole(page);
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /Apply to exhibit/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apply to exhibit");
  await hydrated(page);

  // Sent empty: each problem named beside its field, nothing lost.
  await page.getByLabel("Company name").fill(company);
  await page.getByRole("button", { name: "Send the application" }).click();
  await expect(page.getByText("Choose at least one industry from the list.")).toBeVisible();
  await expect(page.locator("#apply-license-error")).toHaveText(/Enter the licence number/);
  await expect(page.getByLabel("Company name")).toHaveValue(company);

  await page.getByLabel("Country or region").selectOption("CN");
  await page.getByLabel("Electronics").check();
  await page.getByLabel("Business licence number").fill(`91330200-${suffix}`);
  await page.getByLabel("What you would exhibit").fill("Crane control electronics and sensors.");
  await page.getByLabel("Name", { exact: true }).fill("Chen Wei");
  await page.getByLabel("E-mail", { exact: true }).fill("chen@cranes.example");
  await page.getByLabel("Phone").fill("+86 574 8888 1234");
  await page.getByRole("button", { name: "Send the application" }).click();
  await expect(page.locator("[data-status=submitted]")).toHaveText("Waiting for review");
  // The business licence goes with it (a plain multipart form).
  await page.getByLabel("Document", { exact: true }).setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n") });
  await page.getByRole("button", { name: "Attach" }).click();
  await expect(page.locator(".document-list")).toContainText("licence.pdf");
  await page.screenshot({ path: "artifacts/apply-submitted-en.png", fullPage: true });
  // The applicant waits on the dashboard.
  const listening = following(page, "user:");
  await page.goto("/dashboard");
  await hydrated(page);
  await listening;
  await expect(page.getByText("Nothing new.")).toBeVisible();

  // The organizer, in Chinese, finds it in the queue and approves it.
  const orgContext = await browser.newContext();
  await setLanguage(orgContext, baseURL!, "zh-CN");
  const org = await orgContext.newPage();
  const orgProblems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "zh-CN");
  await org.goto("/dashboard");
  await hydrated(org);
  await expect(org.getByRole("link", { name: new RegExp(`新的参展申请：.*${company}`) })).toBeVisible();
  await org.getByRole("link", { name: /^参展申请/ }).click();
  await expect(org.getByRole("heading", { level: 1 })).toHaveText("参展申请");
  await org.getByLabel("公司、执照号或联系人").fill(suffix);
  await org.getByRole("button", { name: "筛选" }).click();
  await expect(org).toHaveURL(new RegExp(`q=${suffix}`));
  await expect(org.getByRole("status")).toHaveText(/共 \u2068?1\u2069? 份申请/);
  await org.screenshot({ path: "artifacts/review-queue-zh-CN.png", fullPage: true });
  await org.getByRole("link", { name: company }).click();
  await expect(org.getByRole("heading", { level: 1 })).toHaveText(company);
  await hydrated(org);
  // The hall of the company's industry is suggested.
  await expect(org.getByLabel("展馆").locator("option:checked")).toHaveText("电子信息馆");
  await expect(org.locator(".document-list a")).toHaveText("licence.pdf");
  await org.getByLabel("展位号").fill(code);
  await org.screenshot({ path: "artifacts/review-application-zh-CN.png", fullPage: true });
  await org.getByRole("button", { name: "通过", exact: true }).click();
  await expect(org.locator("[data-status=approved]")).toHaveText("已通过");

  // The applicant hears of it on the dashboard without reloading, and opens the booth editor.
  // (Fluent isolates the company and the status with invisible marks.)
  await expect(page.locator(".notice-list a").first()).toHaveText(
    new RegExp(`^Your application for \u2068?${company}\u2069?: \u2068?Approved\u2069?$`),
  );
  await page.goto("/apply");
  await expect(page.locator("[data-status=approved]")).toHaveText("Approved");
  await page.getByRole("link", { name: "Open your booth editor" }).click();
  await expect(page).toHaveURL(/\/exhibitors\/[0-9a-f-]+\/edit$/);

  // A visitor sees the booth on the hall map and in its list.
  const visitorContext = await browser.newContext();
  await setLanguage(visitorContext, baseURL!, "en");
  const visitor = await visitorContext.newPage();
  await visitor.goto("/halls/electronics");
  await hydrated(visitor);
  await expect(visitor.locator(".hall-map").getByText(code)).toBeVisible();
  await visitor.screenshot({ path: "artifacts/hall-with-new-booth-en.png" });
  await visitor.getByRole("button", { name: "List" }).click();
  await expect(visitor.getByRole("row", { name: new RegExp(code) })).toContainText(company);

  const expected = /Failed to load resource: the server responded with a status of 422/;
  expect(problems.filter((p) => !expected.test(p))).toEqual([]);
  expect(orgProblems).toEqual([]);
  await applicant.context.close();
  await orgContext.close();
  await visitorContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the application form and the review queue are plain forms", async ({ page, context, baseURL }) => {
    await setLanguage(context, baseURL!, "en");
    await page.goto("/apply");
    await expect(page.getByRole("link", { name: "Register" }).last()).toBeVisible();
    await page.goto("/login");
    await page.locator("#login-email").fill("organizer@expo.example");
    await page.locator("#login-password").fill("expo-demo-2026");
    await page.locator("form:has(#login-email) button[type=submit]").click();
    await expect(page.getByTestId("account-name")).toBeVisible();
    await setLanguage(context, baseURL!, "en");
    await page.goto("/dashboard/applications");
    await page.getByLabel("Status").selectOption("approved");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/status=approved/);
    await expect(page.getByLabel("Status")).toHaveValue("approved");
    await expect(page.getByRole("status")).toHaveText(/application/);
  });
});
