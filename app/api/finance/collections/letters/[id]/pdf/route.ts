import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import { letterPdf } from "@/lib/collections/letters";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** One collection letter's PDF as drawn when its step was taken, to print. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.finance);
    const id = parseRouteId((await params).id, "letter");
    const { bytes, fileName } = await letterPdf(await getDb(), staff.organizationId, id);
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "collection letter pdf" });
  }
}
