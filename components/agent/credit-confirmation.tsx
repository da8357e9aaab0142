import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";
import type { CreditNotePreview } from "@/lib/invoices/credit-note-preview";
import { formatStaffMoney as money } from "@/lib/money/staff-money";

/** What the credit does to the customer's money, in the sentences the agent confirms. */
export function moneySentences(preview: CreditNotePreview, locale: Locale): string[] {
  const t = agentChangeMessages[locale].confirmation;
  const sentences: string[] = [];
  if (preview.toPayBeforeOre > 0) {
    sentences.push(
      preview.toPayAfterOre > 0
        ? t.leftToPay(money(preview.toPayAfterOre), money(preview.toPayBeforeOre))
        : t.nothingLeft(money(preview.toPayBeforeOre)),
    );
  }
  if (preview.moneyBackOre > 0) {
    if (preview.moneyBack === "refund") {
      const ways = (preview.refundMethods ?? []).map((method) => t.refundWays[method] ?? method);
      sentences.push(t.goesBack(money(preview.moneyBackOre), ways));
    } else {
      sentences.push(t.staysAsCredit(money(preview.moneyBackOre)));
    }
  }
  if (preview.toPayBeforeOre === 0 && preview.moneyBackOre === 0) {
    sentences.push(t.nothingToPay);
  }
  if (preview.waivedFeesOre > 0) {
    sentences.push(t.feesWaived(money(preview.waivedFeesOre)));
  }
  return sentences;
}

/**
 * The last step before a credit note is issued: its amount, its VAT per rate and what happens to
 * the money, as the server computed them for this very credit.
 */
export function CreditConfirmation({
  preview,
  busy,
  onConfirm,
  onCancel,
  locale,
}: {
  preview: CreditNotePreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  locale: Locale;
}) {
  const t = agentChangeMessages[locale].confirmation;
  return (
    <section
      aria-labelledby="credit-confirmation-heading"
      className="flex flex-col gap-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-slate-900"
      data-testid="credit-confirmation"
    >
      <h3 id="credit-confirmation-heading" className="font-semibold">
        {t.heading}
      </h3>
      <p data-testid="credit-confirmation-amount">
        {t.amountBefore}
        <strong>{money(preview.creditedOre)}</strong>
        {t.amountAfter(money(preview.vatOre))}
      </p>
      <ul className="list-disc pl-5" data-testid="credit-confirmation-vat">
        {preview.vatGroups.map((group) => (
          <li key={group.vatRate}>
            {t.vatGroup(group.vatRate, money(group.netOre), money(group.vatOre))}
          </li>
        ))}
        {preview.roundingOre !== 0 ? <li>{t.rounding(money(preview.roundingOre))}</li> : null}
      </ul>
      <p className="font-semibold">{t.money}</p>
      <ul className="list-disc pl-5" data-testid="credit-confirmation-money">
        {moneySentences(preview, locale).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onConfirm}
          disabled={busy}
          className="rounded bg-slate-900 px-4 py-2 font-semibold text-white disabled:opacity-50"
        >
          {t.issue}
        </button>
        <button
          type="button"
          onClick={onCancel}
          disabled={busy}
          className="rounded px-4 py-2 ring-1 ring-slate-400"
        >
          {t.change}
        </button>
      </div>
    </section>
  );
}
