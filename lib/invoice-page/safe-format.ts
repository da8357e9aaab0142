import { createLogger } from "@/lib/log";

const log = createLogger("invoice-page");

/**
 * A stored value that does not format (a number outside what the formatters accept, written by
 * an older version or by hand) shows as "–" rather than taking the whole invoice page down.
 */
export function safeFormat(format: () => string, fallback = "–"): string {
  try {
    return format();
  } catch (error) {
    log.warn("a stored value could not be shown", { error });
    return fallback;
  }
}

/** A stored reference (bankgiro, org number …) in its printed form, or as stored if it is not one. */
export function formatStored(value: string, format: (value: string) => string): string {
  try {
    return format(value);
  } catch {
    return value;
  }
}
