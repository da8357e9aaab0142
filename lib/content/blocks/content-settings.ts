import { z } from "zod";
import type { Marketer } from "@/lib/content/blocks/manage-blocks";
import type { Db } from "@/lib/db/database";

/** The organisation's content settings the console edits; one schema for form and server. */
export const contentSettingsSchema = z.object({
  maxContentBlocksPerInvoice: z
    .number({ error: "give a number from 1 to 10" })
    .int("give a whole number")
    .min(1, "at least 1 block")
    .max(10, "at most 10 blocks"),
});

export type ContentSettingsInput = z.input<typeof contentSettingsSchema>;

export async function updateContentSettings(options: {
  db: Db;
  marketer: Marketer;
  input: z.output<typeof contentSettingsSchema>;
}): Promise<{ maxContentBlocksPerInvoice: number }> {
  const { input } = options;
  return options.db.organization.update({
    where: { id: options.marketer.organizationId },
    data: { maxContentBlocksPerInvoice: input.maxContentBlocksPerInvoice },
    select: { maxContentBlocksPerInvoice: true },
  });
}
