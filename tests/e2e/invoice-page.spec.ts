import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { formatMoney } from "@/lib/money/money";
import { formatBankgiro } from "@/lib/references/giro";
import { validateOcr } from "@/lib/references/ocr";
import { type ExpectedInvoice, expectedInvoices } from "./demo-data";
import { expect, type Fixtures, test } from "./fixtures";

/** An open invoice of a customer of the test's own company, with earlier invoices. */
async function openInvoice(fixtures: Fixtures, locale: "sv" | "en" = "sv") {
  const organization = await fixtures.organization("energy");
  return fixtures.customer(organization, { latest: "open", locale });
}

type Locale = "sv" | "en";

async function useLanguage(context: BrowserContext, locale: Locale, baseURL: string) {
  await context.addCookies([{ name: "nota-lang", value: locale, url: `${baseURL}/i/` }]);
}

async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function checkInvoiceAgainstData(page: Page, invoice: ExpectedInvoice, locale: Locale) {
  const money = (ore: number) => formatMoney(ore, { locale });
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `${locale === "sv" ? "Faktura" : "Invoice"} ${invoice.number}`,
  );
  await expect(page.getByTestId("amount-to-pay")).toHaveText(money(invoice.amountDueOre));
  const statuses = {
    open: ["open", "partly_paid"],
    overdue: ["overdue", "partly_paid"],
    paid: ["paid"],
    credited: ["credited"],
  }[invoice.kind];
  expect(statuses).toContain(await page.getByTestId("invoice-status").getAttribute("data-status"));

  await expect(page.getByTestId("invoice-number")).toHaveText(String(invoice.number));
  await expect(page.getByTestId("ocr")).toHaveText(invoice.ocr);
  expect(validateOcr(invoice.ocr, "variable-length")).toEqual({ ok: true });
  if (invoice.bankgiro)
    await expect(page.getByTestId("bankgiro")).toHaveText(formatBankgiro(invoice.bankgiro));
  await expect(page.getByTestId("f-skatt")).toContainText("Godkänd för F-skatt");

  // Lines, VAT per rate, rounding and total are the database's figures.
  const lineAmounts = await page
    .getByTestId("line-amount")
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-ore"))));
  expect(lineAmounts.sort((a, b) => a - b)).toEqual([...invoice.lineNetOre].sort((a, b) => a - b));
  const vatRows = page.getByTestId("vat-row");
  await expect(vatRows).toHaveCount(invoice.vatGroups.length);
  for (const group of invoice.vatGroups) {
    const row = page.locator(`[data-testid="vat-row"][data-vat-rate="${group.vatRate}"]`);
    await expect(row).toContainText(money(group.netOre));
    await expect(row).toContainText(money(group.vatOre));
  }
  await expect(page.getByTestId("invoice-total")).toHaveText(money(invoice.totalOre));
  if (invoice.roundingOre !== 0)
    await expect(page.getByTestId("rounding")).toHaveText(money(invoice.roundingOre));

  // The chart's data: its table lists every reading, and they add up to the period's total.
  if (invoice.usageTotalMilli !== null) {
    await expect(page.getByTestId("usage-total")).toHaveAttribute(
      "data-total-milli",
      String(invoice.usageTotalMilli),
    );
    const quantities = await page
      .getByTestId("usage-table")
      .locator("[data-quantity-milli]")
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-quantity-milli"))));
    // Daily data: one row per reading; hourly data is tabulated per day.
    if (invoice.usageResolution === "DAY") expect(quantities).toHaveLength(invoice.usagePoints);
    else expect(quantities.length).toBe(Math.ceil(invoice.usagePoints / 24));
    expect(quantities.reduce((sum, q) => sum + q, 0)).toBe(invoice.usageTotalMilli);
    await expect(page.getByTestId("usage-chart")).toBeVisible();
  }

  const eventTypes = await page
    .getByTestId("timeline")
    .locator("[data-event-type]")
    .evaluateAll((items) => items.map((i) => i.getAttribute("data-event-type")));
  for (const type of invoice.eventTypes) expect(eventTypes).toContain(type);
  await expect(page.getByTestId("next-steps").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("other-invoices").locator("li")).toHaveCount(invoice.otherInvoices);
}

for (const locale of ["sv", "en"] as const) {
  test(`every showcase invoice of both companies shows the database's figures in ${locale}, with no accessibility violations`, async ({
    page,
    context,
    baseURL,
  }) => {
    // Eight whole pages, each read field by field and checked by axe: more than one page's time.
    test.setTimeout(120_000);
    await useLanguage(context, locale, baseURL!);
    const invoices = expectedInvoices();
    expect(new Set(invoices.map((i) => i.organization)).size).toBe(2);
    for (const invoice of invoices) {
      const response = await page.goto(`/i/${invoice.token}`);
      expect(response?.status()).toBe(200);
      await checkInvoiceAgainstData(page, invoice, locale);
      await expectNoAxeViolations(page);
    }
  });
}

test("the page is private: no indexing, no caching, no referrer, scripts only with the nonce", async ({
  page,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  const cspErrors: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  const response = await page.goto(`/i/${invoice.token}`);
  const headers = response!.headers();
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["cache-control"]).toContain("private");
  const csp = headers["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  // Scripts run under the policy: the copy button is interactive once hydrated.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: /Kopiera OCR-nummer|Copy OCR reference/ }).click();
  await expect(
    page.getByRole("button", { name: /Kopiera OCR-nummer|Copy OCR reference/ }),
  ).toHaveText(/Kopierat|Copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await page.getByTestId("ocr").textContent(),
  );
  expect(cspErrors).toEqual([]);
});

test("the language switch works without script and is remembered across invoices", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const first = await openInvoice(fixtures);
  const second = await openInvoice(fixtures);
  await page.goto(`/i/${first!.token}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(new RegExp(`/i/${first!.token}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Invoice ${first!.number}`);
  await page.goto(`/i/${second!.token}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await context.close();
});

test("the PDF download is a valid PDF carrying the invoice number and OCR", async ({
  page,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  await page.goto(`/i/${invoice.token}`);
  const ocr = (await page.getByTestId("ocr").textContent())!;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("pdf-link").click(),
  ]);
  const bytes = new Uint8Array(
    await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)),
  );
  expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  expect(text).toContain(String(invoice.number));
  expect(text).toContain(ocr);
  expect(text).toContain("Godkänd för F-skatt");
});

test("an earlier invoice opens through the link, and its first view adds 'opened' to the timeline once", async ({
  page,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  await page.goto(`/i/${invoice.token}`);
  const earlier = page.getByTestId("other-invoices").getByRole("link").last();
  await earlier.click();
  await expect(page).toHaveURL(new RegExp(`/i/${invoice.token}/n/\\d+$`));
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(
    new RegExp(` ${invoice.number}$`),
  );
  // The view is recorded by a job after the response; a later load shows it, exactly once.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("timeline").locator('[data-event-type="OPENED"]')).toHaveCount(
      1,
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("timeline").locator('[data-event-type="OPENED"]')).toHaveCount(1);
});

test("wrong, malformed, truncated and foreign links all show the same not-found page", async ({
  page,
  fixtures,
}) => {
  const real = (await openInvoice(fixtures)).token;
  const candidates = [
    "A".repeat(43),
    "not-a-token",
    real.slice(0, -1),
    `${real.slice(0, -1)}${real.endsWith("A") ? "B" : "A"}`,
    "%00%27%22%3Cscript%3E",
    `${real}/n/999999`,
    `${real}/n/0`,
    `${"A".repeat(43)}/pdf`,
  ];
  for (const path of candidates) {
    const response = await page.goto(`/i/${path}`);
    expect(response?.status(), path).toBe(404);
    if (!path.endsWith("/pdf"))
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByTestId("invoice-number")).toHaveCount(0);
  }
});

test("keyboard: the first tab stop is the language switch and focus is visible", async ({
  page,
  fixtures,
}) => {
  await page.goto(`/i/${(await openInvoice(fixtures)).token}`);
  await page.keyboard.press("Tab");
  const focused = page.getByTestId("language-switch");
  await expect(focused).toBeFocused();
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});

test("print media hides the buttons and links but keeps every legal detail", async ({
  page,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  await page.goto(`/i/${invoice.token}`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: /Betala|Pay/ })).toBeHidden();
  await expect(page.getByTestId("pdf-link")).toBeHidden();
  await expect(page.getByTestId("ocr")).toBeVisible();
  await expect(page.getByTestId("f-skatt")).toBeVisible();
  await expect(page.getByTestId("invoice-total")).toBeVisible();
});
