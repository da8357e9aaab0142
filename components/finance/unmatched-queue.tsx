"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { adminTime } from "@/components/admin/admin-time";
import { DecisionSubmit } from "@/components/finance/decision-submit";
import { kronor, referenceKindLabel } from "@/components/finance/finance-labels";
import {
  type ClientProblem,
  fieldMessage,
  fieldProblem,
  requestJson,
} from "@/components/ui/problem";
import type { DecisionTarget } from "@/lib/bank-files/bank-file-console";
import type { Suggestion } from "@/lib/bank-files/suggestions";
import type { Locale } from "@/lib/db/generated/client";
import { type FinanceBankMessages, financeBankMessages } from "@/lib/i18n/staff/finance/bank";

/** A payment in the queue as the page hands it over (dates as text). */
export interface QueuePayment {
  id: string;
  bankFileId: string;
  fileName: string;
  amountOre: number;
  bookingDate: string | null;
  referenceKind: string;
  reference: string | null;
  extraReferences: string[];
  payerName: string | null;
  payerAccount: string | null;
  suggestions: Suggestion[];
  /** ISO time it entered the queue. */
  waitingSince: string;
}

export type DecisionAction = "assign-invoice" | "assign-customer" | "return";

export interface DecisionFields {
  action: DecisionAction;
  /** A suggestion's invoice id, or "number" for the invoice number written in `invoiceNumber`. */
  invoiceChoice: string;
  invoiceNumber: string;
  customerNumber: string;
  reason: string;
}

const ACTIONS: readonly DecisionAction[] = ["assign-invoice", "assign-customer", "return"];

const payerOf = (payment: QueuePayment, t: FinanceBankMessages["unmatched"]) =>
  payment.payerName ?? t.unnamedPayer;

type Outcome = { ok: true; message: string } | { ok: false; problem: ClientProblem };

/**
 * One decision: an invoice or customer written by number is first looked up (the decision names
 * ids), then the decision is sent. What it did is said in words for the queue's status line.
 */
export async function submitDecision(
  payment: QueuePayment,
  fields: DecisionFields,
  locale: Locale,
): Promise<Outcome> {
  const t = financeBankMessages[locale].unmatched;
  const reason = fields.reason.trim();
  if (reason.length < 3) return { ok: false, problem: fieldProblem("reason", t.sayWhy) };
  const money = t.money(kronor(payment.amountOre), payerOf(payment, t));
  let body: Record<string, string>;
  let message: string;
  if (fields.action === "assign-invoice") {
    const suggested = payment.suggestions.find((s) => s.invoiceId === fields.invoiceChoice);
    if (suggested) {
      body = { action: fields.action, invoiceId: suggested.invoiceId, reason };
      message = t.bookedOn(money, String(suggested.number ?? ""), suggested.customerName);
    } else {
      const number = fields.invoiceNumber.trim();
      if (fields.invoiceChoice !== "number" || number === "") {
        return {
          ok: false,
          problem: fieldProblem("invoiceNumber", t.chooseInvoice),
        };
      }
      const found = await requestJson<Extract<DecisionTarget, { kind: "invoice" }>>(
        `/api/finance/decision-targets?invoiceNumber=${encodeURIComponent(number)}`,
        {},
        t.invoiceNotFound,
      );
      if (!found.ok) return found;
      body = { action: fields.action, invoiceId: found.body.invoiceId, reason };
      message = t.bookedOn(money, String(found.body.number), found.body.customerName);
    }
  } else if (fields.action === "assign-customer") {
    const number = fields.customerNumber.trim();
    if (number === "") {
      return { ok: false, problem: fieldProblem("customerNumber", t.writeCustomer) };
    }
    const found = await requestJson<Extract<DecisionTarget, { kind: "customer" }>>(
      `/api/finance/decision-targets?customerNumber=${encodeURIComponent(number)}`,
      {},
      t.customerNotFound,
    );
    if (!found.ok) return found;
    body = { action: fields.action, customerId: found.body.customerId, reason };
    message = t.putOnBalance(money, found.body.name, found.body.customerNumber);
  } else {
    body = { action: fields.action, reason };
    message = t.markedReturn(money);
  }
  const decided = await requestJson<{ status: string }>(
    `/api/finance/unmatched-payments/${payment.id}`,
    { method: "POST", body },
    t.notDecided,
  );
  return decided.ok ? { ok: true, message } : decided;
}

/**
 * The unmatched-payments queue, oldest first: each payment with what the bank said about it, the
 * suggested invoices, and a form to decide it. A decided payment leaves the list at once (and
 * the page is read again); the status line says what was done.
 */
export function UnmatchedQueue({
  payments,
  canOpenFiles,
  canOpenInvoices,
  locale,
}: {
  payments: QueuePayment[];
  locale: Locale;
  /** The file's report is the finance console's (FINANCE, ADMIN). */
  canOpenFiles: boolean;
  /** The invoice workspace is the agents' (AGENT, ADMIN). */
  canOpenInvoices: boolean;
}) {
  const router = useRouter();
  const [decided, setDecided] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const waiting = payments.filter((payment) => !decided.includes(payment.id));
  return (
    <>
      <p
        role="status"
        className="mt-3 text-sm font-medium text-green-800"
        data-testid="unmatched-decided"
      >
        {announcement}
      </p>
      {waiting.length === 0 ? (
        <p className="mt-4 text-slate-700" data-testid="unmatched-empty">
          {financeBankMessages[locale].unmatched.nothingWaits}
        </p>
      ) : (
        <ol className="mt-2 grid gap-6">
          {waiting.map((payment) => (
            <UnmatchedPaymentItem
              key={payment.id}
              payment={payment}
              canOpenFiles={canOpenFiles}
              canOpenInvoices={canOpenInvoices}
              locale={locale}
              onDecided={(message) => {
                setDecided((current) => [...current, payment.id]);
                setAnnouncement(message);
                router.refresh();
              }}
              onReload={() => router.refresh()}
            />
          ))}
        </ol>
      )}
    </>
  );
}

function UnmatchedPaymentItem({
  payment,
  canOpenFiles,
  canOpenInvoices,
  locale,
  onDecided,
  onReload,
}: {
  payment: QueuePayment;
  canOpenFiles: boolean;
  canOpenInvoices: boolean;
  locale: Locale;
  onDecided: (message: string) => void;
  onReload: () => void;
}) {
  const [fields, setFields] = useState<DecisionFields>({
    action: "assign-invoice",
    invoiceChoice: payment.suggestions.length === 0 ? "number" : "",
    invoiceNumber: "",
    customerNumber: "",
    reason: "",
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const outcome = await submitDecision(payment, fields, locale);
    setBusy(false);
    if (outcome.ok) onDecided(outcome.message);
    else setProblem(outcome.problem);
  };
  return (
    <UnmatchedPaymentView
      payment={payment}
      canOpenFiles={canOpenFiles}
      canOpenInvoices={canOpenInvoices}
      locale={locale}
      fields={fields}
      busy={busy}
      problem={problem}
      onChange={(change) => setFields((current) => ({ ...current, ...change }))}
      onSubmit={submit}
      onReload={onReload}
    />
  );
}

/** One queued payment and its decision form, in a given state (tested on its own). */
export function UnmatchedPaymentView({
  payment,
  canOpenFiles,
  canOpenInvoices,
  fields,
  busy,
  problem,
  onChange,
  onSubmit,
  onReload,
  locale,
}: {
  payment: QueuePayment;
  canOpenFiles: boolean;
  canOpenInvoices: boolean;
  locale: Locale;
  fields: DecisionFields;
  busy: boolean;
  problem: ClientProblem | null;
  onChange: (change: Partial<DecisionFields>) => void;
  onSubmit: (event: React.FormEvent) => void;
  onReload: () => void;
}) {
  const id = useId();
  const t = financeBankMessages[locale].unmatched;
  const action = t.actions[fields.action] ?? t.actions["assign-invoice"];
  const invoiceError = fieldMessage(problem, "invoiceNumber") ?? fieldMessage(problem, "invoiceId");
  const customerError =
    fieldMessage(problem, "customerNumber") ?? fieldMessage(problem, "customerId");
  const reasonError = fieldMessage(problem, "reason");
  const fieldError = invoiceError ?? customerError ?? reasonError;
  const conflict = problem?.status === 409;
  return (
    <li data-testid="unmatched-payment" data-bank-payment-id={payment.id}>
      <article
        aria-labelledby={`${id}-heading`}
        className="rounded border border-slate-200 bg-white p-4"
      >
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {t.heading(kronor(payment.amountOre), payerOf(payment, t))}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t.bookingDate}</dt>
          <dd>{payment.bookingDate ?? "—"}</dd>
          <dt className="font-medium">{t.reference}</dt>
          <dd className="break-words" data-testid="unmatched-reference">
            {payment.reference === null
              ? t.noneGiven
              : `${referenceKindLabel(payment.referenceKind, locale)}: ${payment.reference}`}
            {payment.extraReferences.length > 0 ? (
              <span className="block text-slate-700">
                {t.also(payment.extraReferences.join(" · "))}
              </span>
            ) : null}
          </dd>
          <dt className="font-medium">{t.payer}</dt>
          <dd className="break-words">
            {payment.payerName ?? t.noName}
            {payment.payerAccount ? (
              <span className="ml-2 font-mono text-slate-700">{payment.payerAccount}</span>
            ) : null}
          </dd>
          <dt className="font-medium">{t.file}</dt>
          <dd className="break-all">
            {canOpenFiles ? (
              <Link
                href={`/finance/bank-files/${payment.bankFileId}`}
                className="text-blue-800 underline"
              >
                {payment.fileName}
              </Link>
            ) : (
              payment.fileName
            )}
          </dd>
          <dt className="font-medium">{t.waitingSince}</dt>
          <dd>{adminTime(new Date(payment.waitingSince))}</dd>
        </dl>

        <h3 className="mt-4 font-semibold">{t.suggestions}</h3>
        {payment.suggestions.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700" data-testid="no-suggestions">
            {t.noSuggestions}
          </p>
        ) : (
          <SuggestionsTable
            suggestions={payment.suggestions}
            canOpenInvoices={canOpenInvoices}
            t={t}
          />
        )}

        <form
          onSubmit={onSubmit}
          aria-labelledby={`${id}-decide`}
          className="mt-4 grid gap-3 border-t border-slate-200 pt-3 text-sm"
          data-testid="unmatched-decision-form"
          noValidate
        >
          <h3 id={`${id}-decide`} className="font-semibold">
            {t.decide}
          </h3>
          <fieldset className="grid gap-1">
            <legend className="font-medium">{t.whatToDo}</legend>
            {ACTIONS.map((option) => (
              <div key={option} className="flex items-center gap-2">
                <input
                  id={`${id}-action-${option}`}
                  type="radio"
                  name={`${id}-action`}
                  value={option}
                  checked={fields.action === option}
                  onChange={() => onChange({ action: option })}
                />
                <label htmlFor={`${id}-action-${option}`}>{t.actions[option].label}</label>
              </div>
            ))}
            <p className="text-slate-600">{action.hint}</p>
          </fieldset>

          {fields.action === "assign-invoice" ? (
            <fieldset
              className="grid gap-1"
              aria-invalid={invoiceError ? true : undefined}
              aria-describedby={invoiceError ? `${id}-invoice-error` : undefined}
            >
              <legend className="font-medium">{t.invoiceToBook}</legend>
              {payment.suggestions.map((suggestion) => (
                <div key={suggestion.invoiceId} className="flex items-center gap-2">
                  <input
                    id={`${id}-invoice-${suggestion.invoiceId}`}
                    type="radio"
                    name={`${id}-invoice`}
                    value={suggestion.invoiceId}
                    checked={fields.invoiceChoice === suggestion.invoiceId}
                    onChange={() => onChange({ invoiceChoice: suggestion.invoiceId })}
                  />
                  <label htmlFor={`${id}-invoice-${suggestion.invoiceId}`}>
                    {t.suggestionLabel(
                      String(suggestion.number ?? "—"),
                      suggestion.customerName,
                      kronor(suggestion.totalOre),
                    )}
                  </label>
                </div>
              ))}
              {payment.suggestions.length > 0 ? (
                <div className="flex items-center gap-2">
                  <input
                    id={`${id}-invoice-number-choice`}
                    type="radio"
                    name={`${id}-invoice`}
                    value="number"
                    checked={fields.invoiceChoice === "number"}
                    onChange={() => onChange({ invoiceChoice: "number" })}
                  />
                  <label htmlFor={`${id}-invoice-number-choice`}>{t.anotherInvoice}</label>
                </div>
              ) : null}
              <label htmlFor={`${id}-invoice-number`} className="mt-1">
                {t.invoiceNumber}
              </label>
              <input
                id={`${id}-invoice-number`}
                name="invoiceNumber"
                inputMode="numeric"
                autoComplete="off"
                value={fields.invoiceNumber}
                maxLength={9}
                aria-invalid={invoiceError ? true : undefined}
                aria-describedby={invoiceError ? `${id}-invoice-error` : undefined}
                onChange={(event) =>
                  onChange({ invoiceNumber: event.target.value, invoiceChoice: "number" })
                }
                className="max-w-40 rounded border border-slate-400 px-2 py-1"
              />
              {invoiceError ? (
                <span id={`${id}-invoice-error`} className="text-red-800">
                  {invoiceError}
                </span>
              ) : null}
            </fieldset>
          ) : null}

          {fields.action === "assign-customer" ? (
            <div className="grid gap-1">
              <label htmlFor={`${id}-customer-number`} className="font-medium">
                {t.customerNumber}
              </label>
              <input
                id={`${id}-customer-number`}
                name="customerNumber"
                autoComplete="off"
                value={fields.customerNumber}
                maxLength={40}
                aria-invalid={customerError ? true : undefined}
                aria-describedby={customerError ? `${id}-customer-error` : undefined}
                onChange={(event) => onChange({ customerNumber: event.target.value })}
                className="max-w-60 rounded border border-slate-400 px-2 py-1"
              />
              {customerError ? (
                <span id={`${id}-customer-error`} className="text-red-800">
                  {customerError}
                </span>
              ) : null}
            </div>
          ) : null}

          <div className="grid gap-1">
            <label htmlFor={`${id}-reason`} className="font-medium">
              {t.reason}
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              value={fields.reason}
              rows={2}
              required
              maxLength={500}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${id}-reason-hint${reasonError ? ` ${id}-reason-error` : ""}`}
              onChange={(event) => onChange({ reason: event.target.value })}
              className="max-w-xl rounded border border-slate-400 px-2 py-1"
            />
            <span id={`${id}-reason-hint`} className="text-slate-600">
              {t.reasonHint}
            </span>
            {reasonError ? (
              <span id={`${id}-reason-error`} className="text-red-800">
                {reasonError}
              </span>
            ) : null}
          </div>

          <DecisionSubmit
            label={action.submit}
            busy={busy}
            problemText={problem ? (fieldError ? t.seeFields : problem.message) : ""}
            problemTestId="unmatched-decision-problem"
            conflict={conflict}
            reloadLabel={t.reload}
            onReload={onReload}
          />
        </form>
      </article>
    </li>
  );
}

function SuggestionsTable({
  suggestions,
  canOpenInvoices,
  t,
}: {
  suggestions: Suggestion[];
  canOpenInvoices: boolean;
  t: FinanceBankMessages["unmatched"];
}) {
  return (
    <table className="mt-1 w-full border-collapse text-left text-sm">
      <caption className="py-1 text-left text-slate-700">{t.suggestionsCaption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            {t.suggestionColumns.invoice}
          </th>
          <th scope="col" className="p-2">
            {t.suggestionColumns.customer}
          </th>
          <th scope="col" className="p-2 text-right">
            {t.suggestionColumns.total}
          </th>
          <th scope="col" className="p-2 text-right">
            {t.suggestionColumns.score}
          </th>
          <th scope="col" className="p-2">
            {t.suggestionColumns.why}
          </th>
        </tr>
      </thead>
      <tbody>
        {suggestions.map((suggestion) => (
          <tr
            key={suggestion.invoiceId}
            className="border-b border-slate-200 align-top"
            data-testid="unmatched-suggestion"
          >
            <th scope="row" className="p-2 font-normal">
              {canOpenInvoices ? (
                <Link
                  href={`/agent/invoices/${suggestion.invoiceId}`}
                  className="text-blue-800 underline"
                >
                  {suggestion.number ?? "—"}
                </Link>
              ) : (
                (suggestion.number ?? "—")
              )}
            </th>
            <td className="p-2 break-words">{suggestion.customerName}</td>
            <td className="p-2 text-right tabular-nums whitespace-nowrap">
              {kronor(suggestion.totalOre)}
            </td>
            <td className="p-2 text-right tabular-nums">{suggestion.score}</td>
            <td className="p-2">
              <ul className="list-disc pl-4">
                {suggestion.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
