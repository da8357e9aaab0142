"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { formatLongDate } from "@/lib/i18n/format-date";
import { invoiceChoiceMessages } from "@/lib/i18n/invoice-choice-messages";
import type { PlanOffer, RespiteOffer } from "@/lib/invoice-page/collection-choices";
import { formatMoney } from "@/lib/money/money";
import { PAYMENT_BUTTON, PAYMENT_SECONDARY_BUTTON } from "./payment/payment-labels";

/**
 * What the customer may choose on their invoice, as their collection policy offers it
 * (lib/collections/invoice-collection.ts): more time to pay, once ("Behöver du mer tid?"), and
 * paying in parts ("Dela upp betalningen"), each part and its day shown before accepting, with
 * the plan's fee if it has one. The server decides and checks everything again; the page then
 * re-reads itself (and every other open page of the invoice hears of it).
 */
type Locale = "sv" | "en";

const date = (day: string, locale: Locale) => formatLongDate(parseCalendarDate(day), locale);

/** The customer's words for a refusal: by its reason, or a stale page, or the generic one. */
export function choiceError(problem: ClientProblem, locale: Locale): string {
  const errors = invoiceChoiceMessages[locale].errors;
  if (problem.code === "STALE_VERSION") return errors.stale!;
  const reason = problem.details.reason;
  return (
    (typeof reason === "string" && Object.hasOwn(errors, reason) && errors[reason]) ||
    errors.generic!
  );
}

interface ChoiceTarget {
  token: string;
  /** Set when the page shows one of the customer's earlier invoices rather than the link's own. */
  invoiceNumber: number | null;
  locale: Locale;
  version: number;
}

export function CollectionChoices(
  props: ChoiceTarget & { respite: RespiteOffer | null; plan: PlanOffer | null },
) {
  const router = useRouter();
  const t = invoiceChoiceMessages[props.locale];
  // Kept here, above the panels: the page re-reads itself after a choice and the offer is gone,
  // but what was done stays said.
  const [done, setDone] = useState<string | null>(null);
  const post = async (
    path: "respite" | "payment-plan",
    body: Record<string, unknown>,
    doneText: string,
  ) => {
    const result = await requestJson<Record<string, unknown>>(`/i/${props.token}/${path}`, {
      method: "POST",
      body: { ...body, expectedVersion: props.version, invoiceNumber: props.invoiceNumber },
    });
    if (!result.ok) return choiceError(result.problem, props.locale);
    setDone(doneText);
    router.refresh();
    return null;
  };
  if (!props.respite && !props.plan && !done) return null;
  return (
    <div className="flex flex-col gap-4">
      {done ? (
        <p
          role="status"
          className="rounded-lg bg-white p-4 font-semibold shadow-sm"
          data-testid="collection-choice-done"
        >
          {done}
        </p>
      ) : null}
      {props.respite ? (
        <RespitePanel
          locale={props.locale}
          offer={props.respite}
          submit={(dueDate) =>
            post("respite", { dueDate }, t.respiteDone(date(dueDate, props.locale)))
          }
        />
      ) : null}
      {props.plan ? (
        <PaymentPlanOfferPanel
          locale={props.locale}
          offer={props.plan}
          submit={(parts) => post("payment-plan", { parts }, t.planDone)}
        />
      ) : null}
    </div>
  );
}

/** The customer's choice sent; null when it went through, else what to tell them. */
type Submit<T> = (value: T) => Promise<string | null>;

export function RespitePanel({
  locale,
  offer,
  submit,
}: {
  locale: Locale;
  offer: RespiteOffer;
  submit: Submit<string>;
}) {
  const t = invoiceChoiceMessages[locale];
  const inputId = useId();
  const [dueDate, setDueDate] = useState(offer.from);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section
      aria-labelledby={`${inputId}-heading`}
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="respite-panel"
    >
      <h2 id={`${inputId}-heading`} className="text-xl font-semibold">
        {t.respiteHeading}
      </h2>
      <p className="mt-1">{t.respiteIntro(date(offer.until, locale))}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          const problem = await submit(dueDate);
          setBusy(false);
          setError(problem);
        }}
      >
        <label htmlFor={inputId} className="flex flex-col text-sm font-medium">
          {t.respiteLabel}
          <input
            id={inputId}
            type="date"
            required
            min={offer.from}
            max={offer.until}
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
            className="mt-1 rounded border border-slate-400 px-2 py-1 text-base"
            data-testid="respite-date"
          />
        </label>
        <button type="submit" disabled={busy} className={PAYMENT_SECONDARY_BUTTON}>
          {t.respiteSubmit}
        </button>
        <p className="w-full text-sm text-slate-800" data-testid="respite-note">
          {t.respiteNote}
        </p>
      </form>
      {error ? (
        <p role="alert" className="mt-2 text-red-800" data-testid="respite-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

export function PaymentPlanOfferPanel({
  locale,
  offer,
  submit,
}: {
  locale: Locale;
  offer: PlanOffer;
  submit: Submit<number>;
}) {
  const t = invoiceChoiceMessages[locale];
  const id = useId();
  const [parts, setParts] = useState(offer.options[0]?.parts ?? 2);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = offer.options.find((option) => option.parts === parts) ?? offer.options[0];
  const money = (ore: number) => formatMoney(ore, { locale });
  if (!chosen) return null;
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="payment-plan-offer"
    >
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {t.planHeading}
      </h2>
      <p className="mt-1">{t.planIntro(offer.maxParts)}</p>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          const problem = await submit(chosen.parts);
          setBusy(false);
          setError(problem);
        }}
      >
        <fieldset>
          <legend className="text-sm font-medium">{t.planPartsLabel}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {offer.options.map((option) => (
              <label key={option.parts} className="flex items-center gap-1">
                <input
                  type="radio"
                  name={`${id}-parts`}
                  value={option.parts}
                  checked={option.parts === chosen.parts}
                  onChange={() => setParts(option.parts)}
                />
                {t.planParts(option.parts)}
              </label>
            ))}
          </div>
        </fieldset>
        <ol className="list-none" data-testid="payment-plan-parts" aria-live="polite">
          {chosen.items.map((item) => (
            <li key={item.position}>
              {t.planPart(item.position, money(item.amountOre), date(item.dueDate, locale))}
            </li>
          ))}
        </ol>
        <p className="text-sm" data-testid="payment-plan-fee">
          {offer.feeOre > 0 ? t.planFee(money(offer.feeOre)) : t.planNoFee}
        </p>
        <p className="text-sm text-slate-800">{t.planTerms}</p>
        <div>
          <button type="submit" disabled={busy} className={PAYMENT_BUTTON}>
            {t.planAccept}
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="mt-2 text-red-800" data-testid="payment-plan-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
