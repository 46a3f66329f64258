import { test, expect } from "@playwright/test";
import { hydrated, setLanguage, uniqueEmail, watchConsole } from "./helpers";

test("a visitor keeps a booth and a product as favorites; they survive a reload and list on My favorites", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await setLanguage(context, baseURL!, "en");
  const page = await context.newPage();
  const problems = watchConsole(page);
  // Not signed in: the heart asks to sign in.
  await page.goto("/halls/food");
  await hydrated(page);
  await page.getByRole("button", { name: "List" }).click();
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/exhibitors\//);
  await hydrated(page);
  const boothUrl = page.url();
  const signIn = page.getByRole("link", { name: "Favorite" });
  await expect(signIn).toHaveAttribute("title", "Sign in to keep favorites");
  expect(await signIn.getAttribute("href")).toBe(`/login?next=${new URL(boothUrl).pathname}`);
  // Signed in: it turns on and stays on.
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("E-mail").fill(uniqueEmail("fav"));
  await page.getByLabel("Password").fill("expo-demo-2026");
  await page.getByLabel("Your name").fill("Ana Costa");
  await page.getByLabel("Country or region").selectOption("BR");
  await page.getByLabel("Preferred language").selectOption("en");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-name")).toHaveText("Ana Costa");
  await page.goto(boothUrl);
  await hydrated(page);
  await page.getByRole("button", { name: "Favorite" }).click();
  await expect(page.getByRole("button", { name: "Favorite" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("button", { name: "Favorite" })).toHaveAttribute("aria-pressed", "true");
  const company = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  await page.locator(".product-card a").first().click();
  await expect(page).toHaveURL(/\/products\//);
  await hydrated(page);
  const product = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  await page.getByRole("button", { name: "Favorite" }).click();
  await expect(page.getByRole("button", { name: "Favorite" })).toHaveAttribute("aria-pressed", "true");
  // Rendered by the server for a signed-in person, the product page hydrates and remembers.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("button", { name: "Favorite" })).toHaveAttribute("aria-pressed", "true");
  // My favorites lists both.
  await page.locator("details.account-menu > summary").click();
  await page.getByRole("link", { name: "My favorites" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My favorites");
  await expect(page.getByRole("link", { name: company })).toBeVisible();
  await expect(page.getByRole("link", { name: product })).toBeVisible();
  await page.screenshot({ path: "artifacts/favorites-en.png", fullPage: true });
  // Turning the booth off takes it off the list.
  await page.goto(boothUrl);
  await hydrated(page);
  await page.getByRole("button", { name: "Favorite" }).click();
  await expect(page.getByRole("button", { name: "Favorite" })).toHaveAttribute("aria-pressed", "false");
  await page.goto("/favorites");
  await expect(page.getByRole("link", { name: company })).toHaveCount(0);
  await expect(page.getByRole("link", { name: product })).toBeVisible();
  // The same page in Chinese.
  await context.addCookies([{ name: "lang", value: "zh-CN", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的收藏");
  await expect(page.getByRole("heading", { name: /产品（\W*1\W*）/ })).toBeVisible();
  // No empty section for booths once none is kept.
  await expect(page.getByRole("heading", { name: /展位/ })).toHaveCount(0);
  await page.screenshot({ path: "artifacts/favorites-zh-CN.png", fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
});
