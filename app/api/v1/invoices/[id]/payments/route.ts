import { apiRoute } from "@/lib/api/api-handler";
import { registerApiPayment } from "@/lib/api/invoice-operations";
import { apiPaymentSchema } from "@/lib/api/invoice-schemas";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  operation: "registerPayment",
  async handle({ db, principal, params, body }) {
    const invoiceId = parseRouteId(params.id ?? "", "invoice");
    const input = parseInput(apiPaymentSchema, body, "payment");
    const result = await registerApiPayment({
      db,
      organizationId: principal.organizationId,
      invoiceId,
      input,
    });
    if (result.recorded) {
      emitInvoiceChanged({ invoiceId, version: result.invoice.version, kind: "payment" });
    }
    return { status: result.recorded ? 201 : 200, body: result };
  },
});
