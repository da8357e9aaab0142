"use client";

import { useState } from "react";
import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";
import { type CreditableLineView, CreditForm } from "./credit-form";
import { DraftLinesEditor } from "./draft-lines-editor";
import { LinkForm } from "./link-form";
import { RespiteForm } from "./respite-form";
import { WaiveFeeForm } from "./waive-fee-form";

type Tab = "credit" | "respite" | "fee" | "link";

/**
 * What an agent may change on this invoice, by Swedish rules: a draft's lines are edited freely;
 * an issued invoice is credited (credit note), given respite or has a fee waived.
 */
export function InvoiceActions({
  invoiceId,
  version,
  status,
  kind,
  dueDate,
  lines,
  fees,
  creditableOre,
  customerHasEmail,
  locale,
}: {
  invoiceId: string;
  version: number;
  status: string;
  kind: string;
  dueDate: string | null;
  lines: Array<
    CreditableLineView & {
      kind: string;
      unitPriceCentiOre: number;
      discountOre: number;
      vatExemptionReason: string | null;
    }
  >;
  fees: Array<{ id: string; amountOre: number; occurredAt: string; memo: string | null }>;
  creditableOre: number;
  customerHasEmail: boolean;
  locale: Locale;
}) {
  const t = agentChangeMessages[locale].actions;
  const [tab, setTab] = useState<Tab>("credit");
  const heading = (
    <h2 id="invoice-actions-heading" className="text-lg font-semibold">
      {t.heading} <span className="text-sm font-normal text-slate-700">{t.version(version)}</span>
    </h2>
  );
  if (kind === "CREDIT_NOTE") return null;
  if (status === "DRAFT") {
    return (
      <section
        aria-labelledby="invoice-actions-heading"
        className="rounded-lg bg-white p-4 shadow-sm"
        data-testid="invoice-actions"
      >
        {heading}
        <p className="mb-2 text-sm text-slate-700">{t.draft}</p>
        {/* Not reset by a newer version: the agent's unsaved rows stay, and saving them is refused. */}
        <DraftLinesEditor invoiceId={invoiceId} version={version} lines={lines} locale={locale} />
      </section>
    );
  }
  const tabs: Array<{ value: Tab; label: string; enabled: boolean }> = [
    { value: "credit", label: t.tabs.credit, enabled: creditableOre > 0 },
    { value: "respite", label: t.tabs.respite, enabled: status === "OPEN" || status === "OVERDUE" },
    { value: "fee", label: t.tabs.fee, enabled: fees.length > 0 },
    // Any issued document's links may need shutting (a leak), paid or credited too; a draft has
    // none (it returns above, and is named here so that stays true if that changes).
    { value: "link", label: t.tabs.link, enabled: status !== "DRAFT" },
  ];
  const available = tabs.filter((entry) => entry.enabled);
  if (available.length === 0) {
    return (
      <section
        aria-labelledby="invoice-actions-heading"
        className="rounded-lg bg-white p-4 shadow-sm"
        data-testid="invoice-actions"
      >
        {heading}
        <p className="text-sm text-slate-700">{t.nothingLeft}</p>
      </section>
    );
  }
  const current = available.some((entry) => entry.value === tab) ? tab : available[0]!.value;
  return (
    <section
      aria-labelledby="invoice-actions-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="invoice-actions"
    >
      {heading}
      <div role="tablist" aria-label={t.tabsLabel} className="my-2 flex gap-2">
        {available.map((entry) => (
          <button
            key={entry.value}
            type="button"
            role="tab"
            aria-selected={current === entry.value}
            onClick={() => setTab(entry.value)}
            className={`rounded-full px-3 py-1 text-sm ${current === entry.value ? "bg-slate-900 text-white" : "ring-1 ring-slate-300"}`}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {current === "credit" ? (
          <CreditForm
            invoiceId={invoiceId}
            version={version}
            lines={lines}
            vatRates={[...new Set(lines.map((l) => l.vatRate))]}
            locale={locale}
          />
        ) : current === "respite" ? (
          <RespiteForm invoiceId={invoiceId} version={version} dueDate={dueDate} locale={locale} />
        ) : current === "fee" ? (
          <WaiveFeeForm invoiceId={invoiceId} version={version} fees={fees} locale={locale} />
        ) : (
          <LinkForm
            invoiceId={invoiceId}
            version={version}
            hasEmail={customerHasEmail}
            locale={locale}
          />
        )}
      </div>
    </section>
  );
}
