import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decideReminderFee,
  type FeeParties,
  LATE_PAYMENT_COMPENSATION_ORE,
} from "@/lib/collections/reminder-fees";
import { runCollections } from "@/lib/collections/run";
import { latestOverdueDueDate } from "@/lib/dates/banking-days";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const day = parseCalendarDate;
const _SYSTEM = { type: "SYSTEM" } as const;

const consumer = (agreedOn: string | null): FeeParties["customer"] => ({
  isBusiness: false,
  reminderFeeAgreedOn: agreedOn === null ? null : day(agreedOn),
  reminderFeeAgreementSource:
    agreedOn === null ? null : "Allmänna villkor 8.2, godkända vid tecknandet",
});
const parties = (overrides: Partial<FeeParties> = {}): FeeParties => ({
  organization: { reminderFeeOre: 6_000, chargeLatePaymentCompensation: false },
  customer: consumer("2024-03-01"),
  debtAroseOn: day("2026-11-03"),
  alreadyCharged: false,
  ...overrides,
});

describe("decideReminderFee", () => {
  it("charges the agreed reminder fee, capped at 60 kr", () => {
    expect(decideReminderFee(parties())).toMatchObject({ kind: "reminder-fee", amountOre: 6_000 });
    expect(
      decideReminderFee(
        parties({ organization: { reminderFeeOre: 9_900, chargeLatePaymentCompensation: false } }),
      ),
    ).toMatchObject({ kind: "reminder-fee", amountOre: 6_000 });
  });

  it("charges nothing without an agreement made no later than when the debt arose", () => {
    expect(decideReminderFee(parties({ customer: consumer(null) }))).toEqual({
      kind: "none",
      reason: "not-agreed",
    });
    expect(decideReminderFee(parties({ customer: consumer("2026-11-04") }))).toEqual({
      kind: "none",
      reason: "agreed-too-late",
    });
    // Agreed on the very day the debt arose: in time.
    expect(decideReminderFee(parties({ customer: consumer("2026-11-03") })).kind).toBe(
      "reminder-fee",
    );
  });

  it("charges one fee per claim", () => {
    expect(decideReminderFee(parties({ alreadyCharged: true }))).toEqual({
      kind: "none",
      reason: "already-charged",
    });
  });

  it("gives a business the 450 kr förseningsersättning instead, where the organisation charges it; never a consumer", () => {
    const organization = { reminderFeeOre: 6_000, chargeLatePaymentCompensation: true };
    const business = { ...consumer(null), isBusiness: true };
    expect(decideReminderFee(parties({ organization, customer: business }))).toEqual({
      kind: "late-payment-compensation",
      amountOre: LATE_PAYMENT_COMPENSATION_ORE,
    });
    expect(LATE_PAYMENT_COMPENSATION_ORE).toBe(45_000);
    // A consumer who agreed still gets the reminder fee at most, never the compensation.
    expect(decideReminderFee(parties({ organization }))).toMatchObject({
      kind: "reminder-fee",
      amountOre: 6_000,
    });
    // Without the setting a business is treated by the reminder-fee rules.
    expect(decideReminderFee(parties({ customer: business })).kind).toBe("none");
  });
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

/** A policy of two reminders a fortnight apart, both asking for the fee the law allows. */
async function twoReminders(organizationId: string) {
  await db.prisma.collectionPolicy.create({
    data: {
      organizationId,
      name: "Två påminnelser",
      position: 0,
      isDefault: true,
      targeting: { all: [] },
      feeMinimumAmountDueOre: 0,
      steps: {
        create: [
          { position: 0, kind: "REMINDER", anchor: "DUE_DATE", offsetDays: 1, chargeFee: true },
          {
            position: 1,
            kind: "REMINDER",
            anchor: "PREVIOUS_STEP",
            offsetDays: 14,
            chargeFee: true,
          },
        ],
      },
    },
  });
}

describe(`the collection run's fees and the overdue run (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("charges the agreed fee once per claim, in the reminder's transaction", async () => {
    const organization = await createOrganization(db.prisma, { reminderFeeOre: 6_000 });
    await twoReminders(organization.id);
    const customer = await createCustomer(db.prisma, organization.id, {
      reminderFeeAgreedOn: day("2025-01-10"),
      reminderFeeAgreementSource: "Avtal tecknat på webben",
    });
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
      issueDate: day("2026-10-01"),
      dueDate: day("2026-10-30"),
    });
    const run = (today: string) =>
      runCollections({ db: db.prisma, organizationId: organization.id, today: day(today) });
    expect((await run("2026-11-02")).feesOre).toBe(6_000);
    expect((await run("2026-11-16")).performed).toBe(1);
    const actions = await db.prisma.collectionAction.findMany({
      where: { invoiceId: invoice.id },
      orderBy: { performedOn: "asc" },
    });
    expect(actions.map((a) => [a.feeOre, a.reason.split(";")[0]])).toEqual([
      [6_000, "reminder-fee"],
      [0, "already-charged"],
    ]);
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums.feesOre).toBe(6_000);
    expect(balanceOre(sums)).toBe(invoice.totalOre + 6_000);
    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: invoice.id, type: "REMINDER_SENT" },
      orderBy: { occurredAt: "asc" },
    });
    expect(events.map((event) => (event.data as { feeOre: number }).feeOre)).toEqual([6_000, 0]);
  });

  it("charges a customer who never agreed nothing, and reminds no one before the last banking day", async () => {
    const organization = await createOrganization(db.prisma, { reminderFeeOre: 6_000 });
    await twoReminders(organization.id);
    const customer = await createCustomer(db.prisma, organization.id);
    // Due Friday 19 June 2026, midsommarafton: Monday 22 June is still on time.
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
      issueDate: day("2026-05-20"),
      dueDate: day("2026-06-19"),
    });
    const run = (today: string) =>
      runCollections({ db: db.prisma, organizationId: organization.id, today: day(today) });
    // Due + 1 is midsommarafton, then midsommardagen and a Sunday: not on Monday either, which is
    // still the last day to pay.
    expect((await run("2026-06-22")).performed).toBe(0);
    expect((await run("2026-06-23")).performed).toBe(1);
    const action = await db.prisma.collectionAction.findFirstOrThrow({
      where: { invoiceId: invoice.id },
    });
    expect(action.feeOre).toBe(0);
    expect(action.reason).toMatch(/^not-agreed/);
    expect((await getLedgerSums(db.prisma, invoice.id)).feesOre).toBe(0);
  });

  it("marks overdue only after the last day to pay (weekends, midsommar, Christmas)", async () => {
    expect(latestOverdueDueDate(day("2026-06-22"))).toEqual(day("2026-06-18"));
    expect(latestOverdueDueDate(day("2026-06-23"))).toEqual(day("2026-06-22"));
    expect(latestOverdueDueDate(day("2026-12-28"))).toEqual(day("2026-12-23"));
    expect(latestOverdueDueDate(day("2026-12-29"))).toEqual(day("2026-12-28"));
    expect(latestOverdueDueDate(day("2026-12-02"))).toEqual(day("2026-12-01"));

    const organization = await createOrganization(db.prisma);
    const customer = await createCustomer(db.prisma, organization.id);
    const dueOnJulafton = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
      issueDate: day("2026-11-24"),
      dueDate: day("2026-12-24"),
    });
    const status = async () =>
      (await db.prisma.invoice.findUniqueOrThrow({ where: { id: dueOnJulafton.id } })).status;
    await markOverdueInvoices({ db: db.prisma, today: day("2026-12-28") });
    expect(await status()).toBe("OPEN");
    await markOverdueInvoices({ db: db.prisma, today: day("2026-12-29") });
    expect(await status()).toBe("OVERDUE");
  });
});
