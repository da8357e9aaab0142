import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { roundDiv } from "@/lib/money/rounding";

describe("roundDiv", () => {
  it("divides exactly when there is no remainder", () => {
    expect(roundDiv(1000, 10)).toBe(100);
    expect(roundDiv(-1000, 10)).toBe(-100);
    expect(roundDiv(0, 7)).toBe(0);
  });

  it("rounds halves away from zero for both signs", () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(150, 100)).toBe(2);
    expect(roundDiv(-150, 100)).toBe(-2);
    expect(roundDiv(250, 100)).toBe(3); // not banker's rounding (which would give 2)
    expect(roundDiv(-250, 100)).toBe(-3);
  });

  it("rounds below half toward zero and above half away from zero", () => {
    expect(roundDiv(149, 100)).toBe(1);
    expect(roundDiv(-149, 100)).toBe(-1);
    expect(roundDiv(151, 100)).toBe(2);
    expect(roundDiv(-151, 100)).toBe(-2);
    expect(roundDiv(1, 3)).toBe(0);
    expect(roundDiv(2, 3)).toBe(1);
    expect(roundDiv(-2, 3)).toBe(-1);
  });

  it("treats a negative denominator like a negated fraction", () => {
    expect(roundDiv(5, -2)).toBe(-3);
    expect(roundDiv(-5, -2)).toBe(3);
    expect(roundDiv(149, -100)).toBe(-1);
  });

  it("never returns a negative zero", () => {
    expect(Object.is(roundDiv(-1, 3), 0)).toBe(true);
    expect(Object.is(roundDiv(0, -5), 0)).toBe(true);
  });

  it("stays exact for numerators beyond 2^53 given as bigint", () => {
    // MAX_SAFE × 1000 + 499 is about 9·10^18: as a float it would lose the last three digits.
    expect(roundDiv(BigInt(Number.MAX_SAFE_INTEGER) * 1000n + 499n, 1000n)).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(roundDiv(-BigInt(Number.MAX_SAFE_INTEGER) * 1000n - 499n, 1000n)).toBe(
      -Number.MAX_SAFE_INTEGER,
    );
    expect(roundDiv(123_456_789_012_345n * 999_999n, 999_999n)).toBe(123_456_789_012_345);
  });

  it("rejects a zero denominator, non-integers and unsafe results with BAD_INPUT", () => {
    const bad = [
      () => roundDiv(1, 0),
      () => roundDiv(1n, 0n),
      () => roundDiv(1.5, 2),
      () => roundDiv(1, 0.5),
      () => roundDiv(Number.NaN, 1),
      () => roundDiv(2 ** 60, 1),
      () => roundDiv(2n ** 60n, 1n),
    ];
    for (const call of bad) {
      expect(call).toThrow(AppError);
      try {
        call();
      } catch (error) {
        expect((error as AppError).code).toBe("BAD_INPUT");
      }
    }
  });

  it("matches the definition |n/d − q| ≤ 1/2 with ties away from zero (property)", () => {
    const safe = BigInt(Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -safe, max: safe }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.boolean(),
        (n, absD, negateD) => {
          const d = negateD ? -absD : absD;
          const negative = n < 0n !== negateD;
          const absN = n < 0n ? -n : n;
          // Independent reference: floor((2|n| + |d|) / (2|d|)) is |n/d| rounded half up.
          const magnitude = Number((2n * absN + absD) / (2n * absD));
          const expected = negative && magnitude !== 0 ? -magnitude : magnitude;
          expect(roundDiv(n, d)).toBe(expected);
          expect(roundDiv(Number(n), Number(d))).toBe(expected);
        },
      ),
    );
  });

  it("is exact for products far beyond 2^53 (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n }),
        fc.bigInt({ min: 2n, max: 10n ** 9n }),
        (q, d) => {
          // q·d ± (just under half of d) must come back to q: no float could hold q·d.
          const under = (d - 1n) / 2n;
          expect(roundDiv(q * d + under, d)).toBe(Number(q));
          expect(roundDiv(q * d - under, d)).toBe(Number(q));
        },
      ),
    );
  });
});
