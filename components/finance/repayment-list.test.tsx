import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type RepaymentFields,
  type RepaymentItem,
  RepaymentList,
  RepaymentView,
  submitRepayment,
} from "@/components/finance/repayment-list";
import type { ClientProblem } from "@/components/ui/problem";

// Rendered outside Next: the list's router is only used after a decision.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const item = (overrides: Partial<RepaymentItem> = {}): RepaymentItem => ({
  id: "00000000-0000-4000-8000-0000000000a1",
  amountOre: 2_500,
  reason: "overpaid",
  method: "bankgiro",
  payerName: "Anna Över",
  payerAccount: "SE4550000000058398257466",
  bookingDate: "2026-12-11",
  plannedAt: "2026-12-11T08:00:00.000Z",
  invoice: { id: "00000000-0000-4000-8000-0000000000c1", number: 1042, customerName: "Anna Över" },
  ...overrides,
});
const fields = (overrides: Partial<RepaymentFields> = {}): RepaymentFields => ({
  action: "paid-back",
  bankReference: "",
  note: "",
  ...overrides,
});
const noop = () => {};
const view = (
  props: Partial<Parameters<typeof RepaymentView>[0]> = {},
  shown: RepaymentItem = item(),
) =>
  renderToStaticMarkup(
    createElement(RepaymentView, {
      item: shown,
      locale: "en",
      canOpenInvoices: true,
      fields: fields(),
      busy: false,
      problem: null,
      onChange: noop,
      onSubmit: noop,
      onReload: noop,
      ...props,
    }),
  );

afterEach(() => vi.unstubAllGlobals());

describe("the payments back list", () => {
  it("says so when nothing waits", () => {
    const html = renderToStaticMarkup(
      createElement(RepaymentList, { items: [], locale: "sv", canOpenInvoices: true }),
    );
    expect(html).toContain("Inget väntar på att betalas tillbaka.");
  });

  it("shows amount, payer, why, how it came, the account and the invoice", () => {
    const html = view();
    expect(html).toContain("25,00\u00a0kr to Anna Över");
    expect(html).toContain("Overpayment");
    expect(html).toContain("Bankgiro");
    expect(html).toContain("SE4550000000058398257466");
    expect(html).toContain('href="/agent/invoices/00000000-0000-4000-8000-0000000000c1"');
  });

  it("warns when the file named no account, and names Swish and a returned payment", () => {
    const html = view(
      {},
      item({ payerAccount: null, method: "swish_direct", reason: "returned", invoice: null }),
    );
    expect(html).toContain("No account in the file — contact the customer");
    expect(html).toContain("Swish");
    expect(html).toContain("Unmatched, marked for return");
    expect(html).toContain("No invoice");
  });

  it("asks for the bank's reference to mark it paid, and for why to keep it", () => {
    expect(view()).toContain("The bank&#x27;s reference of the payment back");
    const keep = view({ fields: fields({ action: "keep-as-credit" }) });
    expect(keep).not.toContain("The bank&#x27;s reference");
    expect(keep).toContain("Note (why, at least 3 characters)");
  });

  it("shows a refusal beside its field, and a decision someone made first with a reload", () => {
    const refused: ClientProblem = {
      code: "BAD_INPUT",
      message: "x",
      status: 400,
      details: {},
      issues: [
        { path: "bankReference", message: "Write the bank's reference (at least 3 characters)" },
      ],
    };
    const html = view({ problem: refused });
    expect(html).toContain("Write the bank&#x27;s reference (at least 3 characters)");
    expect(html).toContain('aria-invalid="true"');
    const taken = view({
      problem: {
        code: "CONFLICT",
        message: "Already decided",
        status: 409,
        details: {},
        issues: [],
      },
    });
    expect(taken).toContain("Already decided");
    expect(taken).toContain("Reload the list");
  });

  it("renders what a payer wrote as text", () => {
    const html = view({}, item({ payerName: "<img src=x onerror=alert(1)>" }));
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("deciding a payment back", () => {
  const answers = (...replies: Response[]) => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => replies.shift()!);
    vi.stubGlobal("fetch", fetch);
    return fetch;
  };

  it("sends paid back with the bank's reference, and says what was done", async () => {
    const fetch = answers(Response.json({ status: "PAID_BACK" }));
    const outcome = await submitRepayment(
      item(),
      fields({ bankReference: " SEB 4711 ", note: "" }),
      "en",
    );
    expect(outcome).toEqual({ ok: true, message: "25,00\u00a0kr to Anna Över: paid back." });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/finance/bank-repayments/00000000-0000-4000-8000-0000000000a1");
    expect(JSON.parse(String(init?.body))).toEqual({
      action: "paid-back",
      bankReference: "SEB 4711",
    });
  });

  it("refuses without asking the server when the reference or the reason is missing", async () => {
    const fetch = answers();
    expect(await submitRepayment(item(), fields({ bankReference: "x" }), "en")).toMatchObject({
      ok: false,
      problem: { issues: [{ path: "bankReference" }] },
    });
    expect(
      await submitRepayment(item(), fields({ action: "keep-as-credit", note: " " }), "sv"),
    ).toMatchObject({
      ok: false,
      problem: { issues: [{ path: "note", message: "Ange varför (minst 3 tecken)" }] },
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
