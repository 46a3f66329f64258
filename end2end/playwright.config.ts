// Browser tests run against a server that `cargo xtask test` starts (BASE_URL) with a freshly
// seeded database, in Debian's Chromium (browsers cannot be downloaded on these machines).
import { defineConfig } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  // A test is several people in several pages of a WASM app on a 2-core machine that also runs
  // the server: the longer walks take 20–30 s there when it is busy. Each expectation keeps its
  // own 10 s limit; this is only the budget of a whole test.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    // The product's default language; tests that need another set the cookie or header.
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Meetings: a generated camera and microphone, permission granted without a prompt.
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
