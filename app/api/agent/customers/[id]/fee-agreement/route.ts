import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { feeAgreementInputSchema, setFeeAgreement } from "@/lib/customers/fee-agreement";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * Records a customer's reminder-fee agreement (`{ agreedOn: "YYYY-MM-DD", source }`) or removes it
 * (`null`): agents and admins of the customer's organisation. No invoice changes, so no cue.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.agent);
    const customerId = parseRouteId((await params).id, "customer");
    const agreement = parseInput(
      feeAgreementInputSchema,
      await readJsonBody(request, 4096),
      "fee agreement",
    );
    const saved = await setFeeAgreement({
      db: await getDb(),
      staff: { staffId: staff.id, organizationId: staff.organizationId },
      customerId,
      agreement,
    });
    return NextResponse.json({ ok: true, agreement: saved.agreement });
  } catch (error) {
    return errorResponse(error, { route: "customer fee agreement" });
  }
}
