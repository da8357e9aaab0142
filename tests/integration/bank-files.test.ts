import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { importBankFile } from "@/lib/bank-files/import-bank-file";
import { scanBankInbox } from "@/lib/bank-files/inbox";
import { receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { decideUnmatchedPayment } from "@/lib/bank-files/unmatched-queue";
import { loadInvoiceCollection } from "@/lib/collections/invoice-collection";
import { acceptPaymentPlan } from "@/lib/collections/payment-plans";
import { ensureDefaultPolicy } from "@/lib/collections/policies";
import { setDatabase } from "@/lib/db/client";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { api } from "@/tests/helpers/api-client";
import {
  type GeneratorPayment,
  generateBgMax,
  generateCamt054,
} from "@/tests/helpers/bank-file-generator";
import {
  createCustomer,
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
 * Payments from the bank's files, through the real import on the real database: booked by OCR
 * (in full, in part, too much, on a credited invoice), queued with suggestions when the OCR does
 * not place them, refused whole when the file contradicts itself or is for another account, never
 * booked twice, and decided once by a person.
 */
process.env.NEXTAUTH_SECRET ??= "bank-files-test-secret-0123456789abcdef0123";
process.env.APP_URL ??= "http://nota.test";

let database: TestDatabase;
let organizationId: string;
let staff: { staffId: string; organizationId: string };
const BANKGIRO = "5050-1055";
const account = { bankgiro: "50501055" };
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-bank-inbox-"));
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  organizationId = (await createOrganization(database.prisma, { bankgiro: BANKGIRO })).id;
  const finance = await database.prisma.staffUser.create({
    data: {
      organizationId,
      email: `finance.${crypto.randomUUID().slice(0, 8)}@example.se`,
      name: "Fredrik Berg",
      passwordHash: "x",
      role: "FINANCE",
    },
  });
  staff = { staffId: finance.id, organizationId };
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await database?.close();
});

async function invoiceFor(name: string) {
  const customer = await createCustomer(database.prisma, organizationId, { name });
  const invoice = await createIssuedInvoice(database.prisma, {
    organizationId,
    customerId: customer.id,
  });
  const row = await database.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  return { ...invoice, ocr: row.ocr!, number: row.number!, customerId: customer.id };
}

async function importFile(bytes: Uint8Array, fileName = "file") {
  const received = await receiveBankFile({
    db: database.prisma,
    organizationId,
    source: "UPLOAD",
    fileName,
    bytes,
  });
  const result = await importBankFile({
    db: database.prisma,
    organizationId,
    bankFileId: received.id,
  });
  return { received, result };
}

const statusOf = async (id: string) =>
  (await database.prisma.invoice.findUniqueOrThrow({ where: { id }, select: { status: true } }))
    .status;

describe(`bank files (${testDatabaseKind})`, () => {
  it("books a camt.054's payments by OCR and queues what the OCR does not place, with suggestions", async () => {
    const exact = await invoiceFor("Anna Exakt");
    const part = await invoiceFor("Bertil Delvis");
    const more = await invoiceFor("Cecilia Mer");
    const credited = await invoiceFor("David Krediterad");
    await issueFullCreditNote({
      db: database.prisma,
      input: { invoiceId: credited.id, organizationId, reason: "Fel kund" },
      actor: { type: "SYSTEM" },
    });
    const typo = await invoiceFor("Erik Slarvfel");
    const byNumber = await invoiceFor("Frida Fritext");
    const byName = await invoiceFor("Gustav Namnsson");
    // One digit of Erik's OCR changed: not valid, and one keystroke from his.
    const wrongDigit =
      typo.ocr.slice(0, 1) + String((Number(typo.ocr[1]) + 1) % 10) + typo.ocr.slice(2);
    const payments: GeneratorPayment[] = [
      {
        amountOre: exact.totalOre,
        reference: { kind: "structured", value: exact.ocr },
        payerName: "Anna Exakt",
        bookingDate: "2026-12-11",
      },
      {
        amountOre: 5_000,
        reference: { kind: "structured", value: part.ocr },
        bookingDate: "2026-12-11",
      },
      {
        amountOre: more.totalOre + 2_000,
        reference: { kind: "structured", value: more.ocr },
        bookingDate: "2026-12-11",
      },
      {
        amountOre: 1_000,
        reference: { kind: "structured", value: credited.ocr },
        bookingDate: "2026-12-11",
      },
      {
        amountOre: typo.totalOre,
        reference: { kind: "unstructured", value: wrongDigit },
        payerName: "E Slarvfel",
        bookingDate: "2026-12-12",
      },
      {
        amountOre: byNumber.totalOre,
        reference: { kind: "unstructured", value: `Faktura ${byNumber.number} dec` },
        bookingDate: "2026-12-12",
      },
      {
        amountOre: byName.totalOre,
        reference: { kind: "none", value: null },
        payerName: "GUSTAV NAMNSSON",
        bookingDate: "2026-12-12",
      },
    ];
    const file = generateCamt054(payments, { account, transactionsPerEntry: 3, version: "02" });
    const { result } = await importFile(file.bytes, "camt054.xml");
    expect(result.status).toBe("IMPORTED");
    expect(result.report).toMatchObject({ entries: 7, booked: 4, unmatched: 3, alreadyBooked: 0 });
    expect(await statusOf(exact.id)).toBe("PAID");
    expect(await statusOf(part.id)).toBe("OPEN");
    expect(await statusOf(more.id)).toBe("PAID");
    expect(await statusOf(credited.id)).toBe("CREDITED");
    const paidEvent = await database.prisma.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: exact.id, type: "PAYMENT_RECEIVED" },
    });
    expect(paidEvent.customerText).toMatch(/^Via bankgiro, 11 dec/);
    expect(paidEvent.data).toMatchObject({
      method: "bankgiro",
      amountOre: exact.totalOre,
      balanceOre: 0,
    });
    const overpaid = await database.prisma.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: more.id, type: "PAYMENT_RECEIVED" },
    });
    expect(overpaid.data).toMatchObject({ overpaidOre: 2_000 });
    expect(overpaid.customerText).toMatch(
      /^Via bankgiro, 11 dec\. Du betalade 20,00\skr mer än du var skyldig/,
    );
    const ledger = await database.prisma.ledgerEntry.findFirstOrThrow({
      where: { invoiceId: exact.id, kind: "PAYMENT" },
    });
    expect(ledger).toMatchObject({ amountOre: -exact.totalOre, memo: "bankgiro" });

    const queue = await database.prisma.bankPayment.findMany({
      where: { organizationId, status: "UNMATCHED" },
      orderBy: { amountOre: "asc" },
    });
    const suggestionsFor = (invoiceId: string) =>
      queue.find(
        (row) => (row.suggestions as Array<{ invoiceId: string }>)[0]?.invoiceId === invoiceId,
      );
    expect(suggestionsFor(typo.id)?.reference).toBe(wrongDigit);
    expect(
      (suggestionsFor(typo.id)!.suggestions as Array<{ reasons: string[] }>)[0]!.reasons[0],
    ).toMatch(/OCR one keystroke off/);
    expect(suggestionsFor(byNumber.id)).toBeDefined();
    expect(suggestionsFor(byName.id)).toBeDefined();
  });

  it("never books a payment twice: the same file again, or another file holding it", async () => {
    const invoice = await invoiceFor("Hanna Två Gånger");
    const payments: GeneratorPayment[] = [
      {
        amountOre: 100,
        reference: { kind: "structured", value: invoice.ocr },
        bookingDate: "2026-12-13",
        entryReference: "BANKREF-DUP-1",
      },
    ];
    const file = generateCamt054(payments, { account, messageId: "DUP-1" });
    const first = await importFile(file.bytes);
    expect(first.result.report?.booked).toBe(1);
    const again = await receiveBankFile({
      db: database.prisma,
      organizationId,
      source: "API",
      fileName: "again",
      bytes: file.bytes,
    });
    expect(again).toMatchObject({ duplicate: true, id: first.received.id });
    // Another file (another message) holding the same bank reference and one more payment.
    const overlapping = generateCamt054(
      [
        ...payments,
        {
          amountOre: 200,
          reference: { kind: "structured", value: invoice.ocr },
          bookingDate: "2026-12-13",
          entryReference: "BANKREF-DUP-2",
        },
      ],
      { account, messageId: "DUP-2" },
    );
    const second = await importFile(overlapping.bytes);
    expect(second.result.report).toMatchObject({ booked: 1, alreadyBooked: 1 });
    const paid = await database.prisma.ledgerEntry.aggregate({
      where: { invoiceId: invoice.id, kind: "PAYMENT" },
      _sum: { amountOre: true },
    });
    expect(paid._sum.amountOre).toBe(-300);
  });

  it("refuses a file whole, booking nothing, when it contradicts itself, is not ours, or does not read", async () => {
    const invoice = await invoiceFor("Ivar Orörd");
    const payment: GeneratorPayment = {
      amountOre: invoice.totalOre,
      reference: { kind: "structured", value: invoice.ocr },
      bookingDate: "2026-12-14",
    };
    const wrongTotals = generateCamt054([payment], {
      account,
      messageId: "BAD-1",
      break: ["TtlCdtNtries.Sum"],
    });
    const refused = await importFile(wrongTotals.bytes);
    expect(refused.result.status).toBe("REFUSED");
    const row = await database.prisma.bankFile.findUniqueOrThrow({
      where: { id: refused.received.id },
    });
    expect(row.refusalReason).toMatch(/TtlCdtNtries/);
    const foreign = generateCamt054([payment], {
      account: { bankgiro: "9912346" },
      messageId: "BAD-2",
    });
    const notOurs = await importFile(foreign.bytes);
    expect(notOurs.result.status).toBe("REFUSED");
    expect(
      (await database.prisma.bankFile.findUniqueOrThrow({ where: { id: notOurs.received.id } }))
        .refusalReason,
    ).toMatch(/not this organisation's/);
    const broken = await importFile(new TextEncoder().encode("<Document><BkToCstmrDbtCdtNtfctn>"));
    expect(broken.result.status).toBe("REFUSED");
    const badTotals = generateBgMax([payment], { account, break: ["TK70.payments"] });
    expect((await importFile(badTotals.bytes)).result.status).toBe("REFUSED");
    const testFile = generateBgMax([{ ...payment, bookingDate: "2026-12-15" }], {
      account,
      isTest: true,
    });
    expect((await importFile(testFile.bytes)).result.status).toBe("REFUSED");
    expect(await statusOf(invoice.id)).toBe("OPEN");
    expect(await database.prisma.bankPayment.count({ where: { reference: invoice.ocr } })).toBe(0);
  });

  it("books a BgMax file's OCR payments as bankgiro, extra references and deductions aside", async () => {
    const invoice = await invoiceFor("Jenny Bankgiro");
    const file = generateBgMax(
      [
        {
          amountOre: invoice.totalOre,
          reference: { kind: "structured", value: invoice.ocr },
          payerName: "Jenny Bankgiro",
          bookingDate: "2026-12-16",
        },
        {
          amountOre: 4_200,
          reference: { kind: "unstructured", value: "Hyra" },
          bookingDate: "2026-12-16",
          isDebit: true,
        },
      ],
      { account },
    );
    const { result } = await importFile(file.bytes, "bgmax.txt");
    expect(result.status).toBe("IMPORTED");
    expect(result.report).toMatchObject({ booked: 1, unmatched: 0 });
    expect(await statusOf(invoice.id)).toBe("PAID");
  });

  it("books a payment plan part's own OCR on the plan's invoice, and the plan counts it", async () => {
    await ensureDefaultPolicy(database.prisma, organizationId);
    await database.prisma.collectionPolicy.updateMany({
      where: { organizationId, isDefault: true },
      data: { paymentPlanMinOre: 1_000, paymentPlanMaxParts: 2 },
    });
    const invoice = await invoiceFor("Klara Delbetalare");
    const { version } = await database.prisma.invoice.findUniqueOrThrow({
      where: { id: invoice.id },
    });
    const target = { invoiceId: invoice.id, organizationId };
    const plan = await acceptPaymentPlan({
      db: database.prisma,
      invoice: target,
      input: { parts: 2, expectedVersion: version },
      today: new Date("2026-12-14T00:00:00Z"),
    });
    const [first] = plan.parts;
    expect(first!.ocr).not.toBe(invoice.ocr);
    const file = generateBgMax(
      [
        {
          amountOre: first!.amountOre,
          reference: { kind: "structured", value: first!.ocr },
          payerName: "Klara Delbetalare",
          bookingDate: "2026-12-22",
        },
      ],
      { account },
    );
    const { result } = await importFile(file.bytes, "bgmax-part.txt");
    expect(result.report).toMatchObject({ booked: 1, unmatched: 0 });
    const booked = await database.prisma.bankPayment.findFirstOrThrow({
      where: { organizationId, reference: first!.ocr },
    });
    expect(booked).toMatchObject({ status: "BOOKED", invoiceId: invoice.id, matchedBy: "ocr" });
    const collection = await loadInvoiceCollection(database.prisma, {
      ...target,
      today: new Date("2026-12-23T00:00:00Z"),
    });
    expect(collection?.activePlan?.parts.map((part) => part.paid)).toEqual([true, false]);
    expect(await statusOf(invoice.id)).toBe("OPEN");
  });

  it("lets a person decide a queued payment once, with who and why", async () => {
    const invoice = await invoiceFor("Karl Kö");
    const file = generateCamt054(
      [
        {
          amountOre: invoice.totalOre,
          reference: { kind: "unstructured", value: "Betalning för december" },
          payerName: "Karl Kö",
          bookingDate: "2026-12-17",
        },
        {
          amountOre: 999,
          reference: { kind: "none", value: null },
          payerName: "Okänd",
          bookingDate: "2026-12-17",
        },
        {
          amountOre: 555,
          reference: { kind: "none", value: null },
          payerName: "Karl Kö",
          bookingDate: "2026-12-17",
        },
      ],
      { account, messageId: "QUEUE-1" },
    );
    const { received } = await importFile(file.bytes);
    const queued = await database.prisma.bankPayment.findMany({
      where: { bankFileId: received.id, status: "UNMATCHED" },
      orderBy: { amountOre: "asc" },
    });
    expect(queued).toHaveLength(3);
    const [small, unknown, karls] = queued as [
      (typeof queued)[number],
      (typeof queued)[number],
      (typeof queued)[number],
    ];
    const decided = await decideUnmatchedPayment({
      db: database.prisma,
      staff,
      bankPaymentId: karls.id,
      decision: {
        action: "assign-invoice",
        invoiceId: invoice.id,
        reason: "Karl ringde och bekräftade",
      },
    });
    expect(decided.changes).toHaveLength(1);
    expect(await statusOf(invoice.id)).toBe("PAID");
    await expectAppError(
      decideUnmatchedPayment({
        db: database.prisma,
        staff,
        bankPaymentId: karls.id,
        decision: { action: "return", reason: "dubbelt beslut" },
      }),
      "CONFLICT",
    );
    await decideUnmatchedPayment({
      db: database.prisma,
      staff,
      bankPaymentId: unknown.id,
      decision: { action: "return", reason: "Okänd avsändare, betalas tillbaka" },
    });
    await decideUnmatchedPayment({
      db: database.prisma,
      staff,
      bankPaymentId: small.id,
      decision: {
        action: "assign-customer",
        customerId: invoice.customerId,
        reason: "Karls tillgodo",
      },
    });
    const rows = await database.prisma.bankPayment.findMany({
      where: { id: { in: queued.map((q) => q.id) } },
    });
    expect(
      rows.map((r) => [r.status, r.decidedByStaffId, r.decisionReason !== null]).sort(),
    ).toEqual(
      [
        ["ASSIGNED", staff.staffId, true],
        ["ASSIGNED", staff.staffId, true],
        ["RETURNED", staff.staffId, true],
      ].sort(),
    );
  });

  it("takes files through the API and the watched folder, each as a job", async () => {
    const invoice = await invoiceFor("Lena Api");
    const { key } = await createApiKey({
      db: database.prisma,
      organizationId,
      input: { name: "bank", mode: "TEST", scopes: ["payments:write"] },
    });
    const file = generateCamt054(
      [
        {
          amountOre: invoice.totalOre,
          reference: { kind: "structured", value: invoice.ocr },
          bookingDate: "2026-12-18",
        },
      ],
      { account, messageId: "API-1" },
    );
    const wrongType = await api("POST", "/api/v1/bank-files", {
      key,
      rawBody: file.text,
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(415);
    const sent = await api("POST", "/api/v1/bank-files", {
      key,
      rawBody: file.text,
      headers: { "content-type": "application/xml" },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body).toMatchObject({ status: "RECEIVED", format: "CAMT054", duplicate: false });
    await importBankFile({ db: database.prisma, organizationId, bankFileId: sent.body.id });
    const report = await api("GET", `/api/v1/bank-files/${sent.body.id}`, { key });
    expect(report.body).toMatchObject({ status: "IMPORTED", report: { booked: 1 } });

    // The folder: a good file is taken and moved to done/; one too large is never read.
    const inbox = path.join(dataDir, "inbox", "bank");
    mkdirSync(inbox, { recursive: true });
    const other = await invoiceFor("Maria Mapp");
    const folderFile = generateBgMax(
      [
        {
          amountOre: other.totalOre,
          reference: { kind: "structured", value: other.ocr },
          bookingDate: "2026-12-19",
        },
      ],
      { account },
    );
    writeFileSync(path.join(inbox, "BGMAX-20261219.txt"), folderFile.bytes);
    writeFileSync(path.join(inbox, "huge.xml"), Buffer.alloc(3 * 1024 * 1024, 0x20));
    const scanned = await scanBankInbox({
      db: database.prisma,
      dataDir,
      maxBytes: 2 * 1024 * 1024,
    });
    expect(scanned).toEqual({ taken: 1, refused: 1 });
    expect(readdirSync(path.join(inbox, "done"))).toHaveLength(1);
    const reasons = readdirSync(path.join(inbox, "refused")).filter((f) =>
      f.endsWith(".reason.txt"),
    );
    expect(readFileSync(path.join(inbox, "refused", reasons[0]!), "utf8")).toMatch(
      /at most 2097152/,
    );
    const taken = await database.prisma.bankFile.findFirstOrThrow({
      where: { source: "FOLDER", organizationId },
    });
    await importBankFile({ db: database.prisma, organizationId, bankFileId: taken.id });
    expect(await statusOf(other.id)).toBe("PAID");
    expect(existsSync(path.join(inbox, "BGMAX-20261219.txt"))).toBe(false);
  });

  it("refuses a 250 MB upload as soon as it passes the limit, without holding it", async () => {
    const { key } = await createApiKey({
      db: database.prisma,
      organizationId,
      input: { name: "big", mode: "TEST", scopes: ["payments:write"] },
    });
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 250) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const module = await import("@/app/api/v1/bank-files/route");
    const before = process.memoryUsage().rss;
    const response = await module.POST(
      new Request("http://nota.test/api/v1/bank-files", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/xml" },
        body,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(413);
    // Read up to the limit (128 MiB) and not a byte further.
    expect(sent).toBeLessThanOrEqual(130);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    expect(
      await database.prisma.bankFile.count({ where: { sizeBytes: { gt: 100 * 1024 * 1024 } } }),
    ).toBe(0);
  });
});
