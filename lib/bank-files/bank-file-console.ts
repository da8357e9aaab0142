import { z } from "zod";
import { pendingRepaymentTotals } from "@/lib/bank-files/bank-repayments";
import type { BankFileReport } from "@/lib/bank-files/import-bank-file";
import type { Db } from "@/lib/db/database";
import type {
  BankFileFormat,
  BankFileSource,
  BankFileStatus,
  BankPaymentStatus,
  InvoiceStatus,
} from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * What the finance console reads: the organisation's bank files with their reports (never their
 * content, which may be a hundred megabytes), one file's payments a page at a time, the counts of
 * the console's home, and the invoice or customer a person names by number when deciding a
 * payment from the unmatched queue (lib/bank-files/unmatched-queue.ts takes ids).
 */

export type BankFileSummary = Omit<BankFileReport, "checks">;

export interface BankFileListRow {
  id: string;
  fileName: string;
  format: BankFileFormat;
  source: BankFileSource;
  status: BankFileStatus;
  sizeBytes: number;
  receivedAt: Date;
  processedAt: Date | null;
  refusalReason: string | null;
  /** The import's counts and sums; null until imported (and for a file that did not read). */
  summary: BankFileSummary | null;
}

export interface BankFileDetail extends BankFileListRow {
  checks: BankFileReport["checks"];
}

const count = z.number().int().min(0);
/** The report as the import writes it (lib/bank-files/import-bank-file.ts), read defensively. */
const storedReportSchema = z.object({
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })).catch([]),
  entries: count.optional(),
  booked: count.optional(),
  bookedOre: z.number().int().optional(),
  unmatched: count.optional(),
  unmatchedOre: z.number().int().optional(),
  alreadyBooked: z.number().int().optional(),
  notPayments: count.optional(),
  totalOre: z.number().int().optional(),
});

/** A stored report's checks and, when the file got as far as being counted, its summary. */
export function readBankFileReport(report: unknown): {
  checks: BankFileReport["checks"];
  summary: BankFileSummary | null;
} {
  const parsed = storedReportSchema.safeParse(report ?? {});
  if (!parsed.success) return { checks: [], summary: null };
  const { checks, ...rest } = parsed.data;
  const summary =
    rest.entries === undefined
      ? null
      : {
          entries: rest.entries,
          booked: rest.booked ?? 0,
          bookedOre: rest.bookedOre ?? 0,
          unmatched: rest.unmatched ?? 0,
          unmatchedOre: rest.unmatchedOre ?? 0,
          alreadyBooked: rest.alreadyBooked ?? 0,
          notPayments: rest.notPayments ?? 0,
          totalOre: rest.totalOre ?? 0,
        };
  return { checks, summary };
}

const FILE_COLUMNS = {
  id: true,
  fileName: true,
  format: true,
  source: true,
  status: true,
  sizeBytes: true,
  receivedAt: true,
  processedAt: true,
  refusalReason: true,
  report: true,
} as const;

/** The organisation's files, newest first (at most `limit`). */
export async function listBankFiles(
  db: Db,
  organizationId: string,
  limit = 100,
): Promise<BankFileListRow[]> {
  const rows = await db.bankFile.findMany({
    where: { organizationId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: FILE_COLUMNS,
  });
  return rows.map(({ report, ...row }) => ({
    ...row,
    summary: readBankFileReport(report).summary,
  }));
}

/** One of the organisation's files with its checks; another organisation's is not found. */
export async function getBankFileDetail(
  db: Db,
  organizationId: string,
  bankFileId: string,
): Promise<BankFileDetail> {
  const row = await db.bankFile.findFirst({
    where: { id: bankFileId, organizationId },
    select: FILE_COLUMNS,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such bank file");
  const { report, ...rest } = row;
  return { ...rest, ...readBankFileReport(report) };
}

export interface BankFilePaymentRow {
  id: string;
  entryReference: string;
  bookingDate: string | null;
  amountOre: number;
  referenceKind: string;
  reference: string | null;
  payerName: string | null;
  payerAccount: string | null;
  /** bankgiro, bank_transfer or swish_direct. */
  method: string;
  status: BankPaymentStatus;
  invoice: { id: string; number: number | null } | null;
  /** Put on this customer's balance by a person. */
  customerId: string | null;
  decisionReason: string | null;
}

/**
 * One page of a file's payments, in the order of the CSV (lib/bank-files/bank-file-report.ts):
 * a file of 100,000 payments is read a page at a time; the CSV has them all.
 */
export async function listBankFilePaymentPage(
  db: Db,
  organizationId: string,
  bankFileId: string,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: BankFilePaymentRow[] }> {
  const where = { bankFileId, organizationId };
  const [total, rows] = await Promise.all([
    db.bankPayment.count({ where }),
    db.bankPayment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { entryReference: "asc" }],
      skip: page.offset,
      take: page.limit,
      select: {
        id: true,
        entryReference: true,
        bookingDate: true,
        amountOre: true,
        referenceKind: true,
        reference: true,
        payerName: true,
        payerAccount: true,
        method: true,
        status: true,
        customerId: true,
        decisionReason: true,
        invoice: { select: { id: true, number: true } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      bookingDate: row.bookingDate?.toISOString().slice(0, 10) ?? null,
    })),
  };
}

export interface FinanceOverview {
  /** Received, their import not run yet. */
  filesWaiting: number;
  filesRefusedLast30Days: number;
  filesImportedLast30Days: number;
  unmatchedCount: number;
  unmatchedOre: number;
  /** Payments back planned for finance to make from the bank (bank-repayments.ts). */
  repaymentsCount: number;
  repaymentsOre: number;
}

const DAY_MS = 86_400_000;

/** The console home's counts: files waiting and refused, and what waits in the queue. */
export async function financeOverview(
  db: Db,
  organizationId: string,
  now = new Date(),
): Promise<FinanceOverview> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const [waiting, refused, imported, queue, repayments] = await Promise.all([
    db.bankFile.count({ where: { organizationId, status: "RECEIVED" } }),
    db.bankFile.count({
      where: { organizationId, status: "REFUSED", receivedAt: { gte: since } },
    }),
    db.bankFile.count({
      where: { organizationId, status: "IMPORTED", receivedAt: { gte: since } },
    }),
    db.bankPayment.aggregate({
      where: { organizationId, status: "UNMATCHED" },
      _count: { _all: true },
      _sum: { amountOre: true },
    }),
    pendingRepaymentTotals(db, organizationId),
  ]);
  return {
    filesWaiting: waiting,
    filesRefusedLast30Days: refused,
    filesImportedLast30Days: imported,
    unmatchedCount: queue._count._all,
    unmatchedOre: queue._sum.amountOre ?? 0,
    repaymentsCount: repayments.count,
    repaymentsOre: repayments.sumOre,
  };
}

/**
 * `GET /api/finance/decision-targets?invoiceNumber=…` or `?customerNumber=…`: the one invoice or
 * customer a person names by its number, to decide a queued payment with (the decision itself
 * names ids, so it is the same whether picked from the suggestions or typed).
 */
export const decisionTargetQuerySchema = z
  .strictObject({
    invoiceNumber: z
      .string()
      .trim()
      .regex(/^\d{1,9}$/, "an invoice number is its digits")
      .transform(Number)
      .optional(),
    customerNumber: z.string().trim().min(1, "write the customer number").max(40).optional(),
  })
  .refine((query) => (query.invoiceNumber === undefined) !== (query.customerNumber === undefined), {
    error: "name either an invoice number or a customer number",
  });
export type DecisionTargetQuery = z.output<typeof decisionTargetQuerySchema>;

export type DecisionTarget =
  | {
      kind: "invoice";
      invoiceId: string;
      number: number;
      status: InvoiceStatus;
      totalOre: number;
      customerName: string;
      customerNumber: string;
    }
  | { kind: "customer"; customerId: string; customerNumber: string; name: string };

export async function findDecisionTarget(
  db: Db,
  organizationId: string,
  query: DecisionTargetQuery,
): Promise<DecisionTarget> {
  if (query.invoiceNumber !== undefined) {
    const invoice = await db.invoice.findFirst({
      where: {
        organizationId,
        number: query.invoiceNumber,
        kind: "INVOICE",
        status: { not: "DRAFT" },
      },
      select: {
        id: true,
        number: true,
        status: true,
        totalOre: true,
        customer: { select: { name: true, customerNumber: true } },
      },
    });
    if (!invoice || invoice.number === null) {
      throw new AppError("NOT_FOUND", `There is no issued invoice number ${query.invoiceNumber}`, {
        param: "/invoiceNumber",
      });
    }
    return {
      kind: "invoice",
      invoiceId: invoice.id,
      number: invoice.number,
      status: invoice.status,
      totalOre: invoice.totalOre,
      customerName: invoice.customer.name,
      customerNumber: invoice.customer.customerNumber,
    };
  }
  const customer = await db.customer.findUnique({
    where: {
      organizationId_customerNumber: { organizationId, customerNumber: query.customerNumber ?? "" },
    },
    select: { id: true, customerNumber: true, name: true },
  });
  if (!customer) {
    throw new AppError("NOT_FOUND", `There is no customer number ${query.customerNumber}`, {
      param: "/customerNumber",
    });
  }
  return {
    kind: "customer",
    customerId: customer.id,
    customerNumber: customer.customerNumber,
    name: customer.name,
  };
}
