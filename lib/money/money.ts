import { AppError } from "@/lib/errors/app-error";

/**
 * Money is integer öre everywhere; this module is the only place that turns öre into text and
 * back. Everything below works on digit strings and BigInt, never on floats, so 0.1 + 0.2
 * style errors cannot reach an invoice.
 *
 * Output conventions (chosen to match CLDR/Intl for sv-SE and en, but made stable):
 * - sv: "1 234,50 kr". Group separator and the space before "kr" are U+00A0 (no-break space).
 *   Some ICU versions use U+202F for sv grouping; we always emit U+00A0 so snapshots, PDFs and
 *   tests do not change with the runtime's ICU data. Negative amounts use the real minus sign
 *   U+2212 ("−1 234,50 kr"), as CLDR does for Swedish.
 * - en: "SEK 1,234.50" with U+00A0 after "SEK" (so the code never wraps away from the number)
 *   and an ASCII hyphen-minus in front for negatives ("-SEK 1,234.50"), as Intl en does.
 */

export const SUPPORTED_CURRENCIES = ["SEK"] as const;
export type CurrencyCode = (typeof SUPPORTED_CURRENCIES)[number];
export type Locale = "sv" | "en";

const NBSP = "\u00A0";

const SYMBOLS: Record<Locale, { group: string; decimal: string; minus: string }> = {
  sv: { group: NBSP, decimal: ",", minus: "\u2212" },
  en: { group: ",", decimal: ".", minus: "-" },
};

function assertLocale(locale: unknown): asserts locale is Locale {
  if (locale !== "sv" && locale !== "en") {
    throw new AppError("BAD_INPUT", `Unsupported locale "${String(locale)}": use "sv" or "en"`);
  }
}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new AppError("BAD_INPUT", `${what} must be a safe integer, got ${value}`);
  }
}

function groupThousands(digits: string, separator: string): string {
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) {
    const chunk = digits.slice(Math.max(0, end - 3), end);
    out = out === "" ? chunk : chunk + separator + out;
  }
  return out;
}

/** Splits |value| into an integer part and exactly `scale` fraction digits, by string slicing. */
function splitScaled(value: number, scale: number): { whole: string; fraction: string } {
  const digits = String(Math.abs(value)).padStart(scale + 1, "0");
  return { whole: digits.slice(0, -scale), fraction: digits.slice(-scale) };
}

/**
 * The largest amount (or price, or quantity) a column holds: they are 32-bit integers, so every
 * input schema stops here and a value is refused at the boundary, never wrapped in the database.
 */
export const MAX_STORED_INTEGER = 2_147_483_647;

export function formatMoneyPlain(amountOre: number, locale: Locale): string {
  assertSafeInteger(amountOre, "Amount in öre");
  assertLocale(locale);
  const symbols = SYMBOLS[locale];
  const { whole, fraction } = splitScaled(amountOre, 2);
  const sign = amountOre < 0 ? symbols.minus : "";
  return `${sign}${groupThousands(whole, symbols.group)}${symbols.decimal}${fraction}`;
}

export function formatMoney(
  amountOre: number,
  options: { locale: Locale; currency?: CurrencyCode; withCurrency?: boolean },
): string {
  const { locale, currency = "SEK", withCurrency = true } = options;
  if (!SUPPORTED_CURRENCIES.includes(currency)) {
    throw new AppError("BAD_INPUT", `Unsupported currency "${String(currency)}": only SEK`);
  }
  const plain = formatMoneyPlain(amountOre, locale);
  if (!withCurrency) return plain;
  if (locale === "sv") return `${plain}${NBSP}kr`;
  const minus = SYMBOLS.en.minus;
  return plain.startsWith(minus)
    ? `${minus}${currency}${NBSP}${plain.slice(minus.length)}`
    : `${currency}${NBSP}${plain}`;
}

/**
 * An amount as people say it: whole kronor without decimals ("36 kr", "SEK 36"), anything else
 * exactly as formatMoney writes it ("36,50 kr"). For sentences (a banner, a verdict), never for
 * the invoice's own figures, which always show their öre.
 */
export function formatMoneyCompact(amountOre: number, options: { locale: Locale }): string {
  const full = formatMoney(amountOre, options);
  if (amountOre % 100 !== 0) return full;
  const decimal = SYMBOLS[options.locale].decimal;
  return full.replace(`${decimal}00`, "");
}

/**
 * An amount rounded to whole kronor (half away from zero), for figures read at a glance — a
 * yearly saving, a cost beside what was got for it — never for what is to be paid.
 */
export function formatWholeKronor(amountOre: number, options: { locale: Locale }): string {
  assertSafeInteger(amountOre, "Amount in öre");
  const kronor = Math.trunc(amountOre / 100);
  const rest = amountOre - kronor * 100;
  const rounded = Math.abs(rest) >= 50 ? kronor + Math.sign(rest) : kronor;
  return formatMoneyCompact(rounded * 100, options);
}

/** Quantities are stored in thousandths; trailing fraction zeros are dropped (2000 → "2"). */
export function formatQuantity(quantityMilli: number, locale: Locale): string {
  assertSafeInteger(quantityMilli, "Quantity in thousandths");
  assertLocale(locale);
  const symbols = SYMBOLS[locale];
  const { whole, fraction } = splitScaled(quantityMilli, 3);
  const trimmed = fraction.replace(/0+$/, "");
  const sign = quantityMilli < 0 ? symbols.minus : "";
  const grouped = groupThousands(whole, symbols.group);
  return trimmed === "" ? `${sign}${grouped}` : `${sign}${grouped}${symbols.decimal}${trimmed}`;
}

function badAmount(input: string, problem: string): AppError {
  return new AppError("BAD_INPUT", `Amount "${input}" ${problem}`);
}

/**
 * Parses user-typed amounts into öre. Separator rules, applied to the number once sign and an
 * optional "kr"/"SEK" prefix or suffix are removed:
 * - A space (incl. U+00A0, U+202F, U+2009) is only ever a thousands separator.
 * - The LAST "," or "." is the decimal separator when 1–2 digits follow it ("12,5" = 12.50 kr,
 *   "1234.50", "1,234.50", "1.234,50").
 * - When exactly 3 digits follow it, it is a thousands separator ("1,234" = 1 234 kr), except
 *   when a locale is given and the character is that locale's decimal separator: then it is
 *   3 decimals and rejected (sv "1,234" is an error, en "1,234" = 1 234 kr, en "1.234" error).
 * - 4+ digits after the last "," or "." are too many decimals.
 * - Thousands separators must all be the same character, differ from the decimal separator
 *   and split the digits as 1–3 then groups of exactly 3.
 * The locale therefore only decides the one truly ambiguous shape; everything else parses the
 * same in both languages, so Swedes typing "1234.50" are not punished for their keyboard.
 */
export function parseMoney(input: string, options: { locale?: Locale } = {}): number {
  if (typeof input !== "string") {
    throw new AppError("BAD_INPUT", "Amount must be given as text");
  }
  const { locale } = options;
  if (locale !== undefined) assertLocale(locale);

  let rest = input
    .replace(/[\u00A0\u202F\u2009\u2007]/g, " ")
    .replace(/\u2212/g, "-")
    .trim();
  if (rest === "") throw new AppError("BAD_INPUT", "Amount is empty");

  let negative = false;
  const takeSign = () => {
    if (!negative && rest.startsWith("-")) {
      negative = true;
      rest = rest.slice(1).trimStart();
    }
  };
  takeSign();
  const prefix = /^(?:kr|sek)(?![a-z])/i.exec(rest);
  if (prefix) {
    rest = rest.slice(prefix[0].length).trimStart();
    takeSign();
  } else {
    rest = rest.replace(/(?<![a-z])(?:kr|sek)$/i, "").trimEnd();
  }

  if (rest === "") throw badAmount(input, "contains no digits");
  if (/[^0-9 .,]/.test(rest)) {
    throw badAmount(input, "contains letters or characters that are not part of a number");
  }
  if (!/^\d+(?:[ .,]\d+)*$/.test(rest)) {
    throw badAmount(input, "has a separator in the wrong place");
  }

  const runs = rest.split(/[ .,]/);
  const separators = rest.replace(/\d/g, "").split("");
  let fraction = "";
  const lastSeparator = separators.at(-1);
  const lastRun = runs.at(-1) ?? "";
  if (lastSeparator !== undefined && lastSeparator !== " ") {
    const localeDecimal = locale === undefined ? undefined : SYMBOLS[locale].decimal;
    if (lastRun.length <= 2) {
      fraction = lastRun;
    } else if (lastRun.length > 3 || lastSeparator === localeDecimal) {
      throw badAmount(input, "has more than 2 decimals");
    }
    if (fraction !== "") {
      runs.pop();
      separators.pop();
      if (separators.includes(lastSeparator)) {
        throw badAmount(input, "has more than one decimal separator");
      }
    }
  }

  if (new Set(separators).size > 1) {
    throw badAmount(input, "mixes different thousands separators");
  }
  if (separators.length > 0) {
    const [first = "", ...others] = runs;
    if (first.length > 3 || others.some((run) => run.length !== 3)) {
      throw badAmount(input, "has digit groups that are not in threes");
    }
  }

  const ore = BigInt(runs.join("")) * 100n + BigInt(fraction.padEnd(2, "0"));
  if (ore > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw badAmount(input, "is too large");
  }
  const value = Number(ore);
  return negative && value !== 0 ? -value : value;
}

/** Unit prices are stored in hundredths of an öre: 1 kr = 10 000, 43,90 öre = 4 390. */
export const CENTI_ORE_PER_KRONA = 10_000;

/** Units priced per piece of energy, which Swedish invoices quote in öre ("43,90 öre/kWh"). */
const ORE_PRICED_UNITS = new Set(["kwh", "mwh"]);

/**
 * A unit price as energy invoices write it: per kWh in öre with two decimals ("43,90 öre/kWh",
 * "118,25 öre/kWh"); anything else in kronor with two decimals, or up to four when the price has
 * them ("20,00 kr/GB", "0,1234 kr/min"). `unit` is shown after the slash when given. English has
 * no öre: there every price is in kronor ("SEK 1.1825/kWh").
 */
export function formatUnitPrice(
  centiOre: number,
  options: { locale: Locale; unit?: string; withUnit?: boolean },
): string {
  assertSafeInteger(centiOre, "Unit price in hundredths of an öre");
  const { locale, unit } = options;
  assertLocale(locale);
  const symbols = SYMBOLS[locale];
  const sign = centiOre < 0 ? symbols.minus : "";
  const perUnit = unit && options.withUnit !== false ? `/${unit}` : "";
  // Öre is a Swedish word: an English document says the same price in kronor ("SEK 1.0937/kWh").
  if (unit && locale === "sv" && ORE_PRICED_UNITS.has(unit.toLowerCase())) {
    const { whole, fraction } = splitScaled(centiOre, 2);
    return `${sign}${groupThousands(whole, symbols.group)}${symbols.decimal}${fraction}${NBSP}öre${perUnit}`;
  }
  const amount = formatUnitPricePlain(centiOre, locale);
  return locale === "sv" ? `${amount}${NBSP}kr${perUnit}` : `SEK${NBSP}${amount}${perUnit}`;
}

/** A unit price in kronor without currency, for a form field: "0,4390", "129,00". */
export function formatUnitPricePlain(centiOre: number, locale: Locale): string {
  assertSafeInteger(centiOre, "Unit price in hundredths of an öre");
  assertLocale(locale);
  const symbols = SYMBOLS[locale];
  const sign = centiOre < 0 ? symbols.minus : "";
  const { whole, fraction } = splitScaled(centiOre, 4);
  // Two decimals, unless the price has öre fractions: then all four.
  const shown = fraction.endsWith("00") ? fraction.slice(0, 2) : fraction;
  return `${sign}${groupThousands(whole, symbols.group)}${symbols.decimal}${shown}`;
}

/**
 * Parses a typed unit price in kronor with up to four decimals ("0,4390", "129", "118.25") into
 * hundredths of an öre. Three or four decimals are read as decimals when the separator is the
 * locale's decimal one (sv ",", en ".") — or, without a locale, when there are four; everything
 * else follows parseMoney (so "1,234" in English is still one thousand two hundred thirty-four).
 */
export function parseUnitPrice(input: string, options: { locale?: Locale } = {}): number {
  if (typeof input !== "string") throw new AppError("BAD_INPUT", "Price must be given as text");
  const trimmed = input.trim();
  const match = /^(.*\d)([.,])(\d{3,4})(\s*(?:kr|sek))?$/i.exec(trimmed);
  const decimal = options.locale === undefined ? undefined : SYMBOLS[options.locale].decimal;
  const isDecimals =
    match !== null && (match[2] === decimal || (decimal === undefined && match[3]!.length === 4));
  if (!match || !isDecimals) return parseMoney(trimmed, options) * 100;
  const [, head, separator, digits] = match;
  const kronor = parseMoney(`${head}${separator}${digits!.slice(0, 2)}`, options);
  const extra = Number(digits!.slice(2).padEnd(2, "0"));
  const negative = kronor < 0 || (kronor === 0 && /^[-\u2212]/.test(trimmed));
  return kronor * 100 + (negative ? -extra : extra);
}
