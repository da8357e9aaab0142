import type { BankFileFormat } from "@/lib/bank-files/formats/types";
import { AppError } from "@/lib/errors/app-error";

/**
 * A file that cannot be read as its format says is refused whole, with where and what: the finance
 * person reading the report must be able to find the line or element and tell the bank.
 */
export function bankFileError(format: BankFileFormat, location: string | null, problem: string) {
  const name = format === "CAMT054" ? "camt.054" : "BgMax";
  const where = location ? ` (${location})` : "";
  return new AppError("BAD_INPUT", `The ${name} file cannot be read${where}: ${problem}`, {
    format,
    location,
    problem,
  });
}
