import { formatLongDate } from "@/lib/i18n/format-date";
import { formatMoney, parseMoney } from "@/lib/money/money";
import { generateCamt054 } from "../helpers/bank-file-generator";
import { openCustomerPage } from "./customer-page";
import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

const sek = (ore: number) => formatMoney(ore, { locale: "sv" });

/**
 * Collections as finance and the customer meet them: the forecast walks one invoice from the
 * courtesy email through a reminder with the agreed fee to the handover; the morning run reminds
 * another, whose bank payment then stops everything that was to follow; and a third customer
 * moves their own due date on the page.
 */
test("the forecast walks an invoice to handover, a bank payment ends another's reminders, and a customer takes a respite", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.skip(test.info().project.name !== "desktop", "one run is enough: it drives three browsers");
  test.setTimeout(150_000);
  const org = await fixtures.organization("broadband");
  await fixtures.collectionPolicy(org, { standard: true });
  const walked = await fixtures.customer(org, { latest: "open", agreedToReminderFee: true });
  const late = await fixtures.customer(org, { latest: "overdue", agreedToReminderFee: true });
  const relaxed = await fixtures.customer(org, { latest: "open" });

  // The forecast: the open invoice's whole schedule, with the fee it agreed to at the reminder
  // and the inkassokrav fee at the handover, each with its reason.
  const finance = await signedInStaff(browser, baseURL!, org.staff.finance.email);
  await finance.goto("/finance/collections");
  await expect(finance.getByRole("heading", { level: 1 })).toContainText("Collections");
  await finance.goto("/finance/collections/forecast?days=90&limit=100");
  const row = finance
    .getByTestId("forecast-invoice")
    .filter({ has: finance.getByRole("cell", { name: String(walked.number), exact: true }) });
  await expect(row).toHaveCount(1);
  const steps = row.getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText("Vänlig påminnelse · E-post");
  await expect(steps.nth(0)).toContainText(`avgift ${sek(0)}`);
  await expect(steps.nth(1)).toContainText("Påminnelse · E-post");
  await expect(steps.nth(1)).toContainText(`avgift ${sek(6_000)}`);
  await expect(steps.nth(1)).toContainText("Påminnelseavgift enligt avtal");
  await expect(steps.nth(2)).toContainText("Sista påminnelse · SMS");
  await expect(steps.nth(2)).toContainText("redan tagen");
  await expect(steps.nth(3)).toContainText("Inkasso · Brev");
  await expect(steps.nth(3)).toContainText(`avgift ${sek(18_000)}`);
  // Every step on its day, in order, none before today.
  const dates = (await steps.allInnerTexts()).map((text) => text.slice(0, 10));
  const today = new Date().toISOString().slice(0, 10);
  expect([...dates].sort()).toEqual(dates);
  expect(dates.every((date) => date >= today)).toBe(true);

  // The same plan on the customer's page: what happens next is the courtesy, free of charge.
  const walkedPage = await openCustomerPage(browser, baseURL!, `/i/${walked.token}`);
  await expect(walkedPage.getByTestId("next-steps")).toContainText("vänlig påminnelse");
  await expect(walkedPage.getByTestId("next-steps")).toContainText("Ingen avgift tas ut.");

  // The morning run: the overdue invoice gets its reminder, with the fee the customer agreed to.
  const run = await fixtures.collectionRun(org);
  expect(run.byKind.REMINDER ?? 0).toBeGreaterThanOrEqual(1);
  const latePage = await openCustomerPage(browser, baseURL!, `/i/${late.token}`);
  await expect(latePage.getByTestId("timeline")).toContainText("Påminnelseavgift");
  await expect(latePage.getByTestId("next-steps")).toContainText("sista påminnelse");
  const dueOre = parseMoney((await latePage.getByTestId("amount-to-pay").textContent()) ?? "", {
    locale: "sv",
  });

  // Its bank payment arrives in the middle of the schedule: paid, and no reminder follows.
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const camt = generateCamt054(
    [
      {
        amountOre: dueOre,
        reference: { kind: "structured", value: late.ocr },
        payerName: late.customerName,
        bookingDate: today,
        entryReference: `E2E-COLL-${suffix}`,
      },
    ],
    { account: { bankgiro: org.bankgiro!.replace(/\D/g, "") }, messageId: `E2E-COLL-${suffix}` },
  );
  await finance.goto("/finance/bank-files");
  const upload = finance.getByTestId("bank-file-upload");
  await upload.getByLabel("Bank file", { exact: true }).setInputFiles({
    name: `camt054-${suffix}.xml`,
    mimeType: "application/xml",
    buffer: camt.bytes,
  });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(latePage.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid", {
    timeout: 30_000,
  });
  await expect(latePage.getByTestId("amount-to-pay")).toHaveText(sek(0));
  await expect(latePage.getByTestId("next-steps")).not.toContainText("sista påminnelse");
  const after = await fixtures.collectionRun(org);
  expect(after.performed).toBe(0);
  await finance.goto("/finance/collections/forecast?days=90&limit=100");
  await expect(
    finance
      .getByTestId("forecast-invoice")
      .filter({ has: finance.getByRole("cell", { name: String(late.number), exact: true }) }),
  ).toHaveCount(0);

  // A customer who needs more time moves the due date themselves: no fee, reminders follow it.
  const relaxedPage = await openCustomerPage(browser, baseURL!, `/i/${relaxed.token}`);
  const respite = relaxedPage.getByTestId("respite-panel");
  await expect(respite.getByRole("heading", { name: "Behöver du mer tid?" })).toBeVisible();
  await expect(respite.getByTestId("respite-note")).toContainText("Ingen avgift");
  const latest = (await respite.getByTestId("respite-date").getAttribute("max"))!;
  await respite.getByTestId("respite-date").fill(latest);
  await respite.getByRole("button", { name: "Flytta förfallodagen" }).click();
  const newDue = formatLongDate(new Date(`${latest}T00:00:00Z`), "sv");
  await expect(relaxedPage.getByTestId("collection-choice-done")).toContainText(newDue);
  await expect(relaxedPage.locator("time").filter({ hasText: newDue }).first()).toBeVisible();
  await expect(relaxedPage.getByTestId("respite-panel")).toHaveCount(0);
  await expect(relaxedPage.getByTestId("timeline")).toContainText(newDue);
});
