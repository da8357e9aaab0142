import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { BankFileFormat, BankFileSource } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/job-engine";

/**
 * Receiving a bank's payment file (an upload in the console, POST /api/v1/bank-files, or the
 * watched folder): its format is told from its first bytes, it is stored whole, and its import is
 * a job written in the same transaction. The same file again (by its SHA-256) is not taken twice.
 */
export const BANK_FILE_TYPES = {
  "application/xml": "CAMT054",
  "text/xml": "CAMT054",
  "text/plain": "BGMAX",
} as const satisfies Record<string, BankFileFormat>;

/** What the bytes are: camt.054 is XML (a `<` first), BgMax starts with its start record "01BGMAX". */
export function detectBankFileFormat(bytes: Uint8Array): BankFileFormat | null {
  let start = 0;
  // A UTF-8 byte-order mark, then whitespace, may come before the XML declaration.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start]!)) start += 1;
  if (bytes[start] === 0x3c) return "CAMT054";
  const head = Buffer.from(bytes.subarray(start, start + 7)).toString("latin1");
  if (head === "01BGMAX") return "BGMAX";
  return null;
}

export interface ReceivedBankFile {
  id: string;
  status: string;
  duplicate: boolean;
  format: BankFileFormat;
}

export async function receiveBankFile(options: {
  db: Db;
  organizationId: string;
  source: BankFileSource;
  fileName: string;
  bytes: Uint8Array;
  /** The declared type (upload, API); the content decides when there is none (folder). */
  declaredFormat?: BankFileFormat | null;
  uploadedByStaffId?: string | null;
}): Promise<ReceivedBankFile> {
  const { db, organizationId, bytes } = options;
  if (bytes.length === 0) throw new AppError("BAD_INPUT", "The file is empty");
  const format = detectBankFileFormat(bytes);
  if (!format) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "This is neither an ISO 20022 camt.054 file (XML) nor a BgMax file (starting 01BGMAX)",
    );
  }
  if (options.declaredFormat && options.declaredFormat !== format) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      format === "CAMT054"
        ? "This is a camt.054 file: send it as application/xml"
        : "This is a BgMax file: send it as text/plain",
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileName =
    options.fileName.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 200) || "bank-file";
  try {
    return await db.$transaction(async (tx) => {
      const file = await tx.bankFile.create({
        data: {
          organizationId,
          format,
          source: options.source,
          fileName,
          sha256,
          sizeBytes: bytes.length,
          content: Buffer.from(bytes),
          uploadedByStaffId: options.uploadedByStaffId ?? null,
        },
        select: { id: true, status: true },
      });
      await enqueueJob(tx, "bank-files.import", { organizationId, bankFileId: file.id });
      return { id: file.id, status: file.status, duplicate: false, format };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same file again: nothing new is booked; the answer points at the first one.
    const earlier = await db.bankFile.findUniqueOrThrow({
      where: { organizationId_sha256: { organizationId, sha256 } },
      select: { id: true, status: true, format: true },
    });
    return { id: earlier.id, status: earlier.status, duplicate: true, format: earlier.format };
  }
}
