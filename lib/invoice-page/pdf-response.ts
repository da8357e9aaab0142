import { NextResponse } from "next/server";
import { renderInvoicePdf } from "@/lib/invoice-page/invoice-pdf";
import type { InvoicePageRequest } from "@/lib/invoice-page/page-request";

/** The PDF download of a resolved invoice link; an unresolved link is the same 404 as the page. */
export async function invoicePdfResponse(
  request: InvoicePageRequest | null,
): Promise<NextResponse> {
  if (!request) return new NextResponse("Not found", { status: 404 });
  const bytes = await renderInvoicePdf(request.data, request.locale);
  const name = `${request.locale === "sv" ? "faktura" : "invoice"}-${request.data.invoice.number}.pdf`;
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  });
}
