import { forecastCollections, runCollections } from "@/lib/collections/run";
import { addDays, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The demo's collection policies — one for everyone, a gentler one for loyal customers who have
 * never been late, and one for businesses — and the history they would have made: the daily run
 * replayed over the last weeks, so overdue invoices carry their courtesy, reminder (with the fee
 * where the customer agreed) and, for the oldest, a final reminder.
 */
const STANDARD: Prisma.CollectionPolicyCreateWithoutOrganizationInput = {
  name: "Standard",
  position: 100,
  isDefault: true,
  targeting: { all: [] },
  feeMinimumAmountDueOre: 10_000,
  chargeInterest: true,
  interestMinimumOre: 1_000,
  respiteMaxDays: 14,
  paymentPlanMinOre: 150_000,
  paymentPlanMaxParts: 3,
  agencyName: "Norra Inkasso AB (demo)",
  agencyContact: "0771-12 34 56 · kundtjanst@norrainkasso.example",
  steps: {
    create: [
      {
        position: 0,
        kind: "COURTESY",
        anchor: "DUE_DATE",
        offsetDays: -3,
        channel: "EMAIL",
        tone: "FRIENDLY",
      },
      {
        position: 1,
        kind: "REMINDER",
        anchor: "DUE_DATE",
        offsetDays: 8,
        channel: "EMAIL",
        tone: "NEUTRAL",
        chargeFee: true,
      },
      {
        position: 2,
        kind: "FINAL_REMINDER",
        anchor: "PREVIOUS_STEP",
        offsetDays: 14,
        channel: "SMS",
        tone: "FIRM",
        chargeFee: true,
      },
      {
        position: 3,
        kind: "COLLECTION_HANDOVER",
        anchor: "PREVIOUS_STEP",
        offsetDays: 14,
        channel: "LETTER",
        tone: "FIRM",
        chargeFee: true,
      },
    ],
  },
};

const LOYAL: Prisma.CollectionPolicyCreateWithoutOrganizationInput = {
  name: "Trogna kunder",
  position: 10,
  targeting: {
    all: [
      { fact: "tenureMonths", op: "gte", value: 60 },
      { fact: "overdueInvoices12m", op: "eq", value: 0 },
    ],
  },
  feeMinimumAmountDueOre: 10_000,
  chargeInterest: false,
  respiteMaxDays: 30,
  paymentPlanMinOre: 50_000,
  paymentPlanMaxParts: 6,
  steps: {
    create: [
      {
        position: 0,
        kind: "COURTESY",
        anchor: "DUE_DATE",
        offsetDays: -2,
        channel: "EMAIL",
        tone: "FRIENDLY",
      },
      {
        position: 1,
        kind: "REMINDER",
        anchor: "DUE_DATE",
        offsetDays: 10,
        channel: "EMAIL",
        tone: "FRIENDLY",
      },
      {
        position: 2,
        kind: "FINAL_REMINDER",
        anchor: "PREVIOUS_STEP",
        offsetDays: 21,
        channel: "EMAIL",
        tone: "NEUTRAL",
      },
    ],
  },
};

const BUSINESS: Prisma.CollectionPolicyCreateWithoutOrganizationInput = {
  name: "Företag",
  position: 0,
  targeting: { fact: "isBusiness", op: "eq", value: true },
  feeMinimumAmountDueOre: 0,
  chargeInterest: true,
  interestMinimumOre: 100,
  respiteMaxDays: 0,
  agencyName: "Norra Inkasso AB (demo)",
  agencyContact: "0771-12 34 56 · foretag@norrainkasso.example",
  steps: {
    create: [
      {
        position: 0,
        kind: "REMINDER",
        anchor: "DUE_DATE",
        offsetDays: 5,
        channel: "EMAIL",
        tone: "NEUTRAL",
        chargeFee: true,
      },
      {
        position: 1,
        kind: "FINAL_REMINDER",
        anchor: "PREVIOUS_STEP",
        offsetDays: 10,
        channel: "EMAIL",
        tone: "FIRM",
        chargeFee: true,
      },
      {
        position: 2,
        kind: "COLLECTION_HANDOVER",
        anchor: "PREVIOUS_STEP",
        offsetDays: 10,
        channel: "LETTER",
        tone: "FIRM",
        chargeFee: true,
      },
    ],
  },
};

export const DEMO_POLICIES = [BUSINESS, LOYAL, STANDARD];

/** Stockholm 06:15 on a calendar day, as the morning run would have it. */
const morningOf = (day: Date) => new Date(day.getTime() + 5 * 3_600_000 + 15 * 60_000);

export async function seedCollections(options: {
  db: Db;
  organizationId: string;
  today: Date;
  now: Date;
  /** How far back the runs are replayed. */
  days?: number;
}): Promise<number> {
  const { db, organizationId, today } = options;
  for (const policy of DEMO_POLICIES) {
    await db.collectionPolicy.create({ data: { ...policy, organizationId } });
  }
  // The dry run from the first day names every day a step falls on; replaying the run on just
  // those days does what the daily runs would have done (the forecast equals the run).
  const start = addDays(today, -(options.days ?? 75));
  const days = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await forecastCollections({
      db,
      organizationId,
      today: start,
      from: start,
      days: (options.days ?? 75) + 1,
      cursor,
      limit: 500,
    });
    for (const invoice of page.invoices) {
      for (const step of invoice.steps) if (step.date) days.add(step.date);
    }
    cursor = page.nextCursor;
  } while (cursor);
  let performed = 0;
  for (const day of [...days].sort()) {
    const date = parseCalendarDate(day);
    const now = new Date(Math.min(morningOf(date).getTime(), options.now.getTime()));
    performed += (await runCollections({ db, organizationId, today: date, now })).performed;
  }
  return performed;
}
