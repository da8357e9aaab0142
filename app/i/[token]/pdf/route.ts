import { loadLinkPage } from "@/lib/invoice-page/page-request";
import { invoicePdfResponse } from "@/lib/invoice-page/pdf-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return invoicePdfResponse(() => loadLinkPage({ headers: request.headers, token }));
}
