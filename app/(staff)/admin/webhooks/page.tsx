import type { Metadata } from "next";
import Link from "next/link";
import { WebhookEndpointForm } from "@/components/admin/webhook-endpoint-form";
import { WebhookEndpointsTable } from "@/components/admin/webhook-endpoints-table";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { adminMessages } from "@/lib/i18n/staff/admin";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages[await staffLocaleForMetadata()].titles.webhooks };
}
export const dynamic = "force-dynamic";

/** Where the organisation's events are sent: the billing system's webhook endpoints. */
export default async function WebhooksPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/webhooks");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = adminMessages[staff.locale];
  const endpoints = await listWebhookEndpoints(await getDb(), staff.organizationId);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          {t.crumb}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.webhooks.heading}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {t.webhooks.introBefore(staff.organizationName)} <code>webhook-id</code>
        {t.webhooks.introAfter}
      </p>
      <WebhookEndpointForm
        events={WEBHOOK_EVENT_TYPES.map((type) => ({
          value: type,
          description: WEBHOOK_EVENT_DESCRIPTIONS[type],
        }))}
        allowPrivateNetworks={getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS}
        locale={staff.locale}
      />
      <h2 className="mt-8 text-lg font-semibold">{t.webhooks.endpoints}</h2>
      <WebhookEndpointsTable endpoints={endpoints} locale={staff.locale} />
    </StaffShell>
  );
}
