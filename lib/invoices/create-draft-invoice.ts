import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import type { DraftInvoiceInput } from "@/lib/invoices/invoice-input";
import { assertTotalsFitColumns, computeInvoiceTotals } from "@/lib/invoices/totals";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/** Creates a DRAFT invoice with its lines and value facts; drafts have no number yet. */
export async function createDraftInvoice(options: {
  db: Db;
  input: DraftInvoiceInput;
  actor: Actor;
}): Promise<{ id: string }> {
  const { input } = options;
  const organization = await options.db.organization.findUnique({
    where: { id: input.organizationId },
    select: { roundToWholeKrona: true },
  });
  if (!organization) throw new AppError("NOT_FOUND", "No such organisation");
  // Computed before anything is written: lines whose totals cannot be held are refused here.
  assertTotalsFitColumns(
    computeInvoiceTotals(input.lines, { roundToWholeKrona: organization.roundToWholeKrona }),
  );
  return options.db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { id: input.customerId, organizationId: input.organizationId },
      select: { id: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "No such customer in this organisation");
    if (input.contractId) {
      const contract = await tx.contract.findFirst({
        where: { id: input.contractId, customerId: input.customerId },
        select: { id: true },
      });
      if (!contract) throw new AppError("NOT_FOUND", "No such contract for this customer");
    }
    const invoice = await tx.invoice.create({
      data: {
        organizationId: input.organizationId,
        customerId: input.customerId,
        contractId: input.contractId,
        periodStart: parseCalendarDate(input.periodStart),
        periodEnd: parseCalendarDate(input.periodEnd),
        lines: {
          create: input.lines.map((line, index) => ({
            position: index + 1,
            kind: line.kind ?? "OTHER",
            description: line.description,
            descriptionEn: line.descriptionEn,
            quantityMilli: line.quantityMilli,
            unit: line.unit,
            unitPriceCentiOre: line.unitPriceCentiOre,
            vatRate: line.vatRate,
            vatExemptionReason: line.vatExemptionReason ?? null,
            discountOre: line.discountOre,
            periodStart: line.periodStart ? parseCalendarDate(line.periodStart) : undefined,
            periodEnd: line.periodEnd ? parseCalendarDate(line.periodEnd) : undefined,
          })),
        },
        valueFacts: {
          create: (input.valueFacts ?? []).map((fact, index) => ({ ...fact, position: index + 1 })),
        },
      },
      select: { id: true },
    });
    await recordInvoiceEvent(tx, {
      organizationId: input.organizationId,
      invoiceId: invoice.id,
      type: "CREATED",
      visibility: "STAFF",
      ...actorFields(options.actor),
    });
    return invoice;
  });
}
