import { AppError } from "@/lib/errors/app-error";

/** Parses a quantity typed by a person ("2", "1,5", "0.25") into integer thousandths. */
export function parseQuantityMilli(input: string): number {
  const text = input
    .trim()
    .replace(/[\s\u00A0]/g, "")
    .replace(",", ".");
  const match = /^(-?)(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text);
  if (!match) throw new AppError("BAD_INPUT", `"${input}" is not a quantity (at most 3 decimals)`);
  const milli = Number(match[2]) * 1000 + Number((match[3] ?? "").padEnd(3, "0"));
  return match[1] === "-" ? -milli : milli;
}
