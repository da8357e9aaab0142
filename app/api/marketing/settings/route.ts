import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import {
  contentSettingsSchema,
  updateContentSettings,
} from "@/lib/content/blocks/content-settings";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { emitContentChanged } from "@/lib/realtime/invoice-cues";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The organisation's content settings (how many blocks one invoice shows at most). */
export async function PUT(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const input = parseInput(contentSettingsSchema, await readJsonBody(request, 1024));
    const saved = await updateContentSettings({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      input,
    });
    emitContentChanged(staff.organizationId);
    return NextResponse.json({ ok: true, ...saved });
  } catch (error) {
    return errorResponse(error, { route: "content settings" });
  }
}
