import type { InvoiceCueKind } from "@/lib/realtime/cue-kinds";

/**
 * What a payment operation changed on an invoice, for the route or webhook handler that ran it
 * to announce (emitInvoiceChanged) once the change is committed: domain functions never emit.
 * `version` is left out when the invoice's version did not move (an attempt's status), so the
 * cue makes open pages re-read whatever version they show.
 */
export interface InvoiceChange {
  invoiceId: string;
  version?: number;
  kind: InvoiceCueKind;
}

/**
 * One cue per invoice: named after what happened first (a payment that was then paid back is
 * announced as the payment) and carrying the newest version — or none, when any of the changes
 * did not move the version, so no open page skips the refresh.
 */
export function mergeInvoiceChanges(changes: readonly InvoiceChange[]): InvoiceChange[] {
  const merged = new Map<string, InvoiceChange>();
  for (const change of changes) {
    const earlier = merged.get(change.invoiceId);
    if (!earlier) {
      merged.set(change.invoiceId, { ...change });
      continue;
    }
    earlier.version =
      earlier.version === undefined || change.version === undefined
        ? undefined
        : Math.max(earlier.version, change.version);
  }
  return [...merged.values()];
}

const committed = Symbol("nota.committed-invoice-changes");

/**
 * A failure after some changes were already committed (the credit stands, the payment is booked,
 * but its refund could not be made): the error is passed on as it is — same code, same words —
 * with those changes attached, so the route still announces them before answering with it.
 */
export function withCommittedChanges(error: unknown, changes: readonly InvoiceChange[]): unknown {
  if (changes.length === 0 || typeof error !== "object" || error === null) return error;
  const all = mergeInvoiceChanges([...committedChangesOf(error), ...changes]);
  Object.defineProperty(error, committed, { value: all, configurable: true });
  return error;
}

/** The changes a failed operation had committed before it failed (none for most errors). */
export function committedChangesOf(error: unknown): InvoiceChange[] {
  if (typeof error !== "object" || error === null) return [];
  return (error as { [committed]?: InvoiceChange[] })[committed] ?? [];
}
