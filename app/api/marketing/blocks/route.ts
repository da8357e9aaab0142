import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { saveContentBlock } from "@/lib/content/blocks/manage-blocks";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Creates a content block as a draft (customers see nothing until it is published). */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const input = parseInput(contentBlockInputSchema, await readJsonBody(request));
    const saved = await saveContentBlock({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      input,
    });
    return NextResponse.json({ ok: true, ...saved }, { status: 201 });
  } catch (error) {
    return errorResponse(error, { route: "create content block" });
  }
}
