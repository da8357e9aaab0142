import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/database";
import type { StaffRole } from "@/lib/db/generated/client";

/** A staff account that cannot sign in (no real password hash); for domain tests. */
export async function createStaffUser(
  db: Db,
  organizationId: string,
  options: { role?: StaffRole; name?: string } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  return db.staffUser.create({
    data: {
      organizationId,
      email: `staff.${suffix}@example.se`,
      name: options.name ?? `Sara Lind ${suffix}`,
      passwordHash: "not-a-password",
      role: options.role ?? "AGENT",
    },
  });
}
