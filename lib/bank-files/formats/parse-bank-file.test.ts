import { describe, expect, it } from "vitest";
import { detectBankFileFormat, parseBankFile } from "@/lib/bank-files/formats/parse-bank-file";
import { AppError } from "@/lib/errors/app-error";
import { generateBgMax, generateCamt054 } from "@/tests/helpers/bank-file-generator";

const payments = [{ amountOre: 100, bookingDate: "2026-12-11" }];
const camt = generateCamt054(payments, { account: { bankgiro: "9912346" } });
const bgmax = generateBgMax(payments, { account: { bankgiro: "9912346" } });

describe("which format a file is", () => {
  it("follows from its first characters, as bytes or text", () => {
    expect(detectBankFileFormat(camt.bytes)).toBe("CAMT054");
    expect(detectBankFileFormat(camt.text)).toBe("CAMT054");
    expect(detectBankFileFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), camt.bytes]))).toBe(
      "CAMT054",
    );
    expect(detectBankFileFormat(`\uFEFF\n  ${camt.text}`)).toBe("CAMT054");
    expect(detectBankFileFormat(bgmax.bytes)).toBe("BGMAX");
    expect(detectBankFileFormat(bgmax.text)).toBe("BGMAX");
    expect(detectBankFileFormat("Datum;Belopp;Referens")).toBeNull();
    expect(detectBankFileFormat(new Uint8Array())).toBeNull();
  });

  it("sends each file to its parser", () => {
    expect(parseBankFile("CAMT054", camt.bytes).format).toBe("CAMT054");
    expect(parseBankFile("BGMAX", bgmax.bytes).format).toBe("BGMAX");
  });

  it("refuses a file of neither format, and one of the other format than expected", () => {
    expect(() => parseBankFile("BGMAX", "Datum;Belopp")).toThrow(AppError);
    expect(() => parseBankFile("BGMAX", "Datum;Belopp")).toThrow(
      /neither a camt\.054 XML notification nor a BgMax file .*; BgMax was expected/,
    );
    expect(() => parseBankFile("CAMT054", bgmax.bytes)).toThrow(
      /The file is BgMax, but camt\.054 was expected/,
    );
    expect(() => parseBankFile("BGMAX", camt.bytes)).toThrow(
      /The file is camt\.054, but BgMax was expected/,
    );
  });
});
