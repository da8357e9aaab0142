import { apiRoute } from "@/lib/api/api-handler";
import { listApiInvoiceEvents } from "@/lib/api/invoice-operations";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "listInvoiceEvents",
  async handle({ db, principal, params }) {
    const invoiceId = parseRouteId(params.id ?? "", "invoice");
    return {
      status: 200,
      body: await listApiInvoiceEvents(db, {
        organizationId: principal.organizationId,
        invoiceId,
        includeStaff: principal.scopes.includes("events:staff"),
      }),
    };
  },
});
