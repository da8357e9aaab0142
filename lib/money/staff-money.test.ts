import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { parseMoney } from "@/lib/money/money";
import { formatStaffMoney } from "@/lib/money/staff-money";

describe("formatStaffMoney", () => {
  it("writes every amount the Swedish way, with öre and no-break spaces", () => {
    expect(formatStaffMoney(123_450)).toBe("1\u00a0234,50\u00a0kr");
    expect(formatStaffMoney(3_600)).toBe("36,00\u00a0kr");
    expect(formatStaffMoney(0)).toBe("0,00\u00a0kr");
    expect(formatStaffMoney(-7)).toBe("\u22120,07\u00a0kr");
    expect(formatStaffMoney(123_456_789)).toBe("1\u00a0234\u00a0567,89\u00a0kr");
  });

  it("writes what an agent can type back in the Swedish way and get the same amount", () => {
    for (const ore of [0, 1, 99, 3_600, 123_450, -5_000, 2_147_483_647]) {
      expect(parseMoney(formatStaffMoney(ore), { locale: "sv" })).toBe(ore);
    }
  });

  it("refuses an amount that is not a whole number of öre", () => {
    expect(() => formatStaffMoney(12.5)).toThrow(AppError);
  });
});
