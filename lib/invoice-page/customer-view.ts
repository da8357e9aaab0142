import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { getDb } from "@/lib/db/client";
import type { InvoicePageRequest } from "./page-request";
import { recordInvoiceView } from "./record-invoice-view";

/**
 * Records the view alongside rendering, not awaited: it never slows the page down, and it does not
 * depend on the response completing (a view is a view even if the visitor navigates on quickly).
 * A signed-in staff member opening a customer link is previewing, not viewing: not recorded, and
 * the answer (true) tells the page so, which then leaves out what only the customer may do there
 * (chat as the customer, show as the customer being online).
 */
export async function startRecordingCustomerView(request: InvoicePageRequest): Promise<boolean> {
  const userAgent = (await headers()).get("user-agent");
  const session = await getServerSession(authOptions).catch(() => null);
  if (session?.staff?.id) return true;
  const { id: invoiceId } = request.data.invoice;
  const organizationId = request.data.organization.id;
  void (async () => {
    try {
      await recordInvoiceView({
        db: await getDb(),
        invoiceId,
        organizationId,
        userAgent,
        visitorHash: request.visitorHash,
      });
    } catch (error) {
      console.error("recording an invoice view failed", { invoiceId, error });
    }
  })();
  return false;
}
