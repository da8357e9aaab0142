import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { policyInputSchema } from "@/lib/collections/policies";
import { POLICY_BODY_LIMIT, savePolicy } from "@/lib/collections/policy-admin";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** A new collection policy, tried after the others and before the default. */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const input = parseInput(
      policyInputSchema,
      await readJsonBody(request, POLICY_BODY_LIMIT),
      "policy",
    );
    const saved = await savePolicy({
      db: await getDb(),
      organizationId: staff.organizationId,
      input,
      actor: { staffId: staff.id },
    });
    return NextResponse.json({ id: saved.id }, { status: 201 });
  } catch (error) {
    return errorResponse(error, { route: "create collection policy" });
  }
}
