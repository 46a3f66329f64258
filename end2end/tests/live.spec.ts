import { test, expect, Page } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { exhibitor, hydrated, newBuyer, plain, scheduleForum, setLanguage, shanghai, signInOrganizer, watchConsole } from "./helpers";


/** The live player's playback position (not the fallback video's beside it). */
async function position(page: Page): Promise<number> {
  return page.locator(".live-stage > video.live-video").evaluate((v) => (v as HTMLVideoElement).currentTime);
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

/** A real WebM video: the first of the fixture's two Chromium MediaRecorder recordings. */
function recordedVideo(): Buffer {
  const dir = path.join(__dirname, "../../server/tests/fixtures/live-reconnect");
  const chunks = fs.readdirSync(dir).filter((f) => f.startsWith("chunk-1-")).sort();
  return Buffer.concat(chunks.map((f) => fs.readFileSync(path.join(dir, f))));
}

test("an organizer (en) builds a forum's programme and a fallback; a viewer (zh-CN) reads it, reacts, watches the fallback while the presenter is away, and the replay's chapters seek; the replay library lists it", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const run = Date.now() % 1_000_000;
  const title = `港口论坛 ${run}`;
  const en = `Port forum ${run}`;

  // The organizer puts a forum in the marine hall on the schedule, starting now.
  const orgContext = await browser.newContext();
  const org = await orgContext.newPage();
  const orgProblems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "en");
  await org.goto("/live");
  await hydrated(org);
  await org.getByText("Schedule a broadcast").click();
  await org.locator("#live-slot-kind").selectOption("forum");
  await org.locator("#live-slot-hall").selectOption("marine");
  await org.getByLabel("Title", { exact: true }).fill(title);
  await org.getByLabel("Title in English (optional)").fill(en);
  await org.getByLabel("Starts", { exact: true }).fill(shanghai(-5));
  await org.getByLabel("Ends", { exact: true }).fill(shanghai(60));
  await org.getByRole("button", { name: "Put on the schedule" }).click();
  await org.getByRole("row").filter({ hasText: en }).getByRole("link", { name: en }).click();
  await expect(org.getByRole("heading", { level: 1 })).toHaveText(en);
  await hydrated(org);
  const roomUrl = org.url();

  // Speakers, the agenda (a time outside the slot refused first) and a fallback video.
  await org.getByText("Edit the programme and videos").click();
  await org.getByLabel("Name", { exact: true }).fill("周明");
  await org.getByLabel("Company and title").fill("Ningbo Port Group · CTO");
  await org.getByLabel("Bio", { exact: true }).fill("二十年港口自动化经验。");
  await org.getByLabel("Bio in English").fill("Twenty years of port automation.");
  await org.getByRole("button", { name: "Add speaker" }).click();
  await expect(org.locator(".live-speaker")).toContainText("Twenty years of port automation.");
  await org.getByLabel("Starts at").fill(shanghai(120));
  await org.locator("#live-agenda-item-title").fill("开场致辞");
  await org.locator("#live-agenda-item-title-en").fill("Opening remarks");
  await org.getByLabel("Speaker", { exact: true }).selectOption({ label: "周明" });
  // The picker keeps the time within the slot: the browser refuses the form before sending it.
  await org.getByRole("button", { name: "Add to the agenda" }).click();
  expect(await org.getByLabel("Starts at").evaluate((i) => (i as HTMLInputElement).validity.rangeOverflow)).toBe(true);
  await expect(org.locator(".live-agenda")).toHaveCount(0);
  await org.getByLabel("Starts at").fill(shanghai(-5));
  await org.getByRole("button", { name: "Add to the agenda" }).click();
  await expect(org.locator(".live-agenda")).toContainText("Opening remarks");
  await expect(org.locator(".live-agenda")).toContainText("周明");
  // The editor stayed open through each change.
  await org.getByLabel("Upload a fallback video").setInputFiles({
    name: "fallback.webm",
    mimeType: "video/webm",
    buffer: recordedVideo(),
  });
  await expect(org.getByText("A fallback video plays whenever the broadcast is due but not on air.")).toBeVisible();
  await org.screenshot({ path: "artifacts/live-programme-editor-en.png", fullPage: true });

  // The organizer goes live from the studio (in a tab of their own).
  const goLive = async () => {
    const page = await orgContext.newPage();
    await page.goto(`${roomUrl}/studio`);
    await hydrated(page);
    await expect
      .poll(() => page.locator("video.live-video").evaluate((v) => (v as HTMLVideoElement).videoWidth))
      .toBeGreaterThan(0);
    await page.getByRole("button", { name: "Go live" }).click();
    await expect(page.locator(".live-studio-status")).toHaveText("On air");
    return page;
  };
  const studio = await goLive();

  // A viewer in Chinese reads the agenda and the speaker's Chinese bio, and reacts; the
  // organizer's room page counts it at once.
  const buyer = await newBuyer(browser, baseURL!, "Wei Zhang");
  await setLanguage(buyer.context, baseURL!, "zh-CN");
  const viewer = buyer.page;
  const viewerProblems = watchConsole(viewer);
  await viewer.goto(roomUrl);
  await hydrated(viewer);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(viewer.getByRole("heading", { name: "议程" })).toBeVisible();
  await expect(viewer.locator(".live-agenda")).toContainText("开场致辞");
  await expect(viewer.locator(".live-speaker")).toContainText("二十年港口自动化经验。");
  await expect.poll(() => position(viewer), { timeout: 20_000 }).toBeGreaterThan(1);
  await org.reload();
  await hydrated(org);
  await viewer.getByRole("button", { name: /^鼓掌/ }).click();
  await expect(viewer.getByRole("button", { name: /^鼓掌/ })).toHaveAccessibleName(/^鼓掌（\u2068?1\u2069?）$/);
  await expect(org.getByRole("button", { name: /^Applause/ })).toHaveAccessibleName(/^Applause \(\u2068?1\u2069?\)$/);
  await viewer.screenshot({ path: "artifacts/live-programme-zh-CN.png", fullPage: true });

  // The presenter's connection drops: the viewer gets the fallback video until they are back.
  await studio.close();
  const fallback = viewer.getByLabel("直播未进行时播放的视频");
  await expect(fallback).toBeVisible();
  await expect(viewer.locator(".live-status-text")).toHaveText("直播中断了；主播回来后会在这里继续。");
  await expect
    .poll(() => fallback.evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0.5);
  await viewer.screenshot({ path: "artifacts/live-fallback-zh-CN.png", fullPage: true });
  const back = await goLive();
  await expect(fallback).toBeHidden({ timeout: 15_000 });
  await expect(viewer.locator(".live-status-text")).toHaveText("直播中");
  await back.getByRole("button", { name: "End the broadcast" }).click();
  await expect(viewer.locator(".live-status-text")).toHaveText("直播已结束。");

  // The replay: its chapter (from the agenda) takes the player back to where it began.
  await viewer.reload();
  await hydrated(viewer);
  const replay = viewer.getByLabel("回放", { exact: true });
  await expect(replay).toBeVisible();
  const chapter = viewer.locator(".live-chapter").filter({ hasText: "开场致辞" });
  await expect(chapter).toContainText("0:00");
  await expect(chapter).toContainText("周明");
  await replay.evaluate(
    (v) =>
      new Promise<void>((resolve) => {
        const video = v as HTMLVideoElement;
        video.muted = true;
        const go = () => {
          video.addEventListener("seeked", () => resolve(), { once: true });
          video.currentTime = 2;
        };
        if (video.readyState >= 1) go();
        else video.addEventListener("loadedmetadata", go, { once: true });
      }),
  );
  expect(await replay.evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeGreaterThan(1.5);
  await chapter.click();
  await expect.poll(() => replay.evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeLessThan(1.5);
  await viewer.screenshot({ path: "artifacts/live-chapters-zh-CN.png", fullPage: true });

  // The replay library: under the marine hall, and not under another hall.
  await viewer.goto("/live");
  await hydrated(viewer);
  await viewer.getByRole("link", { name: "回放库" }).click();
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("回放库");
  await viewer.getByLabel("展馆（行业）").selectOption("marine");
  await viewer.getByRole("button", { name: "显示" }).click();
  await expect(viewer).toHaveURL(/\/live\/replays\?hall=marine/);
  await expect(viewer.locator(".replay-card").filter({ hasText: title })).toBeVisible();
  await viewer.screenshot({ path: "artifacts/live-replays-zh-CN.png", fullPage: true });
  await viewer.getByLabel("展馆（行业）").selectOption("food");
  await viewer.getByRole("button", { name: "显示" }).click();
  await expect(viewer).toHaveURL(/hall=food/);
  await expect(viewer.locator(".replay-card").filter({ hasText: title })).toHaveCount(0);

  expect(orgProblems).toEqual([]);
  expect(viewerProblems).toEqual([]);
  await orgContext.close();
  await buyer.context.close();
});

test("a presenter pauses for 30 s: the broadcast stays on air, and the replay leaves the pause out", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const run = Date.now() % 1_000_000;
  const en = `Pause test ${run}`;
  const context = await browser.newContext();
  const org = await context.newPage();
  const problems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "en");
  const roomUrl = await scheduleForum(org, en);
  await org.goto(`${roomUrl}/studio`);
  await hydrated(org);
  const preview = org.locator("video.live-video");
  await expect.poll(() => preview.evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
  await org.getByRole("button", { name: "Go live" }).click();
  const status = org.locator(".live-studio-status");
  await expect(status).toHaveText("On air");
  await org.waitForTimeout(3_000);
  await org.getByRole("button", { name: "Pause" }).click();
  await expect(status).toHaveText("Paused");
  // Longer than the 20 s after which the server drops a silent broadcaster: it is never
  // reconnecting, it stays paused.
  for (let i = 0; i < 30; i++) {
    await org.waitForTimeout(1_000);
    expect(await status.textContent()).toBe("Paused");
  }
  await org.getByRole("button", { name: "Resume" }).click();
  await expect(status).toHaveText("On air");
  await org.waitForTimeout(3_000);
  await org.screenshot({ path: "artifacts/live-studio-after-pause-en.png", fullPage: true });
  await org.getByRole("button", { name: "End the broadcast" }).click();
  await expect(status).not.toHaveText("On air");
  // The replay holds the time on air, not the pause: about 6 s of the 36 s.
  await org.goto(roomUrl);
  await hydrated(org);
  const replay = org.getByLabel("Replay", { exact: true });
  await expect(replay).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(() => replay.evaluate((v) => (v as HTMLVideoElement).duration), { timeout: 15_000 })
    .toBeGreaterThan(2);
  const duration = await replay.evaluate((v) => (v as HTMLVideoElement).duration);
  expect(duration).toBeLessThan(20);
  expect(problems).toEqual([]);
  await context.close();
});
