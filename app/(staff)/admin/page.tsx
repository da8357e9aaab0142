import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { adminMessages } from "@/lib/i18n/staff/admin";
import { shellMessages } from "@/lib/i18n/staff/shell";
import { countInvoicesByStatus } from "@/lib/invoices/staff-invoice-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages[await staffLocaleForMetadata()].titles.admin };
}

export default async function AdminPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { locale } = access.staff;
  const t = adminMessages[locale].home;
  const roles = shellMessages[locale].roles;
  const db = await getDb();
  const organizationId = access.staff.organizationId;
  const [staff, counts] = await Promise.all([
    db.staffUser.findMany({
      where: { organizationId },
      orderBy: { email: "asc" },
      select: { id: true, name: true, email: true, role: true, lastSignInAt: true },
    }),
    countInvoicesByStatus(db, organizationId),
  ]);
  return (
    <StaffShell staff={access.staff}>
      <h1 className="text-2xl font-bold">{t.heading}</h1>
      <nav aria-label={t.nav} className="mt-2 flex gap-4 text-sm">
        <Link href="/admin/organization" className="text-blue-800 underline">
          {t.organization}
        </Link>
        <Link href="/admin/jobs" className="text-blue-800 underline">
          {t.jobs}
        </Link>
        <Link href="/admin/api-keys" className="text-blue-800 underline">
          {t.apiKeys}
        </Link>
        <Link href="/admin/webhooks" className="text-blue-800 underline">
          {t.webhooks}
        </Link>
      </nav>
      <h2 className="mt-6 text-lg font-semibold">{t.invoicesByStatus}</h2>
      <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {["OPEN", "OVERDUE", "PAID", "CREDITED", "DRAFT"].map((status) => (
          <div key={status} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t.statuses[status]}</dt>
            <dd className="text-xl font-semibold">{counts[status] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-6 text-lg font-semibold">{t.staff}</h2>
      <table className="mt-2 w-full border-collapse bg-white text-left">
        <thead>
          <tr className="border-b border-slate-300">
            <th className="p-2">{t.name}</th>
            <th className="p-2">{t.email}</th>
            <th className="p-2">{t.role}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((user) => (
            <tr key={user.id} className="border-b border-slate-200">
              <td className="p-2">{user.name}</td>
              <td className="p-2">{user.email}</td>
              <td className="p-2">{roles[user.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffShell>
  );
}
