import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideReminderFee, feePartiesOf } from "@/lib/collections/reminder-fees";
import {
  type FeeAgreementInput,
  feeAgreementInputSchema,
  setFeeAgreement,
} from "@/lib/customers/fee-agreement";
import { parseCalendarDate as day } from "@/lib/dates/calendar-date";
import { loadCustomerContext } from "@/lib/support/customer-context";
import {
  atTheBoundary,
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const TODAY = day("2026-03-15");

async function agentAndCustomer(organization: { reminderFeeOre?: number } = {}) {
  const org = await createOrganization(db.prisma, organization);
  const customer = await createCustomer(db.prisma, org.id);
  const agent = await createStaffUser(db.prisma, org.id, { role: "AGENT" });
  return {
    organizationId: org.id,
    customerId: customer.id,
    staff: { staffId: agent.id, organizationId: org.id },
  };
}

// As the agent's route hands it over: parsed with the domain's schema first.
async function record(
  who: { customerId: string; staff: { staffId: string; organizationId: string } },
  input: unknown,
  today = TODAY,
) {
  const agreement: FeeAgreementInput = await atTheBoundary(feeAgreementInputSchema, input);
  return setFeeAgreement({
    db: db.prisma,
    staff: who.staff,
    customerId: who.customerId,
    agreement,
    today,
  });
}

const stored = (customerId: string) =>
  db.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { reminderFeeAgreedOn: true, reminderFeeAgreementSource: true },
  });

describe(`setFeeAgreement (${testDatabaseKind})`, () => {
  it("records the agreement, and the agent's customer context shows it", async () => {
    const who = await agentAndCustomer();
    const result = await record(who, { agreedOn: "2025-03-01", source: "  Avtal v3 " });
    expect(result).toEqual({
      customerId: who.customerId,
      agreement: { agreedOn: "2025-03-01", source: "Avtal v3" },
    });
    expect(await stored(who.customerId)).toEqual({
      reminderFeeAgreedOn: day("2025-03-01"),
      reminderFeeAgreementSource: "Avtal v3",
    });
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: who.organizationId,
      customerId: who.customerId,
    });
    const context = await loadCustomerContext(db.prisma, {
      organizationId: who.organizationId,
      invoiceId: invoice.id,
      today: TODAY,
    });
    expect(context?.customer.feeAgreement).toEqual({ agreedOn: "2025-03-01", source: "Avtal v3" });
  });

  it("changes and removes it (null), both columns together", async () => {
    const who = await agentAndCustomer();
    await record(who, { agreedOn: "2025-03-01", source: "Avtal v3" });
    await record(who, { agreedOn: "2024-11-20", source: "Allmänna villkor 2024" });
    expect(await stored(who.customerId)).toEqual({
      reminderFeeAgreedOn: day("2024-11-20"),
      reminderFeeAgreementSource: "Allmänna villkor 2024",
    });
    expect(await record(who, null)).toEqual({ customerId: who.customerId, agreement: null });
    expect(await stored(who.customerId)).toEqual({
      reminderFeeAgreedOn: null,
      reminderFeeAgreementSource: null,
    });
  });

  it("accepts an agreement made today, and refuses one dated after today", async () => {
    const who = await agentAndCustomer();
    await record(who, { agreedOn: "2026-03-15", source: "Avtal signerat i dag" });
    const error = await expectAppError(
      record(who, { agreedOn: "2026-03-16", source: "Avtal v4" }),
      "BAD_INPUT",
      /after today \(2026-03-15\)/,
    );
    expect(error.details).toMatchObject({ param: "/agreedOn" });
    // Nothing written by the refused call.
    expect((await stored(who.customerId)).reminderFeeAgreedOn).toEqual(day("2026-03-15"));
  });

  it("does not find another organisation's customer, and changes nothing there", async () => {
    const mine = await agentAndCustomer();
    const theirs = await createOrganizationWithCustomer(db.prisma);
    await expectAppError(
      record(
        { customerId: theirs.customerId, staff: mine.staff },
        { agreedOn: "2025-03-01", source: "Avtal v3" },
      ),
      "NOT_FOUND",
    );
    await expectAppError(
      record({ customerId: crypto.randomUUID(), staff: mine.staff }, null),
      "NOT_FOUND",
    );
    expect(await stored(theirs.customerId)).toEqual({
      reminderFeeAgreedOn: null,
      reminderFeeAgreementSource: null,
    });
  });

  it("refuses input that is not an agreement or null, at the boundary", async () => {
    const who = await agentAndCustomer();
    for (const input of [
      {},
      { agreedOn: "2025-02-30", source: "Avtal v3" },
      { agreedOn: "1 mars 2025", source: "Avtal v3" },
      { agreedOn: "2025-03-01", source: " " },
      { agreedOn: "2025-03-01", source: "x".repeat(201) },
      { agreedOn: "2025-03-01", source: "Avtal v3", feeOre: 6_000 },
      "2025-03-01",
    ]) {
      await expectAppError(record(who, input), "BAD_INPUT");
    }
    expect((await stored(who.customerId)).reminderFeeAgreedOn).toBeNull();
  });

  it("is what decides the fee: charged on debts that arose on or after the agreement only", async () => {
    const who = await agentAndCustomer({ reminderFeeOre: 6_000 });
    const issuedOn = async (date: string) => {
      const invoice = await createIssuedInvoice(db.prisma, {
        organizationId: who.organizationId,
        customerId: who.customerId,
        issueDate: day(date),
      });
      return db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    };
    const decide = (invoice: Awaited<ReturnType<typeof issuedOn>>) =>
      db.prisma.$transaction(async (tx) => decideReminderFee(await feePartiesOf(tx, invoice)));
    const before = await issuedOn("2025-02-28");
    const onTheDay = await issuedOn("2025-03-01");
    expect(await decide(onTheDay)).toEqual({ kind: "none", reason: "not-agreed" });

    await record(who, { agreedOn: "2025-03-01", source: "Avtal v3" });
    expect(await decide(before)).toEqual({ kind: "none", reason: "agreed-too-late" });
    expect(await decide(onTheDay)).toMatchObject({ kind: "reminder-fee", amountOre: 6_000 });

    await record(who, null);
    expect(await decide(onTheDay)).toEqual({ kind: "none", reason: "not-agreed" });
  });
});
