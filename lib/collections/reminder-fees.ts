import type { Prisma } from "@/lib/db/generated/client";

/**
 * What a late payer may be charged, by law and by agreement (lag 1981:739 om ersättning för
 * inkassokostnader m.m.):
 *
 * - A reminder fee (påminnelseavgift) only when it was agreed no later than when the debt arose
 *   (2 §: "avtalats när skulden uppkom"), and at most the amount förordning 1981:1057 sets: 60 kr.
 *   A customer who never agreed is never charged one, and is never told of one.
 * - A business debtor (näringsidkare) who pays late owes the creditor förseningsersättning, 450 kr
 *   (4 a §), when the organisation charges it; it needs no agreement, and once it is charged the
 *   creditor has no reminder fee besides it (4 a § 3 st.). Never a consumer.
 * - One fee per claim: both kinds are booked under the reference `reminder-fee:<invoice id>`,
 *   which the ledger's unique (kind, externalRef) holds to once, whatever runs twice.
 */
export const REMINDER_FEE_CAP_ORE = 6_000;
export const LATE_PAYMENT_COMPENSATION_ORE = 45_000;

export type FeeDecision =
  | { kind: "none"; reason: "no-fee" | "not-agreed" | "agreed-too-late" | "already-charged" }
  | { kind: "reminder-fee"; amountOre: number; agreedOn: Date; source: string }
  | { kind: "late-payment-compensation"; amountOre: number };

export interface FeeParties {
  organization: { reminderFeeOre: number; chargeLatePaymentCompensation: boolean };
  customer: {
    isBusiness: boolean;
    reminderFeeAgreedOn: Date | null;
    reminderFeeAgreementSource: string | null;
  };
  /** When the debt arose: the invoice's issue date. */
  debtAroseOn: Date;
  /** Whether a fee was already charged on this claim. */
  alreadyCharged: boolean;
}

export function decideReminderFee(parties: FeeParties): FeeDecision {
  if (parties.alreadyCharged) return { kind: "none", reason: "already-charged" };
  const { organization, customer } = parties;
  if (customer.isBusiness && organization.chargeLatePaymentCompensation) {
    return { kind: "late-payment-compensation", amountOre: LATE_PAYMENT_COMPENSATION_ORE };
  }
  if (organization.reminderFeeOre <= 0) return { kind: "none", reason: "no-fee" };
  if (!customer.reminderFeeAgreedOn || !customer.reminderFeeAgreementSource) {
    return { kind: "none", reason: "not-agreed" };
  }
  if (customer.reminderFeeAgreedOn > parties.debtAroseOn) {
    return { kind: "none", reason: "agreed-too-late" };
  }
  return {
    kind: "reminder-fee",
    amountOre: Math.min(organization.reminderFeeOre, REMINDER_FEE_CAP_ORE),
    agreedOn: customer.reminderFeeAgreedOn,
    source: customer.reminderFeeAgreementSource,
  };
}

export const feeReference = (invoiceId: string) => `reminder-fee:${invoiceId}`;

/** Whether this claim already carries its one fee (a waived one counts: it was charged). */
export async function hasChargedFee(
  tx: Pick<Prisma.TransactionClient, "ledgerEntry">,
  invoiceId: string,
): Promise<boolean> {
  const fee = await tx.ledgerEntry.findUnique({
    where: { kind_externalRef: { kind: "FEE", externalRef: feeReference(invoiceId) } },
    select: { id: true },
  });
  return fee !== null;
}

/** Reads the parties of an invoice's fee decision inside the caller's transaction. */
export async function feePartiesOf(
  tx: Prisma.TransactionClient,
  invoice: { id: string; organizationId: string; customerId: string; issueDate: Date | null },
): Promise<FeeParties> {
  const [organization, customer, alreadyCharged] = await Promise.all([
    tx.organization.findUniqueOrThrow({
      where: { id: invoice.organizationId },
      select: { reminderFeeOre: true, chargeLatePaymentCompensation: true },
    }),
    tx.customer.findUniqueOrThrow({
      where: { id: invoice.customerId },
      select: { isBusiness: true, reminderFeeAgreedOn: true, reminderFeeAgreementSource: true },
    }),
    hasChargedFee(tx, invoice.id),
  ]);
  return {
    organization,
    customer,
    debtAroseOn: invoice.issueDate ?? new Date(0),
    alreadyCharged,
  };
}
