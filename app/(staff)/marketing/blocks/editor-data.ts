import type { OfferPlan } from "@/components/marketing/kind-settings-fields";
import { listCustomerSegments, listOfferPlans } from "@/lib/content/blocks/console-queries";
import type { FactName } from "@/lib/content/targeting/catalogue";
import type { Db } from "@/lib/db/database";

/** What both editor pages hand the editor besides the block: plans and rule-value suggestions. */
export async function loadEditorOptions(
  db: Db,
  organizationId: string,
): Promise<{ plans: OfferPlan[]; suggestions: Partial<Record<FactName, readonly string[]>> }> {
  const [plans, segments] = await Promise.all([
    listOfferPlans(db, organizationId),
    listCustomerSegments(db, organizationId),
  ]);
  return { plans, suggestions: { planCode: plans.map((plan) => plan.code), segment: segments } };
}
