import { headers } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientAddressFrom, clientKey } from "@/lib/http/client-address";
import { LOCALE_COOKIE, resolveInvoiceLocale } from "@/lib/invoice-page/invoice-locale";
import { type InvoicePageData, loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import { type LinkScope, narrowLinkScope, resolveLinkScope } from "@/lib/invoices/link-scope";

export interface InvoicePageRequest {
  scope: LinkScope;
  /** The invoice the link's token opens. */
  tokenInvoiceId: string;
  data: InvoicePageData;
  /** The day in Sweden the page was read for (its "what happens next" is planned from it). */
  today: Date;
  locale: Locale;
  /** The visitor's keyed hash (client address), for view records. */
  visitorHash: string;
}

/** One of the customer's invoices reached through their link (in a route's body or URL). */
export const linkInvoiceNumberSchema = z
  .number({ error: "invoiceNumber must be an invoice number" })
  .int("invoiceNumber must be an invoice number")
  .positive("invoiceNumber must be an invoice number")
  .max(999_999_999)
  .nullish();

type HeaderSource = { get(name: string): string | null };

function visitorKeyFrom(source: HeaderSource): string {
  return clientKey(clientAddressFrom(source));
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? "").split(/;\s*/)) {
    const index = pair.indexOf("=");
    if (index > 0 && pair.slice(0, index) === name) return pair.slice(index + 1);
  }
  return undefined;
}

/**
 * A link and what its page shows: the scope (lib/invoices/link-scope.ts), the page's data and the
 * language. Null for every kind of bad link (the same 404).
 */
export async function loadLinkPage(options: {
  headers: HeaderSource;
  token: string;
  siblingNumber?: number;
}): Promise<InvoicePageRequest | null> {
  const db = await getDb();
  const visitorHash = visitorKeyFrom(options.headers);
  const scope = await resolveLinkScope(db, {
    token: options.token,
    visitorKey: visitorHash,
    invoiceNumber: options.siblingNumber,
  });
  if (!scope) return null;
  const today = todayInSweden();
  const loaded = await loadInvoicePage(db, scope.invoiceId, { today });
  if (!loaded) return null;
  // Every document of the customer is reached through this same link (narrowLinkScope).
  const data = { ...loaded, documentLinkBase: `${getEnv().appUrl}/i/${options.token}` };
  const locale = resolveInvoiceLocale(
    cookieValue(options.headers.get("cookie"), LOCALE_COOKIE),
    data.customer.locale,
  );
  return { scope, tokenInvoiceId: scope.tokenInvoiceId, data, today, locale, visitorHash };
}

/** For server components: cached per request, so the root layout and the page share one lookup. */
export const resolveInvoiceLink = cache(
  async (token: string, siblingNumber?: number): Promise<InvoicePageRequest | null> => {
    return loadLinkPage({ headers: await headers(), token, siblingNumber });
  },
);

/**
 * For the link's route handlers (payments, content, offers, surveys): the scope of this request's
 * link, or NOT_FOUND for every kind of bad link. Checked before the body is read.
 */
export async function requireLinkScope(request: Request, token: string): Promise<LinkScope> {
  const scope = await resolveLinkScope(await getDb(), {
    token,
    visitorKey: visitorKeyFrom(request.headers),
  });
  if (!scope) throw new AppError("NOT_FOUND", "This link does not lead to an invoice");
  return scope;
}

/** The invoice a link route acts on: the link's own, or the customer's invoice by number. */
export async function requireInvoiceInScope(
  scope: LinkScope,
  invoiceNumber: number | null | undefined,
): Promise<LinkScope> {
  const narrowed = await narrowLinkScope(await getDb(), scope, invoiceNumber);
  if (!narrowed) throw new AppError("NOT_FOUND", "No such invoice for this customer");
  return narrowed;
}
