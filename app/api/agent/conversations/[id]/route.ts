import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { updateConversation } from "@/lib/chat/inbox";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";
import { emitInboxChanged } from "@/lib/realtime/invoice-cues";

export const dynamic = "force-dynamic";

/** Assign to me, unassign, resolve or reopen a conversation. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const body = (await readJson(request)) as { action?: unknown } | null;
    const { conversationId } = await updateConversation({
      db: await getDb(),
      input: { conversationId: (await params).id, action: body?.action as never },
      staff: { staffId: staff.id, organizationId: staff.organizationId },
    });
    const action = String(body?.action);
    emitInboxChanged({
      organizationId: staff.organizationId,
      conversationId,
      reason: action.includes("assign") ? "assignment" : "status",
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return apiError(error, { route: "conversation action" });
  }
}
