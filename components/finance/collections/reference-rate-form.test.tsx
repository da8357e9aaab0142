import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { submitPrinted } from "@/components/finance/collections/mark-printed-button";
import {
  parsePercent,
  type RateFormState,
  ReferenceRateFormView,
} from "@/components/finance/collections/reference-rate-form";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

afterEach(() => vi.unstubAllGlobals());

const view = (state: RateFormState) =>
  renderToStaticMarkup(
    createElement(ReferenceRateFormView, {
      year: "2027",
      half: "01",
      rate: "1,75",
      state,
      onYear: () => {},
      onHalf: () => {},
      onRate: () => {},
      onSubmit: () => {},
    }),
  );

describe("the reference rate form", () => {
  it("reads a rate typed in percent as hundredths of a percent", () => {
    expect(parsePercent("2")).toBe(200);
    expect(parsePercent("1,75")).toBe(175);
    expect(parsePercent("1.5 %")).toBe(150);
    expect(parsePercent("0")).toBe(0);
    expect(parsePercent("-0,5")).toBeNull();
    expect(parsePercent("1,755")).toBeNull();
    expect(parsePercent("två")).toBeNull();
  });

  it("offers the two half-years and says what was saved", () => {
    const html = view({ kind: "saved", validFrom: "2027-01-01", created: true });
    expect(html).toContain('<option value="01" selected="">From 1 January</option>');
    expect(html).toContain("From 1 July");
    expect(html).toContain("Added the rate from 2027-01-01.");
  });

  it("shows the server's issue for the half-year", () => {
    const html = view({
      kind: "failed",
      problem: {
        code: "BAD_INPUT",
        message: "Invalid reference rate",
        status: 400,
        details: {},
        issues: [{ path: "validFrom", message: "a half-year from 2000-01-01 to 2027-07-01" }],
      },
    });
    expect(html).toContain("a half-year from 2000-01-01 to 2027-07-01");
    expect(html).toContain('aria-invalid="true"');
  });
});

describe("marking letters printed", () => {
  it("posts the letters' ids and reads what was marked", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      Response.json({ printed: 2, alreadyPrinted: 0 }),
    );
    vi.stubGlobal("fetch", fetch);
    const ids = ["00000000-0000-4000-8000-0000000000e1", "00000000-0000-4000-8000-0000000000e2"];
    expect(await submitPrinted(ids, "en")).toEqual({
      ok: true,
      body: { printed: 2, alreadyPrinted: 0 },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/finance/collections/letters/printed");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ actionIds: ids });
  });
});
