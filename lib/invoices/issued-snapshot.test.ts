import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { type IssuedSnapshot, readIssuedSnapshot } from "@/lib/invoices/issued-snapshot";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * The backfill of issuedSnapshot for documents issued before snapshots existed
 * (prisma/migrations/20261205000000_backfill_issued_snapshots). Each test makes "legacy" documents
 * by issuing them and taking their snapshot away, then runs the migration's SQL again (it only
 * touches documents without a snapshot): what it writes must be exactly what issuing wrote.
 */
const BACKFILL = readFileSync(
  path.join(
    process.cwd(),
    "prisma/migrations/20261205000000_backfill_issued_snapshots/migration.sql",
  ),
  "utf8",
);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const runBackfill = () => db.withSql((sql) => sql.exec(BACKFILL));

async function snapshotOf(id: string): Promise<IssuedSnapshot | null> {
  const row = await db.prisma.invoice.findUniqueOrThrow({ where: { id } });
  return readIssuedSnapshot(row.issuedSnapshot);
}

/** Takes a document's snapshot away, as if it were issued before snapshots; returns it. */
async function forgetSnapshot(id: string): Promise<IssuedSnapshot> {
  const snapshot = await snapshotOf(id);
  if (!snapshot) throw new Error(`invoice ${id} was issued without a snapshot`);
  await db.prisma.invoice.update({ where: { id }, data: { issuedSnapshot: Prisma.DbNull } });
  return snapshot;
}

// Lines that exercise the rounding: öre fractions, exact half-öre ties, negative prices,
// discounts, every rate; quantities and prices as the input schema allows them.
const lineArbitrary: fc.Arbitrary<InvoiceLineInput> = fc
  .record({
    quantityMilli: fc.oneof(
      fc.integer({ min: 1, max: 5_000_000 }),
      fc.constantFrom(500, 1500, 333, 335),
    ),
    unitPriceCentiOre: fc.oneof(
      fc.integer({ min: -2_000_000, max: 20_000_000 }),
      fc.integer({ min: 0, max: 50_000 }).map((k) => 200 * k + 100),
    ),
    vatRate: fc.constantFrom(25, 12, 6, 0),
    discountOre: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 })),
  })
  .map((line) => ({
    description: "Rad",
    unit: "kWh",
    ...line,
    ...(line.vatRate === 0
      ? { vatExemptionReason: "Undantag från skatteplikt enligt 10 kap. ML" }
      : {}),
  }));

describe(`backfilling issued snapshots (${testDatabaseKind})`, () => {
  it("freezes exactly the totals issuing froze, per rate, whatever the setting says today", async () => {
    const samples = fc
      .sample(fc.array(lineArbitrary, { minLength: 1, maxLength: 6 }), {
        numRuns: 60,
        seed: 20261205,
      })
      .filter((lines) => computeInvoiceTotals(lines, { roundToWholeKrona: true }).totalOre > 0)
      .slice(0, 20);
    expect(samples.length).toBeGreaterThanOrEqual(10);
    const ids = await createOrganizationWithCustomer(db.prisma);
    const issued: Array<{ id: string; frozen: IssuedSnapshot }> = [];
    for (const lines of samples) {
      const invoice = await createIssuedInvoice(db.prisma, { ...ids, lines });
      issued.push({ id: invoice.id, frozen: await forgetSnapshot(invoice.id) });
    }
    // Öresutjämning turned off after issue: the old invoices keep the rounding they were issued with.
    await db.prisma.organization.update({
      where: { id: ids.organizationId },
      data: { roundToWholeKrona: false },
    });

    await runBackfill();

    for (const { id, frozen } of issued) {
      expect(await snapshotOf(id)).toEqual(frozen);
    }
  });

  it("takes the parties as they are at migration time, and leaves documents with a snapshot alone", async () => {
    const ids = await createOrganizationWithCustomer(db.prisma);
    const legacy = await createIssuedInvoice(db.prisma, ids);
    const frozen = await forgetSnapshot(legacy.id);
    const current = await createIssuedInvoice(db.prisma, ids);
    const currentSnapshot = await snapshotOf(current.id);
    await db.prisma.organization.update({
      where: { id: ids.organizationId },
      data: { name: "Flyttat Energi AB", addressLine1: "Nya gatan 1" },
    });
    await db.prisma.customer.update({
      where: { id: ids.customerId },
      data: { name: "Ny Kund", vatNumber: null },
    });

    await runBackfill();

    expect(await snapshotOf(legacy.id)).toEqual({
      ...frozen,
      seller: { ...frozen.seller, name: "Flyttat Energi AB", addressLine1: "Nya gatan 1" },
      buyer: { ...frozen.buyer, name: "Ny Kund", vatNumber: null },
    });
    expect(await snapshotOf(current.id)).toEqual(currentSnapshot);
  });

  it("freezes a legacy credit note without a settlement, which its page still refers from", async () => {
    const ids = await createOrganizationWithCustomer(db.prisma);
    const invoice = await createIssuedInvoice(db.prisma, ids);
    const note = await issueFullCreditNote({
      db: db.prisma,
      actor: { type: "SYSTEM" },
      input: { invoiceId: invoice.id, organizationId: ids.organizationId, reason: "Fel pris" },
    });
    const frozen = await forgetSnapshot(note.creditNoteId);

    await runBackfill();

    const { creditNote: _settlement, ...withoutCreditNote } = frozen;
    expect(await snapshotOf(note.creditNoteId)).toEqual(withoutCreditNote);
    const page = await loadInvoicePage(db.prisma, note.creditNoteId);
    expect(page?.fromSnapshot).toBe(true);
    expect(page?.creditNote).toMatchObject({
      creditedInvoice: { number: invoice.number },
      settlement: null,
    });
  });

  it("leaves a document whose stored figures do not add up without a snapshot; its page shows them as stored", async () => {
    const ids = await createOrganizationWithCustomer(db.prisma);
    const invoice = await createIssuedInvoice(db.prisma, ids);
    await forgetSnapshot(invoice.id);
    // A VAT figure the lines do not give (hand-corrected long ago, say).
    const stored = await db.prisma.invoice.update({
      where: { id: invoice.id },
      data: { vatOre: { increment: 1 }, roundingOre: { decrement: 1 } },
    });

    await runBackfill();

    expect(await snapshotOf(invoice.id)).toBeNull();
    const page = await loadInvoicePage(db.prisma, invoice.id);
    expect(page?.fromSnapshot).toBe(false);
    expect(page?.totals).toMatchObject({
      netOre: stored.netOre,
      vatOre: stored.vatOre,
      roundingOre: stored.roundingOre,
      totalOre: stored.totalOre,
    });
  });
});
