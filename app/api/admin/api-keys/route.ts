import { NextResponse } from "next/server";
import { createApiKey, createApiKeyInputSchema } from "@/lib/api/api-keys";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * An admin makes an API key of their organisation. The answer holds the key itself — the only
 * time it exists outside the admin's hands (only its hash is kept) — so it is never cached.
 */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const input = parseInput(
      createApiKeyInputSchema,
      await readJsonBody(request, 4 * 1024),
      "API key",
    );
    const created = await createApiKey({
      db: await getDb(),
      organizationId: staff.organizationId,
      input,
      createdByStaffId: staff.id,
    });
    return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { route: "create API key" });
  }
}
