import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BankFilesTable } from "@/components/finance/bank-files-table";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { ObjectiveFormView } from "@/components/finance/collections/objective-form";
import { PreviewResultView } from "@/components/finance/collections/policy-editor";
import { ReferenceRateFormView } from "@/components/finance/collections/reference-rate-form";
import { ReceivablesFilters } from "@/components/receivables/receivables-filters";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { keyShape } from "../key-shape";
import { financeBankMessages } from "./bank";
import { collectionsMessages } from "./collections";
import { collectionsFormMessages } from "./collections-forms";
import { collectionsPageMessages } from "./collections-pages";
import { receivablesMessages } from "./receivables";

describe("the finance console's message files", () => {
  it.each([
    ["bank", financeBankMessages],
    ["receivables", receivablesMessages],
    ["collections", collectionsMessages],
    ["collections-forms", collectionsFormMessages],
    ["collections-pages", collectionsPageMessages],
  ] as const)("%s: Swedish and English have the same keys", (_name, messages) => {
    expect(keyShape(messages.en)).toEqual(keyShape(messages.sv));
  });

  it("shows the bank files, the collections links and the dashboard filters in Swedish", () => {
    const files = renderToStaticMarkup(
      createElement(BankFilesTable, { files: [], limit: 100, locale: "sv" }),
    );
    expect(files).toContain("Inga bankfiler än.");
    const nav = renderToStaticMarkup(
      createElement(CollectionsNav, { current: "/finance/collections", locale: "sv" }),
    );
    expect(nav).toContain("Ekonomi");
    expect(nav).toContain("Brev att skriva ut");
    const filters = renderToStaticMarkup(
      createElement(ReceivablesFilters, {
        action: "/finance",
        filter: {
          period: "month",
          from: parseCalendarDate("2026-01-01"),
          to: parseCalendarDate("2026-06-30"),
          segment: null,
          isBusiness: null,
          marginPercent: 20,
        },
        segmentNames: [],
        showMargin: true,
        locale: "sv",
      }),
    );
    expect(filters).toContain("Antagen marginal (%)");
    expect(filters).toContain(">Visa<");
  });

  it("shows the collections forms in Swedish", () => {
    const noop = () => {};
    const rate = renderToStaticMarkup(
      createElement(ReferenceRateFormView, {
        year: "2026",
        half: "01",
        rate: "",
        state: { kind: "idle" },
        onYear: noop,
        onHalf: noop,
        onRate: noop,
        onSubmit: noop,
        locale: "sv",
      }),
    );
    expect(rate).toContain("Lägg till eller rätta ett halvår");
    expect(rate).toContain("Från 1 juli");
    const objective = renderToStaticMarkup(
      createElement(ObjectiveFormView, {
        draft: { paidWithinDays: "7", churnPenalty: "0", supportPenalty: "0" },
        state: { kind: "idle" },
        onChange: noop,
        onSubmit: noop,
        locale: "sv",
      }),
    );
    expect(objective).toContain("Spara mål");
    const problem = renderToStaticMarkup(
      createElement(PreviewResultView, { preview: null, problem: null, locale: "sv" }),
    );
    expect(problem).toBe("");
  });
});
