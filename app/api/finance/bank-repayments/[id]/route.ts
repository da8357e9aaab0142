import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { bankRepaymentDecisionSchema, decideBankRepayment } from "@/lib/bank-files/bank-repayments";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Finance's decision on a payment back: paid from the bank (with its reference) or kept as credit. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const repaymentId = parseRouteId((await params).id, "payment back");
    const decision = parseInput(
      bankRepaymentDecisionSchema,
      await readJsonBody(request),
      "decision",
    );
    const decided = await decideBankRepayment({
      db: await getDb(),
      staff: { staffId: staff.id, organizationId: staff.organizationId },
      repaymentId,
      decision,
    });
    for (const change of decided.changes) emitInvoiceChanged(change);
    return NextResponse.json({ status: decided.status });
  } catch (error) {
    return errorResponse(error, { route: "decide bank repayment" });
  }
}
