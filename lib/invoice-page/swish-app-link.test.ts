import { describe, expect, it } from "vitest";
import { swishAppLink } from "@/lib/invoice-page/swish-app-link";
import { buildSwishQrPayload } from "@/lib/references/swish-qr";

/** The app switch's `data`, read back as the Swish app would. */
function dataOf(link: string) {
  const url = new URL(link);
  expect(url.protocol).toBe("swish:");
  expect(url.host).toBe("payment");
  return JSON.parse(url.searchParams.get("data")!) as {
    version: number;
    payee: { value: string; editable: boolean };
    amount: { value: number; editable: boolean };
    message: { value: string; editable: boolean };
  };
}

describe("swishAppLink", () => {
  it("opens the Swish app with payee, amount and OCR filled in and locked", () => {
    const link = swishAppLink({ payee: "123 785 69 01", amountOre: 223_950, message: "12229445" });
    expect(link.startsWith("swish://payment?data=")).toBe(true);
    expect(dataOf(link)).toEqual({
      version: 1,
      payee: { value: "1237856901", editable: false },
      amount: { value: 2239.5, editable: false },
      message: { value: "12229445", editable: false },
    });
  });

  it("writes the amount from whole öre as a decimal literal, never through a float", () => {
    const amountText = (amountOre: number) =>
      /"amount":\{"value":([^,]+),/.exec(
        decodeURIComponent(
          swishAppLink({ payee: "1231234567", amountOre, message: "1" }).split("data=")[1]!,
        ),
      )![1];
    expect(amountText(1)).toBe("0.01");
    expect(amountText(10)).toBe("0.10");
    expect(amountText(100)).toBe("1.00");
    expect(amountText(223_950)).toBe("2239.50");
    // 0.1 + 0.2 style drift cannot happen: 1 001 001 öre is exactly 10010.01 kr.
    expect(amountText(1_001_001)).toBe("10010.01");
  });

  it("keeps a message with JSON or URL characters a single, intact field", () => {
    const message = 'Faktura "7"; 50 % & mer';
    const link = swishAppLink({ payee: "1231234567", amountOre: 5_000, message });
    expect(link).not.toMatch(/[ "{};&]/);
    expect(dataOf(link).message.value).toBe(message);
  });

  it("says the same payment as the QR code, or refuses what the QR code refuses", () => {
    const input = { payee: "1231234567", amountOre: 12_345, message: "4711" };
    const qr = buildSwishQrPayload(input);
    const app = dataOf(swishAppLink(input));
    expect(qr.split(";")[0]).toBe(`C${app.payee.value}`);
    expect(qr.split(";")[1]).toBe("123,45");
    expect(app.amount.value).toBe(123.45);
    for (const bad of [
      { payee: "0701234567", amountOre: 100, message: "1" },
      { payee: "1231234567", amountOre: 0, message: "1" },
      { payee: "1231234567", amountOre: 1.5, message: "1" },
      { payee: "1231234567", amountOre: 100, message: "x".repeat(51) },
      { payee: "1231234567", amountOre: 100, message: "rad\nbrytning" },
    ]) {
      expect(() => buildSwishQrPayload(bad)).toThrow();
      expect(() => swishAppLink(bad)).toThrow();
    }
  });
});
