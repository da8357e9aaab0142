import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/content/analytics/csv";
import {
  customersWithChatContact,
  netPromoterScore,
  type OutcomeInvoice,
  paymentOutcome,
} from "@/lib/content/analytics/outcomes";

const due = new Date("2026-02-28T00:00:00Z");
const invoice = (
  entries: Array<[OutcomeInvoice["entries"][0]["kind"], number, string]>,
): OutcomeInvoice => ({
  id: "i",
  kind: "INVOICE",
  issueDate: new Date("2026-02-01T00:00:00Z"),
  dueDate: due,
  entries: entries.map(([kind, amountOre, at]) => ({ kind, amountOre, occurredAt: new Date(at) })),
});
const before = new Date("2026-02-15T00:00:00Z");
const after = new Date("2026-03-15T00:00:00Z");

describe("paymentOutcome", () => {
  it("judges on time by the Swedish calendar day of the last payment that settles it", () => {
    // 23:30 in Stockholm on the due day is 22:30 UTC: still on time.
    const onTime = invoice([
      ["INVOICE_ISSUED", 100, "2026-02-01T08:00:00Z"],
      ["PAYMENT", -100, "2026-02-28T22:30:00Z"],
    ]);
    expect(paymentOutcome(onTime, after)).toMatchObject({ paidOnTime: true, hasAmountToPay: true });
    // 00:30 the next day in Stockholm is 23:30 UTC on the due day: late.
    const late = invoice([
      ["INVOICE_ISSUED", 100, "2026-02-01T08:00:00Z"],
      ["PAYMENT", -100, "2026-02-28T23:30:00Z"],
    ]);
    expect(paymentOutcome(late, after)).toMatchObject({ paidOnTime: false });
  });

  it("leaves an unpaid invoice undecided until its due date has passed", () => {
    const unpaid = invoice([["INVOICE_ISSUED", 100, "2026-02-01T08:00:00Z"]]);
    expect(paymentOutcome(unpaid, before).paidOnTime).toBeNull();
    expect(paymentOutcome(unpaid, after).paidOnTime).toBe(false);
  });

  it("does not let a credit after the due date make a late invoice on time", () => {
    const lateCredit = invoice([
      ["INVOICE_ISSUED", 100, "2026-02-01T08:00:00Z"],
      ["PAYMENT", -60, "2026-02-20T08:00:00Z"],
      ["CREDIT", -40, "2026-03-05T08:00:00Z"],
    ]);
    const outcome = paymentOutcome(lateCredit, after);
    expect(outcome.paidOnTime).toBe(false);
    expect(outcome.paidInFullOn?.toISOString().slice(0, 10)).toBe("2026-03-05");
  });

  it("leaves out what there was nothing to pay on", () => {
    const credited = invoice([
      ["INVOICE_ISSUED", 100, "2026-02-01T08:00:00Z"],
      ["CREDIT", -100, "2026-02-02T08:00:00Z"],
    ]);
    expect(paymentOutcome(credited, after).hasAmountToPay).toBe(false);
    expect(paymentOutcome({ ...credited, kind: "CREDIT_NOTE" }, after).hasAmountToPay).toBe(false);
  });
});

describe("netPromoterScore", () => {
  it("is promoters minus detractors in percent", () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBeCloseTo(0, 10);
    expect(netPromoterScore([10, 10, 3, 8])).toBe(25);
    expect(netPromoterScore([])).toBeNull();
  });
});

describe("customersWithChatContact", () => {
  it("counts a message from the impression up to 30 days after it, not before", () => {
    const seenAt = new Date("2026-02-01T10:00:00Z");
    const contacted = customersWithChatContact(
      [
        { customerId: "a", occurredAt: seenAt },
        { customerId: "b", occurredAt: seenAt },
        { customerId: "c", occurredAt: seenAt },
      ],
      [
        { customerId: "a", createdAt: new Date("2026-03-03T10:00:00Z") },
        { customerId: "b", createdAt: new Date("2026-03-03T10:00:01Z") },
        { customerId: "c", createdAt: new Date("2026-01-31T10:00:00Z") },
      ],
    );
    expect([...contacted]).toEqual(["a"]);
  });
});

describe("csvCell", () => {
  it("quotes separators and defuses formulas", () => {
    expect(csvCell('Say "hi", now')).toBe('"Say ""hi"", now"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.123456)).toBe("0.1235");
    expect(csvCell(7)).toBe("7");
  });
});
