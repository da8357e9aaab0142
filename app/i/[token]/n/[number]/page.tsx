import { notFound } from "next/navigation";
import { InvoiceRoute, invoiceMetadata } from "../../invoice-route";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string; number: string }> };

function parseNumber(value: string): number | null {
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

export async function generateMetadata({ params }: Props) {
  const { token, number } = await params;
  const parsed = parseNumber(number);
  return parsed === null ? { robots: { index: false } } : invoiceMetadata(token, parsed);
}

/** One of the customer's earlier invoices, reached through a link they hold. */
export default async function SiblingInvoicePage({ params }: Props) {
  const { token, number } = await params;
  const parsed = parseNumber(number);
  if (parsed === null) notFound();
  return <InvoiceRoute token={token} siblingNumber={parsed} />;
}
