import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { generateOcr, validateOcr } from "@/lib/references/ocr";

const digitString = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength, maxLength });
const ocrBase = digitString(1, 23).filter((s) => /[1-9]/.test(s));

describe("generateOcr", () => {
  it("appends length digit and Luhn digit (hand-checked)", () => {
    // "12345678": 10 digits in total → length digit 0; Luhn over 123456780, weights 2,1,… from
    // the right: 0 8 14→5 6 10→1 4 6 2 2 = 34 → check 6.
    expect(generateOcr("12345678")).toBe("1234567806");
    // 1: 3 digits → "13"; 3·2=6 + 1 = 7 → check 3.
    expect(generateOcr(1)).toBe("133");
    // 4711: 6 digits → "47116"; 6·2=12→3, 1, 1·2=2, 7, 4·2=8 = 21 → check 9.
    expect(generateOcr(4711)).toBe("471169");
    // 1234567: 9 digits → "12345679"; 9·2=18→9, 7, 6·2=12→3, 5, 4·2=8, 3, 2·2=4, 1 = 40 → 0.
    expect(generateOcr("1234567")).toBe("123456790");
  });

  it("treats a number and its decimal string the same", () => {
    expect(generateOcr(12345678)).toBe(generateOcr("12345678"));
  });

  it("keeps leading zeros of a string base", () => {
    // "0042": 6 digits → "00426"; 6·2=12→3, 2, 4·2=8, 0, 0 = 13 → check 7.
    expect(generateOcr("0042")).toBe("004267");
  });

  it("allows up to 25 digits in total and no more", () => {
    const base23 = "12345678901234567890123";
    expect(generateOcr(base23)).toHaveLength(25);
    expect(generateOcr(base23).at(-2)).toBe("5");
    expect(() => generateOcr(`${base23}4`)).toThrow(/maximum is 25/);
  });

  it("rejects zero, negatives, fractions and non-digits with BAD_INPUT", () => {
    for (const bad of [
      0,
      -1,
      1.5,
      Number.NaN,
      Number.MAX_SAFE_INTEGER + 1,
      "",
      "0",
      "000",
      "12a",
      "-5",
      " 12",
      "1 2",
    ]) {
      try {
        generateOcr(bad);
        expect.unreachable(`expected ${String(bad)} to be rejected`);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("BAD_INPUT");
      }
    }
  });
});

describe("validateOcr", () => {
  it("soft accepts any 2–25 digits without checking", () => {
    expect(validateOcr("12", "soft")).toEqual({ ok: true });
    expect(validateOcr("1234567800", "soft")).toEqual({ ok: true });
    expect(validateOcr("1".repeat(25), "soft")).toEqual({ ok: true });
    expect(validateOcr("1", "soft").ok).toBe(false);
    expect(validateOcr("1".repeat(26), "soft").ok).toBe(false);
    expect(validateOcr("12 34", "soft").ok).toBe(false);
  });

  it("hard (the default) requires a correct Luhn digit only", () => {
    expect(validateOcr("1234567806")).toEqual({ ok: true });
    expect(validateOcr("1234567806", "hard")).toEqual({ ok: true });
    // 4111111111111111 passes Luhn but its length digit 1 ≠ 16 mod 10: hard accepts it anyway.
    expect(validateOcr("4111111111111111", "hard")).toEqual({ ok: true });
    const wrong = validateOcr("1234567807", "hard");
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.reason).toMatch(/check digit/);
  });

  it("variable-length also checks the length digit", () => {
    expect(validateOcr("1234567806", "variable-length")).toEqual({ ok: true });
    expect(validateOcr("133", "variable-length")).toEqual({ ok: true });
    const badLength = validateOcr("4111111111111111", "variable-length");
    expect(badLength.ok).toBe(false);
    expect(!badLength.ok && badLength.reason).toMatch(/length digit is 1 but it has 16/);
    expect(validateOcr("1234567807", "variable-length").ok).toBe(false);
  });

  it("fixed-length requires Luhn and one of the agreed lengths", () => {
    expect(validateOcr("1234567806", "fixed-length", { fixedLengths: [10] })).toEqual({ ok: true });
    expect(validateOcr("4111111111111111", "fixed-length", { fixedLengths: [10, 16] })).toEqual({
      ok: true,
    });
    const wrongLength = validateOcr("1234567806", "fixed-length", { fixedLengths: [12, 14] });
    expect(!wrongLength.ok && wrongLength.reason).toMatch(/allowed lengths are 12, 14/);
    expect(validateOcr("1234567807", "fixed-length", { fixedLengths: [10] }).ok).toBe(false);
    expect(() => validateOcr("1234567806", "fixed-length")).toThrow(AppError);
  });

  it("explains what is wrong", () => {
    const letters = validateOcr("12A4", "hard");
    expect(!letters.ok && letters.reason).toMatch(/digits/);
    const long = validateOcr("1".repeat(26), "hard");
    expect(!long.ok && long.reason).toMatch(/2–25 digits/);
    expect(validateOcr("", "soft").ok).toBe(false);
  });
});

describe("OCR properties", () => {
  it("every generated reference passes hard and variable-length control", () => {
    fc.assert(
      fc.property(ocrBase, (base) => {
        const ocr = generateOcr(base);
        expect(ocr.startsWith(base)).toBe(true);
        expect(ocr).toHaveLength(base.length + 2);
        expect(validateOcr(ocr, "hard")).toEqual({ ok: true });
        expect(validateOcr(ocr, "variable-length")).toEqual({ ok: true });
        expect(validateOcr(ocr, "fixed-length", { fixedLengths: [ocr.length] })).toEqual({
          ok: true,
        });
      }),
    );
  });

  it("any single mistyped digit is caught", () => {
    fc.assert(
      fc.property(ocrBase, fc.nat(), fc.integer({ min: 1, max: 9 }), (base, at, delta) => {
        const ocr = generateOcr(base);
        const i = at % ocr.length;
        const changed = String((Number(ocr[i]) + delta) % 10);
        const typo = ocr.slice(0, i) + changed + ocr.slice(i + 1);
        expect(validateOcr(typo, "hard").ok).toBe(false);
      }),
    );
  });

  it("swapping two adjacent different digits is caught, except the 0↔9 pair", () => {
    // Luhn's known blind spot: "09" and "90" give the same weighted sum (0+9 vs 9·2→9 + 0),
    // so those swaps are excluded; every other adjacent transposition changes the sum.
    fc.assert(
      fc.property(ocrBase, fc.nat(), (base, at) => {
        const ocr = generateOcr(base);
        const i = at % (ocr.length - 1);
        const a = ocr[i] ?? "";
        const b = ocr[i + 1] ?? "";
        fc.pre(a !== b && `${a}${b}` !== "09" && `${a}${b}` !== "90");
        const swapped = ocr.slice(0, i) + b + a + ocr.slice(i + 2);
        expect(validateOcr(swapped, "hard").ok).toBe(false);
      }),
    );
  });

  it("documents the 0↔9 blind spot so nobody relies on it", () => {
    // 90: 0 + 9·2=18→9 = 9 → check 1 → "901"; "091": 1 + 9·2→9 + 0 = 10 → also valid.
    expect(validateOcr("901", "hard")).toEqual({ ok: true });
    expect(validateOcr("091", "hard")).toEqual({ ok: true });
  });
});
