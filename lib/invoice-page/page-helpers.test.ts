import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { isLocale, LOCALES, resolveInvoiceLocale } from "@/lib/invoice-page/invoice-locale";
import { swishQrPath } from "@/lib/invoice-page/swish-qr-svg";
import { buildSwishQrPayload } from "@/lib/references/swish-qr";

describe("resolveInvoiceLocale", () => {
  it("lets a remembered sv or en choice win over the customer's language", () => {
    expect(resolveInvoiceLocale("en", "sv")).toBe("en");
    expect(resolveInvoiceLocale("sv", "en")).toBe("sv");
    expect(resolveInvoiceLocale("sv", "sv")).toBe("sv");
  });

  it("ignores a missing or unknown cookie and falls back to the customer's language", () => {
    for (const cookie of [undefined, "", "EN", "Sv", "de", "en-GB", " en", "sv;", "null"]) {
      expect(resolveInvoiceLocale(cookie, "sv")).toBe("sv");
      expect(resolveInvoiceLocale(cookie, "en")).toBe("en");
    }
  });
});

describe("isLocale", () => {
  it("accepts exactly the supported locales", () => {
    for (const locale of LOCALES) expect(isLocale(locale)).toBe(true);
    expect([...LOCALES].sort()).toEqual(["en", "sv"]);
  });

  it("rejects anything else, whatever its type", () => {
    for (const value of ["SV", "EN", "fi", "", "sv-SE", null, undefined, 0, ["sv"], { sv: 1 }]) {
      expect(isLocale(value)).toBe(false);
    }
  });
});

const INPUT = { payee: "123 456 78 90", amountOre: 60_400, message: "4004711002" };

/** The top-left corners of the drawn squares, as [x, y]. */
function squaresOf(path: string): Array<[number, number]> {
  return [...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe("swishQrPath", () => {
  it("encodes exactly the payload the Swish builder makes for the same input", () => {
    const qr = swishQrPath(INPUT);
    expect(qr.payload).toBe(buildSwishQrPayload(INPUT));
    expect(qr.payload).toBe("C1234567890;604,00;4004711002;0");
  });

  it("is as wide as the code's modules plus a four-module quiet zone each side", () => {
    const qr = swishQrPath(INPUT);
    const modules = QRCode.create(qr.payload, { errorCorrectionLevel: "M" }).modules;
    expect(qr.size).toBe(modules.size + 8);
    // Every dark module is one square, placed inside the quiet zone, and nothing else is drawn.
    const squares = squaresOf(qr.path);
    let dark = 0;
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark++;
    }
    expect(squares).toHaveLength(dark);
    for (const [x, y] of squares) {
      expect(x).toBeGreaterThanOrEqual(4);
      expect(y).toBeGreaterThanOrEqual(4);
      expect(x).toBeLessThan(qr.size - 4);
      expect(y).toBeLessThan(qr.size - 4);
    }
  });

  it("draws the finder pattern's dark corner and light separator where a scanner expects them", () => {
    const drawn = new Set(squaresOf(swishQrPath(INPUT).path).map(([x, y]) => `${x},${y}`));
    expect(drawn.has("4,4")).toBe(true); // module (0,0): corner of the top-left finder
    expect(drawn.has("10,10")).toBe(true); // module (6,6): its opposite corner
    expect(drawn.has("11,11")).toBe(false); // module (7,7): the light separator around it
  });

  it("uses only absolute moves and relative h/v lines with whole numbers, closed squares", () => {
    const { path } = swishQrPath(INPUT);
    expect(path.length).toBeGreaterThan(0);
    expect(new Set(path.match(/[A-Za-z]/g))).toEqual(new Set(["M", "h", "v", "z"]));
    const numbers = path.split(/[Mhvz ]/).filter((token) => token !== "");
    for (const token of numbers) expect(token).toMatch(/^-?\d+$/);
    expect(path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
  });

  it("draws a different code for a different amount", () => {
    const a = swishQrPath(INPUT);
    const b = swishQrPath({ ...INPUT, amountOre: 60_500 });
    expect(b.payload).toBe("C1234567890;605,00;4004711002;0");
    expect(b.path).not.toBe(a.path);
  });

  it("passes the builder's AppError through for input Swish cannot take", () => {
    const bad = [
      { ...INPUT, payee: "5050-1055" },
      { ...INPUT, payee: "0812345678" },
      { ...INPUT, amountOre: 0 },
      { ...INPUT, message: "OCR\n4004711002" },
    ];
    for (const input of bad) {
      let caught: unknown;
      try {
        swishQrPath(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe("BAD_INPUT");
    }
  });
});
