import { collectionFeeReference } from "@/lib/collections/load-cases";
import { feeReference } from "@/lib/collections/reminder-fees";
import { csvCell } from "@/lib/content/analytics/csv";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";

/**
 * The handover file for a collection agency: per claim handed over, who the creditor and debtor
 * are, what the claim is (invoice, OCR, dates, what it charged, what was paid), what was added
 * (reminder fee, collection fee, interest, each on its own) and what was sent before, so the
 * agency can continue without asking. CSV (RFC 4180, CSV-injection safe) and JSON.
 */
export interface HandoverClaim {
  invoiceId: string;
  invoiceNumber: number;
  ocr: string | null;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  handedOverOn: string;
  payBy: string | null;
  creditor: { name: string; orgNumber: string; bankgiro: string | null };
  debtor: {
    customerNumber: string;
    name: string;
    isBusiness: boolean;
    vatNumber: string | null;
    addressLine1: string;
    addressLine2: string | null;
    postalCode: string;
    city: string;
    email: string | null;
    phone: string | null;
    locale: string;
  };
  /** What the invoice charged, less credits. */
  principalOre: number;
  paidOre: number;
  reminderFeeOre: number;
  collectionFeeOre: number;
  interestOre: number;
  /** Fees waived (negative of what was taken off). */
  waivedOre: number;
  amountDueOre: number;
  steps: Array<{ kind: string; on: string; channel: string }>;
}

export async function listHandovers(
  db: Db,
  options: { organizationId: string; from?: Date; to?: Date; invoiceIds?: string[] },
): Promise<HandoverClaim[]> {
  const invoices = await db.invoice.findMany({
    where: {
      organizationId: options.organizationId,
      handedOverAt: {
        not: null,
        ...(options.from ? { gte: options.from } : {}),
        ...(options.to ? { lt: options.to } : {}),
      },
      ...(options.invoiceIds ? { id: { in: options.invoiceIds } } : {}),
    },
    orderBy: [{ handedOverAt: "asc" }, { number: "asc" }],
    take: 10_000,
    select: {
      id: true,
      number: true,
      ocr: true,
      currency: true,
      issueDate: true,
      dueDate: true,
      handedOverAt: true,
      organization: { select: { name: true, orgNumber: true, bankgiro: true } },
      customer: {
        select: {
          customerNumber: true,
          name: true,
          isBusiness: true,
          vatNumber: true,
          addressLine1: true,
          addressLine2: true,
          postalCode: true,
          city: true,
          email: true,
          phone: true,
          locale: true,
        },
      },
      ledgerEntries: { select: { kind: true, amountOre: true, externalRef: true } },
      collectionActions: {
        orderBy: { performedOn: "asc" },
        select: { kind: true, performedOn: true, channel: true, payBy: true },
      },
    },
  });
  return invoices.map((invoice) => {
    let principal = 0;
    let paid = 0;
    let reminderFee = 0;
    let collectionFee = 0;
    let interest = 0;
    let waived = 0;
    let due = 0;
    for (const entry of invoice.ledgerEntries) {
      due += entry.amountOre;
      if (entry.kind === "INVOICE_ISSUED" || entry.kind === "CREDIT") principal += entry.amountOre;
      else if (entry.kind === "PAYMENT" || entry.kind === "REFUND") paid -= entry.amountOre;
      else if (entry.kind === "FEE") {
        if (entry.amountOre < 0) waived += entry.amountOre;
        else if (entry.externalRef === feeReference(invoice.id)) reminderFee += entry.amountOre;
        else if (entry.externalRef === collectionFeeReference(invoice.id))
          collectionFee += entry.amountOre;
        else if (entry.externalRef?.startsWith("interest:")) interest += entry.amountOre;
      }
    }
    const handover = invoice.collectionActions.find((a) => a.kind === "COLLECTION_HANDOVER");
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number ?? 0,
      ocr: invoice.ocr,
      currency: invoice.currency,
      issueDate: invoice.issueDate ? formatCalendarDate(invoice.issueDate) : null,
      dueDate: invoice.dueDate ? formatCalendarDate(invoice.dueDate) : null,
      handedOverOn: formatCalendarDate(handover?.performedOn ?? invoice.handedOverAt!),
      payBy: handover?.payBy ? formatCalendarDate(handover.payBy) : null,
      creditor: invoice.organization,
      debtor: invoice.customer,
      principalOre: principal,
      paidOre: paid,
      reminderFeeOre: reminderFee,
      collectionFeeOre: collectionFee,
      interestOre: interest,
      waivedOre: waived,
      amountDueOre: Math.max(0, due),
      steps: invoice.collectionActions.map((action) => ({
        kind: action.kind.toLowerCase(),
        on: formatCalendarDate(action.performedOn),
        channel: action.channel.toLowerCase(),
      })),
    };
  });
}

const COLUMNS = [
  "invoice_number",
  "ocr",
  "currency",
  "issue_date",
  "due_date",
  "handed_over_on",
  "pay_by",
  "creditor_name",
  "creditor_org_number",
  "creditor_bankgiro",
  "debtor_customer_number",
  "debtor_name",
  "debtor_is_business",
  "debtor_vat_number",
  "debtor_address_line1",
  "debtor_address_line2",
  "debtor_postal_code",
  "debtor_city",
  "debtor_email",
  "debtor_phone",
  "debtor_language",
  "principal_ore",
  "paid_ore",
  "reminder_fee_ore",
  "collection_fee_ore",
  "interest_ore",
  "waived_ore",
  "amount_due_ore",
  "earlier_steps",
] as const;

export function handoversToCsv(claims: readonly HandoverClaim[]): string {
  const rows = claims.map((claim) =>
    [
      claim.invoiceNumber,
      claim.ocr,
      claim.currency,
      claim.issueDate,
      claim.dueDate,
      claim.handedOverOn,
      claim.payBy,
      claim.creditor.name,
      claim.creditor.orgNumber,
      claim.creditor.bankgiro,
      claim.debtor.customerNumber,
      claim.debtor.name,
      claim.debtor.isBusiness ? "true" : "false",
      claim.debtor.vatNumber,
      claim.debtor.addressLine1,
      claim.debtor.addressLine2,
      claim.debtor.postalCode,
      claim.debtor.city,
      claim.debtor.email,
      claim.debtor.phone,
      claim.debtor.locale,
      claim.principalOre,
      claim.paidOre,
      claim.reminderFeeOre,
      claim.collectionFeeOre,
      claim.interestOre,
      claim.waivedOre,
      claim.amountDueOre,
      claim.steps
        .filter((step) => step.kind !== "collection_handover")
        .map((step) => `${step.on} ${step.kind} (${step.channel})`)
        .join("; "),
    ].map(csvCell),
  );
  return [COLUMNS.join(","), ...rows.map((row) => row.join(","))].join("\r\n").concat("\r\n");
}

export function handoversToJson(
  claims: readonly HandoverClaim[],
  organizationName: string,
): string {
  return JSON.stringify(
    { object: "collection_handover", creditor: organizationName, claims },
    null,
    2,
  );
}
