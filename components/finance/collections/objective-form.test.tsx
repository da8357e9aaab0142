import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  draftOfObjective,
  type ObjectiveFormState,
  ObjectiveFormView,
  objectiveToInput,
  parsePenalty,
  saveObjective,
} from "@/components/finance/collections/objective-form";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

afterEach(() => vi.unstubAllGlobals());

const view = (state: ObjectiveFormState) =>
  renderToStaticMarkup(
    createElement(ObjectiveFormView, {
      draft: draftOfObjective({ paidWithinDays: 7, churnPenalty: 1, supportPenalty: 0.25 }),
      state,
      onChange: () => {},
      onSubmit: () => {},
    }),
  );

describe("the learner's objective form", () => {
  it("reads penalties typed with a comma or a point, and sends numbers", () => {
    expect(parsePenalty("0,25")).toBe(0.25);
    expect(parsePenalty(" 2.5 ")).toBe(2.5);
    expect(parsePenalty("10")).toBe(10);
    expect(parsePenalty("-1")).toBeNaN();
    expect(parsePenalty("en")).toBeNaN();
    expect(
      objectiveToInput({ paidWithinDays: "14", churnPenalty: "1,5", supportPenalty: "x" }),
    ).toEqual({ paidWithinDays: 14, churnPenalty: 1.5, supportPenalty: null });
  });

  it("offers 3, 7 or 14 days and shows the stored penalties in Swedish", () => {
    const html = view({ kind: "idle" });
    expect(html).toContain('<option value="7" selected="">7 days of the step</option>');
    expect(html).toContain("3 days of the step");
    expect(html).toContain("14 days of the step");
    expect(html).toContain('value="0,25"');
    expect(view({ kind: "saved" })).toContain("Saved.");
  });

  it("shows the server's issue for a field", () => {
    const html = view({
      kind: "failed",
      problem: {
        code: "BAD_INPUT",
        message: "Invalid objective",
        status: 400,
        details: {},
        issues: [{ path: "churnPenalty", message: "churnPenalty is a number from 0 to 10" }],
      },
    });
    expect(html).toContain("churnPenalty is a number from 0 to 10");
    expect(html).toContain('aria-invalid="true"');
  });

  it("puts the objective to the route", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      Response.json({ objective: { paidWithinDays: 3, churnPenalty: 0, supportPenalty: 0 } }),
    );
    vi.stubGlobal("fetch", fetch);
    const input = { paidWithinDays: 3, churnPenalty: 0, supportPenalty: 0 };
    expect(await saveObjective(input)).toMatchObject({ ok: true, body: { objective: input } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/finance/collections/objective");
    expect(init.method).toBe("PUT");
    expect(JSON.parse(String(init.body))).toEqual(input);
  });
});
