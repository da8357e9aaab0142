import { z } from "zod";
import { loadInvoiceCollection } from "@/lib/collections/invoice-collection";
import {
  addDays,
  formatCalendarDate,
  parseCalendarDate,
  todayInSweden,
} from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { InvoiceStatus } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { moveDueDate } from "@/lib/invoices/grant-respite";
import { expectedVersionSchema, lockInvoiceForChange } from "@/lib/invoices/invoice-change";
import { enqueueJob } from "@/lib/jobs/job-engine";

/**
 * "Behöver du mer tid?": the customer moves their invoice's due date later themselves, once, up to
 * the day their policy allows (invoice-collection.ts's respiteUntil), for free. The due date moves
 * as a respite an agent gives moves it (grant-respite.ts's moveDueDate: status, the customer's and
 * the staff timeline, a collection run that re-times the reminders from the new date), and the
 * customer gets a confirmation by email.
 */
export const takeRespiteInputSchema = z.object({
  /** The new due date (a calendar date in Sweden). */
  dueDate: z.iso.date({ error: "expected a date in the form YYYY-MM-DD" }),
  expectedVersion: expectedVersionSchema,
});
export type TakeRespiteInput = z.output<typeof takeRespiteInputSchema>;

/** Why a respite was refused, for the page to say in the customer's language. */
export type RespiteRefusal = "not_offered" | "already_taken" | "too_early" | "too_late";

export interface TakenRespite {
  invoiceId: string;
  version: number;
  status: InvoiceStatus;
  previousDueDate: string;
  dueDate: string;
}

/** The days the customer may choose between: from the day after both today and the due date. */
export function respiteWindow(options: { dueDate: Date; today: Date; respiteUntil: Date }): {
  from: Date;
  until: Date;
} {
  const after = options.dueDate > options.today ? options.dueDate : options.today;
  return { from: addDays(after, 1), until: options.respiteUntil };
}

/** The invoice is the organisation's (else it is not found, as anything of another's). */
export async function requireCustomersInvoice(
  db: Db,
  target: { invoiceId: string; organizationId: string },
): Promise<void> {
  const found = await db.invoice.findFirst({
    where: { id: target.invoiceId, organizationId: target.organizationId },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "No such invoice");
}

const refuse = (code: "CONFLICT" | "BAD_INPUT", reason: RespiteRefusal, message: string) =>
  new AppError(code, message, { reason });

/** The customer (through their link) takes more time to pay their invoice. */
export async function takeRespite(options: {
  db: Db;
  /** The invoice the customer's link speaks for (page-request.ts's scope). */
  invoice: { invoiceId: string; organizationId: string };
  input: TakeRespiteInput;
  /** Today in Sweden (tests); defaults to the real today. */
  today?: Date;
}): Promise<TakenRespite> {
  const { db, invoice: target, input } = options;
  const today = options.today ?? todayInSweden();
  const dueDate = parseCalendarDate(input.dueDate);
  await requireCustomersInvoice(db, target);
  const taken = await db.invoiceEvent.count({
    where: { invoiceId: target.invoiceId, type: "RESPITE_GRANTED", actorType: "CUSTOMER" },
  });
  if (taken > 0) {
    throw refuse("CONFLICT", "already_taken", "More time to pay was already taken once");
  }
  const collection = await loadInvoiceCollection(db, { ...target, today });
  if (!collection?.respiteUntil) {
    throw refuse("CONFLICT", "not_offered", "More time to pay is not offered on this invoice");
  }
  const respiteUntil = collection.respiteUntil;
  return db.$transaction(async (tx) => {
    const invoice = await lockInvoiceForChange(
      tx,
      {
        invoiceId: target.invoiceId,
        organizationId: target.organizationId,
        expectedVersion: input.expectedVersion,
      },
      "customer",
    );
    if (
      invoice.kind !== "INVOICE" ||
      (invoice.status !== "OPEN" && invoice.status !== "OVERDUE") ||
      !invoice.dueDate
    ) {
      throw refuse("CONFLICT", "not_offered", "This invoice has nothing left to pay");
    }
    // Once per invoice, asked again under the lock (two tabs at once take it once).
    const taken = await tx.invoiceEvent.count({
      where: { invoiceId: invoice.id, type: "RESPITE_GRANTED", actorType: "CUSTOMER" },
    });
    if (taken > 0) {
      throw refuse("CONFLICT", "already_taken", "More time to pay was already taken once");
    }
    const window = respiteWindow({ dueDate: invoice.dueDate, today, respiteUntil });
    if (dueDate < window.from) {
      throw refuse(
        "BAD_INPUT",
        "too_early",
        `The new due date must be ${formatCalendarDate(window.from)} or later`,
      );
    }
    if (dueDate > window.until) {
      throw refuse(
        "BAD_INPUT",
        "too_late",
        `The new due date may be ${formatCalendarDate(window.until)} at the latest`,
      );
    }
    const moved = await moveDueDate(tx, {
      organizationId: target.organizationId,
      invoice: { ...invoice, dueDate: invoice.dueDate },
      dueDate,
      actor: { type: "CUSTOMER" },
      reason: "The customer chose a later due date on the invoice page",
      customerText: null,
      today,
    });
    await enqueueJob(tx, "collections.notify-customer", {
      organizationId: target.organizationId,
      invoiceId: invoice.id,
      kind: "respite",
    });
    return { invoiceId: invoice.id, ...moved };
  }, QUEUED_TRANSACTION);
}
