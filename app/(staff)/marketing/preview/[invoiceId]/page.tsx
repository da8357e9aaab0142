import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentSlot } from "@/components/content/content-slot";
import { InvoiceDocument } from "@/components/invoice/invoice-document";
import { FormIssues } from "@/components/marketing/form-issues";
import { PreviewVerdict } from "@/components/marketing/preview-verdict";
import { Forbidden } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import {
  decodePreviewDraft,
  PREVIEW_BLOCK_ID,
  previewCandidate,
} from "@/lib/content/blocks/preview-draft";
import { type SelectedBlock, selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import { loadTargetingFacts } from "@/lib/content/targeting/facts";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import type { ContentSlot as Slot } from "@/lib/db/generated/client";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import { isRouteId } from "@/lib/validation/parse-input";

export const metadata: Metadata = { title: "Content preview" };
export const dynamic = "force-dynamic";

/**
 * What a customer would see with the console's unsaved draft: the customer's own invoice, through
 * the same selection and the same components as their page. The draft is untrusted input (it is
 * in the URL) and parsed with the block schema; nothing here is recorded as a view or impression.
 */
export default async function ContentPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ invoiceId: string }>;
  searchParams: Promise<{ draft?: string | string[] }>;
}) {
  const { invoiceId } = await params;
  const access = await requireStaffPage(CONSOLE_ROLES.marketing, `/marketing/preview/${invoiceId}`);
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(invoiceId)) notFound();
  const db = await getDb();
  const data = await loadInvoicePage(db, invoiceId);
  // Another organisation's invoice does not exist, as far as this marketer can tell.
  if (!data || data.organization.id !== access.staff.organizationId) notFound();

  const { draft } = await searchParams;
  const parsed = contentBlockInputSchema.safeParse(
    decodePreviewDraft(typeof draft === "string" ? draft : ""),
  );
  const now = new Date();
  const today = todayInSweden(now);
  const locale = data.customer.locale;
  const invoice = {
    id: data.invoice.id,
    organizationId: data.organization.id,
    customerId: data.customer.id,
  };
  const [blocks, facts] = await Promise.all([
    selectBlocksForInvoice(db, {
      invoice,
      locale,
      now,
      preview: parsed.success ? previewCandidate(parsed.data) : undefined,
    }),
    parsed.success ? loadTargetingFacts(db, { invoiceId, today }) : null,
  ]);
  const slot = (name: Slot) =>
    blocks.some((block: SelectedBlock) => block.slot === name) ? (
      <ContentSlot blocks={blocks} slot={name} locale={locale} link={null} />
    ) : undefined;

  return (
    <main className="min-h-screen bg-slate-50 py-3" data-testid="content-preview">
      <div className="mx-auto flex max-w-3xl flex-col gap-3 px-2 pb-3 sm:px-4">
        <p className="text-sm text-slate-700">
          Preview for {data.customer.name} ({data.customer.customerNumber}), invoice{" "}
          {data.invoice.number ?? "draft"}, in {locale === "sv" ? "Swedish" : "English"}. Nothing
          here is recorded.
        </p>
        {parsed.success ? null : (
          <FormIssues
            title="The draft cannot be shown yet:"
            issues={parsed.error.issues.map((issue) => ({
              path: issue.path.map(String).join("."),
              message: issue.message,
            }))}
          />
        )}
        {parsed.success && facts ? (
          <PreviewVerdict
            draft={parsed.data}
            facts={facts}
            customerName={data.customer.name}
            isShown={blocks.some((block) => block.blockId === PREVIEW_BLOCK_ID)}
            now={now}
          />
        ) : null}
      </div>
      <InvoiceDocument
        data={data}
        locale={locale}
        today={today}
        links={{ pdf: null, switchLanguage: null, otherInvoice: () => null }}
        slots={{
          afterSummary: slot("AFTER_SUMMARY"),
          offers: slot("OFFERS"),
          chat: slot("BEFORE_CHAT"),
        }}
      />
    </main>
  );
}
