import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { bankFileView } from "@/lib/bank-files/bank-file-views";
import { BANK_FILE_TYPES, receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, readBodyBytes } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

/**
 * The console's upload: the file is the body (its name in `?name=`), camt.054 as application/xml
 * and BgMax as text/plain. Checked and booked by the import job; the answer names the file.
 */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const declared = BANK_FILE_TYPES[type as keyof typeof BANK_FILE_TYPES];
    if (!declared) {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send camt.054 as application/xml and BgMax as text/plain",
      );
    }
    const bytes = await readBodyBytes(request, getEnv().BANK_FILE_MAX_BYTES);
    const db = await getDb();
    const received = await receiveBankFile({
      db,
      organizationId: staff.organizationId,
      source: "UPLOAD",
      fileName: new URL(request.url).searchParams.get("name") ?? "bank-file",
      bytes,
      declaredFormat: declared,
      uploadedByStaffId: staff.id,
    });
    const row = await db.bankFile.findUniqueOrThrow({ where: { id: received.id } });
    return NextResponse.json(bankFileView(row, received.duplicate), {
      status: received.duplicate ? 200 : 202,
    });
  } catch (error) {
    return errorResponse(error, { route: "upload bank file" });
  }
}
