import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { POLICY_BODY_LIMIT } from "@/lib/collections/policy-admin";
import { previewInputSchema, previewPolicyStep } from "@/lib/collections/policy-preview";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * A step of the policy being edited, for one invoice, as its customer would get it. Reads only:
 * nothing is saved and no link is made. POST because the policy travels in the body.
 */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const input = parseInput(
      previewInputSchema,
      await readJsonBody(request, POLICY_BODY_LIMIT),
      "preview",
    );
    const preview = await previewPolicyStep({
      db: await getDb(),
      organizationId: staff.organizationId,
      input,
      appUrl: getEnv().appUrl,
    });
    return NextResponse.json(preview, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { route: "preview collection step" });
  }
}
