import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { policyInputSchema } from "@/lib/collections/policies";
import { deletePolicy, POLICY_BODY_LIMIT, savePolicy } from "@/lib/collections/policy-admin";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Replaces a policy's terms and steps (steps sent with their id keep it). */
export async function PUT(request: Request, { params }: Context) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const policyId = parseRouteId((await params).id, "collection policy");
    const input = parseInput(
      policyInputSchema,
      await readJsonBody(request, POLICY_BODY_LIMIT),
      "policy",
    );
    const saved = await savePolicy({
      db: await getDb(),
      organizationId: staff.organizationId,
      policyId,
      input,
      actor: { staffId: staff.id },
    });
    return NextResponse.json({ id: saved.id });
  } catch (error) {
    return errorResponse(error, { route: "save collection policy" });
  }
}

/** Deletes a policy no step was taken under (never the default). */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const policyId = parseRouteId((await params).id, "collection policy");
    await deletePolicy({
      db: await getDb(),
      organizationId: staff.organizationId,
      policyId,
      actor: { staffId: staff.id },
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "delete collection policy" });
  }
}
