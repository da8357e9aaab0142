"use client";

import { useState } from "react";
import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";
import {
  formatMoneyPlain,
  formatUnitPricePlain,
  parseMoney,
  parseUnitPrice,
} from "@/lib/money/money";
import { parseQuantityMilli } from "@/lib/money/quantity";
import { ChangedMeanwhile, OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

export interface DraftLineView {
  kind: string;
  description: string;
  quantityMilli: number;
  unit: string;
  unitPriceCentiOre: number;
  vatRate: number;
  discountOre: number;
  vatExemptionReason: string | null;
}

interface Row {
  key: string;
  kind: string;
  description: string;
  quantity: string;
  unit: string;
  price: string;
  discount: string;
  vatRate: number;
  vatExemptionReason: string;
}

/** The reasons agents pick most for a 0 % line (ML 17 kap. 24 § 1 st. 11–12 p.). */
const EXEMPTION_REASONS = [
  "Undantag från skatteplikt enligt 10 kap. ML",
  "Omvänd betalningsskyldighet",
  "Unionsintern leverans, 3 kap. 30 a § ML",
];

const toRow = (line: DraftLineView, index: number): Row => ({
  key: `line-${index}`,
  kind: line.kind,
  description: line.description,
  quantity: String(line.quantityMilli / 1000).replace(".", ","),
  unit: line.unit,
  price: formatUnitPricePlain(line.unitPriceCentiOre, "sv"),
  discount: line.discountOre ? formatMoneyPlain(line.discountOre, "sv") : "",
  vatRate: line.vatRate,
  vatExemptionReason: line.vatExemptionReason ?? "",
});

/** Edits a draft's lines freely (a draft is not yet an invoice in law); saved as one change. */
export function DraftLinesEditor({
  invoiceId,
  version,
  lines,
  locale,
}: {
  invoiceId: string;
  version: number;
  lines: DraftLineView[];
  locale: Locale;
}) {
  const t = agentChangeMessages[locale].draft;
  const [rows, setRows] = useState<Row[]>(() => lines.map(toRow));
  const { outcome, submit, setOutcome, touch, changedMeanwhile } = useInvoiceChange(
    invoiceId,
    version,
    locale,
  );
  const update = (key: string, patch: Partial<Row>) => {
    touch();
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const save = async () => {
    let payload: unknown[];
    try {
      payload = rows.map((row, index) => {
        const label = t.line(index + 1);
        if (!row.description.trim()) throw new Error(t.needsDescription(label));
        const reason = row.vatExemptionReason.trim();
        if (row.vatRate === 0 && !reason) {
          throw new Error(t.needsReason(label));
        }
        const read = <T,>(what: string, parse: () => T): T => {
          try {
            return parse();
          } catch (error) {
            throw new Error(t.unreadable(label, what, (error as Error).message));
          }
        };
        return {
          kind: row.kind,
          description: row.description.trim(),
          quantityMilli: read(t.fields.quantity, () => parseQuantityMilli(row.quantity)),
          unit: row.unit.trim() || "st",
          unitPriceCentiOre: read(t.fields.price, () =>
            parseUnitPrice(row.price, { locale: "sv" }),
          ),
          ...(row.discount.trim()
            ? {
                discountOre: read(t.fields.discount, () =>
                  parseMoney(row.discount, { locale: "sv" }),
                ),
              }
            : {}),
          vatRate: row.vatRate,
          ...(row.vatRate === 0 ? { vatExemptionReason: reason } : {}),
        };
      });
    } catch (error) {
      setOutcome({ kind: "error", message: (error as Error).message });
      return;
    }
    await submit({ action: "edit-lines", lines: payload }, t.saved);
  };
  return (
    <div className="flex flex-col gap-3" data-testid="draft-lines-editor">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th scope="col">{t.headers.description}</th>
            <th scope="col">{t.headers.quantity}</th>
            <th scope="col">{t.headers.unit}</th>
            <th scope="col">{t.headers.price}</th>
            <th scope="col">{t.headers.discount}</th>
            <th scope="col">{t.headers.vat}</th>
            <th scope="col">
              <span className="sr-only">{t.headers.remove}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>
                <input
                  aria-label={t.aria.description(index + 1)}
                  value={row.description}
                  maxLength={200}
                  onChange={(e) => update(row.key, { description: e.target.value })}
                  className="w-full rounded border border-slate-400 px-1"
                />
              </td>
              <td>
                <input
                  aria-label={t.aria.quantity(index + 1)}
                  value={row.quantity}
                  inputMode="decimal"
                  onChange={(e) => update(row.key, { quantity: e.target.value })}
                  className="w-16 rounded border border-slate-400 px-1"
                />
              </td>
              <td>
                <input
                  aria-label={t.aria.unit(index + 1)}
                  value={row.unit}
                  maxLength={20}
                  onChange={(e) => update(row.key, { unit: e.target.value })}
                  className="w-14 rounded border border-slate-400 px-1"
                />
              </td>
              <td>
                <input
                  aria-label={t.aria.price(index + 1)}
                  value={row.price}
                  inputMode="decimal"
                  onChange={(e) => update(row.key, { price: e.target.value })}
                  className="w-24 rounded border border-slate-400 px-1"
                />
              </td>
              <td>
                <input
                  aria-label={t.aria.discount(index + 1)}
                  value={row.discount}
                  inputMode="decimal"
                  placeholder="0"
                  onChange={(e) => update(row.key, { discount: e.target.value })}
                  className="w-20 rounded border border-slate-400 px-1"
                />
              </td>
              <td>
                <select
                  aria-label={t.aria.vatRate(index + 1)}
                  value={row.vatRate}
                  onChange={(e) => update(row.key, { vatRate: Number(e.target.value) })}
                  className="rounded border border-slate-400"
                >
                  {[25, 12, 6, 0].map((rate) => (
                    <option key={rate} value={rate}>
                      {rate} %
                    </option>
                  ))}
                </select>
                {row.vatRate === 0 ? (
                  <input
                    aria-label={t.aria.exemption(index + 1)}
                    value={row.vatExemptionReason}
                    maxLength={200}
                    list="vat-exemption-reasons"
                    placeholder={t.exemptionPlaceholder}
                    onChange={(e) => update(row.key, { vatExemptionReason: e.target.value })}
                    className="mt-1 block w-56 rounded border border-slate-400 px-1"
                  />
                ) : null}
              </td>
              <td>
                <button
                  type="button"
                  aria-label={t.aria.remove(index + 1)}
                  onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  className="px-2 text-red-800"
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <datalist id="vat-exemption-reasons">
        {EXEMPTION_REASONS.map((reason) => (
          <option key={reason} value={reason} />
        ))}
      </datalist>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() =>
            setRows((current) => [
              ...current,
              {
                key: `new-${Date.now()}`,
                kind: "OTHER",
                description: "",
                quantity: "1",
                unit: "st",
                price: "0",
                discount: "",
                vatRate: 25,
                vatExemptionReason: "",
              },
            ])
          }
          className="rounded border border-slate-400 px-3 py-1 text-sm"
        >
          {t.addLine}
        </button>
        <button
          type="button"
          onClick={() => void save()}
          disabled={outcome.kind === "busy"}
          className="rounded bg-slate-900 px-4 py-1 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t.save}
        </button>
      </div>
      <ChangedMeanwhile show={changedMeanwhile} locale={locale} />
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}
