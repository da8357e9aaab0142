import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvoiceDocument } from "@/components/invoice/invoice-document";
import { Forbidden, StaffHeader } from "@/components/staff/staff-header";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";

export const metadata: Metadata = { title: "Invoice preview" };

/** The customer's view of an invoice, for staff: the same component, and no view is recorded. */
export default async function InvoicePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requireStaffPage(CONSOLE_ROLES.agent, `/agent/invoices/${id}`);
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const data = await loadInvoicePage(await getDb(), id);
  // Another organisation's invoice does not exist, as far as this agent can tell.
  if (!data || data.organization.id !== access.staff.organizationId) notFound();
  return (
    <>
      <StaffHeader staff={access.staff} />
      <p
        className="mx-auto max-w-3xl px-4 pt-4 text-sm text-slate-700"
        data-testid="preview-notice"
      >
        Preview: this is what {data.customer.name} sees. Your visit is not recorded as a customer
        view.
      </p>
      <main className="pt-2">
        <InvoiceDocument
          data={data}
          locale={data.customer.locale}
          today={todayInSweden()}
          links={{ pdf: null, switchLanguage: null, otherInvoice: () => null }}
        />
      </main>
    </>
  );
}
