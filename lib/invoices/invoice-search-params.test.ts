import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import {
  DEFAULT_INVOICE_SEARCH,
  invoiceSearchQuery,
  parseInvoiceSearch,
} from "@/lib/invoices/invoice-search-params";

const day = parseCalendarDate;

describe("parseInvoiceSearch", () => {
  it("gives the defaults for an empty URL and ignores empty form fields", () => {
    expect(parseInvoiceSearch({})).toEqual({ params: DEFAULT_INVOICE_SEARCH, problems: [] });
    const blank = new URLSearchParams("customer=+&minAmount=&issuedFrom=&status=");
    expect(parseInvoiceSearch(blank)).toEqual({ params: DEFAULT_INVOICE_SEARCH, problems: [] });
  });

  it("reads every parameter, and invoiceSearchQuery writes the same search back", () => {
    const url = new URLSearchParams(
      "page=3&pageSize=50&sort=totalOre&dir=asc&status=open&status=OVERDUE,paid&overdue=1" +
        "&minAmount=1 234,50&maxAmount=2000&customer=  Öberg &issuedFrom=2026-01-01&issuedTo=2026-01-31",
    );
    const { params, problems } = parseInvoiceSearch(url);
    expect(problems).toEqual([]);
    expect(params).toEqual({
      page: 3,
      pageSize: 50,
      sort: "totalOre",
      dir: "asc",
      statuses: ["OPEN", "OVERDUE", "PAID"],
      overdueOnly: true,
      minOre: 123_450,
      maxOre: 200_000,
      customer: "Öberg",
      issuedFrom: day("2026-01-01"),
      issuedTo: day("2026-01-31"),
    });
    const query = invoiceSearchQuery(params);
    expect(parseInvoiceSearch(new URLSearchParams(query.slice(1))).params).toEqual(params);
    expect(invoiceSearchQuery(DEFAULT_INVOICE_SEARCH)).toBe("");
    expect(invoiceSearchQuery(params, { page: 1 })).not.toContain("page=");
  });

  it("names each bad parameter in words and keeps the good ones", () => {
    const { params, problems } = parseInvoiceSearch({
      page: "0",
      pageSize: "7",
      sort: "amount",
      dir: "up",
      status: ["OPEN", "LOST"],
      overdue: "maybe",
      minAmount: "12 kronor",
      issuedFrom: "2026-02-30",
      customer: "x".repeat(101),
    });
    expect(Object.fromEntries(problems.map((p) => [p.param, p.message]))).toEqual({
      page: "must be a whole number from 1 to 999999",
      pageSize: "must be 25, 50 or 100",
      sort: "must be one of number, issueDate, dueDate, totalOre, customer, status",
      dir: "must be asc or desc",
      status: '"LOST" is not one of DRAFT, OPEN, PAID, CREDITED, OVERDUE',
      overdue: "must be 1 or 0",
      minAmount: expect.stringMatching(/^Amount "12 kronor" contains letters/),
      issuedFrom: '"2026-02-30" is not a real calendar date',
      customer: "must be at most 100 characters",
    });
    expect(params).toEqual(DEFAULT_INVOICE_SEARCH);
    const partly = parseInvoiceSearch({ pageSize: "7", status: "PAID", customer: "Öberg" });
    expect(partly.params).toMatchObject({ pageSize: 25, statuses: ["PAID"], customer: "Öberg" });
  });

  it("refuses a range that ends before it starts, and a parameter given twice", () => {
    const { params, problems } = parseInvoiceSearch(
      new URLSearchParams(
        "minAmount=500&maxAmount=100&issuedFrom=2026-02-01&issuedTo=2026-01-01&page=2&page=3",
      ),
    );
    expect(problems).toEqual([
      { param: "page", message: "must be given once" },
      { param: "maxAmount", message: "is below minAmount" },
      { param: "issuedTo", message: "is before issuedFrom" },
    ]);
    expect(params).toMatchObject({
      page: 1,
      minOre: 50_000,
      maxOre: undefined,
      issuedTo: undefined,
    });
  });
});
