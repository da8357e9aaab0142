import type { Metadata } from "next";
import { RecentInvoicesTable } from "@/components/staff/recent-invoices-table";
import { Forbidden, StaffHeader } from "@/components/staff/staff-header";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { listRecentInvoices } from "@/lib/invoices/staff-invoice-queries";

export const metadata: Metadata = { title: "Support" };

export default async function AgentPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.agent, "/agent");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const invoices = await listRecentInvoices(await getDb(), access.staff.organizationId);
  return (
    <>
      <StaffHeader staff={access.staff} />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-bold">Support</h1>
        <p className="mt-2 text-slate-700">Latest invoices of {access.staff.organizationName}.</p>
        <RecentInvoicesTable invoices={invoices} />
      </main>
    </>
  );
}
