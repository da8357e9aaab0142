import { z } from "zod";
import type {
  ApiCredit,
  ApiInvoiceCreate,
  ApiInvoiceUpdate,
  ApiIssue,
  ApiPayment,
} from "@/lib/api/invoice-schemas";
import { apiInvoiceSelect, type InvoiceView, invoiceView } from "@/lib/api/invoice-views";
import { USAGE_UNITS } from "@/lib/catalogue/catalogue-input";
import { resolveCustomerId } from "@/lib/customers/customers";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { toStockholmLocal } from "@/lib/dates/stockholm-datetime";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { planInvoiceDelivery } from "@/lib/delivery/invoice-delivery";
import { AppError } from "@/lib/errors/app-error";
import {
  createDraftInvoiceInTransaction,
  saveUsageSeries,
} from "@/lib/invoices/create-draft-invoice";
import { type DraftInvoiceInput, draftInvoiceInputSchema } from "@/lib/invoices/invoice-input";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { issueInvoiceInTransaction } from "@/lib/invoices/issue-invoice";
import { recordPayment } from "@/lib/ledger/record-payment";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { creditInvoiceAndRefund } from "@/lib/payments/refund-credited-invoice";
import type { Actor } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";
import { listAnswer } from "@/lib/validation/input-schemas";
import { badInputFromZod } from "@/lib/validation/parse-input";

/**
 * What API v1 does with invoices: the same domain functions the product uses everywhere
 * (creating a draft, issuing, crediting, booking a payment), composed so that creating and issuing
 * (and planning its delivery) is one transaction — an invoice is never left half made.
 */
const API_ACTOR: Actor = { type: "API", label: "API v1" };

// The API names fields as the billing system sends them; the domain in its own units.
const FIELD_NAMES: Record<string, string> = {
  quantityMilli: "quantity",
  unitPriceCentiOre: "unitPriceOre",
  valueMilli: "value",
  comparisonMilli: "comparison",
};

/**
 * An hourly reading's time as the page and the totals read it: the Swedish wall-clock time in the
 * Date's UTC fields ("UTC-stored Swedish", as the demo and the meter imports keep them), so that
 * 00:00 in Stockholm, sent as 2026-11-01T00:00:00+01:00, counts on 1 November. The hour that
 * repeats when the clocks go back is one reading (the later wins).
 */
function swedishWallClock(at: string): Date {
  return new Date(`${toStockholmLocal(new Date(at))}:00Z`);
}

export function toDomainDraft(
  organizationId: string,
  customerId: string,
  contractId: string | undefined,
  input: ApiInvoiceCreate | ApiInvoiceUpdate,
  externalId?: string,
): DraftInvoiceInput {
  const mapped = {
    organizationId,
    customerId,
    contractId,
    externalId,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    dueDate: input.dueDate,
    lines: input.lines.map(({ quantity, unitPriceOre, ...line }) => ({
      ...line,
      quantityMilli: quantity,
      unitPriceCentiOre: unitPriceOre,
    })),
    usage: input.usage?.map((series) => ({
      unit: USAGE_UNITS[series.unit],
      resolution: series.resolution === "hour" ? ("HOUR" as const) : ("DAY" as const),
      points: series.points.map((point) => ({
        readAt: /^\d{4}-\d{2}-\d{2}$/.test(point.at)
          ? parseCalendarDate(point.at)
          : swedishWallClock(point.at),
        quantityMilli: point.quantity,
      })),
    })),
    valueFacts: input.valueFacts?.map(({ value, comparison, ...fact }) => ({
      ...fact,
      valueMilli: value,
      ...(comparison === undefined ? {} : { comparisonMilli: comparison }),
    })),
  };
  const parsed = draftInvoiceInputSchema.safeParse(mapped);
  if (parsed.success) return parsed.data;
  // The domain's own rules (a 0 % line's reason, periods in order …), pointed at the API's fields.
  const renamed = new z.ZodError(
    parsed.error.issues.map((issue) => ({
      ...issue,
      path: issue.path.map((part) =>
        typeof part === "string" ? (FIELD_NAMES[part] ?? part) : part,
      ),
    })),
  );
  throw badInputFromZod(renamed, "invoice");
}

async function resolveContractId(
  tx: Prisma.TransactionClient,
  organizationId: string,
  customerId: string,
  reference: ApiInvoiceCreate["contract"],
): Promise<string | undefined> {
  if (!reference) return undefined;
  const row = await tx.contract.findFirst({
    where: {
      organizationId,
      customerId,
      ...("id" in reference ? { id: reference.id } : { externalId: reference.externalId }),
    },
    select: { id: true },
  });
  if (!row) {
    throw new AppError("NOT_FOUND", "No such contract for this customer", { param: "/contract" });
  }
  return row.id;
}

export interface IssuedAnswer {
  invoice: InvoiceView & { customerUrl?: string; pdfUrl?: string };
}

export async function loadApiInvoice(
  db: Db,
  organizationId: string,
  invoiceId: string,
): Promise<InvoiceView> {
  const row = await db.invoice.findFirst({
    where: { id: invoiceId, organizationId },
    select: apiInvoiceSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such invoice");
  return invoiceView(row);
}

function withLinks(view: InvoiceView, accessToken: string | null, appUrl: string) {
  if (!accessToken) return view;
  // The only time the link's secret is known: it is returned here and stored only as its hash.
  return {
    ...view,
    customerUrl: `${appUrl}/i/${accessToken}`,
    pdfUrl: `${appUrl}/i/${accessToken}/pdf`,
  };
}

function duplicateExternalId(externalId: string | undefined): AppError {
  return new AppError(
    "CONFLICT",
    `An invoice with externalId ${externalId} already exists; send a new externalId, or GET /api/v1/invoices?external_id=… to find it`,
    { param: "/externalId" },
  );
}

/** Inside the caller's transaction: the draft, and when asked, its issue and delivery. */
export async function createInvoiceInTransaction(
  tx: Prisma.TransactionClient,
  organizationId: string,
  input: ApiInvoiceCreate,
): Promise<{ id: string; accessToken: string | null }> {
  const customerId = await resolveCustomerId(tx, organizationId, input.customer);
  const contractId = await resolveContractId(tx, organizationId, customerId, input.contract);
  const draft = toDomainDraft(organizationId, customerId, contractId, input, input.externalId);
  const created = await createDraftInvoiceInTransaction(tx, { input: draft, actor: API_ACTOR });
  if (!input.issue) {
    if (input.issueDate) {
      throw new AppError("BAD_INPUT", "issueDate is only for an invoice issued at once", {
        param: "/issueDate",
      });
    }
    return { id: created.id, accessToken: null };
  }
  const issued = await issueInvoiceInTransaction(tx, {
    invoiceId: created.id,
    organizationId,
    actor: API_ACTOR,
    issueDate: input.issueDate ? parseCalendarDate(input.issueDate) : undefined,
  });
  await planInvoiceDelivery(tx, { organizationId, invoiceId: created.id, choice: input.delivery });
  return { id: created.id, accessToken: issued.accessToken };
}

export async function createApiInvoice(options: {
  db: Db;
  organizationId: string;
  input: ApiInvoiceCreate;
  appUrl: string;
}): Promise<InvoiceView> {
  const { db, organizationId, input } = options;
  let created: { id: string; accessToken: string | null };
  try {
    created = await db.$transaction(
      (tx) => createInvoiceInTransaction(tx, organizationId, input),
      QUEUED_TRANSACTION,
    );
  } catch (error) {
    if (input.externalId && isUniqueViolation(error)) throw duplicateExternalId(input.externalId);
    throw error;
  }
  return withLinks(
    await loadApiInvoice(db, organizationId, created.id),
    created.accessToken,
    options.appUrl,
  );
}

/** Replaces a draft's period, due date, lines, usage and value facts (issued invoices: 409). */
export async function updateApiDraft(options: {
  db: Db;
  organizationId: string;
  invoiceId: string;
  input: ApiInvoiceUpdate;
}): Promise<InvoiceView> {
  const { db, organizationId, invoiceId, input } = options;
  await db.$transaction(async (tx) => {
    const current = await tx.invoice.findFirst({
      where: { id: invoiceId, organizationId },
      select: { id: true, status: true, version: true, customerId: true },
    });
    if (!current) throw new AppError("NOT_FOUND", "No such invoice");
    if (current.status !== "DRAFT") {
      throw new AppError(
        "CONFLICT",
        "Only a draft can be changed; an issued invoice is changed by a credit note",
      );
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      throw new AppError("STALE_VERSION", "The invoice was changed since you read it", {
        currentVersion: current.version,
      });
    }
    const contractId = await resolveContractId(
      tx,
      organizationId,
      current.customerId,
      input.contract,
    );
    const draft = toDomainDraft(organizationId, current.customerId, contractId, input);
    const updated = await tx.invoice.updateMany({
      where: { id: invoiceId, version: current.version, status: "DRAFT" },
      data: {
        contractId: contractId ?? null,
        periodStart: parseCalendarDate(draft.periodStart),
        periodEnd: parseCalendarDate(draft.periodEnd),
        dueDate: draft.dueDate ? parseCalendarDate(draft.dueDate) : null,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) {
      throw new AppError("STALE_VERSION", "The invoice was changed while you changed it");
    }
    await tx.invoiceLine.deleteMany({ where: { invoiceId } });
    await tx.invoiceLine.createMany({
      data: draft.lines.map((line, index) => ({
        invoiceId,
        position: index + 1,
        kind: line.kind ?? "OTHER",
        description: line.description,
        descriptionEn: line.descriptionEn,
        quantityMilli: line.quantityMilli,
        unit: line.unit,
        unitPriceCentiOre: line.unitPriceCentiOre,
        vatRate: line.vatRate,
        vatExemptionReason: line.vatExemptionReason ?? null,
        discountOre: line.discountOre ?? 0,
        periodStart: line.periodStart ? parseCalendarDate(line.periodStart) : null,
        periodEnd: line.periodEnd ? parseCalendarDate(line.periodEnd) : null,
      })),
    });
    await tx.valueFact.deleteMany({ where: { invoiceId } });
    if (draft.valueFacts?.length) {
      await tx.valueFact.createMany({
        data: draft.valueFacts.map((fact, index) => ({ ...fact, invoiceId, position: index + 1 })),
      });
    }
    if (draft.usage) {
      await tx.usageReading.updateMany({ where: { invoiceId }, data: { invoiceId: null } });
      for (const series of draft.usage) {
        await saveUsageSeries(tx, {
          organizationId,
          customerId: current.customerId,
          invoiceId,
          series,
        });
      }
    }
    await recordInvoiceEvent(tx, {
      organizationId,
      invoiceId,
      type: "LINES_EDITED",
      visibility: "STAFF",
      actorType: "API",
      data: { lines: draft.lines.length, by: "api" },
    });
  }, QUEUED_TRANSACTION);
  return loadApiInvoice(db, organizationId, invoiceId);
}

export async function issueApiInvoice(options: {
  db: Db;
  organizationId: string;
  invoiceId: string;
  input: ApiIssue;
  appUrl: string;
}): Promise<InvoiceView> {
  const { db, organizationId, invoiceId, input } = options;
  const issued = await db.$transaction(async (tx) => {
    const result = await issueInvoiceInTransaction(tx, {
      invoiceId,
      organizationId,
      actor: API_ACTOR,
      expectedVersion: input.expectedVersion,
      issueDate: input.issueDate ? parseCalendarDate(input.issueDate) : undefined,
      dueDate: input.dueDate ? parseCalendarDate(input.dueDate) : undefined,
    });
    await planInvoiceDelivery(tx, { organizationId, invoiceId, choice: input.delivery });
    return result;
  }, QUEUED_TRANSACTION);
  return withLinks(
    await loadApiInvoice(db, organizationId, invoiceId),
    issued.accessToken,
    options.appUrl,
  );
}

export async function creditApiInvoice(options: {
  db: Db;
  organizationId: string;
  invoiceId: string;
  input: ApiCredit;
  provider: PaymentProvider | null;
}): Promise<{ invoice: InvoiceView; creditNote: InvoiceView; changes: unknown }> {
  const { db, organizationId, invoiceId, input } = options;
  const current = await db.invoice.findFirst({
    where: { id: invoiceId, organizationId },
    select: { version: true },
  });
  if (!current) throw new AppError("NOT_FOUND", "No such invoice");
  const mode =
    input.mode.kind === "lines"
      ? {
          kind: "lines" as const,
          lines: input.mode.lines.map((line) => ({
            lineId: line.lineId,
            ...(line.quantity === undefined ? {} : { quantityMilli: line.quantity }),
          })),
        }
      : input.mode;
  const domainInput = {
    invoiceId,
    organizationId,
    reason: input.reason,
    customerText: input.customerText,
    expectedVersion: input.expectedVersion ?? current.version,
    mode,
  };
  // The same path as the agent's credit: with a payment provider, money already paid goes back
  // by the organisation's refund policy.
  const credited = options.provider
    ? await creditInvoiceAndRefund({
        db,
        input: domainInput,
        actor: API_ACTOR,
        provider: options.provider,
      })
    : await issueCreditNote({ db, input: domainInput, actor: API_ACTOR });
  return {
    invoice: await loadApiInvoice(db, organizationId, invoiceId),
    creditNote: await loadApiInvoice(db, organizationId, credited.creditNoteId),
    changes: "changes" in credited ? credited.changes : undefined,
  };
}

/** A payment the billing system received elsewhere: booked once per its externalId. */
export async function registerApiPayment(options: {
  db: Db;
  organizationId: string;
  invoiceId: string;
  input: ApiPayment;
}): Promise<{ recorded: boolean; invoice: InvoiceView }> {
  const { db, organizationId, invoiceId, input } = options;
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, organizationId },
    select: { status: true, kind: true },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice");
  if (invoice.status === "DRAFT" || invoice.kind !== "INVOICE") {
    throw new AppError("CONFLICT", "Payments are booked on issued invoices only");
  }
  const result = await recordPayment({
    db,
    input: {
      invoiceId,
      organizationId,
      amountOre: input.amountOre,
      method: input.method,
      // Payment refs are unique across all organisations: ours are namespaced by organisation.
      externalRef: `api:${organizationId}:${input.externalId}`,
      occurredAt: input.paidAt ? new Date(input.paidAt) : undefined,
    },
    actor: API_ACTOR,
  });
  return {
    recorded: result.recorded,
    invoice: await loadApiInvoice(db, organizationId, invoiceId),
  };
}

export async function listApiInvoices(
  db: Db,
  options: {
    organizationId: string;
    limit: number;
    startingAfter?: string;
    status?: "DRAFT" | "OPEN" | "PAID" | "CREDITED" | "OVERDUE";
    customerId?: string;
    customerExternalId?: string;
    externalId?: string;
    kind?: "invoice" | "credit_note";
    issuedFrom?: string;
    issuedTo?: string;
  },
) {
  const cursor = options.startingAfter
    ? await db.invoice.findFirst({
        where: { id: options.startingAfter, organizationId: options.organizationId },
        select: { id: true, createdAt: true },
      })
    : null;
  if (options.startingAfter && !cursor) {
    throw new AppError("BAD_INPUT", "starting_after is not an invoice of this list", {
      param: "/starting_after",
    });
  }
  const rows = await db.invoice.findMany({
    where: {
      organizationId: options.organizationId,
      ...(options.status ? { status: options.status } : {}),
      ...(options.customerId ? { customerId: options.customerId } : {}),
      ...(options.customerExternalId
        ? { customer: { externalId: options.customerExternalId } }
        : {}),
      ...(options.externalId ? { externalId: options.externalId } : {}),
      ...(options.kind ? { kind: options.kind === "credit_note" ? "CREDIT_NOTE" : "INVOICE" } : {}),
      ...(options.issuedFrom || options.issuedTo
        ? {
            issueDate: {
              ...(options.issuedFrom ? { gte: parseCalendarDate(options.issuedFrom) } : {}),
              ...(options.issuedTo ? { lte: parseCalendarDate(options.issuedTo) } : {}),
            },
          }
        : {}),
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: apiInvoiceSelect,
  });
  return listAnswer(rows.map(invoiceView), options.limit);
}

/** The invoice's timeline; staff-only entries only for a key with events:staff. */
export async function listApiInvoiceEvents(
  db: Db,
  options: { organizationId: string; invoiceId: string; includeStaff: boolean },
) {
  const invoice = await db.invoice.findFirst({
    where: { id: options.invoiceId, organizationId: options.organizationId },
    select: { id: true },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice");
  const events = await db.invoiceEvent.findMany({
    where: {
      invoiceId: options.invoiceId,
      ...(options.includeStaff ? {} : { visibility: "CUSTOMER" }),
    },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return {
    object: "list" as const,
    data: events.map((event) => ({
      id: event.id,
      object: "event" as const,
      type: event.type,
      visibility: event.visibility.toLowerCase(),
      actorType: event.actorType.toLowerCase(),
      customerText: event.customerText,
      // Staff-only reasons live in data: shown only to keys that may see staff entries.
      data: options.includeStaff || event.visibility === "CUSTOMER" ? event.data : {},
      occurredAt: event.occurredAt.toISOString(),
    })),
    hasMore: false,
    nextStartingAfter: null,
  };
}
