import type { BankFile } from "@/lib/db/generated/client";

/** A bank file as the API and the console show it (never its content). */
export function bankFileView(row: BankFile, duplicate: boolean) {
  return {
    id: row.id,
    object: "bank_file" as const,
    format: row.format,
    source: row.source,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    status: row.status,
    duplicate,
    refusalReason: row.refusalReason,
    report: (row.report ?? {}) as Record<string, unknown>,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  };
}
