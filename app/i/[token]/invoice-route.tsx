import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { CustomerChat } from "@/components/chat/customer-chat";
import { ContentSlot } from "@/components/content/content-slot";
import { CollectionChoices } from "@/components/invoice/collection-choices";
import { ExpiredLink } from "@/components/invoice/expired-link";
import { InvoiceDocument } from "@/components/invoice/invoice-document";
import { LiveInvoiceRefresher } from "@/components/invoice/live-invoice-refresher";
import { PaymentPanel } from "@/components/invoice/payment-panel";
import { type SelectedBlock, selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import { getDb } from "@/lib/db/client";
import { clientAddressFrom, clientKey } from "@/lib/http/client-address";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { collectionChoices } from "@/lib/invoice-page/collection-choices";
import { startRecordingCustomerView } from "@/lib/invoice-page/customer-view";
import { isLocale, LOCALE_COOKIE } from "@/lib/invoice-page/invoice-locale";
import { liveChanges } from "@/lib/invoice-page/live-changes";
import { maskEmail } from "@/lib/invoice-page/masked-email";
import { type InvoicePageRequest, resolveInvoiceLink } from "@/lib/invoice-page/page-request";
import { resolveLink } from "@/lib/invoices/link-scope";
import { createLogger } from "@/lib/log";
import { getPaymentProvider } from "@/lib/payments/payment-providers";

const log = createLogger("invoice-page");

/** Shared by the link's own invoice and the customer's earlier invoices reached through it. */
export async function invoiceMetadata(token: string, siblingNumber?: number): Promise<Metadata> {
  const request = await resolveInvoiceLink(token, siblingNumber);
  const robots = { index: false, follow: false };
  if (!request) return { title: "Nota", robots };
  const t = invoiceMessages[request.locale];
  const { invoice, organization } = request.data;
  return {
    title: `${invoice.kind === "CREDIT_NOTE" ? t.creditNote : t.invoice} ${invoice.number} · ${organization.name}`,
    robots,
  };
}

export async function InvoiceRoute({
  token,
  siblingNumber,
  freshLinkSent = false,
}: {
  token: string;
  siblingNumber?: number;
  /** Back from asking for a fresh link (the expired-link page says it is on its way). */
  freshLinkSent?: boolean;
}) {
  const request = await resolveInvoiceLink(token, siblingNumber);
  if (!request) {
    // An expired link (not a revoked or unknown one) offers a fresh link by mail, nothing more.
    // The same resolver says which it was; the miss was counted by the lookup just made.
    const requestHeaders = await headers();
    const lookup = await resolveLink(
      await getDb(),
      {
        token,
        visitorKey: clientKey(clientAddressFrom(requestHeaders)),
        invoiceNumber: siblingNumber,
      },
      { missAlreadyCounted: true },
    );
    if (lookup.kind === "expired") {
      const remembered = (await cookies()).get(LOCALE_COOKIE)?.value;
      return (
        <ExpiredLink
          token={token}
          locale={isLocale(remembered) ? remembered : "sv"}
          sent={freshLinkSent}
        />
      );
    }
    notFound();
  }
  const isStaffPreview = await startRecordingCustomerView(request);
  const blocks = await selectBlocksSafely(request);
  // Staff previewing a customer's link see the content but count for nothing.
  const link = isStaffPreview ? null : { token, invoiceNumber: siblingNumber ?? null };
  const contentIn = (slot: "AFTER_SUMMARY" | "OFFERS" | "BEFORE_CHAT") => (
    <ContentSlot blocks={blocks} slot={slot} locale={request.locale} link={link} />
  );
  const base = siblingNumber === undefined ? `/i/${token}` : `/i/${token}/n/${siblingNumber}`;
  const otherLocale = request.locale === "sv" ? "en" : "sv";
  const { data } = request;
  // What the customer may choose themselves (more time, a plan): never in a staff preview.
  const choices = isStaffPreview
    ? { respite: null, plan: null }
    : collectionChoices({
        collection: data.collection,
        amountDueOre: data.amountDueOre,
        dueDate: data.invoice.dueDate,
        today: request.today,
      });
  // With no payment provider (no Stripe, demo off) the invoice is paid by bank transfer only.
  const canPay =
    data.invoice.kind === "INVOICE" && data.amountDueOre > 0 && getPaymentProvider() !== null;
  return (
    // Room at the end for the phone's chat bar, so it never covers the last of the invoice.
    <main className="min-h-screen pb-20 lg:pb-0">
      {isStaffPreview ? null : (
        <LiveInvoiceRefresher
          token={token}
          invoiceNumber={siblingNumber ?? null}
          version={data.invoice.version}
          locale={request.locale}
          renderedAt={Date.now()}
          changes={liveChanges(data.events, request.locale, invoiceMessages[request.locale])}
          bannerLabels={{
            heading: invoiceMessages[request.locale].live.heading,
            dismiss: invoiceMessages[request.locale].live.dismiss,
          }}
        />
      )}
      <InvoiceDocument
        data={request.data}
        locale={request.locale}
        today={request.today}
        links={{
          pdf: `${base}/pdf`,
          switchLanguage: `/i/${token}/language/${otherLocale}?back=${encodeURIComponent(base)}`,
          otherInvoice: (number) => `/i/${token}/n/${number}`,
        }}
        slots={{
          afterSummary: contentIn("AFTER_SUMMARY"),
          offers: contentIn("OFFERS"),
          // Rendered on every unpaid invoice of the customer's own page, so that what was just
          // chosen stays said when the page re-reads itself and the offer is gone.
          collection:
            !isStaffPreview && data.invoice.kind === "INVOICE" && data.amountDueOre > 0 ? (
              <CollectionChoices
                token={token}
                invoiceNumber={siblingNumber ?? null}
                locale={request.locale}
                version={data.invoice.version}
                respite={choices.respite}
                plan={choices.plan}
              />
            ) : undefined,
          payment: canPay ? (
            <PaymentPanel
              // Payments go to the invoice shown, which may be an earlier one reached via this link.
              token={token}
              invoiceNumber={siblingNumber ?? null}
              locale={request.locale}
              amountDueOre={data.amountDueOre}
              allowPartial={data.organization.allowPartialPayment}
              isDemo={getPaymentProvider()?.kind === "DEMO"}
              minimumPartOre={data.organization.minimumPartialPaymentOre}
              labels={invoiceMessages[request.locale].pay}
            />
          ) : data.invoice.kind === "INVOICE" && data.amountDueOre > 0 ? (
            <p className="text-sm text-slate-800">{invoiceMessages[request.locale].pay.bankOnly}</p>
          ) : undefined,
          chat: <div data-live-section="before-chat">{contentIn("BEFORE_CHAT")}</div>,
        }}
        // Support within reach from anywhere: a side panel on a wide screen, at the end (with a
        // bar that leads to it) on a phone.
        aside={
          isStaffPreview ? (
            <p
              className="rounded-lg bg-white p-4 text-sm shadow-sm"
              data-testid="chat-preview-note"
            >
              Staff preview: the customer's chat is answered in the{" "}
              <a className="underline" href={`/agent/invoices/${data.invoice.id}`}>
                agent console's workspace for this invoice
              </a>
              .
            </p>
          ) : (
            <CustomerChat
              token={token}
              invoiceNumber={siblingNumber ?? null}
              locale={request.locale}
              responseHours={data.organization.supportResponseHours}
              email={maskEmail(data.customer.email)}
            />
          )
        }
      />
    </main>
  );
}

/** Marketing content is never worth a broken invoice: if choosing it fails, the page goes without. */
async function selectBlocksSafely(request: InvoicePageRequest): Promise<SelectedBlock[]> {
  const { invoice, customer, organization } = request.data;
  try {
    return await selectBlocksForInvoice(await getDb(), {
      invoice: { id: invoice.id, organizationId: organization.id, customerId: customer.id },
      locale: request.locale,
    });
  } catch (error) {
    log.error("choosing content blocks failed", { invoiceId: invoice.id, error });
    return [];
  }
}
