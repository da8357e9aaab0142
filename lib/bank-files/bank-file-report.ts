import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";

/**
 * A bank file's payments for the console: each with what became of it. The CSV guards against
 * formula injection (a payer's name starting with = + - @ is quoted as text), since a payer
 * writes the reference and the name.
 */
export async function listBankFilePayments(db: Db, organizationId: string, bankFileId: string) {
  const file = await db.bankFile.findFirst({
    where: { id: bankFileId, organizationId },
    select: { id: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "No such bank file");
  return db.bankPayment.findMany({
    where: { bankFileId, organizationId },
    orderBy: [{ createdAt: "asc" }, { entryReference: "asc" }],
    include: { invoice: { select: { id: true, number: true } } },
  });
}

const cell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? "" : String(value);
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
};

export async function bankFilePaymentsCsv(db: Db, organizationId: string, bankFileId: string) {
  const file = await db.bankFile.findFirst({
    where: { id: bankFileId, organizationId },
    select: { fileName: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "No such bank file");
  const rows = await listBankFilePayments(db, organizationId, bankFileId);
  const header = [
    "bank_reference",
    "booking_date",
    "amount_ore",
    "reference_kind",
    "reference",
    "payer_name",
    "payer_account",
    "status",
    "invoice_number",
    "decision_reason",
    "method",
  ];
  const lines = rows.map((row) =>
    [
      row.entryReference,
      row.bookingDate?.toISOString().slice(0, 10),
      row.amountOre,
      row.referenceKind,
      row.reference,
      row.payerName,
      row.payerAccount,
      row.status,
      row.invoice?.number,
      row.decisionReason,
      row.method,
    ]
      .map(cell)
      .join(","),
  );
  return { fileName: file.fileName, csv: `${[header.join(","), ...lines].join("\n")}\n` };
}
