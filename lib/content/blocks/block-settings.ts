import { z } from "zod";
import type { ContentBlockKind } from "@/lib/db/generated/client";

/** What an offer offers: a fixed plan of the catalogue, or the plan that fits this customer best. */
export const offerSettingsSchema = z.object({
  plan: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("fixed"), planCode: z.string().trim().min(1).max(40) }),
    z.object({ mode: z.literal("best") }),
  ]),
});

export const surveySettingsSchema = z.object({ scale: z.enum(["NPS", "CSAT"]) });

/** Kinds without settings: whatever is sent is dropped, never stored. */
const noSettings = z.object({});

/** Each kind's settings; the console's form and the server parse with the same schema. */
export const BLOCK_SETTINGS_SCHEMAS = {
  OFFER: offerSettingsSchema,
  SURVEY: surveySettingsSchema,
  INFORMATION: noSettings,
  CAMPAIGN_ENDING: noSettings,
  LOYALTY: noSettings,
  APOLOGY: noSettings,
  NOTICE: noSettings,
} as const satisfies Record<ContentBlockKind, z.ZodType>;

export type OfferSettings = z.infer<typeof offerSettingsSchema>;
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

/** The range of answers a survey takes: NPS 0–10, CSAT 1–5. */
export function surveyRange(scale: SurveySettings["scale"]): { min: number; max: number } {
  return scale === "NPS" ? { min: 0, max: 10 } : { min: 1, max: 5 };
}
