import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";
import { enableWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/** An admin turns a disabled webhook endpoint (410 Gone, say) back on for later events. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const endpoint = await enableWebhookEndpoint(
      await getDb(),
      staff.organizationId,
      parseRouteId((await params).id, "webhook endpoint"),
    );
    return NextResponse.json({ ok: true, endpoint });
  } catch (error) {
    return errorResponse(error, { route: "enable webhook endpoint" });
  }
}
