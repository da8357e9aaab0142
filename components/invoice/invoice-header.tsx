import type { Locale } from "@/lib/db/generated/client";
import { CREDIT_NOTE_MESSAGES, settlementText } from "@/lib/i18n/credit-note-messages";
import { formatLongDate, formatMonthYear } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { settledSummary } from "@/lib/invoice-page/payments-made";
import { dueCountdown } from "@/lib/invoice-page/what-happens-next";
import { formatMoney } from "@/lib/money/money";
import { StatusBadge } from "./status-badge";

export interface InvoiceHeaderLinks {
  pdf: string | null;
  switchLanguage: string | null;
}

export function InvoiceHeader({
  data,
  locale,
  t,
  today,
  links,
  paymentSlot,
  hrefFor = () => null,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
  today: Date;
  links: InvoiceHeaderLinks;
  paymentSlot?: React.ReactNode;
  hrefFor?: (number: number) => string | null;
}) {
  const { invoice, organization } = data;
  const isCreditNote = invoice.kind === "CREDIT_NOTE";
  const countdown =
    invoice.dueDate && data.amountDueOre > 0 ? dueCountdown(invoice.dueDate, today) : null;
  // Nothing left to pay: what was paid and when, not a large "0,00 kr".
  const settled = settledSummary(data, locale, t);
  const initials = organization.name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0])
    .join("");
  return (
    <header
      className="border-t-8 bg-white px-4 pt-5 pb-6 shadow-sm sm:rounded-b-lg"
      style={{ borderTopColor: organization.brandColor }}
    >
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="flex h-10 w-10 items-center justify-center rounded-lg text-lg font-bold text-white"
          style={{ backgroundColor: organization.brandColor }}
        >
          {initials}
        </span>
        <span className="font-semibold">{organization.name}</span>
        <nav aria-label={t.language} className="no-print ml-auto flex gap-3 text-sm">
          {links.switchLanguage ? (
            <a
              href={links.switchLanguage}
              hrefLang={locale === "sv" ? "en" : "sv"}
              className="text-blue-800 underline underline-offset-2"
              data-testid="language-switch"
            >
              {t.switchTo}
            </a>
          ) : null}
        </nav>
      </div>
      <h1 className="mt-5 text-2xl font-bold">
        {isCreditNote ? t.creditNote : t.invoice}{" "}
        {invoice.number ?? `(${t.status.draft.toLowerCase()})`}
      </h1>
      {isCreditNote && data.creditNote ? (
        <CreditNoteSummary data={data} locale={locale} hrefFor={hrefFor} />
      ) : (
        <p className="mt-1 text-slate-700">
          {t.hello(data.customer.name)}{" "}
          {t.intro(organization.name, formatMonthYear(invoice.periodStart, locale))}
        </p>
      )}
      <div className="mt-5 flex flex-wrap items-end gap-x-6 gap-y-3">
        {isCreditNote ? null : settled ? (
          <div className="max-w-xl" data-testid="settled-summary">
            <p className="text-sm text-slate-700">{settled.heading}</p>
            <p className="text-xl font-semibold" data-testid="settled-text">
              {settled.text}
            </p>
            {settled.credit ? <p className="mt-1 font-semibold">{settled.credit}</p> : null}
            <p className="mt-1 text-sm text-slate-700">
              {t.settled.leftToPay}:{" "}
              <span className="tabular-nums" data-testid="amount-to-pay">
                {formatMoney(data.amountDueOre, { locale })}
              </span>
            </p>
          </div>
        ) : (
          <div>
            <p className="text-sm text-slate-700">{t.toPay}</p>
            <p className="text-4xl font-bold tabular-nums sm:text-5xl" data-testid="amount-to-pay">
              {formatMoney(data.amountDueOre, { locale })}
            </p>
          </div>
        )}
        <div className="flex flex-col items-start gap-1">
          <StatusBadge
            status={invoice.displayStatus}
            label={t.status[invoice.displayStatus]}
            testId="invoice-status"
          />
          {invoice.dueDate && !isCreditNote ? (
            <p className="text-sm text-slate-800">
              {t.dueDate}{" "}
              <time dateTime={invoice.dueDate.toISOString().slice(0, 10)}>
                {formatLongDate(invoice.dueDate, locale)}
              </time>
              {countdown ? (
                <span
                  className={`ml-2 font-semibold ${countdown.kind === "overdue-by" ? "text-red-800" : ""}`}
                  data-testid="due-countdown"
                >
                  {countdown.kind === "due-in"
                    ? t.countdown.dueIn(countdown.days)
                    : countdown.kind === "due-today"
                      ? t.countdown.dueToday
                      : t.countdown.overdueBy(countdown.days)}
                </span>
              ) : null}
            </p>
          ) : null}
        </div>
      </div>
      {data.amountDueOre > 0 ? (
        <div className="no-print mt-5" data-slot="payment">
          {paymentSlot ?? (
            <>
              <button
                type="button"
                disabled
                aria-describedby="pay-coming-soon"
                className="w-full cursor-not-allowed rounded-lg bg-slate-300 px-6 py-3 text-lg font-semibold text-slate-800 sm:w-auto"
              >
                {t.payButton} {formatMoney(data.amountDueOre, { locale })}
              </button>
              <p id="pay-coming-soon" className="mt-2 text-sm text-slate-700">
                {t.pay.preview}
              </p>
            </>
          )}
        </div>
      ) : null}
      {links.pdf ? (
        <p className="no-print mt-4 text-sm">
          <a
            href={links.pdf}
            className="text-blue-800 underline underline-offset-2"
            data-testid="pdf-link"
          >
            {t.downloadPdf}
          </a>
        </p>
      ) : null}
    </header>
  );
}

/**
 * What a credit note says first: the invoice it changes, by number and date (ML 17 kap. 22 §:
 * "specifically and unambiguously"), with a link to it; how much it credits; the words the agent
 * chose for the customer; and what happens to the money.
 */
function CreditNoteSummary({
  data,
  locale,
  hrefFor,
}: {
  data: InvoicePageData;
  locale: Locale;
  hrefFor: (number: number) => string | null;
}) {
  const note = data.creditNote!;
  const c = CREDIT_NOTE_MESSAGES[locale];
  const original = note.creditedInvoice;
  const href = hrefFor(original.number);
  const reference = c.refersTo(original.number, original.issueDate);
  return (
    <div className="mt-2 flex flex-col gap-3" data-testid="credit-note-summary">
      <p className="font-semibold" data-testid="credit-note-reference">
        {href ? (
          <a href={href} className="text-blue-800 underline underline-offset-2">
            {reference}
          </a>
        ) : (
          reference
        )}
      </p>
      <p className="text-slate-700">{c.intro(data.organization.name, original.number)}</p>
      <div>
        <p className="text-sm text-slate-700">{c.credited}</p>
        <p className="text-4xl font-bold tabular-nums sm:text-5xl" data-testid="credited-amount">
          {formatMoney(data.totals.totalOre, { locale })}
        </p>
      </div>
      {note.customerText ? (
        <div>
          <h2 className="text-sm font-semibold">{c.reason}</h2>
          <p data-testid="credit-note-text">{note.customerText}</p>
        </div>
      ) : null}
      {note.settlement ? (
        <div>
          <h2 className="text-sm font-semibold">{c.whatHappens}</h2>
          <p data-testid="credit-note-settlement">
            {settlementText(locale, note.settlement, original.number)}
          </p>
        </div>
      ) : null}
    </div>
  );
}
