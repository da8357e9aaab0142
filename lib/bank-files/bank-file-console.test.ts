import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decisionTargetQuerySchema,
  financeOverview,
  findDecisionTarget,
  getBankFileDetail,
  listBankFilePaymentPage,
  listBankFiles,
  readBankFileReport,
} from "@/lib/bank-files/bank-file-console";
import { importBankFile } from "@/lib/bank-files/import-bank-file";
import { receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { setDatabase } from "@/lib/db/client";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { parseInput } from "@/lib/validation/parse-input";
import { type GeneratorPayment, generateCamt054 } from "@/tests/helpers/bank-file-generator";
import {
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * What the finance console reads: files with their reports (never their content), a file's
 * payments a page at a time, the home's counts, and the invoice or customer named by number.
 */
let database: TestDatabase;
let organizationId: string;
let otherOrganizationId: string;
const account = { bankgiro: "50501055" };
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  organizationId = (await createOrganization(database.prisma, { bankgiro: "5050-1055" })).id;
  otherOrganizationId = (await createOrganization(database.prisma, { bankgiro: "5050-1055" })).id;
});
afterAll(async () => database?.close());

async function issued(orgId = organizationId, name = "Anna Andersson") {
  const customer = await createCustomer(database.prisma, orgId, { name });
  const invoice = await createIssuedInvoice(database.prisma, {
    organizationId: orgId,
    customerId: customer.id,
  });
  const row = await database.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  return { id: invoice.id, ocr: row.ocr!, number: row.number!, totalOre: row.totalOre, customer };
}

async function imported(payments: GeneratorPayment[], messageId: string, orgId = organizationId) {
  const file = generateCamt054(payments, { account, messageId });
  const received = await receiveBankFile({
    db: database.prisma,
    organizationId: orgId,
    source: "UPLOAD",
    fileName: `${messageId}.xml`,
    bytes: file.bytes,
  });
  await importBankFile({ db: database.prisma, organizationId: orgId, bankFileId: received.id });
  return received.id;
}

describe(`the finance console's reads (${testDatabaseKind})`, () => {
  it("lists files newest first with their summaries, and a file's checks; another organisation's is not found", async () => {
    const invoice = await issued();
    const good = await imported(
      [
        {
          amountOre: invoice.totalOre,
          reference: { kind: "structured", value: invoice.ocr },
          bookingDate: "2026-12-11",
        },
        {
          amountOre: 4_200,
          reference: { kind: "none", value: null },
          payerName: "Okänd",
          bookingDate: "2026-12-11",
        },
      ],
      "LIST-1",
    );
    const refused = await imported(
      [
        {
          amountOre: 100,
          reference: { kind: "none", value: null },
          bookingDate: "2026-12-12",
          currency: "EUR",
        },
      ],
      "LIST-2",
    );
    const files = await listBankFiles(database.prisma, organizationId);
    const byId = new Map(files.map((file) => [file.id, file]));
    expect(files.findIndex((f) => f.id === refused)).toBeLessThan(
      files.findIndex((f) => f.id === good),
    );
    expect(byId.get(good)).toMatchObject({
      fileName: "LIST-1.xml",
      format: "CAMT054",
      source: "UPLOAD",
      status: "IMPORTED",
      refusalReason: null,
      summary: {
        entries: 2,
        booked: 1,
        bookedOre: invoice.totalOre,
        unmatched: 1,
        unmatchedOre: 4_200,
        totalOre: invoice.totalOre + 4_200,
      },
    });
    // The list never carries a file's bytes.
    expect(Object.keys(byId.get(good)!)).not.toContain("content");
    expect(byId.get(refused)).toMatchObject({ status: "REFUSED" });
    expect(byId.get(refused)!.refusalReason).toMatch(/^Refused, nothing booked: .*currency/);

    const detail = await getBankFileDetail(database.prisma, organizationId, refused);
    expect(detail.checks.length).toBeGreaterThan(1);
    expect(detail.checks.filter((check) => !check.ok).map((check) => check.name)).toContain(
      "currency is SEK",
    );
    expect(detail.summary).toMatchObject({ booked: 0, unmatched: 0 });
    await expectAppError(
      getBankFileDetail(database.prisma, otherOrganizationId, good),
      "NOT_FOUND",
    );
    expect(await listBankFiles(database.prisma, otherOrganizationId)).toEqual([]);
  });

  it("reads a stored report defensively: checks only (a file that did not read), or nothing", () => {
    expect(
      readBankFileReport({
        checks: [{ name: "file reads as its format", ok: false, detail: "x" }],
      }),
    ).toEqual({
      checks: [{ name: "file reads as its format", ok: false, detail: "x" }],
      summary: null,
    });
    expect(readBankFileReport({})).toEqual({ checks: [], summary: null });
    expect(readBankFileReport(null)).toEqual({ checks: [], summary: null });
    expect(readBankFileReport({ checks: "nonsense", entries: 3 })).toMatchObject({
      checks: [],
      summary: { entries: 3, booked: 0 },
    });
  });

  it("pages a file's payments in the file's order, with the total", async () => {
    const payments: GeneratorPayment[] = Array.from({ length: 5 }, (_, i) => ({
      amountOre: 100 + i,
      reference: { kind: "none", value: null },
      payerName: `Betalare ${i}`,
      bookingDate: "2026-12-13",
      entryReference: `PAGE-${i}`,
    }));
    const fileId = await imported(payments, "PAGE-1");
    const first = await listBankFilePaymentPage(database.prisma, organizationId, fileId, {
      offset: 0,
      limit: 2,
    });
    const last = await listBankFilePaymentPage(database.prisma, organizationId, fileId, {
      offset: 4,
      limit: 2,
    });
    expect(first.total).toBe(5);
    expect(first.rows.map((row) => row.entryReference)).toEqual(["PAGE-0", "PAGE-1"]);
    expect(first.rows[0]).toMatchObject({
      bookingDate: "2026-12-13",
      amountOre: 100,
      referenceKind: "none",
      payerName: "Betalare 0",
      status: "UNMATCHED",
      invoice: null,
    });
    expect(last.rows.map((row) => row.entryReference)).toEqual(["PAGE-4"]);
    expect(
      await listBankFilePaymentPage(database.prisma, otherOrganizationId, fileId, {
        offset: 0,
        limit: 10,
      }),
    ).toEqual({ total: 0, rows: [] });
  });

  it("counts files waiting, refused and imported in the last 30 days, and the queue with its sum", async () => {
    const orgId = (await createOrganization(database.prisma, { bankgiro: "5050-1055" })).id;
    const now = new Date();
    expect(await financeOverview(database.prisma, orgId, now)).toEqual({
      filesWaiting: 0,
      filesRefusedLast30Days: 0,
      filesImportedLast30Days: 0,
      unmatchedCount: 0,
      unmatchedOre: 0,
      repaymentsCount: 0,
      repaymentsOre: 0,
    });
    await imported(
      [
        { amountOre: 1_000, reference: { kind: "none", value: null }, bookingDate: "2026-12-14" },
        { amountOre: 2_500, reference: { kind: "none", value: null }, bookingDate: "2026-12-14" },
      ],
      "COUNT-1",
      orgId,
    );
    const old = await imported(
      [
        {
          amountOre: 100,
          reference: { kind: "none", value: null },
          bookingDate: "2026-10-01",
          currency: "EUR",
        },
      ],
      "COUNT-2",
      orgId,
    );
    await database.prisma.bankFile.update({
      where: { id: old },
      data: { receivedAt: new Date(now.getTime() - 31 * 86_400_000) },
    });
    await imported(
      [
        {
          amountOre: 100,
          reference: { kind: "none", value: null },
          bookingDate: "2026-12-14",
          currency: "EUR",
        },
      ],
      "COUNT-3",
      orgId,
    );
    // Received, its import not run yet.
    await receiveBankFile({
      db: database.prisma,
      organizationId: orgId,
      source: "API",
      fileName: "waiting.xml",
      bytes: generateCamt054(
        [{ amountOre: 7, reference: { kind: "none", value: null }, bookingDate: "2026-12-14" }],
        { account, messageId: "COUNT-4" },
      ).bytes,
    });
    expect(await financeOverview(database.prisma, orgId, now)).toEqual({
      filesWaiting: 1,
      filesRefusedLast30Days: 1,
      filesImportedLast30Days: 1,
      unmatchedCount: 2,
      unmatchedOre: 3_500,
      repaymentsCount: 0,
      repaymentsOre: 0,
    });
  });

  it("finds an issued invoice by its number and a customer by theirs, in the organisation only", async () => {
    const invoice = await issued(organizationId, "Cecilia Nummer");
    expect(
      await findDecisionTarget(database.prisma, organizationId, { invoiceNumber: invoice.number }),
    ).toEqual({
      kind: "invoice",
      invoiceId: invoice.id,
      number: invoice.number,
      status: "OPEN",
      totalOre: invoice.totalOre,
      customerName: "Cecilia Nummer",
      customerNumber: invoice.customer.customerNumber,
    });
    expect(
      await findDecisionTarget(database.prisma, organizationId, {
        customerNumber: invoice.customer.customerNumber,
      }),
    ).toEqual({
      kind: "customer",
      customerId: invoice.customer.id,
      customerNumber: invoice.customer.customerNumber,
      name: "Cecilia Nummer",
    });
    const missing = await expectAppError(
      findDecisionTarget(database.prisma, otherOrganizationId, {
        customerNumber: invoice.customer.customerNumber,
      }),
      "NOT_FOUND",
    );
    expect(missing.details).toEqual({ param: "/customerNumber" });
    // A credit note has a number of its own, but money is never booked on one.
    const credited = await issued(organizationId, "David Kredit");
    const creditNote = await issueFullCreditNote({
      db: database.prisma,
      input: { invoiceId: credited.id, organizationId, reason: "Fel" },
      actor: { type: "SYSTEM" },
    });
    const refused = await expectAppError(
      findDecisionTarget(database.prisma, organizationId, { invoiceNumber: creditNote.number }),
      "NOT_FOUND",
    );
    expect(refused.details).toEqual({ param: "/invoiceNumber" });
    expect(
      await findDecisionTarget(database.prisma, organizationId, { invoiceNumber: credited.number }),
    ).toMatchObject({ invoiceId: credited.id, status: "CREDITED" });
    // A draft has no number; a number that does not exist is not found either.
    await createDraft(database.prisma, { organizationId, customerId: invoice.customer.id });
    await expectAppError(
      findDecisionTarget(database.prisma, organizationId, { invoiceNumber: 999_999 }),
      "NOT_FOUND",
    );
  });

  it("takes exactly one of an invoice number (digits) or a customer number", () => {
    expect(parseInput(decisionTargetQuerySchema, { invoiceNumber: " 1234 " })).toEqual({
      invoiceNumber: 1234,
    });
    expect(parseInput(decisionTargetQuerySchema, { customerNumber: "K-1" })).toEqual({
      customerNumber: "K-1",
    });
    for (const query of [
      {},
      { invoiceNumber: "12", customerNumber: "K-1" },
      { invoiceNumber: "12a" },
      { invoiceNumber: "1234567890" },
      { customerNumber: "" },
      { invoiceNumber: "1", other: "x" },
    ]) {
      expect(decisionTargetQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });
});
