import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { creditModeSchema } from "@/lib/invoices/credit-note-input";
import { invoiceLineInputSchema, valueFactInputSchema } from "@/lib/invoices/invoice-input";
import { recordPaymentInputSchema } from "@/lib/ledger/record-payment";
import { MAX_STORED_INTEGER } from "@/lib/money/money";
import { startPaymentInputSchema } from "@/lib/payments/start-payment";

/**
 * Reproduction (issue: "a 3 000 000 000 öre unit price gave 500"): every amount, price and quantity
 * input stops where its 32-bit column does, so a value that would not fit is refused at the
 * boundary instead of wrapping in the database.
 */
const line = {
  description: "Rad",
  quantityMilli: 1000,
  unit: "st",
  unitPriceCentiOre: 100,
  vatRate: 25,
};

const fact = { key: "uptime", labelSv: "Drifttid", labelEn: "Uptime", valueMilli: 1, unit: "%" };

const cases: Array<[string, z.ZodType, (value: number) => unknown]> = [
  ["unit price", invoiceLineInputSchema, (value) => ({ ...line, unitPriceCentiOre: value })],
  ["line discount", invoiceLineInputSchema, (value) => ({ ...line, discountOre: value })],
  [
    "credited amount",
    creditModeSchema,
    (value) => ({ kind: "amount", amountOre: value, vatRate: 25 }),
  ],
  ["payment started", startPaymentInputSchema, (value) => ({ amountOre: value, method: "CARD" })],
  ["value fact", valueFactInputSchema, (value) => ({ ...fact, valueMilli: value })],
  [
    "value fact's comparison",
    valueFactInputSchema,
    (value) => ({ ...fact, comparisonMilli: value }),
  ],
];

describe("input bounds agree with the columns", () => {
  it.each(cases)(
    "%s: the largest stored integer passes, one more is refused",
    (_, schema, input) => {
      expect(schema.safeParse(input(MAX_STORED_INTEGER)).success).toBe(true);
      expect(schema.safeParse(input(MAX_STORED_INTEGER + 1)).success).toBe(false);
      expect(schema.safeParse(input(3_000_000_000)).success).toBe(false);
    },
  );

  it("refuses a recorded payment beyond the column", () => {
    const payment = (amountOre: number) =>
      recordPaymentInputSchema.safeParse({
        invoiceId: "7d1c2a50-7d3e-4f63-9d52-0f6d8f6a3b11",
        organizationId: "7d1c2a50-7d3e-4f63-9d52-0f6d8f6a3b12",
        amountOre,
        method: "swish",
        externalRef: "bank-1",
      }).success;
    expect(payment(MAX_STORED_INTEGER)).toBe(true);
    expect(payment(MAX_STORED_INTEGER + 1)).toBe(false);
  });
});
