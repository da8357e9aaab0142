import { NextResponse } from "next/server";
import { agentCreditPreviewSchema } from "@/lib/agent/agent-invoice-change";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { previewCreditNote } from "@/lib/invoices/credit-note-preview";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * The credit an agent is about to issue, as it would be issued now (amount, VAT, what happens to
 * the money), or the refusal it would get: the confirmation step of the credit form. Writes
 * nothing; the credit itself is POST …/changes with the same body and action "credit".
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const invoiceId = parseRouteId((await params).id, "invoice");
    const input = parseInput(agentCreditPreviewSchema, await readJsonBody(request), "credit");
    const preview = await previewCreditNote({
      db: await getDb(),
      input: { ...input, invoiceId, organizationId: staff.organizationId },
    });
    return NextResponse.json({ preview });
  } catch (error) {
    return errorResponse(error, { route: "agent credit preview" });
  }
}
