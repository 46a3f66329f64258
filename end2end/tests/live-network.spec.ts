// The studio on real networks: a connection that drops without a word, and a shared screen.
import { test, expect, Page } from "@playwright/test";
import * as net from "net";
import { hydrated, newBuyer, scheduleForum, signInOrganizer, watchConsole } from "./helpers";

/** A loopback TCP relay in front of the server whose connections can be cut as a dropped
 * network cuts them: the browser's side is reset (no WebSocket close frame), the server's side
 * is left open and silent, so the server has not noticed anything when the browser comes back. */
async function relay(baseURL: string) {
  const target = new URL(baseURL);
  const pairs: { client: net.Socket; upstream: net.Socket }[] = [];
  const orphans: net.Socket[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    client.on("error", () => {});
    upstream.on("error", () => {});
    client.pipe(upstream);
    upstream.pipe(client);
    pairs.push({ client, upstream });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Drops every connection open now. */
    cut() {
      for (const { client, upstream } of pairs.splice(0)) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        // Whatever the server still sends goes nowhere.
        upstream.on("data", () => {});
        orphans.push(upstream);
        client.resetAndDestroy();
      }
    },
    close() {
      for (const s of [...orphans, ...pairs.flatMap((p) => [p.client, p.upstream])]) s.destroy();
      server.close();
    },
  };
}

/** The live player's playback position. */
async function position(page: Page): Promise<number> {
  return page.locator(".live-stage > video.live-video").evaluate((v) => (v as HTMLVideoElement).currentTime);
}

test("a presenter's network drops without a close frame: the studio reconnects and the broadcast goes on", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const run = Date.now() % 1_000_000;
  const title = `Network drop test ${run}`;
  const context = await browser.newContext();
  const org = await context.newPage();
  await signInOrganizer(org, baseURL!, "en");
  const roomUrl = await scheduleForum(org, title);

  // The studio reaches the server through the relay (the session cookie is the same host's).
  const network = await relay(baseURL!);
  try {
    const studio = await context.newPage();
    const problems = watchConsole(studio);
    await studio.goto(`${network.url}${new URL(roomUrl).pathname}/studio`);
    await hydrated(studio);
    const preview = studio.locator("video.live-video");
    await expect.poll(() => preview.evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
    await studio.getByRole("button", { name: "Go live" }).click();
    const status = studio.locator(".live-studio-status");
    await expect(status).toHaveText("On air");

    // A buyer watches, directly.
    const buyer = await newBuyer(browser, baseURL!, "Mira Holm");
    const viewer = buyer.page;
    await viewer.goto(roomUrl);
    await hydrated(viewer);
    await expect.poll(() => position(viewer), { timeout: 20_000 }).toBeGreaterThan(1);

    // The presenter's network drops. The server still holds the old connection (it has heard
    // nothing), and the studio's new one takes its place instead of being refused as busy.
    network.cut();
    await expect(status).toHaveText("Connection lost, reconnecting…");
    await expect(status).toHaveText("On air", { timeout: 20_000 });
    await expect(studio.getByRole("alert")).toHaveCount(0);
    for (let i = 0; i < 5; i++) {
      await studio.waitForTimeout(1_000);
      expect(await status.textContent()).toBe("On air");
    }
    // The viewer's picture goes on from the new connection.
    const at = await position(viewer);
    await expect.poll(() => position(viewer), { timeout: 20_000 }).toBeGreaterThan(at + 2);
    await studio.screenshot({ path: "artifacts/live-studio-after-drop-en.png", fullPage: true });

    await studio.getByRole("button", { name: "End the broadcast" }).click();
    await expect(status).not.toHaveText("On air");
    await expect(viewer.locator(".live-status-text")).toHaveText("The broadcast has ended.");
    expect(problems).toEqual([]);
    await buyer.context.close();
  } finally {
    network.close();
  }
  await context.close();
});

test("a presenter shares a screen: the broadcast carries the screen's picture and the microphone", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const run = Date.now() % 1_000_000;
  const title = `Screen share test ${run}`;
  const context = await browser.newContext();
  const org = await context.newPage();
  const problems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "en");
  const roomUrl = await scheduleForum(org, title);
  await org.goto(`${roomUrl}/studio`);
  await hydrated(org);
  await org.getByLabel("Source").selectOption("screen");
  const preview = org.locator("video.live-video");
  await expect.poll(() => preview.evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
  // The screen's picture and the microphone's sound, in one stream.
  const tracks = await preview.evaluate((v) => {
    const s = (v as HTMLVideoElement).srcObject as MediaStream;
    return {
      video: s.getVideoTracks().map((t) => (t.getSettings() as { displaySurface?: string }).displaySurface ?? ""),
      audio: s.getAudioTracks().length,
    };
  });
  expect(tracks.video).toHaveLength(1);
  expect(tracks.video[0]).not.toBe("");
  expect(tracks.audio).toBe(1);
  await org.getByRole("button", { name: "Go live" }).click();
  const status = org.locator(".live-studio-status");
  await expect(status).toHaveText("On air");
  await org.waitForTimeout(5_000);
  await org.screenshot({ path: "artifacts/live-studio-screen-en.png", fullPage: true });
  await org.getByRole("button", { name: "End the broadcast" }).click();
  await expect(status).not.toHaveText("On air");

  // The replay has a picture and sound: the browser decodes both.
  await org.goto(roomUrl);
  await hydrated(org);
  const replay = org.getByLabel("Replay", { exact: true });
  await expect(replay).toBeVisible({ timeout: 15_000 });
  await replay.evaluate((v) => {
    const video = v as HTMLVideoElement;
    video.muted = true;
    return video.play();
  });
  await expect
    .poll(() => replay.evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 15_000 })
    .toBeGreaterThan(1);
  const decoded = await replay.evaluate((v) => {
    const video = v as HTMLVideoElement & { webkitAudioDecodedByteCount: number; webkitVideoDecodedByteCount: number };
    return { audio: video.webkitAudioDecodedByteCount, video: video.webkitVideoDecodedByteCount, width: video.videoWidth };
  });
  expect(decoded.width).toBeGreaterThan(0);
  expect(decoded.video).toBeGreaterThan(0);
  expect(decoded.audio).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});
