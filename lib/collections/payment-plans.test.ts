import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInvoiceCollection } from "@/lib/collections/invoice-collection";
import {
  type AcceptPaymentPlanInput,
  acceptPaymentPlan,
  acceptPaymentPlanInputSchema,
  offerParts,
  partOcr,
} from "@/lib/collections/payment-plans";
import { runCollections } from "@/lib/collections/run";
import { planStanding, settlePaymentPlans } from "@/lib/collections/settle-payment-plans";
import { isBankingDay } from "@/lib/dates/banking-days";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { recordPayment } from "@/lib/ledger/record-payment";
import { generateOcr, validateOcr } from "@/lib/references/ocr";
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
 * Payment plans on the real database: the plan the page offers is the plan agreed, each part with
 * an OCR of its own; reminders wait while it holds; paid, it ends; a part missed breaks it and the
 * run resumes the policy, re-timed by the days the plan held it; anything refused changes nothing.
 */
const day = parseCalendarDate;
const SYSTEM = { type: "SYSTEM" } as const;
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => database?.close());

const PLANS = { paymentPlanMinOre: 10_000, paymentPlanMaxParts: 3 };

async function setUp(policy: Parameters<typeof organizationWithPolicy>[1] = PLANS) {
  const world = await organizationWithPolicy(db, policy);
  const invoice = await decemberInvoice(db, world);
  return {
    ...world,
    invoice,
    target: { invoiceId: invoice.id, organizationId: world.organizationId },
  };
}

const accept = async (
  target: { invoiceId: string; organizationId: string },
  input: Partial<AcceptPaymentPlanInput> & { parts: number },
  today = day("2026-12-14"),
) => {
  const { version } = await db.invoice.findUniqueOrThrow({ where: { id: target.invoiceId } });
  return acceptPaymentPlan({
    db,
    invoice: target,
    input: await atTheBoundary(acceptPaymentPlanInputSchema, {
      expectedVersion: version,
      ...input,
    }),
    today,
  });
};

const pay = (
  target: { invoiceId: string; organizationId: string },
  amountOre: number,
  on: string,
) =>
  recordPayment({
    db,
    actor: SYSTEM,
    input: {
      ...target,
      amountOre,
      method: "bankgiro",
      externalRef: `bg-${target.invoiceId}-${on}-${amountOre}`,
      occurredAt: new Date(`${on}T10:00:00Z`),
    },
  });

describe("offerParts", () => {
  it("splits the öre evenly, the rest on the last part, monthly from the later of the due date and two weeks", () => {
    const parts = offerParts({
      totalOre: 55_000,
      parts: 3,
      today: day("2026-12-20"),
      dueDate: day("2026-12-10"),
    });
    expect(parts.map((p) => [p.position, formatCalendarDate(p.dueDate), p.amountOre])).toEqual([
      // 3 January 2027 is a Sunday.
      [1, "2027-01-04", 18_333],
      [2, "2027-02-03", 18_333],
      [3, "2027-03-03", 18_334],
    ]);
    // A due date further off than two weeks is the first part's day.
    const later = offerParts({
      totalOre: 10_001,
      parts: 2,
      today: day("2026-12-01"),
      dueDate: day("2027-01-29"),
    });
    expect(later.map((p) => [formatCalendarDate(p.dueDate), p.amountOre])).toEqual([
      ["2027-01-29", 5_000],
      // 29 February does not exist in 2027, and 28 February is a Sunday.
      ["2027-03-01", 5_001],
    ]);
  });

  it("always sums to the total, on banking days, a month or so apart", () => {
    for (let parts = 2; parts <= 12; parts += 1) {
      for (const totalOre of [10_000, 12_345, 99_999_999]) {
        const offered = offerParts({
          totalOre,
          parts,
          today: day("2026-01-31"),
          dueDate: day("2026-01-15"),
        });
        expect(offered.reduce((sum, p) => sum + p.amountOre, 0)).toBe(totalOre);
        for (const part of offered) expect(isBankingDay(part.dueDate)).toBe(true);
        for (let i = 1; i < offered.length; i += 1) {
          expect(offered[i]!.dueDate > offered[i - 1]!.dueDate).toBe(true);
        }
      }
    }
  });
});

describe("partOcr", () => {
  it("is a valid OCR of its own: 15 digits, naming the invoice and the part, never an invoice's", () => {
    const ocr = partOcr(10_042, 2);
    expect(ocr).toHaveLength(15);
    expect(ocr.startsWith("9000001004202")).toBe(true);
    expect(validateOcr(ocr, "variable-length")).toEqual({ ok: true });
    expect(partOcr(10_042, 1)).not.toBe(ocr);
    expect(partOcr(10_043, 2)).not.toBe(ocr);
    // An invoice's OCR is its number and two digits: 12 digits at most.
    expect(generateOcr(2_147_483_647)).toHaveLength(12);
    expect(() => partOcr(0, 1)).toThrow();
    expect(() => partOcr(1, 100)).toThrow();
  });
});

describe("planStanding", () => {
  const parts = [
    { dueDate: day("2027-01-04"), amountOre: 20_000 },
    { dueDate: day("2027-02-04"), amountOre: 20_000 },
  ];
  const standing = (paidSinceOre: number, today: string, balanceOre = 40_000 - paidSinceOre) =>
    planStanding({ totalOre: 40_000, paidSinceOre, balanceOre, parts, today: day(today) });

  it("holds while each part due is paid, breaks three banking days after a part's last day to pay (the bank's file may come late), ends when paid", () => {
    // Part 1's last day is Monday 4 January; the bank's file has until Friday the 8th
    // (trettondedag jul, the 6th, is no banking day).
    expect(standing(0, "2027-01-08")).toBe("ACTIVE");
    expect(standing(0, "2027-01-09")).toBe("BROKEN");
    expect(standing(19_999, "2027-01-09")).toBe("BROKEN");
    // Part 2's last day is Thursday 4 February: until Tuesday the 9th.
    expect(standing(20_000, "2027-02-09")).toBe("ACTIVE");
    expect(standing(20_000, "2027-02-10")).toBe("BROKEN");
    expect(standing(40_000, "2027-03-01")).toBe("COMPLETED");
    // Nothing owed any more (credited, say): the plan is done.
    expect(standing(0, "2027-01-09", 0)).toBe("COMPLETED");
  });
});

describe(`payment plans (${testDatabaseKind})`, () => {
  it("agrees the plan the page offered: parts with their own OCR, the pause, the timeline, a run and a mail", async () => {
    const { target, organizationId, invoice } = await setUp();
    const before = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const offered = await loadInvoiceCollection(db, { ...target, today: day("2026-12-14") });
    expect(offered?.paymentPlanOffer).toEqual({ maxParts: 3, feeOre: 0 });

    const plan = await accept(target, { parts: 3 });
    expect(plan).toMatchObject({
      invoiceId: invoice.id,
      version: before.version + 1,
      totalOre: 50_000,
      feeOre: 0,
    });
    expect(plan.parts).toEqual([
      { position: 1, dueDate: "2026-12-28", amountOre: 16_666, ocr: partOcr(invoice.number, 1) },
      { position: 2, dueDate: "2027-01-28", amountOre: 16_666, ocr: partOcr(invoice.number, 2) },
      { position: 3, dueDate: "2027-03-01", amountOre: 16_668, ocr: partOcr(invoice.number, 3) },
    ]);
    const stored = await db.paymentPlan.findUniqueOrThrow({ where: { id: plan.planId } });
    expect(stored).toMatchObject({ status: "ACTIVE", totalOre: 50_000, paidBeforeOre: 0 });
    const pause = await db.collectionPause.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(pause).toMatchObject({
      reason: "PAYMENT_PLAN",
      startedOn: day("2026-12-14"),
      endedOn: null,
      sourceId: plan.planId,
    });
    expect(await db.ledgerEntry.count({ where: { invoiceId: invoice.id, kind: "FEE" } })).toBe(0);
    const agreed = await db.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: invoice.id, type: "PAYMENT_PLAN_AGREED" },
    });
    expect(agreed).toMatchObject({ visibility: "CUSTOMER", actorType: "CUSTOMER" });
    expect(agreed.data).toMatchObject({ planId: plan.planId, feeOre: 0, totalOre: 50_000 });
    expect((agreed.data as { parts: unknown[] }).parts).toHaveLength(3);
    const mails = await queuedJobs(db, "collections.notify-customer");
    expect(mails.filter((j) => j.data.invoiceId === invoice.id).map((j) => j.data)).toEqual([
      { organizationId, invoiceId: invoice.id, kind: "payment-plan" },
    ]);
    const runs = await queuedJobs(db, "collections.run");
    expect(runs.some((job) => (job.data.invoiceIds as string[])?.includes(invoice.id))).toBe(true);

    // The page now shows the plan, reminders paused, and offers neither a plan nor more time.
    const after = await loadInvoiceCollection(db, { ...target, today: day("2026-12-20") });
    expect(after).toMatchObject({
      paymentPlanOffer: null,
      respiteUntil: null,
      plan: { state: "paused" },
    });
    expect(after!.plan.steps[0]!.pausedBy).toEqual({
      reason: "PAYMENT_PLAN",
      since: day("2026-12-14"),
    });
    expect(after!.activePlan!.parts.map((p) => p.paid)).toEqual([false, false, false]);
    // The run takes no step while it holds.
    await runCollections({ db, organizationId, today: day("2026-12-17") });
    expect(await db.collectionAction.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("adds the policy's fee to the parts, once, as a fee on the ledger, and counts what was paid before", async () => {
    const { target, invoice } = await setUp({ ...PLANS, paymentPlanFeeOre: 17_000 });
    await pay(target, 10_000, "2026-12-05");
    const plan = await accept(target, { parts: 2 }, day("2026-12-01"));
    // 500 kr less 100 kr paid, plus the 170 kr fee.
    expect(plan).toMatchObject({ totalOre: 57_000, feeOre: 17_000 });
    expect(plan.parts.map((p) => [p.dueDate, p.amountOre])).toEqual([
      ["2026-12-15", 28_500],
      ["2027-01-15", 28_500],
    ]);
    const stored = await db.paymentPlan.findUniqueOrThrow({ where: { id: plan.planId } });
    expect(stored.paidBeforeOre).toBe(10_000);
    const fees = await db.ledgerEntry.findMany({ where: { invoiceId: invoice.id, kind: "FEE" } });
    expect(fees.map((f) => [f.amountOre, f.externalRef, f.memo])).toEqual([
      [17_000, `payment-plan-fee:${invoice.id}`, "payment plan fee"],
    ]);
  });

  it("ends a plan paid in full, part by part, and ends its pause", async () => {
    const { target, organizationId, invoice } = await setUp();
    const plan = await accept(target, { parts: 2 });
    await pay(target, 25_000, "2026-12-28");
    expect(await settlePaymentPlans(db, { organizationId, today: day("2027-01-10") })).toEqual({
      completed: 0,
      broken: 0,
      changedInvoiceIds: [],
    });
    const halfway = await loadInvoiceCollection(db, { ...target, today: day("2027-01-10") });
    expect(halfway!.activePlan!.parts.map((p) => p.paid)).toEqual([true, false]);
    await pay(target, 25_000, "2027-01-20");
    // The invoice is paid: it is no longer among the unpaid, but its plan still ends.
    expect(await settlePaymentPlans(db, { organizationId, today: day("2027-01-21") })).toEqual({
      completed: 1,
      broken: 0,
      changedInvoiceIds: [invoice.id],
    });
    expect(await db.paymentPlan.findUniqueOrThrow({ where: { id: plan.planId } })).toMatchObject({
      status: "COMPLETED",
    });
    const pause = await db.collectionPause.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(pause.endedOn).toEqual(day("2027-01-21"));
    const ended = await db.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: invoice.id, type: "PAYMENT_PLAN_ENDED" },
    });
    expect(ended).toMatchObject({ visibility: "CUSTOMER", data: { status: "COMPLETED" } });
  });

  it("breaks a plan whose part is not paid by its last day, and the run resumes the policy re-timed", async () => {
    const { target, organizationId, invoice } = await setUp();
    // Agreed 14 December, four days after the due date: the reminder (due + 7) had 3 days to go.
    const plan = await accept(target, { parts: 2 });
    expect(plan.parts[0]!.dueDate).toBe("2026-12-28");
    for (let today = day("2026-12-14"); today <= day("2027-01-10"); today = addDays(today, 1)) {
      await runCollections({ db, organizationId, today, invoiceIds: [invoice.id] });
    }
    expect(await db.paymentPlan.findUniqueOrThrow({ where: { id: plan.planId } })).toMatchObject({
      status: "BROKEN",
    });
    const pause = await db.collectionPause.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    // Part 1's last day is Monday 28 December; three banking days for the bank's file run to
    // Monday 4 January (nyårsafton, nyårsdagen and a weekend between): broken on the 5th.
    expect(pause.endedOn).toEqual(day("2027-01-05"));
    const ended = await db.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: invoice.id, type: "PAYMENT_PLAN_ENDED" },
    });
    expect(ended.data).toMatchObject({ planId: plan.planId, status: "BROKEN" });
    // 11–13 December and 5–8 January are the reminder's seven days: Friday 8 January.
    const actions = await db.collectionAction.findMany({ where: { invoiceId: invoice.id } });
    expect(actions.map((a) => [a.kind, formatCalendarDate(a.performedOn), a.feeOre])).toEqual([
      ["REMINDER", "2027-01-08", 6_000],
    ]);
    // Once a plan was had, the page offers none again.
    const after = await loadInvoiceCollection(db, { ...target, today: day("2027-01-09") });
    expect(after?.paymentPlanOffer).toBeNull();
    expect(after?.activePlan).toBeNull();
  });

  it("refuses what is not offered, too many parts, a stale page and a second plan, changing nothing", async () => {
    const none = await setUp({});
    const noneBefore = await collectionState(db, none.invoice.id);
    const refused = await expectAppError(
      accept(none.target, { parts: 2 }),
      "CONFLICT",
      /not offered/,
    );
    expect(refused.details).toEqual({ reason: "not_offered" });
    expect(await collectionState(db, none.invoice.id)).toEqual(noneBefore);

    const small = await setUp({ ...PLANS, paymentPlanMinOre: 60_000 });
    await expectAppError(accept(small.target, { parts: 2 }), "CONFLICT", /not offered/);

    const { target, invoice } = await setUp();
    const before = await collectionState(db, invoice.id);
    const tooMany = await expectAppError(
      accept(target, { parts: 4 }),
      "BAD_INPUT",
      /at most 3 parts/,
    );
    expect(tooMany.details).toEqual({ reason: "too_many_parts" });
    await expectAppError(accept(target, { parts: 1 }), "BAD_INPUT", /at least 2 parts/);
    await expectAppError(accept(target, { parts: 2.5 }), "BAD_INPUT");
    const stale = await expectAppError(
      accept(target, { parts: 2, expectedVersion: before.invoice.version + 1 }),
      "STALE_VERSION",
    );
    // Only that it changed: the timeline's staff names are not the customer's to read.
    expect(stale.details).toEqual({ currentVersion: before.invoice.version });
    expect(await collectionState(db, invoice.id)).toEqual(before);

    await accept(target, { parts: 2 });
    const afterOne = await collectionState(db, invoice.id);
    await expectAppError(accept(target, { parts: 3 }), "CONFLICT", /not offered/);
    expect(await collectionState(db, invoice.id)).toEqual(afterOne);
  });

  it("acts only within the organisation, and settles only the organisation's plans", async () => {
    const a = await setUp();
    const b = await setUp();
    const before = await collectionState(db, a.invoice.id);
    await expectAppError(
      accept({ invoiceId: a.invoice.id, organizationId: b.organizationId }, { parts: 2 }),
      "NOT_FOUND",
    );
    expect(await collectionState(db, a.invoice.id)).toEqual(before);
    await accept(a.target, { parts: 2 });
    expect(
      await settlePaymentPlans(db, { organizationId: b.organizationId, today: day("2027-06-01") }),
    ).toEqual({ completed: 0, broken: 0, changedInvoiceIds: [] });
    expect(
      await db.paymentPlan.findFirstOrThrow({ where: { invoiceId: a.invoice.id } }),
    ).toMatchObject({ status: "ACTIVE" });
  });
});
