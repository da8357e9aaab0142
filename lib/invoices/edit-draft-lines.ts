import { z } from "zod";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import {
  expectedVersionSchema,
  lockInvoiceForChange,
  saveInvoiceChange,
} from "@/lib/invoices/invoice-change";
import { invoiceLineInputSchema } from "@/lib/invoices/invoice-input";
import {
  assertTotalsFitColumns,
  computeInvoiceTotals,
  type InvoiceTotals,
} from "@/lib/invoices/totals";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

export const editDraftLinesInputSchema = z.object({
  invoiceId: z.uuid(),
  organizationId: z.uuid(),
  expectedVersion: expectedVersionSchema,
  /** The complete new list: lines left out are removed, positions follow the list's order. */
  lines: z
    .array(invoiceLineInputSchema)
    .min(1, "an invoice needs at least one line")
    .max(500, "at most 500 lines"),
});

export type EditDraftLinesInput = z.output<typeof editDraftLinesInputSchema>;

export interface EditDraftLinesResult {
  invoiceId: string;
  version: number;
  totals: InvoiceTotals;
}

/**
 * Replaces every line of a DRAFT and refreshes its totals snapshot. Only drafts: an issued invoice
 * is immutable in substance (ML 2023:200 ch. 17 §22-23) and is changed by a credit note instead.
 */
export async function editDraftLines(options: {
  db: Db;
  input: EditDraftLinesInput;
  actor: Actor;
}): Promise<EditDraftLinesResult> {
  const { input } = options;
  return options.db.$transaction(async (tx) => {
    const invoice = await lockInvoiceForChange(tx, input);
    if (invoice.status !== "DRAFT") {
      throw new AppError(
        "CONFLICT",
        "This invoice is issued: issued invoices are changed by credit note",
      );
    }
    const { roundToWholeKrona } = invoice.organization;
    const oldLines = await tx.invoiceLine.findMany({
      where: { invoiceId: invoice.id },
      select: { quantityMilli: true, unitPriceCentiOre: true, discountOre: true, vatRate: true },
    });
    const before = computeInvoiceTotals(oldLines, { roundToWholeKrona });
    // Computed before anything is written, so lines the totals refuse (too large) change nothing.
    const totals = computeInvoiceTotals(input.lines, { roundToWholeKrona });
    assertTotalsFitColumns(totals);

    await tx.invoiceLine.deleteMany({ where: { invoiceId: invoice.id } });
    await tx.invoiceLine.createMany({
      data: input.lines.map((line, index) => ({
        invoiceId: invoice.id,
        // Positions start at 1: position 0 is what credit notes use for lines that credit an
        // amount rather than an original line (see credit-note-lines.ts).
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
        periodStart: line.periodStart ? parseCalendarDate(line.periodStart) : null,
        periodEnd: line.periodEnd ? parseCalendarDate(line.periodEnd) : null,
      })),
    });
    const version = await saveInvoiceChange(tx, invoice.id, {
      netOre: totals.netOre,
      vatOre: totals.vatOre,
      roundingOre: totals.roundingOre,
      totalOre: totals.totalOre,
    });
    await recordInvoiceEvent(tx, {
      organizationId: input.organizationId,
      invoiceId: invoice.id,
      type: "LINES_EDITED",
      visibility: "STAFF",
      ...actorFields(options.actor),
      data: {
        before: { lineCount: oldLines.length, totalOre: before.totalOre },
        after: { lineCount: input.lines.length, totalOre: totals.totalOre },
      },
    });
    return { invoiceId: invoice.id, version, totals };
  }, QUEUED_TRANSACTION);
}
