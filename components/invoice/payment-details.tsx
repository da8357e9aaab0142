import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { formatStored } from "@/lib/invoice-page/safe-format";
import { swishAppLink } from "@/lib/invoice-page/swish-app-link";
import { swishQrPath } from "@/lib/invoice-page/swish-qr-svg";
import { formatBankgiro, formatPlusgiro } from "@/lib/references/giro";
import { formatOrgNumber } from "@/lib/references/org-number";
import { formatSwishNumber } from "@/lib/references/swish-qr";
import { CopyButton } from "./copy-button";

/** Everything ML 2023:200 ch. 17 asks of an invoice, and how to pay it without this page. */
export function PaymentDetails({
  data,
  locale,
  t,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
}) {
  const { invoice, organization: org, customer } = data;
  const canPay = data.amountDueOre > 0 && invoice.kind === "INVOICE";
  const qr =
    canPay && org.swishNumber && invoice.ocr
      ? qrOrNothing(() =>
          swishQrPath({
            payee: org.swishNumber!,
            amountOre: data.amountDueOre,
            message: invoice.ocr!,
          }),
        )
      : null;
  // On a phone the QR code cannot be scanned by the phone showing it: there "Öppna Swish" (the
  // app switch) comes first, and the code stays for paying from another phone.
  const appLink = qr
    ? qrOrNothing(() =>
        swishAppLink({
          payee: org.swishNumber!,
          amountOre: data.amountDueOre,
          message: invoice.ocr!,
        }),
      )
    : null;
  const copy = (value: string, what: string) => (
    <CopyButton value={value} label={t.copyLabel(what)} copiedText={t.copied} text={t.copy} />
  );
  return (
    <section aria-labelledby="legal-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="legal-heading" className="text-xl font-semibold">
        {t.legal.heading}
      </h2>
      <div className="mt-3 grid gap-6 sm:grid-cols-[1fr_auto]">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-700">
            {invoice.kind === "CREDIT_NOTE" ? t.creditNoteNumber : t.invoiceNumber}
          </dt>
          <dd data-testid="invoice-number">{invoice.number}</dd>
          <dt className="text-slate-700">
            {invoice.kind === "CREDIT_NOTE" ? t.creditNoteDate : t.issueDate}
          </dt>
          <dd>{invoice.issueDate ? formatLongDate(invoice.issueDate, locale) : ""}</dd>
          <dt className="text-slate-700">{t.period}</dt>
          <dd>
            {formatLongDate(invoice.periodStart, locale)} –{" "}
            {formatLongDate(invoice.periodEnd, locale)}
          </dd>
          <dt className="text-slate-700">{t.customerNumber}</dt>
          <dd>{customer.customerNumber}</dd>
          {invoice.ocr ? (
            <>
              <dt className="text-slate-700">{t.ocr}</dt>
              <dd>
                <span className="font-mono text-base font-semibold" data-testid="ocr">
                  {invoice.ocr}
                </span>
                {canPay ? copy(invoice.ocr, t.ocr) : null}
              </dd>
            </>
          ) : null}
          {org.bankgiro ? (
            <>
              <dt className="text-slate-700">{t.bankgiro}</dt>
              <dd>
                <span className="font-mono" data-testid="bankgiro">
                  {formatStored(org.bankgiro, formatBankgiro)}
                </span>
                {canPay ? copy(org.bankgiro, t.bankgiro) : null}
              </dd>
            </>
          ) : null}
          {org.plusgiro ? (
            <>
              <dt className="text-slate-700">{t.plusgiro}</dt>
              <dd className="font-mono">{formatStored(org.plusgiro, formatPlusgiro)}</dd>
            </>
          ) : null}
          {org.swishNumber ? (
            <>
              <dt className="text-slate-700">{t.swish}</dt>
              <dd className="font-mono" data-testid="swish-number">
                {formatStored(org.swishNumber, formatSwishNumber)}
              </dd>
            </>
          ) : null}
        </dl>
        {qr ? (
          <div className="flex flex-col gap-2">
            {appLink ? (
              <div className="sm:hidden">
                <a
                  href={appLink}
                  className="inline-flex w-full items-center justify-center rounded-lg bg-blue-700 px-5 py-3 text-lg font-semibold text-white"
                  data-testid="swish-open"
                >
                  {t.swishOpen}
                </a>
                <p className="mt-1 text-xs text-slate-700">{t.swishOpenHint}</p>
                <p className="mt-3 text-sm text-slate-700">{t.swishQrOtherDevice}:</p>
              </div>
            ) : null}
            <figure className="w-44">
              <svg
                viewBox={`0 0 ${qr.size} ${qr.size}`}
                width="176"
                height="176"
                role="img"
                aria-label={t.swishQr}
                data-testid="swish-qr"
                data-payload={qr.payload}
                shapeRendering="crispEdges"
              >
                <rect width={qr.size} height={qr.size} fill="#ffffff" />
                <path d={qr.path} fill="#000000" />
              </svg>
              <figcaption className="mt-1 text-xs text-slate-700">{t.swishQr}</figcaption>
            </figure>
          </div>
        ) : null}
      </div>
      <div className="mt-6 grid gap-6 text-sm sm:grid-cols-2">
        <div>
          <h3 className="font-semibold">{t.legal.seller}</h3>
          <p>{org.name}</p>
          <p>{org.addressLine1}</p>
          {org.addressLine2 ? <p>{org.addressLine2}</p> : null}
          <p>
            {org.postalCode} {org.city}
          </p>
          <p>
            {t.legal.orgNumber}: {formatStored(org.orgNumber, formatOrgNumber)}
          </p>
          <p>
            {t.legal.vatNumber}: <span data-testid="seller-vat">{org.vatNumber}</span>
          </p>
          {org.hasFSkatt ? <p data-testid="f-skatt">{t.legal.fSkatt}</p> : null}
          {org.supportEmail || org.supportPhone ? (
            <p className="mt-2">
              {t.legal.contact}:{" "}
              {[org.supportEmail, org.supportPhone]
                .filter((value): value is string => Boolean(value))
                .map((value, index) => (
                  // A phone number or address is never broken across lines.
                  <span key={value} className="whitespace-nowrap">
                    {index > 0 ? ", " : ""}
                    {value}
                  </span>
                ))}
            </p>
          ) : null}
        </div>
        <div>
          <h3 className="font-semibold">{t.legal.buyer}</h3>
          <p>{customer.name}</p>
          <p>{customer.addressLine1}</p>
          {customer.addressLine2 ? <p>{customer.addressLine2}</p> : null}
          <p>
            {customer.postalCode} {customer.city}
          </p>
          {customer.isBusiness && customer.vatNumber ? (
            <p>
              {t.legal.buyerVat}: {customer.vatNumber}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

/** A stored Swish number Swish would refuse draws no code (the number is still shown). */
function qrOrNothing<T>(draw: () => T): T | null {
  try {
    return draw();
  } catch {
    return null;
  }
}
