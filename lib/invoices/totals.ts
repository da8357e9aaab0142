import { AppError } from "@/lib/errors/app-error";
import { MAX_STORED_INTEGER } from "@/lib/money/money";
import { roundDiv } from "@/lib/money/rounding";

/**
 * Invoice totals, all in integer öre.
 *
 * Rules:
 * 1. Line net = quantityMilli × unitPriceCentiOre / 100 000 (thousandths of a unit times
 *    hundredths of an öre) rounded half away from zero to whole öre, once, minus the line
 *    discount. Exact integer arithmetic until that one rounding, so prices quoted to hundredths
 *    of an öre (energiskatt 43,90 öre/kWh, a spot price of 109,37 öre/kWh) are invoiced
 *    exactly. Negative quantities (credit lines) and negative prices (discount lines) are
 *    allowed, and so are negative discounts: a credit note negates quantity and discount of
 *    each original line, and because rounding is symmetric around zero its every figure is
 *    then exactly the negation of the original's.
 * 2. Net is summed per VAT rate first, then VAT = netPerRate × rate / 100 rounded half away from
 *    zero, once per rate. Skatteverket accepts VAT computed on the total per rate, and doing it
 *    once per rate avoids the drift that rounding every line would add up to.
 * 3. vatGroups holds only rates that have lines, sorted by rate descending (25, 12, 6, 0), the
 *    order Swedish invoices conventionally list them in.
 * 4. grossOre = netOre + vatOre, before any rounding.
 * 5. Öresutjämning: with roundToWholeKrona, totalOre is grossOre rounded to whole kronor, half
 *    away from zero (50 öre rounds up in magnitude), and roundingOre = totalOre − grossOre, so
 *    |roundingOre| ≤ 50. It is shown as its own line so net, VAT and total all stay exact.
 *    Without it, roundingOre = 0 and totalOre = grossOre.
 */

// Swedish VAT rates (ML 9 kap.), declared in descending order because that is the order
// vatGroups are listed in.
export const VAT_RATES = [25, 12, 6, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

export function isVatRate(n: unknown): n is VatRate {
  return typeof n === "number" && (VAT_RATES as readonly number[]).includes(n);
}

export interface PricedLine {
  quantityMilli: number;
  unitPriceCentiOre: number;
  discountOre?: number;
}

export interface InvoiceLineInput extends PricedLine {
  /** A plain number because stored lines carry one; anything but 25/12/6/0 is rejected. */
  vatRate: number;
}

export interface VatGroup {
  vatRate: VatRate;
  netOre: number;
  vatOre: number;
}

export interface InvoiceTotals {
  vatGroups: VatGroup[];
  netOre: number;
  vatOre: number;
  grossOre: number;
  roundingOre: number;
  totalOre: number;
}

function checkInteger(value: unknown, field: string, where: string, index?: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new AppError("BAD_INPUT", `${where} has a ${field} that is not a whole number`, {
      lineIndex: index,
      field,
      value,
    });
  }
  return value;
}

/** Thousandths of a unit × hundredths of an öre per unit = öre × 100 000. */
export const LINE_PRODUCT_SCALE = 100_000n;
// Largest |quantityMilli × unitPriceCentiOre| whose rounded öre is still a safe integer.
const LARGEST_LINE_PRODUCT = BigInt(Number.MAX_SAFE_INTEGER) * LINE_PRODUCT_SCALE + 49_999n;

function netOf(line: PricedLine, where: string, index?: number): bigint {
  const quantity = checkInteger(line.quantityMilli, "quantityMilli", where, index);
  const price = checkInteger(line.unitPriceCentiOre, "unitPriceCentiOre", where, index);
  const discount = checkInteger(line.discountOre ?? 0, "discountOre", where, index);
  const product = BigInt(quantity) * BigInt(price);
  if (product > LARGEST_LINE_PRODUCT || -product > LARGEST_LINE_PRODUCT) {
    throw new AppError("BAD_INPUT", `${where} has a quantity × price that is too large`, {
      lineIndex: index,
    });
  }
  return BigInt(roundDiv(product, LINE_PRODUCT_SCALE)) - BigInt(discount);
}

function toSafeOre(value: bigint, what: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) {
    throw new AppError("BAD_INPUT", `${what} is too large to represent exactly`);
  }
  return result;
}

export function lineNetOre(line: PricedLine): number {
  return toSafeOre(netOf(line, "The invoice line"), "The line net amount");
}

export function computeInvoiceTotals(
  lines: readonly InvoiceLineInput[],
  options: { roundToWholeKrona: boolean },
): InvoiceTotals {
  const netPerRate = new Map<VatRate, bigint>();
  lines.forEach((line, index) => {
    const where = `Invoice line at index ${index}`;
    if (!isVatRate(line.vatRate)) {
      throw new AppError(
        "BAD_INPUT",
        `${where} has VAT rate ${String(line.vatRate)}; allowed rates are ${VAT_RATES.join(", ")}`,
        { lineIndex: index, field: "vatRate", value: line.vatRate },
      );
    }
    const net = netOf(line, where, index);
    toSafeOre(net, `The net amount of ${where.toLowerCase()}`);
    netPerRate.set(line.vatRate, (netPerRate.get(line.vatRate) ?? 0n) + net);
  });

  let net = 0n;
  let vat = 0n;
  const vatGroups: VatGroup[] = [];
  for (const rate of VAT_RATES) {
    const groupNet = netPerRate.get(rate);
    if (groupNet === undefined) continue;
    const netOre = toSafeOre(groupNet, `The net amount at ${rate}% VAT`);
    const vatOre = roundDiv(groupNet * BigInt(rate), 100n);
    net += groupNet;
    vat += BigInt(vatOre);
    vatGroups.push({ vatRate: rate, netOre, vatOre });
  }

  const grossOre = toSafeOre(net + vat, "The invoice gross amount");
  const totalOre = options.roundToWholeKrona
    ? toSafeOre(BigInt(roundDiv(grossOre, 100)) * 100n, "The invoice total")
    : grossOre;
  return {
    vatGroups,
    netOre: toSafeOre(net, "The invoice net amount"),
    vatOre: toSafeOre(vat, "The invoice VAT amount"),
    grossOre,
    roundingOre: totalOre - grossOre,
    totalOre,
  };
}

const INT32_MAX = MAX_STORED_INTEGER;

/**
 * Totals are stored in 32-bit integer columns (±21 474 836,47 kr): a document whose net, VAT or
 * total would not fit is refused before anything is written, never silently wrapped.
 */
export function assertTotalsFitColumns(totals: InvoiceTotals): void {
  for (const value of [totals.netOre, totals.vatOre, totals.totalOre, totals.grossOre]) {
    if (Math.abs(value) > INT32_MAX) {
      throw new AppError(
        "BAD_INPUT",
        "The invoice's total is larger than an invoice can hold (at most 21 474 836,47 kr)",
      );
    }
  }
}
