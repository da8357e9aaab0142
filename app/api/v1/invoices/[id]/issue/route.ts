import { apiRoute } from "@/lib/api/api-handler";
import { issueApiInvoice } from "@/lib/api/invoice-operations";
import { apiIssueSchema } from "@/lib/api/invoice-schemas";
import { getEnv } from "@/lib/env";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  operation: "issueInvoice",
  async handle({ db, principal, params, body }) {
    const invoiceId = parseRouteId(params.id ?? "", "invoice");
    const input = parseInput(apiIssueSchema, body, "issue");
    const invoice = await issueApiInvoice({
      db,
      organizationId: principal.organizationId,
      invoiceId,
      input,
      appUrl: getEnv().appUrl,
    });
    // A staff member may have the draft open in the workspace.
    emitInvoiceChanged({ invoiceId, version: invoice.version, kind: "edit" });
    return { status: 200, body: invoice };
  },
});
