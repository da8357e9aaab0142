import { parseBgMax } from "@/lib/bank-files/formats/bgmax";
import { parseCamt054 } from "@/lib/bank-files/formats/camt054";
import type { BankFileFormat, ParsedBankFile } from "@/lib/bank-files/formats/types";
import { AppError } from "@/lib/errors/app-error";

/**
 * One way in for any bank file. Which format a file is follows from its first characters (XML, or a
 * BgMax start record), never from a file name; the caller passes the format it expects (the API's
 * Content-Type, or what detectBankFileFormat said), and a file that is visibly the other format,
 * or neither, is refused rather than read anyway.
 */

function head(input: Uint8Array | string): string {
  const start =
    typeof input === "string" ? input.slice(0, 64) : String.fromCharCode(...input.subarray(0, 64));
  // A UTF-8 byte order mark, read as text or as raw bytes, then leading blank lines.
  return start.replace(/^(?:\uFEFF|\xEF\xBB\xBF)/, "").trimStart();
}

export function detectBankFileFormat(input: Uint8Array | string): BankFileFormat | null {
  const start = head(input);
  if (start.startsWith("<")) return "CAMT054";
  if (start.startsWith("01BGMAX")) return "BGMAX";
  return null;
}

const NAME: Record<BankFileFormat, string> = { CAMT054: "camt.054", BGMAX: "BgMax" };

export function parseBankFile(format: BankFileFormat, input: Uint8Array | string): ParsedBankFile {
  const found = detectBankFileFormat(input);
  if (found === null) {
    throw new AppError(
      "BAD_INPUT",
      `The file is neither a camt.054 XML notification nor a BgMax file (which starts with 01BGMAX); ${NAME[format]} was expected`,
      { format: null, expected: format },
    );
  }
  if (found !== format) {
    throw new AppError(
      "BAD_INPUT",
      `The file is ${NAME[found]}, but ${NAME[format]} was expected`,
      {
        format: found,
        expected: format,
      },
    );
  }
  return format === "CAMT054" ? parseCamt054(input) : parseBgMax(input);
}
