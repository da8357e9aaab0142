import { apiRoute } from "@/lib/api/api-handler";
import { contractView } from "@/lib/api/invoice-views";
import { contractListQuerySchema } from "@/lib/api/query-schemas";
import { contractInputSchema } from "@/lib/catalogue/catalogue-input";
import { listContracts, upsertContract } from "@/lib/catalogue/plans-and-contracts";
import { listAnswer, queryObject } from "@/lib/validation/input-schemas";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  operation: "upsertContract",
  async handle({ db, principal, body }) {
    const input = parseInput(contractInputSchema, body, "contract");
    const { contract, created } = await upsertContract({
      db,
      organizationId: principal.organizationId,
      input,
    });
    return { status: created ? 201 : 200, body: contractView(contract) };
  },
});

export const GET = apiRoute({
  operation: "listContracts",
  async handle({ db, principal, url }) {
    const query = parseInput(contractListQuerySchema, queryObject(url), "query");
    const rows = await listContracts(db, {
      organizationId: principal.organizationId,
      customerId: query.customer,
      limit: query.limit,
      startingAfter: query.starting_after,
    });
    return { status: 200, body: listAnswer(rows.map(contractView), query.limit) };
  },
});
