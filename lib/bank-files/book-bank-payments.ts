import { randomUUID } from "node:crypto";
import {
  type BankPaymentMethod,
  type PlannedRepayment,
  planBankRepayment,
  repaymentReason,
} from "@/lib/bank-files/bank-repayments";
import type { BankEntry } from "@/lib/bank-files/formats/types";
import { suggestInvoices } from "@/lib/bank-files/suggestions";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { InvoiceStatus, LedgerEntryKind, Prisma } from "@/lib/db/generated/client";
import { formatShortDate } from "@/lib/i18n/format-date";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { balanceOre, deriveInvoiceStatus, sumLedger } from "@/lib/ledger/invoice-status";
import { overpaymentText } from "@/lib/ledger/record-payment";
import type { InvoiceChange } from "@/lib/payments/invoice-changes";
import { validateOcr } from "@/lib/references/ocr";
import { recordWebhookEvents } from "@/lib/webhooks/outbox";
import { webhookEventsForTimeline } from "@/lib/webhooks/timeline-webhooks";

/**
 * Books one chunk of a bank file's payments, in the caller's transaction, with a fixed number of
 * statements however many payments it holds (a file of 100,000 is a hundred chunks):
 *
 * - a payment whose bank reference is already booked (the same file again, overlapping files)
 *   is skipped — the unique (organisation, bank reference) holds it even between two imports;
 * - a valid OCR (hard check, length digit included) of one of the organisation's invoices books
 *   the payment on it: the ledger entry, the invoice's status, the timeline ("Betalning mottagen
 *   via bankgiro", "via Swish" for a Swish payment the bank marked as such) and the
 *   payment.received / invoice.paid webhooks. Money beyond the balance, or paid to a credited or
 *   paid invoice, follows the organisation's refund policy: the customer's credit (KEEP_CREDIT),
 *   or a payment back for finance to make (REFUND, lib/bank-files/bank-repayments.ts); the
 *   timeline says which;
 * - anything else goes to the unmatched queue with ranked suggestions — never booked on a guess.
 */
export interface ChunkOutcome {
  booked: number;
  bookedOre: number;
  unmatched: number;
  unmatchedOre: number;
  alreadyBooked: number;
  changes: InvoiceChange[];
}

type Tx = Prisma.TransactionClient;

/** The digits of a reference that is an OCR of ours, or null. */
export function ocrOf(reference: string | null): string | null {
  if (!reference) return null;
  const digits = reference.replace(/[\s-]/g, "");
  if (!/^\d{2,25}$/.test(digits)) return null;
  return validateOcr(digits, "variable-length").ok ? digits : null;
}

export function ledgerRefOf(organizationId: string, entryReference: string): string {
  // Ledger references are unique across organisations: ours are namespaced by organisation.
  return `bank:${organizationId}:${entryReference}`;
}

export async function bookBankEntries(
  tx: Tx,
  options: {
    organizationId: string;
    bankFileId: string;
    entries: BankEntry[];
    /**
     * How the file's money came, on the ledger and timeline: bankgiro (BgMax, a bankgiro account)
     * or bank_transfer; a payment the bank marked as Swish is swish_direct whatever the file.
     */
    method: "bankgiro" | "bank_transfer";
    now?: Date;
  },
): Promise<ChunkOutcome> {
  const { organizationId, bankFileId } = options;
  const now = options.now ?? new Date();
  const outcome: ChunkOutcome = {
    booked: 0,
    bookedOre: 0,
    unmatched: 0,
    unmatchedOre: 0,
    alreadyBooked: 0,
    changes: [],
  };
  const payments = options.entries.filter((entry) => !entry.isDebit);
  if (payments.length === 0) return outcome;

  const known = await tx.bankPayment.findMany({
    where: { organizationId, entryReference: { in: payments.map((p) => p.entryReference) } },
    select: { entryReference: true },
  });
  const seen = new Set(known.map((row) => row.entryReference));
  const fresh: BankEntry[] = [];
  for (const entry of payments) {
    if (seen.has(entry.entryReference)) {
      outcome.alreadyBooked += 1;
      continue;
    }
    seen.add(entry.entryReference);
    fresh.push(entry);
  }
  if (fresh.length === 0) return outcome;

  const ocrs = [
    ...new Set(fresh.map((e) => ocrOf(e.reference.value)).filter((o): o is string => !!o)),
  ];
  const invoices = ocrs.length
    ? await tx.invoice.findMany({
        where: { organizationId, ocr: { in: ocrs }, kind: "INVOICE", status: { not: "DRAFT" } },
        select: { id: true, ocr: true },
      })
    : [];
  const invoiceByOcr = new Map(invoices.map((invoice) => [invoice.ocr!, invoice.id]));
  // A part of a payment plan has an OCR of its own (lib/collections/payment-plans.ts): it pays
  // the plan's invoice, and the plan counts it.
  const partOcrs = ocrs.filter((ocr) => !invoiceByOcr.has(ocr));
  if (partOcrs.length > 0) {
    const parts = await tx.paymentPlanPart.findMany({
      where: { organizationId, ocr: { in: partOcrs } },
      select: { ocr: true, plan: { select: { invoiceId: true } } },
    });
    for (const part of parts) invoiceByOcr.set(part.ocr, part.plan.invoiceId);
  }
  const matchedIds = [...new Set(invoiceByOcr.values())].sort();
  const { refundPolicy } = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { refundPolicy: true },
  });

  // Every ledger write locks its invoice first (as record-payment does), in id order so two
  // imports touching the same invoices cannot deadlock; then the sums are read under the lock.
  const state = new Map<
    string,
    {
      kind: "INVOICE";
      status: InvoiceStatus;
      dueDate: Date | null;
      sums: ReturnType<typeof sumLedger>;
    }
  >();
  const locales = new Map<string, "sv" | "en">();
  if (matchedIds.length > 0) {
    // The lock and the read in one statement (with the customer's language for the timeline).
    const rows = await tx.$queryRaw<
      Array<{ id: string; status: InvoiceStatus; dueDate: Date | null; locale: "sv" | "en" }>
    >`SELECT i."id", i."status", i."dueDate", c."locale"
        FROM "Invoice" i JOIN "Customer" c ON c."id" = i."customerId"
       WHERE i."id" = ANY(${matchedIds}::text[]) ORDER BY i."id" FOR UPDATE OF i`;
    const ledger = await tx.$queryRaw<
      Array<{ invoiceId: string; kind: LedgerEntryKind; sum: number }>
    >`
      SELECT "invoiceId", "kind", SUM("amountOre")::int AS "sum" FROM "LedgerEntry"
       WHERE "invoiceId" = ANY(${matchedIds}::text[]) GROUP BY "invoiceId", "kind"`;
    const sums = ledger.map((row) => ({
      invoiceId: row.invoiceId,
      kind: row.kind,
      _sum: { amountOre: Number(row.sum) },
    }));
    for (const row of rows) locales.set(row.id, row.locale);
    for (const row of rows) {
      state.set(row.id, {
        kind: "INVOICE",
        status: row.status,
        dueDate: row.dueDate,
        sums: sumLedger(
          sums
            .filter((s) => s.invoiceId === row.id)
            .map((s) => ({ kind: s.kind, amountOre: s._sum.amountOre ?? 0 })),
        ),
      });
    }
  }

  const bankRows: Prisma.BankPaymentCreateManyInput[] = [];
  const ledgerRows: Prisma.LedgerEntryCreateManyInput[] = [];
  const events: Array<{
    organizationId: string;
    invoiceId: string;
    type: "PAYMENT_RECEIVED";
    visibility: "CUSTOMER";
    actorType: "SYSTEM";
    customerText: string | null;
    data: Record<string, unknown>;
    occurredAt: Date;
  }> = [];
  const bookedOn: Date[] = [];
  const methods: BankPaymentMethod[] = [];
  const overpaid: Array<{
    index: number;
    invoiceId: string;
    overpaidOre: number;
    paidBack: boolean;
  }> = [];
  const repayments: PlannedRepayment[] = [];
  const statusBefore = new Map<string, InvoiceStatus>();
  const today = todayInSweden(now);
  const unmatched: Array<{ row: Prisma.BankPaymentCreateManyInput; entry: BankEntry }> = [];

  for (const entry of fresh) {
    const method: BankPaymentMethod = entry.channel === "swish" ? "swish_direct" : options.method;
    const base = {
      id: randomUUID(),
      organizationId,
      bankFileId,
      entryReference: entry.entryReference,
      amountOre: entry.amountOre,
      currency: entry.currency,
      bookingDate: entry.bookingDate ? new Date(`${entry.bookingDate}T00:00:00Z`) : null,
      valueDate: entry.valueDate ? new Date(`${entry.valueDate}T00:00:00Z`) : null,
      referenceKind: entry.reference.kind,
      reference: entry.reference.value,
      extraReferences: entry.extraReferences,
      payerName: entry.payerName,
      payerAccount: entry.payerAccount,
      method,
      createdAt: now,
    };
    const ocr = ocrOf(entry.reference.value);
    const invoiceId = ocr ? invoiceByOcr.get(ocr) : undefined;
    const invoice = invoiceId ? state.get(invoiceId) : undefined;
    if (!invoiceId || !invoice) {
      const row = { ...base, status: "UNMATCHED" as const };
      unmatched.push({ row, entry });
      outcome.unmatched += 1;
      outcome.unmatchedOre += entry.amountOre;
      continue;
    }
    if (!statusBefore.has(invoiceId)) statusBefore.set(invoiceId, invoice.status);
    const owedBefore = balanceOre(invoice.sums);
    const statusBeforeEntry = invoice.status;
    invoice.sums = { ...invoice.sums, paidOre: invoice.sums.paidOre + entry.amountOre };
    const balance = balanceOre(invoice.sums);
    const overpaidOre = Math.min(entry.amountOre, Math.max(0, -balance) - Math.max(0, -owedBefore));
    // The refund policy: the extra goes back to the payer (planned below, once the payment is
    // stored), so the invoice no longer holds it as credit.
    const paidBack = overpaidOre > 0 && refundPolicy === "REFUND";
    if (paidBack) {
      invoice.sums = { ...invoice.sums, refundedOre: invoice.sums.refundedOre + overpaidOre };
      repayments.push({
        organizationId,
        bankPaymentId: base.id,
        invoiceId,
        amountOre: overpaidOre,
        currency: entry.currency,
        reason: repaymentReason(statusBeforeEntry),
        method,
        payerName: entry.payerName,
        payerAccount: entry.payerAccount,
      });
    }
    invoice.status = deriveInvoiceStatus({ ...invoice, today });
    bankRows.push({ ...base, status: "BOOKED", invoiceId, matchedBy: "ocr" });
    const occurredAt = base.bookingDate ?? now;
    ledgerRows.push({
      organizationId,
      invoiceId,
      kind: "PAYMENT",
      amountOre: -entry.amountOre,
      currency: entry.currency,
      externalRef: ledgerRefOf(organizationId, entry.entryReference),
      memo: method,
      occurredAt,
    });
    if (overpaidOre > 0) overpaid.push({ index: events.length, invoiceId, overpaidOre, paidBack });
    bookedOn.push(occurredAt);
    methods.push(method);
    events.push({
      organizationId,
      invoiceId,
      type: "PAYMENT_RECEIVED",
      visibility: "CUSTOMER",
      actorType: "SYSTEM",
      customerText: null,
      data: {
        amountOre: entry.amountOre,
        method,
        balanceOre: balance,
        bankPaymentId: base.id,
        ...(overpaidOre > 0 ? { overpaidOre } : {}),
      },
      occurredAt: now,
    });
    outcome.booked += 1;
    outcome.bookedOre += entry.amountOre;
  }

  // Suggestions for what did not match: read now, for a person to judge in the queue.
  for (const { row, entry } of unmatched) {
    row.suggestions = (await suggestInvoices(
      tx,
      organizationId,
      entry,
    )) as unknown as Prisma.InputJsonValue;
    bankRows.push(row);
  }
  await insertBankPayments(tx, bankRows);
  if (ledgerRows.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre", "currency", "externalRef", "memo", "occurredAt")
      SELECT gen_random_uuid()::text, ${organizationId}, r."invoiceId", 'PAYMENT', r."amountOre", r."currency", r."externalRef", r."memo", r."occurredAt"
        FROM unnest(${ledgerRows.map((r) => r.invoiceId)}::text[], ${ledgerRows.map((r) => r.amountOre)}::int[],
                    ${ledgerRows.map((r) => r.currency ?? "SEK")}::text[], ${ledgerRows.map((r) => r.externalRef)}::text[],
                    ${ledgerRows.map((r) => r.memo ?? options.method)}::text[],
                    ${ledgerRows.map((r) => (r.occurredAt as Date).toISOString())}::timestamp[])
          AS r("invoiceId", "amountOre", "currency", "externalRef", "memo", "occurredAt")`;
  }

  // The timeline says how and when the money came ("via bankgiro, 12 dec"), and what an
  // overpayment becomes; in the customer's language.
  for (const [index, event] of events.entries()) {
    const locale = locales.get(event.invoiceId) ?? "sv";
    const when = formatShortDate(bookedOn[index]!, locale);
    const how = invoiceMessages[locale].timeline.methods[methods[index]!];
    event.customerText = `${locale === "sv" ? "Via" : "By"} ${how}, ${when}`;
  }
  for (const { index, invoiceId, overpaidOre, paidBack } of overpaid) {
    const way = methods[index] === "swish_direct" ? "swish_direct" : "bank";
    const text = await overpaymentText(tx, invoiceId, overpaidOre, paidBack ? way : null);
    events[index]!.customerText = `${events[index]!.customerText!.replace(/\.$/, "")}. ${text}`;
  }
  const changedStatuses = [...statusBefore.keys()].map((id) => ({
    id,
    status: state.get(id)!.status,
  }));
  if (changedStatuses.length > 0) {
    const updated = await tx.$queryRaw<Array<{ id: string; version: number }>>`
      UPDATE "Invoice" AS i
         SET "status" = v."status"::"InvoiceStatus", "version" = i."version" + 1, "updatedAt" = ${now}
        FROM unnest(${changedStatuses.map((c) => c.id)}::text[], ${changedStatuses.map((c) => c.status)}::text[])
          AS v("id", "status")
       WHERE i."id" = v."id"
   RETURNING i."id", i."version"`;
    outcome.changes = updated.map((row) => ({
      invoiceId: row.id,
      version: Number(row.version),
      kind: "payment",
    }));
  }
  if (events.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "InvoiceEvent" ("id", "organizationId", "invoiceId", "type", "visibility", "actorType", "customerText", "data", "occurredAt")
      SELECT gen_random_uuid()::text, ${organizationId}, r."invoiceId", 'PAYMENT_RECEIVED', 'CUSTOMER', 'SYSTEM', r."text", r."data", ${now.toISOString()}::timestamp
        FROM unnest(${events.map((e) => e.invoiceId)}::text[], ${events.map((e) => e.customerText)}::text[],
                    ${events.map((e) => JSON.stringify(e.data))}::jsonb[]) AS r("invoiceId", "text", "data")`;
    await recordWebhookEvents(
      tx,
      events.flatMap((event) => webhookEventsForTimeline(event)),
    );
  }
  // After the payments are stored (each payment back names its payment), and after their
  // "received" entries on the timeline, which the "on its way back" entries follow.
  // A millisecond later, so the timeline (ordered by time) always shows it after the payment.
  const planned = new Date(now.getTime() + 1);
  for (const repayment of repayments) await planBankRepayment(tx, repayment, planned);
  return outcome;
}

/** The run's bank payments in one statement (arrays unnested on the server). */
async function insertBankPayments(tx: Tx, rows: Prisma.BankPaymentCreateManyInput[]) {
  if (rows.length === 0) return;
  const day = (value: Date | string | null | undefined) =>
    value ? new Date(value).toISOString().slice(0, 10) : null;
  await tx.$executeRaw`
    INSERT INTO "BankPayment" ("id", "organizationId", "bankFileId", "entryReference", "amountOre", "currency",
      "bookingDate", "valueDate", "referenceKind", "reference", "extraReferences", "payerName", "payerAccount",
      "status", "invoiceId", "matchedBy", "suggestions", "method", "createdAt")
    SELECT r."id", r."organizationId", r."bankFileId", r."entryReference", r."amountOre", r."currency",
      r."bookingDate", r."valueDate", r."referenceKind", r."reference",
      COALESCE((SELECT array_agg(x) FROM jsonb_array_elements_text(r."extra") AS x), ARRAY[]::text[]),
      r."payerName", r."payerAccount", r."status"::"BankPaymentStatus", r."invoiceId", r."matchedBy",
      r."suggestions", r."method", r."createdAt"
    FROM unnest(
      ${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.organizationId)}::text[],
      ${rows.map((r) => r.bankFileId)}::text[], ${rows.map((r) => r.entryReference)}::text[],
      ${rows.map((r) => r.amountOre)}::int[], ${rows.map((r) => r.currency ?? "SEK")}::text[],
      ${rows.map((r) => day(r.bookingDate))}::date[], ${rows.map((r) => day(r.valueDate))}::date[],
      ${rows.map((r) => r.referenceKind)}::text[], ${rows.map((r) => r.reference ?? null)}::text[],
      ${rows.map((r) => JSON.stringify(r.extraReferences ?? []))}::jsonb[],
      ${rows.map((r) => r.payerName ?? null)}::text[], ${rows.map((r) => r.payerAccount ?? null)}::text[],
      ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.invoiceId ?? null)}::text[],
      ${rows.map((r) => r.matchedBy ?? null)}::text[],
      ${rows.map((r) => JSON.stringify(r.suggestions ?? []))}::jsonb[],
      ${rows.map((r) => r.method ?? "bank_transfer")}::text[],
      ${rows.map((r) => new Date(r.createdAt as Date).toISOString())}::timestamp[]
    ) AS r("id", "organizationId", "bankFileId", "entryReference", "amountOre", "currency", "bookingDate",
           "valueDate", "referenceKind", "reference", "extra", "payerName", "payerAccount", "status",
           "invoiceId", "matchedBy", "suggestions", "method", "createdAt")`;
}
