import { describe, expect, it } from "vitest";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { liveChanges } from "@/lib/invoice-page/live-changes";

const { sv, en } = invoiceMessages;

type Event = Parameters<typeof liveChanges>[0][number];

let sequence = 0;
/** A customer-visible timeline event as the page loads it (ids are unique per test run). */
function event(type: string, data: unknown): Event {
  sequence += 1;
  return { id: `event-${sequence}`, type, data };
}

const texts = (events: Event[], locale: "sv" | "en" = "sv") =>
  liveChanges(events, locale, invoiceMessages[locale]).map((change) => change.text);

describe("liveChanges: a payment", () => {
  it("says how much came in, how, and what is left to pay", () => {
    const payment = event("PAYMENT_RECEIVED", {
      amountOre: 100_000,
      method: "card",
      balanceOre: 123_900,
    });
    expect(texts([payment], "sv")).toEqual([
      "Vi har tagit emot 1\u00a0000\u00a0kr med kort — kvar att betala: 1\u00a0239\u00a0kr",
    ]);
    expect(texts([payment], "en")).toEqual([
      "We have received SEK\u00a01,000 by card — left to pay: SEK\u00a01,239",
    ]);
  });

  it("says the invoice is paid when nothing is left, or more than enough came in", () => {
    const full = event("PAYMENT_RECEIVED", { amountOre: 223_950, method: "swish", balanceOre: 0 });
    const over = event("PAYMENT_RECEIVED", {
      amountOre: 5_000,
      method: "bankgiro",
      balanceOre: -800,
    });
    expect(texts([full, over], "sv")).toEqual([
      "Vi har tagit emot 2\u00a0239,50\u00a0kr med Swish — fakturan är betald. Tack!",
      "Vi har tagit emot 50\u00a0kr med bankgiro — fakturan är betald. Tack!",
    ]);
    expect(texts([full], "en")).toEqual([
      "We have received SEK\u00a02,239.50 by Swish — the invoice is paid. Thank you!",
    ]);
  });

  it("names a demo payment's instrument as a demo, and leaves out a method it does not know", () => {
    const demo = event("PAYMENT_RECEIVED", {
      amountOre: 3_600,
      method: "demo",
      instrument: "card",
      balanceOre: 0,
    });
    const unknown = event("PAYMENT_RECEIVED", { amountOre: 3_600, method: "cash", balanceOre: 0 });
    expect(texts([demo, unknown], "sv")).toEqual([
      "Vi har tagit emot 36\u00a0kr med kort (demo) — fakturan är betald. Tack!",
      "Vi har tagit emot 36\u00a0kr — fakturan är betald. Tack!",
    ]);
  });

  it("says only what came in when the balance is missing or not a whole number of öre", () => {
    for (const balanceOre of [undefined, null, "0", 12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const payment = event("PAYMENT_RECEIVED", { amountOre: 3_600, method: "card", balanceOre });
      expect(texts([payment], "sv")).toEqual(["Vi har tagit emot 36\u00a0kr med kort"]);
    }
  });
});

describe("liveChanges: a credit and the refund booked right after it", () => {
  it("says a card refund goes back to the card within 5–10 banking days, pending or paid out", () => {
    for (const status of ["PENDING", "SUCCEEDED"]) {
      const credit = event("CREDITED", { creditedOre: 3_600 });
      const refund = event("PAYMENT_REFUNDED", { amountOre: 3_600, status, to: "card" });
      const changes = liveChanges([credit, refund], "sv", sv);
      expect(changes).toEqual([
        {
          id: credit.id,
          text: "36\u00a0kr har krediterats — pengarna återbetalas till ditt kort inom 5–10 bankdagar",
        },
        {
          id: refund.id,
          text: "36\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar",
          partOf: credit.id,
        },
      ]);
      expect(texts([credit, refund], "en")[0]).toBe(
        "SEK\u00a036 has been credited — the money goes back to your card within 5–10 banking days",
      );
    }
  });

  it("says a Swish refund goes back through Swish within 1–3 banking days", () => {
    const credit = event("CREDITED", { creditedOre: 10_950 });
    const refund = event("PAYMENT_REFUNDED", { amountOre: 10_950, status: "PENDING", to: "swish" });
    expect(texts([credit, refund], "sv")[0]).toBe(
      "109,50\u00a0kr har krediterats — pengarna återbetalas via Swish till kontot du betalade från inom 1–3 bankdagar",
    );
  });

  it("names both amounts when the refund is not all of the credit", () => {
    const credit = event("CREDITED", { creditedOre: 3_600 });
    const refund = event("PAYMENT_REFUNDED", { amountOre: 2_000, status: "PENDING", to: "card" });
    expect(texts([credit, refund], "sv")[0]).toBe(
      "36\u00a0kr har krediterats — 20\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar",
    );
    expect(texts([credit, refund], "en")[0]).toBe(
      "SEK\u00a036 has been credited — SEK\u00a020 goes back to your card within 5–10 banking days",
    );
  });

  it("says the money goes back the way it came when the refund does not say where", () => {
    const credit = event("CREDITED", { creditedOre: 3_600 });
    const refund = event("PAYMENT_REFUNDED", { amountOre: 3_600, status: "PENDING" });
    expect(texts([credit, refund], "sv")[0]).toBe(
      "36\u00a0kr har krediterats — 36\u00a0kr återbetalas på samma sätt som du betalade",
    );
  });

  it("says a refund recorded without a status, or paid out to nowhere known, is done", () => {
    const credit = event("CREDITED", { creditedOre: 3_600 });
    const legacy = event("PAYMENT_REFUNDED", { amountOre: 3_600, to: "card" });
    expect(texts([credit, legacy], "sv")[0]).toBe(
      "36\u00a0kr har krediterats — Återbetalningen på 36\u00a0kr är gjord",
    );
    const paidOut = event("PAYMENT_REFUNDED", { amountOre: 3_600, status: "SUCCEEDED" });
    expect(texts([paidOut], "sv")).toEqual(["Återbetalningen på 36\u00a0kr är gjord"]);
  });

  it("tells a credit with no refund after it as just the credit", () => {
    const credit = event("CREDITED", { creditedOre: 3_650 });
    expect(liveChanges([credit], "sv", sv)).toEqual([
      { id: credit.id, text: "36,50\u00a0kr har krediterats" },
    ]);
    expect(texts([credit], "en")).toEqual(["SEK\u00a036.50 has been credited"]);
  });

  it("gives each of two credits its own refund", () => {
    const first = event("CREDITED", { creditedOre: 3_600 });
    const firstRefund = event("PAYMENT_REFUNDED", {
      amountOre: 3_600,
      status: "PENDING",
      to: "card",
    });
    const second = event("CREDITED", { creditedOre: 1_000 });
    const secondRefund = event("PAYMENT_REFUNDED", {
      amountOre: 1_000,
      status: "PENDING",
      to: "swish",
    });
    const changes = liveChanges([first, firstRefund, second, secondRefund], "sv", sv);
    expect(changes.map((change) => [change.id, change.partOf])).toEqual([
      [first.id, undefined],
      [firstRefund.id, first.id],
      [second.id, undefined],
      [secondRefund.id, second.id],
    ]);
    expect(changes[2]!.text).toBe(
      "10\u00a0kr har krediterats — pengarna återbetalas via Swish till kontot du betalade från inom 1–3 bankdagar",
    );
  });

  it("takes a refund a little after the credit (past unrelated events) as the credit's", () => {
    const credit = event("CREDITED", { creditedOre: 3_600 });
    const opened = event("OPENED", {});
    const canceled = event("PAYMENT_CANCELED", {});
    const refund = event("PAYMENT_REFUNDED", { amountOre: 3_600, status: "PENDING", to: "card" });
    const changes = liveChanges([credit, opened, canceled, refund], "sv", sv);
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ id: refund.id, partOf: credit.id });
    // Further away it is a refund of its own.
    const far = liveChanges([credit, opened, canceled, event("OPENED", {}), refund], "sv", sv);
    expect(far[0]!.text).toBe("36\u00a0kr har krediterats");
    expect(far[1]).toEqual({
      id: refund.id,
      text: "36\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar",
    });
  });
});

describe("liveChanges: compensation", () => {
  it("says how much compensation, and names a refund after it without calling it a credit", () => {
    const compensation = event("COMPENSATION_CREDITED", { creditedOre: 5_000 });
    expect(texts([compensation], "sv")).toEqual(["Du har fått 50\u00a0kr i kompensation"]);
    expect(texts([compensation], "en")).toEqual(["You have received SEK\u00a050 in compensation"]);
    const refund = event("PAYMENT_REFUNDED", { amountOre: 5_000, status: "PENDING", to: "card" });
    const changes = liveChanges([compensation, refund], "sv", sv);
    expect(changes[0]!.text).toBe(
      "Du har fått 50\u00a0kr i kompensation — 50\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar",
    );
    expect(changes[1]!.partOf).toBe(compensation.id);
  });
});

describe("liveChanges: a refund that is not after a credit", () => {
  it("is told on its own, where to and when, and part of nothing", () => {
    const payment = event("PAYMENT_RECEIVED", { amountOre: 3_600, method: "card", balanceOre: 0 });
    const refund = event("PAYMENT_REFUNDED", { amountOre: 3_600, status: "SUCCEEDED", to: "card" });
    const changes = liveChanges([payment, refund], "sv", sv);
    expect(changes[1]).toEqual({
      id: refund.id,
      text: "36\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar",
    });
    expect(texts([refund], "en")).toEqual([
      "SEK\u00a036 goes back to your card within 5–10 banking days",
    ]);
  });

  it("is not taken for an earlier credit's when a payment or another credit came between", () => {
    const credit = event("CREDITED", { creditedOre: 50_000 });
    const payment = event("PAYMENT_RECEIVED", {
      amountOre: 100_000,
      method: "card",
      balanceOre: -50_000,
    });
    const refund = event("PAYMENT_REFUNDED", { amountOre: 50_000, status: "PENDING", to: "card" });
    expect(liveChanges([credit, payment, refund], "sv", sv)).toEqual([
      { id: credit.id, text: "500\u00a0kr har krediterats" },
      expect.objectContaining({ id: payment.id }),
      { id: refund.id, text: "500\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar" },
    ]);

    const first = event("CREDITED", { creditedOre: 100_000 });
    const second = event("CREDITED", { creditedOre: 20_000 });
    const secondRefund = event("PAYMENT_REFUNDED", {
      amountOre: 20_000,
      status: "PENDING",
      to: "card",
    });
    expect(liveChanges([first, second, secondRefund], "sv", sv)).toEqual([
      { id: first.id, text: "1\u00a0000\u00a0kr har krediterats" },
      {
        id: second.id,
        text: "200\u00a0kr har krediterats — pengarna återbetalas till ditt kort inom 5–10 bankdagar",
      },
      {
        id: secondRefund.id,
        text: "200\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar",
        partOf: second.id,
      },
    ]);
  });
});

describe("liveChanges: refund outcomes, respite and the rest", () => {
  it("says a failed refund's money stays as the customer's credit", () => {
    const failed = event("REFUND_FAILED", { amountOre: 3_600, balanceOre: -3_600 });
    expect(texts([failed], "sv")).toEqual([
      "Återbetalningen på 36\u00a0kr kunde inte göras — pengarna finns kvar som ditt tillgodohavande",
    ]);
    expect(texts([failed], "en")).toEqual([
      "The refund of SEK\u00a036 could not be made — the money stays as your credit",
    ]);
  });

  it("says a completed refund was paid out", () => {
    const done = event("REFUND_COMPLETED", { amountOre: 3_600 });
    expect(texts([done], "sv")).toEqual(["Återbetalningen på 36\u00a0kr är gjord"]);
    expect(texts([done], "en")).toEqual(["The refund of SEK\u00a036 has been paid out"]);
  });

  it("gives the new due date of a respite as a long date", () => {
    const respite = event("RESPITE_GRANTED", {
      previousDueDate: "2026-01-31",
      dueDate: "2026-02-28",
    });
    expect(texts([respite], "sv")).toEqual(["Ny förfallodag: 28 februari 2026"]);
    expect(texts([respite], "en")).toEqual(["New due date: 28 February 2026"]);
  });

  it("says a fee was taken off and a payment plan agreed", () => {
    const waived = event("FEE_WAIVED", { amountOre: 6_000 });
    const plan = event("PAYMENT_PLAN_AGREED", { planId: "p" });
    expect(texts([waived, plan], "sv")).toEqual([
      "Avgiften på 60\u00a0kr är borttagen",
      "Din avbetalningsplan gäller nu",
    ]);
  });

  it("says nothing of events that are not news about money or dates", () => {
    const events = ["ISSUED", "SENT", "OPENED", "REMINDER_SENT", "PAYMENT_FAILED", "SOMETHING_NEW"];
    expect(
      liveChanges(
        events.map((type) => event(type, { amountOre: 100 })),
        "sv",
        sv,
      ),
    ).toEqual([]);
  });

  it("keeps the latest ten changes, and a refund whose credit fell off stands alone", () => {
    const credit = event("CREDITED", { creditedOre: 3_600 });
    const refund = event("PAYMENT_REFUNDED", { amountOre: 3_600, status: "PENDING", to: "card" });
    const payments = Array.from({ length: 9 }, (_, index) =>
      event("PAYMENT_RECEIVED", { amountOre: 100 * (index + 1), method: "card" }),
    );
    const changes = liveChanges([credit, refund, ...payments], "sv", sv);
    expect(changes.map((change) => change.id)).toEqual([refund.id, ...payments.map((p) => p.id)]);
    expect(changes[0]).toEqual({
      id: refund.id,
      text: "36\u00a0kr återbetalas till ditt kort inom 5–10 bankdagar",
    });
  });
});

describe("liveChanges reads event data defensively", () => {
  it("leaves out an event whose amount is missing, not a positive whole number of öre, or not data", () => {
    const badAmounts = [
      undefined,
      null,
      "3600",
      0,
      -3_600,
      36.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 53,
    ];
    for (const amountOre of badAmounts) {
      const events = [
        event("PAYMENT_RECEIVED", { amountOre, method: "card", balanceOre: 0 }),
        event("CREDITED", { creditedOre: amountOre }),
        event("COMPENSATION_CREDITED", { creditedOre: amountOre }),
        event("PAYMENT_REFUNDED", { amountOre, status: "PENDING", to: "card" }),
        event("REFUND_COMPLETED", { amountOre }),
        event("REFUND_FAILED", { amountOre }),
        event("FEE_WAIVED", { amountOre }),
      ];
      expect(liveChanges(events, "sv", sv)).toEqual([]);
    }
    for (const data of [null, undefined, "3600", 3_600, [3_600], true]) {
      const events = ["PAYMENT_RECEIVED", "CREDITED", "PAYMENT_REFUNDED", "RESPITE_GRANTED"].map(
        (type) => event(type, data),
      );
      expect(liveChanges(events, "en", en)).toEqual([]);
    }
  });

  it("says a credit alone when the refund after it has no readable amount", () => {
    const credit = event("CREDITED", { creditedOre: 3_600 });
    const refund = event("PAYMENT_REFUNDED", { amountOre: "36", status: "PENDING", to: "card" });
    expect(liveChanges([credit, refund], "sv", sv)).toEqual([
      { id: credit.id, text: "36\u00a0kr har krediterats" },
    ]);
  });

  it("leaves out a respite without a real calendar date", () => {
    for (const dueDate of [
      undefined,
      20260228,
      "28/02/2026",
      "2026-2-28",
      "2026-02-30",
      "2026-13-01",
    ]) {
      expect(texts([event("RESPITE_GRANTED", { dueDate })], "sv")).toEqual([]);
    }
  });

  it("takes only its own words for a method or a destination, never an object's inherited keys", () => {
    for (const key of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      const payment = event("PAYMENT_RECEIVED", { amountOre: 3_600, method: key, balanceOre: 0 });
      const refund = event("PAYMENT_REFUNDED", { amountOre: 3_600, status: "PENDING", to: key });
      expect(texts([payment, refund], "sv")).toEqual([
        "Vi har tagit emot 36\u00a0kr — fakturan är betald. Tack!",
        "36\u00a0kr återbetalas på samma sätt som du betalade",
      ]);
    }
  });
});
