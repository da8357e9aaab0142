import { z } from "zod";
import { type CollectionObjective, parseObjective } from "@/lib/collections/learner";
import type { Db } from "@/lib/db/database";
import type { Prisma, StaffRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { createLogger } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * The organisation's objective for the collection learner: what counts as a step that worked
 * (paid in full within 3, 7 or 14 days of it), less a penalty when the customer left within 90
 * days or wrote to support within 14. Finance (or an administrator) sets it; the learner's rewards
 * are measured by it from the next outcome refresh on.
 */
const log = createLogger("collections");

const penalty = (what: string) =>
  z
    .number({ error: `${what} is a number from 0 to 10` })
    .finite(`${what} is a number from 0 to 10`)
    .min(0, `${what} is a number from 0 to 10`)
    .max(10, `${what} is a number from 0 to 10`);

export const collectionObjectiveSchema = z.strictObject({
  paidWithinDays: z.union([z.literal(3), z.literal(7), z.literal(14)], {
    error: "paidWithinDays is 3, 7 or 14",
  }),
  churnPenalty: penalty("churnPenalty"),
  supportPenalty: penalty("supportPenalty"),
});
export type CollectionObjectiveInput = z.output<typeof collectionObjectiveSchema>;

const ROLES: readonly StaffRole[] = ["ADMIN", "FINANCE"];

/** The organisation's objective as the learner reads it (the default where none was set). */
export async function loadCollectionObjective(
  db: Db,
  organizationId: string,
): Promise<CollectionObjective> {
  const row = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { collectionObjective: true },
  });
  return parseObjective(row.collectionObjective);
}

export async function saveCollectionObjective(options: {
  db: Db;
  staff: { id: string; organizationId: string; role: StaffRole };
  input: unknown;
}): Promise<CollectionObjective> {
  const { db, staff } = options;
  if (!ROLES.includes(staff.role)) {
    throw new AppError(
      "FORBIDDEN",
      "Only finance or an administrator sets the learner's objective",
    );
  }
  const input = parseInput(collectionObjectiveSchema, options.input, "objective");
  const before = await loadCollectionObjective(db, staff.organizationId);
  await db.organization.update({
    where: { id: staff.organizationId },
    data: { collectionObjective: input as unknown as Prisma.InputJsonValue },
  });
  log.info("collection objective saved", {
    organizationId: staff.organizationId,
    staffId: staff.id,
    before,
    after: input,
  });
  return input;
}
