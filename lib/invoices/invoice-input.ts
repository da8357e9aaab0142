import { z } from "zod";
import { VAT_RATES } from "@/lib/invoices/totals";
import { MAX_STORED_INTEGER } from "@/lib/money/money";

/** One schema per input, shared by forms, the API and the domain functions. */

const calendarDate = z.iso.date({ error: "expected a date in the form YYYY-MM-DD" });

/** The largest value of a 32-bit integer column (quantities, prices and amounts are stored so). */
export const INT32_MAX = MAX_STORED_INTEGER;

export const LINE_KINDS = ["SUBSCRIPTION", "USAGE", "DISCOUNT", "CREDIT", "FEE", "OTHER"] as const;

export const invoiceLineInputSchema = z
  .object({
    /** What the line is (groups the page); OTHER when left out. */
    kind: z.enum(LINE_KINDS).optional(),
    description: z.string().trim().min(1, "a line needs a description").max(300),
    descriptionEn: z.string().trim().min(1).max(300).optional(),
    quantityMilli: z
      .number({ error: "quantity must be a number (in thousandths)" })
      .int("quantity must be whole thousandths")
      .min(-1_000_000_000)
      .max(1_000_000_000),
    unit: z.string().trim().min(1).max(20),
    /** Excl. VAT in hundredths of an öre: four decimals of a krona (43,90 öre = 4390). */
    unitPriceCentiOre: z
      .number({ error: "unit price must be a number of hundredths of an öre" })
      .int("unit price must be whole hundredths of an öre")
      // The column is a 32-bit integer: ±214 748,3647 kr per unit.
      .min(-INT32_MAX, `unit price must be at least −${INT32_MAX} hundredths of an öre`)
      .max(INT32_MAX, `unit price must be at most ${INT32_MAX} hundredths of an öre`),
    vatRate: z.number().refine((rate) => (VAT_RATES as readonly number[]).includes(rate), {
      error: `VAT rate must be one of ${VAT_RATES.join(", ")} %`,
    }),
    /** Why a 0 % line carries no VAT (ML 17 kap. 24 §): required at 0 %, refused otherwise. */
    vatExemptionReason: z.string().trim().min(3).max(200).optional(),
    /** A discount given on this line (shown beside it), in öre; none when left out. */
    discountOre: z
      .number()
      .int("discount must be whole öre")
      .min(0)
      .max(INT32_MAX, `discount must be at most ${INT32_MAX} öre`)
      .optional(),
    periodStart: calendarDate.optional(),
    periodEnd: calendarDate.optional(),
  })
  .refine((line) => !line.periodStart || !line.periodEnd || line.periodStart <= line.periodEnd, {
    error: "a line's period must not end before it starts",
    path: ["periodEnd"],
  })
  .refine((line) => line.vatRate !== 0 || Boolean(line.vatExemptionReason), {
    error:
      'a line at 0 % VAT needs its legal reason (e.g. "Undantag från skatteplikt enligt 10 kap. ML" or "Omvänd betalningsskyldighet")',
    path: ["vatExemptionReason"],
  })
  .refine((line) => line.vatRate === 0 || !line.vatExemptionReason, {
    error: "only a line at 0 % VAT has an exemption reason",
    path: ["vatExemptionReason"],
  });

export type InvoiceLineInput = z.output<typeof invoiceLineInputSchema>;

export const valueFactInputSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  labelSv: z.string().trim().min(1).max(120),
  labelEn: z.string().trim().min(1).max(120),
  valueMilli: z.number().int().min(-INT32_MAX).max(INT32_MAX),
  unit: z.string().trim().max(20),
  comparisonMilli: z.number().int().min(-INT32_MAX).max(INT32_MAX).optional(),
  comparisonLabelSv: z.string().trim().max(120).optional(),
  comparisonLabelEn: z.string().trim().max(120).optional(),
});

/**
 * Usage measured in the period: a series of readings of one unit and resolution. Each reading is
 * the customer's (one per customer, unit, resolution and time: a reading sent again replaces
 * the earlier one and moves to this invoice).
 */
export const usageSeriesInputSchema = z.object({
  unit: z.enum(["KWH", "GB", "MINUTES"]),
  resolution: z.enum(["HOUR", "DAY"]),
  points: z
    .array(
      z.object({
        readAt: z.date(),
        quantityMilli: z.number().int().min(0).max(INT32_MAX),
      }),
    )
    .min(1)
    .max(24 * 31 + 25),
});
export type UsageSeriesInput = z.output<typeof usageSeriesInputSchema>;

export const draftInvoiceInputSchema = z
  .object({
    organizationId: z.uuid(),
    customerId: z.uuid({ error: "customerId must be a customer's id" }),
    contractId: z.uuid().optional(),
    /** The billing system's own id for the invoice (unique per organisation). */
    externalId: z.string().min(1).max(100).optional(),
    periodStart: calendarDate,
    periodEnd: calendarDate,
    /** The due date asked for; issuing uses it (else the organisation's payment terms). */
    dueDate: calendarDate.optional(),
    usage: z.array(usageSeriesInputSchema).max(6).optional(),
    lines: z
      .array(invoiceLineInputSchema)
      .min(1, "an invoice needs at least one line")
      .max(500, "at most 500 lines"),
    valueFacts: z.array(valueFactInputSchema).max(30).optional(),
  })
  .refine((input) => input.periodStart <= input.periodEnd, {
    error: "the period must not end before it starts",
    path: ["periodEnd"],
  });

export type DraftInvoiceInput = z.output<typeof draftInvoiceInputSchema>;
