import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { referenceRateInputSchema, saveReferenceRate } from "@/lib/collections/policy-admin";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Adds or corrects a half-year's reference rate: the Riksbank's, kept by an administrator. */
export async function PUT(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const input = parseInput(
      referenceRateInputSchema,
      await readJsonBody(request, 1024),
      "reference rate",
    );
    const saved = await saveReferenceRate({
      db: await getDb(),
      input,
      actor: { staffId: staff.id, role: staff.role },
    });
    return NextResponse.json(saved);
  } catch (error) {
    return errorResponse(error, { route: "save reference rate" });
  }
}
