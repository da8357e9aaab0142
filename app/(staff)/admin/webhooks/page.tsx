import type { Metadata } from "next";
import Link from "next/link";
import { WebhookEndpointForm } from "@/components/admin/webhook-endpoint-form";
import { WebhookEndpointsTable } from "@/components/admin/webhook-endpoints-table";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

/** Where the organisation's events are sent: the billing system's webhook endpoints. */
export default async function WebhooksPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/webhooks");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const endpoints = await listWebhookEndpoints(await getDb(), staff.organizationId);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          Admin
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Webhooks</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Nota tells your billing system what happened to {staff.organizationName}'s invoices by
        sending events to these endpoints, signed per Standard Webhooks with the endpoint's secret.
        A failed delivery is tried again for about three days; an endpoint that answers 410 Gone is
        disabled. Each event has its own id (the <code>webhook-id</code> header), so a receiver can
        ignore one it already has.
      </p>
      <WebhookEndpointForm
        events={WEBHOOK_EVENT_TYPES.map((type) => ({
          value: type,
          description: WEBHOOK_EVENT_DESCRIPTIONS[type],
        }))}
        allowPrivateNetworks={getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS}
      />
      <h2 className="mt-8 text-lg font-semibold">Endpoints</h2>
      <WebhookEndpointsTable endpoints={endpoints} />
    </StaffShell>
  );
}
