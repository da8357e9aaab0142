import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { updateContentSettings } from "@/lib/content/content-settings";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";
import { emitContentChanged } from "@/lib/realtime/invoice-cues";

export const dynamic = "force-dynamic";

/** The organisation's content settings (how many blocks one invoice shows at most). */
export async function PUT(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const saved = await updateContentSettings({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      input: await readJson(request),
    });
    emitContentChanged(staff.organizationId);
    return NextResponse.json({ ok: true, ...saved });
  } catch (error) {
    return apiError(error, { route: "content settings" });
  }
}
