import { z } from "zod";
import { loadInvoiceCollection } from "@/lib/collections/invoice-collection";
import { requireCustomersInvoice } from "@/lib/collections/self-service";
import { bankingDayOnOrAfter } from "@/lib/dates/banking-days";
import { addDays, formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import {
  expectedVersionSchema,
  lockInvoiceForChange,
  saveInvoiceChange,
} from "@/lib/invoices/invoice-change";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import { enqueueJob } from "@/lib/jobs/job-engine";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { generateOcr } from "@/lib/references/ocr";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * "Dela upp betalningen": the customer splits what they owe into 2..maxParts monthly parts, each
 * paid by bankgiro with an OCR number of its own (or by card, as a part payment). The plan is the
 * one the page showed (offerParts, pure), with the policy's fee (förordning 1981:1057, at most
 * 170 kr) if it has one — accepting the plan shown with its fee is the agreement to it. While the
 * plan holds, collection steps wait (a PAYMENT_PLAN pause); the daily run settles plans first
 * (settlePaymentPlans): paid in full ends it, a part not paid by its last day to pay breaks it and
 * the policy resumes, its steps re-timed by the days the plan held them.
 */

export const MIN_PLAN_PARTS = 2;
/** The first part is due no sooner than this many days from the day the plan is agreed. */
export const FIRST_PART_AFTER_DAYS = 14;

export const acceptPaymentPlanInputSchema = z.object({
  parts: z
    .number({ error: "parts must be the number of parts" })
    .int("parts must be a whole number")
    .min(MIN_PLAN_PARTS, `a plan has at least ${MIN_PLAN_PARTS} parts`)
    .max(12, "a plan has at most 12 parts"),
  expectedVersion: expectedVersionSchema,
});
export type AcceptPaymentPlanInput = z.output<typeof acceptPaymentPlanInputSchema>;

/** Why a plan was refused, for the page to say in the customer's language. */
export type PaymentPlanRefusal = "not_offered" | "too_many_parts";

export interface OfferedPart {
  position: number;
  dueDate: Date;
  amountOre: number;
}

/** The same day of the month `months` later, or the month's last day when it has no such day. */
function sameDayMonthsLater(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/**
 * The parts a plan of `totalOre` in `parts` parts would have, agreed today: the first due on the
 * invoice's due date or in FIRST_PART_AFTER_DAYS days, whichever is later, the rest a month apart,
 * each on a banking day; the öre split evenly, what does not divide on the last part.
 */
export function offerParts(options: {
  totalOre: number;
  parts: number;
  today: Date;
  dueDate: Date;
}): OfferedPart[] {
  const { totalOre, parts } = options;
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new AppError("BAD_INPUT", "A plan has at least one part");
  }
  const soonest = addDays(options.today, FIRST_PART_AFTER_DAYS);
  const first = options.dueDate > soonest ? options.dueDate : soonest;
  const each = Math.floor(totalOre / parts);
  return Array.from({ length: parts }, (_, index) => ({
    position: index + 1,
    dueDate: bankingDayOnOrAfter(sameDayMonthsLater(first, index)),
    amountOre: index === parts - 1 ? totalOre - each * (parts - 1) : each,
  }));
}

/**
 * A part's OCR number: "9", the invoice number in ten digits and the part in two, with our length
 * and check digits (lib/references/ocr.ts) — 15 digits. An invoice's own OCR is its number with the
 * two control digits, at most 12 digits (numbers fit in ten), so the two never meet; unique in the
 * organisation as the invoice number is, and readable: it names its invoice and part.
 */
export function partOcr(invoiceNumber: number, position: number): string {
  if (!Number.isSafeInteger(invoiceNumber) || invoiceNumber <= 0 || invoiceNumber >= 1e10) {
    throw new AppError("BAD_INPUT", "An invoice number has at most ten digits");
  }
  if (!Number.isSafeInteger(position) || position < 1 || position > 99) {
    throw new AppError("BAD_INPUT", "A plan has at most 99 parts");
  }
  return generateOcr(
    `9${String(invoiceNumber).padStart(10, "0")}${String(position).padStart(2, "0")}`,
  );
}

export const paymentPlanFeeReference = (invoiceId: string) => `payment-plan-fee:${invoiceId}`;

export interface AcceptedPaymentPlan {
  planId: string;
  invoiceId: string;
  version: number;
  totalOre: number;
  feeOre: number;
  parts: Array<{ position: number; dueDate: string; amountOre: number; ocr: string }>;
}

/** The customer (through their link) agrees to pay their invoice in parts. */
export async function acceptPaymentPlan(options: {
  db: Db;
  /** The invoice the customer's link speaks for (page-request.ts's scope). */
  invoice: { invoiceId: string; organizationId: string };
  input: AcceptPaymentPlanInput;
  /** Today in Sweden (tests); defaults to the real today. */
  today?: Date;
  now?: Date;
}): Promise<AcceptedPaymentPlan> {
  const { db, invoice: target, input } = options;
  const today = options.today ?? todayInSweden();
  await requireCustomersInvoice(db, target);
  const collection = await loadInvoiceCollection(db, { ...target, today });
  const offer = collection?.paymentPlanOffer;
  if (!offer) {
    throw new AppError("CONFLICT", "A payment plan is not offered on this invoice", {
      reason: "not_offered" satisfies PaymentPlanRefusal,
    });
  }
  if (input.parts > offer.maxParts) {
    throw new AppError("BAD_INPUT", `A plan here has at most ${offer.maxParts} parts`, {
      reason: "too_many_parts" satisfies PaymentPlanRefusal,
    });
  }
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
      !invoice.dueDate ||
      invoice.number === null
    ) {
      throw new AppError("CONFLICT", "This invoice has nothing left to pay", {
        reason: "not_offered" satisfies PaymentPlanRefusal,
      });
    }
    // One plan per invoice, ever: asked again under the lock.
    if ((await tx.paymentPlan.count({ where: { invoiceId: invoice.id } })) > 0) {
      throw new AppError("CONFLICT", "This invoice already has a payment plan", {
        reason: "not_offered" satisfies PaymentPlanRefusal,
      });
    }
    const sums = await getLedgerSums(tx, invoice.id);
    const amountDueOre = balanceOre(sums);
    if (amountDueOre <= 0) {
      throw new AppError("CONFLICT", "This invoice has nothing left to pay", {
        reason: "not_offered" satisfies PaymentPlanRefusal,
      });
    }
    const totalOre = amountDueOre + offer.feeOre;
    const offered = offerParts({
      totalOre,
      parts: input.parts,
      today,
      dueDate: invoice.dueDate,
    });
    const number = invoice.number;
    const plan = await tx.paymentPlan.create({
      data: {
        organizationId: target.organizationId,
        invoiceId: invoice.id,
        totalOre,
        feeOre: offer.feeOre,
        paidBeforeOre: sums.paidOre,
        parts: {
          create: offered.map((part) => ({
            organizationId: target.organizationId,
            position: part.position,
            dueDate: part.dueDate,
            amountOre: part.amountOre,
            ocr: partOcr(number, part.position),
          })),
        },
      },
      include: { parts: { orderBy: { position: "asc" } } },
    });
    if (offer.feeOre > 0) {
      await tx.ledgerEntry.create({
        data: {
          organizationId: target.organizationId,
          invoiceId: invoice.id,
          kind: "FEE",
          amountOre: offer.feeOre,
          currency: invoice.currency,
          externalRef: paymentPlanFeeReference(invoice.id),
          memo: "payment plan fee",
          occurredAt: options.now,
        },
      });
    }
    await tx.collectionPause.create({
      data: {
        organizationId: target.organizationId,
        invoiceId: invoice.id,
        reason: "PAYMENT_PLAN",
        startedOn: today,
        sourceId: plan.id,
      },
    });
    const version = await saveInvoiceChange(tx, invoice.id, {});
    const parts = plan.parts.map((part) => ({
      position: part.position,
      dueDate: formatCalendarDate(part.dueDate),
      amountOre: part.amountOre,
      ocr: part.ocr,
    }));
    await recordInvoiceEvent(tx, {
      organizationId: target.organizationId,
      invoiceId: invoice.id,
      type: "PAYMENT_PLAN_AGREED",
      visibility: "CUSTOMER",
      actorType: "CUSTOMER",
      data: {
        planId: plan.id,
        parts: parts.map(({ position: _position, ...part }) => part),
        feeOre: offer.feeOre,
        totalOre,
      },
      occurredAt: options.now,
    });
    await requestCollectionRun(tx, target.organizationId, [invoice.id]);
    await enqueueJob(tx, "collections.notify-customer", {
      organizationId: target.organizationId,
      invoiceId: invoice.id,
      kind: "payment-plan",
    });
    return {
      planId: plan.id,
      invoiceId: invoice.id,
      version,
      totalOre,
      feeOre: offer.feeOre,
      parts,
    };
  }, QUEUED_TRANSACTION);
}
