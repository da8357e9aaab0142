import type { CreditNotePreview } from "@/lib/invoices/credit-note-preview";
import { formatStaffMoney as money } from "@/lib/money/staff-money";

const REFUND_WAYS: Record<string, string> = {
  card: "to the card they paid with",
  swish: "by Swish, to the account they paid from",
};

/** What the credit does to the customer's money, in the sentences the agent confirms. */
export function moneySentences(preview: CreditNotePreview): string[] {
  const sentences: string[] = [];
  if (preview.toPayBeforeOre > 0) {
    sentences.push(
      preview.toPayAfterOre > 0
        ? `${money(preview.toPayAfterOre)} is left to pay instead of ${money(preview.toPayBeforeOre)}.`
        : `Nothing is left to pay (${money(preview.toPayBeforeOre)} was).`,
    );
  }
  if (preview.moneyBackOre > 0) {
    if (preview.moneyBack === "refund") {
      const ways = (preview.refundMethods ?? []).map((method) => REFUND_WAYS[method] ?? method);
      sentences.push(
        `${money(preview.moneyBackOre)} goes back to the customer: refunded ${
          ways.length > 0 ? ways.join(" and ") : "the way they paid"
        }.`,
      );
    } else {
      sentences.push(
        `${money(preview.moneyBackOre)} they have paid stays with you as the customer's credit (not paid out).`,
      );
    }
  }
  if (preview.toPayBeforeOre === 0 && preview.moneyBackOre === 0) {
    sentences.push("Nothing was left to pay, and no money goes back.");
  }
  if (preview.waivedFeesOre > 0) {
    sentences.push(`Reminder fees of ${money(preview.waivedFeesOre)} are waived with it.`);
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
}: {
  preview: CreditNotePreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <section
      aria-labelledby="credit-confirmation-heading"
      className="flex flex-col gap-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-slate-900"
      data-testid="credit-confirmation"
    >
      <h3 id="credit-confirmation-heading" className="font-semibold">
        Check before you issue it
      </h3>
      <p data-testid="credit-confirmation-amount">
        A credit note of <strong>{money(preview.creditedOre)}</strong> including{" "}
        {money(preview.vatOre)} VAT.
      </p>
      <ul className="list-disc pl-5" data-testid="credit-confirmation-vat">
        {preview.vatGroups.map((group) => (
          <li key={group.vatRate}>
            {group.vatRate} %: {money(group.netOre)} + {money(group.vatOre)} VAT
          </li>
        ))}
        {preview.roundingOre !== 0 ? <li>Öresutjämning: {money(preview.roundingOre)}</li> : null}
      </ul>
      <p className="font-semibold">What happens to the money</p>
      <ul className="list-disc pl-5" data-testid="credit-confirmation-money">
        {moneySentences(preview).map((sentence) => (
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
          Issue credit note
        </button>
        <button
          type="button"
          onClick={onCancel}
          disabled={busy}
          className="rounded px-4 py-2 ring-1 ring-slate-400"
        >
          Change it
        </button>
      </div>
    </section>
  );
}
