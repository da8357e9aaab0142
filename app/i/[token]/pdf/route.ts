import type { NextRequest } from "next/server";
import { resolveInvoiceLink } from "@/lib/invoice-page/page-request";
import { invoicePdfResponse } from "@/lib/invoice-page/pdf-response";

export const dynamic = "force-dynamic";

export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
) {
  return invoicePdfResponse(await resolveInvoiceLink((await params).token));
}
