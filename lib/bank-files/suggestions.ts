import type { BankEntry } from "@/lib/bank-files/formats/types";
import type { Prisma } from "@/lib/db/generated/client";
import { validateOcr } from "@/lib/references/ocr";

/**
 * Guesses for a payment its OCR did not place, ranked by evidence, for a person to judge in the
 * unmatched queue (nothing is ever booked on a guess):
 * - an OCR one keystroke off (a digit changed, two neighbours swapped) that is valid and ours;
 * - an invoice number written in the text (or an extra reference);
 * - the same amount as an unpaid invoice whose customer has the payer's name.
 */
export interface Suggestion {
  invoiceId: string;
  number: number | null;
  customerName: string;
  totalOre: number;
  score: number;
  reasons: string[];
}

type Tx = Prisma.TransactionClient;

/** Valid OCRs one keystroke from `digits`: every single-digit change and neighbour swap. */
export function oneKeystrokeAway(digits: string): string[] {
  const found = new Set<string>();
  const consider = (candidate: string) => {
    if (candidate !== digits && validateOcr(candidate, "variable-length").ok) found.add(candidate);
  };
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit !== digits[i]) consider(digits.slice(0, i) + digit + digits.slice(i + 1));
    }
    if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
      consider(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
    }
  }
  return [...found];
}

const words = (text: string | null) =>
  new Set(
    (text ?? "")
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 3 && !["och", "and", "the", "ab"].includes(word)),
  );

export async function suggestInvoices(
  tx: Tx,
  organizationId: string,
  entry: BankEntry,
): Promise<Suggestion[]> {
  const byId = new Map<string, Suggestion>();
  const add = (
    row: { id: string; number: number | null; totalOre: number; customer: { name: string } },
    score: number,
    reason: string,
  ) => {
    const earlier = byId.get(row.id);
    if (earlier) {
      earlier.score += score;
      earlier.reasons.push(reason);
      return;
    }
    byId.set(row.id, {
      invoiceId: row.id,
      number: row.number,
      customerName: row.customer.name,
      totalOre: row.totalOre,
      score,
      reasons: [reason],
    });
  };
  const select = {
    id: true,
    number: true,
    totalOre: true,
    customer: { select: { name: true } },
  } as const;
  const where = { organizationId, kind: "INVOICE" as const, status: { not: "DRAFT" as const } };
  const texts = [entry.reference.value ?? "", ...entry.extraReferences];

  const digits = (entry.reference.value ?? "").replace(/[\s-]/g, "");
  if (/^\d{2,25}$/.test(digits)) {
    const near = oneKeystrokeAway(digits);
    if (near.length > 0) {
      for (const row of await tx.invoice.findMany({
        where: { ...where, ocr: { in: near } },
        select,
      })) {
        add(row, 3, `OCR one keystroke off (${digits} sent)`);
      }
    }
  }
  const numbers = [
    ...new Set(
      texts.flatMap((text) => [...text.matchAll(/\b(\d{1,9})\b/g)].map((m) => Number(m[1]))),
    ),
  ].filter((n) => n > 0);
  if (numbers.length > 0) {
    for (const row of await tx.invoice.findMany({
      where: { ...where, number: { in: numbers.slice(0, 20) } },
      select,
    })) {
      add(row, 2, `Invoice number ${row.number} in the payment's text`);
    }
  }
  const payer = words(entry.payerName);
  if (payer.size > 0) {
    const sameAmount = await tx.invoice.findMany({
      where: { ...where, status: { in: ["OPEN", "OVERDUE"] }, totalOre: entry.amountOre },
      select,
      take: 200,
    });
    for (const row of sameAmount) {
      if ([...words(row.customer.name)].some((word) => payer.has(word))) {
        add(row, 1, "Same amount, and the payer's name is the customer's");
      }
    }
  }
  for (const suggestion of byId.values()) {
    if (
      suggestion.totalOre === entry.amountOre &&
      !suggestion.reasons.some((r) => r.startsWith("Same amount"))
    ) {
      suggestion.score += 1;
      suggestion.reasons.push("Same amount as the invoice");
    }
  }
  return [...byId.values()].sort((a, b) => b.score - a.score).slice(0, 5);
}
