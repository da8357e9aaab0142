import { formatMoney, parseMoney } from "@/lib/money/money";
import { generateCamt054 } from "../helpers/bank-file-generator";
import { isSameDocument, markLiveDocument, openCustomerPage } from "./customer-page";
import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

const sek = (ore: number) => formatMoney(ore, { locale: "sv" });

test("finance uploads a camt.054: the overdue invoice turns paid live, and an agent books the payment the OCR did not place", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.skip(test.info().project.name !== "desktop", "one run is enough: it drives three browsers");
  test.setTimeout(120_000);
  const org = await fixtures.organization("energy");
  const overdue = await fixtures.customer(org, { latest: "overdue" });
  // The invoice the stray payment turns out to be for (the agent finds it by its number).
  const other = await fixtures.customer(org, { latest: "open" });

  // The customer has their overdue invoice open.
  const customer = await openCustomerPage(browser, baseURL!, `/i/${overdue.token}`);
  await expect(customer.getByTestId("invoice-status")).toHaveAttribute("data-status", "overdue");
  await expect(customer.getByTestId("invoice-status")).toHaveText("Förfallen");
  await markLiveDocument(customer);
  const dueOre = parseMoney((await customer.getByTestId("amount-to-pay").textContent()) ?? "", {
    locale: "sv",
  });
  expect(dueOre).toBeGreaterThan(0);

  // The bank's file: the customer paid what was due with the invoice's OCR; someone else paid
  // 100 kr with no reference at all.
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const strayPayer = `Okänd Inbetalare ${suffix}`;
  const strayOre = 10_000;
  const today = new Date().toISOString().slice(0, 10);
  const camt = generateCamt054(
    [
      {
        amountOre: dueOre,
        reference: { kind: "structured", value: overdue.ocr },
        payerName: overdue.customerName,
        bookingDate: today,
        entryReference: `E2E-${suffix}-1`,
      },
      {
        amountOre: strayOre,
        reference: { kind: "none", value: null },
        payerName: strayPayer,
        bookingDate: today,
        entryReference: `E2E-${suffix}-2`,
      },
    ],
    { account: { bankgiro: org.bankgiro!.replace(/\D/g, "") }, messageId: `E2E-${suffix}` },
  );
  const fileName = `camt054-${suffix}.xml`;

  // FINANCE uploads it through the console's file input.
  const finance = await signedInStaff(browser, baseURL!, org.staff.finance.email);
  await expect(finance).toHaveURL(/\/finance$/);
  await finance.getByRole("link", { name: "Bank files" }).click();
  await expect(finance.getByRole("heading", { level: 1 })).toHaveText("Bank files");
  const upload = finance.getByTestId("bank-file-upload");
  await upload.getByLabel("Bank file", { exact: true }).setInputFiles({
    name: fileName,
    mimeType: "application/xml",
    buffer: camt.bytes,
  });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByTestId("bank-file-upload-result")).toContainText(
    `Received ${fileName} (camt.054)`,
  );

  // The import runs as a job: the customer's page turns "Betald" as it books, without a reload.
  await expect(customer.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid", {
    timeout: 30_000,
  });
  await expect(customer.getByTestId("invoice-status")).toHaveText("Betald");
  await expect(customer.getByTestId("amount-to-pay")).toHaveText(sek(0));
  expect(await isSameDocument(customer)).toBe(true);

  // The file list updates itself while the file is imported; its report says what happened.
  const row = finance.getByTestId("bank-file-row").filter({ hasText: fileName });
  await expect(row).toHaveAttribute("data-status", "IMPORTED", { timeout: 30_000 });
  await row.getByRole("link", { name: fileName }).click();
  await expect(finance.getByRole("heading", { level: 1 })).toHaveText(`Report: ${fileName}`);
  await expect(finance.getByTestId("bank-file-check")).not.toHaveCount(0);
  await expect(finance.locator('[data-testid="bank-file-check"][data-ok="false"]')).toHaveCount(0);
  await expect(finance.getByTestId("report-entries")).toHaveText("2");
  await expect(finance.getByTestId("report-booked")).toHaveText(`1 · ${sek(dueOre)}`);
  await expect(finance.getByTestId("report-unmatched")).toHaveText(`1 · ${sek(strayOre)}`);
  await expect(finance.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
    "href",
    /\/api\/finance\/bank-files\/[0-9a-f-]{36}\/payments\.csv$/,
  );
  const booked = finance.locator('[data-testid="bank-payment-row"][data-status="BOOKED"]');
  await expect(booked).toContainText(String(overdue.number));
  await expect(
    finance.locator('[data-testid="bank-payment-row"][data-status="UNMATCHED"]'),
  ).toContainText(strayPayer);

  // An agent finds the stray payment in the queue (linked from the support console) and books it
  // on the invoice it was for, saying why.
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  await agent.getByRole("link", { name: "Unmatched payments" }).click();
  await expect(agent).toHaveURL(/\/finance\/unmatched$/);
  const item = agent.getByTestId("unmatched-payment").filter({ hasText: strayPayer });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("heading", { level: 2 })).toHaveText(
    `${sek(strayOre)} from ${strayPayer}`,
  );
  await expect(item.getByTestId("no-suggestions")).toBeVisible();
  await item.getByLabel("Book on invoice", { exact: true }).check();
  await item.getByLabel("Invoice number", { exact: true }).fill(String(other.number));
  await item
    .getByLabel("Reason", { exact: true })
    .fill(`Betalaren ringde: avser faktura ${other.number}`);
  await item.getByRole("button", { name: "Book payment" }).click();
  await expect(agent.getByTestId("unmatched-decided")).toHaveText(
    `${sek(strayOre)} from ${strayPayer} booked on invoice ${other.number} (${other.customerName}).`,
  );
  await expect(item).toHaveCount(0);
  // Decided once, for good: it is not back after a reload either.
  await agent.reload();
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Unmatched payments");
  await expect(agent.getByTestId("unmatched-payment").filter({ hasText: strayPayer })).toHaveCount(
    0,
  );

  // The money reached that invoice.
  const otherCustomer = await openCustomerPage(browser, baseURL!, `/i/${other.token}`);
  await expect(otherCustomer.getByTestId("invoice-status")).toHaveAttribute(
    "data-status",
    /^(partly_paid|paid)$/,
  );
});

test("money paid by bank beyond the invoice goes back: the customer sees it on its way, finance pays it and marks it, the customer sees it done", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.skip(test.info().project.name !== "desktop", "one run is enough: it drives two browsers");
  test.setTimeout(120_000);
  const org = await fixtures.organization("energy");
  const open = await fixtures.customer(org, { latest: "open" });
  const customer = await openCustomerPage(browser, baseURL!, `/i/${open.token}`);
  await markLiveDocument(customer);
  const dueOre = parseMoney((await customer.getByTestId("amount-to-pay").textContent()) ?? "", {
    locale: "sv",
  });
  const extraOre = 12_300;
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const payerAccount = "SE4550000000058398257466";
  const camt = generateCamt054(
    [
      {
        amountOre: dueOre + extraOre,
        reference: { kind: "structured", value: open.ocr },
        payerName: open.customerName,
        payerAccount,
        bookingDate: new Date().toISOString().slice(0, 10),
        entryReference: `E2E-BACK-${suffix}`,
      },
    ],
    { account: { bankgiro: org.bankgiro!.replace(/\D/g, "") }, messageId: `E2E-BACK-${suffix}` },
  );
  const finance = await signedInStaff(browser, baseURL!, org.staff.finance.email);
  await finance.goto("/finance/bank-files");
  const upload = finance.getByTestId("bank-file-upload");
  await upload.getByLabel("Bank file", { exact: true }).setInputFiles({
    name: `camt054-back-${suffix}.xml`,
    mimeType: "application/xml",
    buffer: camt.bytes,
  });
  await upload.getByRole("button", { name: "Upload" }).click();

  // The customer's open page: paid, and the extra on its way back to the account they paid from.
  await expect(customer.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid", {
    timeout: 30_000,
  });
  const timeline = customer.getByTestId("timeline");
  await expect(timeline).toContainText(
    `Återbetalning på väg: ${sek(extraOre)} till kontot du betalade från.`,
  );
  await expect(timeline).toContainText("Vi betalar tillbaka det till kontot du betalade från.");
  expect(await isSameDocument(customer)).toBe(true);

  // Finance finds it on the overview and in the list, with the payer's account, and marks it paid.
  await finance.goto("/finance");
  await finance.getByRole("link", { name: "To pay back", exact: true }).click();
  await expect(finance.getByRole("heading", { level: 1 })).toHaveText("To pay back");
  const item = finance.getByTestId("repayment").filter({ hasText: open.customerName });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("heading", { level: 2 })).toHaveText(
    `${sek(extraOre)} to ${open.customerName}`,
  );
  await expect(item.getByTestId("repayment-account")).toHaveText(payerAccount);
  await expect(item.getByTestId("repayment-reason")).toHaveText("Overpayment");
  // Nothing is saved without the bank's reference.
  await item.getByRole("button", { name: "Save" }).click();
  await expect(item.getByTestId("repayment-problem")).toHaveText("See the fields above.");
  await item
    .getByLabel("The bank's reference of the payment back", { exact: true })
    .fill(`SEB ${suffix}`);
  await item.getByRole("button", { name: "Save" }).click();
  await expect(finance.getByTestId("repayment-decided")).toHaveText(
    `${sek(extraOre)} to ${open.customerName}: paid back.`,
  );
  await expect(item).toHaveCount(0);
  await expect(
    finance.getByTestId("repayment-decided-row").filter({ hasText: `SEB ${suffix}` }),
  ).toHaveCount(1);

  // The customer's page says it is done, live.
  await expect(timeline).toContainText(`Återbetalningen på ${sek(extraOre)} är gjord.`, {
    timeout: 15_000,
  });
  expect(await isSameDocument(customer)).toBe(true);
});
