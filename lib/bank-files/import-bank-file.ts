import { bookBankEntries } from "@/lib/bank-files/book-bank-payments";
import { parseBankFile } from "@/lib/bank-files/formats/parse-bank-file";
import {
  type BankAccountRef,
  failedControls,
  type ParsedBankFile,
} from "@/lib/bank-files/formats/types";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors/app-error";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import { createLogger } from "@/lib/log";
import type { InvoiceChange } from "@/lib/payments/invoice-changes";

/**
 * The import of one bank file (the `bank-files.import` job). The file is checked as a whole first
 * — it must read (format, namespace, version), agree with itself (control totals and counts), be
 * for one of the organisation's accounts, in SEK, and not a test file — and a file that fails any
 * check is refused with a report saying which, nothing booked. Then its payments are booked in
 * chunks (lib/bank-files/book-bank-payments.ts); a payment already booked is never booked again,
 * so an import that stopped half way goes on where it stopped when the job runs again.
 */
const CHUNK = 1000;
const log = createLogger("bank-files");

export interface BankFileReport {
  checks: Array<{ name: string; ok: boolean; detail: string }>;
  entries: number;
  booked: number;
  bookedOre: number;
  unmatched: number;
  unmatchedOre: number;
  alreadyBooked: number;
  /** Money out (camt DBIT, BgMax deductions) and entries not booked by the bank yet. */
  notPayments: number;
  totalOre: number;
}

function digits(value: string | null | undefined) {
  return (value ?? "").replace(/\D/g, "").replace(/^0+/, "");
}

function isOurs(
  account: BankAccountRef,
  organization: { bankgiro: string | null; bankAccountIban: string | null },
) {
  if (account.bankgiro && digits(account.bankgiro) === digits(organization.bankgiro)) return true;
  const iban = (value: string | null | undefined) => (value ?? "").replace(/\s/g, "").toUpperCase();
  if (
    account.iban &&
    organization.bankAccountIban &&
    iban(account.iban) === iban(organization.bankAccountIban)
  ) {
    return true;
  }
  return false;
}

function describeAccount(account: BankAccountRef) {
  return account.bankgiro
    ? `bankgiro ${account.bankgiro}`
    : account.iban
      ? `account ${account.iban}`
      : `account ${account.other ?? account.plusgiro ?? "(none named)"}`;
}

/** The checks beyond the file's own controls: whose accounts, which currency, real or test. */
export function organizationChecks(
  parsed: ParsedBankFile,
  organization: { bankgiro: string | null; bankAccountIban: string | null },
) {
  const accounts = [
    ...parsed.accounts,
    ...parsed.entries.flatMap((entry) => (entry.receivingAccount ? [entry.receivingAccount] : [])),
  ];
  const foreign = accounts.filter((account) => !isOurs(account, organization));
  const currencies = [...new Set(parsed.entries.map((entry) => entry.currency))];
  return [
    {
      name: "receiving account is the organisation's",
      ok: accounts.length > 0 && foreign.length === 0,
      detail:
        accounts.length === 0
          ? "the file names no receiving account"
          : foreign.length === 0
            ? `for ${describeAccount(accounts[0]!)}`
            : `the file is for ${describeAccount(foreign[0]!)}, which is not this organisation's (bankgiro ${organization.bankgiro ?? "none"}${organization.bankAccountIban ? `, ${organization.bankAccountIban}` : ""})`,
    },
    {
      name: "currency is SEK",
      ok: currencies.every((currency) => currency === "SEK"),
      detail: currencies.length ? `currencies: ${currencies.join(", ")}` : "no payments",
    },
    {
      name: "not a test file",
      ok: !parsed.isTest,
      detail: parsed.isTest
        ? "the file is marked as a test (BgMax TK01 test mark T)"
        : "a production file",
    },
  ];
}

export async function importBankFile(options: {
  db: Db;
  organizationId: string;
  bankFileId: string;
  /** Told after each chunk commits, with the invoices it changed (the job emits their cues). */
  onCommitted?: (changes: InvoiceChange[]) => void;
  now?: Date;
}): Promise<{
  status: "IMPORTED" | "REFUSED" | "ALREADY_DONE" | "NOT_FOUND";
  report?: BankFileReport;
}> {
  const { db, organizationId } = options;
  const file = await db.bankFile.findFirst({
    where: { id: options.bankFileId, organizationId },
    select: { id: true, status: true, format: true, content: true },
  });
  if (!file) return { status: "NOT_FOUND" };
  if (file.status !== "RECEIVED") return { status: "ALREADY_DONE" };
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { bankgiro: true, bankAccountIban: true },
  });

  let parsed: ParsedBankFile;
  try {
    parsed = parseBankFile(file.format, new Uint8Array(file.content));
  } catch (error) {
    const reason = isAppError(error) ? error.message : "The file could not be read";
    if (!isAppError(error))
      log.error("bank file could not be parsed", { bankFileId: file.id, error });
    await refuse(db, file.id, reason, [
      { name: "file reads as its format", ok: false, detail: reason },
    ]);
    return { status: "REFUSED" };
  }
  const checks = [
    ...parsed.controls.map(({ name, ok, detail }) => ({ name, ok, detail })),
    ...organizationChecks(parsed, organization),
  ];
  const failed = [...failedControls(parsed), ...checks.filter((check) => !check.ok)];
  const payments = parsed.entries.filter((entry) => !entry.isDebit);
  const report: BankFileReport = {
    checks,
    entries: parsed.entries.length,
    booked: 0,
    bookedOre: 0,
    unmatched: 0,
    unmatchedOre: 0,
    alreadyBooked: 0,
    notPayments: parsed.entries.length - payments.length + parsed.ignoredEntries.length,
    totalOre: payments.reduce((sum, entry) => sum + entry.amountOre, 0),
  };
  if (failed.length > 0) {
    const reason = `Refused, nothing booked: ${failed[0]!.name} — ${failed[0]!.detail}`;
    await refuse(db, file.id, reason, checks, report);
    return { status: "REFUSED", report };
  }
  const method =
    parsed.format === "BGMAX" || parsed.accounts.some((a) => a.bankgiro)
      ? "bankgiro"
      : "bank_transfer";
  for (let start = 0; start < payments.length; start += CHUNK) {
    const chunk = payments.slice(start, start + CHUNK);
    const outcome = await db.$transaction(
      (tx) =>
        bookBankEntries(tx, {
          organizationId,
          bankFileId: file.id,
          entries: chunk,
          method,
          now: options.now,
        }),
      { maxWait: 30_000, timeout: 120_000 },
    );
    options.onCommitted?.(outcome.changes);
  }
  // Counted from what is stored, so a run that went on after a crash reports the whole file.
  const stored = await db.bankPayment.groupBy({
    by: ["status"],
    where: { bankFileId: file.id },
    _count: { _all: true },
    _sum: { amountOre: true },
  });
  const of = (status: string) => stored.find((row) => row.status === status);
  report.booked = of("BOOKED")?._count._all ?? 0;
  report.bookedOre = of("BOOKED")?._sum.amountOre ?? 0;
  report.unmatched = of("UNMATCHED")?._count._all ?? 0;
  report.unmatchedOre = of("UNMATCHED")?._sum.amountOre ?? 0;
  report.alreadyBooked = payments.length - stored.reduce((sum, row) => sum + row._count._all, 0);
  await db.bankFile.update({
    where: { id: file.id },
    data: {
      status: "IMPORTED",
      report: report as unknown as Prisma.InputJsonObject,
      processedAt: options.now ?? new Date(),
    },
  });
  log.info("bank file imported", { bankFileId: file.id, ...report, checks: undefined });
  // A collection run waits while a file is unread (its payments may settle anything): now it
  // may go on, for everyone.
  await requestCollectionRun(db, organizationId);
  return { status: "IMPORTED", report };
}

async function refuse(
  db: Db,
  bankFileId: string,
  reason: string,
  checks: BankFileReport["checks"],
  report?: BankFileReport,
) {
  await db.bankFile.update({
    where: { id: bankFileId },
    data: {
      status: "REFUSED",
      refusalReason: reason.slice(0, 1000),
      report: (report ?? { checks }) as unknown as Prisma.InputJsonObject,
      processedAt: new Date(),
    },
  });
  log.warn("bank file refused", { bankFileId, reason });
}
