import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";
import { createWebhookEndpoint, webhookEndpointInputSchema } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

/**
 * An admin registers a webhook endpoint of their organisation. The answer holds the signing
 * secret (`whsec_…`), shown this once, so it is never cached.
 */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.admin);
    const input = parseInput(
      webhookEndpointInputSchema,
      await readJsonBody(request, 8 * 1024),
      "webhook endpoint",
    );
    const endpoint = await createWebhookEndpoint({
      db: await getDb(),
      organizationId: staff.organizationId,
      input,
      allowPrivateNetworks: getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    });
    return NextResponse.json(endpoint, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { route: "create webhook endpoint" });
  }
}
