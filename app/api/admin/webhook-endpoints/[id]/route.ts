import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/** An admin removes a webhook endpoint and its delivery log; nothing more is sent to it. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    await deleteWebhookEndpoint(
      await getDb(),
      staff.organizationId,
      parseRouteId((await params).id, "webhook endpoint"),
    );
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "delete webhook endpoint" });
  }
}
