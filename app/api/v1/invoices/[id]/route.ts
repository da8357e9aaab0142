import { apiRoute } from "@/lib/api/api-handler";
import { loadApiInvoice, updateApiDraft } from "@/lib/api/invoice-operations";
import { apiInvoiceUpdateSchema } from "@/lib/api/invoice-schemas";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "getInvoice",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "invoice");
    return { status: 200, body: await loadApiInvoice(db, principal.organizationId, id) };
  },
});

export const PATCH = apiRoute({
  operation: "updateInvoice",
  async handle({ db, principal, params, body }) {
    const invoiceId = parseRouteId(params.id ?? "", "invoice");
    const input = parseInput(apiInvoiceUpdateSchema, body, "invoice");
    return {
      status: 200,
      body: await updateApiDraft({
        db,
        organizationId: principal.organizationId,
        invoiceId,
        input,
      }),
    };
  },
});
