import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import {
  organizationSettingsSchema,
  updateOrganizationSettings,
} from "@/lib/organizations/organization-settings";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The admin's settings of their own organisation: identity, bank details, terms and fees. */
export async function PUT(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const input = parseInput(organizationSettingsSchema, await readJsonBody(request, 8 * 1024));
    const saved = await updateOrganizationSettings({
      db: await getDb(),
      organizationId: staff.organizationId,
      input,
    });
    return NextResponse.json({ ok: true, settings: saved });
  } catch (error) {
    return errorResponse(error, { route: "organisation settings" });
  }
}
