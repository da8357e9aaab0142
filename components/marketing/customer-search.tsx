"use client";

import { useEffect, useId, useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { PreviewCustomer } from "@/lib/content/blocks/console-queries";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";

const SEARCH_DELAY_MS = 250;

/** Finds one of the organisation's customers (name or customer number) to preview a block as. */
export function CustomerSearch({
  onChoose,
  locale,
}: {
  onChoose: (customer: PreviewCustomer) => void;
  locale: Locale;
}) {
  const t = blockEditorMessages[locale].search;
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PreviewCustomer[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === "") {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const result = await requestJson<{ customers: PreviewCustomer[] }>(
          `/api/marketing/customers?q=${encodeURIComponent(trimmed)}`,
          { signal: controller.signal },
          t.failed,
        );
        setProblem(result.ok ? null : result.problem.message);
        setResults(result.ok ? result.body.customers : []);
      } catch (error) {
        if (!controller.signal.aborted) setProblem(t.unreachable);
        void error;
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, t]);

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-q`} className="text-sm">
        {t.label}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        className="rounded border border-slate-400 px-2 py-1 text-sm"
        value={query}
        autoComplete="off"
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {problem ? <p className="text-xs text-red-700">{problem}</p> : null}
      {results.length > 0 ? (
        <ul
          aria-label={t.results}
          className="flex flex-col rounded border border-slate-200 bg-white"
          data-testid="preview-customers"
        >
          {results.map((customer) => (
            <li key={customer.id}>
              <button
                type="button"
                className="w-full px-2 py-1 text-left text-sm hover:bg-slate-100 disabled:text-slate-500"
                disabled={!customer.latestInvoice}
                onClick={() => {
                  onChoose(customer);
                  setQuery("");
                }}
              >
                {customer.name} · {customer.customerNumber}
                {customer.latestInvoice
                  ? t.invoice(
                      String(customer.latestInvoice.number ?? ""),
                      String(customer.latestInvoice.issueDate ?? "–"),
                    )
                  : t.noInvoice}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
