import { NextResponse } from "next/server";
import { revokeApiKey } from "@/lib/api/api-keys";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** An admin revokes one of their organisation's API keys: it stops working at once. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const key = await revokeApiKey({
      db: await getDb(),
      organizationId: staff.organizationId,
      keyId: parseRouteId((await params).id, "API key"),
    });
    return NextResponse.json({ ok: true, key });
  } catch (error) {
    return errorResponse(error, { route: "revoke API key" });
  }
}
