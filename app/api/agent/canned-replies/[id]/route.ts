import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { deleteCannedReply } from "@/lib/chat/canned-replies";
import { getDb } from "@/lib/db/client";
import { apiError } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    await deleteCannedReply({
      db: await getDb(),
      id: (await params).id,
      organizationId: staff.organizationId,
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return apiError(error, { route: "delete canned reply" });
  }
}
