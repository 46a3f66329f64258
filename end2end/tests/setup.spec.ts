import { test, expect, Page, request as playwrightRequest } from "@playwright/test";
import { hydrated, plain, setLanguage, uniqueEmail, watchConsole, signInOrganizer } from "./helpers";

/** A company that applied to exhibit, through the API (as its own browserless client). */
async function applicant(baseURL: string, company: string, licence: string) {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { accept: "application/json" } });
  const email = uniqueEmail("setup");
  const reg = await api.post("/api/account/register", {
    form: {
      "input[email]": email,
      "input[password]": "expo-demo-2026",
      "input[display_name]": "Setup Applicant",
      "input[company]": company,
      "input[country]": "CN",
      "input[language]": "en",
    },
  });
  expect(reg.ok()).toBeTruthy();
  const login = await api.post("/api/account/login", {
    form: { "input[email]": email, "input[password]": "expo-demo-2026", "input[next]": "/" },
  });
  expect(login.ok()).toBeTruthy();
  const sent = await api.post("/api/application/submit", {
    form: {
      "input[company]": company,
      "input[country]": "CN",
      "input[industries][]": "food",
      "input[license_no]": licence,
      "input[product_summary]": "Cold storage",
      "input[contact_name]": "Zhang",
      "input[contact_email]": "zhang@cold.example",
      "input[contact_phone]": "+86 631 555 0101",
    },
  });
  expect(sent.ok(), await sent.text()).toBeTruthy();
  await api.dispose();
}

test("an organizer sets up the expo, adds two halls, gives a booth in a new hall and places booths with the pointer, the keyboard and the table", async ({
  browser,
  baseURL,
}) => {
  const suffix = `${Date.now() % 100000}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInOrganizer(page, baseURL!, "en");
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /Expo setup/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Expo setup");
  await hydrated(page);

  // Dates out of order are explained; fixed, the settings save.
  await page.getByLabel("Last day").fill("2026-12-01");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("The end cannot come before the start.")).toBeVisible();
  await page.getByLabel("Last day").fill("2026-12-14");
  // (Only an opening day in the past: the application below must stay possible whatever the date.)
  await page.getByLabel("Exhibitor applications open on").fill("2026-01-05");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.locator(".setup-form .save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByLabel("Exhibitor applications open on")).toHaveValue("2026-01-05");
  await hydrated(page);

  // Two halls.
  for (const [name, industry] of [
    [`Cold Chain Hall ${suffix}`, "food"],
    [`Port Machinery Hall ${suffix}`, "marine"],
  ]) {
    const form = page.locator(".setup-add-hall");
    await form.getByLabel("English").fill(name);
    await form.getByLabel("Industry").selectOption(industry);
    await form.getByRole("button", { name: "Add a hall" }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  }
  await page.screenshot({ path: "artifacts/setup-en.png", fullPage: true });

  // A company applies; the organizer gives it a booth in the new cold chain hall.
  const company = `Polar Storage ${suffix}`;
  await applicant(baseURL!, company, `PS-${suffix}`);
  await page.goto(`/dashboard/applications?q=${encodeURIComponent(company)}`);
  await page.getByRole("link", { name: company }).click();
  await hydrated(page);
  await page.getByLabel("Hall").selectOption({ label: `Cold Chain Hall ${suffix}` });
  await page.getByLabel("Booth code").fill(`C-${suffix.slice(-3)}`);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.locator("[data-status=approved]")).toBeVisible();
  const slug = `cold-chain-hall-${suffix}`;
  await page.goto(`/halls/${slug}`);
  await expect(page.locator("g.booth")).toHaveCount(1);

  // The floor plan editor of the textiles hall.
  await page.goto("/dashboard/setup");
  await hydrated(page);
  await page.getByRole("link", { name: /Edit the floor plan of .?Textiles/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Floor plan");
  await hydrated(page);
  const booth = page.locator("g.booth-edit[data-code=T-01]");
  const rect = booth.locator("rect");
  // The table: T-01 back to its first place (whatever an earlier run left).
  await page.getByLabel(/T-01.?: left edge/).fill("40");
  await page.getByLabel(/T-01.?: top edge/).fill("40");
  await page.getByRole("row", { name: /T-01/ }).getByRole("button", { name: "Save" }).click();
  await expect(rect).toHaveAttribute("x", "40");
  await expect(rect).toHaveAttribute("y", "40");
  const x0 = 40;
  const y0 = 40;
  // The booth's tier, from the same table.
  await page.getByLabel(/Tier of .?T-01/).selectOption("premium");
  await page.getByRole("button", { name: /Set the tier of .?T-01/ }).click();
  await expect(page.locator(".plan-said [role=status]")).toHaveText("Booth tier saved.");

  // Keyboard: select with Tab focus, move right one grid step.
  await booth.focus();
  await page.keyboard.press("ArrowRight");
  const said = page.locator(".plan-said");
  // (Fluent isolates the numbers with invisible marks: compare the plain text.)
  const saidText = async (role: "status" | "alert") => plain((await said.getByRole(role).allTextContents()).join(" "));
  await expect.poll(() => saidText("status")).toContain(`T-01 at ${x0 + 20}, ${y0}`);
  await expect(rect).toHaveAttribute("x", String(x0 + 20));
  // Into the neighbour: refused, and the booth stays.
  const neighbour = page.locator("g.booth-edit[data-code=T-02] rect");
  const nx = Number(await neighbour.getAttribute("x"));
  const width = Number(await rect.getAttribute("width"));
  const steps = Math.ceil((nx - (x0 + 20 + width)) / 20) + 1;
  for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => saidText("alert")).toContain("would overlap another booth");
  const stayed = Number(await rect.getAttribute("x"));
  expect(stayed + width).toBeLessThanOrEqual(nx);

  // Pointer: drag T-01 down to the free bottom row.
  const box = await booth.boundingBox();
  const svgBox = await page.locator(".plan-svg").boundingBox();
  // The plan keeps its proportions inside the box (it may be limited by the height).
  const perUnit = Math.min(svgBox!.width / 1200, svgBox!.height / 700);
  await page.mouse.move(box!.x + 20, box!.y + 20);
  await page.mouse.down();
  await page.mouse.move(box!.x + 20, box!.y + 20 + 200 * perUnit, { steps: 8 });
  await page.mouse.move(box!.x + 20, box!.y + 20 + 500 * perUnit, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => saidText("status")).toMatch(/T-01 at \d+, 5\d\d/);
  const y1 = Number(await rect.getAttribute("y"));
  expect(y1).toBeGreaterThan(y0 + 400);
  await page.screenshot({ path: "artifacts/plan-editor-en.png", fullPage: true });

  // The table again: T-01's left edge typed in.
  await page.getByLabel(/T-01.?: left edge/).fill("60");
  await page.getByRole("row", { name: /T-01/ }).getByRole("button", { name: "Save" }).click();
  await expect(rect).toHaveAttribute("x", "60");

  // A visitor sees the new place on the hall map.
  const visitor = await browser.newPage();
  await visitor.goto("/halls/textiles");
  const shown = visitor.locator("g.booth", { hasText: "T-01" }).locator("rect");
  await expect(shown).toHaveAttribute("x", "60");
  await expect(shown).toHaveAttribute("y", String(y1));
  await visitor.close();

  // The editor in Chinese.
  await context.addCookies([{ name: "lang", value: "zh-CN", url: baseURL! }]);
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("平面图");
  await page.screenshot({ path: "artifacts/plan-editor-zh-CN.png", fullPage: true });
  await page.goto("/dashboard/setup");
  await page.screenshot({ path: "artifacts/setup-zh-CN.png", fullPage: true });

  const expected = /Failed to load resource: the server responded with a status of 422/;
  expect(problems.filter((p) => !expected.test(p))).toEqual([]);
  await context.close();
});
