import type { LineKind } from "@/lib/db/generated/client";

// The order a customer reads an invoice in: what they subscribe to, what they used, what came off.
export const LINE_GROUP_ORDER: LineKind[] = [
  "SUBSCRIPTION",
  "USAGE",
  "FEE",
  "OTHER",
  "DISCOUNT",
  "CREDIT",
];

/** Groups lines by kind in reading order, keeping each group's lines in invoice order. */
export function groupInvoiceLines<L extends { kind: LineKind; position: number }>(
  lines: L[],
): Array<{ kind: LineKind; lines: L[] }> {
  return LINE_GROUP_ORDER.map((kind) => ({
    kind,
    lines: lines.filter((line) => line.kind === kind).sort((a, b) => a.position - b.position),
  })).filter((group) => group.lines.length > 0);
}
