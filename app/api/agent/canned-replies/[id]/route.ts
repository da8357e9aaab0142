import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { deleteCannedReply } from "@/lib/chat/canned-replies";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    await deleteCannedReply({
      db: await getDb(),
      id: parseRouteId((await params).id, "canned reply"),
      organizationId: staff.organizationId,
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "delete canned reply" });
  }
}
