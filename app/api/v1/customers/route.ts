import { apiRoute } from "@/lib/api/api-handler";
import { customerView } from "@/lib/api/invoice-views";
import { customerListQuerySchema } from "@/lib/api/query-schemas";
import { customerInputSchema } from "@/lib/customers/customer-input";
import { listCustomers, upsertCustomer } from "@/lib/customers/customers";
import { listAnswer, queryObject } from "@/lib/validation/input-schemas";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Creates a customer, or updates the one with the same externalId (201 created, 200 updated). */
export const POST = apiRoute({
  operation: "createCustomer",
  async handle({ db, principal, body }) {
    const input = parseInput(customerInputSchema, body, "customer");
    const { customer, created } = await upsertCustomer({
      db,
      organizationId: principal.organizationId,
      input,
    });
    return { status: created ? 201 : 200, body: customerView(customer) };
  },
});

export const GET = apiRoute({
  operation: "listCustomers",
  async handle({ db, principal, url }) {
    const query = parseInput(customerListQuerySchema, queryObject(url), "query");
    const rows = await listCustomers(db, {
      organizationId: principal.organizationId,
      limit: query.limit,
      startingAfter: query.starting_after,
      externalId: query.external_id,
    });
    return { status: 200, body: listAnswer(rows.map(customerView), query.limit) };
  },
});
