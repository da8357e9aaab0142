import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/database";
import { DUPLICATE_CREDIT_WINDOW_MS } from "@/lib/invoices/credit-duplicates";
import { previewCreditNote } from "@/lib/invoices/credit-note-preview";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { type IssueCreditNoteInput, issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  createIssuedInvoiceWithLineIds,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

/** A pattern that matches this text and nothing else. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** Three months of broadband at 100 kr + 25 % VAT: 375 kr in all. */
const LINES: InvoiceLineInput[] = [
  {
    kind: "SUBSCRIPTION",
    description: "Bredband 250/250",
    quantityMilli: 3000,
    unit: "mån",
    unitPriceCentiOre: 1_000_000,
    vatRate: 25,
  },
];

async function setUp(lines: InvoiceLineInput[] = LINES) {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const { invoice, lineIds } = await createIssuedInvoiceWithLineIds(db.prisma, {
    organizationId,
    customerId,
    lines,
  });
  const anna = await createStaffUser(db.prisma, organizationId, { name: "Anna Agent" });
  const erik = await createStaffUser(db.prisma, organizationId, { name: "Erik Admin" });
  const as = (staff: { id: string }) =>
    ({ type: "STAFF", staffId: staff.id, organizationId }) as const;
  return { organizationId, invoice, lineIds, anna: as(anna), erik: as(erik) };
}

async function versionOf(invoiceId: string) {
  return (await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).version;
}

/** Everything a credit writes, to show that a refusal wrote none of it. */
async function footprint(prisma: Db, invoiceId: string) {
  const [invoice, notes, ledger, events] = await Promise.all([
    prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } }),
    prisma.invoice.count({ where: { creditedInvoiceId: invoiceId } }),
    prisma.ledgerEntry.count({ where: { invoiceId } }),
    prisma.invoiceEvent.count({ where: { invoiceId } }),
  ]);
  return { version: invoice.version, status: invoice.status, notes, ledger, events };
}

describe(`a second identical credit within a minute (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("is refused for anyone, naming the first credit note and who issued it, and changes nothing", async () => {
    const { organizationId, invoice, anna, erik } = await setUp();
    const mode = { kind: "amount", amountOre: 5_000, vatRate: 25 } as const;
    const input = (expectedVersion: number): IssueCreditNoteInput => ({
      invoiceId: invoice.id,
      organizationId,
      reason: "Fel pris i oktober",
      expectedVersion,
      mode,
    });
    const at = new Date("2026-12-07T10:00:00Z");
    const first = await issueCreditNote({
      db: db.prisma,
      actor: anna,
      input: input(invoice.version),
      creditedAt: at,
    });

    const before = await footprint(db.prisma, invoice.id);
    const refused = await expectAppError(
      issueCreditNote({
        db: db.prisma,
        actor: erik,
        input: input(first.version),
        creditedAt: new Date(at.getTime() + 20_000),
      }),
      "CONFLICT",
      new RegExp(
        `^Credit note ${first.number} for the same amount was issued 20 seconds ago by Anna Agent\\. This looks like the same credit twice, so nothing was issued\\. .*again in 40 seconds$`,
      ),
    );
    expect(refused.details).toEqual({
      duplicateOf: { creditNoteId: first.creditNoteId, number: first.number },
      retryAfterSeconds: 40,
    });
    expect(await footprint(db.prisma, invoice.id)).toEqual(before);
  });

  it("is refused for the same part of the same line, but not for another part or another amount", async () => {
    const { organizationId, invoice, lineIds, anna } = await setUp();
    const at = new Date("2026-12-07T10:00:00Z");
    const credit = async (mode: IssueCreditNoteInput["mode"], seconds: number) =>
      issueCreditNote({
        db: db.prisma,
        actor: anna,
        input: {
          invoiceId: invoice.id,
          organizationId,
          reason: "Avbrott",
          expectedVersion: await versionOf(invoice.id),
          mode,
        },
        creditedAt: new Date(at.getTime() + seconds * 1000),
      });
    const oneMonth = {
      kind: "lines",
      lines: [{ lineId: lineIds[0]!, quantityMilli: 1000 }],
    } satisfies IssueCreditNoteInput["mode"];
    await credit(oneMonth, 0);
    await expectAppError(
      credit(oneMonth, 5),
      "CONFLICT",
      /for the same lines was issued 5 seconds ago/,
    );
    // Half a month is another credit, and so is an amount, or compensation of the same amount.
    await credit({ kind: "lines", lines: [{ lineId: lineIds[0]!, quantityMilli: 500 }] }, 10);
    await credit({ kind: "amount", amountOre: 1_000, vatRate: 25 }, 15);
    await credit({ kind: "goodwill", amountOre: 1_000, vatRate: 25 }, 20);
    await expectAppError(
      credit({ kind: "goodwill", amountOre: 1_000, vatRate: 25 }, 30),
      "CONFLICT",
      /for the same compensation was issued 10 seconds ago/,
    );
    expect(await db.prisma.invoice.count({ where: { creditedInvoiceId: invoice.id } })).toBe(4);
  });

  it("is allowed once the minute has passed: a deliberate second credit of the same", async () => {
    const { organizationId, invoice, lineIds, anna } = await setUp();
    const at = new Date("2026-12-07T10:00:00Z");
    const oneMonth = {
      kind: "lines",
      lines: [{ lineId: lineIds[0]!, quantityMilli: 1000 }],
    } satisfies IssueCreditNoteInput["mode"];
    const credit = async (after: number) =>
      issueCreditNote({
        db: db.prisma,
        actor: anna,
        input: {
          invoiceId: invoice.id,
          organizationId,
          reason: "Avbrott",
          expectedVersion: await versionOf(invoice.id),
          mode: oneMonth,
        },
        creditedAt: new Date(at.getTime() + after),
      });
    const first = await credit(0);
    await expectAppError(credit(DUPLICATE_CREDIT_WINDOW_MS - 1_000), "CONFLICT", /same lines/);
    const second = await credit(DUPLICATE_CREDIT_WINDOW_MS + 1_000);
    expect(second.number).toBe(first.number + 1);
    expect(second.creditedOre).toBe(first.creditedOre);
  });
});

describe("a change refused as stale", () => {
  it("says who changed the invoice first and what they did", async () => {
    const { organizationId, invoice, lineIds, anna, erik } = await setUp();
    const seen = invoice.version;
    const annas = await issueCreditNote({
      db: db.prisma,
      actor: anna,
      input: {
        invoiceId: invoice.id,
        organizationId,
        reason: "Fel pris",
        expectedVersion: seen,
        mode: { kind: "lines", lines: [{ lineId: lineIds[0]!, quantityMilli: 1000 }] },
      },
    });
    const refused = await expectAppError(
      issueCreditNote({
        db: db.prisma,
        actor: erik,
        input: {
          invoiceId: invoice.id,
          organizationId,
          reason: "Kunden ringde",
          expectedVersion: seen,
          mode: { kind: "amount", amountOre: 2_000, vatRate: 25 },
        },
      }),
      "STALE_VERSION",
      exactly(
        `Anna Agent changed this invoice first: credited 125,00\u00a0kr (credit note ${annas.number}). Look at the newest state and decide again`,
      ),
    );
    expect(refused.details).toMatchObject({
      currentVersion: annas.version,
      changedBy: "Anna Agent",
      change: `credited 125,00\u00a0kr (credit note ${annas.number})`,
    });
  });

  it("names the customer or the system when it was not a colleague", async () => {
    const { organizationId, invoice, anna } = await setUp();
    await recordPayment({
      db: db.prisma,
      actor: { type: "CUSTOMER" },
      input: {
        invoiceId: invoice.id,
        organizationId,
        amountOre: 10_000,
        method: "bank_transfer",
        externalRef: `bg-${invoice.id}`,
      },
    });
    const refused = await expectAppError(
      issueCreditNote({
        db: db.prisma,
        actor: anna,
        input: {
          invoiceId: invoice.id,
          organizationId,
          reason: "Fel pris",
          expectedVersion: invoice.version,
          mode: { kind: "amount", amountOre: 1_000, vatRate: 25 },
        },
      }),
      "STALE_VERSION",
    );
    expect(refused.details).toMatchObject({
      changedBy: "the customer",
      change: "recorded a payment of 100,00\u00a0kr",
    });
  });
});

describe("the credit's confirmation (previewCreditNote)", () => {
  it("shows the amount, the VAT and what is left to pay, writing nothing", async () => {
    const { organizationId, invoice, lineIds } = await setUp();
    const before = await footprint(db.prisma, invoice.id);
    const preview = await previewCreditNote({
      db: db.prisma,
      input: {
        invoiceId: invoice.id,
        organizationId,
        reason: "Fel pris",
        expectedVersion: invoice.version,
        mode: { kind: "lines", lines: [{ lineId: lineIds[0]!, quantityMilli: 1000 }] },
      },
    });
    expect(preview).toEqual({
      creditedOre: 12_500,
      netOre: 10_000,
      vatOre: 2_500,
      roundingOre: 0,
      vatGroups: [{ vatRate: 25, netOre: 10_000, vatOre: 2_500 }],
      completesInvoice: false,
      toPayBeforeOre: 37_500,
      toPayAfterOre: 25_000,
      moneyBackOre: 0,
      moneyBack: null,
      waivedFeesOre: 0,
    });
    expect(await footprint(db.prisma, invoice.id)).toEqual(before);
  });

  it("says money the customer paid beyond what is left goes back, or stays as their credit", async () => {
    const { organizationId, invoice } = await setUp();
    await recordPayment({
      db: db.prisma,
      actor: { type: "SYSTEM" },
      input: {
        invoiceId: invoice.id,
        organizationId,
        amountOre: 37_500,
        method: "bank_transfer",
        externalRef: `bg-${invoice.id}`,
      },
    });
    const preview = await previewCreditNote({
      db: db.prisma,
      input: {
        invoiceId: invoice.id,
        organizationId,
        reason: "Fel pris",
        expectedVersion: await versionOf(invoice.id),
        mode: { kind: "full" },
      },
    });
    // Paid by bank transfer: nothing to refund through a provider, so it stays as their credit.
    expect(preview).toMatchObject({
      creditedOre: 37_500,
      completesInvoice: true,
      toPayBeforeOre: 0,
      toPayAfterOre: 0,
      moneyBackOre: 37_500,
      moneyBack: "credit_balance",
    });
    expect((await getLedgerSums(db.prisma, invoice.id)).creditedOre).toBe(0);
  });

  it("is refused as the credit would be: stale, or the same credit again within a minute", async () => {
    const { organizationId, invoice, anna } = await setUp();
    const mode = { kind: "amount", amountOre: 5_000, vatRate: 25 } as const;
    const input = {
      invoiceId: invoice.id,
      organizationId,
      reason: "Fel pris",
      expectedVersion: invoice.version,
      mode,
    };
    await issueCreditNote({ db: db.prisma, actor: anna, input });
    await expectAppError(previewCreditNote({ db: db.prisma, input }), "STALE_VERSION");
    await expectAppError(
      previewCreditNote({
        db: db.prisma,
        input: { ...input, expectedVersion: await versionOf(invoice.id) },
      }),
      "CONFLICT",
      /same amount was issued \d+ seconds ago by Anna Agent/,
    );
  });
});
