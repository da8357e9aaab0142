import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { getJobEngine } from "@/lib/jobs/job-engine";
import { retryFailedJob, retryJobInputSchema } from "@/lib/jobs/job-status";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** An admin tries a failed job of their organisation (or of the system) again. */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const input = parseInput(retryJobInputSchema, await readJsonBody(request, 1024));
    const engine = getJobEngine();
    if (!engine) throw new AppError("UNAVAILABLE", "The job engine is not running");
    await retryFailedJob(engine, staff.organizationId, input);
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "retry job" });
  }
}
