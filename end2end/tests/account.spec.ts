import { test, expect } from "@playwright/test";
import { hydrated, setLanguage, uniqueEmail, watchConsole } from "./helpers";

const PASSWORD = "a long enough password";

test.describe("accounts", () => {
  test("register, sign out, sign in: the name shows in the header", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    await setLanguage(context, baseURL!, "en");
    const page = await context.newPage();
    const problems = watchConsole(page);
    const email = uniqueEmail("li.wei");
    await page.goto("/register");
    await hydrated(page);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Your name").fill("Li Wei");
    await page.getByLabel("Company (optional)").fill("Weihai Marine Co.");
    await page.getByLabel("Country or region").selectOption("CN");
    await page.getByLabel("Preferred language").selectOption("en");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("account-name")).toHaveText("Li Wei");

    await page.getByRole("button", { name: "Account" }).or(page.locator("details.account-menu > summary")).first().click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("account-name")).toHaveCount(0);

    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("account-name")).toHaveText("Li Wei");
    // The session survives a reload (cookie stored by the server).
    await page.reload();
    await expect(page.getByTestId("account-name")).toHaveText("Li Wei");
    await page.screenshot({ path: "artifacts/signed-in-en.png" });
    expect(problems).toEqual([]);
    await context.close();
  });

  test("bad fields get localized errors and nothing is lost", async ({ page }) => {
    await page.goto("/register");
    await hydrated(page);
    await page.getByLabel("电子邮箱").fill("not-an-email");
    await page.getByLabel("密码").fill("short");
    await page.getByLabel("姓名").fill("王");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByRole("alert")).toContainText("请修改标出的字段");
    await expect(page.locator("#register-email-error")).toHaveText(/请输入有效的电子邮箱/);
    await expect(page.locator("#register-password-error")).toHaveText("密码太短。");
    await expect(page.getByLabel("电子邮箱")).toHaveValue("not-an-email");
    await expect(page.getByLabel("电子邮箱")).toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: "artifacts/register-errors-zh-CN.png", fullPage: true });
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel("电子邮箱").fill("visitor@expo.example");
    await page.getByLabel("密码").fill("wrong password!!");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert")).toHaveText("邮箱或密码错误。");
  });

  test("the demo organizer can sign in", async ({ page }) => {
    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel("电子邮箱").fill("organizer@expo.example");
    await page.getByLabel("密码").fill("expo-demo-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("account-name")).toContainText("Organizer");
  });
});

test.describe("accounts without JavaScript", () => {
  test("sign-in works as a plain form, errors included", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("电子邮箱").fill("buyer@expo.example");
    await page.getByLabel("密码").fill("not the password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert")).toHaveText("邮箱或密码错误。");
    await page.getByLabel("电子邮箱").fill("buyer@expo.example");
    await page.getByLabel("密码").fill("expo-demo-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("account-name")).toHaveText("Anna Petrova (Buyer)");
    await context.close();
  });
});
