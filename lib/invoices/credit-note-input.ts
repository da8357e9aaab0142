import { z } from "zod";
import {
  customerTextSchema,
  expectedVersionSchema,
  reasonSchema,
} from "@/lib/invoices/invoice-change";
import { VAT_RATES } from "@/lib/invoices/totals";
import { MAX_STORED_INTEGER } from "@/lib/money/money";

/** One schema per input, shared by the agent console's forms and the domain functions. */

export const creditNoteInputSchema = z.object({
  invoiceId: z.uuid(),
  organizationId: z.uuid(),
  /** Staff-only: why the invoice is credited. */
  reason: reasonSchema,
  /** What the customer reads on their timeline; without it the page shows a default text. */
  customerText: customerTextSchema,
  expectedVersion: expectedVersionSchema.optional(),
});

/** The input of issueFullCreditNote (older callers: the version check is optional there). */
export type CreditNoteInput = z.output<typeof creditNoteInputSchema>;

const amountOreSchema = z
  .number({ error: "amount must be a number of öre" })
  .int("amount must be whole öre")
  .positive("amount must be more than 0")
  .max(MAX_STORED_INTEGER, "amount is larger than an invoice can hold");

const vatRateSchema = z.number().refine((rate) => (VAT_RATES as readonly number[]).includes(rate), {
  error: `VAT rate must be one of ${VAT_RATES.join(", ")} %`,
});

export const creditModeSchema = z.discriminatedUnion("kind", [
  /** Every line of the invoice, mirrored: only while nothing has been credited yet. */
  z.object({ kind: z.literal("full") }),
  /** Chosen lines of the invoice, each whole or a part of its quantity. */
  z.object({
    kind: z.literal("lines"),
    lines: z
      .array(
        z.object({
          lineId: z.uuid({ error: "lineId must be a line's id" }),
          /** How much of the line, in thousandths, as a positive number; default: all that remains. */
          quantityMilli: z
            .number({ error: "quantity must be a number (in thousandths)" })
            .int("quantity must be whole thousandths")
            .positive("quantity must be more than 0")
            .max(1_000_000_000)
            .optional(),
        }),
      )
      .min(1, "choose at least one line to credit")
      .max(500)
      .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length, {
        error: "each line can be chosen only once",
      }),
  }),
  /** An amount including VAT at one rate, e.g. a price agreed afterwards. */
  z.object({ kind: z.literal("amount"), amountOre: amountOreSchema, vatRate: vatRateSchema }),
  /** Compensation (goodwill), e.g. for an outage: shown to the customer as compensation. */
  z.object({ kind: z.literal("goodwill"), amountOre: amountOreSchema, vatRate: vatRateSchema }),
]);

export type CreditMode = z.output<typeof creditModeSchema>;

export const issueCreditNoteInputSchema = creditNoteInputSchema.extend({
  expectedVersion: expectedVersionSchema,
  mode: creditModeSchema,
});

export type IssueCreditNoteInput = z.output<typeof issueCreditNoteInputSchema>;
