import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { conversationActionSchema, updateConversation } from "@/lib/chat/inbox";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { emitInboxChanged, emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = conversationActionSchema.omit({ conversationId: true });

/** Assign to me, unassign, resolve or reopen a conversation. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const conversationId = parseRouteId((await params).id, "conversation");
    const { action } = parseInput(bodySchema, await readJsonBody(request, 1024));
    const updated = await updateConversation({
      db: await getDb(),
      input: { conversationId, action },
      staff: { staffId: staff.id, organizationId: staff.organizationId },
    });
    if (updated.disputeClosedVersion !== null) {
      emitInvoiceChanged({
        invoiceId: updated.invoiceId,
        version: updated.disputeClosedVersion,
        kind: "collection",
      });
    }
    emitInboxChanged({
      organizationId: staff.organizationId,
      conversationId,
      reason: action === "assign-to-me" || action === "unassign" ? "assignment" : "status",
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "conversation action" });
  }
}
