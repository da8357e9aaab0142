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
    expect(text({ type: "FEE_WAIVED", data: null }, "en", en)).toBe("A fee was removed");
    expect(text({ type: "COMPENSATION_CREDITED", data: {} }, "en", en)).toBe(
      "You received compensation",
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
