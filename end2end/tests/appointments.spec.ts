// Appointments: the booth's team (zh-CN) publishes free time; a buyer (en) books a slot from a
// recommendation with a message; the team accepts on its calendar, which updates live; both see
// the confirmed meeting on their calendars, join it and see each other's video.
import { test, expect, Page } from "@playwright/test";
import { exhibitor, fillProfile, hydrated, newBuyer, openBoothM01, plain, watchConsole } from "./helpers";

/** The day `days` from now, `YYYY-MM-DD` (UTC; the slots are published in Shanghai time). */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function seesVideoFrom(page: Page, n: number) {
  await expect(page.locator(".meeting-tile[data-user-id]")).toHaveCount(n, { timeout: 20_000 });
  await expect
    .poll(
      async () =>
        (
          await page
            .locator(".meeting-tile[data-user-id]")
            .evaluateAll((tiles) => tiles.map((t) => parseInt(t.getAttribute("data-frames-decoded") ?? "0", 10)))
        ).filter((f) => f > 0).length,
      { timeout: 30_000 },
    )
    .toBe(n);
}

test("a buyer (en) books the booth (zh-CN) from a recommendation; accepted, both meet on video", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const run = Date.now() % 1_000_000;
  const day = dayAhead(2 + (run % 20));

  // The team publishes a morning of 30-minute slots.
  const team = await exhibitor(browser, baseURL!);
  const t = team.page;
  const teamProblems = watchConsole(t);
  await t.goto("/calendar");
  await hydrated(t);
  await expect(t.getByRole("heading", { level: 1 })).toHaveText("日程");
  await t.getByRole("link", { name: "我的可预约时间" }).click();
  await expect(t.getByRole("heading", { level: 1 })).toHaveText("我的可预约时间");
  await hydrated(t);
  await t.getByLabel("日期").fill(day);
  await t.getByLabel("开始").fill("09:00");
  await t.getByLabel("结束").fill("08:00");
  await t.getByLabel("时区").selectOption("Asia/Shanghai");
  await t.getByRole("button", { name: "公布" }).click();
  await expect(t.getByText("结束时间至少要比开始时间晚一个时段。").first()).toBeVisible();
  await t.getByLabel("结束").fill("11:00");
  await t.getByRole("button", { name: "公布" }).click();
  await expect(t.getByRole("status").filter({ hasText: /已公布 \u2068?4\u2069? 个时段/ })).toBeVisible();
  const table = t.getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: day })).toHaveCount(4, { timeout: 10_000 });
  await t.screenshot({ path: "artifacts/availability-zh-CN.png", fullPage: true });

  // The buyer looks at booth M-01, then books it from her recommendations.
  const buyerName = `Ines Moreau ${run}`;
  const buyer = await newBuyer(browser, baseURL!, buyerName);
  const b = buyer.page;
  const problems = watchConsole(b);
  await fillProfile(b, `Atlantic Ships ${run}`, "", false);
  await openBoothM01(b, "List");
  const boothName = plain(await b.getByRole("heading", { level: 1 }).textContent());
  await b.goto("/matchmaking");
  await hydrated(b);
  const card = b.getByTestId("match-card").filter({ has: b.getByRole("heading", { level: 3, name: boothName, exact: true }) });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card.getByRole("listitem").first()).toBeVisible();
  await card.getByRole("link", { name: "Book a meeting" }).click();
  await expect(b.getByRole("heading", { level: 1 })).toHaveText("Book a meeting");
  await hydrated(b);
  await expect(b.getByText(new RegExp(`Choose a time to meet \u2068?${boothName}`))).toBeVisible();
  await expect(b.getByRole("group", { name: day })).toBeVisible();
  await b.getByRole("group", { name: day }).getByRole("radio").first().check();
  await b.getByLabel("Message (optional)").fill("Two ferry engines: can we talk about lead times?");
  await b.screenshot({ path: "artifacts/booking-en.png", fullPage: true });
  await b.getByRole("button", { name: "Request this time" }).click();
  await expect(b).toHaveURL(/\/calendar$/);
  await hydrated(b);
  const mine = b.locator(".agenda-entry").filter({ hasText: boothName });
  await expect(mine).toContainText("Waiting for the booth");

  // The team's calendar shows the request at once and accepts it.
  await t.goto("/calendar");
  await hydrated(t);
  const request = t.locator(".appointment-card").filter({ hasText: buyerName });
  await expect(request).toBeVisible({ timeout: 10_000 });
  await expect(request).toContainText("Two ferry engines");
  await expect(request.getByRole("button", { name: "提议这个时间" })).toBeVisible();
  await t.screenshot({ path: "artifacts/calendar-request-zh-CN.png", fullPage: true });
  await request.getByRole("button", { name: "接受" }).click();
  await expect(t.locator(".agenda-entry").filter({ hasText: buyerName })).toContainText("已确认");

  // Her calendar updates by itself; she joins the meeting from it, and so does the team.
  await expect(mine).toContainText("Confirmed", { timeout: 10_000 });
  await b.screenshot({ path: "artifacts/calendar-en.png", fullPage: true });
  await mine.getByRole("link").click();
  await expect(b).toHaveURL(/\/meetings\/[0-9a-f-]+$/);
  const meeting = new URL(b.url()).pathname;
  await hydrated(b);
  await b.getByRole("button", { name: "Join" }).click();
  await expect(b.getByRole("toolbar", { name: "Meeting controls" })).toBeVisible();
  await t.locator(".agenda-entry").filter({ hasText: buyerName }).getByRole("link").click();
  await expect(t).toHaveURL(new RegExp(`${meeting}$`));
  await hydrated(t);
  await t.getByRole("button", { name: "加入" }).click();
  await expect(t.getByRole("toolbar", { name: "会议控制" })).toBeVisible();
  await seesVideoFrom(b, 1);
  await seesVideoFrom(t, 1);

  // Her calendar feed has it.
  await b.goto("/calendar");
  await hydrated(b);
  await b.getByRole("button", { name: "Make a calendar address" }).click();
  const address = b.getByLabel("Your calendar address");
  await expect(address).toHaveValue(/\/calendar\/feed\/.+\.ics$/);
  const ics = await (await b.request.get(await address.inputValue())).text();
  expect(ics).toContain("BEGIN:VEVENT");
  // iCalendar escapes commas; the words carry no bidi isolation marks.
  expect(ics).toContain(`SUMMARY:Meeting with ${boothName.replace(/,/g, "\\,")}`);

  expect(problems).toEqual([]);
  // The one refusal the team met on purpose (a span that ends before it starts).
  expect(teamProblems).toEqual(["console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]);
  await buyer.context.close();
  await team.context.close();
});

test("the calendar reads right to left in Arabic", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "lang", value: "ar", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/calendar");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("التقويم");
  await expect(page.getByText("سجّل الدخول لرؤية تقويمك.")).toBeVisible();
  await context.close();
});
