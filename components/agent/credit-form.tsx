"use client";

import { useState } from "react";
import { formatMoney, parseMoney } from "@/lib/money/money";
import { parseQuantityMilli } from "@/lib/money/quantity";
import { ChangeTexts, changeTexts } from "./change-texts";
import { ChangedMeanwhile, OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

export interface CreditableLineView {
  id: string;
  description: string;
  quantityMilli: number;
  unit: string;
  netOre: number;
  vatRate: number;
}

type Mode = "full" | "lines" | "amount" | "goodwill";
const MODES: Array<{ value: Mode; label: string }> = [
  { value: "full", label: "The whole invoice" },
  { value: "lines", label: "Chosen lines" },
  { value: "amount", label: "An amount" },
  { value: "goodwill", label: "Compensation (goodwill)" },
];

/**
 * Credits an issued invoice. Swedish VAT law does not allow editing it: each credit is a credit
 * note with its own number that refers to this invoice, made by the server from this choice.
 */
export function CreditForm({
  invoiceId,
  version,
  lines,
  vatRates,
}: {
  invoiceId: string;
  version: number;
  lines: CreditableLineView[];
  vatRates: number[];
}) {
  const [mode, setMode] = useState<Mode>("lines");
  const { outcome, submit, setOutcome, touch, changedMeanwhile } = useInvoiceChange(
    invoiceId,
    version,
  );
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    let creditMode: Record<string, unknown>;
    try {
      if (mode === "lines") {
        const chosen = lines.filter((line) => form.get(`line-${line.id}`) === "on");
        creditMode = {
          kind: "lines",
          lines: chosen.map((line) => {
            const quantity = String(form.get(`quantity-${line.id}`) ?? "").trim();
            return {
              lineId: line.id,
              quantityMilli: quantity ? parseQuantityMilli(quantity) : undefined,
            };
          }),
        };
      } else if (mode === "amount" || mode === "goodwill") {
        creditMode = {
          kind: mode,
          amountOre: parseMoney(String(form.get("amount") ?? ""), { locale: "sv" }),
          vatRate: Number(form.get("vatRate")),
        };
      } else {
        creditMode = { kind: "full" };
      }
    } catch (error) {
      setOutcome({ kind: "error", message: (error as Error).message });
      return;
    }
    const done = await submit(
      { action: "credit", mode: creditMode, ...changeTexts(form) },
      "Credit note issued.",
    );
    if (done) event.currentTarget?.reset();
  };
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      data-testid="credit-form"
      onChange={touch}
      aria-label="Credit"
    >
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="mb-1 font-medium">What to credit</legend>
        {MODES.map((option) => (
          <label key={option.value} className="flex items-center gap-1">
            <input
              type="radio"
              name="mode"
              value={option.value}
              checked={mode === option.value}
              onChange={() => setMode(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {mode === "lines" ? (
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="sr-only">Lines</legend>
          {lines.map((line) => (
            <div key={line.id} className="flex flex-wrap items-center gap-2">
              <label className="flex flex-1 items-center gap-2">
                <input type="checkbox" name={`line-${line.id}`} />
                {line.description} ({formatMoney(line.netOre, { locale: "sv" })} excl. VAT,{" "}
                {line.vatRate} %)
              </label>
              <label className="flex items-center gap-1">
                <span className="sr-only">Quantity to credit of {line.description}</span>
                <input
                  name={`quantity-${line.id}`}
                  placeholder={`all (${line.quantityMilli / 1000} ${line.unit})`}
                  inputMode="decimal"
                  className="w-32 rounded border border-slate-400 px-2 py-1"
                />
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {mode === "amount" || mode === "goodwill" ? (
        <div className="flex flex-wrap gap-3 text-sm">
          <label className="flex flex-col gap-1">
            Amount incl. VAT (kr)
            <input
              name="amount"
              required
              inputMode="decimal"
              className="w-36 rounded border border-slate-400 px-2 py-1"
            />
          </label>
          <label className="flex flex-col gap-1">
            VAT rate
            <select
              name="vatRate"
              defaultValue={vatRates[0] ?? 25}
              className="rounded border border-slate-400 px-2 py-1"
            >
              {[25, 12, 6, 0].map((rate) => (
                <option key={rate} value={rate}>
                  {rate} %
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      <ChangeTexts idPrefix="credit" />
      <ChangedMeanwhile show={changedMeanwhile} />
      <OutcomeMessage outcome={outcome} />
      <button
        type="submit"
        disabled={outcome.kind === "busy"}
        className="self-start rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
      >
        Issue credit note
      </button>
    </form>
  );
}
