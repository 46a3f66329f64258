// The trade loop's inquiries: a buyer (en) asks booth M-01 for a quote, the booth's team
// (zh-CN) quotes, the buyer accepts, and the organizer's deal value rises live.
import { test, expect } from "@playwright/test";
import { exhibitor, following, hydrated, newBuyer, openBoothM01, plain, signInOrganizer, watchConsole } from "./helpers";

/** A whole small PDF, as a file chooser hands it over. */
function pdf(name: string) {
  const body = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n" + "x".repeat(1200) + "\nstartxref\n0\n%%EOF\n";
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body, "latin1") };
}

test("a buyer (en) asks for a quote, the booth (zh-CN) quotes, the buyer accepts; the organizer's deal value rises live", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const run = Date.now() % 1_000_000;
  const name = `Jonas Berg ${run}`;
  const buyer = await newBuyer(browser, baseURL!, name);
  const b = buyer.page;
  const buyerProblems = watchConsole(b);

  // From the booth page to the form; a missing destination is explained, nothing is sent.
  await openBoothM01(b, "List");
  await b.getByRole("link", { name: "Ask for a quote" }).click();
  await expect(b).toHaveURL(/\/inquiries\/new\?exhibitor=/);
  await hydrated(b);
  await expect(b.getByRole("heading", { level: 1 })).toHaveText("Ask for a quote");
  await b.getByLabel("Quantity").fill("200");
  await b.getByLabel("Currency").selectOption("USD");
  await b.getByLabel("Target price per unit").fill("1200");
  await b.getByLabel("Message").fill(`Need IMO Tier III engines, run ${run}.`);
  await b.getByRole("button", { name: "Send the inquiry" }).click();
  await expect(b.locator("#inquiry-destination-error")).toHaveText("Choose the destination country or region.");
  await expect(b).toHaveURL(/\/inquiries\/new/);
  await b.getByLabel("Destination country or region").selectOption("DE");
  await b.getByLabel("Port or city of destination").fill("Hamburg");
  // A drawing goes with the inquiry: uploaded as soon as it is chosen.
  await b.getByLabel("Files (drawings, specifications)").setInputFiles(pdf(`engine drawing ${run}.pdf`));
  await expect(b.locator(".inquiry-form-files")).toContainText(`engine drawing ${run}.pdf`);
  await expect(b.locator(".inquiry-form-files progress")).toHaveCount(0);
  await b.screenshot({ path: "artifacts/trade-form-files-en.png", fullPage: true });
  await b.getByRole("button", { name: "Send the inquiry" }).click();
  await expect(b).toHaveURL(/\/inquiries\/[0-9a-f-]{36}$/);
  await hydrated(b);
  await expect(b.locator(".inquiry-request")).toContainText("Waiting for a quote");
  const buyerFiles = b.locator("#inquiry-files");
  await expect(buyerFiles.getByRole("link", { name: new RegExp(`engine drawing ${run}\\.pdf`) })).toBeVisible();
  await expect(buyerFiles).toContainText(new RegExp(`From the buyer: \u2068?${name}\u2069?`));
  await expect(b.locator(".inquiry-request")).toContainText("Hamburg");
  await expect(b.getByText("The booth has not quoted yet.", { exact: false })).toBeVisible();

  // The organizer (en) watches the trade page.
  const orgContext = await browser.newContext();
  const org = await orgContext.newPage();
  const orgProblems = watchConsole(org);
  await signInOrganizer(org, baseURL!, "en");
  const orgFollows = following(org, "user:");
  await org.goto("/dashboard/trade");
  await hydrated(org);
  await orgFollows;
  await expect(org.getByRole("heading", { level: 1 })).toHaveText("Trade");
  const total = org.getByTestId("trade-deal-total");
  const before = plain(await total.textContent());
  expect(before).toMatch(/^USD \d+\.\d\d$/);

  // The booth's team (zh-CN) finds it and quotes.
  const team = await exhibitor(browser, baseURL!);
  const t = team.page;
  const teamProblems = watchConsole(t);
  await t.goto("/inquiries");
  await hydrated(t);
  await expect(t.getByRole("heading", { level: 1 })).toHaveText("询盘与报价");
  await t.getByRole("row").filter({ hasText: name }).getByRole("link", { name }).click();
  await hydrated(t);
  await expect(t.locator(".inquiry-request")).toContainText("Hamburg");
  // The team reads the buyer's drawing and answers with its price list (the page's form).
  const drawing = t.locator("#inquiry-files").getByRole("link", { name: new RegExp(`engine drawing ${run}\\.pdf`) });
  await expect(drawing).toBeVisible();
  const download = await t.request.get((await drawing.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  await t.getByLabel("添加文件").setInputFiles(pdf("价格表 2027.pdf"));
  await t.getByRole("button", { name: "附加", exact: true }).click();
  await expect(t).toHaveURL(/\/inquiries\/[0-9a-f-]{36}#inquiry-files$/);
  await hydrated(t);
  await expect(t.locator("#inquiry-files")).toContainText("价格表 2027.pdf");
  // The buyer's page shows it without a reload.
  await expect(buyerFiles).toContainText("价格表 2027.pdf");
  await expect(buyerFiles).toContainText("From the booth:");
  await t.getByLabel(/^品名 \u2068?1\u2069?$/).fill("船用柴油机 MD-450");
  await t.getByLabel(/^单价 \u2068?1\u2069?$/).fill("1150.50");
  await t.getByLabel("有效期至").fill("2099-12-31");
  await t.getByRole("button", { name: "发送报价" }).click();
  const quote = t.locator(".quote").first();
  await expect(quote).toContainText("USD 230100.00");
  await t.screenshot({ path: "artifacts/trade-quote-zh-CN.png", fullPage: true });

  // The buyer's page shows the quote without a reload, and the buyer accepts it.
  const offered = b.locator(".quote").first();
  await expect(offered).toContainText("USD 230100.00");
  await expect(offered).toContainText("船用柴油机 MD-450");
  await b.screenshot({ path: "artifacts/trade-inquiry-en.png", fullPage: true });
  await offered.getByRole("button", { name: "Accept this quote" }).click();
  await expect(b.locator(".inquiry-request")).toContainText("Accepted");
  await expect(b.locator(".deal-value")).toHaveText("USD 230100.00");

  // The organizer's deal value rose by the quote, live.
  const expected = (Number(before.replace("USD ", "")) + 230100).toFixed(2);
  await expect.poll(async () => plain(await total.textContent()), { timeout: 5_000 }).toBe(`USD ${expected}`);
  await org.screenshot({ path: "artifacts/trade-dashboard-en.png", fullPage: true });
  // The team sees the answer too.
  await expect(t.locator(".inquiry-request")).toContainText("已接受");

  // The refused first try answered 422, as it should; nothing else went wrong.
  expect(buyerProblems).toEqual(["console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]);
  expect(teamProblems).toEqual([]);
  expect(orgProblems).toEqual([]);
  await buyer.context.close();
  await team.context.close();
  await orgContext.close();
});

test("without JavaScript the inquiry form still sends, and errors come back with the page", async ({ browser, baseURL }) => {
  const buyer = await newBuyer(browser, baseURL!, "Nojs Buyer");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await buyer.context.cookies());
  const page = await context.newPage();
  await openBoothM01(buyer.page, "List");
  const exhibitorUrl = buyer.page.url();
  const id = exhibitorUrl.split("/").pop();
  await page.goto(`/inquiries/new?exhibitor=${id}`);
  await page.getByLabel("Quantity").fill("5");
  await page.getByLabel("Destination country or region").selectOption("KR");
  // Files are attached on the inquiry's page: the form says so instead of offering a field
  // whose file would be lost.
  await expect(page.getByText("You can attach drawings and specifications on the inquiry's page once it is sent.")).toBeVisible();
  await page.getByRole("button", { name: "Send the inquiry" }).click();
  await expect(page).toHaveURL(/\/inquiries\/[0-9a-f-]{36}$/);
  await expect(page.locator(".inquiry-request")).toContainText("Waiting for a quote");
  const files = page.locator("#inquiry-files");
  await expect(files).toContainText("No files yet.");
  // A refused file comes back with the reason; a PDF is attached.
  await page.getByLabel("Add a file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("plain words") });
  await page.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Only pictures (JPEG, PNG, WebP) and PDF files can be attached.");
  await page.getByLabel("Add a file").setInputFiles(pdf("specification.pdf"));
  await page.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(files.getByRole("link", { name: /specification\.pdf/ })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.screenshot({ path: "artifacts/trade-files-nojs-en.png", fullPage: true });
  // Its uploader removes it.
  await files.getByRole("button", { name: /^Remove \u2068?specification\.pdf\u2069?$/ }).click();
  await expect(files).toContainText("No files yet.");
  await buyer.context.close();
  await context.close();
});
