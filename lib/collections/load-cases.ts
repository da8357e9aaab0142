import type { CollectionCase, FeeKind, Pause, PerformedStep } from "@/lib/collections/engine";
import type { PrincipalEntry } from "@/lib/collections/interest";
import { feeReference } from "@/lib/collections/reminder-fees";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type {
  CollectionStepKind,
  LedgerEntryKind,
  Locale,
  Prisma,
} from "@/lib/db/generated/client";

/**
 * Reading unpaid invoices as the collection engine sees them, many at a time: a handful of
 * statements per chunk whatever its size (the daily run reads 100,000 invoices in chunks). Every
 * read is scoped to the organisation. Dates are Swedish calendar days (a ledger entry at 23:30
 * UTC on 31 December is a payment on 1 January).
 */

export const collectionFeeReference = (invoiceId: string) => `collection-fee:${invoiceId}`;
export const interestReference = (invoiceId: string, stepId: string) =>
  `interest:${invoiceId}:${stepId}`;

export interface CollectionInvoice {
  collectionCase: CollectionCase;
  organizationId: string;
  number: number;
  ocr: string | null;
  currency: string;
  customerId: string;
  customer: {
    name: string;
    email: string | null;
    phone: string | null;
    locale: Locale;
    segment: string | null;
    isBusiness: boolean;
    customerSince: Date;
  };
  /** The policy its first step was taken under: it stays there. Null until a step is taken. */
  policyId: string | null;
  handedOverAt: Date | null;
}

type Reader = Db | Prisma.TransactionClient;

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const asDay = (value: Date | string) => {
  const date = asDate(value);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
};

interface InvoiceRow {
  id: string;
  organizationId: string;
  number: number;
  ocr: string | null;
  currency: string;
  customerId: string;
  issueDate: Date | string | null;
  dueDate: Date | string;
  handedOverAt: Date | string | null;
  name: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  segment: string | null;
  isBusiness: boolean;
  customerSince: Date | string;
  reminderFeeAgreedOn: Date | string | null;
  reminderFeeAgreementSource: string | null;
}

export interface CaseSelection {
  organizationId: string;
  /** Only these invoices (an event's run, the page); otherwise every unpaid one, by id. */
  invoiceIds?: readonly string[];
  /** Keyset paging: ids after this one. */
  afterId?: string | null;
  limit?: number;
  /** Lock the invoice rows (the run, which writes on them). */
  forUpdate?: boolean;
  /** Include invoices already handed over (the page shows who to contact). */
  includeHandedOver?: boolean;
  /**
   * The invoices as they stood at the end of this day (the demo's history): issued by then,
   * whatever their status now, with only the ledger, steps and pauses of that day and before.
   */
  asOf?: Date;
}

/**
 * Unpaid issued invoices (OPEN or OVERDUE, with a due date) with everything the engine needs, in
 * id order. A chunk of `limit` rows; the caller pages on with the last id.
 */
export async function loadCollectionInvoices(
  db: Reader,
  selection: CaseSelection,
): Promise<CollectionInvoice[]> {
  const limit = selection.limit ?? 1000;
  const ids = selection.invoiceIds ? [...selection.invoiceIds] : null;
  const lock = selection.forUpdate ? "FOR UPDATE OF i" : "";
  const rows = await db.$queryRawUnsafe<InvoiceRow[]>(
    `SELECT i."id", i."organizationId", i."number", i."ocr", i."currency", i."customerId",
            i."issueDate", i."dueDate", i."handedOverAt",
            c."name", c."email", c."phone", c."locale", c."segment", c."isBusiness",
            c."customerSince", c."reminderFeeAgreedOn", c."reminderFeeAgreementSource"
       FROM "Invoice" i JOIN "Customer" c ON c."id" = i."customerId"
      WHERE i."organizationId" = $1 AND i."kind" = 'INVOICE'
        AND (CASE WHEN $6::date IS NULL THEN i."status" IN ('OPEN', 'OVERDUE')
             ELSE i."status" <> 'DRAFT' AND i."issueDate" <= $6::date END)
        AND i."dueDate" IS NOT NULL
        AND i."number" IS NOT NULL
        AND ($2::boolean OR i."handedOverAt" IS NULL)
        AND ($3::text[] IS NULL OR i."id" = ANY($3::text[]))
        AND ($4::text IS NULL OR i."id" > $4::text)
      ORDER BY i."id" LIMIT $5 ${lock}`,
    selection.organizationId,
    selection.includeHandedOver ?? false,
    ids,
    selection.afterId ?? null,
    limit,
    selection.asOf ? formatCalendarDate(selection.asOf) : null,
  );
  if (rows.length === 0) return [];
  const invoiceIds = rows.map((row) => row.id);
  const [organization, ledger, actions, pauses, inFlight] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: selection.organizationId },
      select: { reminderFeeOre: true, chargeLatePaymentCompensation: true },
    }),
    db.$queryRaw<
      Array<{
        invoiceId: string;
        kind: LedgerEntryKind;
        amountOre: number;
        externalRef: string | null;
        memo: string | null;
        day: Date | string;
      }>
    >`SELECT "invoiceId", "kind", "amountOre", "externalRef", "memo",
             (("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date AS "day"
        FROM "LedgerEntry" WHERE "invoiceId" = ANY(${invoiceIds}::text[])
       ORDER BY "invoiceId", "occurredAt", "id"`,
    db.$queryRaw<
      Array<{
        invoiceId: string;
        stepId: string;
        policyId: string;
        kind: CollectionStepKind;
        performedOn: Date | string;
        feeOre: number;
        feeKind: string | null;
        interestOre: number;
        interestThrough: Date | string | null;
      }>
    >`SELECT "invoiceId", "stepId", "policyId", "kind", "performedOn", "feeOre", "feeKind",
             "interestOre", "interestThrough"
        FROM "CollectionAction" WHERE "invoiceId" = ANY(${invoiceIds}::text[])
       ORDER BY "invoiceId", "performedOn", "performedAt"`,
    db.$queryRaw<
      Array<{
        invoiceId: string;
        reason: "DISPUTE" | "PAYMENT_PLAN";
        startedOn: Date | string;
        endedOn: Date | string | null;
      }>
    >`SELECT "invoiceId", "reason", "startedOn", "endedOn" FROM "CollectionPause"
       WHERE "invoiceId" = ANY(${invoiceIds}::text[]) ORDER BY "startedOn"`,
    // Money on its way: a card or Swish payment being processed, or a bank payment waiting in the
    // unmatched queue with this invoice among its suggestions. Held until it lands or fails.
    db.$queryRaw<Array<{ invoiceId: string; since: Date | string }>>`
      SELECT "invoiceId", ((min("createdAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date AS "since"
        FROM "PaymentAttempt"
       WHERE "invoiceId" = ANY(${invoiceIds}::text[]) AND "status" = 'PROCESSING'
       GROUP BY "invoiceId"
      UNION ALL
      SELECT s."invoiceId", ((min(b."createdAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date
        FROM "BankPayment" b
        CROSS JOIN LATERAL jsonb_to_recordset(b."suggestions") AS s("invoiceId" text)
       WHERE b."organizationId" = ${selection.organizationId} AND b."status" = 'UNMATCHED'
         AND s."invoiceId" = ANY(${invoiceIds}::text[])
       GROUP BY s."invoiceId"`,
  ]);

  const { asOf } = selection;
  const until = (day: Date | string) => !asOf || asDay(day) <= asOf;
  const ledgerBy = groupBy(
    ledger.filter((row) => until(row.day)),
    (row) => row.invoiceId,
  );
  const actionsBy = groupBy(
    actions.filter((row) => until(row.performedOn)),
    (row) => row.invoiceId,
  );
  const pausesBy = groupBy(
    pauses
      .filter((row) => until(row.startedOn))
      .map((row) =>
        asOf && row.endedOn && asDay(row.endedOn) > asOf ? { ...row, endedOn: null } : row,
      ),
    (row) => row.invoiceId,
  );
  const inFlightBy = groupBy(asOf ? [] : inFlight, (row) => row.invoiceId);

  return rows.map((row) => {
    const entries: PrincipalEntry[] = [];
    let amountDueOre = 0;
    let reminderFeeCharged = false;
    let compensationCharged = false;
    let collectionFeeCharged = false;
    const reminderRef = feeReference(row.id);
    const collectionRef = collectionFeeReference(row.id);
    for (const entry of ledgerBy.get(row.id) ?? []) {
      amountDueOre += entry.amountOre;
      const on = asDay(entry.day);
      switch (entry.kind) {
        case "INVOICE_ISSUED":
        case "CREDIT":
        case "REFUND":
          entries.push({ on, kind: "charge", amountOre: entry.amountOre });
          break;
        case "FEE":
          entries.push({ on, kind: "cost", amountOre: entry.amountOre });
          if (entry.externalRef === reminderRef) {
            if (entry.memo === "late payment compensation") compensationCharged = true;
            else reminderFeeCharged = true;
          }
          if (entry.externalRef === collectionRef) collectionFeeCharged = true;
          break;
        case "PAYMENT":
          entries.push({ on, kind: "payment", amountOre: -entry.amountOre });
          break;
      }
    }
    const performed: PerformedStep[] = (actionsBy.get(row.id) ?? []).map((action) => ({
      stepId: action.stepId,
      kind: action.kind,
      performedOn: asDay(action.performedOn),
      feeOre: action.feeOre,
      feeKind: (action.feeKind as FeeKind | null) ?? null,
      interestOre: action.interestOre,
      interestThrough: action.interestThrough ? asDay(action.interestThrough) : null,
    }));
    const casePauses: Pause[] = [
      ...(pausesBy.get(row.id) ?? []).map((pause) => ({
        reason: pause.reason,
        startedOn: asDay(pause.startedOn),
        endedOn: pause.endedOn ? asDay(pause.endedOn) : null,
      })),
      ...(inFlightBy.get(row.id) ?? []).map((flight) => ({
        reason: "PAYMENT_IN_FLIGHT" as const,
        startedOn: asDay(flight.since),
        endedOn: null,
      })),
    ];
    const issueDate = row.issueDate ? asDay(row.issueDate) : new Date(0);
    return {
      organizationId: row.organizationId,
      number: row.number,
      ocr: row.ocr,
      currency: row.currency,
      customerId: row.customerId,
      customer: {
        name: row.name,
        email: row.email,
        phone: row.phone,
        locale: row.locale,
        segment: row.segment,
        isBusiness: row.isBusiness,
        customerSince: asDay(row.customerSince),
      },
      policyId: actionsBy.get(row.id)?.[0]?.policyId ?? null,
      handedOverAt: row.handedOverAt ? asDate(row.handedOverAt) : null,
      collectionCase: {
        invoiceId: row.id,
        dueDate: asDay(row.dueDate),
        amountDueOre,
        entries,
        feeParties: {
          organization,
          customer: {
            isBusiness: row.isBusiness,
            reminderFeeAgreedOn: row.reminderFeeAgreedOn ? asDay(row.reminderFeeAgreedOn) : null,
            reminderFeeAgreementSource: row.reminderFeeAgreementSource,
          },
          debtAroseOn: issueDate,
          alreadyCharged: reminderFeeCharged,
        },
        collectionFeeCharged,
        compensationCharged,
        performed,
        pauses: casePauses,
        handedOver: row.handedOverAt !== null && until(asDate(row.handedOverAt)),
      },
    };
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
