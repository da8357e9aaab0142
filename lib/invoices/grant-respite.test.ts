import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate as day } from "@/lib/dates/calendar-date";
import {
  type GrantRespiteInput,
  grantRespite,
  grantRespiteInputSchema,
} from "@/lib/invoices/grant-respite";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  atTheBoundary,
  createDraft,
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
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

/** An invoice issued 1 January, due 31 January, overdue by 10 February. */
async function overdueInvoice() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId,
    customerId,
    issueDate: day("2026-01-01"),
    dueDate: day("2026-01-31"),
  });
  await markOverdueInvoices({ db: db.prisma, today: day("2026-02-10") });
  const { version, status } = await db.prisma.invoice.findUniqueOrThrow({
    where: { id: invoice.id },
  });
  expect(status).toBe("OVERDUE");
  return { organizationId, customerId, invoiceId: invoice.id, version };
}

// As the agent's route hands it over: parsed with the domain's schema first.
const grant = async (input: GrantRespiteInput, today = day("2026-02-10")) =>
  grantRespite({
    db: db.prisma,
    actor: SYSTEM,
    input: await atTheBoundary(grantRespiteInputSchema, input),
    today,
  });

describe(`grantRespite (${testDatabaseKind})`, () => {
  it("moves the due date, reopens an overdue invoice and tells the customer, not the reason", async () => {
    const { organizationId, invoiceId, version } = await overdueInvoice();
    const result = await grant({
      invoiceId,
      organizationId,
      expectedVersion: version,
      dueDate: "2026-02-28",
      reason: "Kunden har varit sjuk",
      customerText: "Vi har gett dig anstånd till slutet av februari.",
    });
    expect(result).toEqual({
      invoiceId,
      version: version + 1,
      status: "OPEN",
      previousDueDate: "2026-01-31",
      dueDate: "2026-02-28",
    });
    expect(await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      dueDate: day("2026-02-28"),
      status: "OPEN",
      version: version + 1,
    });
    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId, type: { in: ["RESPITE_GRANTED", "DUE_DATE_CHANGED"] } },
      orderBy: { type: "desc" },
    });
    expect(events.map((e) => [e.type, e.visibility, e.customerText, e.data])).toEqual([
      [
        "RESPITE_GRANTED",
        "CUSTOMER",
        "Vi har gett dig anstånd till slutet av februari.",
        { previousDueDate: "2026-01-31", dueDate: "2026-02-28" },
      ],
      [
        "DUE_DATE_CHANGED",
        "STAFF",
        null,
        {
          previousDueDate: "2026-01-31",
          dueDate: "2026-02-28",
          reason: "Kunden har varit sjuk",
          statusBefore: "OVERDUE",
          status: "OPEN",
        },
      ],
    ]);
    expect(JSON.stringify(events[0])).not.toContain("sjuk");
  });

  it("keeps an invoice overdue when the new due date has passed too, and reopens it on the day", async () => {
    const { organizationId, invoiceId, version } = await overdueInvoice();
    const stillLate = await grant({
      invoiceId,
      organizationId,
      expectedVersion: version,
      dueDate: "2026-02-05",
      reason: "Betalning på väg",
    });
    expect(stillLate.status).toBe("OVERDUE");
    const dueToday = await grant({
      invoiceId,
      organizationId,
      expectedVersion: stillLate.version,
      dueDate: "2026-02-10",
      reason: "Betalning på väg",
    });
    expect(dueToday).toMatchObject({ status: "OPEN", previousDueDate: "2026-02-05" });
  });

  it("allows at most 90 days and only a later date", async () => {
    const { organizationId, invoiceId, version } = await overdueInvoice();
    const input = { invoiceId, organizationId, expectedVersion: version, reason: "Anstånd" };
    await expectAppError(
      grant({ ...input, dueDate: "2026-05-02" }),
      "BAD_INPUT",
      /at most 90 days, to 2026-05-01 at the latest/,
    );
    await expectAppError(grant({ ...input, dueDate: "2026-01-31" }), "BAD_INPUT", /later than/);
    await expectAppError(grant({ ...input, dueDate: "2026-01-20" }), "BAD_INPUT", /later than/);
    await expectAppError(grant({ ...input, dueDate: "2026-02-30" }), "BAD_INPUT");
    expect((await grant({ ...input, dueDate: "2026-05-01" })).dueDate).toBe("2026-05-01");
  });

  it("refuses a stale version, another organisation, drafts and paid invoices, changing nothing", async () => {
    const { organizationId, customerId, invoiceId, version } = await overdueInvoice();
    const other = await createOrganizationWithCustomer(db.prisma);
    const input = {
      invoiceId,
      organizationId,
      expectedVersion: version,
      dueDate: "2026-03-01",
      reason: "Anstånd",
    };
    const stale = await expectAppError(
      grant({ ...input, expectedVersion: version - 1 }),
      "STALE_VERSION",
    );
    expect(stale.details).toMatchObject({ currentVersion: version });
    await expectAppError(grant({ ...input, organizationId: other.organizationId }), "NOT_FOUND");
    await expectAppError(
      grant({ ...input, reason: "Anstånd", customerText: "" }),
      "BAD_INPUT",
      /customerText/,
    );

    const draft = await createDraft(db.prisma, { organizationId, customerId });
    await expectAppError(
      grant({ ...input, invoiceId: draft.id, expectedVersion: 1 }),
      "CONFLICT",
      /still unpaid/,
    );
    const paid = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const payment = await recordPayment({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: paid.id,
        organizationId,
        amountOre: paid.totalOre,
        method: "card",
        externalRef: `pi-${paid.id}`,
      },
    });
    await expectAppError(
      grant({ ...input, invoiceId: paid.id, expectedVersion: payment.version }),
      "CONFLICT",
      /still unpaid/,
    );

    expect(await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      dueDate: day("2026-01-31"),
      status: "OVERDUE",
      version,
    });
    expect(
      await db.prisma.invoiceEvent.count({
        where: { organizationId, type: { in: ["RESPITE_GRANTED", "DUE_DATE_CHANGED"] } },
      }),
    ).toBe(0);
  });
});
