import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { parseQuantityMilli } from "@/lib/money/quantity";

describe("parseQuantityMilli", () => {
  it("reads whole and decimal quantities with comma or point", () => {
    expect(parseQuantityMilli("2")).toBe(2000);
    expect(parseQuantityMilli(" 1,5 ")).toBe(1500);
    expect(parseQuantityMilli("0.25")).toBe(250);
    expect(parseQuantityMilli("1 234,125")).toBe(1_234_125);
    expect(parseQuantityMilli("-3")).toBe(-3000);
  });
  it("refuses what is not a quantity", () => {
    for (const input of ["", "abc", "1,2345", "1.2.3", "1e3", "--1"]) {
      expect(() => parseQuantityMilli(input)).toThrow(AppError);
    }
  });
});
