import { headers } from "next/headers";
import { ALL_STAFF_ROLES } from "@/lib/auth/console-roles";
import { loadActiveStaff, sessionStaffId } from "@/lib/auth/staff-identity";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/database";
import { isAppError } from "@/lib/errors/app-error";
import type { InvoicePageRequest } from "@/lib/invoice-page/page-request";
import { deviceClassFromUserAgent } from "@/lib/invoice-page/record-invoice-view";
import { bufferView } from "@/lib/invoice-page/view-buffer";

/** What recording a view reads of the page's request. */
type ViewedPage = Pick<InvoicePageRequest, "visitorHash"> & {
  data: {
    invoice: Pick<InvoicePageRequest["data"]["invoice"], "id">;
    organization: Pick<InvoicePageRequest["data"]["organization"], "id">;
  };
};

/**
 * Records the view as a durable job (invoices.record-views, with the other views of the same moment:
 * view-buffer.ts), written while the page renders: it never slows the page down, does not depend
 * on the response completing, and is retried if the database is busy. A staff member of the invoice's organisation opening a customer link is
 * previewing, not viewing: not recorded, and the answer (true) tells the page so, which then leaves
 * out what only the customer may do there (chat as the customer, show as the customer being online).
 */
export async function startRecordingCustomerView(request: ViewedPage): Promise<boolean> {
  const requestHeaders = await headers();
  const db = await getDb();
  if (await isStaffPreview(db, requestHeaders.get("cookie"), request.data.organization.id)) {
    return true;
  }
  bufferView({
    invoiceId: request.data.invoice.id,
    organizationId: request.data.organization.id,
    deviceClass: deviceClassFromUserAgent(requestHeaders.get("user-agent")),
    visitorHash: request.visitorHash,
    viewedAt: new Date(),
  });
  return false;
}

/**
 * Whether the session is an active staff member's of this organisation (loadActiveStaff, as for
 * every staff check): a disabled account's leftover cookie, or staff of another organisation
 * opening their own invoice there, are customers like any other — counted, with the chat.
 */
async function isStaffPreview(
  db: Db,
  cookieHeader: string | null,
  organizationId: string,
): Promise<boolean> {
  const staffId = await sessionStaffId(cookieHeader);
  if (!staffId) return false;
  try {
    const staff = await loadActiveStaff(db, staffId, ALL_STAFF_ROLES);
    return staff.organizationId === organizationId;
  } catch (error) {
    // A refused session is no staff member; a database that cannot answer fails the page as
    // any other lookup would.
    if (isAppError(error)) return false;
    throw error;
  }
}
