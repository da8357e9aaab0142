import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Whether an invoice link still opens its invoice: the one rule, used by the token lookup
 * (resolveLink in link-scope.ts, for pages, routes and socket handshakes) and by the re-check of
 * open sockets alike, so a link never works in one place and not in the other.
 *
 * - "live": it opens its invoice.
 * - "expired": it was a good link whose time is up — past its own expiresAt, or past the
 *   organisation's days after settlement. Its holder may have a fresh link mailed.
 * - "dead": revoked (an agent shut it, a leak) or a draft's: nothing, not even a fresh link.
 *
 * The settlement rule counts from the later of the settlement (the invoice's last money movement)
 * and the link's own creation: a link handed out after the invoice was settled — the fresh link
 * mailed for an expired one, an agent's renewal, a credit note's mail — gets its full N days,
 * instead of being born expired; links handed out before keep expiring N days after settlement.
 * One rule for every link, with nothing extra stored (no expiresAt to keep in step with later
 * payments or credits).
 */
export type LinkValidity = "live" | "expired" | "dead";

const DAY_MS = 86_400_000;

/** What the rule reads of a link row. */
export const linkValiditySelect = {
  tokenHash: true,
  revokedAt: true,
  expiresAt: true,
  createdAt: true,
  invoice: {
    select: {
      id: true,
      status: true,
      customerId: true,
      organizationId: true,
      organization: { select: { linkExpiryDaysAfterSettled: true } },
    },
  },
} as const satisfies Prisma.InvoiceLinkSelect;

export type LinkValidityRow = Prisma.InvoiceLinkGetPayload<{ select: typeof linkValiditySelect }>;

/** Only a settled invoice of an organisation that lets links expire needs its settlement date. */
function settlementMatters(row: LinkValidityRow): boolean {
  const { status, organization } = row.invoice;
  return (
    organization.linkExpiryDaysAfterSettled !== null && (status === "PAID" || status === "CREDITED")
  );
}

/**
 * The rule itself. `settledAt` is the invoice's last money movement (null when it has none, or
 * when it does not matter: see settlementMatters).
 */
export function linkValidity(
  row: LinkValidityRow,
  settledAt: Date | null,
  now: Date = new Date(),
): LinkValidity {
  if (row.revokedAt || row.invoice.status === "DRAFT") return "dead";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  const days = row.invoice.organization.linkExpiryDaysAfterSettled;
  if (days !== null && settledAt && settlementMatters(row)) {
    const from = Math.max(settledAt.getTime(), row.createdAt.getTime());
    if (from + days * DAY_MS <= now.getTime()) return "expired";
  }
  return "live";
}

/**
 * Links by their token hashes, each with its validity now: one query for the links, one for the
 * settlement dates of those whose rule needs them. Unknown hashes are absent.
 */
export async function loadLinkValidity(
  db: Db,
  tokenHashes: string[],
  now: Date = new Date(),
): Promise<Map<string, { row: LinkValidityRow; validity: LinkValidity }>> {
  const found = new Map<string, { row: LinkValidityRow; validity: LinkValidity }>();
  if (tokenHashes.length === 0) return found;
  const rows = await db.invoiceLink.findMany({
    where: { tokenHash: { in: tokenHashes } },
    select: linkValiditySelect,
  });
  const settledInvoiceIds = [
    ...new Set(rows.filter(settlementMatters).map((row) => row.invoice.id)),
  ];
  const settledAt = new Map<string, Date>();
  if (settledInvoiceIds.length > 0) {
    // The last money movement that settled each invoice (the ledger's (invoiceId, occurredAt) index).
    const latest = await db.ledgerEntry.groupBy({
      by: ["invoiceId"],
      where: { invoiceId: { in: settledInvoiceIds } },
      _max: { occurredAt: true },
    });
    for (const entry of latest) {
      if (entry._max.occurredAt) settledAt.set(entry.invoiceId, entry._max.occurredAt);
    }
  }
  for (const row of rows) {
    const validity = linkValidity(row, settledAt.get(row.invoice.id) ?? null, now);
    found.set(row.tokenHash, { row, validity });
  }
  return found;
}
