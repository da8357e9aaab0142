import type { ReactNode } from "react";
import type { Locale } from "@/lib/db/generated/client";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { InvoiceHeader } from "./invoice-header";
import { InvoiceLines } from "./invoice-lines";
import { InvoiceTimeline } from "./invoice-timeline";
import { OtherInvoices } from "./other-invoices";
import { PaymentDetails } from "./payment-details";
import { PaymentPlanParts } from "./payment-plan-parts";
import { UsageSection } from "./usage-section";
import { ValueForMoney } from "./value-for-money";

/**
 * Places other capabilities fill on the invoice (payment panel, tailored content, chat). Slots sit
 * between sections, never over them: the legal and payment details are always shown in full.
 */
export interface InvoiceSlots {
  payment?: ReactNode;
  afterSummary?: ReactNode;
  offers?: ReactNode;
  chat?: ReactNode;
  /** What the customer may choose: more time, a payment plan (the customer's page only). */
  collection?: ReactNode;
}

export interface InvoiceDocumentLinks {
  pdf: string | null;
  switchLanguage: string | null;
  otherInvoice: (number: number) => string | null;
}

/**
 * The invoice as its customer sees it; the staff preview renders the same component. `aside` (the
 * customer's chat) is a side panel that stays in view beside the invoice on a wide screen, and
 * follows the invoice at its end on a narrow one.
 */
export function InvoiceDocument({
  data,
  locale,
  today,
  links,
  slots = {},
  aside,
}: {
  data: InvoicePageData;
  locale: Locale;
  today: Date;
  links: InvoiceDocumentLinks;
  slots?: InvoiceSlots;
  aside?: ReactNode;
}) {
  const t = invoiceMessages[locale];
  const body = (
    <div
      lang={aside ? undefined : locale}
      className={`flex flex-col gap-4 sm:px-4 ${aside ? "min-w-0 lg:px-0" : "mx-auto max-w-3xl pb-12"}`}
      data-testid="invoice-document"
      data-invoice-version={data.invoice.version}
    >
      <div data-live-section="summary">
        <InvoiceHeader
          data={data}
          locale={locale}
          t={t}
          today={today}
          links={links}
          paymentSlot={slots.payment}
          hrefFor={links.otherInvoice}
        />
      </div>
      <div className="flex flex-col gap-4 px-2 sm:px-0">
        {slots.afterSummary ? (
          <div data-slot="after-summary" data-live-section="after-summary">
            {slots.afterSummary}
          </div>
        ) : null}
        <UsageSection data={data} locale={locale} t={t} />
        <ValueForMoney data={data} locale={locale} t={t} />
        {slots.offers ? (
          <div data-slot="offers" data-live-section="offers">
            {slots.offers}
          </div>
        ) : null}
        <div data-live-section="lines">
          <InvoiceLines data={data} locale={locale} t={t} hrefFor={links.otherInvoice} />
        </div>
        <div data-live-section="payment-details">
          <PaymentDetails data={data} locale={locale} t={t} />
        </div>
        {data.collection?.activePlan ? (
          <div data-live-section="payment-plan">
            <PaymentPlanParts data={data} locale={locale} t={t} />
          </div>
        ) : null}
        {slots.collection ? (
          <div data-slot="collection" data-live-section="collection">
            {slots.collection}
          </div>
        ) : null}
        <div data-live-section="timeline">
          <InvoiceTimeline
            data={data}
            locale={locale}
            t={t}
            today={today}
            hrefFor={links.otherInvoice}
          />
        </div>
        <OtherInvoices data={data} locale={locale} t={t} hrefFor={links.otherInvoice} />
        {slots.chat ? <div data-slot="chat">{slots.chat}</div> : null}
      </div>
    </div>
  );
  if (!aside) return body;
  return (
    <div
      lang={locale}
      className="mx-auto flex max-w-3xl flex-col gap-4 pb-12 lg:grid lg:max-w-6xl lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start lg:gap-6 lg:px-4"
    >
      {body}
      <div
        className="px-2 sm:px-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:px-0"
        data-slot="aside"
      >
        {aside}
      </div>
    </div>
  );
}
