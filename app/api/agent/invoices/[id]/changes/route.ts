import { NextResponse } from "next/server";
import {
  agentInvoiceChangeSchema,
  applyAgentInvoiceChange,
} from "@/lib/agent/agent-invoice-change";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { committedChangesOf } from "@/lib/payments/invoice-changes";
import { getPaymentProvider } from "@/lib/payments/payment-providers";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * An agent's live change to an invoice (edit a draft's lines, credit, respite, waive a fee). The
 * answer carries the new version; a stale one is 409 with the current version in `details`. Open
 * pages hear of it once, from here, after commit — also when a credit stood but its refund failed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const invoiceId = parseRouteId((await params).id, "invoice");
    const change = parseInput(agentInvoiceChangeSchema, await readJsonBody(request), "change");
    const changed = await applyAgentInvoiceChange({
      db: await getDb(),
      invoiceId,
      staff,
      change,
      provider: getPaymentProvider(),
    });
    emitInvoiceChanged({ invoiceId, version: changed.version, kind: changed.kind });
    // A credit names the credit note it made, for the agent's confirmation.
    return NextResponse.json({
      ok: true,
      version: changed.version,
      ...(changed.creditNote ? { creditNote: changed.creditNote } : {}),
    });
  } catch (error) {
    for (const change of committedChangesOf(error)) emitInvoiceChanged(change);
    return errorResponse(error, { route: "agent invoice change" });
  }
}
