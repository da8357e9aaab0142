"use client";

import { useRef, useState } from "react";
import type { IssuedCreditSummary } from "@/lib/agent/agent-invoice-change";
import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";
import type { CreditNotePreview } from "@/lib/invoices/credit-note-preview";
import { formatQuantity, parseMoney } from "@/lib/money/money";
import { parseQuantityMilli } from "@/lib/money/quantity";
import { formatStaffMoney } from "@/lib/money/staff-money";
import { ChangeTexts, changeTexts } from "./change-texts";
import { CreditConfirmation } from "./credit-confirmation";
import { ChangedMeanwhile, OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

export interface CreditableLineView {
  id: string;
  description: string;
  quantityMilli: number;
  unit: string;
  netOre: number;
  vatRate: number;
  /** What is still uncredited of the line, in thousandths (positive); 0 when all of it is. */
  remainingQuantityMilli?: number;
}

type Mode = "full" | "lines" | "amount" | "goodwill";
const MODES: Mode[] = ["full", "lines", "amount", "goodwill"];

/** What the agent is told once the credit note exists: which one, and what it did. */
export function issuedMessage(creditNote: IssuedCreditSummary | undefined, locale: Locale): string {
  const t = agentChangeMessages[locale].credit;
  if (!creditNote) return t.issued;
  return t.issuedNumber(
    creditNote.number,
    formatStaffMoney(creditNote.creditedOre),
    creditNote.refundedOre > 0 ? formatStaffMoney(creditNote.refundedOre) : null,
  );
}

/** A line's state for crediting: all of it, a part left, or nothing left. */
function lineNote(line: CreditableLineView, locale: Locale): string | null {
  const t = agentChangeMessages[locale].credit;
  const remaining = line.remainingQuantityMilli ?? Math.abs(line.quantityMilli);
  if (remaining <= 0) return t.alreadyCredited;
  if (remaining < Math.abs(line.quantityMilli)) {
    return t.partlyCredited(
      formatQuantity(remaining, locale),
      formatQuantity(Math.abs(line.quantityMilli), locale),
      line.unit,
    );
  }
  return null;
}

/**
 * Credits an issued invoice. Swedish VAT law does not allow editing it: each credit is a credit
 * note with its own number that refers to this invoice, made by the server from this choice. The
 * agent first sees what the server would issue (amount, VAT, what happens to the money) and
 * confirms it; an identical credit within a minute is refused by the server as a double submit.
 */
export function CreditForm({
  invoiceId,
  version,
  lines,
  vatRates,
  locale,
}: {
  invoiceId: string;
  version: number;
  lines: CreditableLineView[];
  vatRates: number[];
  locale: Locale;
}) {
  const t = agentChangeMessages[locale].credit;
  const formRef = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<Mode>("lines");
  const [pending, setPending] = useState<{
    body: Record<string, unknown>;
    preview: CreditNotePreview;
  } | null>(null);
  const { outcome, submit, check, setOutcome, touch, changedMeanwhile } = useInvoiceChange(
    invoiceId,
    version,
    locale,
  );
  const busy = outcome.kind === "busy";

  const onReview = async (event: React.FormEvent<HTMLFormElement>) => {
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
    const body = { action: "credit", mode: creditMode, ...changeTexts(form) };
    const answer = await check<{ preview: CreditNotePreview }>("credit-preview", body);
    if (answer) setPending({ body, preview: answer.preview });
  };

  const onConfirm = async () => {
    if (!pending) return;
    const done = await submit<{ version: number; creditNote?: IssuedCreditSummary }>(
      pending.body,
      (answer) => issuedMessage(answer.creditNote, locale),
    );
    setPending(null);
    if (done) {
      formRef.current?.reset();
      setMode("lines");
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={onReview}
      className="flex flex-col gap-3"
      data-testid="credit-form"
      onChange={() => {
        touch();
        // A changed form is a new credit: what was shown for confirmation no longer applies.
        setPending(null);
      }}
      aria-label={t.formLabel}
    >
      <fieldset className="flex flex-wrap gap-3 text-sm" disabled={pending !== null}>
        <legend className="mb-1 font-medium">{t.what}</legend>
        {MODES.map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input
              type="radio"
              name="mode"
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
            />
            {t.modes[option]}
          </label>
        ))}
      </fieldset>
      {mode === "lines" ? (
        <fieldset className="flex flex-col gap-2 text-sm" disabled={pending !== null}>
          <legend className="sr-only">{t.lines}</legend>
          {lines.map((line) => {
            const note = lineNote(line, locale);
            const isCredited = (line.remainingQuantityMilli ?? 1) <= 0;
            return (
              <div
                key={line.id}
                className="flex flex-wrap items-center gap-2"
                data-testid="credit-line"
                data-credited={isCredited ? "all" : note ? "part" : "none"}
              >
                <label
                  className={`flex flex-1 items-center gap-2 ${isCredited ? "text-slate-600" : ""}`}
                >
                  <input type="checkbox" name={`line-${line.id}`} disabled={isCredited} />
                  <span>
                    {t.line(line.description, formatStaffMoney(line.netOre), line.vatRate)}
                    {note ? (
                      <span className="ml-1 font-semibold text-slate-800"> · {note}</span>
                    ) : null}
                  </span>
                </label>
                {isCredited ? null : (
                  <label className="flex items-center gap-1">
                    <span className="sr-only">{t.quantityOf(line.description)}</span>
                    <input
                      name={`quantity-${line.id}`}
                      placeholder={t.all(
                        formatQuantity(
                          line.remainingQuantityMilli ?? Math.abs(line.quantityMilli),
                          locale,
                        ),
                        line.unit,
                      )}
                      inputMode="decimal"
                      className="w-32 rounded border border-slate-400 px-2 py-1"
                    />
                  </label>
                )}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {mode === "amount" || mode === "goodwill" ? (
        <fieldset className="flex flex-wrap gap-3 text-sm" disabled={pending !== null}>
          <legend className="sr-only">{t.amount}</legend>
          <label className="flex flex-col gap-1">
            {t.amountInclVat}
            <input
              name="amount"
              required
              inputMode="decimal"
              className="w-36 rounded border border-slate-400 px-2 py-1"
            />
          </label>
          <label className="flex flex-col gap-1">
            {t.vatRate}
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
        </fieldset>
      ) : null}
      <ChangeTexts idPrefix="credit" locale={locale} />
      <ChangedMeanwhile show={changedMeanwhile} locale={locale} />
      <OutcomeMessage outcome={outcome} />
      {pending ? (
        <CreditConfirmation
          preview={pending.preview}
          busy={busy}
          locale={locale}
          onConfirm={() => void onConfirm()}
          onCancel={() => {
            setPending(null);
            setOutcome({ kind: "idle" });
          }}
        />
      ) : (
        <button
          type="submit"
          disabled={busy}
          className="self-start rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t.review}
        </button>
      )}
    </form>
  );
}
