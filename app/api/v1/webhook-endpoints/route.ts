import { apiRoute } from "@/lib/api/api-handler";
import { webhookEndpointView } from "@/lib/api/webhook-views";
import { getEnv } from "@/lib/env";
import { parseInput } from "@/lib/validation/parse-input";
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  webhookEndpointInputSchema,
} from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  operation: "createWebhookEndpoint",
  async handle({ db, principal, body }) {
    const input = parseInput(webhookEndpointInputSchema, body, "webhook endpoint");
    const endpoint = await createWebhookEndpoint({
      db,
      organizationId: principal.organizationId,
      input,
      allowPrivateNetworks: getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    });
    return { status: 201, body: webhookEndpointView(endpoint) };
  },
});

export const GET = apiRoute({
  operation: "listWebhookEndpoints",
  async handle({ db, principal }) {
    const endpoints = await listWebhookEndpoints(db, principal.organizationId);
    return {
      status: 200,
      body: {
        object: "list",
        data: endpoints.map(webhookEndpointView),
        hasMore: false,
        nextStartingAfter: null,
      },
    };
  },
});
