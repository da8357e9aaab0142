import { apiRoute } from "@/lib/api/api-handler";
import { createApiInvoice, listApiInvoices } from "@/lib/api/invoice-operations";
import { apiInvoiceCreateSchema } from "@/lib/api/invoice-schemas";
import { invoiceListFullQuerySchema } from "@/lib/api/query-schemas";
import { getEnv } from "@/lib/env";
import { queryObject } from "@/lib/validation/input-schemas";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  operation: "createInvoice",
  async handle({ db, principal, body }) {
    const input = parseInput(apiInvoiceCreateSchema, body, "invoice");
    const invoice = await createApiInvoice({
      db,
      organizationId: principal.organizationId,
      input,
      appUrl: getEnv().appUrl,
    });
    return { status: 201, body: invoice };
  },
});

export const GET = apiRoute({
  operation: "listInvoices",
  async handle({ db, principal, url }) {
    const query = parseInput(invoiceListFullQuerySchema, queryObject(url), "query");
    return {
      status: 200,
      body: await listApiInvoices(db, {
        organizationId: principal.organizationId,
        limit: query.limit,
        startingAfter: query.starting_after,
        status: query.status,
        customerId: query.customer,
        customerExternalId: query.customer_external_id,
        externalId: query.external_id,
        kind: query.kind,
        issuedFrom: query.issued_from,
        issuedTo: query.issued_to,
      }),
    };
  },
});
