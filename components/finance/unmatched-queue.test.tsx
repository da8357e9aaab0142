import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type DecisionFields,
  type QueuePayment,
  submitDecision,
  UnmatchedPaymentView,
  UnmatchedQueue,
} from "@/components/finance/unmatched-queue";
import type { ClientProblem } from "@/components/ui/problem";

// Rendered outside Next: the queue's router is only used after a decision.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const INVOICE_ID = "00000000-0000-4000-8000-0000000000c1";
const payment = (overrides: Partial<QueuePayment> = {}): QueuePayment => ({
  id: "00000000-0000-4000-8000-0000000000b1",
  bankFileId: "00000000-0000-4000-8000-0000000000f1",
  fileName: "camt054.xml",
  amountOre: 49_900,
  bookingDate: "2026-12-11",
  referenceKind: "structured",
  reference: "1234567896",
  extraReferences: [],
  payerName: "Erik Slarvfel",
  payerAccount: "SE4550000000058398257466",
  suggestions: [
    {
      invoiceId: INVOICE_ID,
      number: 1042,
      customerName: "Erik Slarvfel",
      totalOre: 49_900,
      score: 4,
      reasons: ["OCR one keystroke off (1234567896 sent)", "Same amount as the invoice"],
    },
  ],
  waitingSince: "2026-12-11T07:15:00.000Z",
  ...overrides,
});
const fields = (overrides: Partial<DecisionFields> = {}): DecisionFields => ({
  action: "assign-invoice",
  invoiceChoice: "",
  invoiceNumber: "",
  customerNumber: "",
  reason: "",
  ...overrides,
});
const noop = () => {};
const view = (
  props: Partial<Parameters<typeof UnmatchedPaymentView>[0]> = {},
  item: QueuePayment = payment(),
) =>
  renderToStaticMarkup(
    createElement(UnmatchedPaymentView, {
      locale: "en",
      payment: item,
      canOpenFiles: true,
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
const problem = (overrides: Partial<ClientProblem>): ClientProblem => ({
  code: "BAD_INPUT",
  message: "Invalid",
  status: 400,
  details: {},
  issues: [],
  ...overrides,
});

afterEach(() => vi.unstubAllGlobals());

describe("the unmatched-payments queue", () => {
  it("says so when nothing waits", () => {
    const html = renderToStaticMarkup(
      createElement(UnmatchedQueue, {
        payments: [],
        canOpenFiles: true,
        canOpenInvoices: true,
        locale: "en",
      }),
    );
    expect(html).toContain("Nothing waits in the queue.");
  });

  it("shows the payment: amount, date, reference, payer and account, file and time in the queue", () => {
    const html = view();
    expect(html).toContain("499,00\u00a0kr from Erik Slarvfel</h2>");
    expect(html).toContain("2026-12-11");
    expect(html).toContain("OCR: 1234567896");
    expect(html).toContain("SE4550000000058398257466");
    expect(html).toContain('href="/finance/bank-files/00000000-0000-4000-8000-0000000000f1"');
    expect(html).toContain("2026-12-11 08:15:00");
  });

  it("lists the suggestions with invoice, customer, total, score and why, in a captioned table", () => {
    const html = view();
    expect(html).toContain("<caption");
    const [row] = html.split('data-testid="unmatched-suggestion"').slice(1);
    expect(row).toContain(`href="/agent/invoices/${INVOICE_ID}"`);
    expect(row).toContain(">1042<");
    expect(row).toContain("Erik Slarvfel");
    expect(row).toContain("499,00\u00a0kr");
    expect(row).toContain(">4<");
    expect(row).toContain("OCR one keystroke off (1234567896 sent)");
    expect(row).toContain("Same amount as the invoice");
    // And offers each as an invoice to book on, beside one written by its number.
    expect(html).toContain("Invoice 1042 · Erik Slarvfel · 499,00\u00a0kr");
    expect(html).toContain("Another invoice, by its number");
  });

  it("links neither file nor invoice for those whose console they are not", () => {
    const html = view({ canOpenFiles: false, canOpenInvoices: false });
    expect(html).not.toContain("/finance/bank-files/");
    expect(html).not.toContain("/agent/invoices/");
    expect(html).toContain("camt054.xml");
    expect(html).toContain(">1042<");
  });

  it("asks only for the invoice number when there is nothing to suggest", () => {
    const html = view(
      { fields: fields({ invoiceChoice: "number" }) },
      payment({ suggestions: [] }),
    );
    expect(html).toContain("Nothing in the payment points at an invoice");
    expect(html).not.toContain("<table");
    expect(html).not.toContain("Another invoice, by its number");
    expect(html).toContain(">Invoice number</label>");
  });

  it("offers the three decisions, each with its own fields and button, and always a reason", () => {
    const labels = (html: string) =>
      [
        ...html.matchAll(
          /type="radio"[^>]*name="[^"]*-action"[^>]*>(?:<\/input>)?<label[^>]*>([^<]+)</g,
        ),
      ].map((match) => match[1]);
    const invoice = view();
    expect(labels(invoice)).toEqual([
      "Book on invoice",
      "Put on a customer&#x27;s balance",
      "Mark for return",
    ]);
    expect(invoice).toContain(">Book payment</button>");
    expect(invoice).toContain(">Reason</label>");
    const customer = view({ fields: fields({ action: "assign-customer" }) });
    expect(customer).toContain(">Customer number</label>");
    expect(customer).not.toContain(">Invoice number</label>");
    expect(customer).toContain(">Put on balance</button>");
    const back = view({ fields: fields({ action: "return" }) });
    expect(back).not.toContain(">Customer number</label>");
    expect(back).not.toContain(">Invoice number</label>");
    expect(back).toContain(">Mark for return</button>");
    expect(back).toContain(">Reason</label>");
  });

  it("shows a refusal beside its field, and a decision someone made first plainly, with a reload", () => {
    const notFound = view({
      fields: fields({ invoiceChoice: "number", invoiceNumber: "99" }),
      problem: problem({
        code: "NOT_FOUND",
        message: "There is no issued invoice number 99",
        status: 404,
        param: "/invoiceNumber",
      }),
    });
    expect(notFound).toContain("There is no issued invoice number 99");
    expect(notFound).toContain("Not decided: see the fields above.");
    expect(notFound).toContain('aria-invalid="true"');
    const reason = view({
      problem: problem({
        issues: [{ path: "reason", message: "say why (at least 3 characters)" }],
      }),
    });
    expect(reason).toContain("say why (at least 3 characters)");
    const conflict = view({
      problem: problem({
        code: "CONFLICT",
        status: 409,
        message: "This payment was already decided by someone else; reload the queue",
      }),
    });
    expect(conflict).toContain(
      "This payment was already decided by someone else; reload the queue",
    );
    expect(conflict).toContain(">Reload the queue</button>");
    expect(view()).not.toContain("Reload the queue");
  });

  it("renders what a payer wrote as text", () => {
    const html = view(
      {},
      payment({
        payerName: "<img src=x onerror=alert(1)>",
        reference: "<b>faktura</b>",
        extraReferences: ["<i>x</i>"],
      }),
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("deciding a queued payment", () => {
  const answers = (...replies: Response[]) => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => replies.shift()!);
    vi.stubGlobal("fetch", fetch);
    return fetch;
  };
  const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body));

  it("books on a suggested invoice with one request", async () => {
    const fetch = answers(Response.json({ status: "ASSIGNED" }));
    const outcome = await submitDecision(
      payment(),
      fields({ invoiceChoice: INVOICE_ID, reason: "Kunden ringde" }),
      "en",
    );
    expect(outcome).toEqual({
      ok: true,
      message: "499,00\u00a0kr from Erik Slarvfel booked on invoice 1042 (Erik Slarvfel).",
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/finance/unmatched-payments/00000000-0000-4000-8000-0000000000b1");
    expect(bodyOf(init)).toEqual({
      action: "assign-invoice",
      invoiceId: INVOICE_ID,
      reason: "Kunden ringde",
    });
  });

  it("looks up an invoice written by number, then books on it", async () => {
    const other = "00000000-0000-4000-8000-0000000000c2";
    const fetch = answers(
      Response.json({
        kind: "invoice",
        invoiceId: other,
        number: 2001,
        status: "OPEN",
        totalOre: 10_000,
        customerName: "Frida Fritext",
        customerNumber: "K-7",
      }),
      Response.json({ status: "ASSIGNED" }),
    );
    const outcome = await submitDecision(
      payment(),
      fields({ invoiceChoice: "number", invoiceNumber: " 2001 ", reason: "Fakturanummer i mejl" }),
      "en",
    );
    expect(outcome).toMatchObject({
      ok: true,
      message: expect.stringContaining("invoice 2001 (Frida Fritext)"),
    });
    expect(fetch.mock.calls[0]![0]).toBe("/api/finance/decision-targets?invoiceNumber=2001");
    expect(bodyOf(fetch.mock.calls[1]![1])).toEqual({
      action: "assign-invoice",
      invoiceId: other,
      reason: "Fakturanummer i mejl",
    });
  });

  it("puts the money on a customer's balance by their number", async () => {
    const fetch = answers(
      Response.json({
        kind: "customer",
        customerId: "00000000-0000-4000-8000-0000000000d1",
        customerNumber: "K 12/3",
        name: "Gustav Namnsson",
      }),
      Response.json({ status: "ASSIGNED" }),
    );
    const outcome = await submitDecision(
      payment(),
      fields({ action: "assign-customer", customerNumber: "K 12/3", reason: "Tillgodo" }),
      "en",
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(fetch.mock.calls[0]![0]).toBe("/api/finance/decision-targets?customerNumber=K%2012%2F3");
    expect(bodyOf(fetch.mock.calls[1]![1])).toEqual({
      action: "assign-customer",
      customerId: "00000000-0000-4000-8000-0000000000d1",
      reason: "Tillgodo",
    });
  });

  it("marks for return with the reason alone", async () => {
    const fetch = answers(Response.json({ status: "RETURNED" }));
    expect(
      await submitDecision(
        payment(),
        fields({ action: "return", reason: "Okänd avsändare" }),
        "en",
      ),
    ).toEqual({ ok: true, message: "499,00\u00a0kr from Erik Slarvfel marked for return." });
    expect(bodyOf(fetch.mock.calls[0]![1])).toEqual({
      action: "return",
      reason: "Okänd avsändare",
    });
  });

  it("asks for a reason and an invoice before sending anything", async () => {
    const fetch = answers();
    expect(
      await submitDecision(payment(), fields({ invoiceChoice: INVOICE_ID }), "en"),
    ).toMatchObject({
      ok: false,
      problem: { issues: [{ path: "reason" }] },
    });
    expect(
      await submitDecision(payment(), fields({ reason: "Kunden ringde" }), "en"),
    ).toMatchObject({
      ok: false,
      problem: { issues: [{ path: "invoiceNumber" }] },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("gives the lookup's not-found, and a decision someone made first, as problems", async () => {
    const problemReply = (status: number, body: object) =>
      Response.json(body, { status, headers: { "content-type": "application/problem+json" } });
    answers(
      problemReply(404, {
        code: "NOT_FOUND",
        status: 404,
        detail: "There is no issued invoice number 99",
        param: "/invoiceNumber",
      }),
    );
    expect(
      await submitDecision(
        payment(),
        fields({ invoiceChoice: "number", invoiceNumber: "99", reason: "Kunden ringde" }),
        "en",
      ),
    ).toMatchObject({ ok: false, problem: { status: 404, param: "/invoiceNumber" } });
    answers(
      problemReply(409, {
        code: "CONFLICT",
        status: 409,
        detail: "This payment was already decided by someone else; reload the queue",
      }),
    );
    expect(
      await submitDecision(
        payment(),
        fields({ action: "return", reason: "Okänd avsändare" }),
        "en",
      ),
    ).toMatchObject({
      ok: false,
      problem: {
        status: 409,
        message: "This payment was already decided by someone else; reload the queue",
      },
    });
  });
});
