import { describe, expect, it } from "vitest";
import { parseCalendarDate as day } from "@/lib/dates/calendar-date";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { paymentMethodName, paymentsMade, settledSummary } from "@/lib/invoice-page/payments-made";
import { EMPTY_LEDGER } from "@/lib/ledger/invoice-status";

const { sv, en } = invoiceMessages;

type SettledData = Parameters<typeof settledSummary>[0];
type Event = SettledData["events"][number];

let sequence = 0;
function event(type: string, data: unknown, occurredAt = new Date("2026-03-10T09:00:00Z")): Event {
  sequence += 1;
  return { id: `event-${sequence}`, type, data, occurredAt, customerText: null };
}

const paid = (amountOre: number, method: unknown, occurredAt?: Date) =>
  event("PAYMENT_RECEIVED", { amountOre, method, balanceOre: 0 }, occurredAt);

/** An invoice's page data with only what settledSummary reads. */
function page(options: {
  kind?: "INVOICE" | "CREDIT_NOTE";
  displayStatus?: SettledData["invoice"]["displayStatus"];
  amountDueOre?: number;
  customerCreditOre?: number;
  paidOre?: number;
  refundedOre?: number;
  events?: Event[];
}): SettledData {
  return {
    invoice: {
      kind: options.kind ?? "INVOICE",
      displayStatus: options.displayStatus ?? "paid",
    } as SettledData["invoice"],
    amountDueOre: options.amountDueOre ?? 0,
    customerCreditOre: options.customerCreditOre ?? 0,
    ledger: {
      ...EMPTY_LEDGER,
      paidOre: options.paidOre ?? 0,
      refundedOre: options.refundedOre ?? 0,
    },
    events: options.events ?? [],
  };
}

describe("paymentMethodName", () => {
  it("names each way to pay in the customer's words, Swedish and English", () => {
    const names = (t: typeof sv) =>
      ["card", "swish", "bankgiro", "bank_transfer"].map((method) =>
        paymentMethodName({ method }, t),
      );
    expect(names(sv)).toEqual(["kort", "Swish", "bankgiro", "banköverföring"]);
    expect(names(en)).toEqual(["card", "Swish", "bankgiro", "bank transfer"]);
  });

  it("names a demo payment by the instrument chosen, marked as a demo", () => {
    expect(paymentMethodName({ method: "demo", instrument: "card" }, sv)).toBe("kort (demo)");
    expect(paymentMethodName({ method: "demo", instrument: "swish" }, en)).toBe("Swish (demo)");
    expect(paymentMethodName({ method: "demo" }, sv)).toBeNull();
    expect(paymentMethodName({ method: "demo", instrument: "demo" }, sv)).toBeNull();
  });

  it("is null for a method it does not know or data that is not an object", () => {
    for (const method of ["cash", "CARD", "", 1, null, undefined, "toString", "__proto__"]) {
      expect(paymentMethodName({ method }, sv)).toBeNull();
    }
    for (const data of [null, undefined, "card", 3, ["card"]]) {
      expect(paymentMethodName(data, sv)).toBeNull();
    }
  });
});

describe("paymentsMade", () => {
  it("lists each payment received with its Swedish calendar day, amount and method", () => {
    const late = new Date("2026-03-30T22:30:00Z"); // 00:30 on 31 March in Stockholm (summer time)
    const winter = new Date("2026-01-15T23:30:00Z"); // 00:30 on 16 January (winter time)
    const payments = paymentsMade(
      [paid(100_000, "card", winter), paid(123_900, "swish", late)],
      sv,
    );
    expect(payments).toEqual([
      { on: day("2026-01-16"), amountOre: 100_000, method: "kort" },
      { on: day("2026-03-31"), amountOre: 123_900, method: "Swish" },
    ]);
  });

  it("leaves out other events and payments without a readable amount, and keeps an unknown method as null", () => {
    const events = [
      event("CREDITED", { creditedOre: 3_600 }),
      event("PAYMENT_REFUNDED", { amountOre: 3_600 }),
      paid(0, "card"),
      paid(-100, "card"),
      paid(12.5, "card"),
      event("PAYMENT_RECEIVED", { amountOre: "3600", method: "card" }),
      event("PAYMENT_RECEIVED", null),
      paid(3_600, "cash"),
    ];
    expect(paymentsMade(events, en)).toEqual([
      { on: day("2026-03-10"), amountOre: 3_600, method: null },
    ]);
  });
});

describe("settledSummary", () => {
  it("is null while something is left to pay, and for a credit note", () => {
    expect(settledSummary(page({ amountDueOre: 1, paidOre: 100 }), "sv", sv)).toBeNull();
    expect(settledSummary(page({ kind: "CREDIT_NOTE" }), "sv", sv)).toBeNull();
  });

  it("says what was paid, when and how, for one payment", () => {
    const data = page({ paidOre: 223_900, events: [paid(223_900, "card")] });
    expect(settledSummary(data, "sv", sv)).toEqual({
      heading: "Betald",
      text: "Du betalade 2\u00a0239,00\u00a0kr den 10 mars 2026 med kort.",
      credit: null,
    });
    expect(settledSummary(data, "en", en)).toEqual({
      heading: "Paid",
      text: "You paid SEK\u00a02,239.00 on 10 March 2026 by card.",
      credit: null,
    });
  });

  it("says how many parts, the last one's day and each way used once, in the order first used", () => {
    const events = [
      paid(50_000, "card", new Date("2026-03-01T10:00:00Z")),
      paid(50_000, "swish", new Date("2026-03-05T10:00:00Z")),
      paid(50_000, "card", new Date("2026-03-07T10:00:00Z")),
      paid(73_900, "bankgiro", new Date("2026-03-12T10:00:00Z")),
    ];
    const data = page({ paidOre: 223_900, events });
    expect(settledSummary(data, "sv", sv)?.text).toBe(
      "Du betalade 2\u00a0239,00\u00a0kr i 4 delar, den sista den 12 mars 2026, med kort, Swish och bankgiro.",
    );
    expect(settledSummary(data, "en", en)?.text).toBe(
      "You paid SEK\u00a02,239.00 in 4 parts, the last on 12 March 2026, by card, Swish and bankgiro.",
    );
    const two = page({ paidOre: 100_000, events: events.slice(0, 2) });
    expect(settledSummary(two, "sv", sv)?.text).toBe(
      "Du betalade 1\u00a0000,00\u00a0kr i 2 delar, den sista den 5 mars 2026, med kort och Swish.",
    );
  });

  it("says what was paid without a way when no payment names one", () => {
    const data = page({ paidOre: 3_600, events: [paid(3_600, "cash")] });
    expect(settledSummary(data, "sv", sv)?.text).toBe(
      "Du betalade 36,00\u00a0kr den 10 mars 2026.",
    );
  });

  it("counts what was paid less what was paid back, and mentions money to get back", () => {
    const data = page({
      paidOre: 223_900,
      refundedOre: 3_600,
      customerCreditOre: 1_000,
      events: [paid(223_900, "card")],
    });
    expect(settledSummary(data, "sv", sv)).toEqual({
      heading: "Betald",
      text: "Du betalade 2\u00a0203,00\u00a0kr den 10 mars 2026 med kort.",
      credit: "Du har 10,00\u00a0kr tillgodo hos oss.",
    });
    expect(settledSummary(data, "en", en)?.credit).toBe(
      "You have SEK\u00a010.00 in credit with us.",
    );
  });

  it("says what was paid undated when the timeline holds no readable payment", () => {
    const data = page({ paidOre: 3_600, events: [event("PAYMENT_RECEIVED", { amountOre: "x" })] });
    expect(settledSummary(data, "sv", sv)?.text).toBe("Du har betalat 36,00\u00a0kr.");
  });

  it("says a credited invoice with nothing paid (or all paid back) is credited", () => {
    for (const ledger of [{}, { paidOre: 3_600, refundedOre: 3_600 }]) {
      const data = page({ displayStatus: "credited", ...ledger, events: [paid(3_600, "card")] });
      expect(settledSummary(data, "sv", sv)).toEqual({
        heading: "Krediterad",
        text: "Fakturan är krediterad. Du behöver inte betala något.",
        credit: null,
      });
    }
  });

  it("says there is nothing to pay on an invoice neither paid nor credited", () => {
    expect(settledSummary(page({ displayStatus: "open" }), "en", en)).toEqual({
      heading: "Nothing to pay",
      text: "You do not need to pay anything on this invoice.",
      credit: null,
    });
  });
});
