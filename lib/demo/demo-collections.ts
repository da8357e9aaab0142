import { randomUUID } from "node:crypto";
import {
  collectionFeeReference,
  interestReference,
  loadCollectionInvoices,
} from "@/lib/collections/load-cases";
import { refreshOutcomes, updateBeliefs } from "@/lib/collections/outcomes";
import { feeReference } from "@/lib/collections/reminder-fees";
import {
  evaluateInvoices,
  evaluationContext,
  forecastCollections,
  runCollections,
} from "@/lib/collections/run";
import {
  addDays,
  formatCalendarDate,
  parseCalendarDate,
  todayInSweden,
} from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { recordInvoiceEvents } from "@/lib/timeline/invoice-events";

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
        // An A/B test: the reminder as written, against an earlier, firmer SMS.
        experimentMode: "SPLIT",
        variants: {
          create: [
            { key: "A", name: "E-post efter 8 dagar", weight: 50 },
            {
              key: "B",
              name: "SMS efter 5 dagar",
              weight: 50,
              offsetDays: 5,
              channel: "SMS",
              tone: "FIRM",
            },
          ],
        },
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
        // The learner chooses, per customer group, between a neutral email and a firm SMS.
        experimentMode: "LEARNING",
        variants: {
          create: [
            { key: "A", name: "Neutralt e-brev", weight: 50 },
            {
              key: "B",
              name: "Bestämt SMS",
              weight: 50,
              offsetDays: 3,
              channel: "SMS",
              tone: "FIRM",
            },
          ],
        },
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
  // A year of what the policies did to invoices that are paid by now, what became of it, and
  // what the learner made of that; then the runs of the last weeks for what is still unpaid.
  await seedCollectionHistory({ db, organizationId, today });
  await refreshOutcomes({ db, organizationId, today });
  await updateBeliefs(db, organizationId);
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
  await refreshOutcomes({ db, organizationId, today });
  return performed;
}

/**
 * The steps the policies took on invoices of the last year that were paid late: each invoice
 * planned as it stood the day it was issued (the engine, with the demo's experiments), every step
 * that fell before it was paid taken that morning — the action, its fee and interest, its timeline
 * entry — and the fees paid along with the invoice, so it stays paid. Courtesies before the due
 * date are there for invoices paid on time too.
 */
export async function seedCollectionHistory(options: {
  db: Db;
  organizationId: string;
  today: Date;
}): Promise<number> {
  const { db, organizationId, today } = options;
  const settled = await db.invoice.findMany({
    where: {
      organizationId,
      kind: "INVOICE",
      status: "PAID",
      issueDate: { not: null, gte: addDays(today, -395) },
      dueDate: { lt: today },
    },
    select: {
      id: true,
      issueDate: true,
      ledgerEntries: { where: { kind: "PAYMENT" }, select: { occurredAt: true } },
    },
  });
  const byIssueDay = new Map<string, Array<{ id: string; paidOn: Date; paidAt: Date }>>();
  for (const invoice of settled) {
    const last = invoice.ledgerEntries.reduce<Date | null>(
      (latest, entry) => (!latest || entry.occurredAt > latest ? entry.occurredAt : latest),
      null,
    );
    if (!last) continue;
    const key = formatCalendarDate(invoice.issueDate!);
    const group = byIssueDay.get(key) ?? [];
    group.push({ id: invoice.id, paidOn: todayInSweden(last), paidAt: last });
    byIssueDay.set(key, group);
  }
  let taken = 0;
  for (const [issueDay, group] of [...byIssueDay].sort(([a], [b]) => a.localeCompare(b))) {
    const asOf = parseCalendarDate(issueDay);
    const paidOn = new Map(group.map((invoice) => [invoice.id, invoice.paidOn]));
    const paidAt = new Map(group.map((invoice) => [invoice.id, invoice.paidAt]));
    const context = await evaluationContext(db, organizationId, asOf);
    const invoices = await loadCollectionInvoices(db, {
      organizationId,
      invoiceIds: group.map((invoice) => invoice.id),
      asOf,
      includeHandedOver: true,
      limit: group.length,
    });
    const evaluated = await evaluateInvoices(db, context, invoices);
    for (const { invoice, policy, plan } of evaluated) {
      const invoiceId = invoice.collectionCase.invoiceId;
      const paid = paidOn.get(invoiceId)!;
      const steps = plan.steps.filter(
        (step) => step.date !== null && step.date < paid && step.date < today,
      );
      if (steps.length === 0) continue;
      const actions = steps.map((step) => ({
        id: randomUUID(),
        organizationId,
        invoiceId,
        policyId: policy.terms.id,
        stepId: step.stepId,
        kind: step.kind,
        channel: step.channel,
        plannedFor: step.date!,
        performedOn: step.date!,
        performedAt: morningOf(step.date!),
        amountDueOre: step.amountDueOre,
        feeOre: step.feeOre,
        feeKind: step.feeKind,
        interestOre: step.interestOre,
        interestFrom: step.interestFrom,
        interestThrough: step.interestThrough,
        interestRateBasisPoints: step.interestRateBasisPoints,
        payBy: step.payBy,
        reason: `${step.feeReason}; ${step.interestReason}`,
        sendStatus: step.channel === "PAGE" ? ("PAGE_ONLY" as const) : ("SENT" as const),
        sentAt: step.channel === "PAGE" ? null : morningOf(step.date!),
        printedAt: step.channel === "LETTER" ? morningOf(step.date!) : null,
        variantKey: step.variant?.key ?? null,
        assignment: (step.variant?.assignment ?? undefined) as Prisma.InputJsonValue | undefined,
      }));
      await db.collectionAction.createMany({ data: actions });
      const charges = steps.flatMap((step) => [
        ...(step.feeKind && step.feeOre > 0
          ? [
              {
                organizationId,
                invoiceId,
                kind: "FEE" as const,
                amountOre: step.feeOre,
                externalRef:
                  step.feeKind === "collection-fee"
                    ? collectionFeeReference(invoiceId)
                    : feeReference(invoiceId),
                memo:
                  step.feeKind === "late-payment-compensation"
                    ? "late payment compensation"
                    : step.feeKind.replace("-", " "),
                occurredAt: morningOf(step.date!),
              },
            ]
          : []),
        ...(step.interestOre > 0
          ? [
              {
                organizationId,
                invoiceId,
                kind: "FEE" as const,
                amountOre: step.interestOre,
                externalRef: interestReference(invoiceId, step.stepId),
                memo: "interest",
                occurredAt: morningOf(step.date!),
              },
            ]
          : []),
      ]);
      const charged = charges.reduce((sum, charge) => sum + charge.amountOre, 0);
      if (charged > 0) {
        // The customer paid the fees with the invoice: it stays paid.
        await db.ledgerEntry.createMany({
          data: [
            ...charges,
            {
              organizationId,
              invoiceId,
              kind: "PAYMENT",
              amountOre: -charged,
              externalRef: `demo-fees-paid:${invoiceId}`,
              memo: "bankgiro",
              occurredAt: new Date(paidAt.get(invoiceId)!.getTime() + 1_000),
            },
          ],
        });
      }
      if (steps.some((step) => step.kind === "COLLECTION_HANDOVER")) {
        const handover = steps.find((step) => step.kind === "COLLECTION_HANDOVER")!;
        await db.invoice.update({
          where: { id: invoiceId },
          data: { handedOverAt: morningOf(handover.date!) },
        });
      }
      await db.$transaction((tx) =>
        recordInvoiceEvents(
          tx,
          actions.map((action) => ({
            organizationId,
            invoiceId,
            type: "REMINDER_SENT" as const,
            visibility: "CUSTOMER" as const,
            occurredAt: action.performedAt,
            data: {
              actionId: action.id,
              step: action.kind.toLowerCase(),
              channel: action.channel.toLowerCase(),
              amountDueOre: action.amountDueOre,
              feeOre: action.feeOre,
              feeKind: action.feeKind,
              interestOre: action.interestOre,
              interestFrom: action.interestFrom ? formatCalendarDate(action.interestFrom) : null,
              interestThrough: action.interestThrough
                ? formatCalendarDate(action.interestThrough)
                : null,
              interestRateBasisPoints: action.interestRateBasisPoints,
              payBy: action.payBy ? formatCalendarDate(action.payBy) : null,
            },
          })),
        ),
      );
      taken += actions.length;
    }
  }
  return taken;
}
