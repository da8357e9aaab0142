import { NextResponse } from "next/server";
import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import {
  previewCustomerQuerySchema,
  searchPreviewCustomers,
} from "@/lib/content/blocks/console-queries";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Up to 10 of the organisation's customers to preview a block as, with their latest invoice. */
export async function GET(request: Request) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.marketing);
    const { q } = parseInput(
      previewCustomerQuerySchema,
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const customers = await searchPreviewCustomers(await getDb(), {
      organizationId: staff.organizationId,
      query: q,
    });
    return NextResponse.json({ customers });
  } catch (error) {
    return errorResponse(error, { route: "preview customer search" });
  }
}
