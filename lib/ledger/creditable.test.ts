import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import type { IssueCreditNoteInput } from "@/lib/invoices/issue-credit-note";
import { readIssuedSnapshot } from "@/lib/invoices/issued-snapshot";
import { VAT_RATES } from "@/lib/invoices/totals";
import {
  creditableAtRate,
  creditableOre,
  creditedAtRate,
  creditSumsOfDocuments,
  type DocumentFigures,
} from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import {
  createIssuedInvoiceWithLineIds,
  createOrganizationWithCustomer,
  creditAtCurrentVersion,
} from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * "What can still be credited" has one source, lib/ledger: in all (creditableOre) and per VAT
 * rate (creditableAtRate), read from the ledger or, for the credit note being drawn up, from the
 * documents. These tests hold the two readings to the same figure.
 */
const invoice: DocumentFigures = {
  vatGroups: [
    { vatRate: 25, netOre: 8_096, vatOre: 2_024 },
    { vatRate: 6, netOre: 1_000, vatOre: 60 },
  ],
  totalOre: 11_200,
};
const notes: DocumentFigures[] = [
  { vatGroups: [{ vatRate: 25, netOre: -4_048, vatOre: -1_012 }], totalOre: -5_000 },
  { vatGroups: [{ vatRate: 6, netOre: -500, vatOre: -30 }], totalOre: -530 },
];

describe("what can still be credited, from the documents", () => {
  it("is what the invoice charged less what its credit notes took back", () => {
    expect(creditSumsOfDocuments(invoice, notes)).toEqual({
      issuedOre: 11_200,
      creditedOre: 5_530,
    });
    expect(creditableOre(creditSumsOfDocuments(invoice, notes))).toBe(5_670);
    expect(creditableOre(creditSumsOfDocuments(invoice, []))).toBe(11_200);
  });

  it("is per VAT rate the invoice's net and VAT less the credit notes' there", () => {
    expect(creditedAtRate(notes, 25)).toEqual({ netOre: 4_048, vatOre: 1_012 });
    expect(creditableAtRate(invoice, notes, 25)).toEqual({ netOre: 4_048, vatOre: 1_012 });
    expect(creditableAtRate(invoice, notes, 6)).toEqual({ netOre: 500, vatOre: 30 });
    // A rate the invoice has no lines at has nothing to credit, and nothing was credited there.
    expect(creditableAtRate(invoice, notes, 12)).toEqual({ netOre: 0, vatOre: 0 });
    expect(creditedAtRate([], 25)).toEqual({ netOre: 0, vatOre: 0 });
  });
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const line = (
  description: string,
  unitPriceCentiOre: number,
  vatRate: number,
): InvoiceLineInput => ({
  kind: "OTHER",
  description,
  quantityMilli: 1000,
  unit: "st",
  unitPriceCentiOre,
  vatRate,
});
/** Two lines of 40,48 kr at 25 % (cut note by note, öresutjämning would leave VAT) and one at 6 %. */
const LINES = [line("Rad 1", 404_800, 25), line("Rad 2", 404_800, 25), line("Bok", 100_000, 6)];

/** The invoice's and its credit notes' totals as issued (their snapshots). */
async function documents(invoiceId: string) {
  const figures = (snapshot: unknown): DocumentFigures => {
    const totals = readIssuedSnapshot(snapshot)?.totals;
    if (!totals) throw new Error("expected an issued snapshot");
    return { vatGroups: totals.vatGroups, totalOre: totals.totalOre };
  };
  const row = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  const creditNotes = await db.prisma.invoice.findMany({
    where: { creditedInvoiceId: invoiceId, kind: "CREDIT_NOTE" },
    orderBy: { number: "asc" },
  });
  return {
    invoice: figures(row.issuedSnapshot),
    notes: creditNotes.map((note) => figures(note.issuedSnapshot)),
  };
}

describe(`the ledger and the documents agree (${testDatabaseKind})`, () => {
  it("give the same figure after each credit note, down to nothing left at any rate", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const { invoice: issued, lineIds } = await createIssuedInvoiceWithLineIds(db.prisma, {
      organizationId,
      customerId,
      lines: LINES,
    });
    const target = { invoiceId: issued.id, organizationId };
    const credits = [
      { kind: "lines", lines: [{ lineId: lineIds[0]! }] },
      { kind: "amount", amountOre: 300, vatRate: 6 },
      { kind: "lines", lines: [{ lineId: lineIds[2]!, quantityMilli: 500 }] },
      { kind: "full" },
    ] satisfies IssueCreditNoteInput["mode"][];
    let before = creditableOre(await getLedgerSums(db.prisma, issued.id));
    expect(before).toBe(issued.totalOre);
    for (const mode of credits) {
      const credited = await creditAtCurrentVersion(db.prisma, target, mode);
      const fromLedger = creditableOre(await getLedgerSums(db.prisma, issued.id));
      const docs = await documents(issued.id);
      expect(creditableOre(creditSumsOfDocuments(docs.invoice, docs.notes)), mode.kind).toBe(
        fromLedger,
      );
      expect(credited.remainingCreditableOre).toBe(fromLedger);
      expect(fromLedger).toBe(before - credited.creditedOre);
      before = fromLedger;
    }
    expect(before).toBe(0);
    const docs = await documents(issued.id);
    for (const rate of VAT_RATES) {
      expect(creditableAtRate(docs.invoice, docs.notes, rate), `${rate} %`).toEqual({
        netOre: 0,
        vatOre: 0,
      });
    }
  });
});
