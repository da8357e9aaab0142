import { describe, expect, it } from "vitest";
import {
  formatReadable,
  formatReadableWithUnit,
  readableMilli,
} from "@/lib/usage/readable-figures";

describe("readableMilli", () => {
  it("keeps whole numbers from 100, one decimal from 10 and two below", () => {
    expect(readableMilli(1_493_456)).toBe(1_493_000);
    expect(readableMilli(100_000)).toBe(100_000);
    expect(readableMilli(93_940)).toBe(93_900);
    expect(readableMilli(10_000)).toBe(10_000);
    expect(readableMilli(9_876)).toBe(9_880);
    expect(readableMilli(123)).toBe(120);
    expect(readableMilli(0)).toBe(0);
  });

  it("rounds half away from zero, also for negative figures", () => {
    expect(readableMilli(1_493_500)).toBe(1_494_000);
    expect(readableMilli(-1_493_500)).toBe(-1_494_000);
    expect(readableMilli(93_950)).toBe(94_000);
    expect(readableMilli(-93_950)).toBe(-94_000);
    expect(readableMilli(9_875)).toBe(9_880);
  });

  it("gives percentages two decimals whatever their size", () => {
    expect(readableMilli(99_874, { percent: true })).toBe(99_870);
    expect(readableMilli(12_345, { percent: true })).toBe(12_350);
    expect(readableMilli(150_004, { percent: true })).toBe(150_000);
  });

  it("never rounds a share below 100 % up to 100 %", () => {
    expect(readableMilli(99_996, { percent: true })).toBe(99_990);
    expect(readableMilli(99_995, { percent: true })).toBe(99_990);
    expect(readableMilli(99_994, { percent: true })).toBe(99_990);
    expect(readableMilli(100_000, { percent: true })).toBe(100_000);
    expect(readableMilli(100_004, { percent: true })).toBe(100_000);
    // Not a percentage: 99,996 of anything may well read as 100.
    expect(readableMilli(99_996)).toBe(100_000);
  });
});

describe("formatReadable", () => {
  it("writes the rounded figure without trailing zeros, Swedish and English", () => {
    expect(formatReadable(1_493_456, { locale: "sv" })).toBe("1\u00a0493");
    expect(formatReadable(1_493_456, { locale: "en" })).toBe("1,493");
    expect(formatReadable(93_940, { locale: "sv" })).toBe("93,9");
    expect(formatReadable(93_940, { locale: "en" })).toBe("93.9");
    expect(formatReadable(48_040, { locale: "sv" })).toBe("48");
    expect(formatReadable(9_876, { locale: "sv" })).toBe("9,88");
    expect(formatReadable(99_996, { locale: "sv", percent: true })).toBe("99,99");
    expect(formatReadable(-1_493_456, { locale: "sv" })).toBe("\u22121\u00a0493");
  });
});

describe("formatReadableWithUnit", () => {
  it("puts the unit after a no-break space", () => {
    expect(formatReadableWithUnit(1_493_456, "kWh", "sv")).toBe("1\u00a0493\u00a0kWh");
    expect(formatReadableWithUnit(93_940, "Mbit/s", "sv")).toBe("93,9\u00a0Mbit/s");
    expect(formatReadableWithUnit(93_940, "Mbit/s", "en")).toBe("93.9\u00a0Mbit/s");
    expect(formatReadableWithUnit(99_874, "%", "sv")).toBe("99,87\u00a0%");
  });

  it("reads a % unit, however spaced, as a percentage that never reaches 100 % early", () => {
    expect(formatReadableWithUnit(99_996, " % ", "sv")).toBe("99,99\u00a0%");
    expect(formatReadableWithUnit(99_996, "kWh", "sv")).toBe("100\u00a0kWh");
    expect(formatReadableWithUnit(1_493_456, "  kWh ", "en")).toBe("1,493\u00a0kWh");
  });
});
