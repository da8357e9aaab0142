import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { DraftInvoiceInput, UsageSeriesInput } from "@/lib/invoices/invoice-input";
import { assertTotalsFitColumns, computeInvoiceTotals } from "@/lib/invoices/totals";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/** Creates a DRAFT invoice with its lines and value facts; drafts have no number yet. */
export async function createDraftInvoice(options: {
  db: Db;
  input: DraftInvoiceInput;
  actor: Actor;
}): Promise<{ id: string }> {
  return options.db.$transaction((tx) => createDraftInvoiceInTransaction(tx, options));
}

/** The same, inside the caller's transaction (creating and issuing in one, as API v1 does). */
export async function createDraftInvoiceInTransaction(
  tx: Prisma.TransactionClient,
  options: { input: DraftInvoiceInput; actor: Actor },
): Promise<{ id: string }> {
  const { input } = options;
  const organization = await tx.organization.findUnique({
    where: { id: input.organizationId },
    select: { roundToWholeKrona: true },
  });
  if (!organization) throw new AppError("NOT_FOUND", "No such organisation");
  // Computed before anything is written: lines whose totals cannot be held are refused here.
  assertTotalsFitColumns(
    computeInvoiceTotals(input.lines, { roundToWholeKrona: organization.roundToWholeKrona }),
  );
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
      externalId: input.externalId ?? null,
      periodStart: parseCalendarDate(input.periodStart),
      periodEnd: parseCalendarDate(input.periodEnd),
      dueDate: input.dueDate ? parseCalendarDate(input.dueDate) : null,
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
  for (const series of input.usage ?? []) {
    await saveUsageSeries(tx, {
      organizationId: input.organizationId,
      customerId: input.customerId,
      invoiceId: invoice.id,
      series,
    });
  }
  await recordInvoiceEvent(tx, {
    organizationId: input.organizationId,
    invoiceId: invoice.id,
    type: "CREATED",
    visibility: "STAFF",
    ...actorFields(options.actor),
  });
  return invoice;
}

/**
 * A usage series in one statement (the readings as arrays, unnested): a reading the customer
 * already has for that unit, resolution and time is replaced and moves to this invoice.
 */
export async function saveUsageSeries(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    customerId: string;
    invoiceId: string;
    series: UsageSeriesInput;
  },
): Promise<void> {
  const { series } = options;
  await tx.$executeRaw`
    INSERT INTO "UsageReading" ("id", "organizationId", "customerId", "invoiceId", "readAt", "resolution", "quantityMilli", "unit")
    SELECT gen_random_uuid()::text, ${options.organizationId}, ${options.customerId}, ${options.invoiceId},
           r."readAt", ${series.resolution}::"UsageResolution", r."quantityMilli", ${series.unit}::"UsageUnit"
      FROM unnest(${series.points.map((p) => p.readAt.toISOString())}::timestamptz[],
                  ${series.points.map((p) => p.quantityMilli)}::int[]) AS r("readAt", "quantityMilli")
    ON CONFLICT ("customerId", "unit", "resolution", "readAt")
    DO UPDATE SET "quantityMilli" = EXCLUDED."quantityMilli", "invoiceId" = EXCLUDED."invoiceId"`;
}
