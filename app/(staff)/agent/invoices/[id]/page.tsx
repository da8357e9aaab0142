import Link from "next/link";
import { notFound } from "next/navigation";
import { AgentChat } from "@/components/agent/agent-chat";
import { CustomerContextPanel } from "@/components/agent/customer-context-panel";
import { DisputeToggle } from "@/components/agent/dispute-toggle";
import { InvoiceActions } from "@/components/agent/invoice-actions";
import { InvoiceCreditsPanel } from "@/components/agent/invoice-credits-panel";
import { RefundsPanel } from "@/components/agent/refunds-panel";
import { StaffLiveInvoice } from "@/components/agent/staff-live-invoice";
import { ContentSlot } from "@/components/content/content-slot";
import { InvoiceDocument } from "@/components/invoice/invoice-document";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { loadInvoiceCredits } from "@/lib/agent/invoice-credits";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { listCannedReplies } from "@/lib/chat/canned-replies";
import { type SelectedBlock, selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import { formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import { listWaivableFees } from "@/lib/invoices/waive-fee";
import { balanceOre, creditableOre } from "@/lib/ledger/invoice-status";
import { createLogger } from "@/lib/log";
import { listInvoiceRefunds } from "@/lib/payments/refund-credited-invoice";
import { loadCustomerContext } from "@/lib/support/customer-context";
import { isRouteId } from "@/lib/validation/parse-input";

const log = createLogger("agent-workspace");

export async function generateMetadata() {
  return { title: agentWorkspaceMessages[await staffLocaleForMetadata()].page.title };
}

/**
 * The agent's workspace for one invoice: the invoice exactly as the customer sees it (the same
 * component; no customer view is recorded), the conversation, the customer's context, who else is
 * here, and the live changes an agent may make.
 */
export default async function InvoiceWorkspacePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const access = await requireStaffPage(CONSOLE_ROLES.agent, `/agent/invoices/${id}`);
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(id)) notFound();
  const { staff } = access;
  const { locale } = staff;
  const t = agentWorkspaceMessages[locale].page;
  const db = await getDb();
  const today = todayInSweden();
  // Drafts too: the workspace is where a draft's lines are edited before it is issued.
  const data = await loadInvoicePage(db, id, { includeDrafts: true, today });
  // Another organisation's invoice does not exist, as far as this agent can tell.
  if (!data || data.organization.id !== staff.organizationId) notFound();
  const [context, cannedReplies, fees, refunds, organization, conversation, credits, blocks] =
    await Promise.all([
      loadCustomerContext(db, { organizationId: staff.organizationId, invoiceId: id, today }),
      listCannedReplies(db, staff.organizationId),
      listWaivableFees(db, id),
      listInvoiceRefunds(db, id),
      db.organization.findUniqueOrThrow({
        where: { id: staff.organizationId },
        select: { refundPolicy: true },
      }),
      db.conversation.findFirst({
        where: { invoiceId: id, organizationId: staff.organizationId },
        select: { id: true, status: true, disputedAt: true },
      }),
      loadInvoiceCredits(db, { invoiceId: id, organizationId: staff.organizationId }),
      // The content blocks and offers the customer's page shows, chosen the same way (nothing is
      // counted: the slots below get no link). A draft's customer sees nothing yet.
      data.invoice.status === "DRAFT"
        ? ([] as SelectedBlock[])
        : selectBlocksForInvoice(db, {
            invoice: { id, organizationId: staff.organizationId, customerId: data.customer.id },
            locale: data.customer.locale,
          }).catch((error: unknown) => {
            log.error("choosing content blocks for the workspace failed", { invoiceId: id, error });
            return [] as SelectedBlock[];
          }),
    ]);
  const contentIn = (slot: "AFTER_SUMMARY" | "OFFERS" | "BEFORE_CHAT") =>
    blocks.some((block) => block.slot === slot) ? (
      <ContentSlot blocks={blocks} slot={slot} locale={data.customer.locale} link={null} />
    ) : undefined;
  const { invoice } = data;
  return (
    <StaffShell staff={staff} bare>
      <StaffLiveInvoice invoiceId={id} version={invoice.version} locale={locale} />
      <div className="mx-auto max-w-7xl px-4 pt-4">
        <p className="text-sm">
          <Link href="/agent" className="text-blue-800 underline">
            {t.inbox}
          </Link>{" "}
          ·{" "}
          <Link href="/agent/invoices" className="text-blue-800 underline">
            {t.searchInvoices}
          </Link>
        </p>
        {invoice.status === "DRAFT" ? (
          <p className="mt-1 text-sm font-semibold text-amber-900" data-testid="draft-notice">
            {t.draftNotice(data.customer.name)}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700" data-testid="preview-notice">
            {t.previewNotice(data.customer.name)}
          </p>
        )}
      </div>
      <div className="mx-auto grid max-w-7xl gap-4 px-4 py-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <main className="min-w-0" data-testid="workspace-invoice" data-version={invoice.version}>
          <InvoiceDocument
            data={data}
            locale={data.customer.locale}
            today={today}
            links={{ pdf: null, switchLanguage: null, otherInvoice: () => null }}
            slots={{
              afterSummary: contentIn("AFTER_SUMMARY"),
              offers: contentIn("OFFERS"),
              chat: contentIn("BEFORE_CHAT"),
            }}
          />
        </main>
        <aside className="flex min-w-0 flex-col gap-4" aria-label={t.tools}>
          <AgentChat
            invoiceId={id}
            staffId={staff.id}
            customerName={data.customer.name}
            cannedReplies={cannedReplies}
            canMessage={invoice.status !== "DRAFT"}
            locale={locale}
          />
          {conversation && invoice.kind === "INVOICE" ? (
            <DisputeToggle
              conversationId={conversation.id}
              disputed={conversation.disputedAt !== null}
              resolved={conversation.status === "RESOLVED"}
              locale={locale}
            />
          ) : null}
          <InvoiceActions
            invoiceId={id}
            version={invoice.version}
            status={invoice.status}
            kind={invoice.kind}
            dueDate={invoice.dueDate ? invoice.dueDate.toISOString().slice(0, 10) : null}
            lines={data.lines.map((line) => ({
              id: line.id,
              kind: line.kind,
              description: line.description,
              quantityMilli: line.quantityMilli,
              unit: line.unit,
              unitPriceCentiOre: line.unitPriceCentiOre,
              discountOre: line.discountOre,
              netOre: line.netOre,
              vatRate: line.vatRate,
              vatExemptionReason: line.vatExemptionReason,
              remainingQuantityMilli: credits.remainingByLineId[line.id],
            }))}
            fees={fees.map((fee) => ({ ...fee, occurredAt: fee.occurredAt.toISOString() }))}
            creditableOre={creditableOre(data.ledger)}
            customerHasEmail={Boolean(context?.customer.email)}
            locale={locale}
          />
          <InvoiceCreditsPanel
            credits={credits.credits}
            creditableOre={invoice.kind === "INVOICE" ? creditableOre(data.ledger) : 0}
            locale={locale}
          />
          <RefundsPanel
            invoiceId={id}
            version={invoice.version}
            refunds={refunds.map((refund) => ({
              ...refund,
              createdAt: refund.createdAt.toISOString(),
              updatedAt: refund.updatedAt.toISOString(),
            }))}
            creditOre={invoice.kind === "INVOICE" ? Math.max(-balanceOre(data.ledger), 0) : 0}
            refundsCredit={organization.refundPolicy === "REFUND"}
            locale={locale}
          />
          {context ? (
            <CustomerContextPanel
              context={context}
              today={formatCalendarDate(today)}
              locale={locale}
            />
          ) : null}
        </aside>
      </div>
    </StaffShell>
  );
}
