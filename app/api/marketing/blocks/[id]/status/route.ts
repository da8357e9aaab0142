import { NextResponse } from "next/server";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { blockIdSchema, blockStatusInputSchema } from "@/lib/content/block-status-input";
import { setContentBlockStatus } from "@/lib/content/manage-blocks";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { requireStaffRequest } from "@/lib/http/staff-request";
import { emitContentChanged } from "@/lib/realtime/invoice-cues";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Publishes, withdraws or archives a block; open invoice pages then show what now applies. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const blockId = parseInput(blockIdSchema, (await params).id);
    const { status } = parseInput(blockStatusInputSchema, await readJson(request));
    const changed = await setContentBlockStatus({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      blockId,
      status,
    });
    emitContentChanged(staff.organizationId);
    return NextResponse.json({ ok: true, ...changed });
  } catch (error) {
    return apiError(error, { route: "content block status" });
  }
}
