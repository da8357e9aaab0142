import type { EndRecord, StartRecord } from "@/lib/bank-files/formats/bgmax-records";
import {
  check,
  findingsControl,
  info,
  oneCurrencyControl,
  uniqueReferencesControl,
} from "@/lib/bank-files/formats/controls";
import type { BankEntry, ControlCheck } from "@/lib/bank-files/formats/types";

/**
 * What a BgMax file says about itself, compared with what it holds: TK70's record counts, each
 * TK15's amount (its payments less its deductions), payment count and currency, and the order of
 * the file (TK01 first, TK70 last, each TK05 closed by a TK15). The reader collects the findings
 * as it goes; here they become the file's controls.
 */

export interface BgMaxTally {
  start: StartRecord | null;
  end: EndRecord | null;
  entries: BankEntry[];
  counts: { payments: number; deductions: number; extras: number; deposits: number };
  findings: {
    start: string[];
    end: string[];
    unclosed: string[];
    sums: string[];
    counts: string[];
    currencies: string[];
  };
  /** Record types the manual does not define, with the lines they were on. */
  unknown: Map<string, number[]>;
}

export function bgmaxControls(state: BgMaxTally, lastLine: number): ControlCheck[] {
  const { counts, end } = state;
  const findings = {
    ...state.findings,
    start: state.start
      ? state.findings.start
      : [...state.findings.start, "there is no TK01 start record"],
    end: end
      ? state.findings.end
      : [...state.findings.end, "there is no TK70 end record: the file may be cut off"],
  };
  const list: ControlCheck[] = [
    findingsControl("TK01 first", findings.start, "the file starts with its one TK01 start record"),
    findingsControl(
      "TK70 last",
      findings.end,
      `the one TK70 end record is the last line (${lastLine})`,
    ),
    findingsControl(
      "TK05 closed by TK15",
      findings.unclosed,
      "every deposit opened by a TK05 is closed by a TK15",
    ),
    findingsControl(
      "TK15 deposit sum",
      findings.sums,
      "every deposit's amount is its payments less its deductions",
    ),
    findingsControl(
      "TK15 payment count",
      findings.counts,
      "every deposit's payment count matches its TK20/TK21 records",
    ),
    findingsControl(
      "TK15 currency",
      findings.currencies,
      "every deposit is in its opening record's currency",
    ),
  ];
  if (end) {
    const compare = (name: string, stated: number, actual: number, what: string) =>
      list.push(
        check(name, stated === actual, `TK70 says ${stated}, the file has ${actual} ${what}`),
      );
    compare("TK70 payment count", end.payments, counts.payments, "TK20 payment records");
    compare("TK70 deduction count", end.deductions, counts.deductions, "TK21 deduction records");
    compare(
      "TK70 extra reference count",
      end.extraReferences,
      counts.extras,
      "TK22/TK23 extra reference records",
    );
    compare("TK70 deposit count", end.deposits, counts.deposits, "TK15 deposit records");
  }
  list.push(
    oneCurrencyControl(new Set(state.entries.map((entry) => entry.currency))),
    uniqueReferencesControl(state.entries),
  );
  for (const [type, lines] of state.unknown) {
    const shown = `${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ", …" : ""}`;
    list.push(
      info(
        `unknown record type TK${type}`,
        `${lines.length} record(s) of a type the BgMax manual does not define, skipped as it asks (line ${shown})`,
      ),
    );
  }
  return list;
}
