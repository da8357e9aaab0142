import { z } from "zod";
import { VAT_RATES } from "@/lib/invoices/totals";
import {
  calendarDateSchema,
  externalIdSchema,
  oreSchema,
  referenceSchema,
  scaledDecimalSchema,
} from "@/lib/validation/input-schemas";

/** Plans and contracts as the billing system sends them (API v1). */
export const USAGE_UNITS = { kWh: "KWH", GB: "GB", minutes: "MINUTES" } as const;
export const usageUnitSchema = z.enum(["kWh", "GB", "minutes"], {
  error: "unit must be kWh, GB or minutes",
});

export const planInputSchema = z.strictObject({
  externalId: externalIdSchema,
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_.-]{1,40}$/,
      "code must be 1–40 letters, digits, dots, dashes or underscores",
    ),
  name: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120).nullish(),
  description: z.string().trim().max(500).nullish(),
  kind: z.enum(["ENERGY", "BROADBAND", "MOBILE"], {
    error: "kind must be ENERGY, BROADBAND or MOBILE",
  }),
  monthlyFeeOre: oreSchema("monthlyFeeOre"),
  /** Excl. VAT, in öre with up to two decimals ("43.9" öre/kWh). */
  unitPriceOre: scaledDecimalSchema(2, "unitPriceOre").default(0),
  usageUnit: usageUnitSchema.nullish(),
  includedQuantity: scaledDecimalSchema(3, "includedQuantity").nullish(),
  downloadMbps: z.number().int().min(0).max(1_000_000).nullish(),
  uploadMbps: z.number().int().min(0).max(1_000_000).nullish(),
  vatRate: z
    .number()
    .refine((rate) => (VAT_RATES as readonly number[]).includes(rate), {
      error: `vatRate must be one of ${VAT_RATES.join(", ")}`,
    })
    .default(25),
  isActive: z.boolean().default(true),
});
export type PlanInput = z.output<typeof planInputSchema>;

export const contractInputSchema = z
  .strictObject({
    externalId: externalIdSchema,
    customer: referenceSchema("customer"),
    plan: referenceSchema("plan"),
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema.nullish(),
    campaignMonthlyFeeOre: oreSchema("campaignMonthlyFeeOre").nullish(),
    campaignEndsOn: calendarDateSchema.nullish(),
  })
  .refine((input) => !input.endsOn || input.endsOn >= input.startsOn, {
    error: "endsOn must not be before startsOn",
    path: ["endsOn"],
  })
  .refine((input) => (input.campaignMonthlyFeeOre == null) === (input.campaignEndsOn == null), {
    error: "a campaign price needs its end date (campaignEndsOn), and an end date its price",
    path: ["campaignEndsOn"],
  });
export type ContractInput = z.output<typeof contractInputSchema>;
