import { test, expect, Page } from "@playwright/test";
import { following, hydrated, openBoothM01, setLanguage, signInOrganizer, watchConsole } from "./helpers";

// The organizer's live counters: pushed over the hub every second, so a visit shows on the
// dashboard within two seconds, in Chinese and in English, with every figure in a table.

/** The number in the "today" cell of a figure's row. */
async function today(page: Page, row: string): Promise<number> {
  const text = await page.getByTestId(row).locator("td").first().textContent();
  return Number((text ?? "").replace(/[^0-9]/g, ""));
}

test("a booth visit moves the organizer's live counters within two seconds", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const orgContext = await browser.newContext();
  const org = await orgContext.newPage();
  const problems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "zh-CN");
  // The dashboard leads to the page.
  await org.goto("/dashboard");
  await hydrated(org);
  await expect(org.getByRole("link", { name: /实时数据/ })).toHaveAttribute("href", "/dashboard/live");
  // (A page load of its own: `following` watches the sockets the page opens from now on.)
  const subscribed = following(org, "dashboard:");
  await org.goto("/dashboard/live");
  await hydrated(org);
  await expect(org.getByRole("heading", { level: 1, name: "实时数据" })).toBeVisible();
  await subscribed;
  await expect(org.getByRole("table", { name: "全部数据：今日与开展以来" })).toBeVisible();
  await expect(org.getByRole("columnheader", { name: "今日", exact: true })).toBeVisible();
  const viewsBefore = await today(org, "analytics-row-booth-views");
  const visitorsBefore = await today(org, "analytics-row-visitors");

  // A visitor in English, not signed in, walks booth M-01.
  // (Its own browser: visitors not signed in are told apart by address and browser.)
  const visitorContext = await browser.newContext({
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 visit-${Date.now()}`,
  });
  await setLanguage(visitorContext, baseURL!, "en");
  const visitor = await visitorContext.newPage();
  const beacon = visitor.waitForRequest(
    (r) => r.url().includes("/api/footprint") && (r.postData() ?? "").includes("target=booth"),
  );
  await openBoothM01(visitor, "List");
  await beacon;
  await expect
    .poll(() => today(org, "analytics-row-booth-views"), { timeout: 2_000, intervals: [100] })
    .toBeGreaterThan(viewsBefore);
  await expect.poll(() => today(org, "analytics-row-visitors"), { timeout: 2_000 }).toBeGreaterThan(visitorsBefore);
  // The headline agrees with the table.
  expect(Number((await org.getByTestId("analytics-visitors-today").textContent())!.replace(/[^0-9]/g, ""))).toBe(
    await today(org, "analytics-row-visitors"),
  );
  await expect(org.getByRole("table", { name: "今日访客（按国家或地区）" })).toBeVisible();
  await org.screenshot({ path: "artifacts/analytics-live-zh.png", fullPage: true });

  // The same page in English.
  await orgContext.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await org.goto("/dashboard/live");
  await hydrated(org);
  await expect(org.getByRole("heading", { level: 1, name: "Live counters" })).toBeVisible();
  await expect(org.getByRole("table", { name: "Every figure, today and since the expo opened" })).toBeVisible();
  await expect(org.getByRole("rowheader", { name: "Booth views" })).toBeVisible();
  await expect(org.getByRole("table", { name: "Today's visitors by language" })).toBeVisible();
  await org.screenshot({ path: "artifacts/analytics-live-en.png", fullPage: true });

  // The organizer shows the headline on the home page; visitors see it move.
  await org.getByRole("button", { name: "Show them on the home page" }).click();
  await expect(org.getByTestId("analytics-public-state")).toHaveText(/^The home page shows/);
  try {
    await visitor.goto("/");
    await hydrated(visitor);
    const headline = visitor.getByTestId("headline-visitors-today");
    await expect(headline).toBeVisible();
    const shown = async () => Number(((await headline.textContent()) ?? "").replace(/[^0-9]/g, ""));
    const before = await shown();
    expect(before).toBeGreaterThan(0);
    const otherContext = await browser.newContext({
      userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 other-${Date.now()}`,
    });
    await setLanguage(otherContext, baseURL!, "en");
    const other = await otherContext.newPage();
    await openBoothM01(other, "List");
    await expect.poll(shown, { timeout: 3_000 }).toBeGreaterThan(before);
    await visitor.screenshot({ path: "artifacts/analytics-headline-en.png" });
    await otherContext.close();
  } finally {
    await org.getByRole("button", { name: "Hide them from the home page" }).click();
    await expect(org.getByTestId("analytics-public-state")).toHaveText("The home page does not show these figures.");
  }
  expect(problems).toEqual([]);

  // A visitor is not shown the page.
  await visitor.goto("/dashboard/live");
  await hydrated(visitor);
  await expect(visitor.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await orgContext.close();
  await visitorContext.close();
});
