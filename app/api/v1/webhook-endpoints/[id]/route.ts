import { apiRoute } from "@/lib/api/api-handler";
import { webhookEndpointView } from "@/lib/api/webhook-views";
import { parseRouteId } from "@/lib/validation/parse-input";
import { deleteWebhookEndpoint, getWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "getWebhookEndpoint",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "webhook endpoint");
    return {
      status: 200,
      body: webhookEndpointView(await getWebhookEndpoint(db, principal.organizationId, id)),
    };
  },
});

export const DELETE = apiRoute({
  operation: "deleteWebhookEndpoint",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "webhook endpoint");
    await deleteWebhookEndpoint(db, principal.organizationId, id);
    return { status: 204, body: null };
  },
});
