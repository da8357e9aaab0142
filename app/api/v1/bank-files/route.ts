import { apiRoute } from "@/lib/api/api-handler";
import { bankFileView } from "@/lib/bank-files/bank-file-views";
import { BANK_FILE_TYPES, receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** A bank file as the body; its import runs as a job (poll GET /api/v1/bank-files/{id}). */
export const POST = apiRoute({
  operation: "uploadBankFile",
  bodyLimit: () => getEnv().BANK_FILE_MAX_BYTES,
  async handle({ db, principal, url, rawBytes, contentType }) {
    const declared = BANK_FILE_TYPES[contentType as keyof typeof BANK_FILE_TYPES];
    if (!declared) {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send camt.054 as application/xml and BgMax as text/plain",
      );
    }
    const received = await receiveBankFile({
      db,
      organizationId: principal.organizationId,
      source: "API",
      fileName:
        url.searchParams.get("name") ?? (declared === "CAMT054" ? "camt054.xml" : "bgmax.txt"),
      bytes: rawBytes,
      declaredFormat: declared,
    });
    const row = await db.bankFile.findUniqueOrThrow({ where: { id: received.id } });
    return { status: received.duplicate ? 200 : 202, body: bankFileView(row, received.duplicate) };
  },
});
