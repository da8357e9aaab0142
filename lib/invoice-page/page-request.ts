import { cookies, headers } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { clientAddressFrom, clientKey } from "@/lib/http/client-address";
import { findCustomerInvoiceByNumber } from "@/lib/invoices/customer-invoice-by-number";
import { findInvoiceIdByToken } from "@/lib/invoices/find-invoice-by-token";
import { LOCALE_COOKIE, resolveInvoiceLocale } from "./invoice-locale";
import { linkLimiter } from "./link-limiter";
import { type InvoicePageData, loadInvoicePage } from "./load-invoice-page";

export interface InvoicePageRequest {
  /** The invoice the link's token opens. */
  tokenInvoiceId: string;
  data: InvoicePageData;
  locale: Locale;
  visitorHash: string;
}

/**
 * Resolves a link for one request (cached, so the root layout and the page share one lookup):
 * rate limit, token → invoice, optionally a sibling invoice of the same customer by number.
 * Unknown, malformed, revoked and rate-limited links all give null, i.e. the same 404.
 */
export const resolveInvoiceLink = cache(
  async (token: string, siblingNumber?: number): Promise<InvoicePageRequest | null> => {
    const db = await getDb();
    const visitorHash = clientKey(clientAddressFrom(await headers()));
    if (linkLimiter().isLimited(visitorHash)) return null;
    const tokenInvoiceId = await findInvoiceIdByToken(db, token);
    if (!tokenInvoiceId) {
      linkLimiter().hit(visitorHash);
      return null;
    }
    let invoiceId = tokenInvoiceId;
    if (siblingNumber !== undefined) {
      const sibling = await findCustomerInvoiceByNumber(db, tokenInvoiceId, siblingNumber);
      if (!sibling) return null;
      invoiceId = sibling;
    }
    const data = await loadInvoicePage(db, invoiceId);
    if (!data) return null;
    const locale = resolveInvoiceLocale(
      (await cookies()).get(LOCALE_COOKIE)?.value,
      data.customer.locale,
    );
    return { tokenInvoiceId, data, locale, visitorHash };
  },
);

export interface LinkScope {
  /** The invoice the token opens. */
  invoiceId: string;
  customerId: string;
  organizationId: string;
}

/**
 * For the link's API routes (payments): the same rate limit and token check as the page, without
 * loading the page. A link speaks for its customer's invoices at that organisation (the page links
 * to earlier ones). Null for every kind of bad link, like the page's 404.
 */
export async function resolveLinkScopeForApi(token: string): Promise<LinkScope | null> {
  const visitorHash = clientKey(clientAddressFrom(await headers()));
  if (linkLimiter().isLimited(visitorHash)) return null;
  const db = await getDb();
  const invoiceId = await findInvoiceIdByToken(db, token);
  if (!invoiceId) {
    linkLimiter().hit(visitorHash);
    return null;
  }
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: { customerId: true, organizationId: true },
  });
  return invoice ? { invoiceId, ...invoice } : null;
}

/** The invoice an API call is about: the link's own, or one of its customer's by number. */
export async function invoiceIdInScope(
  scope: LinkScope,
  number: number | null | undefined,
): Promise<string | null> {
  if (number === null || number === undefined) return scope.invoiceId;
  return findCustomerInvoiceByNumber(await getDb(), scope.invoiceId, number);
}

const invoiceNumberSchema = z.number().int().positive().max(999_999_999).nullish();

/**
 * For the link's API routes: the invoice a request is about — the link's own, or one of its
 * customer's earlier invoices named by `invoiceNumber` in the body. Throws NOT_FOUND for a bad link
 * (rate-limited like the page) and BAD_INPUT for a malformed number.
 */
export async function invoiceForLinkRequest(
  token: string,
  invoiceNumber: unknown,
): Promise<string> {
  const scope = await resolveLinkScopeForApi(token);
  if (!scope) throw new AppError("NOT_FOUND", "This link does not lead to an invoice");
  const parsed = invoiceNumberSchema.safeParse(invoiceNumber);
  if (!parsed.success) throw new AppError("BAD_INPUT", "invoiceNumber must be an invoice number");
  const invoiceId = await invoiceIdInScope(scope, parsed.data ?? null);
  if (!invoiceId) throw new AppError("NOT_FOUND", "No such invoice for this customer");
  return invoiceId;
}
