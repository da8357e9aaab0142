import { apiRoute } from "@/lib/api/api-handler";
import { bankFileView } from "@/lib/bank-files/bank-file-views";
import { AppError } from "@/lib/errors/app-error";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "getBankFile",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "bank file");
    const row = await db.bankFile.findFirst({
      where: { id, organizationId: principal.organizationId },
    });
    if (!row) throw new AppError("NOT_FOUND", "No such bank file");
    return { status: 200, body: bankFileView(row, false) };
  },
});
