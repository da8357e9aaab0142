import { apiRoute } from "@/lib/api/api-handler";
import { webhookDeliveryView } from "@/lib/api/webhook-views";
import { parseRouteId } from "@/lib/validation/parse-input";
import { listWebhookDeliveries } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "listWebhookDeliveries",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "webhook endpoint");
    const rows = await listWebhookDeliveries(db, principal.organizationId, id, 100);
    return {
      status: 200,
      body: {
        object: "list",
        data: rows.map(webhookDeliveryView),
        hasMore: false,
        nextStartingAfter: null,
      },
    };
  },
});
