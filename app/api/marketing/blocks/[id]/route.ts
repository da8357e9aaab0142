import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { saveContentBlock } from "@/lib/content/blocks/manage-blocks";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { emitContentChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Saves a block's edits; a published block's open invoice pages are told to re-read. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const blockId = parseRouteId((await params).id, "content block");
    const input = parseInput(contentBlockInputSchema, await readJsonBody(request));
    const saved = await saveContentBlock({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      blockId,
      input,
    });
    if (saved.status === "PUBLISHED") emitContentChanged(staff.organizationId);
    return NextResponse.json({ ok: true, ...saved });
  } catch (error) {
    return errorResponse(error, { route: "save content block" });
  }
}
