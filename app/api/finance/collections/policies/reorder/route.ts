import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { reorderInputSchema, reorderPolicies } from "@/lib/collections/policy-admin";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The order policies are tried in: every policy but the default (always last), once. */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const { order } = parseInput(reorderInputSchema, await readJsonBody(request, 8 * 1024));
    await reorderPolicies({
      db: await getDb(),
      organizationId: staff.organizationId,
      order,
      actor: { staffId: staff.id },
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "reorder collection policies" });
  }
}
