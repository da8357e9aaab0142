import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { decideUnmatchedPayment, unmatchedDecisionSchema } from "@/lib/bank-files/unmatched-queue";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** A person's decision on a payment the bank file could not place: once, with who and why. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.unmatchedPayments);
    const bankPaymentId = parseRouteId((await params).id, "bank payment");
    const decision = parseInput(unmatchedDecisionSchema, await readJsonBody(request), "decision");
    const decided = await decideUnmatchedPayment({
      db: await getDb(),
      staff: { staffId: staff.id, organizationId: staff.organizationId },
      bankPaymentId,
      decision,
    });
    for (const change of decided.changes) emitInvoiceChanged(change);
    return NextResponse.json({ status: decided.status });
  } catch (error) {
    return errorResponse(error, { route: "decide unmatched payment" });
  }
}
