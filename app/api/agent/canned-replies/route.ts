import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { cannedReplySchema, saveCannedReply } from "@/lib/chat/canned-replies";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Creates a canned reply, or edits one when the body names its id. */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const input = parseInput(cannedReplySchema, await readJsonBody(request, 16 * 1024));
    const saved = await saveCannedReply({
      db: await getDb(),
      input,
      organizationId: staff.organizationId,
    });
    return NextResponse.json({ ok: true, id: saved.id });
  } catch (error) {
    return errorResponse(error, { route: "save canned reply" });
  }
}
