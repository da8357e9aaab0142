import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { DUPLICATE_CREDIT_WINDOW_MS } from "@/lib/invoices/credit-duplicates";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { lineNetOre, VAT_RATES } from "@/lib/invoices/totals";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * Whatever parts of whatever lines an agent credits, in any order: no line is ever credited beyond
 * its quantity, the invoice never beyond what it charged, and a line credited to the end has had
 * exactly its own net taken back. Runs on the real database, so it is kept to a few runs.
 *
 * The requests are an agent's over an afternoon, two minutes apart: a credit identical to one made
 * less than a minute before is refused as a double submit (credit-duplicates.ts, tested in
 * credit-safety.test.ts), which is not what this property is about.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const lineArbitrary: fc.Arbitrary<InvoiceLineInput> = fc
  .record({
    quantityMilli: fc.integer({ min: 500, max: 20_000 }),
    unitPriceCentiOre: fc.integer({ min: 20_000, max: 5_000_000 }),
    vatRate: fc.constantFrom(...VAT_RATES),
    discountShare: fc.integer({ min: 0, max: 50 }),
  })
  .map(({ discountShare, ...line }) => ({
    ...line,
    description: "Rad",
    unit: "st",
    ...(line.vatRate === 0
      ? { vatExemptionReason: "Undantag från skatteplikt enligt 10 kap. ML" }
      : {}),
    // At most half the line's own amount (thousandths × hundredths of an öre / 100 000 = öre),
    // and every line at least 1 kr: the invoice charges something.
    discountOre: Math.floor(
      (Math.floor((line.quantityMilli * line.unitPriceCentiOre) / 100_000) * discountShare) / 100,
    ),
  }));

const requestArbitrary = fc.record({
  line: fc.nat(),
  quantityMilli: fc.option(fc.integer({ min: 1, max: 22_000 }), { nil: undefined }),
});

const scenario = fc.record({
  lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 4 }),
  requests: fc.array(requestArbitrary, { minLength: 1, maxLength: 6 }),
  roundToWholeKrona: fc.boolean(),
});

describe(`partial line credits, property (${testDatabaseKind})`, () => {
  it("never credit a line beyond its quantity nor the invoice beyond what it charged", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ lines, requests, roundToWholeKrona }) => {
        const organization = await createOrganization(db.prisma, { roundToWholeKrona });
        const customer = await createCustomer(db.prisma, organization.id);
        const invoice = await createIssuedInvoice(db.prisma, {
          organizationId: organization.id,
          customerId: customer.id,
          lines,
        });
        const originals = await db.prisma.invoiceLine.findMany({
          where: { invoiceId: invoice.id },
          orderBy: { position: "asc" },
        });
        const creditedQuantity = originals.map(() => 0);
        let version = invoice.version;
        const afternoon = Date.now() - 86_400_000;

        for (const [step, request] of requests.entries()) {
          const index = request.line % originals.length;
          const original = originals[index]!;
          const remaining = original.quantityMilli - creditedQuantity[index]!;
          const notesBefore = await db.prisma.invoice.count({
            where: { creditedInvoiceId: invoice.id },
          });
          try {
            const result = await issueCreditNote({
              db: db.prisma,
              actor: { type: "SYSTEM" },
              creditedAt: new Date(afternoon + step * 2 * DUPLICATE_CREDIT_WINDOW_MS),
              input: {
                invoiceId: invoice.id,
                organizationId: organization.id,
                reason: "Egenskapstest",
                expectedVersion: version,
                mode: {
                  kind: "lines",
                  lines: [{ lineId: original.id, quantityMilli: request.quantityMilli }],
                },
              },
            });
            const part = request.quantityMilli ?? remaining;
            expect(part).toBeLessThanOrEqual(remaining);
            creditedQuantity[index]! += part;
            expect(result.version).toBe(version + 1);
            version = result.version;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            // Refused for a reason the rules give, and nothing was written.
            const isOverQuantity = remaining === 0 || (request.quantityMilli ?? 0) > remaining;
            if (isOverQuantity)
              expect(error.message).toMatch(/Nothing is left|remain uncredited|credited in full/);
            else
              expect(error.message).toMatch(
                /is left to credit|must take money off|credited in full/,
              );
            expect(
              await db.prisma.invoice.count({ where: { creditedInvoiceId: invoice.id } }),
            ).toBe(notesBefore);
          }
        }

        const creditLines = await db.prisma.invoiceLine.findMany({
          where: { invoice: { creditedInvoiceId: invoice.id } },
        });
        for (const [index, original] of originals.entries()) {
          const mine = creditLines.filter((line) => line.position === original.position);
          const quantity = mine.reduce((sum, line) => sum - line.quantityMilli, 0);
          expect(quantity).toBe(creditedQuantity[index]);
          expect(quantity).toBeLessThanOrEqual(original.quantityMilli);
          if (quantity === original.quantityMilli) {
            const net = mine.reduce((sum, line) => sum - lineNetOre(line), 0);
            expect(net).toBe(lineNetOre(original));
          }
        }
        const notes = await db.prisma.invoice.findMany({
          where: { creditedInvoiceId: invoice.id },
          select: { totalOre: true },
        });
        const sums = await getLedgerSums(db.prisma, invoice.id);
        expect(sums.creditedOre).toBe(notes.reduce((sum, note) => sum - note.totalOre, 0));
        expect(sums.creditedOre).toBeLessThanOrEqual(sums.issuedOre);
        const { status } = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
        expect(status).toBe(sums.creditedOre >= sums.issuedOre ? "CREDITED" : "OPEN");
      }),
      { numRuns: 25 },
    );
  });
});
