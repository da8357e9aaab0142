import { z } from "zod";
import {
  addDays,
  daysBetween,
  formatCalendarDate,
  parseCalendarDate,
  todayInSweden,
} from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { InvoiceKind, InvoiceStatus, Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import {
  customerTextSchema,
  expectedVersionSchema,
  lockInvoiceForChange,
  reasonSchema,
  saveInvoiceChange,
} from "@/lib/invoices/invoice-change";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import { deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/** The longest respite one decision may give; a longer one is a repayment plan, not a respite. */
export const MAX_RESPITE_DAYS = 90;

export const grantRespiteInputSchema = z.object({
  invoiceId: z.uuid(),
  organizationId: z.uuid(),
  expectedVersion: expectedVersionSchema,
  /** The new due date (a calendar date in Sweden). */
  dueDate: z.iso.date({ error: "expected a date in the form YYYY-MM-DD" }),
  /** Staff-only: why the respite was given. */
  reason: reasonSchema,
  /** What the customer reads on their timeline; without it the page shows a default text. */
  customerText: customerTextSchema,
});

export type GrantRespiteInput = z.output<typeof grantRespiteInputSchema>;

export interface GrantedRespite {
  invoiceId: string;
  version: number;
  status: InvoiceStatus;
  previousDueDate: string;
  dueDate: string;
}

/**
 * Gives the customer more time to pay an issued, unpaid invoice by moving its due date later (by
 * at most MAX_RESPITE_DAYS). The status follows the ledger and the new date: an overdue invoice
 * whose new due date is today or later is open again, and reminders plan from the new date.
 */
export async function grantRespite(options: {
  db: Db;
  input: GrantRespiteInput;
  actor: Actor;
  /** Today in Sweden (tests); defaults to the real today. */
  today?: Date;
}): Promise<GrantedRespite> {
  const { input } = options;
  const dueDate = parseCalendarDate(input.dueDate);
  return options.db.$transaction(async (tx) => {
    const invoice = await lockInvoiceForChange(tx, input);
    if (
      invoice.kind !== "INVOICE" ||
      (invoice.status !== "OPEN" && invoice.status !== "OVERDUE") ||
      !invoice.dueDate
    ) {
      throw new AppError(
        "CONFLICT",
        "Only an issued invoice that is still unpaid can be given more time to pay",
      );
    }
    const previousDueDate = invoice.dueDate;
    const previous = formatCalendarDate(previousDueDate);
    if (dueDate <= previousDueDate) {
      throw new AppError(
        "BAD_INPUT",
        `The new due date must be later than the current one, ${previous}`,
      );
    }
    if (daysBetween(previousDueDate, dueDate) > MAX_RESPITE_DAYS) {
      const latest = formatCalendarDate(addDays(previousDueDate, MAX_RESPITE_DAYS));
      throw new AppError(
        "BAD_INPUT",
        `A respite moves the due date at most ${MAX_RESPITE_DAYS} days, to ${latest} at the latest`,
      );
    }
    const moved = await moveDueDate(tx, {
      organizationId: input.organizationId,
      invoice: { ...invoice, dueDate: previousDueDate },
      dueDate,
      actor: options.actor,
      reason: input.reason,
      customerText: input.customerText ?? null,
      today: options.today ?? todayInSweden(),
    });
    return { invoiceId: invoice.id, ...moved };
  }, QUEUED_TRANSACTION);
}

/**
 * The one way a due date moves later, for a respite an agent gives (grantRespite) and one the
 * customer takes on their page (lib/collections/self-service.ts), in the caller's transaction with
 * the invoice locked and checked: the status follows the ledger and the new date, the customer's
 * timeline says the new date (RESPITE_GRANTED, by whoever gave it), the staff timeline keeps the
 * reason (DUE_DATE_CHANGED), and a collection run is asked for, so the steps re-time from the new
 * date at once.
 */
export async function moveDueDate(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    invoice: { id: string; kind: InvoiceKind; status: InvoiceStatus; dueDate: Date };
    dueDate: Date;
    actor: Actor;
    /** Staff-only: why (the organisation's own note). */
    reason: string;
    customerText: string | null;
    today: Date;
  },
): Promise<Omit<GrantedRespite, "invoiceId">> {
  const { invoice, dueDate } = options;
  const status = deriveInvoiceStatus({
    kind: invoice.kind,
    status: invoice.status,
    dueDate,
    sums: await getLedgerSums(tx, invoice.id),
    today: options.today,
  });
  const version = await saveInvoiceChange(tx, invoice.id, { dueDate, status });
  const actor = actorFields(options.actor);
  const dates = {
    previousDueDate: formatCalendarDate(invoice.dueDate),
    dueDate: formatCalendarDate(dueDate),
  };
  await recordInvoiceEvent(tx, {
    organizationId: options.organizationId,
    invoiceId: invoice.id,
    type: "RESPITE_GRANTED",
    visibility: "CUSTOMER",
    ...actor,
    customerText: options.customerText,
    data: dates,
  });
  // The reason is the organisation's own note (it may name hardship or a dispute): staff only.
  await recordInvoiceEvent(tx, {
    organizationId: options.organizationId,
    invoiceId: invoice.id,
    type: "DUE_DATE_CHANGED",
    visibility: "STAFF",
    ...actor,
    data: { ...dates, reason: options.reason, statusBefore: invoice.status, status },
  });
  await requestCollectionRun(tx, options.organizationId, [invoice.id]);
  return { version, status, ...dates };
}
