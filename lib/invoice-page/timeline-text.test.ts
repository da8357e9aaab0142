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
