import { z } from "zod";
import { invoiceListQuerySchema } from "@/lib/api/invoice-schemas";
import { externalIdSchema, pageQuerySchema } from "@/lib/validation/input-schemas";

/** The query strings of API v1's lists. */
export const customerListQuerySchema = pageQuerySchema.extend({
  external_id: externalIdSchema.optional(),
});

export const contractListQuerySchema = pageQuerySchema.extend({
  customer: z.uuid({ error: "customer must be a customer's id" }).optional(),
});

export const invoiceListFullQuerySchema = pageQuerySchema.extend(invoiceListQuerySchema.shape);
