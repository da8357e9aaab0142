import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  buildSwishQrPayload,
  formatSwishNumber,
  SWISH_EDITABLE_BITS,
} from "@/lib/references/swish-qr";

const isAllowedInMessage = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f;
};

function expectBadInput(call: () => unknown, messagePart: RegExp): void {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("BAD_INPUT");
  expect((caught as AppError).message).toMatch(messagePart);
}

describe("buildSwishQrPayload", () => {
  it("builds C<payee>;<amount>;<message>;<mask> with everything locked by default", () => {
    expect(
      buildSwishQrPayload({ payee: "123 123 45 67", amountOre: 123450, message: "Faktura 1001" }),
    ).toBe("C1231234567;1234,50;Faktura%201001;0");
  });

  it("leaves amount and message empty when not given", () => {
    expect(buildSwishQrPayload({ payee: "1231234567" })).toBe("C1231234567;;;0");
  });

  it("writes the amount with a decimal comma and always two decimals (spec 6.1)", () => {
    const amountOf = (amountOre: number) =>
      buildSwishQrPayload({ payee: "1231234567", amountOre }).split(";")[1];
    expect(amountOf(1)).toBe("0,01");
    expect(amountOf(50)).toBe("0,50");
    expect(amountOf(100)).toBe("1,00");
    expect(amountOf(123450)).toBe("1234,50");
    expect(amountOf(100000000)).toBe("1000000,00");
    expect(amountOf(99_999_999_999_999)).toBe("999999999999,99");
  });

  it("accepts business numbers written with spaces or hyphens, and only business numbers", () => {
    expect(buildSwishQrPayload({ payee: "123-123 45 67" })).toBe("C1231234567;;;0");
    expect(buildSwishQrPayload({ payee: " 1231234567 " })).toBe("C1231234567;;;0");
    expectBadInput(() => buildSwishQrPayload({ payee: "070-123 45 67" }), /business number/);
  });

  it("matches the specification's own example", () => {
    expect(
      buildSwishQrPayload({ payee: "1237856901", amountOre: 10_000, message: "12229445" }),
    ).toBe("C1237856901;100,00;12229445;0");
  });

  it("sets payee = 1, amount = 2, message = 4 for editable fields", () => {
    expect(SWISH_EDITABLE_BITS).toEqual({ payee: 1, amount: 2, message: 4 });
    const maskOf = (editable: { payee?: boolean; amount?: boolean; message?: boolean }) =>
      buildSwishQrPayload({ payee: "1231234567", editable }).split(";")[3];
    expect(maskOf({})).toBe("0");
    expect(maskOf({ payee: false, amount: false, message: false })).toBe("0");
    expect(maskOf({ payee: true })).toBe("1");
    expect(maskOf({ amount: true })).toBe("2");
    expect(maskOf({ payee: true, amount: true })).toBe("3");
    expect(maskOf({ message: true })).toBe("4");
    expect(maskOf({ payee: true, message: true })).toBe("5");
    expect(maskOf({ amount: true, message: true })).toBe("6");
    expect(maskOf({ payee: true, amount: true, message: true })).toBe("7");
  });

  it("allows a message of exactly 50 characters, counting å/ä/ö as one each, URL encoded", () => {
    const fifty = "åäö".repeat(16).concat("Ö!");
    expect(buildSwishQrPayload({ payee: "1231234567", message: fifty })).toBe(
      `C1231234567;;${encodeURIComponent(fifty)};0`,
    );
    // The separator in a message is encoded, so it cannot end the field.
    expect(buildSwishQrPayload({ payee: "1231234567", message: "Faktura 1;2" })).toBe(
      "C1231234567;;Faktura%201%3B2;0",
    );
  });

  it("rejects messages that are too long or have line breaks", () => {
    expectBadInput(
      () => buildSwishQrPayload({ payee: "1231234567", message: "x".repeat(51) }),
      /51 characters; the maximum is 50/,
    );
    expectBadInput(
      () => buildSwishQrPayload({ payee: "1231234567", message: "rad 1\nrad 2" }),
      /line breaks/,
    );
  });

  it.each([
    ["123123456", "9 digits"],
    ["12312345678", "11 digits"],
    ["1241234567", "business numbers start with 123"],
    ["0701234567", "a private mobile number is not an invoice's payee"],
    ["+46701234567", "international form"],
    ["9001223", "charity 90-numbers are not supported"],
    ["123abc4567", "letters"],
    ["", "empty"],
  ])("rejects payee %j (%s)", (payee) => {
    expectBadInput(() => buildSwishQrPayload({ payee }), /not a Swish business number/);
  });

  it.each([0, -100, 12.5, Number.NaN, 100_000_000_000_000])(
    "rejects amount %s öre",
    (amountOre) => {
      expectBadInput(() => buildSwishQrPayload({ payee: "1231234567", amountOre }), /Swish amount/);
    },
  );

  it("has exactly four fields and an amount that reads back to the öre (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999_999_999 }),
        fc
          .string({ maxLength: 50 })
          .filter((m) => [...m].length <= 50 && [...m].every(isAllowedInMessage)),
        (amountOre, message) => {
          const payload = buildSwishQrPayload({ payee: "1231234567", amountOre, message });
          const fields = payload.split(";");
          expect(fields).toHaveLength(4);
          expect(fields[0]).toBe("C1231234567");
          expect(fields[1]).toMatch(/^\d+,\d\d$/);
          expect(BigInt((fields[1] ?? "").replace(",", ""))).toBe(BigInt(amountOre));
          expect(decodeURIComponent(fields[2] ?? "")).toBe(message);
          expect(fields[3]).toBe("0");
        },
      ),
    );
  });
});

describe("formatSwishNumber", () => {
  it("groups 3-3-2-2", () => {
    expect(formatSwishNumber("1231234567")).toBe("123 123 45 67");
    expect(formatSwishNumber("123-123 45 67")).toBe("123 123 45 67");
  });

  it("rejects non-Swish numbers", () => {
    expectBadInput(() => formatSwishNumber("12345"), /not a Swish business number/);
  });
});
