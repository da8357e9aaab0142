"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { adminTime } from "@/components/admin/admin-time";
import { DecisionSubmit } from "@/components/finance/decision-submit";
import { kronor } from "@/components/finance/finance-labels";
import {
  type ClientProblem,
  fieldMessage,
  fieldProblem,
  requestJson,
} from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { type FinanceBankMessages, financeBankMessages } from "@/lib/i18n/staff/finance/bank";

/** A payment back as the page hands it over (dates as text). */
export interface RepaymentItem {
  id: string;
  amountOre: number;
  reason: string;
  method: string;
  payerName: string | null;
  payerAccount: string | null;
  bookingDate: string | null;
  /** ISO time it was planned. */
  plannedAt: string;
  invoice: { id: string; number: number | null; customerName: string } | null;
}

export type RepaymentAction = "paid-back" | "keep-as-credit";

export interface RepaymentFields {
  action: RepaymentAction;
  bankReference: string;
  note: string;
}

const payerOf = (item: RepaymentItem, t: FinanceBankMessages["repayments"]) =>
  item.payerName ?? t.unnamedPayer;

/** One decision, checked as the server will check it, then sent; what it did in words. */
export async function submitRepayment(
  item: RepaymentItem,
  fields: RepaymentFields,
  locale: Locale,
): Promise<{ ok: true; message: string } | { ok: false; problem: ClientProblem }> {
  const t = financeBankMessages[locale].repayments;
  const note = fields.note.trim();
  let body: Record<string, string>;
  if (fields.action === "paid-back") {
    const bankReference = fields.bankReference.trim();
    if (bankReference.length < 3) {
      return { ok: false, problem: fieldProblem("bankReference", t.writeReference) };
    }
    body = { action: "paid-back", bankReference, ...(note ? { note } : {}) };
  } else {
    if (note.length < 3) return { ok: false, problem: fieldProblem("note", t.sayWhy) };
    body = { action: "keep-as-credit", note };
  }
  const decided = await requestJson<{ status: string }>(
    `/api/finance/bank-repayments/${item.id}`,
    { method: "POST", body },
    t.notSaved,
  );
  if (!decided.ok) return decided;
  const how =
    fields.action === "paid-back" ? t.decidedStatus.PAID_BACK : t.decidedStatus.KEPT_AS_CREDIT;
  return {
    ok: true,
    message: t.saved(kronor(item.amountOre), payerOf(item, t), how!.toLowerCase()),
  };
}

/**
 * The payments back waiting for finance, oldest first, each with what the bank said about the
 * payer and a form: paid back (with the bank's reference) or kept as credit (with why). A decided
 * one leaves the list at once (and the page is read again); the status line says what was done.
 */
export function RepaymentList({
  items,
  locale,
  canOpenInvoices,
}: {
  items: RepaymentItem[];
  locale: Locale;
  canOpenInvoices: boolean;
}) {
  const router = useRouter();
  const [decided, setDecided] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const t = financeBankMessages[locale].repayments;
  const waiting = items.filter((item) => !decided.includes(item.id));
  return (
    <>
      <p
        role="status"
        className="mt-3 text-sm font-medium text-green-800"
        data-testid="repayment-decided"
      >
        {announcement}
      </p>
      {waiting.length === 0 ? (
        <p className="mt-4 text-slate-700" data-testid="repayments-empty">
          {t.none}
        </p>
      ) : (
        <ol className="mt-2 grid gap-6">
          {waiting.map((item) => (
            <RepaymentRow
              key={item.id}
              item={item}
              locale={locale}
              canOpenInvoices={canOpenInvoices}
              onDecided={(message) => {
                setDecided((current) => [...current, item.id]);
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

function RepaymentRow({
  item,
  locale,
  canOpenInvoices,
  onDecided,
  onReload,
}: {
  item: RepaymentItem;
  locale: Locale;
  canOpenInvoices: boolean;
  onDecided: (message: string) => void;
  onReload: () => void;
}) {
  const [fields, setFields] = useState<RepaymentFields>({
    action: "paid-back",
    bankReference: "",
    note: "",
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const outcome = await submitRepayment(item, fields, locale);
    setBusy(false);
    if (outcome.ok) onDecided(outcome.message);
    else setProblem(outcome.problem);
  };
  return (
    <RepaymentView
      item={item}
      locale={locale}
      canOpenInvoices={canOpenInvoices}
      fields={fields}
      busy={busy}
      problem={problem}
      onChange={(change) => setFields((current) => ({ ...current, ...change }))}
      onSubmit={submit}
      onReload={onReload}
    />
  );
}

/** One payment back and its form, in a given state (tested on its own). */
export function RepaymentView({
  item,
  locale,
  canOpenInvoices,
  fields,
  busy,
  problem,
  onChange,
  onSubmit,
  onReload,
}: {
  item: RepaymentItem;
  locale: Locale;
  canOpenInvoices: boolean;
  fields: RepaymentFields;
  busy: boolean;
  problem: ClientProblem | null;
  onChange: (change: Partial<RepaymentFields>) => void;
  onSubmit: (event: React.FormEvent) => void;
  onReload: () => void;
}) {
  const id = useId();
  const t = financeBankMessages[locale].repayments;
  const referenceError = fieldMessage(problem, "bankReference");
  const noteError = fieldMessage(problem, "note");
  const fieldError = referenceError ?? noteError;
  const conflict = problem?.status === 409;
  const invoiceLabel = item.invoice
    ? `${item.invoice.number ?? "—"} · ${item.invoice.customerName}`
    : t.noInvoice;
  return (
    <li data-testid="repayment" data-repayment-id={item.id}>
      <article
        aria-labelledby={`${id}-heading`}
        className="rounded border border-slate-200 bg-white p-4"
      >
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {t.heading(kronor(item.amountOre), payerOf(item, t))}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t.why}</dt>
          <dd data-testid="repayment-reason">{t.reason[item.reason] ?? item.reason}</dd>
          <dt className="font-medium">{t.cameBy}</dt>
          <dd data-testid="repayment-method">{t.method[item.method] ?? item.method}</dd>
          <dt className="font-medium">{t.account}</dt>
          <dd className="break-all font-mono" data-testid="repayment-account">
            {item.payerAccount ?? <span className="font-sans text-amber-900">{t.noAccount}</span>}
          </dd>
          <dt className="font-medium">{t.invoice}</dt>
          <dd className="break-words">
            {item.invoice && canOpenInvoices ? (
              <Link href={`/agent/invoices/${item.invoice.id}`} className="text-blue-800 underline">
                {invoiceLabel}
              </Link>
            ) : (
              invoiceLabel
            )}
          </dd>
          <dt className="font-medium">{t.paidOn}</dt>
          <dd>{item.bookingDate ?? "—"}</dd>
          <dt className="font-medium">{t.planned}</dt>
          <dd>{adminTime(new Date(item.plannedAt))}</dd>
        </dl>

        <form
          onSubmit={onSubmit}
          aria-labelledby={`${id}-heading`}
          className="mt-4 grid gap-3 border-t border-slate-200 pt-3 text-sm"
          data-testid="repayment-form"
          noValidate
        >
          <fieldset className="grid gap-1">
            <legend className="font-medium">{t.whatToDo}</legend>
            {(["paid-back", "keep-as-credit"] as const).map((option) => (
              <div key={option} className="flex items-center gap-2">
                <input
                  id={`${id}-action-${option}`}
                  type="radio"
                  name={`${id}-action`}
                  value={option}
                  checked={fields.action === option}
                  onChange={() => onChange({ action: option })}
                />
                <label htmlFor={`${id}-action-${option}`}>
                  {option === "paid-back" ? t.paidBack : t.keep}
                </label>
              </div>
            ))}
            <p className="text-slate-600">
              {fields.action === "paid-back" ? t.paidBackHint : t.keepHint}
            </p>
          </fieldset>

          {fields.action === "paid-back" ? (
            <div className="grid gap-1">
              <label htmlFor={`${id}-reference`} className="font-medium">
                {t.bankReference}
              </label>
              <input
                id={`${id}-reference`}
                name="bankReference"
                autoComplete="off"
                value={fields.bankReference}
                maxLength={100}
                required
                aria-invalid={referenceError ? true : undefined}
                aria-describedby={referenceError ? `${id}-reference-error` : undefined}
                onChange={(event) => onChange({ bankReference: event.target.value })}
                className="max-w-md rounded border border-slate-400 px-2 py-1"
              />
              {referenceError ? (
                <span id={`${id}-reference-error`} className="text-red-800">
                  {referenceError}
                </span>
              ) : null}
            </div>
          ) : null}

          <div className="grid gap-1">
            <label htmlFor={`${id}-note`} className="font-medium">
              {fields.action === "paid-back" ? t.note : t.noteRequired}
            </label>
            <textarea
              id={`${id}-note`}
              name="note"
              value={fields.note}
              rows={2}
              maxLength={500}
              required={fields.action === "keep-as-credit"}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? `${id}-note-error` : undefined}
              onChange={(event) => onChange({ note: event.target.value })}
              className="max-w-xl rounded border border-slate-400 px-2 py-1"
            />
            {noteError ? (
              <span id={`${id}-note-error`} className="text-red-800">
                {noteError}
              </span>
            ) : null}
          </div>

          <DecisionSubmit
            label={t.submit}
            busy={busy}
            problemText={problem ? (fieldError ? t.seeFields : problem.message) : ""}
            problemTestId="repayment-problem"
            conflict={conflict}
            reloadLabel={t.reload}
            onReload={onReload}
          />
        </form>
      </article>
    </li>
  );
}
