import { AppError } from "@/lib/errors/app-error";

function toBigInt(value: bigint | number, name: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) {
    throw new AppError("BAD_INPUT", `roundDiv ${name} must be a safe integer, got ${value}`);
  }
  return BigInt(value);
}

/**
 * Integer division rounded half away from zero (7/2 → 4, −7/2 → −4). Swedish practice for
 * öre amounts rounds a half öre up in magnitude regardless of sign, so a credit note mirrors
 * its invoice exactly; banker's rounding would make them differ. BigInt keeps products such
 * as quantity × price exact beyond 2^53 before the division brings them back down.
 */
export function roundDiv(numerator: bigint | number, denominator: bigint | number): number {
  let n = toBigInt(numerator, "numerator");
  let d = toBigInt(denominator, "denominator");
  if (d === 0n) {
    throw new AppError("BAD_INPUT", "roundDiv denominator must not be zero");
  }
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const quotient = n / d;
  const remainder = n % d;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  let rounded = quotient;
  if (2n * absRemainder >= d) {
    rounded += n < 0n ? -1n : 1n;
  }
  const result = Number(rounded);
  if (!Number.isSafeInteger(result)) {
    throw new AppError("BAD_INPUT", `roundDiv result ${rounded} is beyond the safe integer range`);
  }
  return result;
}
