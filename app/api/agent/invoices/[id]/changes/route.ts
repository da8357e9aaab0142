import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";
import { applyAgentInvoiceChange } from "@/lib/invoices/agent-invoice-change";
import { getPaymentProvider } from "@/lib/payments/payment-providers";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";

export const dynamic = "force-dynamic";

/**
 * An agent's live change to an invoice (edit a draft's lines, credit, respite, waive a fee). The
 * answer carries the new version; a stale one is 409 with the current version in `details`.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const invoiceId = (await params).id;
    const changed = await applyAgentInvoiceChange({
      db: await getDb(),
      invoiceId,
      staff,
      body: await readJson(request),
      provider: getPaymentProvider(),
    });
    emitInvoiceChanged({ invoiceId, version: changed.version, kind: changed.kind });
    return NextResponse.json({ ok: true, version: changed.version });
  } catch (error) {
    return apiError(error, { route: "agent invoice change" });
  }
}
