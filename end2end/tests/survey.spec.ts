import { test, expect } from "@playwright/test";
import * as fs from "fs";
import { hydrated, newBuyer, openBoothM01, plain, signInOrganizer, watchConsole } from "./helpers";

// Surveys: the organizer writes one in Chinese and English and sends it to the expo's visitors;
// a visitor gets it among their notifications, answers it in English (a required question left
// out is pointed at, nothing typed is lost) and cannot answer twice; the organizer reads the
// results with a chart and a table per question, in Chinese and English, and exports them.

const UNPROCESSABLE = "console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)";

test("a survey is written in two languages, answered once, and its results read", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  // A visitor of the expo: signed in, walks booth M-01.
  const { context: visitorContext, page: visitor } = await newBuyer(browser, baseURL!, "Survey Visitor");
  const visitorProblems = watchConsole(visitor);
  const beacon = visitor.waitForRequest((r) => r.url().includes("/api/footprint"));
  await openBoothM01(visitor, "List");
  await beacon;

  // The organizer writes the survey in Chinese.
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInOrganizer(page, baseURL!, "zh-CN");
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /^问卷调查/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "问卷调查" })).toBeVisible();
  await hydrated(page);
  await page.getByTestId("survey-new").click();
  await expect(page.getByTestId("survey-heading")).toHaveText("新建问卷");
  await hydrated(page);

  // Saving an empty survey points at what is missing.
  await page.getByTestId("survey-save").click();
  await expect(page.locator("#survey-title-error")).not.toBeEmpty();

  await page.getByLabel("标题", { exact: true }).fill(`展后满意度调查 ${stamp}`);
  await page.getByTestId("survey-add").click();
  const first = page.getByTestId("survey-question").nth(0);
  await first.getByTestId("survey-prompt").fill("您对本届展会的整体评价？");
  // Option inputs are labelled "选项 1", "选项 2" (visually hidden).
  await first.getByTestId("survey-option").nth(0).fill("很好");
  await first.getByTestId("survey-option").nth(1).fill("一般");
  await page.getByLabel("新题目的题型").selectOption("nps");
  await page.getByTestId("survey-add").click();
  const second = page.getByTestId("survey-question").nth(1);
  await second.getByTestId("survey-prompt").fill("您向同行推荐本展会的可能性有多大？");
  await second.getByLabel("必答").check();

  // The same in English: the Chinese stays as it was.
  await page.getByLabel("编写语言").selectOption("en");
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue("");
  await page.getByLabel("标题", { exact: true }).fill(`Post-show satisfaction ${stamp}`);
  await first.getByTestId("survey-prompt").fill("How was the expo overall?");
  await first.getByTestId("survey-option").nth(0).fill("Very good");
  await first.getByTestId("survey-option").nth(1).fill("Fair");
  await second.getByTestId("survey-prompt").fill("How likely are you to recommend the expo to a colleague?");
  await page.getByLabel("编写语言").selectOption("zh-CN");
  await expect(first.getByTestId("survey-prompt")).toHaveValue("您对本届展会的整体评价？");
  await page.getByLabel("发送对象").selectOption("visitors");
  await page.screenshot({ path: "artifacts/survey-builder-zh.png", fullPage: true });

  await page.getByTestId("survey-save").click();
  await expect(page).toHaveURL(/\/dashboard\/surveys\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("survey-heading")).toHaveText("编辑问卷");
  await hydrated(page);
  await expect(page.getByTestId("survey-status")).toHaveText("草稿");
  await page.getByTestId("survey-send").click();
  await expect(page.getByTestId("survey-notice")).toContainText("已发送给");
  await expect(page.getByTestId("survey-status")).toHaveText("进行中");
  const surveyPath = new URL(page.url()).pathname;
  const id = surveyPath.split("/").pop()!;

  // The visitor finds it among their notifications and answers in English.
  await visitor.goto("/dashboard");
  await hydrated(visitor);
  await visitor.getByRole("link", { name: new RegExp(`Post-show satisfaction ${stamp}`) }).click();
  await expect(visitor).toHaveURL(new RegExp(`/surveys/${id}$`));
  await expect(visitor.getByTestId("survey-answer-heading")).toHaveText(`Post-show satisfaction ${stamp}`);
  await hydrated(visitor);
  await visitor.getByRole("group", { name: /How was the expo overall/ }).getByLabel("Very good").check();
  // The required score left out: said next to it, the choice made kept.
  await visitor.getByTestId("survey-submit").click();
  const score = visitor.getByRole("group", { name: /recommend the expo/ });
  await expect(score.locator(".field-error")).toHaveText("Please answer this question.");
  await expect(visitor.getByLabel("Very good")).toBeChecked();
  await score.getByLabel("9", { exact: true }).check();
  await visitor.screenshot({ path: "artifacts/survey-answer-en.png", fullPage: true });
  await visitor.getByTestId("survey-submit").click();
  await expect(visitor.getByTestId("survey-thanks")).toHaveText("Thank you: your answers were received.");
  await visitor.reload();
  await expect(visitor.getByTestId("survey-state")).toContainText("You answered this survey on");
  await expect(visitor.getByTestId("survey-submit")).toHaveCount(0);
  // The one refusal (the score left out) is the only failed request.
  expect(visitorProblems).toEqual([UNPROCESSABLE]);
  await visitorContext.close();

  // The results, in Chinese: one answer, a chart and a table per choice question.
  await page.getByTestId("survey-results-link").click();
  await expect(page.getByTestId("survey-results-heading")).toHaveText(`展后满意度调查 ${stamp}`);
  await hydrated(page);
  await expect(page.getByTestId("survey-answered")).toHaveText("1");
  const overall = page.getByTestId("survey-result").nth(0);
  await expect(overall.getByRole("img", { name: "您对本届展会的整体评价？" }).locator("svg")).toBeVisible();
  await expect(overall.getByRole("row", { name: /很好/ }).getByRole("cell").first()).toHaveText("1");
  await expect(page.getByTestId("survey-result").nth(1).getByTestId("survey-summary")).toHaveText(/净推荐值：\D*100/);
  await page.screenshot({ path: "artifacts/survey-results-zh.png", fullPage: true });
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("survey-export-csv").click()]);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text).toContain("很好");
  expect(text.trim().split("\n")).toHaveLength(2);

  // And in English.
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("survey-results-heading")).toHaveText(`Post-show satisfaction ${stamp}`);
  await expect(page.getByTestId("survey-result").nth(0).getByRole("columnheader", { name: "Answer" })).toBeVisible();
  expect(plain(await page.getByTestId("survey-result").nth(1).getByTestId("survey-summary").textContent())).toBe("Net promoter score: 100");
  await page.screenshot({ path: "artifacts/survey-results-en.png", fullPage: true });
  // The one refusal (the empty survey saved) is the only failed request.
  expect(problems).toEqual([UNPROCESSABLE]);
  await context.close();
});
