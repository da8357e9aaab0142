"use client";

import { useState } from "react";
import { formatMoney, parseMoney } from "@/lib/money/money";
import type { PaymentMethodChoice } from "./payment-flow";
import { PAYMENT_BUTTON, PAYMENT_SECONDARY_BUTTON, type PaymentLabels } from "./payment-labels";

/** How much (all, or a part where allowed) and how (card or Swish). */
export function PaymentChoiceForm(props: {
  locale: "sv" | "en";
  amountDueOre: number;
  allowPartial: boolean;
  minimumPartOre: number;
  labels: PaymentLabels;
  busy: boolean;
  error: string | null;
  onError: (message: string) => void;
  onSubmit: (amountOre: number, method: PaymentMethodChoice) => void;
  onCancel: () => void;
}) {
  const { locale, amountDueOre, labels } = props;
  const [method, setMethod] = useState<PaymentMethodChoice>("CARD");
  const [part, setPart] = useState<string | null>(null);
  const money = (ore: number) => formatMoney(ore, { locale });

  const submit = () => {
    let amountOre = amountDueOre;
    if (part !== null) {
      try {
        amountOre = parseMoney(part, { locale });
      } catch {
        return props.onError(labels.invalidAmount);
      }
      // The server checks the same rules; checking here first lets us say it in the customer's words.
      if (amountOre > amountDueOre) return props.onError(labels.tooMuch);
      if (amountOre < amountDueOre && amountOre < props.minimumPartOre)
        return props.onError(labels.tooLittle);
    }
    props.onSubmit(amountOre, method);
  };

  return (
    <form
      className="mt-3 space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend className="font-medium">{labels.amountLegend}</legend>
        <label className="mt-1 flex items-center gap-2">
          <input
            type="radio"
            name="amount"
            checked={part === null}
            onChange={() => setPart(null)}
          />
          {labels.full} ({money(amountDueOre)})
        </label>
        {props.allowPartial && amountDueOre > props.minimumPartOre ? (
          <>
            <label className="mt-1 flex items-center gap-2">
              <input
                type="radio"
                name="amount"
                checked={part !== null}
                onChange={() => setPart("")}
              />
              {labels.part} ({labels.partHint} {money(props.minimumPartOre)})
            </label>
            {part !== null ? (
              <label className="mt-2 block">
                <span className="block text-sm">{labels.partLabel}</span>
                <input
                  inputMode="decimal"
                  className="mt-1 w-40 rounded border border-slate-400 bg-white px-3 py-2"
                  value={part}
                  onChange={(event) => setPart(event.target.value)}
                  aria-invalid={props.error ? true : undefined}
                  aria-describedby={props.error ? "payment-error" : undefined}
                  data-testid="payment-part-amount"
                />
              </label>
            ) : null}
          </>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="font-medium">{labels.methodLegend}</legend>
        {(["CARD", "SWISH"] as const).map((option) => (
          <label key={option} className="mt-1 flex items-center gap-2">
            <input
              type="radio"
              name="method"
              checked={method === option}
              onChange={() => setMethod(option)}
            />
            {option === "CARD" ? labels.card : labels.swish}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          className={PAYMENT_BUTTON}
          disabled={props.busy}
          data-testid="payment-continue"
        >
          {labels.continue}
        </button>
        <button type="button" className={PAYMENT_SECONDARY_BUTTON} onClick={props.onCancel}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
