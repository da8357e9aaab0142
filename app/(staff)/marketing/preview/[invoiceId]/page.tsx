import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentSlot } from "@/components/content/content-slot";
import { InvoiceDocument } from "@/components/invoice/invoice-document";
import { FormIssues } from "@/components/marketing/form-issues";
import { OfferCostWarning } from "@/components/marketing/offer-cost-warning";
import { PreviewVerdict } from "@/components/marketing/preview-verdict";
import { Forbidden } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { compareOfferWithCurrentPlan } from "@/lib/content/blocks/block-offer";
import { isOrganizationBlock } from "@/lib/content/blocks/console-queries";
import {
  decodePreviewDraft,
  PREVIEW_BLOCK_ID,
  previewCandidate,
} from "@/lib/content/blocks/preview-draft";
import { previewVariantsSchema } from "@/lib/content/blocks/preview-variants";
import { type SelectedBlock, selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import { assignVariant } from "@/lib/content/blocks/variant-assignment";
import { loadTargetingFacts } from "@/lib/content/targeting/facts";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/database";
import type { ContentSlot as Slot } from "@/lib/db/generated/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import { isRouteId } from "@/lib/validation/parse-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: marketingMessages[await staffLocaleForMetadata()].titles.preview };
}
export const dynamic = "force-dynamic";

/**
 * What a customer would see with the console's unsaved draft: the customer's own invoice, through
 * the same selection and the same components as their page. The draft is untrusted input (it is
 * in the URL) and parsed with the block schema; nothing here is recorded as a view or impression.
 * `?variant=<block id>:<key>` shows a chosen variant instead of the customer's own; `?block=<id>`
 * names the stored block the draft is an edit of, so the draft stands in its place.
 */
export default async function ContentPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ invoiceId: string }>;
  searchParams: Promise<{
    draft?: string | string[];
    block?: string | string[];
    variant?: string | string[];
  }>;
}) {
  const { invoiceId } = await params;
  const access = await requireStaffPage(CONSOLE_ROLES.marketing, `/marketing/preview/${invoiceId}`);
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(invoiceId)) notFound();
  const db = await getDb();
  const data = await loadInvoicePage(db, invoiceId);
  // Another organisation's invoice does not exist, as far as this marketer can tell.
  if (!data || data.organization.id !== access.staff.organizationId) notFound();

  // The staff notes follow the marketer's language; the previewed page follows the customer's.
  const staffLocale = access.staff.locale;
  const t = marketingMessages[staffLocale].preview;
  const query = await searchParams;
  const parsed = contentBlockInputSchema.safeParse(
    decodePreviewDraft(typeof query.draft === "string" ? query.draft : ""),
  );
  const chosen = previewVariantsSchema.safeParse(query.variant);
  const replaces = await storedBlockId(db, query.block, data.organization.id, t.noSuchBlock);
  const candidateId = replaces.id ?? PREVIEW_BLOCK_ID;
  // The unsaved draft is "preview" in the editor's links until it is saved.
  const chosenVariants = new Map(
    [...(chosen.success ? chosen.data : [])].map(([blockId, key]) => [
      blockId === PREVIEW_BLOCK_ID ? candidateId : blockId,
      key,
    ]),
  );
  const candidate = parsed.success ? previewCandidate(parsed.data, candidateId) : undefined;
  const now = new Date();
  const today = todayInSweden(now);
  const locale = data.customer.locale;
  const invoice = {
    id: data.invoice.id,
    organizationId: data.organization.id,
    customerId: data.customer.id,
  };
  const [blocks, facts, comparison] = await Promise.all([
    selectBlocksForInvoice(db, { invoice, locale, now, preview: candidate, chosenVariants }),
    parsed.success ? loadTargetingFacts(db, { invoiceId, today }) : null,
    parsed.success && parsed.data.kind === "OFFER"
      ? compareOfferWithCurrentPlan(db, { invoice, settings: parsed.data.settings, today })
      : null,
  ]);
  const slot = (name: Slot) =>
    blocks.some((block: SelectedBlock) => block.slot === name) ? (
      <ContentSlot blocks={blocks} slot={name} locale={locale} link={null} />
    ) : undefined;
  const shownDraft = blocks.find((block) => block.blockId === candidateId);
  const assignedKey = candidate
    ? assignVariant(data.customer.id, candidateId, candidate.variants)?.key
    : undefined;
  const missingVariants = [...chosenVariants].filter(
    ([blockId, key]) =>
      !blocks.some((block) => block.blockId === blockId && block.variantKey === key),
  );
  const queryIssues = [
    ...(chosen.success
      ? []
      : chosen.error.issues.map((issue) => ({ path: "variant", message: issue.message }))),
    ...(replaces.problem ? [{ path: "block", message: replaces.problem }] : []),
  ];

  return (
    <main className="min-h-screen bg-slate-50 py-3" data-testid="content-preview">
      <div className="mx-auto flex max-w-3xl flex-col gap-3 px-2 pb-3 sm:px-4">
        <p className="text-sm text-slate-700">
          {t.previewFor({
            customer: data.customer.name,
            customerNumber: data.customer.customerNumber,
            invoice: data.invoice.number,
            inSwedish: locale === "sv",
          })}
        </p>
        <FormIssues title={t.addressIssues} issues={queryIssues} />
        {shownDraft ? (
          <p className="text-sm text-slate-700" data-testid="preview-variant">
            {t.showingVariant(shownDraft.variantKey)}
            {chosenVariants.get(candidateId) === shownDraft.variantKey
              ? t.chosenVariant(data.customer.name, assignedKey ?? null)
              : t.assignedVariant(data.customer.name)}
            .
          </p>
        ) : null}
        {missingVariants.map(([blockId, key]) => (
          <p key={blockId} role="note" className="text-sm text-amber-900">
            {t.missingVariant(key, blockId === candidateId ? null : blockId)}
          </p>
        ))}
        {comparison ? (
          <OfferCostWarning
            comparison={comparison}
            customerName={data.customer.name}
            locale={staffLocale}
          />
        ) : null}
        {parsed.success ? null : (
          <FormIssues
            title={t.draftInvalid}
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
            isShown={shownDraft !== undefined}
            now={now}
            locale={staffLocale}
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

/** The stored block the draft is an edit of: one of this organisation's, or a plain problem. */
async function storedBlockId(
  db: Db,
  value: string | string[] | undefined,
  organizationId: string,
  unknownProblem: string,
): Promise<{ id: string | null; problem: string | null }> {
  if (value === undefined) return { id: null, problem: null };
  const isKnown =
    typeof value === "string" &&
    isRouteId(value) &&
    (await isOrganizationBlock(db, { organizationId, blockId: value }));
  return isKnown ? { id: value, problem: null } : { id: null, problem: unknownProblem };
}
