import { apiRoute } from "@/lib/api/api-handler";
import { parseRouteId } from "@/lib/validation/parse-input";
import { sendTestWebhook } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  operation: "testWebhookEndpoint",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "webhook endpoint");
    return { status: 202, body: await sendTestWebhook(db, principal.organizationId, id) };
  },
});
