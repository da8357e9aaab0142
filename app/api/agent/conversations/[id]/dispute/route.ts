import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { setDispute, setDisputeInputSchema } from "@/lib/collections/disputes";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { emitInboxChanged, emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Marks (or unmarks) the conversation as the customer disputing the invoice: reminders wait. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const conversationId = parseRouteId((await params).id, "conversation");
    const { disputed } = parseInput(setDisputeInputSchema, await readJsonBody(request, 1024));
    const result = await setDispute({
      db: await getDb(),
      staff: { staffId: staff.id, organizationId: staff.organizationId },
      conversationId,
      disputed,
    });
    if (result.changed) {
      emitInvoiceChanged({
        invoiceId: result.invoiceId,
        version: result.version,
        kind: "collection",
      });
      emitInboxChanged({ organizationId: staff.organizationId, conversationId, reason: "status" });
    }
    return NextResponse.json(result);
  } catch (error) {
    return errorResponse(error, { route: "conversation dispute" });
  }
}
