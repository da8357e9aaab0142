import { z } from "zod";

/** Publish, withdraw (back to draft) or archive: the console's status change, parsed by the route. */
export const blockStatusInputSchema = z.object({
  status: z.enum(["PUBLISHED", "DRAFT", "ARCHIVED"], {
    error: "status must be PUBLISHED, DRAFT or ARCHIVED",
  }),
});

export const blockIdSchema = z.uuid({ error: "no such content block" });
