import { test, expect, Page } from "@playwright/test";
import { exhibitor, hydrated, newBuyer, plain, signInOrganizer, watchConsole } from "./helpers";

/** A `datetime-local` value `minutes` from now in the demo expo's time zone (Shanghai, UTC+8). */
function shanghai(minutes: number): string {
  return new Date(Date.now() + (8 * 60 + minutes) * 60_000).toISOString().slice(0, 16);
}

/** The video element's playback position. */
async function position(page: Page): Promise<number> {
  return page.locator("video.live-video").evaluate((v) => (v as HTMLVideoElement).currentTime);
}

test("an exhibitor (zh-CN) asks for a slot, the organizer approves, goes live; a buyer (en) watches live, then the replay, and seeks", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  // Unique to this run, so a rerun against the same database finds its own broadcast.
  const run = Date.now() % 1_000_000;
  const title = `新品发布直播 ${run}`;
  const en = `New engine launch ${run}`;

  // The exhibitor asks for a live slot for their booth (a refused empty end first).
  const team = await exhibitor(browser, baseURL!);
  const studio = team.page;
  const teamProblems = watchConsole(studio);
  await studio.goto("/live");
  await hydrated(studio);
  await expect(studio.getByRole("heading", { level: 1 })).toHaveText("直播");
  await studio.getByText("为您的展位申请直播时段").click();
  await studio.getByLabel("标题", { exact: true }).fill(title);
  await studio.getByLabel("英文标题（可选）").fill(en);
  await studio.getByLabel("开始", { exact: true }).fill(shanghai(-5));
  await studio.getByLabel("结束", { exact: true }).fill(shanghai(-10));
  await studio.getByRole("button", { name: "提交申请" }).click();
  await expect(studio.locator("#live-slot-ends-error")).toHaveText("结束时间必须晚于开始时间，且最长 12 小时。");
  await studio.getByLabel("结束", { exact: true }).fill(shanghai(60));
  await studio.getByRole("button", { name: "提交申请" }).click();
  const row = studio.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("待审批");
  await studio.screenshot({ path: "artifacts/live-request-zh-CN.png", fullPage: true });

  // The organizer (in English) approves it.
  const orgContext = await browser.newContext();
  const org = await orgContext.newPage();
  const orgProblems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "en");
  await org.goto("/live");
  await hydrated(org);
  // Read in the organizer's page language (English), with the English title given.
  const request = org.locator(".live-request").filter({ hasText: en });
  await expect(request).toBeVisible();
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(org.getByRole("row").filter({ hasText: en })).toContainText("Scheduled");

  // The exhibitor goes live from the studio with the (fake) camera and microphone.
  await studio.reload();
  await hydrated(studio);
  await row.getByRole("link", { name: "打开直播工作室" }).click();
  await expect(studio).toHaveURL(/\/live\/[0-9a-f-]+\/studio$/);
  await hydrated(studio);
  await expect(studio.getByLabel("摄像头", { exact: true })).toBeVisible();
  await expect
    .poll(() => studio.locator("video.live-video").evaluate((v) => (v as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await studio.getByRole("button", { name: "开始直播" }).click();
  await expect(studio.locator(".live-studio-status")).toHaveText("直播中");
  const roomUrl = studio.url().replace(/\/studio$/, "");

  // A buyer finds it on the schedule, on air, and watches: the video plays.
  const buyer = await newBuyer(browser, baseURL!, "Lena Vogt");
  const viewer = buyer.page;
  const viewerProblems = watchConsole(viewer);
  await viewer.goto("/live");
  await hydrated(viewer);
  const onAir = viewer.getByRole("row").filter({ hasText: en });
  await expect(onAir).toContainText("On air");
  await onAir.getByRole("link", { name: en }).click();
  await expect(viewer).toHaveURL(roomUrl);
  await hydrated(viewer);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(en);
  await expect.poll(() => position(viewer), { timeout: 20_000 }).toBeGreaterThan(1);
  const at = await position(viewer);
  await expect.poll(() => position(viewer), { timeout: 10_000 }).toBeGreaterThan(at + 1);
  await expect(viewer.locator(".live-status-text")).toHaveText("Live");
  await expect.poll(async () => plain(await viewer.locator(".live-viewers").textContent()), { timeout: 15_000 })
    .toMatch(/^\d+ watching$/);

  // The viewer asks a question; the exhibitor sees it in the studio at once and pins it, and the
  // viewer sees it pinned.
  const question = "Is the engine IMO Tier III certified?";
  await viewer.getByLabel("Your question").fill(question);
  await viewer.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(viewer.getByLabel("Your question")).toHaveValue("");
  const asked = studio.locator(".qa-item").filter({ hasText: question });
  await expect(asked).toBeVisible();
  await expect(asked).toContainText("Lena Vogt");
  await asked.getByRole("button", { name: "置顶", exact: true }).click();
  const pinned = viewer.locator(".qa-item").filter({ hasText: question });
  await expect(pinned).toContainText("Pinned");
  await expect(asked).toContainText("已置顶");
  await viewer.getByRole("button", { name: /^Upvote/ }).click();
  await expect(pinned.locator(".qa-votes")).toHaveText(/^\u2068?1\u2069? vote$/);
  await viewer.screenshot({ path: "artifacts/live-room-en.png", fullPage: true });
  await studio.screenshot({ path: "artifacts/live-studio-zh-CN.png", fullPage: true });

  // The exhibitor ends it; the viewer is told, and the replay takes its place.
  await studio.getByRole("button", { name: "结束直播" }).click();
  await expect(studio.locator(".live-studio-status")).toHaveText("直播已结束。");
  await expect(viewer.locator(".live-status-text")).toHaveText("The broadcast has ended.");
  await viewer.reload();
  await hydrated(viewer);
  const replay = viewer.getByLabel("Replay", { exact: true });
  await expect(replay).toBeVisible();
  const duration = await replay.evaluate(
    (v) =>
      new Promise<number>((resolve) => {
        const video = v as HTMLVideoElement;
        if (video.readyState >= 1) resolve(video.duration);
        else video.addEventListener("loadedmetadata", () => resolve(video.duration), { once: true });
      }),
  );
  expect(Number.isFinite(duration)).toBe(true);
  expect(duration).toBeGreaterThan(3);
  // Seeking (HTTP Range) to the middle, then it plays on from there.
  const target = Math.floor(duration / 2);
  const landed = await replay.evaluate(
    (v, t) =>
      new Promise<number>((resolve) => {
        const video = v as HTMLVideoElement;
        video.muted = true;
        video.addEventListener("seeked", () => resolve(video.currentTime), { once: true });
        video.currentTime = t;
      }),
    target,
  );
  expect(Math.abs(landed - target)).toBeLessThan(0.5);
  await replay.evaluate((v) => (v as HTMLVideoElement).play());
  await expect
    .poll(() => replay.evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 10_000 })
    .toBeGreaterThan(target + 0.5);
  // The questions stay beside the replay; asking is closed.
  await expect(viewer.locator(".qa-item").filter({ hasText: question })).toContainText("Pinned");
  await expect(viewer.getByText("Questions are closed: the broadcast has ended.")).toBeVisible();
  await viewer.screenshot({ path: "artifacts/live-replay-en.png", fullPage: true });

  // The one refused request: the slot that ended before it started (422).
  expect(teamProblems).toEqual([
    "console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)",
  ]);
  expect(orgProblems).toEqual([]);
  expect(viewerProblems).toEqual([]);
  // Signed-in pages left open would keep these people "online" for the tests after this one.
  await team.context.close();
  await orgContext.close();
  await buyer.context.close();
});

test("the schedule without JavaScript: the demo expo's broadcasts, narrowed to a hall; a broadcast's page adds it to a calendar", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/live");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live broadcasts");
  const table = page.getByRole("table", { name: "Live broadcasts" });
  await expect(table.getByRole("row").filter({ hasText: "Opening ceremony" })).toBeVisible();
  // Only the marine hall's broadcasts (a plain GET form).
  await page.getByLabel("Hall (industry)").selectOption("marine");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]hall=marine/);
  await expect(table.getByRole("row").filter({ hasText: "Green shipping and marine equipment forum" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Opening ceremony" })).toHaveCount(0);
  await page.screenshot({ path: "artifacts/live-schedule-en.png", fullPage: true });
  await table.getByRole("link", { name: "Green shipping and marine equipment forum" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Green shipping and marine equipment forum");
  const ics = await page.getByRole("link", { name: "Add to calendar" }).getAttribute("href");
  const response = await page.request.get(ics!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  expect(await response.text()).toContain("SUMMARY:Green shipping and marine equipment forum");
  await context.close();
});
