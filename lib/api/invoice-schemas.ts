import { z } from "zod";
import { usageUnitSchema } from "@/lib/catalogue/catalogue-input";
import { deliveryChoiceSchema } from "@/lib/delivery/invoice-delivery";
import { LINE_KINDS } from "@/lib/invoices/invoice-input";
import { VAT_RATES } from "@/lib/invoices/totals";
import {
  calendarDateSchema,
  externalIdSchema,
  oreSchema,
  referenceSchema,
  scaledDecimalSchema,
} from "@/lib/validation/input-schemas";

/**
 * API v1's invoice requests. Quantities and unit prices are decimal strings (unit prices in öre
 * with up to two decimals, "118.25"; quantities with up to three, "412.5"); every amount is
 * integer öre. The domain's own schema (lib/invoices/invoice-input.ts) checks the rest.
 */
export const apiLineSchema = z.strictObject({
  kind: z.enum(LINE_KINDS).optional(),
  description: z.string().trim().min(1, "a line needs a description").max(300),
  descriptionEn: z.string().trim().min(1).max(300).optional(),
  quantity: scaledDecimalSchema(3, "quantity"),
  unit: z.string().trim().min(1, "a line needs its unit, e.g. kWh, st, mån").max(20),
  unitPriceOre: scaledDecimalSchema(2, "unitPriceOre"),
  vatRate: z.number().refine((rate) => (VAT_RATES as readonly number[]).includes(rate), {
    error: `vatRate must be one of ${VAT_RATES.join(", ")}`,
  }),
  vatExemptionReason: z.string().trim().min(3).max(200).optional(),
  discountOre: oreSchema("discountOre").optional(),
  periodStart: calendarDateSchema.optional(),
  periodEnd: calendarDateSchema.optional(),
});

const usagePointSchema = z.strictObject({
  /** A date (daily readings) or a date and time with its offset (hourly readings). */
  at: z.union([z.iso.datetime({ offset: true }), calendarDateSchema], {
    error: "at must be a date (YYYY-MM-DD) or a date and time with offset",
  }),
  quantity: scaledDecimalSchema(3, "quantity"),
});

export const apiUsageSchema = z.strictObject({
  unit: usageUnitSchema,
  resolution: z.enum(["hour", "day"], { error: "resolution must be hour or day" }),
  points: z
    .array(usagePointSchema)
    .min(1, "a usage series needs at least one reading")
    .max(24 * 31 + 25, "at most one month of hourly readings per series"),
});

export const apiValueFactSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, "key must be lower-case letters, digits or _"),
  labelSv: z.string().trim().min(1).max(120),
  labelEn: z.string().trim().min(1).max(120),
  value: scaledDecimalSchema(3, "value"),
  unit: z.string().trim().max(20),
  comparison: scaledDecimalSchema(3, "comparison").optional(),
  comparisonLabelSv: z.string().trim().max(120).optional(),
  comparisonLabelEn: z.string().trim().max(120).optional(),
});

const draftFields = {
  contract: referenceSchema("contract").optional(),
  periodStart: calendarDateSchema,
  periodEnd: calendarDateSchema,
  dueDate: calendarDateSchema.optional(),
  lines: z
    .array(apiLineSchema)
    .min(1, "an invoice needs at least one line")
    .max(500, "at most 500 lines"),
  usage: z.array(apiUsageSchema).max(6, "at most 6 usage series").optional(),
  valueFacts: z.array(apiValueFactSchema).max(30, "at most 30 value facts").optional(),
};

export const apiInvoiceCreateSchema = z.strictObject({
  customer: referenceSchema("customer"),
  externalId: externalIdSchema.optional(),
  ...draftFields,
  /** Issue at once (number, OCR, link); a draft otherwise. */
  issue: z.boolean().default(false),
  /** The issue date (default today); only with issue. */
  issueDate: calendarDateSchema.optional(),
  /** How Nota delivers the issued invoice: "none" when the billing system sends the link itself. */
  delivery: deliveryChoiceSchema.default("auto"),
});
export type ApiInvoiceCreate = z.output<typeof apiInvoiceCreateSchema>;

export const apiInvoiceUpdateSchema = z.strictObject({
  /** The version the change is based on (from the last answer): a stale one is 409. */
  expectedVersion: z.number().int().positive().optional(),
  ...draftFields,
});
export type ApiInvoiceUpdate = z.output<typeof apiInvoiceUpdateSchema>;

export const apiIssueSchema = z.strictObject({
  expectedVersion: z.number().int().positive().optional(),
  issueDate: calendarDateSchema.optional(),
  dueDate: calendarDateSchema.optional(),
  delivery: deliveryChoiceSchema.default("auto"),
});
export type ApiIssue = z.output<typeof apiIssueSchema>;

export const apiCreditSchema = z.strictObject({
  /** Staff-only: why the invoice is credited (kept on the timeline for staff). */
  reason: z.string().trim().min(3, "give a reason of at least 3 characters").max(500),
  /** What the customer reads on their timeline and credit note. */
  customerText: z.string().trim().min(1).max(500).optional(),
  expectedVersion: z.number().int().positive().optional(),
  mode: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("full") }),
    z.strictObject({
      kind: z.literal("lines"),
      lines: z
        .array(
          z.strictObject({
            lineId: z.uuid({ error: "lineId must be a line's id" }),
            quantity: scaledDecimalSchema(3, "quantity").optional(),
          }),
        )
        .min(1)
        .max(500),
    }),
    z.strictObject({
      kind: z.literal("amount"),
      amountOre: oreSchema("amountOre", { min: 1 }),
      vatRate: z.number(),
    }),
  ]),
});
export type ApiCredit = z.output<typeof apiCreditSchema>;

export const apiPaymentSchema = z.strictObject({
  /** The billing system's id for the payment: the same id is booked once. */
  externalId: externalIdSchema,
  amountOre: oreSchema("amountOre", { min: 1 }),
  method: z.enum(["bank_transfer", "swish", "card"], {
    error: "method is bank_transfer, swish or card",
  }),
  paidAt: z.iso.datetime({ offset: true }).optional(),
});
export type ApiPayment = z.output<typeof apiPaymentSchema>;

export const invoiceListQuerySchema = z.object({
  status: z.enum(["DRAFT", "OPEN", "PAID", "CREDITED", "OVERDUE"]).optional(),
  customer: z.uuid({ error: "customer must be a customer's id" }).optional(),
  customer_external_id: externalIdSchema.optional(),
  external_id: externalIdSchema.optional(),
  kind: z.enum(["invoice", "credit_note"]).optional(),
  issued_from: calendarDateSchema.optional(),
  issued_to: calendarDateSchema.optional(),
});
