import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { creditTestBed } from "@/tests/helpers/credit-test-bed";
import { expectAppError } from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/** Crediting chosen lines of an issued invoice, whole or in part (issueCreditNote, mode "lines"). */
const SYSTEM = { type: "SYSTEM" } as const;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const { issued, versionOf, credit, creditNote } = creditTestBed(() => db.prisma);

const THREE_LINES: InvoiceLineInput[] = [
  {
    kind: "SUBSCRIPTION",
    description: "Bredband",
    quantityMilli: 1000,
    unit: "mån",
    unitPriceOre: 39_920,
    vatRate: 25,
    discountOre: 1_000,
  },
  {
    kind: "USAGE",
    description: "Samtal",
    quantityMilli: 12_345,
    unit: "min",
    unitPriceOre: 49,
    vatRate: 25,
  },
  {
    kind: "OTHER",
    description: "Tidning",
    quantityMilli: 1000,
    unit: "st",
    unitPriceOre: 9_950,
    vatRate: 6,
  },
];

describe(`issueCreditNote by lines (${testDatabaseKind})`, () => {
  it("credits chosen lines, a part of one, keeping each line's position", async () => {
    const { organizationId, invoice, lineIds } = await issued(THREE_LINES);
    const target = { invoiceId: invoice.id, organizationId };
    const result = await credit(
      target,
      {
        kind: "lines",
        lines: [{ lineId: lineIds[1]!, quantityMilli: 5_000 }, { lineId: lineIds[2]! }],
      },
      { customerText: "Vi har krediterat samtalen och tidningen." },
    );

    const { row, recomputed } = await creditNote(result.creditNoteId);
    expect(
      row.lines.map((l) => [l.position, l.description, l.quantityMilli, l.unitPriceOre]),
    ).toEqual([
      [2, "Samtal", -5_000, 49],
      [3, "Tidning", -1_000, 9_950],
    ]);
    // 5 min × 0,49 = 2,45 at 25 % (VAT 0,61) and 99,50 at 6 % (VAT 5,97): 108,53 → 109,00.
    expect(recomputed).toMatchObject({
      netOre: -10_195,
      vatOre: -658,
      roundingOre: -47,
      totalOre: -10_900,
    });
    expect(row).toMatchObject({
      kind: "CREDIT_NOTE",
      creditedInvoiceId: invoice.id,
      creditReason: "Kunden reklamerade",
      number: invoice.number + 1,
      netOre: recomputed.netOre,
      vatOre: recomputed.vatOre,
      roundingOre: recomputed.roundingOre,
      totalOre: -10_900,
    });
    expect(result).toEqual({
      invoiceId: invoice.id,
      version: invoice.version + 1,
      status: "OPEN",
      creditNoteId: row.id,
      number: invoice.number + 1,
      creditedOre: 10_900,
      remainingCreditableOre: invoice.totalOre - 10_900,
    });
    const ledger = await db.prisma.ledgerEntry.findMany({
      where: { invoiceId: invoice.id, kind: "CREDIT" },
    });
    expect(ledger.map((e) => [e.amountOre, e.externalRef])).toEqual([
      [-10_900, `credit-note:${row.id}`],
    ]);

    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: invoice.id, type: { in: ["CREDITED", "CREDIT_NOTE_ISSUED"] } },
      orderBy: { type: "asc" },
    });
    expect(events.map((e) => [e.type, e.visibility, e.customerText, e.data])).toEqual([
      [
        "CREDITED",
        "CUSTOMER",
        "Vi har krediterat samtalen och tidningen.",
        { creditNoteId: row.id, creditNoteNumber: row.number, creditedOre: 10_900, mode: "lines" },
      ],
      [
        "CREDIT_NOTE_ISSUED",
        "STAFF",
        null,
        {
          creditNoteId: row.id,
          creditNoteNumber: row.number,
          creditedOre: 10_900,
          mode: "lines",
          reason: "Kunden reklamerade",
        },
      ],
    ]);
    expect(JSON.stringify(events[0])).not.toContain("reklamerade");

    // No more of a line than is left of it; nothing left of a line credited in full.
    await expectAppError(
      credit(target, { kind: "lines", lines: [{ lineId: lineIds[1]!, quantityMilli: 7_346 }] }),
      "CONFLICT",
      /Only 7.345 min of line 2 \(Samtal\) remain uncredited/,
    );
    await expectAppError(
      credit(target, { kind: "lines", lines: [{ lineId: lineIds[2]! }] }),
      "CONFLICT",
      /Nothing is left/,
    );
    // The full credit mirrors a whole invoice; once part is credited it says what to do instead.
    await expectAppError(
      credit(target, { kind: "full" }),
      "CONFLICT",
      /already partly credited.*remaining lines or an amount/,
    );
    await expectAppError(
      issueFullCreditNote({ db: db.prisma, actor: SYSTEM, input: { ...target, reason: "Hela" } }),
      "CONFLICT",
      /partly credited/,
    );
    expect(await db.prisma.invoice.count({ where: { creditedInvoiceId: invoice.id } })).toBe(1);
    expect(await versionOf(invoice.id)).toBe(invoice.version + 1);

    // The rest of line 2 and line 1: everything that remains, so the invoice is credited in full.
    const rest = await credit(target, {
      kind: "lines",
      lines: [{ lineId: lineIds[0]! }, { lineId: lineIds[1]! }],
    });
    expect(rest).toMatchObject({
      status: "CREDITED",
      remainingCreditableOre: 0,
      creditedOre: invoice.totalOre - 10_900,
    });
    const notes = await db.prisma.invoiceLine.findMany({
      where: { invoice: { creditedInvoiceId: invoice.id } },
    });
    const creditedPerPosition = (position: number) =>
      notes.filter((l) => l.position === position).reduce((sum, l) => sum - l.quantityMilli, 0);
    expect([1, 2, 3].map(creditedPerPosition)).toEqual([1_000, 12_345, 1_000]);
  });

  it("refuses a lines credit that rounding would take past what is left, and an amount credits the exact rest", async () => {
    // Two lines of 10,60 kr: the invoice rounds 21,20 down to 21,00, while each line credited on
    // its own rounds 10,60 up to 11,00 — so the second line cannot be credited as a line.
    const line = {
      description: "Tjänst",
      quantityMilli: 1000,
      unit: "st",
      unitPriceOre: 848,
      vatRate: 25,
    };
    const { organizationId, invoice, lineIds } = await issued([line, line]);
    expect(invoice.totalOre).toBe(2_100);
    const target = { invoiceId: invoice.id, organizationId };
    expect(
      (await credit(target, { kind: "lines", lines: [{ lineId: lineIds[0]! }] })).creditedOre,
    ).toBe(1_100);

    const refused = await expectAppError(
      credit(target, { kind: "lines", lines: [{ lineId: lineIds[1]! }] }),
      "CONFLICT",
      /would take off SEK\s11\.00, but only SEK\s10\.00 is left to credit/,
    );
    expect(refused.details).toEqual({ creditableOre: 1_000, creditedOre: 1_100 });
    const rest = await credit(target, { kind: "amount", amountOre: 1_000, vatRate: 25 });
    expect(rest).toMatchObject({ status: "CREDITED", remainingCreditableOre: 0 });
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(0);
  });

  it("refuses lines of another invoice and lines that only add to the debt", async () => {
    const discountLine = {
      kind: "DISCOUNT" as const,
      description: "Rabatt",
      quantityMilli: 1000,
      unit: "st",
      unitPriceOre: -2_000,
      vatRate: 25,
    };
    const { organizationId, invoice, lineIds } = await issued([THREE_LINES[0]!, discountLine]);
    const other = await issued();
    const target = { invoiceId: invoice.id, organizationId };
    await expectAppError(
      credit(target, { kind: "lines", lines: [{ lineId: other.lineIds[0]! }] }),
      "BAD_INPUT",
      /not a line of this invoice/,
    );
    await expectAppError(
      credit(target, { kind: "lines", lines: [{ lineId: lineIds[1]! }] }),
      "BAD_INPUT",
      /must take money off/,
    );
    await expectAppError(
      credit(target, { kind: "lines", lines: [{ lineId: lineIds[0]! }, { lineId: lineIds[0]! }] }),
      "BAD_INPUT",
      /only once/,
    );
    expect(await db.prisma.invoice.count({ where: { creditedInvoiceId: invoice.id } })).toBe(0);
  });
});
