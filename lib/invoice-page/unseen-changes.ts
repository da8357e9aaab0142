/**
 * A change to an invoice worth a banner (written on the server by live-changes.ts) and what the
 * open page's banner says of them. Apart from live-changes.ts so the page's script carries only
 * this, not the formatting behind the sentences.
 */
export interface LiveChange {
  /** The timeline event's id. */
  id: string;
  text: string;
  /** Set on a refund said as part of the credit before it: shown with that credit, not again. */
  partOf?: string;
}

/**
 * What the banner says: the changes not seen when the page was opened, oldest first, a refund
 * told with its credit only once.
 */
export function unseenChanges(
  changes: readonly LiveChange[],
  seen: ReadonlySet<string>,
): LiveChange[] {
  const fresh = changes.filter((change) => !seen.has(change.id));
  const freshIds = new Set(fresh.map((change) => change.id));
  return fresh.filter((change) => !(change.partOf && freshIds.has(change.partOf)));
}

/** The same, as the sentences only. */
export function unseenChangeTexts(
  changes: readonly LiveChange[],
  seen: ReadonlySet<string>,
): string[] {
  return unseenChanges(changes, seen).map((change) => change.text);
}
