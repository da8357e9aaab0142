import { apiRoute } from "@/lib/api/api-handler";
import { customerView } from "@/lib/api/invoice-views";
import { customerPatchSchema } from "@/lib/customers/customer-input";
import { getCustomer, updateCustomer } from "@/lib/customers/customers";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "getCustomer",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "customer");
    return { status: 200, body: customerView(await getCustomer(db, principal.organizationId, id)) };
  },
});

export const PATCH = apiRoute({
  operation: "updateCustomer",
  async handle({ db, principal, params, body }) {
    const customerId = parseRouteId(params.id ?? "", "customer");
    const patch = parseInput(customerPatchSchema, body, "customer");
    const customer = await updateCustomer({
      db,
      organizationId: principal.organizationId,
      customerId,
      patch,
    });
    return { status: 200, body: customerView(customer) };
  },
});
