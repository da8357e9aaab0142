import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/api-response";
import { renderInvoicePdf } from "@/lib/invoice-page/invoice-pdf";
import type { InvoicePageRequest } from "@/lib/invoice-page/page-request";

/**
 * The PDF download of an invoice link. An unresolved link is the same 404 as the page (never
 * saying why); anything thrown — a busy database included — is the house's one error reply.
 */
export async function invoicePdfResponse(
  load: () => Promise<InvoicePageRequest | null>,
): Promise<NextResponse> {
  try {
    const request = await load();
    if (!request) throw new AppError("NOT_FOUND", "No invoice at this link");
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
  } catch (error) {
    return errorResponse(error, { route: "invoice-pdf" });
  }
}
