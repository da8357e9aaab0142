import { z } from "zod";
import { feeAgreementSchema } from "@/lib/customers/fee-agreement";
import { calendarDateSchema, externalIdSchema } from "@/lib/validation/input-schemas";

/**
 * A customer as the billing system sends it (API v1): one schema for create-or-update by
 * externalId (POST) and for a partial change (PATCH, every field optional). Unknown fields are
 * refused, so a misspelt field never silently drops data.
 */
const addressSchema = z.strictObject({
  line1: z.string().trim().min(1, "address.line1 is required").max(200),
  line2: z.string().trim().max(200).nullish(),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z -]{2,12}$/, "postalCode must be a postal code, e.g. 41301"),
  city: z.string().trim().min(1, "address.city is required").max(100),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "country must be an ISO 3166 code such as SE")
    .default("SE"),
});

const fields = {
  name: z.string().trim().min(1, "name is required").max(200),
  email: z.email("email must be an email address").max(254).nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, "phone must be a phone number, e.g. +46701234567")
    .nullish(),
  locale: z.enum(["sv", "en"], { error: "locale must be sv or en" }).default("sv"),
  isBusiness: z.boolean().default(false),
  vatNumber: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "vatNumber must be a VAT number such as SE556036079301")
    .nullish(),
  customerNumber: z
    .string()
    .trim()
    .min(1)
    .max(40, "customerNumber may be at most 40 characters")
    .optional(),
  customerSince: calendarDateSchema.optional(),
  segment: z.string().trim().min(1).max(40).nullish(),
  address: addressSchema,
  /** When and where the customer agreed to a reminder fee (lag 1981:739: only agreed fees). */
  reminderFeeAgreement: feeAgreementSchema.nullish(),
};

export const customerInputSchema = z.strictObject({
  externalId: externalIdSchema.optional(),
  ...fields,
});
export type CustomerInput = z.output<typeof customerInputSchema>;

export const customerPatchSchema = z.strictObject({
  name: fields.name.optional(),
  email: fields.email,
  phone: fields.phone,
  locale: z.enum(["sv", "en"], { error: "locale must be sv or en" }).optional(),
  isBusiness: z.boolean().optional(),
  vatNumber: fields.vatNumber,
  segment: fields.segment,
  address: addressSchema.optional(),
  reminderFeeAgreement: fields.reminderFeeAgreement,
});
export type CustomerPatch = z.output<typeof customerPatchSchema>;
