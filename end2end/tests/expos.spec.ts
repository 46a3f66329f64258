import { test, expect, Page, request as playwrightRequest } from "@playwright/test";
import * as net from "net";
import { hydrated, setLanguage, uniqueEmail, watchConsole, signInOrganizer } from "./helpers";

/** A picture made in the page: a blue disc with a white letter, as PNG bytes. */
async function logoPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement("canvas");
    c.width = 240;
    c.height = 120;
    const g = c.getContext("2d")!;
    g.fillStyle = "#0b5cad";
    g.beginPath();
    g.arc(60, 60, 56, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = "#ffffff";
    g.font = "bold 64px sans-serif";
    g.fillText("E", 40, 84);
    return c.toDataURL("image/png");
  });
  return Buffer.from(dataUrl.split(",")[1], "base64");
}

test("an organizer creates a second expo, switches the console between expos and gives the public one a logo", async ({
  browser,
  baseURL,
}) => {
  const suffix = `${Date.now() % 100000}`;
  const name = `Autumn Food Expo ${suffix}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInOrganizer(page, baseURL!, "en");
  await page.goto("/dashboard");
  await hydrated(page);
  await page.getByRole("link", { name: /^Expos/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Expos");
  await hydrated(page);
  // One expo so far: the public one, managed.
  const rows = page.locator(".expos-table tbody tr");
  const before = await rows.count();
  const publicRow = rows.filter({ has: page.locator(".badge-public") });
  await expect(publicRow).toHaveCount(1);
  await expect(publicRow).toContainText("Managing");

  // A name is required and the dates must be in order.
  await page.getByLabel("Last day").fill("2027-09-01");
  await page.getByLabel("First day").fill("2027-09-05");
  await page.getByRole("button", { name: "Create the expo" }).click();
  await expect(page.getByText("The end cannot come before the start.")).toBeVisible();
  await page.locator("#expos-new-name-en").fill(name);
  await page.getByLabel("Last day").fill("2027-09-08");
  await page.getByRole("button", { name: "Create the expo" }).click();

  // The console now manages the new expo, which visitors do not see yet.
  await expect(page).toHaveURL(/\/dashboard\/setup$/);
  await expect(page.locator(".setup-managing")).toContainText(new RegExp(`Managing: \u2068?${name}`));
  await expect(page.locator(".setup-managing")).toContainText("Not public yet");
  await expect(page.getByText("No logo yet")).toBeVisible();
  const landing = await (await page.request.get("/")).text();
  expect(landing).not.toContain(name);

  // Back to the list: two expos, the new one managed, the public one not.
  await page.getByRole("link", { name: "All expos" }).click();
  await hydrated(page);
  await expect(rows).toHaveCount(before + 1);
  const created = rows.filter({ hasText: name });
  await expect(created).toContainText("Managing");
  await expect(created.getByRole("button", { name: new RegExp(`^Make \u2068?${name}\u2069? the public expo$`) })).toBeVisible();
  await page.screenshot({ path: "artifacts/expos-en.png", fullPage: true });
  await expect(publicRow).not.toContainText("Managing");
  await publicRow.getByRole("button", { name: /^Manage / }).click();
  await expect(page).toHaveURL(/\/dashboard\/setup$/);
  await expect(page.locator(".setup-managing")).toContainText("Public");
  await hydrated(page);

  // A logo for the public expo: a file that is not a picture is refused with the reason.
  await page.getByLabel("Logo picture").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
  await page.getByRole("button", { name: "Upload the logo" }).click();
  await expect(page.getByRole("alert")).toContainText("This must be a JPEG, PNG or WebP picture.");
  await hydrated(page);
  await page.getByLabel("Logo picture").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await logoPng(page) });
  await page.getByRole("button", { name: "Upload the logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The logo has been saved." })).toBeVisible();
  await expect(page.getByRole("img", { name: "The expo's logo" })).toBeVisible();
  // Every page's header shows it, loaded.
  await page.goto("/halls");
  await hydrated(page);
  const headerLogo = page.locator("header img.brand-logo");
  await expect(headerLogo).toBeVisible();
  expect(await headerLogo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await page.screenshot({ path: "artifacts/logo-header-en.png" });

  // The same console in Chinese.
  await setLanguage(context, baseURL!, "zh-CN");
  await page.goto("/dashboard/setup");
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "标志" })).toBeVisible();
  await page.screenshot({ path: "artifacts/setup-logo-zh.png", fullPage: true });
  await page.goto("/dashboard/expos");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("展会");
  await expect(rows.filter({ hasText: name }).getByRole("button", { name: "设为公开" })).toBeVisible();
  await page.screenshot({ path: "artifacts/expos-zh.png", fullPage: true });

  // Removed again (the other browser tests expect the platform's mark).
  await page.goto("/dashboard/setup");
  await hydrated(page);
  await page.getByRole("button", { name: "删除标志" }).click();
  await expect(page.getByRole("status").filter({ hasText: "标志已删除。" })).toBeVisible();
  await expect(page.locator("header .brand-mark")).toBeVisible();
  await expect(page.locator("header img.brand-logo")).toHaveCount(0);
  expect(problems.filter((p) => !p.includes("422") && !p.includes("status of 4"))).toEqual([]);
  await context.close();
});

/** A minimal SMTP sink on loopback that keeps every message it is given. */
function smtpSink(port: number): Promise<{ messages: string[]; close: () => void }> {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let data = false;
    let buffer = "";
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      while (true) {
        if (data) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = false;
          socket.write("250 queued\r\n");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl).toUpperCase();
        buffer = buffer.slice(nl + 2);
        if (line.startsWith("EHLO")) socket.write("250-sink\r\n250 8BITMIME\r\n");
        else if (line.startsWith("DATA")) {
          data = true;
          socket.write("354 go on\r\n");
        } else if (line.startsWith("QUIT")) {
          socket.end("221 bye\r\n");
          return;
        } else socket.write("250 ok\r\n");
      }
    });
    socket.on("error", () => {});
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve({ messages, close: () => server.close() }));
  });
}

/** The reset link in a mail as sent (quoted-printable or base64 bodies decoded). */
function resetLink(message: string): string | undefined {
  const [head, ...rest] = message.split("\r\n\r\n");
  let body = rest.join("\r\n\r\n");
  if (/content-transfer-encoding:\s*base64/i.test(head)) body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head))
    body = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  return body.match(/https?:\/\/[^\s]+\/reset-password\?token=[A-Za-z0-9_-]+/)?.[0];
}

test("a person who forgot the password gets a link by e-mail, chooses a new one and signs in with it", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const port = Number(process.env.SMTP_PORT ?? "0");
  expect(port, "SMTP_PORT names the sink the server sends to").toBeGreaterThan(0);
  const sink = await smtpSink(port);
  try {
    const email = uniqueEmail("forgot");
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { accept: "application/json" } });
    const reg = await api.post("/api/account/register", {
      form: {
        "input[email]": email,
        "input[password]": "first password 123",
        "input[display_name]": "Forgetful Buyer",
        "input[company]": "",
        "input[country]": "DE",
        "input[language]": "en",
      },
    });
    expect(reg.ok()).toBeTruthy();
    await api.dispose();

    const context = await browser.newContext();
    await setLanguage(context, baseURL!, "en");
    const page = await context.newPage();
    await page.goto("/login");
    await hydrated(page);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
    await hydrated(page);
    await page.getByLabel("E-mail").fill("not an address");
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account uses this address, we have sent a link to it.");
    await page.screenshot({ path: "artifacts/forgot-sent-en.png" });

    // The mail arrives (the outbox is sent every 10 seconds).
    let link: string | undefined;
    await expect
      .poll(() => {
        link = sink.messages.filter((m) => m.includes(email)).map(resetLink).find(Boolean);
        return link;
      }, { timeout: 40_000 })
      .toBeTruthy();
    const mail = sink.messages.find((m) => m.includes(email))!;
    expect(mail).toMatch(/Subject: Reset your password/);

    await page.goto(link!.replace(/^https?:\/\/[^/]+/, ""));
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
    await page.getByLabel("New password", { exact: true }).fill("second password 456");
    await page.getByLabel("New password again").fill("second password 457");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await expect(page.getByText("The two passwords are not the same.")).toBeVisible();
    await page.getByLabel("New password again").fill("second password 456");
    await page.screenshot({ path: "artifacts/reset-form-en.png" });
    await page.getByRole("button", { name: "Save the new password" }).click();
    await expect(page).toHaveURL(/\/login\?reset=done/);
    await expect(page.getByRole("status")).toContainText("Your password has been changed.");
    await hydrated(page);
    await page.locator("#login-email").fill(email);
    await page.locator("#login-password").fill("second password 456");
    await page.locator("form:has(#login-email) button[type=submit]").click();
    await expect(page.getByTestId("account-name")).toHaveText("Forgetful Buyer");

    // The link works once: opened again it says so, in Chinese too.
    await setLanguage(context, baseURL!, "zh-CN");
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, ""));
    await expect(page.getByRole("alert")).toHaveText("此链接已过期或已被使用。");
    await expect(page.getByRole("link", { name: "重新获取链接" })).toBeVisible();
    await page.screenshot({ path: "artifacts/reset-used-zh.png" });
    await context.close();
  } finally {
    sink.close();
  }
});
