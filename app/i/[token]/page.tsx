import { InvoiceRoute, invoiceMetadata } from "./invoice-route";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props) {
  return invoiceMetadata((await params).token);
}

export default async function CustomerInvoicePage({ params }: Props) {
  return <InvoiceRoute token={(await params).token} />;
}
