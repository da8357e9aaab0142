import { listCustomerSegments } from "@/lib/content/blocks/console-queries";
import type { FactName } from "@/lib/content/targeting/catalogue";
import type { Db } from "@/lib/db/database";

/** The rule editor's value suggestions for a policy: the organisation's customer segments. */
export async function policyRuleSuggestions(
  db: Db,
  organizationId: string,
): Promise<Partial<Record<FactName, readonly string[]>>> {
  return { segment: await listCustomerSegments(db, organizationId) };
}
