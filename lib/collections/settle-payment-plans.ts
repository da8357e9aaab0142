import { endPause } from "@/lib/collections/pauses";
import { addBankingDays, lastDayToPay } from "@/lib/dates/banking-days";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { LedgerEntryKind, PaymentPlanStatus, Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { saveInvoiceChange } from "@/lib/invoices/invoice-change";
import { balanceOre, sumLedger } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * Payment plans in force, day by day: paid (completed) or a part missed (broken), each ending the
 * pause the plan held, so the collection run takes the policy up again. Apart from the customer's
 * side of plans (payment-plans.ts), so the run can call it without the page's modules.
 */
export interface SettledPlans {
  completed: number;
  broken: number;
  /** Invoices whose page changed (the caller sends the realtime cue). */
  changedInvoiceIds: string[];
}

/**
 * A part paid from the bank on its last day reaches us in the bank's file a banking day or two
 * later: a plan is not called broken until this many banking days have passed after that day.
 */
export const PLAN_BREAK_GRACE_BANKING_DAYS = 3;

/**
 * How a plan stands today: paid in full (what was paid since it began covers it all, or nothing
 * is owed any more), broken (a part's last day to pay and the grace for the bank's file have
 * passed and the payments since the plan began do not reach the parts due so far), or still
 * running. Parts are paid in order.
 */
export function planStanding(options: {
  totalOre: number;
  paidSinceOre: number;
  balanceOre: number;
  parts: ReadonlyArray<{ dueDate: Date; amountOre: number }>;
  today: Date;
}): "COMPLETED" | "BROKEN" | "ACTIVE" {
  if (options.paidSinceOre >= options.totalOre || options.balanceOre <= 0) return "COMPLETED";
  let due = 0;
  for (const part of options.parts) {
    due += part.amountOre;
    const grace = addBankingDays(lastDayToPay(part.dueDate), PLAN_BREAK_GRACE_BANKING_DAYS);
    if (grace < options.today && options.paidSinceOre < due) return "BROKEN";
  }
  return "ACTIVE";
}

/**
 * Ends the organisation's payment plans that are paid or broken by today (or those of the
 * invoices named): the plan's status, its pause ended today (the policy's steps resume, re-timed
 * by the days it held them), PAYMENT_PLAN_ENDED on the timeline and a new invoice version, in one
 * transaction per plan with the invoice locked. The daily run calls it first.
 */
export async function settlePaymentPlans(
  db: Db,
  options: { organizationId: string; today?: Date; invoiceIds?: readonly string[]; now?: Date },
): Promise<SettledPlans> {
  const today = options.today ?? todayInSweden();
  const settled: SettledPlans = { completed: 0, broken: 0, changedInvoiceIds: [] };
  const plans = await db.paymentPlan.findMany({
    where: {
      organizationId: options.organizationId,
      status: "ACTIVE",
      ...(options.invoiceIds ? { invoiceId: { in: [...options.invoiceIds] } } : {}),
    },
    select: {
      id: true,
      invoiceId: true,
      totalOre: true,
      paidBeforeOre: true,
      parts: { select: { dueDate: true, amountOre: true }, orderBy: { position: "asc" } },
    },
    orderBy: { invoiceId: "asc" },
  });
  if (plans.length === 0) return settled;
  // Read without locks first (most plans run on, and a morning run reads them all); only a plan
  // that looks paid or broken is decided again under its invoice's lock.
  const sums = await db.ledgerEntry.groupBy({
    by: ["invoiceId", "kind"],
    where: { invoiceId: { in: plans.map((plan) => plan.invoiceId) } },
    _sum: { amountOre: true },
  });
  const entriesBy = new Map<string, Array<{ kind: LedgerEntryKind; amountOre: number }>>();
  for (const row of sums) {
    const entries = entriesBy.get(row.invoiceId) ?? [];
    entries.push({ kind: row.kind, amountOre: row._sum.amountOre ?? 0 });
    entriesBy.set(row.invoiceId, entries);
  }
  const ledgerOf = (invoiceId: string) => sumLedger(entriesBy.get(invoiceId) ?? []);
  for (const { id, invoiceId, ...plan } of plans) {
    const ledger = ledgerOf(invoiceId);
    const looks = planStanding({
      totalOre: plan.totalOre,
      paidSinceOre: ledger.paidOre - plan.paidBeforeOre,
      balanceOre: balanceOre(ledger),
      parts: plan.parts,
      today,
    });
    if (looks === "ACTIVE") continue;
    const ended = await db.$transaction(
      (tx) => settlePlan(tx, { planId: id, invoiceId, today, now: options.now }),
      QUEUED_TRANSACTION,
    );
    if (!ended) continue;
    if (ended === "COMPLETED") settled.completed += 1;
    else settled.broken += 1;
    settled.changedInvoiceIds.push(invoiceId);
  }
  return settled;
}

async function settlePlan(
  tx: Prisma.TransactionClient,
  options: { planId: string; invoiceId: string; today: Date; now?: Date },
): Promise<PaymentPlanStatus | null> {
  await lockInvoiceForLedger(tx, options.invoiceId);
  const plan = await tx.paymentPlan.findUnique({
    where: { id: options.planId },
    include: { parts: { orderBy: { position: "asc" } } },
  });
  if (plan?.status !== "ACTIVE") return null;
  const sums = await getLedgerSums(tx, plan.invoiceId);
  const standing = planStanding({
    totalOre: plan.totalOre,
    paidSinceOre: sums.paidOre - plan.paidBeforeOre,
    balanceOre: balanceOre(sums),
    parts: plan.parts,
    today: options.today,
  });
  if (standing === "ACTIVE") return null;
  const now = options.now ?? new Date();
  await tx.paymentPlan.update({
    where: { id: plan.id },
    data: { status: standing, endedAt: now },
  });
  await endPause(tx, plan.id, options.today);
  await saveInvoiceChange(tx, plan.invoiceId, {});
  await recordInvoiceEvent(tx, {
    organizationId: plan.organizationId,
    invoiceId: plan.invoiceId,
    type: "PAYMENT_PLAN_ENDED",
    visibility: "CUSTOMER",
    data: { planId: plan.id, status: standing },
    occurredAt: now,
  });
  return standing;
}
