import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";
import { sendTestWebhook } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/** An admin sends a `webhook.test` event to one endpoint; it is delivered (and logged) as a job. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const sent = await sendTestWebhook(
      await getDb(),
      staff.organizationId,
      parseRouteId((await params).id, "webhook endpoint"),
    );
    return NextResponse.json({ ok: true, ...sent }, { status: 202 });
  } catch (error) {
    return errorResponse(error, { route: "send test webhook" });
  }
}
