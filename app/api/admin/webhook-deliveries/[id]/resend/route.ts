import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";
import { resendWebhookDelivery } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/** An admin sends a delivered or given-up webhook event once more, now (as a job). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    await resendWebhookDelivery(
      await getDb(),
      staff.organizationId,
      parseRouteId((await params).id, "webhook delivery"),
    );
    return NextResponse.json({ ok: true }, { status: 202 });
  } catch (error) {
    return errorResponse(error, { route: "resend webhook delivery" });
  }
}
