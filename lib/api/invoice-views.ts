import type { Customer, Prisma } from "@/lib/db/generated/client";
import { readIssuedSnapshot } from "@/lib/invoices/issued-snapshot";
import { computeInvoiceTotals } from "@/lib/invoices/totals";

/**
 * How API v1 shows our records: ids, the billing system's externalIds, ISO dates (calendar dates
 * as YYYY-MM-DD), amounts in integer öre, quantities and unit prices as decimal strings — the
 * same shapes the requests use.
 */
export function decimalString(value: number, decimals: number): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

export function customerView(row: Customer) {
  return {
    id: row.id,
    object: "customer" as const,
    externalId: row.externalId,
    customerNumber: row.customerNumber,
    name: row.name,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    isBusiness: row.isBusiness,
    vatNumber: row.vatNumber,
    segment: row.segment,
    customerSince: day(row.customerSince),
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      postalCode: row.postalCode,
      city: row.city,
      country: row.country,
    },
    reminderFeeAgreement: row.reminderFeeAgreedOn
      ? { agreedOn: day(row.reminderFeeAgreedOn), source: row.reminderFeeAgreementSource }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const USAGE_UNIT_NAMES = { KWH: "kWh", GB: "GB", MINUTES: "minutes" } as const;

export function planView(row: Prisma.PlanGetPayload<object>) {
  return {
    id: row.id,
    object: "plan" as const,
    externalId: row.externalId,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    description: row.description,
    kind: row.kind,
    monthlyFeeOre: row.monthlyFeeOre,
    unitPriceOre: decimalString(row.unitPriceCentiOre, 2),
    usageUnit: row.usageUnit ? USAGE_UNIT_NAMES[row.usageUnit] : null,
    includedQuantity:
      row.includedQuantityMilli === null ? null : decimalString(row.includedQuantityMilli, 3),
    downloadMbps: row.downloadMbps,
    uploadMbps: row.uploadMbps,
    vatRate: row.vatRate,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
  };
}

export function contractView(
  row: Prisma.ContractGetPayload<object> & {
    customer?: { externalId: string | null } | null;
    plan?: { externalId: string | null; code: string } | null;
  },
) {
  return {
    id: row.id,
    object: "contract" as const,
    externalId: row.externalId,
    customer: { id: row.customerId, externalId: row.customer?.externalId ?? null },
    plan: {
      id: row.planId,
      externalId: row.plan?.externalId ?? null,
      code: row.plan?.code ?? null,
    },
    startsOn: day(row.startsOn),
    endsOn: day(row.endsOn),
    campaignMonthlyFeeOre: row.campaignMonthlyFeeOre,
    campaignEndsOn: day(row.campaignEndsOn),
    createdAt: row.createdAt.toISOString(),
  };
}

export const apiInvoiceSelect = {
  id: true,
  externalId: true,
  kind: true,
  number: true,
  ocr: true,
  status: true,
  currency: true,
  version: true,
  periodStart: true,
  periodEnd: true,
  issueDate: true,
  dueDate: true,
  netOre: true,
  vatOre: true,
  roundingOre: true,
  totalOre: true,
  contractId: true,
  creditedInvoiceId: true,
  issuedSnapshot: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { id: true, externalId: true } },
  organization: { select: { roundToWholeKrona: true } },
  lines: { orderBy: { position: "asc" } },
  ledgerEntries: { select: { kind: true, amountOre: true } },
  creditNotes: {
    where: { status: { not: "DRAFT" } },
    orderBy: { number: "asc" },
    select: { id: true, number: true, issueDate: true, totalOre: true },
  },
  deliveries: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      channel: true,
      recipient: true,
      status: true,
      attempts: true,
      sentAt: true,
      createdAt: true,
    },
  },
} as const satisfies Prisma.InvoiceSelect;

export type ApiInvoiceRow = Prisma.InvoiceGetPayload<{ select: typeof apiInvoiceSelect }>;

export function invoiceView(row: ApiInvoiceRow) {
  const issued = row.status !== "DRAFT";
  const snapshot = issued ? readIssuedSnapshot(row.issuedSnapshot) : null;
  // A draft shows what it would come to if issued now; an issued document what it was issued for.
  const preview = issued
    ? null
    : computeInvoiceTotals(row.lines, { roundToWholeKrona: row.organization.roundToWholeKrona });
  const vat = snapshot
    ? snapshot.totals.vatGroups
    : (preview?.vatGroups ??
      computeInvoiceTotals(row.lines, { roundToWholeKrona: false }).vatGroups);
  const balance = row.ledgerEntries.reduce((sum, entry) => sum + entry.amountOre, 0);
  const paid = row.ledgerEntries.reduce(
    (sum, entry) =>
      entry.kind === "PAYMENT" || entry.kind === "REFUND" ? sum - entry.amountOre : sum,
    0,
  );
  return {
    id: row.id,
    object: "invoice" as const,
    kind: row.kind === "CREDIT_NOTE" ? ("credit_note" as const) : ("invoice" as const),
    externalId: row.externalId,
    number: row.number,
    ocr: row.ocr,
    status: row.status,
    version: row.version,
    currency: row.currency,
    customer: { id: row.customer.id, externalId: row.customer.externalId },
    contractId: row.contractId,
    periodStart: day(row.periodStart),
    periodEnd: day(row.periodEnd),
    issueDate: day(row.issueDate),
    dueDate: day(row.dueDate),
    netOre: preview ? preview.netOre : row.netOre,
    vatOre: preview ? preview.vatOre : row.vatOre,
    roundingOre: preview ? preview.roundingOre : row.roundingOre,
    totalOre: preview ? preview.totalOre : row.totalOre,
    paidOre: paid,
    amountDueOre: issued ? Math.max(0, balance) : 0,
    creditBalanceOre: issued ? Math.max(0, -balance) : 0,
    vat: vat.map((group) => ({
      rate: group.vatRate,
      taxableOre: group.netOre,
      vatOre: group.vatOre,
    })),
    lines: row.lines.map((line) => ({
      id: line.id,
      position: line.position,
      kind: line.kind,
      description: line.description,
      descriptionEn: line.descriptionEn,
      quantity: decimalString(line.quantityMilli, 3),
      unit: line.unit,
      unitPriceOre: decimalString(line.unitPriceCentiOre, 2),
      vatRate: line.vatRate,
      vatExemptionReason: line.vatExemptionReason,
      discountOre: line.discountOre,
      periodStart: day(line.periodStart),
      periodEnd: day(line.periodEnd),
    })),
    creditedInvoiceId: row.creditedInvoiceId,
    creditNotes: row.creditNotes.map((note) => ({
      id: note.id,
      number: note.number,
      issueDate: day(note.issueDate),
      totalOre: note.totalOre,
    })),
    deliveries: row.deliveries.map((delivery) => ({
      id: delivery.id,
      channel: delivery.channel.toLowerCase(),
      recipient: delivery.recipient,
      status: delivery.status.toLowerCase(),
      attempts: delivery.attempts,
      sentAt: delivery.sentAt?.toISOString() ?? null,
      createdAt: delivery.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type InvoiceView = ReturnType<typeof invoiceView>;
