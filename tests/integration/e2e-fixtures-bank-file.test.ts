import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBankFile } from "@/lib/bank-files/import-bank-file";
import { receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { listUnmatchedPayments } from "@/lib/bank-files/unmatched-queue";
import { setDatabase } from "@/lib/db/client";
import { generateCamt054 } from "@/tests/helpers/bank-file-generator";
import {
  createBankFileFixture,
  createCustomerFixture,
  createOrganizationFixture,
} from "@/tests/helpers/e2e-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * What the bank-file end-to-end test builds on, without a browser: a fixture company's bankgiro
 * and a fixture invoice's OCR make a camt.054 that books the overdue invoice, the stray payment
 * beside it waits in the queue, and the bank-file fixture (for the page matrix) is a file of the
 * company's own that imports.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
});
afterAll(async () => database?.close());

async function importReceived(organizationId: string, bankFileId: string) {
  return importBankFile({ db: database.prisma, organizationId, bankFileId });
}

describe("the end-to-end fixtures for bank files", () => {
  it("pay an overdue fixture invoice by its OCR with a camt.054 for the company's bankgiro", async () => {
    const org = await createOrganizationFixture(database.prisma, { catalogue: "energy" });
    expect(org.bankgiro).toBeTruthy();
    const overdue = await createCustomerFixture(database.prisma, {
      organizationId: org.id,
      latest: "overdue",
      earlier: 0,
    });
    const invoice = await database.prisma.invoice.findUniqueOrThrow({
      where: { id: overdue.invoiceId },
      select: { ocr: true, status: true },
    });
    expect(overdue.ocr).toBe(invoice.ocr);
    expect(invoice.status).toBe("OVERDUE");
    const ledger = await database.prisma.ledgerEntry.aggregate({
      where: { invoiceId: overdue.invoiceId },
      _sum: { amountOre: true },
    });
    const dueOre = ledger._sum.amountOre ?? 0;
    expect(dueOre).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    const file = generateCamt054(
      [
        {
          amountOre: dueOre,
          reference: { kind: "structured", value: overdue.ocr },
          payerName: overdue.customerName,
          bookingDate: today,
          entryReference: "E2E-FIXTURE-1",
        },
        {
          amountOre: 10_000,
          reference: { kind: "none", value: null },
          payerName: "Okänd Inbetalare",
          bookingDate: today,
          entryReference: "E2E-FIXTURE-2",
        },
      ],
      { account: { bankgiro: org.bankgiro!.replace(/\D/g, "") }, messageId: "E2E-FIXTURE" },
    );
    const received = await receiveBankFile({
      db: database.prisma,
      organizationId: org.id,
      source: "UPLOAD",
      fileName: "camt054-e2e.xml",
      bytes: file.bytes,
      declaredFormat: "CAMT054",
    });
    const result = await importReceived(org.id, received.id);
    expect(result.status).toBe("IMPORTED");
    expect(result.report).toMatchObject({ entries: 2, booked: 1, unmatched: 1 });
    expect(result.report?.checks.every((check) => check.ok)).toBe(true);
    const after = await database.prisma.invoice.findUniqueOrThrow({
      where: { id: overdue.invoiceId },
      select: { status: true },
    });
    expect(after.status).toBe("PAID");
    const queue = await listUnmatchedPayments(database.prisma, org.id);
    expect(queue.map((payment) => payment.payerName)).toEqual(["Okänd Inbetalare"]);
    expect(queue[0]!.suggestions).toEqual([]);
  });

  it("make a bank file of the company's own that imports with one payment for the queue", async () => {
    const org = await createOrganizationFixture(database.prisma, { catalogue: "broadband" });
    const { bankFileId } = await createBankFileFixture(database.prisma, {
      organizationId: org.id,
    });
    const again = await createBankFileFixture(database.prisma, { organizationId: org.id });
    expect(again.bankFileId).not.toBe(bankFileId);
    const result = await importReceived(org.id, bankFileId);
    expect(result).toMatchObject({ status: "IMPORTED", report: { entries: 1, unmatched: 1 } });
  });
});
