import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { saveCollectionObjective } from "@/lib/collections/objective-admin";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

/** Sets what the collection learner counts as a step that worked (the organisation's objective). */
export async function PUT(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const objective = await saveCollectionObjective({
      db: await getDb(),
      staff,
      input: await readJsonBody(request, 1024),
    });
    return NextResponse.json({ objective });
  } catch (error) {
    return errorResponse(error, { route: "save collection objective" });
  }
}
