import { InvoiceRoute, invoiceMetadata } from "./invoice-route";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  return invoiceMetadata((await params).token);
}

export default async function CustomerInvoicePage({ params, searchParams }: Props) {
  const freshLinkSent = (await searchParams)["new-link"] === "sent";
  return <InvoiceRoute token={(await params).token} freshLinkSent={freshLinkSent} />;
}
