import { apiRoute } from "@/lib/api/api-handler";
import { planView } from "@/lib/api/invoice-views";
import { planInputSchema } from "@/lib/catalogue/catalogue-input";
import { listPlans, upsertPlan } from "@/lib/catalogue/plans-and-contracts";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  operation: "upsertPlan",
  async handle({ db, principal, body }) {
    const input = parseInput(planInputSchema, body, "plan");
    const { plan, created } = await upsertPlan({
      db,
      organizationId: principal.organizationId,
      input,
    });
    return { status: created ? 201 : 200, body: planView(plan) };
  },
});

export const GET = apiRoute({
  operation: "listPlans",
  async handle({ db, principal }) {
    const plans = await listPlans(db, principal.organizationId);
    return {
      status: 200,
      body: { object: "list", data: plans.map(planView), hasMore: false, nextStartingAfter: null },
    };
  },
});
