import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate as day } from "@/lib/dates/calendar-date";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import {
  listWaivableFees,
  type WaiveFeeInput,
  waiveFee,
  waiveFeeInputSchema,
} from "@/lib/invoices/waive-fee";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  addReminderFee,
  atTheBoundary,
  createIssuedInvoice,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

const SYSTEM = { type: "SYSTEM" } as const;
const TODAY = day("2026-02-20");
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

/** A 125,00 kr invoice due 31 January with one 60 kr reminder fee. */
async function invoiceWithFee() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId,
    customerId,
    issueDate: day("2026-01-01"),
    dueDate: day("2026-01-31"),
  });
  const fee = await addReminderFee(db.prisma, { organizationId, invoiceId: invoice.id });
  return { organizationId, customerId, invoice, fee };
}

const versionOf = async (id: string) =>
  (await db.prisma.invoice.findUniqueOrThrow({ where: { id } })).version;
// As the agent's route hands it over: parsed with the domain's schema first.
const waive = async (input: WaiveFeeInput) =>
  waiveFee({
    db: db.prisma,
    actor: SYSTEM,
    input: await atTheBoundary(waiveFeeInputSchema, input),
    today: TODAY,
  });

describe(`waiveFee (${testDatabaseKind})`, () => {
  it("takes the fee off with an opposite FEE entry, once, and tells the customer", async () => {
    const { organizationId, invoice, fee } = await invoiceWithFee();
    expect(await listWaivableFees(db.prisma, invoice.id)).toEqual([
      expect.objectContaining({ id: fee.id, amountOre: 6_000, currency: "SEK" }),
    ]);
    const input = {
      invoiceId: invoice.id,
      organizationId,
      feeEntryId: fee.id,
      expectedVersion: invoice.version,
      reason: "Påminnelsen gick till fel adress",
    };
    const result = await waive(input);
    expect(result).toEqual({
      invoiceId: invoice.id,
      version: invoice.version + 1,
      status: "OVERDUE",
      waivedOre: 6_000,
      waiverEntryId: expect.any(String),
      balanceOre: invoice.totalOre,
    });
    const fees = await db.prisma.ledgerEntry.findMany({
      where: { invoiceId: invoice.id, kind: "FEE" },
      orderBy: { amountOre: "desc" },
    });
    expect(fees.map((e) => [e.amountOre, e.externalRef?.startsWith("waive:")])).toEqual([
      [6_000, false],
      [-6_000, true],
    ]);
    expect(fees[1]?.externalRef).toBe(`waive:${fee.id}`);
    expect(await getLedgerSums(db.prisma, invoice.id)).toMatchObject({ feesOre: 0 });
    expect(await listWaivableFees(db.prisma, invoice.id)).toEqual([]);

    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: invoice.id, type: { in: ["FEE_WAIVED", "FEE_WAIVER_BOOKED"] } },
      orderBy: { type: "asc" },
    });
    expect(events.map((e) => [e.type, e.visibility, e.customerText, e.data])).toEqual([
      ["FEE_WAIVED", "CUSTOMER", null, { amountOre: 6_000 }],
      [
        "FEE_WAIVER_BOOKED",
        "STAFF",
        null,
        {
          feeEntryId: fee.id,
          waiverEntryId: result.waiverEntryId,
          amountOre: 6_000,
          reason: "Påminnelsen gick till fel adress",
        },
      ],
    ]);

    // Again, with the version the page now shows (or the old one, a double click): already waived.
    await expectAppError(
      waive({ ...input, expectedVersion: result.version }),
      "CONFLICT",
      /already been waived/,
    );
    await expectAppError(waive(input), "CONFLICT", /already been waived/);
    // The waiver entry itself is not a fee.
    await expectAppError(
      waive({ ...input, feeEntryId: result.waiverEntryId, expectedVersion: result.version }),
      "NOT_FOUND",
    );
    expect(await versionOf(invoice.id)).toBe(result.version);
  });

  it("lets only one of two agents racing to waive the same fee do it", async () => {
    const { organizationId, invoice, fee } = await invoiceWithFee();
    const input = {
      invoiceId: invoice.id,
      organizationId,
      feeEntryId: fee.id,
      expectedVersion: invoice.version,
      reason: "Avgiften ska bort",
    };
    const outcomes = await Promise.allSettled([waive(input), waive(input)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    expect(await getLedgerSums(db.prisma, invoice.id)).toMatchObject({ feesOre: 0 });
    expect(await versionOf(invoice.id)).toBe(invoice.version + 1);
  });

  it("marks the invoice paid when the fee was all that was left", async () => {
    const { organizationId, invoice, fee } = await invoiceWithFee();
    const payment = await recordPayment({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: invoice.id,
        organizationId,
        amountOre: invoice.totalOre,
        method: "bank_transfer",
        externalRef: `bg-${invoice.id}`,
      },
    });
    expect(payment.balanceOre).toBe(6_000);
    const result = await waive({
      invoiceId: invoice.id,
      organizationId,
      feeEntryId: fee.id,
      expectedVersion: payment.version,
      reason: "Första påminnelsen bjuder vi på",
      customerText: "Vi har tagit bort påminnelseavgiften.",
    });
    expect(result).toMatchObject({ status: "PAID", balanceOre: 0 });
    expect(
      await db.prisma.invoiceEvent.findFirstOrThrow({
        where: { invoiceId: invoice.id, type: "FEE_WAIVED" },
      }),
    ).toMatchObject({ customerText: "Vi har tagit bort påminnelseavgiften." });
  });

  it("a credit note never takes a fee: the full credit waives it once, and it cannot be waived again", async () => {
    const { organizationId, invoice, fee } = await invoiceWithFee();
    const full = await issueCreditNote({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: invoice.id,
        organizationId,
        reason: "Allt krediteras",
        expectedVersion: invoice.version,
        mode: { kind: "full" },
      },
    });
    expect(full).toMatchObject({ status: "CREDITED", waivedFeesOre: fee.amountOre });
    await expectAppError(
      issueCreditNote({
        db: db.prisma,
        actor: SYSTEM,
        input: {
          invoiceId: invoice.id,
          organizationId,
          reason: "Avgiften krediteras",
          expectedVersion: await versionOf(invoice.id),
          mode: { kind: "amount", amountOre: 6_000, vatRate: 0 },
        },
      }),
      "CONFLICT",
    );
    await expectAppError(
      waive({
        invoiceId: invoice.id,
        organizationId,
        feeEntryId: fee.id,
        expectedVersion: await versionOf(invoice.id),
        reason: "Avgiften ska bort",
      }),
      "CONFLICT",
      /already been waived/,
    );
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(0);
  });

  it("refuses a stale version, another organisation and another invoice's fee, changing nothing", async () => {
    const { organizationId, customerId, invoice, fee } = await invoiceWithFee();
    const other = await createOrganizationWithCustomer(db.prisma);
    const sibling = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const input = {
      invoiceId: invoice.id,
      organizationId,
      feeEntryId: fee.id,
      expectedVersion: invoice.version,
      reason: "Avgiften ska bort",
    };
    const stale = await expectAppError(
      waive({ ...input, expectedVersion: invoice.version + 1 }),
      "STALE_VERSION",
    );
    expect(stale.details).toMatchObject({ currentVersion: invoice.version });
    await expectAppError(waive({ ...input, organizationId: other.organizationId }), "NOT_FOUND");
    await expectAppError(
      waive({ ...input, invoiceId: sibling.id, expectedVersion: sibling.version }),
      "NOT_FOUND",
      /No such fee/,
    );
    await expectAppError(
      waive({ ...input, expectedVersion: undefined as unknown as number }),
      "BAD_INPUT",
      /expectedVersion/,
    );
    expect(await listWaivableFees(db.prisma, invoice.id)).toHaveLength(1);
    expect(await versionOf(invoice.id)).toBe(invoice.version);
    expect(
      await db.prisma.invoiceEvent.count({ where: { invoiceId: invoice.id, type: "FEE_WAIVED" } }),
    ).toBe(0);
  });
});
