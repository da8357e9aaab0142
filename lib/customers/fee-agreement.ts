import { z } from "zod";
import { formatCalendarDate, parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { createLogger } from "@/lib/log";

const log = createLogger("customers");

/**
 * A customer's agreement to a reminder fee (påminnelseavgift): when it was made and where it is
 * written (a contract, a version of the terms). Lag 1981:739 2 § allows the fee only when it was
 * agreed no later than when the debt arose, so a reminder of an invoice issued before `agreedOn`
 * carries no fee (lib/collections/reminder-fees.ts decides that); without an agreement, none at
 * all. Staff record it as the paper says: an agreement dated after today is refused.
 */
export const feeAgreementSchema = z.strictObject({
  agreedOn: z.iso.date({ error: "agreedOn must be a date in the form YYYY-MM-DD" }),
  source: z
    .string({ error: "source must say where the agreement is written" })
    .trim()
    .min(2, "say where the agreement is written (contract, version of the terms …)")
    .max(200, "at most 200 characters"),
});

/** What staff send: the agreement, or null to remove it. */
export const feeAgreementInputSchema = feeAgreementSchema.nullable();
export type FeeAgreementInput = z.output<typeof feeAgreementInputSchema>;

export interface FeeAgreement {
  /** YYYY-MM-DD. */
  agreedOn: string;
  source: string;
}

/** The agreement as stored (both columns or neither, a CHECK holds it), or null. */
export function feeAgreementOf(customer: {
  reminderFeeAgreedOn: Date | null;
  reminderFeeAgreementSource: string | null;
}): FeeAgreement | null {
  if (!customer.reminderFeeAgreedOn || !customer.reminderFeeAgreementSource) return null;
  return {
    agreedOn: formatCalendarDate(customer.reminderFeeAgreedOn),
    source: customer.reminderFeeAgreementSource,
  };
}

/**
 * The agreement's date, refused when it is after today: an agreement is recorded as the paper says,
 * on or after the day it was made (for staff and the billing system alike).
 */
export function agreementDate(
  agreement: { agreedOn: string },
  today: Date = todayInSweden(),
  param = "/agreedOn",
): Date {
  const agreedOn = parseCalendarDate(agreement.agreedOn);
  if (agreedOn > today) {
    throw new AppError(
      "BAD_INPUT",
      `An agreement cannot be dated after today (${formatCalendarDate(today)}): record it on the day it was made`,
      { param },
    );
  }
  return agreedOn;
}

/**
 * Records (or, with null, removes) a customer's reminder-fee agreement. Only the staff's own
 * organisation's customer: another organisation's is NOT_FOUND, as if it did not exist. Fees
 * already charged stay as they are; the agreement decides the reminders from now on.
 */
export async function setFeeAgreement(options: {
  db: Db;
  staff: { staffId: string; organizationId: string };
  customerId: string;
  agreement: FeeAgreementInput;
  /** Today in Sweden (tests); defaults to the real today. */
  today?: Date;
}): Promise<{ customerId: string; agreement: FeeAgreement | null }> {
  const { agreement, staff } = options;
  const agreedOn = agreement ? agreementDate(agreement, options.today) : null;
  const { count } = await options.db.customer.updateMany({
    where: { id: options.customerId, organizationId: staff.organizationId },
    data: {
      reminderFeeAgreedOn: agreedOn,
      reminderFeeAgreementSource: agreement ? agreement.source : null,
    },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such customer");
  log.info(agreement ? "reminder-fee agreement recorded" : "reminder-fee agreement removed", {
    customerId: options.customerId,
    staffId: staff.staffId,
    organizationId: staff.organizationId,
    ...(agreement ? { agreedOn: agreement.agreedOn } : {}),
  });
  return {
    customerId: options.customerId,
    agreement: agreement ? { agreedOn: agreement.agreedOn, source: agreement.source } : null,
  };
}
