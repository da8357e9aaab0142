import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
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
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const { issued, credit, creditNote } = creditTestBed(() => db.prisma);

const THREE_LINES: InvoiceLineInput[] = [
  {
    kind: "SUBSCRIPTION",
    description: "Bredband",
    quantityMilli: 1000,
    unit: "mån",
    unitPriceCentiOre: 3_992_000,
    vatRate: 25,
    discountOre: 1_000,
  },
  {
    kind: "USAGE",
    description: "Samtal",
    quantityMilli: 12_345,
    unit: "min",
    unitPriceCentiOre: 4900,
    vatRate: 25,
  },
  {
    kind: "OTHER",
    description: "Tidning",
    quantityMilli: 1000,
    unit: "st",
    unitPriceCentiOre: 995_000,
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
      row.lines.map((l) => [l.position, l.description, l.quantityMilli, l.unitPriceCentiOre]),
    ).toEqual([
      [2, "Samtal", -5_000, 4_900],
      [3, "Tidning", -1_000, 995_000],
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
      waivedFeesOre: 0,
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

  it("lets the last line take back exactly what is left, whatever rounding did before", async () => {
    // Two lines of 10,60 kr: the invoice rounds 21,20 down to 21,00, while the first line credited
    // on its own rounds 10,60 up to 11,00 — so the second, the last of the invoice, takes 10,00.
    const line = {
      description: "Tjänst",
      quantityMilli: 1000,
      unit: "st",
      unitPriceCentiOre: 84_800,
      vatRate: 25,
    };
    const { organizationId, invoice, lineIds } = await issued([line, line]);
    expect(invoice.totalOre).toBe(2_100);
    const target = { invoiceId: invoice.id, organizationId };
    expect(
      (await credit(target, { kind: "lines", lines: [{ lineId: lineIds[0]! }] })).creditedOre,
    ).toBe(1_100);
    const rest = await credit(target, { kind: "lines", lines: [{ lineId: lineIds[1]! }] });
    expect(rest).toMatchObject({
      status: "CREDITED",
      creditedOre: 1_000,
      remainingCreditableOre: 0,
    });
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(0);
    // Per rate, the two notes take back exactly what the invoice charged: 16,96 net, 4,24 VAT.
    const notes = await db.prisma.invoice.findMany({
      where: { creditedInvoiceId: invoice.id },
      orderBy: { number: "asc" },
    });
    expect(notes.map((n) => [n.netOre, n.vatOre, n.roundingOre, n.totalOre])).toEqual([
      [-848, -212, -40, -1_100],
      [-848, -212, 60, -1_000],
    ]);
  });

  it("never leaves VAT behind when lines are credited one by one under öresutjämning (two lines of 40,48 kr)", async () => {
    const line = {
      description: "Tjänst",
      quantityMilli: 1000,
      unit: "st",
      unitPriceCentiOre: 404_800,
      vatRate: 25,
    };
    const { organizationId, invoice, lineIds } = await issued([line, line]);
    // 80,96 net + 20,24 VAT = 101,20, rounded to 101,00.
    expect(invoice.totalOre).toBe(10_100);
    const target = { invoiceId: invoice.id, organizationId };
    await credit(target, { kind: "lines", lines: [{ lineId: lineIds[0]! }] });
    await credit(target, { kind: "lines", lines: [{ lineId: lineIds[1]! }] });
    const notes = await db.prisma.invoice.findMany({ where: { creditedInvoiceId: invoice.id } });
    expect(notes.reduce((sum, note) => sum + note.netOre, 0)).toBe(-8_096);
    expect(notes.reduce((sum, note) => sum + note.vatOre, 0)).toBe(-2_024);
    expect(notes.reduce((sum, note) => sum + note.totalOre, 0)).toBe(-10_100);
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(0);
  });

  it("credits in full after partial credits: what remains of each line, or per rate after amounts", async () => {
    const { organizationId, invoice, lineIds } = await issued(THREE_LINES);
    const target = { invoiceId: invoice.id, organizationId };
    await credit(target, { kind: "lines", lines: [{ lineId: lineIds[1]!, quantityMilli: 5_000 }] });
    const byLines = await credit(target, { kind: "full" });
    expect(byLines).toMatchObject({ status: "CREDITED", remainingCreditableOre: 0 });
    const lastNote = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: byLines.creditNoteId },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(lastNote.lines.map((l) => [l.position, l.quantityMilli])).toEqual([
      [1, -1_000],
      [2, -7_345],
      [3, -1_000],
    ]);

    const other = await issued(THREE_LINES);
    const otherTarget = { invoiceId: other.invoice.id, organizationId: other.organizationId };
    await credit(otherTarget, { kind: "amount", amountOre: 5_000, vatRate: 25 });
    const afterAmount = await credit(otherTarget, { kind: "full" });
    expect(afterAmount).toMatchObject({ status: "CREDITED", remainingCreditableOre: 0 });
    const perRate = await db.prisma.invoiceLine.findMany({
      where: { invoiceId: afterAmount.creditNoteId },
      orderBy: { vatRate: "desc" },
    });
    expect(perRate.map((l) => [l.position, l.vatRate, l.description])).toEqual([
      [0, 25, "Kreditering av återstående belopp"],
      [-1, 6, "Kreditering av återstående belopp"],
    ]);
    expect(balanceOre(await getLedgerSums(db.prisma, other.invoice.id))).toBe(0);
  });

  it("refuses lines of another invoice and lines that only add to the debt", async () => {
    const discountLine = {
      kind: "DISCOUNT" as const,
      description: "Rabatt",
      quantityMilli: 1000,
      unit: "st",
      unitPriceCentiOre: -200_000,
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
