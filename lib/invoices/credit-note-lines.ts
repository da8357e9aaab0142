import type { InvoiceLine } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { computeInvoiceTotals, LINE_PRODUCT_SCALE } from "@/lib/invoices/totals";
import { formatQuantity } from "@/lib/money/money";
import { roundDiv } from "@/lib/money/rounding";
import { formatStaffMoney } from "@/lib/money/staff-money";

/**
 * The lines of a credit note, per way of crediting. Pure: the database part is in
 * issue-credit-note.ts. A credit note's line keeps the position of the original line it credits,
 * which is how later credits know how much of each original line is already taken back.
 */
export type CreditableLine = Pick<
  InvoiceLine,
  | "id"
  | "position"
  | "kind"
  | "description"
  | "descriptionEn"
  | "quantityMilli"
  | "unit"
  | "unitPriceCentiOre"
  | "vatRate"
  | "vatExemptionReason"
  | "discountOre"
  | "periodStart"
  | "periodEnd"
>;
export type CreditNoteLine = Omit<CreditableLine, "id">;

/** The select that reads an original line as a CreditableLine (and nothing more). */
export const CREDITABLE_LINE_SELECT = {
  id: true,
  position: true,
  kind: true,
  description: true,
  descriptionEn: true,
  quantityMilli: true,
  unit: true,
  unitPriceCentiOre: true,
  vatRate: true,
  vatExemptionReason: true,
  discountOre: true,
  periodStart: true,
  periodEnd: true,
} as const satisfies Record<keyof CreditableLine, true>;

/**
 * Invoices number their lines from 1, so a credit note line that credits an amount rather than an
 * original line takes position 0 (a note with one such line per VAT rate numbers them 0, −1, …)
 * and is never counted against any original line.
 */
export const AMOUNT_LINE_POSITION = 0;

/** Whether a credit note's line credits an amount rather than a line of the original. */
export const isAmountLine = (line: { position: number }) => line.position <= AMOUNT_LINE_POSITION;

/** Every line negated: by the symmetric rounding of totals.ts, every figure mirrors the original. */
export function mirrorLines(lines: readonly CreditableLine[]): CreditNoteLine[] {
  return lines.map(({ id: _id, ...line }) => ({
    ...line,
    quantityMilli: 0 - line.quantityMilli,
    discountOre: 0 - line.discountOre,
  }));
}

/**
 * How much of each original line (by position) earlier credit notes took back, as a quantity in
 * the original line's own sign (crediting all of a line of −2 units gives −2).
 */
export function creditedQuantities(
  earlierCreditLines: ReadonlyArray<{ position: number; quantityMilli: number }>,
): Map<number, number> {
  const credited = new Map<number, number>();
  for (const line of earlierCreditLines) {
    if (isAmountLine(line)) continue;
    credited.set(line.position, (credited.get(line.position) ?? 0) - line.quantityMilli);
  }
  return credited;
}

/** What is still uncredited of a line, as a positive quantity in thousandths. */
export function remainingQuantityMilli(
  line: Pick<CreditableLine, "position" | "quantityMilli">,
  credited: ReadonlyMap<number, number>,
): number {
  const sign = Math.sign(line.quantityMilli);
  return Math.abs(line.quantityMilli) - sign * (credited.get(line.position) ?? 0);
}

/**
 * The net of the first `magnitude` thousandths of a line, its discount shared pro rata. Credits
 * are cut as differences of this running figure, so however a line is credited in parts, the
 * parts' nets add up to exactly the line's own net once all of it is credited.
 */
function runningNetOre(line: CreditableLine, magnitude: number): number {
  const quantity = BigInt(Math.sign(line.quantityMilli) * magnitude);
  const gross = roundDiv(quantity * BigInt(line.unitPriceCentiOre), LINE_PRODUCT_SCALE);
  const discount = roundDiv(
    BigInt(line.discountOre) * BigInt(magnitude),
    BigInt(Math.abs(line.quantityMilli)),
  );
  return gross - discount;
}

const quantity = (milli: number) => formatQuantity(milli, "en");

function lineLabel(line: CreditableLine): string {
  return `line ${line.position} (${line.description})`;
}

/** Credit lines for chosen original lines, each whole or a part of what remains of it. */
export function partialCreditLines(
  original: readonly CreditableLine[],
  credited: ReadonlyMap<number, number>,
  requested: ReadonlyArray<{ lineId: string; quantityMilli?: number }>,
): CreditNoteLine[] {
  const byId = new Map(original.map((line) => [line.id, line]));
  return requested.map((request) => {
    const line = byId.get(request.lineId);
    if (!line) {
      throw new AppError("BAD_INPUT", `Line ${request.lineId} is not a line of this invoice`);
    }
    const remaining = remainingQuantityMilli(line, credited);
    if (line.quantityMilli === 0 || remaining <= 0) {
      throw new AppError("CONFLICT", `Nothing is left to credit on ${lineLabel(line)}`);
    }
    const part = request.quantityMilli ?? remaining;
    if (part > remaining) {
      throw new AppError(
        "CONFLICT",
        `Only ${quantity(remaining)} ${line.unit} of ${lineLabel(line)} remain uncredited, not ${quantity(part)}`,
        { lineId: line.id, remainingQuantityMilli: remaining },
      );
    }
    const alreadyMagnitude = Math.abs(line.quantityMilli) - remaining;
    const partNet =
      runningNetOre(line, alreadyMagnitude + part) - runningNetOre(line, alreadyMagnitude);
    const quantityMilli = Math.sign(line.quantityMilli) * part;
    const { id: _id, ...rest } = line;
    return {
      ...rest,
      quantityMilli: 0 - quantityMilli,
      // What makes this line's net exactly −partNet: the discount's share plus, at most an öre,
      // the difference between rounding this part alone and rounding the running figure.
      discountOre:
        partNet -
        roundDiv(BigInt(quantityMilli) * BigInt(line.unitPriceCentiOre), LINE_PRODUCT_SCALE),
    };
  });
}

function amountLineFor(
  netOre: number,
  vatRate: number,
  text: { description: string; descriptionEn: string },
): CreditNoteLine {
  return {
    position: AMOUNT_LINE_POSITION,
    kind: "CREDIT",
    description: text.description,
    descriptionEn: text.descriptionEn,
    quantityMilli: -1000,
    unit: "st",
    unitPriceCentiOre: netOre * 100,
    vatRate,
    vatExemptionReason: null,
    discountOre: 0,
    periodStart: null,
    periodEnd: null,
  };
}

/** The total a credit note with one amount line of this net would have, or null if refused. */
export type AmountLineTotal = (line: CreditNoteLine) => number | null;

/** The total of the line as a document of its own (no earlier credits to measure against). */
const standaloneTotal =
  (roundToWholeKrona: boolean): AmountLineTotal =>
  (line) =>
    computeInvoiceTotals([line], { roundToWholeKrona }).totalOre;

/**
 * The net amount whose credit note totals exactly `amountOre` including VAT (and öresutjämning),
 * or null when no whole-öre net does: VAT is rounded per rate, so some gross amounts cannot be
 * reached (at 25 %, one öre in five), and with rounding to whole kronor only whole kronor can.
 */
function netForGross(
  amountOre: number,
  vatRate: number,
  totalOf: AmountLineTotal,
  text: { description: string; descriptionEn: string },
) {
  const estimate = roundDiv(BigInt(amountOre) * 100n, BigInt(100 + vatRate));
  let best: { netOre: number; roundingOre: number } | null = null;
  for (const netOre of [estimate, estimate - 1, estimate + 1, estimate - 2, estimate + 2]) {
    if (netOre <= 0) continue;
    const totalOre = totalOf(amountLineFor(netOre, vatRate, text));
    if (totalOre !== -amountOre) continue;
    // Of two nets that reach the amount, the one whose own VAT is closest to the rate's.
    const roundingOre = Math.abs(
      netOre + roundDiv(BigInt(netOre) * BigInt(vatRate), 100n) - amountOre,
    );
    if (!best || roundingOre < best.roundingOre) best = { netOre, roundingOre };
  }
  return best?.netOre ?? null;
}

/**
 * One credit line for an amount including VAT at one rate ("Kreditering", "Kompensation"). With
 * `totalOf`, the amount is reached as the credit note's total measured against the invoice and
 * its earlier credit notes (see credit-note-totals.ts); without it, as a document of its own.
 */
export function amountCreditLine(options: {
  amountOre: number;
  vatRate: number;
  roundToWholeKrona: boolean;
  description: string;
  descriptionEn: string;
  totalOf?: AmountLineTotal;
}): CreditNoteLine {
  const { amountOre, vatRate, roundToWholeKrona } = options;
  const totalOf = options.totalOf ?? standaloneTotal(roundToWholeKrona);
  const netOre = netForGross(amountOre, vatRate, totalOf, options);
  if (netOre !== null) return amountLineFor(netOre, vatRate, options);
  const reachable = (ore: number) =>
    ore > 0 && netForGross(ore, vatRate, totalOf, options) !== null;
  let below: number | null = null;
  let above: number | null = null;
  for (let step = 1; step <= 200 && (below === null || above === null); step++) {
    if (below === null && reachable(amountOre - step)) below = amountOre - step;
    if (above === null && reachable(amountOre + step)) above = amountOre + step;
  }
  const money = (ore: number | null) => (ore === null ? "" : formatStaffMoney(ore));
  const suggestions = [below, above].filter((ore) => ore !== null).map(money);
  throw new AppError(
    "BAD_INPUT",
    `${money(amountOre)} including ${vatRate} % VAT cannot be split into whole öre of net and VAT${
      roundToWholeKrona ? " (this organisation rounds to whole kronor)" : ""
    }${suggestions.length ? `; credit ${suggestions.join(" or ")} instead` : ""}`,
    { nearestBelowOre: below, nearestAboveOre: above },
  );
}
