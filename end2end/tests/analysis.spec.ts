import { test, expect, Page } from "@playwright/test";
import * as fs from "fs";
import { exhibitor, hydrated, openBoothM01, plain, setLanguage, signInOrganizer, watchConsole } from "./helpers";

// The analysis page: the organizer reads the whole expo in Chinese and English, filters a day,
// opens a booth and exports a table; a booth's team reads its own booth with its leads.

test("the organizer analyses the expo, a day and a booth, and exports a table", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // Someone walks booth M-01 today.
  const visitorContext = await browser.newContext({
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 analysis-${Date.now()}`,
  });
  await setLanguage(visitorContext, baseURL!, "en");
  const visitor = await visitorContext.newPage();
  const beacon = visitor.waitForRequest(
    (r) => r.url().includes("/api/footprint") && (r.postData() ?? "").includes("target=booth"),
  );
  await openBoothM01(visitor, "List");
  await beacon;
  await visitorContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInOrganizer(page, baseURL!, "zh-CN");
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /^数据分析/ }).click();
  await expect(page).toHaveURL(/\/analytics$/);
  await expect(page.getByRole("heading", { level: 1, name: "数据分析" })).toBeVisible();
  await hydrated(page);
  expect(Number((await page.getByTestId("analysis-visitors").textContent())!.replace(/[^0-9]/g, ""))).toBeGreaterThan(0);

  // Every chart is an image with a name, beside its table.
  const traffic = page.getByTestId("analysis-traffic");
  await expect(traffic.getByRole("heading", { name: "流量趋势" })).toBeVisible();
  await expect(traffic.getByRole("img", { name: "流量趋势" }).locator("svg")).toBeVisible();
  await expect(traffic.getByRole("table", { name: "流量趋势" })).toBeVisible();
  const funnel = page.getByTestId("analysis-funnel");
  await expect(funnel.getByRole("rowheader", { name: "浏览了展位" })).toBeVisible();
  await expect(funnel.getByRole("img", { name: "从浏览到成交" })).toBeVisible();
  await page.screenshot({ path: "artifacts/analysis-expo-zh.png", fullPage: true });

  // The funnel as CSV, in Chinese.
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    funnel.getByRole("link", { name: "导出 CSV" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe("analytics-funnel.csv");
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text).toContain("浏览了展位");
  expect(text.trim().split("\n")).toHaveLength(7);

  // Today only: the traffic hour by hour.
  await page.getByLabel("日期").selectOption({ index: 1 });
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page).toHaveURL(/[?&]day=\d{4}-\d{2}-\d{2}/);
  await expect(traffic.getByRole("columnheader", { name: "时段" })).toBeVisible();

  // A booth of its own, from the booths table.
  const booths = page.getByTestId("analysis-booths");
  const first = booths.getByRole("table").getByRole("link").first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/[?&]booth=/);
  await expect(page.getByTestId("analysis-heading")).toHaveText(`数据分析 · ${name}`);
  await expect(page.getByTestId("analysis-booths")).toHaveCount(0);
  await expect(page.getByTestId("analysis-whole")).toBeVisible();

  // The same in English.
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("analysis-heading")).toHaveText(/^Analysis · /);
  await expect(page.getByTestId("analysis-funnel").getByRole("rowheader", { name: "Viewed the booth" })).toBeVisible();
  await expect(page.getByTestId("analysis-traffic").getByRole("columnheader", { name: "Hour" })).toBeVisible();
  await page.getByTestId("analysis-whole").click();
  await expect(page.getByRole("heading", { level: 1, name: "Analysis" })).toBeVisible();
  await expect(page.getByTestId("analysis-halls").getByRole("table", { name: "Halls" })).toBeVisible();
  await page.screenshot({ path: "artifacts/analysis-expo-en.png", fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
});

test("a booth's team reads its own booth and its leads", async ({ browser, baseURL }) => {
  const { context, page } = await exhibitor(browser, baseURL!);
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /^您的展位分析/ }).click();
  await expect(page).toHaveURL(/\/analytics$/);
  await expect(page.getByTestId("analysis-heading")).toHaveText(/^数据分析 · /);
  await expect(page.getByTestId("analysis-leads").getByRole("table", { name: "各阶段的潜在客户" })).toBeVisible();
  // The expo's halls, booths and searches are the organizer's.
  await expect(page.getByTestId("analysis-halls")).toHaveCount(0);
  await expect(page.getByTestId("analysis-zero")).toHaveCount(0);
  await expect(page.getByLabel("展馆")).toHaveCount(0);
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("analysis-leads").getByRole("table", { name: "Your leads by stage" })).toBeVisible();
  await page.screenshot({ path: "artifacts/analysis-booth-en.png", fullPage: true });
  await context.close();
});

/** The text of every page of a PDF, as pdf.js reads it (white space and Fluent's invisible
 * isolation marks removed). */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  return plain(text).replace(/\s+/g, "");
}

/** Opens the PDF's first page in the browser with pdf.js and takes its picture. */
async function screenshotPdf(page: Page, bytes: Buffer, path: string) {
  const dist = "node_modules/pdfjs-dist/build";
  await page.route("https://pdf.test/**", (route) => {
    const name = new URL(route.request().url()).pathname;
    const files: Record<string, [string, string | Buffer]> = {
      "/": ["text/html", `<!doctype html><body style="margin:0;background:#888"><canvas id="c"></canvas><script type="module">
        import * as pdfjs from "/pdf.mjs";
        pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
        const doc = await pdfjs.getDocument({ url: "/report.pdf" }).promise;
        const p = await doc.getPage(1);
        const viewport = p.getViewport({ scale: 1.4 });
        const c = document.getElementById("c");
        c.width = viewport.width; c.height = viewport.height;
        await p.render({ canvasContext: c.getContext("2d"), viewport }).promise;
        document.body.dataset.pages = String(doc.numPages);
      </script></body>`],
      "/pdf.mjs": ["text/javascript", fs.readFileSync(`${dist}/pdf.mjs`)],
      "/pdf.worker.mjs": ["text/javascript", fs.readFileSync(`${dist}/pdf.worker.mjs`)],
      "/report.pdf": ["application/pdf", bytes],
    };
    const [contentType, body] = files[name] ?? ["text/plain", ""];
    return route.fulfill({ status: name in files ? 200 : 404, contentType, body });
  });
  await page.goto("https://pdf.test/");
  await expect(page.locator("body")).toHaveAttribute("data-pages", /^[1-9]\d*$/, { timeout: 30_000 });
  await page.screenshot({ path, fullPage: true });
}

test("the post-show report prints, downloads as a PDF with the page's totals, and goes to every booth team", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInOrganizer(page, baseURL!, "zh-CN");
  await page.goto("/analytics");
  await hydrated(page);
  await page.getByTestId("analysis-report").click();
  await expect(page).toHaveURL(/\/analytics\/report$/);
  await hydrated(page);
  const title = (await page.getByTestId("report-title").textContent())!;
  expect(title).toMatch(/^展后报告/);
  const visitors = (await page.getByTestId("report-visitors").textContent())!;
  const views = (await page.getByTestId("report-views").textContent())!;
  await expect(page.getByTestId("report-funnel").getByRole("img", { name: "从浏览到成交" })).toBeVisible();
  await page.screenshot({ path: "artifacts/report-expo-zh.png", fullPage: true });
  // On paper the site's header and the buttons are left out.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("report-pdf")).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The PDF has the heading and the same totals.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-pdf").click()]);
  expect(download.suggestedFilename()).toBe("report.pdf");
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(bytes);
  expect(text).toContain(plain(title).replace(/\s+/g, ""));
  expect(text).toContain(`访客${visitors}`.replace(/\s+/g, ""));
  expect(text).toContain(`页面浏览量${views}`.replace(/\s+/g, ""));
  expect(text).toContain("从浏览到成交");
  const viewer = await context.newPage();
  await screenshotPdf(viewer, bytes, "artifacts/report-expo-zh-pdf.png");

  // Every booth team gets its own.
  await page.getByRole("button", { name: "发送报告" }).click();
  await expect(page.getByTestId("report-sent")).toHaveText(/\d+/);
  expect(problems).toEqual([]);
  await context.close();

  // A booth's team, in English: its own booth's report and PDF.
  const team = await exhibitor(browser, baseURL!);
  await team.context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await team.page.goto("/analytics/report");
  await hydrated(team.page);
  await expect(team.page.getByTestId("report-title")).toHaveText(/^Post-show report: /);
  const booth = (await team.page.getByTestId("report-of").textContent())!;
  await expect(team.page.getByRole("button", { name: "Send the reports" })).toHaveCount(0);
  await expect(team.page.getByTestId("report-leads")).toBeVisible();
  await team.page.screenshot({ path: "artifacts/report-booth-en.png", fullPage: true });
  const [teamPdf] = await Promise.all([team.page.waitForEvent("download"), team.page.getByTestId("report-pdf").click()]);
  const teamBytes = fs.readFileSync((await teamPdf.path())!);
  const teamText = await pdfText(teamBytes);
  expect(teamText).toContain(plain(booth).replace(/\s+/g, ""));
  expect(teamText).toContain("Yourleadsbystage");
  await screenshotPdf(await team.context.newPage(), teamBytes, "artifacts/report-booth-en-pdf.png");
  await team.context.close();
});
