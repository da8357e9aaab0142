import { z } from "zod";
import { REMINDER_FEE_CAP_ORE } from "@/lib/collections/reminder-fees";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { isValidBankgiro, isValidPlusgiro } from "@/lib/references/giro";
import {
  isValidLegalPersonOrgNumber,
  orgNumberDigits,
  vatNumberMatchesOrgNumber,
} from "@/lib/references/org-number";

/**
 * What an organisation's admin says about the seller: the identity and bank details every invoice
 * carries (ML 17 kap. 24 §) and the payment and fee terms. One schema for the admin's form, the
 * API and the demo seed, so a number that is not one never gets in. What is already issued keeps
 * what it was issued with (see issued-snapshot.ts): a change applies to documents issued after it.
 */

const text = (max: number) => z.string().trim().min(1, "required").max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const organizationSettingsSchema = z
  .object({
    name: text(120),
    orgNumber: z
      .string()
      .trim()
      .refine(isValidLegalPersonOrgNumber, {
        error:
          "not a legal person's organisation number: 10 digits (NNNNNN-NNNN) with a valid check digit and 2 or more as the third digit",
      })
      .transform((value) => orgNumberDigits(value)!),
    vatNumber: z
      .string()
      .trim()
      .transform((value) => value.replace(/\s/g, "").toUpperCase()),
    hasFSkatt: z.boolean(),
    addressLine1: text(120),
    addressLine2: optionalText(120),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3} ?\d{2}$/, "a Swedish postcode: five digits, e.g. 411 19")
      .transform(
        (value) => `${value.replace(" ", "").slice(0, 3)} ${value.replace(" ", "").slice(3)}`,
      ),
    city: text(80),
    bankgiro: optionalText(12).refine((value) => value === null || isValidBankgiro(value), {
      error: "not a bankgiro number: 7 or 8 digits (123-4567, 1234-5678) with a valid check digit",
    }),
    plusgiro: optionalText(14).refine((value) => value === null || isValidPlusgiro(value), {
      error: "not a PlusGiro number: 2 to 8 digits with a valid check digit",
    }),
    swishNumber: optionalText(14).refine(
      (value) => value === null || /^123\d{7}$/.test(value.replace(/[\s-]/g, "")),
      { error: "not a Swish business number: 10 digits starting with 123" },
    ),
    supportEmail: optionalText(200).refine(
      (value) => value === null || z.email().safeParse(value).success,
      { error: "not an email address" },
    ),
    supportPhone: optionalText(30).refine(
      (value) => value === null || /^\+?[\d\s-]{6,20}$/.test(value),
      { error: "not a phone number" },
    ),
    paymentTermsDays: z.number().int().min(0).max(90),
    roundToWholeKrona: z.boolean(),
    reminderAfterDays: z.number().int().min(1).max(60),
    reminderFeeOre: z
      .number()
      .int("whole öre")
      .min(0)
      .max(REMINDER_FEE_CAP_ORE, "a reminder fee is at most 60 kr (lag 1981:739 2 §)"),
    allowPartialPayment: z.boolean(),
    minimumPartialPaymentOre: z.number().int().min(0).max(100_000_00),
    refundPolicy: z.enum(["REFUND", "KEEP_CREDIT"]),
    /** Charge business customers the 450 kr förseningsersättning (lag 1981:739 4 a §). */
    chargeLatePaymentCompensation: z.boolean().optional().default(false),
    /** Links stop working this many days after the invoice is settled; null: never. */
    linkExpiryDaysAfterSettled: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .nullable()
      .optional()
      .default(null),
  })
  .superRefine((settings, context) => {
    if (!vatNumberMatchesOrgNumber(settings.vatNumber, settings.orgNumber)) {
      context.addIssue({
        code: "custom",
        path: ["vatNumber"],
        message: `the VAT number of organisation number ${settings.orgNumber} is SE${settings.orgNumber}01`,
      });
    }
    if (settings.bankgiro === null && settings.plusgiro === null) {
      context.addIssue({
        code: "custom",
        path: ["bankgiro"],
        message: "an invoice needs a bankgiro or PlusGiro number to be paid to",
      });
    }
  });

export type OrganizationSettingsInput = z.input<typeof organizationSettingsSchema>;
export type OrganizationSettings = z.output<typeof organizationSettingsSchema>;

export const ORGANIZATION_SETTINGS_SELECT = {
  name: true,
  orgNumber: true,
  vatNumber: true,
  hasFSkatt: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  bankgiro: true,
  plusgiro: true,
  swishNumber: true,
  supportEmail: true,
  supportPhone: true,
  paymentTermsDays: true,
  roundToWholeKrona: true,
  reminderAfterDays: true,
  reminderFeeOre: true,
  allowPartialPayment: true,
  minimumPartialPaymentOre: true,
  refundPolicy: true,
  chargeLatePaymentCompensation: true,
  linkExpiryDaysAfterSettled: true,
} as const satisfies Record<keyof OrganizationSettings, true>;

export async function readOrganizationSettings(db: Db, organizationId: string) {
  const settings = await db.organization.findUnique({
    where: { id: organizationId },
    select: ORGANIZATION_SETTINGS_SELECT,
  });
  if (!settings) throw new AppError("NOT_FOUND", "No such organisation");
  return settings;
}

/** Saves an admin's settings of their own organisation (input parsed by the caller). */
export async function updateOrganizationSettings(options: {
  db: Db;
  organizationId: string;
  input: OrganizationSettings;
}) {
  const { input } = options;
  return options.db.organization.update({
    where: { id: options.organizationId },
    data: {
      ...input,
      swishNumber: input.swishNumber === null ? null : input.swishNumber.replace(/[\s-]/g, ""),
    },
    select: ORGANIZATION_SETTINGS_SELECT,
  });
}
