import { test, expect } from "@playwright/test";
import { hydrated, setLanguage, watchConsole } from "./helpers";

test("instant search from the header: suggestions while typing, chosen with the keyboard (English)", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await setLanguage(context, baseURL!, "en");
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto("/halls");
  await hydrated(page);
  const box = page.getByRole("combobox", { name: "Search products and exhibitors" });
  await box.click();
  await box.pressSequentially("marine eng", { delay: 40 });
  const list = page.getByRole("listbox", { name: "Suggestions" });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const options = list.getByRole("option");
  expect(await options.count()).toBeGreaterThan(1);
  // The typed words are marked in the suggestions.
  await expect(options.first().locator("mark").first()).toBeVisible();
  await page.screenshot({ path: "artifacts/search-suggestions-en.png" });
  // Arrow keys move through the list (wrapping), Enter opens the active one.
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", "header-search-option-1");
  await box.press("ArrowUp");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  const chosen = (await options.nth(0).locator(".suggestion-name").textContent())!.trim();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/(products|exhibitors)\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(chosen);
  // Escape closes the list without leaving the page.
  const here = page.url();
  await box.fill("");
  await box.pressSequentially("propeller", { delay: 40 });
  await expect(list).toBeVisible();
  await box.press("Escape");
  await expect(list).toBeHidden();
  expect(page.url()).toBe(here);
  expect(problems).toEqual([]);
  await context.close();
});

test("the results page: filters with counts, sorting, pages, the empty state (Chinese)", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await setLanguage(context, baseURL!, "zh-CN");
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto("/");
  await hydrated(page);
  // Enter without choosing a suggestion runs the search.
  const box = page.getByRole("combobox", { name: "搜索产品和展商" });
  await box.fill("发动机");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("搜索");
  const summary = page.locator(".search-summary");
  await expect(summary).toContainText(/“\u2068?发动机\u2069?”共/);
  const totalOf = async () => Number((await summary.textContent())!.match(/共 \u2068?(\d+)/)![1]);
  const total = await totalOf();
  expect(total).toBeGreaterThan(1);
  // The hall filter: its count is the number of results once chosen.
  const halls = page.getByRole("region", { name: "展馆" });
  const marine = halls.getByRole("link", { name: /海洋装备馆/ });
  const count = Number(await marine.locator(".facet-count").textContent());
  await marine.click();
  await expect(page).toHaveURL(/hall=marine/);
  await expect.poll(totalOf).toBe(count);
  await expect(page.locator(".search-hit")).toHaveCount(Math.min(count, 20));
  await expect(halls.getByRole("link", { name: /海洋装备馆/ })).toHaveAttribute("aria-current", "true");
  await page.screenshot({ path: "artifacts/search-results-zh-CN.png", fullPage: true });
  // Sorting by price keeps the filter.
  await page.getByLabel("排序").selectOption("price_asc");
  await page.locator("form.search-form").getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/sort=price_asc/);
  await expect(page).toHaveURL(/hall=marine/);
  // Choosing the filter again removes it.
  await halls.getByRole("link", { name: /海洋装备馆/ }).click();
  await expect(page).not.toHaveURL(/hall=marine/);
  await expect.poll(totalOf).toBe(total);
  // A search that finds nothing says what to try.
  await page.goto("/search?q=qwxzvjj");
  await hydrated(page);
  await expect(page.getByText("没有找到匹配的结果")).toBeVisible();
  await expect(page.getByRole("link", { name: "或按行业浏览展馆" })).toBeVisible();
  // Bad paging and unknown filters are explained, not errors.
  await page.goto("/search?q=engine&page=abc&hall=atlantis");
  await hydrated(page);
  await expect(page.getByRole("status").filter({ hasText: "筛选条件" })).toContainText("atlantis");
  expect(problems).toEqual([]);
  await context.close();
});

test("the search page works without JavaScript, and in English", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await setLanguage(context, baseURL!, "en");
  const page = await context.newPage();
  await page.goto("/search");
  await page.getByLabel("Search products and exhibitors", { exact: true }).last().fill("marine engine");
  await page.getByRole("button", { name: "Search", exact: true }).last().click();
  await expect(page).toHaveURL(/\/search\?q=marine\+engine/);
  await expect(page.locator(".search-summary")).toContainText(/results for “\u2068?marine engine\u2069?”/);
  await expect(page.locator(".search-hit mark").first()).toBeVisible();
  await page.getByRole("region", { name: "Type" }).getByRole("link", { name: /Exhibitor/ }).click();
  await expect(page).toHaveURL(/kind=exhibitor/);
  await expect(page.locator(".search-hit").first()).toHaveAttribute("data-kind", "exhibitor");
  await page.screenshot({ path: "artifacts/search-results-en-nojs.png", fullPage: true });
  // A product page found this way carries its card for link previews: picture and address.
  await page.goto("/search?q=marine+engine&kind=product");
  await page.locator(".product-hit h3 a").first().click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", page.url());
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http:\/\/127\.0\.0\.1:\d+\/media\//);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await context.close();
});
