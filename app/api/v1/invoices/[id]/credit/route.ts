import { apiRoute } from "@/lib/api/api-handler";
import { creditApiInvoice } from "@/lib/api/invoice-operations";
import { apiCreditSchema } from "@/lib/api/invoice-schemas";
import { committedChangesOf } from "@/lib/payments/invoice-changes";
import { getPaymentProvider } from "@/lib/payments/payment-providers";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The same credit the agent console gives: open pages of the invoice hear of it at once. */
export const POST = apiRoute({
  operation: "creditInvoice",
  async handle({ db, principal, params, body }) {
    const invoiceId = parseRouteId(params.id ?? "", "invoice");
    const input = parseInput(apiCreditSchema, body, "credit");
    try {
      const credited = await creditApiInvoice({
        db,
        organizationId: principal.organizationId,
        invoiceId,
        input,
        provider: getPaymentProvider(),
      });
      emitInvoiceChanged({ invoiceId, version: credited.invoice.version, kind: "credit" });
      return { status: 201, body: { invoice: credited.invoice, creditNote: credited.creditNote } };
    } catch (error) {
      // A credit that stood while its refund failed still changed the page.
      for (const change of committedChangesOf(error)) emitInvoiceChanged(change);
      throw error;
    }
  },
});
