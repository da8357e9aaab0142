import type { Page } from "@playwright/test";
import { formatMoney, parseMoney } from "@/lib/money/money";
import { expect, type Fixtures, test } from "./fixtures";

// Each test pays an open invoice of its own company's customer.
async function openInvoice(fixtures: Fixtures) {
  const organization = await fixtures.organization("energy");
  return fixtures.customer(organization, { latest: "open" });
}

async function amountDue(page: Page): Promise<{ ore: number; locale: "sv" | "en" }> {
  const locale = (await page.locator("html").getAttribute("lang")) as "sv" | "en";
  const text = (await page.getByTestId("amount-to-pay").textContent()) ?? "";
  return { ore: parseMoney(text, { locale }), locale };
}

test("a customer pays an open invoice in full by card with the demo provider; every open tab shows it paid", async ({
  page,
  context,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  const otherTab = await context.newPage();
  await otherTab.goto(`/i/${invoice.token}`);
  await page.goto(`/i/${invoice.token}`);
  const before = await amountDue(page);
  expect(before.ore).toBeGreaterThan(0);

  await page.getByTestId("pay-open").click();
  await page.getByTestId("payment-continue").click();
  await expect(page.getByTestId("demo-badge")).toHaveText(
    /Demo . (no money moves|inga pengar flyttas)/,
  );
  await page.getByTestId("demo-approve").click();
  await expect(page.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("amount-to-pay")).toHaveText(
    formatMoney(0, { locale: before.locale }),
  );
  await expect(
    page.getByTestId("timeline").locator('[data-event-type="PAYMENT_RECEIVED"]').last(),
  ).toContainText(formatMoney(before.ore, { locale: before.locale }));
  // The other tab was told by the server and re-read the invoice, without a reload.
  await expect(otherTab.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("pay-open")).toHaveCount(0);
});

test("a customer pays part of an invoice by Swish and sees what is left", async ({
  page,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  await page.goto(`/i/${invoice.token}`);
  const before = await amountDue(page);
  const partOre = 15_000;
  expect(before.ore).toBeGreaterThan(partOre);

  await page.getByTestId("pay-open").click();
  await page.getByRole("radio", { name: /Annat belopp|Another amount/ }).check();
  await page.getByTestId("payment-part-amount").fill(before.locale === "sv" ? "150" : "150.00");
  await page.getByRole("radio", { name: "Swish" }).check();
  await page.getByTestId("payment-continue").click();
  await expect(page.getByTestId("payment-panel").getByText(/Swish-appen|Swish app/)).toBeVisible();
  await page.getByTestId("demo-approve").click();
  await expect(page.getByTestId("invoice-status")).toHaveAttribute("data-status", "partly_paid");
  await expect(page.getByTestId("amount-to-pay")).toHaveText(
    formatMoney(before.ore - partOre, { locale: before.locale }),
  );
  await expect(page.getByTestId("amount-left")).toHaveText(
    formatMoney(before.ore - partOre, { locale: before.locale }),
  );
});

test("too much, too little and a declined payment each say why and change nothing", async ({
  page,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  await page.goto(`/i/${invoice.token}`);
  const before = await amountDue(page);
  await page.getByTestId("pay-open").click();
  await page.getByRole("radio", { name: /Annat belopp|Another amount/ }).check();

  await page.getByTestId("payment-part-amount").fill(String(Math.ceil(before.ore / 100) + 100));
  await page.getByTestId("payment-continue").click();
  await expect(page.getByTestId("payment-error")).toHaveText(
    /större än det som är kvar|more than what is left to pay/,
  );

  await page.getByTestId("payment-part-amount").fill("5");
  await page.getByTestId("payment-continue").click();
  await expect(page.getByTestId("payment-error")).toHaveText(
    /mindre än den minsta delbetalning|below the smallest part payment/,
  );

  await page.getByTestId("payment-part-amount").fill("12,3,4");
  await page.getByTestId("payment-continue").click();
  await expect(page.getByTestId("payment-error")).toHaveText(
    /Skriv beloppet i kronor|Write the amount in kronor/,
  );

  await page.getByRole("radio", { name: /Hela beloppet|The full amount/ }).check();
  await page.getByTestId("payment-continue").click();
  await page.getByRole("button", { name: /Neka|Decline/ }).click();
  await expect(page.getByTestId("payment-failed")).toBeVisible();
  await page.reload();
  expect((await amountDue(page)).ore).toBe(before.ore);
  await expect(page.getByTestId("invoice-status")).not.toHaveAttribute("data-status", "paid");
});

test("the payment API refuses unknown links and malformed requests", async ({
  request,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  const unknown = await request.post(`/i/${"A".repeat(43)}/payments`, {
    data: { amountOre: 100, method: "CARD" },
  });
  expect(unknown.status()).toBe(404);
  for (const data of [
    { amountOre: -1, method: "CARD" },
    { amountOre: 1.5, method: "CARD" },
    { amountOre: 100, method: "CASH" },
    { amountOre: 100, method: "CARD", currency: "EUR" },
  ]) {
    const response = await request.post(`/i/${invoice.token}/payments`, { data });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect((await response.json()).code).toBe("BAD_INPUT");
  }
  const notJson = await request.post(`/i/${invoice.token}/payments`, {
    data: "not json",
    headers: { "content-type": "application/json" },
  });
  expect(notJson.status()).toBe(400);
  const badAttempt = await request.post(`/i/${invoice.token}/payments/not-a-uuid/demo`, {
    data: { outcome: "succeeded" },
  });
  expect(badAttempt.status()).toBe(404);
  const webhookWithoutStripe = await request.post("/api/stripe/webhook", { data: "{}" });
  expect(webhookWithoutStripe.status()).toBe(404);
});
