import { headers } from "next/headers";
import { sessionStaffId } from "@/lib/auth/staff-identity";
import { getDb } from "@/lib/db/client";
import type { InvoicePageRequest } from "@/lib/invoice-page/page-request";
import { deviceClassFromUserAgent } from "@/lib/invoice-page/record-invoice-view";
import { enqueueJob } from "@/lib/jobs/job-engine";
import { createLogger } from "@/lib/log";

const log = createLogger("invoice-page");

/**
 * Records the view as a durable job (invoices.record-view), written while the page renders: it
 * never slows the page down, does not depend on the response completing, and is retried if the
 * database is busy. A signed-in staff member opening a customer link is previewing, not viewing:
 * not recorded, and the answer (true) tells the page so, which then leaves out what only the
 * customer may do there (chat as the customer, show as the customer being online).
 */
export async function startRecordingCustomerView(request: InvoicePageRequest): Promise<boolean> {
  const requestHeaders = await headers();
  if (await sessionStaffId(requestHeaders.get("cookie"))) return true;
  const { id: invoiceId } = request.data.invoice;
  void (async () => {
    try {
      await enqueueJob(await getDb(), "invoices.record-view", {
        invoiceId,
        organizationId: request.data.organization.id,
        deviceClass: deviceClassFromUserAgent(requestHeaders.get("user-agent")),
        visitorHash: request.visitorHash,
        viewedAt: new Date().toISOString(),
      });
    } catch (error) {
      log.error("recording an invoice view failed", { invoiceId, error });
    }
  })();
  return false;
}
