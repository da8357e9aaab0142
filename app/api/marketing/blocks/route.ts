import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { saveContentBlock } from "@/lib/content/manage-blocks";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";

export const dynamic = "force-dynamic";

/** Creates a content block as a draft (customers see nothing until it is published). */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const saved = await saveContentBlock({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      // saveContentBlock parses with contentBlockInputSchema itself (one schema, one place).
      input: (await readJson(request)) as never,
    });
    return NextResponse.json({ ok: true, ...saved }, { status: 201 });
  } catch (error) {
    return apiError(error, { route: "create content block" });
  }
}
