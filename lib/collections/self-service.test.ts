import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInvoiceCollection } from "@/lib/collections/invoice-collection";
import { runCollections } from "@/lib/collections/run";
import {
  respiteWindow,
  type TakeRespiteInput,
  takeRespite,
  takeRespiteInputSchema,
} from "@/lib/collections/self-service";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  collectionState,
  decemberInvoice,
  organizationWithPolicy,
} from "@/tests/helpers/collection-fixtures";
import { atTheBoundary, expectAppError } from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * "Behöver du mer tid?" on the real database: the customer moves the due date once, for free, up
 * to the day the policy allows; the reminders move with it; anything else changes nothing.
 */
const day = parseCalendarDate;
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => database?.close());

async function setUp(policy: Parameters<typeof organizationWithPolicy>[1] = {}) {
  const world = await organizationWithPolicy(db, policy);
  const invoice = await decemberInvoice(db, world);
  return {
    ...world,
    invoice,
    target: { invoiceId: invoice.id, organizationId: world.organizationId },
  };
}

// As the route hands it over: parsed with the domain's schema first.
const take = async (
  target: { invoiceId: string; organizationId: string },
  input: Partial<TakeRespiteInput> & { dueDate: string },
  today = day("2026-12-08"),
) => {
  const { version } = await db.invoice.findUniqueOrThrow({ where: { id: target.invoiceId } });
  return takeRespite({
    db,
    invoice: target,
    input: await atTheBoundary(takeRespiteInputSchema, { expectedVersion: version, ...input }),
    today,
  });
};

describe(`self-service respite (${testDatabaseKind})`, () => {
  it("offers the days after both today and the due date, up to the policy's limit", () => {
    expect(
      respiteWindow({
        dueDate: day("2026-12-10"),
        today: day("2026-12-08"),
        respiteUntil: day("2026-12-24"),
      }),
    ).toEqual({ from: day("2026-12-11"), until: day("2026-12-24") });
    expect(
      respiteWindow({
        dueDate: day("2026-12-10"),
        today: day("2026-12-15"),
        respiteUntil: day("2026-12-29"),
      }),
    ).toEqual({ from: day("2026-12-16"), until: day("2026-12-29") });
  });

  it("moves the due date once, free, with the customer's timeline, a run and a confirmation", async () => {
    const { target, organizationId, invoice } = await setUp();
    const before = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const collection = await loadInvoiceCollection(db, { ...target, today: day("2026-12-08") });
    expect(formatCalendarDate(collection!.respiteUntil!)).toBe("2026-12-24");

    // A Sunday is fine: the engine counts the last day to pay from the next banking day.
    const taken = await take(target, { dueDate: "2026-12-20" });
    expect(taken).toEqual({
      invoiceId: invoice.id,
      version: before.version + 1,
      status: "OPEN",
      previousDueDate: "2026-12-10",
      dueDate: "2026-12-20",
    });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      dueDate: day("2026-12-20"),
      version: before.version + 1,
    });
    const events = await db.invoiceEvent.findMany({
      where: { invoiceId: invoice.id, type: { in: ["RESPITE_GRANTED", "DUE_DATE_CHANGED"] } },
      orderBy: { type: "desc" },
    });
    expect(events.map((e) => [e.type, e.visibility, e.actorType, e.data])).toEqual([
      [
        "RESPITE_GRANTED",
        "CUSTOMER",
        "CUSTOMER",
        { previousDueDate: "2026-12-10", dueDate: "2026-12-20" },
      ],
      [
        "DUE_DATE_CHANGED",
        "STAFF",
        "CUSTOMER",
        expect.objectContaining({ statusBefore: "OPEN", status: "OPEN" }),
      ],
    ]);
    // No fee, ever.
    expect(await db.ledgerEntry.count({ where: { invoiceId: invoice.id, kind: "FEE" } })).toBe(0);
    const runs = await queuedJobs(db, "collections.run");
    expect(runs.some((job) => (job.data.invoiceIds as string[])?.includes(invoice.id))).toBe(true);
    const mails = await queuedJobs(db, "collections.notify-customer");
    expect(mails.filter((job) => job.data.invoiceId === invoice.id).map((j) => j.data)).toEqual([
      { organizationId, invoiceId: invoice.id, kind: "respite" },
    ]);

    // Once per invoice: the page offers it no more, and asking again is refused.
    const after = await loadInvoiceCollection(db, { ...target, today: day("2026-12-09") });
    expect(after?.respiteUntil).toBeNull();
    const again = await expectAppError(
      take(target, { dueDate: "2026-12-22" }, day("2026-12-09")),
      "CONFLICT",
      /already taken once/,
    );
    expect(again.details).toEqual({ reason: "already_taken" });
  });

  it("re-times the reminders: the run reminds a week after the new due date, not the old", async () => {
    const { target, organizationId, invoice } = await setUp();
    await take(target, { dueDate: "2026-12-20" });
    const collection = await loadInvoiceCollection(db, { ...target, today: day("2026-12-08") });
    // 20 December + 7 is a Sunday: the next banking day.
    expect(collection!.plan.steps[0]).toMatchObject({ kind: "REMINDER", date: day("2026-12-28") });
    for (let today = day("2026-12-08"); today <= day("2026-12-28"); today = addDays(today, 1)) {
      await runCollections({ db, organizationId, today, invoiceIds: [invoice.id] });
    }
    const actions = await db.collectionAction.findMany({ where: { invoiceId: invoice.id } });
    expect(actions.map((a) => [a.kind, formatCalendarDate(a.performedOn), a.feeOre])).toEqual([
      ["REMINDER", "2026-12-28", 6_000],
    ]);
  });

  it("refuses a day outside the window, a stale page and a bad date, changing nothing", async () => {
    const { target, invoice } = await setUp();
    const before = await collectionState(db, invoice.id);
    const tooEarly = await expectAppError(
      take(target, { dueDate: "2026-12-10" }),
      "BAD_INPUT",
      /2026-12-11 or later/,
    );
    expect(tooEarly.details).toEqual({ reason: "too_early" });
    const tooLate = await expectAppError(
      take(target, { dueDate: "2026-12-25" }),
      "BAD_INPUT",
      /2026-12-24 at the latest/,
    );
    expect(tooLate.details).toEqual({ reason: "too_late" });
    const stale = await expectAppError(
      take(target, { dueDate: "2026-12-20", expectedVersion: before.invoice.version - 1 }),
      "STALE_VERSION",
    );
    // A customer is told the invoice changed, never who on the staff changed it or what they did.
    expect(stale.details).toEqual({ currentVersion: before.invoice.version });
    expect(stale.message).not.toMatch(/changed this invoice first/);
    await expectAppError(take(target, { dueDate: "2026-02-30" }), "BAD_INPUT");
    await expectAppError(take(target, { dueDate: "den 20:e" }), "BAD_INPUT");
    expect(await collectionState(db, invoice.id)).toEqual(before);
    expect(
      (await queuedJobs(db, "collections.notify-customer")).filter(
        (job) => job.data.invoiceId === invoice.id,
      ),
    ).toEqual([]);
  });

  it("is not offered when the policy gives none, on a paid invoice, or after a final reminder", async () => {
    const none = await setUp({ respiteMaxDays: 0 });
    const before = await collectionState(db, none.invoice.id);
    const refused = await expectAppError(
      take(none.target, { dueDate: "2026-12-20" }),
      "CONFLICT",
      /not offered/,
    );
    expect(refused.details).toEqual({ reason: "not_offered" });
    expect(await collectionState(db, none.invoice.id)).toEqual(before);

    const paid = await setUp();
    await recordPayment({
      db,
      actor: { type: "SYSTEM" },
      input: {
        invoiceId: paid.invoice.id,
        organizationId: paid.organizationId,
        amountOre: paid.invoice.totalOre,
        method: "bankgiro",
        externalRef: `paid-${paid.invoice.id}`,
      },
    });
    await expectAppError(take(paid.target, { dueDate: "2026-12-20" }), "CONFLICT", /not offered/);

    const late = await setUp();
    for (const today of ["2026-12-17", "2026-12-31", "2027-01-04"]) {
      await runCollections({
        db,
        organizationId: late.organizationId,
        today: day(today),
        invoiceIds: [late.invoice.id],
      });
    }
    expect(
      await db.collectionAction.count({
        where: { invoiceId: late.invoice.id, kind: "FINAL_REMINDER" },
      }),
    ).toBe(1);
    await expectAppError(
      take(late.target, { dueDate: "2027-01-10" }, day("2027-01-05")),
      "CONFLICT",
      /not offered/,
    );
  });

  it("acts only within the link's organisation", async () => {
    const a = await setUp();
    const b = await setUp();
    const before = await collectionState(db, a.invoice.id);
    await expectAppError(
      take(
        { invoiceId: a.invoice.id, organizationId: b.organizationId },
        { dueDate: "2026-12-20" },
      ),
      "NOT_FOUND",
    );
    expect(await collectionState(db, a.invoice.id)).toEqual(before);
  });
});
