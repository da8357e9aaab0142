import { loadLinkPage } from "@/lib/invoice-page/page-request";
import { invoicePdfResponse } from "@/lib/invoice-page/pdf-response";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; number: string }> },
) {
  const { token, number } = await params;
  return invoicePdfResponse(async () =>
    /^[1-9]\d{0,8}$/.test(number)
      ? loadLinkPage({ headers: request.headers, token, siblingNumber: Number(number) })
      : null,
  );
}
