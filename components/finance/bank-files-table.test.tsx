import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BankFilesTable } from "@/components/finance/bank-files-table";
import type { BankFileListRow } from "@/lib/bank-files/bank-file-console";

const file = (overrides: Partial<BankFileListRow>): BankFileListRow => ({
  id: "00000000-0000-4000-8000-0000000000f1",
  fileName: "camt054-2026-12-11.xml",
  format: "CAMT054",
  source: "UPLOAD",
  status: "IMPORTED",
  sizeBytes: 4_096,
  receivedAt: new Date("2026-12-11T07:15:00Z"),
  processedAt: new Date("2026-12-11T07:15:02Z"),
  refusalReason: null,
  summary: {
    entries: 3,
    booked: 2,
    bookedOre: 123_450,
    unmatched: 1,
    unmatchedOre: 10_000,
    alreadyBooked: 0,
    notPayments: 0,
    totalOre: 133_450,
  },
  ...overrides,
});

const render = (files: BankFileListRow[]) =>
  renderToStaticMarkup(createElement(BankFilesTable, { files, limit: 100, locale: "en" }));
const rows = (html: string) => html.split('data-testid="bank-file-row"').slice(1);

describe("the list of bank files", () => {
  it("says so when there is none", () => {
    expect(render([])).toContain("No bank files yet.");
  });

  it("shows each file's time, name (opening its report), format, source, status, counts and sums in kronor", () => {
    const html = render([
      file({}),
      file({
        id: "00000000-0000-4000-8000-0000000000f2",
        fileName: "BGMAX.TXT",
        format: "BGMAX",
        source: "FOLDER",
        status: "REFUSED",
        refusalReason: "Refused, nothing booked: TK70 payment count — 3 said, 2 found",
        summary: null,
      }),
      file({
        id: "00000000-0000-4000-8000-0000000000f3",
        source: "API",
        status: "RECEIVED",
        summary: null,
      }),
    ]);
    expect(html).toContain("<caption");
    expect(html).toContain("newest first");
    const [imported, refused, received] = rows(html);
    expect(imported).toContain('data-status="IMPORTED"');
    expect(imported).toContain('href="/finance/bank-files/00000000-0000-4000-8000-0000000000f1"');
    expect(imported).toContain("camt054-2026-12-11.xml");
    expect(imported).toContain("2026-12-11 08:15:00"); // Swedish time
    expect(imported).toContain(">camt.054<");
    expect(imported).toContain(">Upload<");
    expect(imported).toContain(">Imported<");
    expect(imported).toContain("1\u00a0234,50\u00a0kr");
    expect(imported).toContain("100,00\u00a0kr");
    expect(imported).toContain("1\u00a0334,50\u00a0kr");
    expect(refused).toContain(">BgMax<");
    expect(refused).toContain(">Watched folder<");
    expect(refused).toContain(">Refused<");
    expect(refused).toContain("TK70 payment count — 3 said, 2 found");
    expect(received).toContain(">API<");
    expect(received).toContain("Received, being imported");
    expect(received).not.toContain("kr");
  });

  it("renders a file name as text", () => {
    const html = render([file({ fileName: "<img src=x onerror=alert(1)>.xml" })]);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;.xml");
  });
});
