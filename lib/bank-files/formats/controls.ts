import type { BankEntry, ControlCheck } from "@/lib/bank-files/formats/types";

/** Control checks both formats make the same way. */

export function check(name: string, ok: boolean, detail: string): ControlCheck {
  return { name, ok, detail, level: "check" };
}

export function info(name: string, detail: string): ControlCheck {
  return { name, ok: true, detail, level: "info" };
}

/** Many findings of one kind make one control, quoting the first few (a file may hold 100,000). */
export function findingsControl(name: string, findings: string[], whenNone: string): ControlCheck {
  if (findings.length === 0) return check(name, true, whenNone);
  const shown = findings.slice(0, 5).join("; ");
  const more = findings.length > 5 ? `; and ${findings.length - 5} more` : "";
  return check(name, false, `${shown}${more}`);
}

/** The importer books each entry reference once, so one file must not use one twice. */
export function uniqueReferencesControl(entries: BankEntry[]): ControlCheck {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const entry of entries) {
    if (seen.has(entry.entryReference))
      duplicates.push(`${entry.entryReference} (${entry.location})`);
    seen.add(entry.entryReference);
  }
  return findingsControl(
    "entry references unique",
    duplicates,
    `${entries.length} payments, each with its own reference`,
  );
}

export function oneCurrencyControl(currencies: Set<string>): ControlCheck {
  const list = [...currencies].sort();
  return list.length <= 1
    ? check("one currency", true, `all amounts are in ${list[0] ?? "(no amounts)"}`)
    : check("one currency", false, `the file mixes ${list.join(", ")}`);
}
