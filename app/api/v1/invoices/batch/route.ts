import { apiRoute } from "@/lib/api/api-handler";
import { readBatchItems, runInvoiceBatch } from "@/lib/api/invoice-batch";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** An invoice run: up to 1,000 invoices (JSON array or NDJSON), each answered on its own. */
export const POST = apiRoute({
  operation: "batchInvoices",
  bodyLimit: () => getEnv().API_BATCH_BODY_LIMIT,
  async handle({ db, principal, body, rawBody, contentType }) {
    const items = readBatchItems(body, rawBody, contentType);
    return {
      status: 200,
      body: await runInvoiceBatch({
        db,
        organizationId: principal.organizationId,
        items,
        appUrl: getEnv().appUrl,
      }),
    };
  },
});
