import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate as day } from "@/lib/dates/calendar-date";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import { timelineEventText } from "@/lib/invoice-page/timeline-text";
import { grantRespite } from "@/lib/invoices/grant-respite";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { waiveFee } from "@/lib/invoices/waive-fee";
import {
  addReminderFee,
  createIssuedInvoice,
  createOrganizationWithCustomer,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const { sv, en } = invoiceMessages;
/** Money and dates come with non-breaking spaces; compare with plain ones. */
const text = (...args: Parameters<typeof timelineEventText>) =>
  timelineEventText(...args).replace(/\u00a0/g, " ");

describe("timelineEventText", () => {
  it("says what changed, with the amount or date, in Swedish and English", () => {
    const credited = { type: "CREDITED", data: { creditedOre: 10_900, mode: "lines" } };
    expect(text(credited, "sv", sv)).toBe("Fakturan krediterades med 109,00 kr");
    expect(text(credited, "en", en)).toBe("The invoice was credited by SEK 109.00");
    const compensation = { type: "COMPENSATION_CREDITED", data: { creditedOre: 5_000 } };
    expect(text(compensation, "sv", sv)).toBe("Du fick 50,00 kr i kompensation");
    expect(text(compensation, "en", en)).toBe("You received SEK 50.00 in compensation");
    const respite = { type: "RESPITE_GRANTED", data: { dueDate: "2026-02-28" } };
    expect(text(respite, "sv", sv)).toBe(
      "Du fick längre tid att betala. Ny förfallodag: 28 februari 2026",
    );
    expect(text(respite, "en", en)).toBe(
      "You were given more time to pay. New due date: 28 February 2026",
    );
    const waived = { type: "FEE_WAIVED", data: { amountOre: 6_000 } };
    expect(text(waived, "sv", sv)).toBe("Avgiften på 60,00 kr togs bort");
    expect(text(waived, "en", en)).toBe("The fee of SEK 60.00 was removed");
  });

  it("tells a refund on its way from one paid out, and says a failed one stays the customer's", () => {
    const pending = { type: "PAYMENT_REFUNDED", data: { amountOre: 12_500, status: "PENDING" } };
    expect(text(pending, "sv", sv)).toBe(
      "Återbetalning på väg: 125,00 kr. Den brukar synas på ditt konto inom 5–10 bankdagar.",
    );
    expect(text(pending, "en", en)).toMatch(/^Refund on its way: SEK 125\.00\./);
    const paidOut = { type: "PAYMENT_REFUNDED", data: { amountOre: 12_500, status: "SUCCEEDED" } };
    expect(text(paidOut, "sv", sv)).toBe("Återbetalt till dig: 125,00 kr");
    // Refunds booked before statuses were kept read as paid out.
    expect(text({ type: "PAYMENT_REFUNDED", data: { amountOre: 100 } }, "en", en)).toBe(
      "Refunded to you: SEK 1.00",
    );
    expect(text({ type: "REFUND_COMPLETED", data: { amountOre: 12_500 } }, "sv", sv)).toBe(
      "Återbetalningen på 125,00 kr är gjord.",
    );
    const failed = { type: "REFUND_FAILED", data: { amountOre: 12_500, balanceOre: -12_500 } };
    expect(text(failed, "sv", sv)).toMatch(
      /^Återbetalningen på 125,00 kr kunde inte göras\. Pengarna finns kvar hos oss som ditt tillgodohavande/,
    );
    expect(text(failed, "en", en)).toMatch(/stays with us as your credit/);
    expect(text({ type: "REFUND_FAILED", data: {} }, "en", en)).toBe(
      "The refund could not be made",
    );
  });

  it("keeps the full credit's wording, and falls back to the label when data is odd", () => {
    const full = { type: "CREDITED", data: { creditedOre: 12_500 } };
    expect(text(full, "sv", sv)).toBe("Fakturan krediterades");
    expect(text({ type: "RESPITE_GRANTED", data: { dueDate: 5 } }, "sv", sv)).toBe(
      "Du fick längre tid att betala",
    );
    // A date that has the form but is no day of the calendar is no reason to break the page.
    expect(text({ type: "RESPITE_GRANTED", data: { dueDate: "2026-02-30" } }, "sv", sv)).toBe(
      "Du fick längre tid att betala",
    );
    expect(text({ type: "FEE_WAIVED", data: null }, "en", en)).toBe("A fee was removed");
    expect(text({ type: "COMPENSATION_CREDITED", data: {} }, "en", en)).toBe(
      "You received compensation",
    );
  });
});

describe("timelineEventText for collections", () => {
  it("says which step was taken, what it charged with the law behind it, and the last day to pay", () => {
    const courtesy = {
      type: "REMINDER_SENT",
      data: { step: "courtesy", feeOre: 0, feeKind: null },
    };
    expect(text(courtesy, "sv", sv)).toBe(
      "Vi skickade en vänlig påminnelse. Ingen avgift togs ut.",
    );
    expect(text(courtesy, "en", en)).toBe("We sent you a friendly reminder. No fee was charged.");
    const reminder = {
      type: "REMINDER_SENT",
      data: {
        step: "reminder",
        channel: "email",
        feeOre: 6_000,
        feeKind: "reminder-fee",
        interestOre: 93,
        interestFrom: "2026-12-11",
        interestThrough: "2026-12-17",
        interestRateBasisPoints: 975,
        payBy: "2026-12-28",
      },
    };
    expect(text(reminder, "sv", sv)).toBe(
      "Vi skickade en påminnelse. Påminnelseavgift 60,00 kr, som du godkände i avtalet (lagen om ersättning för inkassokostnader 2 §). Dröjsmålsränta 0,93 kr för 11 december 2026–17 december 2026 enligt räntelagen 6 §: Riksbankens referensränta plus 8 procentenheter (9,75 % per år). Sista dag att betala: 28 december 2026.",
    );
    expect(text(reminder, "en", en)).toMatch(
      /^We sent you a reminder\. A reminder fee of SEK 60\.00, .*section 2\)\. Late-payment interest of SEK 0\.93 .*\(9\.75 % a year\)\. Last day to pay: 28 December 2026\.$/,
    );
    const final = {
      type: "REMINDER_SENT",
      data: { step: "final_reminder", feeOre: 0, feeKind: null, payBy: "2027-01-14" },
    };
    expect(text(final, "sv", sv)).toBe(
      "Vi skickade en sista påminnelse. Ingen avgift togs ut. Sista dag att betala: 14 januari 2027.",
    );
    const handover = {
      type: "REMINDER_SENT",
      data: { step: "collection_handover", feeOre: 18_000, feeKind: "collection-fee" },
    };
    expect(text(handover, "sv", sv)).toBe(
      "Fakturan lämnades till inkasso med ett inkassokrav. Inkassoavgift 180,00 kr (lagen om ersättning för inkassokostnader 3 §).",
    );
    const compensation = {
      type: "REMINDER_SENT",
      data: { step: "reminder", feeOre: 45_000, feeKind: "late-payment-compensation" },
    };
    expect(text(compensation, "sv", sv)).toContain(
      "Förseningsersättning 450,00 kr för företag (lagen om ersättning för inkassokostnader 4 a §).",
    );
  });

  it("reads odd reminder data defensively: an unknown step or fee kind says no more than it knows", () => {
    expect(text({ type: "REMINDER_SENT", data: { step: "letter-bomb" } }, "sv", sv)).toBe(
      "Påminnelse skickad",
    );
    expect(text({ type: "REMINDER_SENT", data: null }, "en", en)).toBe("Reminder sent");
    expect(text({ type: "REMINDER_SENT", data: { step: "constructor" } }, "en", en)).toBe(
      "Reminder sent",
    );
    // A fee of an unknown kind is not named as a fee it is not.
    const odd = { type: "REMINDER_SENT", data: { step: "reminder", feeOre: 6_000, feeKind: "x" } };
    expect(text(odd, "sv", sv)).toBe("Vi skickade en påminnelse. Ingen avgift togs ut.");
  });

  it("payment plans: agreed (with its fee and the ordinance, or none) and how they ended", () => {
    const parts = [
      { dueDate: "2026-12-28", amountOre: 25_000, ocr: "1" },
      { dueDate: "2027-01-28", amountOre: 25_000, ocr: "2" },
      { dueDate: "2027-02-28", amountOre: 25_000, ocr: "3" },
    ];
    expect(text({ type: "PAYMENT_PLAN_AGREED", data: { parts, feeOre: 0 } }, "sv", sv)).toBe(
      "Du valde att dela upp betalningen i 3 delar. Ingen avgift för planen.",
    );
    expect(text({ type: "PAYMENT_PLAN_AGREED", data: { parts, feeOre: 17_000 } }, "sv", sv)).toBe(
      "Du valde att dela upp betalningen i 3 delar. Avgift för avbetalningsplanen: 170,00 kr (förordning 1981:1057 3 §), som du godkände när du valde planen.",
    );
    expect(text({ type: "PAYMENT_PLAN_AGREED", data: { parts } }, "en", en)).toBe(
      "You chose to split the payment into 3 parts. The plan carries no fee.",
    );
    expect(text({ type: "PAYMENT_PLAN_AGREED", data: {} }, "sv", sv)).toBe(
      "Du valde att dela upp betalningen",
    );
    expect(text({ type: "PAYMENT_PLAN_ENDED", data: { status: "COMPLETED" } }, "sv", sv)).toBe(
      "Avbetalningsplanen är betald. Tack!",
    );
    expect(text({ type: "PAYMENT_PLAN_ENDED", data: { status: "BROKEN" } }, "en", en)).toBe(
      "The payment plan ended because a part was not paid on time. Reminders carry on.",
    );
    expect(text({ type: "PAYMENT_PLAN_ENDED", data: { status: "toString" } }, "sv", sv)).toBe(
      "Avbetalningsplanen avslutades",
    );
  });

  it("disputes: reminders wait while we look into it, and carry on after", () => {
    expect(text({ type: "DISPUTE_OPENED", data: {} }, "sv", sv)).toBe(
      "Vi har pausat påminnelser medan vi utreder din invändning.",
    );
    expect(text({ type: "DISPUTE_CLOSED", data: {} }, "en", en)).toBe(
      "We have looked into your objection. If anything is left to pay, reminders carry on.",
    );
  });
});

describe("the customer's page after live changes", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  it("lists the customer-visible events with their texts, and no staff reason anywhere", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId,
      customerId,
      issueDate: day("2026-01-01"),
      dueDate: day("2026-01-31"),
    });
    const fee = await addReminderFee(db.prisma, { organizationId, invoiceId: invoice.id });
    const actor = { type: "SYSTEM" } as const;
    const target = { invoiceId: invoice.id, organizationId };
    const respite = await grantRespite({
      db: db.prisma,
      actor,
      input: {
        ...target,
        expectedVersion: invoice.version,
        dueDate: "2026-02-28",
        reason: "HEMLIG-1",
      },
    });
    const waived = await waiveFee({
      db: db.prisma,
      actor,
      input: {
        ...target,
        expectedVersion: respite.version,
        feeEntryId: fee.id,
        reason: "HEMLIG-2",
      },
    });
    await issueCreditNote({
      db: db.prisma,
      actor,
      input: {
        ...target,
        expectedVersion: waived.version,
        reason: "HEMLIG-3",
        customerText: "Förlåt för avbrottet!",
        mode: { kind: "goodwill", amountOre: 2_500, vatRate: 25 },
      },
    });

    const page = await loadInvoicePage(db.prisma, invoice.id);
    expect(JSON.stringify(page)).not.toMatch(/HEMLIG/);
    expect(page?.events.map((event) => [text(event, "sv", sv), event.customerText])).toEqual([
      ["Fakturan skapades", null],
      ["Du fick längre tid att betala. Ny förfallodag: 28 februari 2026", null],
      ["Avgiften på 60,00 kr togs bort", null],
      ["Du fick 25,00 kr i kompensation", "Förlåt för avbrottet!"],
    ]);
    expect(page).toMatchObject({ amountDueOre: invoice.totalOre - 2_500 });
  });
});
