import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { blockStatusInputSchema } from "@/lib/content/blocks/block-status-input";
import { setContentBlockStatus } from "@/lib/content/blocks/manage-blocks";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { emitContentChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Publishes, withdraws or archives a block; open invoice pages then show what now applies. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const blockId = parseRouteId((await params).id, "content block");
    const { status } = parseInput(blockStatusInputSchema, await readJsonBody(request, 1024));
    const changed = await setContentBlockStatus({
      db: await getDb(),
      marketer: { staffId: staff.id, organizationId: staff.organizationId },
      blockId,
      status,
    });
    emitContentChanged(staff.organizationId);
    return NextResponse.json({ ok: true, ...changed });
  } catch (error) {
    return errorResponse(error, { route: "content block status" });
  }
}
