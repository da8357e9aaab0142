import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PlainInvoice } from "@/components/invoice/plain-invoice";
import { getDb } from "@/lib/db/client";
import { clientAddressFrom, clientKey } from "@/lib/http/client-address";
import { getCustomerInvoiceView } from "@/lib/invoices/customer-invoice-view";
import { findInvoiceIdByToken } from "@/lib/invoices/find-invoice-by-token";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invoice", robots: { index: false, follow: false } };

// Link lookups per client address: generous for a person, useless for guessing 256-bit tokens.
const LOOKUP_LIMIT = { limit: 120, windowMs: 60_000 };

export default async function CustomerInvoicePage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const db = await getDb();
  const address = clientAddressFrom(await headers());
  const limit = await hitRateLimit(db, {
    key: `invoice-link:${clientKey(address)}`,
    ...LOOKUP_LIMIT,
  });
  if (limit.limited) notFound();
  const invoiceId = await findInvoiceIdByToken(db, token);
  if (!invoiceId) notFound();
  const view = await getCustomerInvoiceView(db, invoiceId);
  if (!view) notFound();
  return <PlainInvoice view={view} />;
}
