import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { blockIdSchema } from "@/lib/content/block-status-input";
import { saveContentBlock } from "@/lib/content/manage-blocks";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";
import { emitContentChanged } from "@/lib/realtime/invoice-cues";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Saves a block's edits; a published block's open invoice pages are told to re-read. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const blockId = parseInput(blockIdSchema, (await params).id);
    const saved = await saveContentBlock({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      blockId,
      input: (await readJson(request)) as never,
    });
    if (saved.status === "PUBLISHED") emitContentChanged(staff.organizationId);
    return NextResponse.json({ ok: true, ...saved });
  } catch (error) {
    return apiError(error, { route: "save content block" });
  }
}
