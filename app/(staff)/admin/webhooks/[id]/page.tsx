import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WebhookDeliveriesTable } from "@/components/admin/webhook-deliveries-table";
import { EndpointStatus, EndpointSwitch } from "@/components/admin/webhook-endpoints-table";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { adminMessages } from "@/lib/i18n/staff/admin";
import { isRouteId } from "@/lib/validation/parse-input";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/webhooks/endpoints";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages[await staffLocaleForMetadata()].titles.deliveries };
}
export const dynamic = "force-dynamic";

const LOG_LIMIT = 50;

/** One endpoint's delivery log, with a resend per delivery that is not being tried. */
export default async function WebhookDeliveriesPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const access = await requireStaffPage(CONSOLE_ROLES.admin, `/admin/webhooks/${id}`);
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(id)) notFound();
  const { locale } = access.staff;
  const t = adminMessages[locale];
  const d = t.deliveries;
  const db = await getDb();
  const organizationId = access.staff.organizationId;
  const [endpoint, deliveries] = await Promise.all([
    getWebhookEndpoint(db, organizationId, id),
    listWebhookDeliveries(db, organizationId, id, LOG_LIMIT),
  ]).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <StaffShell staff={access.staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          {t.crumb}
        </Link>{" "}
        ·{" "}
        <Link href="/admin/webhooks" className="text-blue-800 underline">
          {t.titles.webhooks}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{d.heading}</h1>
      <dl className="mt-2 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{d.endpoint}</dt>
        <dd className="font-mono break-all" data-testid="webhook-endpoint-url">
          {endpoint.url}
        </dd>
        {endpoint.description ? (
          <>
            <dt className="font-medium">{d.description}</dt>
            <dd className="break-words">{endpoint.description}</dd>
          </>
        ) : null}
        <dt className="font-medium">{d.events}</dt>
        <dd className="font-mono">{endpoint.events.join(", ")}</dd>
        <dt className="font-medium">{d.status}</dt>
        <dd data-testid="webhook-endpoint-status">
          <EndpointStatus endpoint={endpoint} locale={locale} />
        </dd>
      </dl>
      <div className="mt-3">
        <EndpointSwitch endpoint={endpoint} locale={locale} />
      </div>
      <h2 className="mt-8 text-lg font-semibold">{d.deliveries}</h2>
      <WebhookDeliveriesTable deliveries={deliveries} limit={LOG_LIMIT} locale={locale} />
    </StaffShell>
  );
}
