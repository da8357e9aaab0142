import type { Db } from "@/lib/db/database";
import { hashAccessToken, isWellFormedAccessToken } from "@/lib/invoices/access-token";
import { liveLinkWhere } from "@/lib/invoices/invoice-links";
import { linkLimiter } from "@/lib/invoices/link-limiter";
import { settledLinkExpired } from "@/lib/invoices/link-management";
import { createLogger } from "@/lib/log";

/**
 * What an invoice link speaks for, decided once for the page, the PDF, the payment and content
 * routes and the socket handshake: the link's token opens one invoice, and through it the same
 * customer's other issued invoices at that organisation (the page links to them), named by number.
 */
export interface LinkScope {
  /** The invoice the token opens. */
  tokenInvoiceId: string;
  /** The invoice asked about: the token's own, or the customer's invoice with the number asked. */
  invoiceId: string;
  customerId: string;
  organizationId: string;
  /** The hash of the token presented (a renewed link makes it stale; sockets re-check it). */
  tokenHash: string;
}

const log = createLogger("links");

// A failed lookup from an address that keeps failing is answered a little later: it makes
// guessing slower still, and never touches a valid link (the delay only follows a miss).
export const FAILED_LOOKUP_DELAY_MS = 1_000;
const MAX_DELAYED = 200;
let delayed = 0;

async function slowDown(): Promise<void> {
  if (delayed >= MAX_DELAYED) return;
  delayed++;
  await new Promise((resolve) => setTimeout(resolve, FAILED_LOOKUP_DELAY_MS));
  delayed--;
}

/**
 * Resolves a link, or null — the same null, and so the same 404, for unknown, malformed, revoked,
 * expired and draft tokens and for a number that is not the customer's. Every token is hashed and looked
 * up the same way (an index lookup on the hash), so timing says nothing about how close a guess
 * was. Only failed lookups count against the visitor; a valid link always works, whatever others
 * behind the same address have tried.
 */
export async function resolveLinkScope(
  db: Db,
  request: { token: string; visitorKey: string; invoiceNumber?: number | null },
): Promise<LinkScope | null> {
  const wellFormed = isWellFormedAccessToken(request.token);
  const tokenHash = hashAccessToken(
    wellFormed ? request.token : `malformed:${request.token.slice(0, 64)}`,
  );
  const link = await db.invoiceLink.findUnique({
    where: { tokenHash },
    select: {
      revokedAt: true,
      expiresAt: true,
      invoice: {
        select: {
          id: true,
          status: true,
          customerId: true,
          organizationId: true,
          organization: { select: { linkExpiryDaysAfterSettled: true } },
        },
      },
    },
  });
  const owner = link?.invoice;
  const live =
    link &&
    !link.revokedAt &&
    (!link.expiresAt || link.expiresAt > new Date()) &&
    !(await settledLinkExpired(db, {
      id: link.invoice.id,
      status: link.invoice.status,
      expiryDays: link.invoice.organization.linkExpiryDaysAfterSettled,
    }));
  if (!wellFormed || !owner || !live || owner.status === "DRAFT") {
    const over = linkLimiter().hit(request.visitorKey);
    if (over) {
      if (linkLimiter().firstTimeOver(request.visitorKey)) {
        log.warn("many failed invoice link lookups from one client", {
          visitor: request.visitorKey,
        });
      }
      await slowDown();
    }
    return null;
  }
  const scope = {
    tokenInvoiceId: owner.id,
    invoiceId: owner.id,
    customerId: owner.customerId,
    organizationId: owner.organizationId,
    tokenHash,
  };
  return narrowLinkScope(db, scope, request.invoiceNumber);
}

/** The scope moved to another of the same customer's issued invoices, by number (or null). */
export async function narrowLinkScope(
  db: Db,
  scope: LinkScope,
  invoiceNumber: number | null | undefined,
): Promise<LinkScope | null> {
  if (invoiceNumber === null || invoiceNumber === undefined) return scope;
  // Any of the customer's issued documents: invoices and credit notes share one number series.
  const sibling = await db.invoice.findFirst({
    where: {
      customerId: scope.customerId,
      organizationId: scope.organizationId,
      number: invoiceNumber,
      status: { not: "DRAFT" },
    },
    select: { id: true },
  });
  return sibling ? { ...scope, invoiceId: sibling.id } : null;
}

/** Whether a link still opens its invoice (a renewed link does not): for open sockets. */
export async function validTokenHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.invoiceLink.findMany({
    where: { tokenHash: { in: hashes }, ...liveLinkWhere(), invoice: { status: { not: "DRAFT" } } },
    select: { tokenHash: true },
  });
  return new Set(rows.map((row) => row.tokenHash));
}
