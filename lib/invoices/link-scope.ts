import type { Db } from "@/lib/db/database";
import { hashAccessToken, isWellFormedAccessToken } from "@/lib/invoices/access-token";
import { linkLimiter } from "@/lib/invoices/link-limiter";
import { loadLinkValidity } from "@/lib/invoices/link-validity";
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
 * What a token turned out to be. "expired" is said only to offer its holder a fresh link by mail
 * (the expired-link page and POST /i/<token>/new-link): it carries the invoice's id for that, and
 * nothing in it is ever shown.
 */
export type LinkLookup =
  | { kind: "ok"; scope: LinkScope }
  | { kind: "expired"; invoiceId: string; organizationId: string; tokenHash: string }
  | { kind: "not-found" };

/**
 * The one token resolver: every customer request with a link goes through here (pages, the PDF,
 * payment and content routes, the fresh-link form, the socket handshake), and link-validity.ts
 * decides what a link is. Unknown, malformed, revoked and draft tokens and a number that is not the
 * customer's are all "not-found"; an expired link is "expired". Every token is hashed and looked up
 * the same way (an index lookup on the hash), so timing says nothing about how close a guess was.
 * Every lookup that does not open an invoice — an expired link's too — counts against the visitor
 * (and is answered late once they keep failing); a valid link always works, whatever others behind
 * the same address have tried.
 */
export async function resolveLink(
  db: Db,
  request: { token: string; visitorKey: string; invoiceNumber?: number | null },
  options: {
    /**
     * Only for asking again about a lookup this very request has just made and counted (the page
     * renders through resolveInvoiceLink, which says only "null"), so one page view is one miss.
     */
    missAlreadyCounted?: boolean;
  } = {},
): Promise<LinkLookup> {
  const lookup = await lookUpToken(db, request);
  if (lookup.kind !== "ok" && !options.missAlreadyCounted) {
    await countFailedLookup(request.visitorKey);
  }
  return lookup;
}

/**
 * The scope of a link that opens its invoice, or null — for callers to whom an expired link is
 * the same as any bad one (the same 404).
 */
export async function resolveLinkScope(
  db: Db,
  request: { token: string; visitorKey: string; invoiceNumber?: number | null },
): Promise<LinkScope | null> {
  const lookup = await resolveLink(db, request);
  return lookup.kind === "ok" ? lookup.scope : null;
}

async function lookUpToken(
  db: Db,
  request: { token: string; invoiceNumber?: number | null },
): Promise<LinkLookup> {
  const wellFormed = isWellFormedAccessToken(request.token);
  const tokenHash = hashAccessToken(
    wellFormed ? request.token : `malformed:${request.token.slice(0, 64)}`,
  );
  const link = (await loadLinkValidity(db, [tokenHash])).get(tokenHash);
  if (!wellFormed || !link || link.validity === "dead") return { kind: "not-found" };
  const owner = link.row.invoice;
  if (link.validity === "expired") {
    return {
      kind: "expired",
      invoiceId: owner.id,
      organizationId: owner.organizationId,
      tokenHash,
    };
  }
  const scope = {
    tokenInvoiceId: owner.id,
    invoiceId: owner.id,
    customerId: owner.customerId,
    organizationId: owner.organizationId,
    tokenHash,
  };
  const narrowed = await narrowLinkScope(db, scope, request.invoiceNumber);
  return narrowed ? { kind: "ok", scope: narrowed } : { kind: "not-found" };
}

async function countFailedLookup(visitorKey: string): Promise<void> {
  const over = linkLimiter().hit(visitorKey);
  if (!over) return;
  if (linkLimiter().firstTimeOver(visitorKey)) {
    log.warn("many failed invoice link lookups from one client", { visitor: visitorKey });
  }
  await slowDown();
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

/**
 * Which of these links still open their invoice, by the same rule as the lookup (a renewed,
 * revoked or expired link does not): for the re-check of open sockets.
 */
export async function validTokenHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  const links = await loadLinkValidity(db, [...new Set(hashes)]);
  return new Set(
    [...links].filter(([, link]) => link.validity === "live").map(([tokenHash]) => tokenHash),
  );
}
