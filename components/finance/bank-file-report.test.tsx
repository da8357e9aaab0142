import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  BankFileChecks,
  BankFilePaymentsTable,
  BankFileSummaryList,
} from "@/components/finance/bank-file-report";
import type { BankFilePaymentRow } from "@/lib/bank-files/bank-file-console";

const payment = (overrides: Partial<BankFilePaymentRow>): BankFilePaymentRow => ({
  id: "00000000-0000-4000-8000-0000000000b1",
  entryReference: "BANKREF-1",
  bookingDate: "2026-12-11",
  amountOre: 123_450,
  referenceKind: "structured",
  reference: "1234567897",
  payerName: "Anna Andersson",
  payerAccount: "SE4550000000058398257466",
  method: "bankgiro",
  status: "BOOKED",
  invoice: { id: "00000000-0000-4000-8000-0000000000c1", number: 1042 },
  customerId: null,
  decisionReason: null,
  ...overrides,
});
const table = (payments: BankFilePaymentRow[], invoiceLinks = true) =>
  renderToStaticMarkup(
    createElement(BankFilePaymentsTable, {
      locale: "en",
      payments,
      caption: "The file's payments",
      invoiceLinks,
    }),
  );
const rows = (html: string) => html.split('data-testid="bank-payment-row"').slice(1);

describe("a bank file's report", () => {
  it("says how each payment came: bankgiro, bank transfer or Swish", () => {
    const html = table([
      payment({ id: "a", method: "bankgiro" }),
      payment({ id: "b", method: "swish_direct" }),
      payment({ id: "c", method: "bank_transfer" }),
    ]);
    const methods = rows(html).map(
      (row) => row.match(/data-testid="bank-payment-method">([^<]*)</)?.[1],
    );
    expect(methods).toEqual(["Bankgiro", "Swish", "Bank transfer"]);
  });

  it("lists each check as passed or failed with its detail", () => {
    const html = renderToStaticMarkup(
      createElement(BankFileChecks, {
        locale: "en",
        checks: [
          { name: "TtlNtries sum", ok: true, detail: "1234.50 = 1234.50" },
          { name: "currency is SEK", ok: false, detail: "currencies: EUR" },
        ],
      }),
    );
    expect(html).toContain("<caption");
    const [passed, failed] = html.split('data-testid="bank-file-check"').slice(1);
    expect(passed).toContain('data-ok="true"');
    expect(passed).toContain("TtlNtries sum");
    expect(passed).toContain(">Passed<");
    expect(failed).toContain('data-ok="false"');
    expect(failed).toContain(">Failed<");
    expect(failed).toContain("currencies: EUR");
  });

  it("says when a file has not been checked", () => {
    expect(
      renderToStaticMarkup(
        createElement(BankFileChecks, {
          locale: "en",
          checks: [],
        }),
      ),
    ).toContain("not been checked yet");
  });

  it("sums up entries, booked, unmatched, already booked and not payments, in kronor", () => {
    const html = renderToStaticMarkup(
      createElement(BankFileSummaryList, {
        locale: "en",
        summary: {
          entries: 5,
          booked: 2,
          bookedOre: 123_450,
          unmatched: 1,
          unmatchedOre: 10_000,
          alreadyBooked: 1,
          notPayments: 1,
          totalOre: 143_450,
        },
      }),
    );
    expect(html).toContain('data-testid="report-entries">5<');
    expect(html).toContain('data-testid="report-booked">2 · 1\u00a0234,50\u00a0kr<');
    expect(html).toContain('data-testid="report-unmatched">1 · 100,00\u00a0kr<');
    expect(html).toContain('data-testid="report-already-booked">1<');
    expect(html).toContain('data-testid="report-not-payments">1<');
    expect(html).toContain('data-testid="report-total">1\u00a0434,50\u00a0kr<');
  });

  it("shows each payment: bank reference, date, amount, reference, payer, status and invoice", () => {
    const html = table([
      payment({}),
      payment({
        id: "00000000-0000-4000-8000-0000000000b2",
        entryReference: "BANKREF-2",
        referenceKind: "none",
        reference: null,
        payerName: null,
        payerAccount: null,
        status: "UNMATCHED",
        invoice: null,
      }),
      payment({
        id: "00000000-0000-4000-8000-0000000000b3",
        entryReference: "BANKREF-3",
        status: "ASSIGNED",
        invoice: null,
        customerId: "00000000-0000-4000-8000-0000000000d1",
        decisionReason: "Kundens tillgodo",
      }),
    ]);
    expect(html).toContain("<caption");
    const [booked, unmatched, assigned] = rows(html);
    expect(booked).toContain("BANKREF-1");
    expect(booked).toContain("2026-12-11");
    expect(booked).toContain("1\u00a0234,50\u00a0kr");
    expect(booked).toContain(">OCR<");
    expect(booked).toContain("1234567897");
    expect(booked).toContain("Anna Andersson");
    expect(booked).toContain("SE4550000000058398257466");
    expect(booked).toContain("Booked by OCR");
    expect(booked).toContain('href="/agent/invoices/00000000-0000-4000-8000-0000000000c1"');
    expect(booked).toContain(">1042<");
    expect(unmatched).toContain('href="/finance/unmatched"');
    expect(unmatched).toContain("Waiting in the queue");
    expect(assigned).toContain("On the customer&#x27;s balance");
    expect(assigned).toContain("Why: Kundens tillgodo");
  });

  it("gives the invoice number without a link to those who cannot open the workspace", () => {
    const html = table([payment({})], false);
    expect(html).toContain(">1042<");
    expect(html).not.toContain("/agent/invoices/");
  });

  it("renders what a payer wrote as text", () => {
    const html = table([
      payment({ payerName: "<script>alert(1)</script>", reference: '=HYPERLINK("x")' }),
    ]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("=HYPERLINK(&quot;x&quot;)");
  });
});
