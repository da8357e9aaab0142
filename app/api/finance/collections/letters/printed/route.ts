import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { markLettersPrinted, markPrintedInputSchema } from "@/lib/collections/letters";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Marks the letters named printed and posted (one, or the batch just printed). */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const { actionIds } = parseInput(
      markPrintedInputSchema,
      await readJsonBody(request, 16 * 1024),
      "letters",
    );
    const marked = await markLettersPrinted({
      db: await getDb(),
      organizationId: staff.organizationId,
      actionIds,
      actor: { staffId: staff.id },
    });
    return NextResponse.json(marked);
  } catch (error) {
    return errorResponse(error, { route: "mark collection letters printed" });
  }
}
