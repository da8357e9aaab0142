import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { formatMoney, formatMoneyPlain, formatQuantity, parseMoney } from "@/lib/money/money";

const locale = fc.constantFrom("sv" as const, "en" as const);
const anyOre = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const everydayOre = fc.integer({ min: -100_000_000_00, max: 100_000_000_00 });

describe("money properties", () => {
  it("parseMoney(formatMoney(x)) === x in both locales, with and without the locale hint", () => {
    fc.assert(
      fc.property(fc.oneof(anyOre, everydayOre), locale, fc.boolean(), (ore, loc, hint) => {
        const text = formatMoney(ore, { locale: loc });
        expect(parseMoney(text, hint ? { locale: loc } : {})).toBe(ore);
        expect(parseMoney(formatMoneyPlain(ore, loc), { locale: loc })).toBe(ore);
      }),
      { numRuns: 2000 },
    );
  });

  it("formatted text never leaks float artefacts", () => {
    fc.assert(
      fc.property(anyOre, locale, (ore, loc) => {
        const text = formatMoney(ore, { locale: loc });
        expect(text).not.toMatch(/NaN|Infinity|e\+|e-|undefined/);
        expect(text).toMatch(/\d[.,]\d\d(\u00A0kr)?$/);
      }),
    );
  });

  it("formatQuantity shows exactly the stored thousandths", () => {
    fc.assert(
      fc.property(anyOre, (milli) => {
        const text = formatQuantity(milli, "en").replaceAll(",", "");
        const [whole = "", fraction = ""] = text.replace("-", "").split(".");
        expect(fraction).not.toMatch(/0$/);
        const rebuilt = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, "0"));
        expect(rebuilt).toBe(BigInt(Math.abs(milli)));
        expect(text.startsWith("-")).toBe(milli < 0);
      }),
    );
  });

  it("parseMoney throws nothing but BAD_INPUT AppErrors on arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom(..."0123456789 ,.-−krSEK\u00A0") }),
        ),
        fc.option(locale, { nil: undefined }),
        (text, loc) => {
          try {
            const ore = parseMoney(text, { locale: loc });
            expect(Number.isSafeInteger(ore)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe("BAD_INPUT");
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("parseMoney reads any 1–2 decimal amount the same with either separator", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 99 }),
        (krona, ore) => {
          const fraction = String(ore).padStart(2, "0");
          const expected = Number(krona) * 100 + ore;
          expect(parseMoney(`${krona},${fraction}`)).toBe(expected);
          expect(parseMoney(`${krona}.${fraction}`)).toBe(expected);
        },
      ),
    );
  });
});
