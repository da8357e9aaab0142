import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { saveCannedReply } from "@/lib/chat/canned-replies";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";

export const dynamic = "force-dynamic";

/** Creates a canned reply, or edits one when the body names its id. */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const saved = await saveCannedReply({
      db: await getDb(),
      input: (await readJson(request)) as never,
      organizationId: staff.organizationId,
    });
    return NextResponse.json({ ok: true, id: saved.id });
  } catch (error) {
    return apiError(error, { route: "save canned reply" });
  }
}
