import { randomUUID } from "node:crypto";
import { toDomainDraft } from "@/lib/api/invoice-operations";
import { type ApiInvoiceCreate, apiInvoiceCreateSchema } from "@/lib/api/invoice-schemas";
import { addDays, parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { chooseDeliveryChannel, writeInvoiceDeliveries } from "@/lib/delivery/invoice-delivery";
import { AppError } from "@/lib/errors/app-error";
import { errorReply, type Problem } from "@/lib/errors/error-reply";
import { generateAccessToken, hashAccessToken } from "@/lib/invoices/access-token";
import type { DraftInvoiceInput } from "@/lib/invoices/invoice-input";
import {
  assertBuyerVatNumberWhereNeeded,
  takeNextInvoiceNumbers,
} from "@/lib/invoices/issue-invoice";
import {
  BUYER_SELECT,
  buildIssuedSnapshot,
  SELLER_SELECT,
  snapshotJson,
} from "@/lib/invoices/issued-snapshot";
import {
  assertTotalsFitColumns,
  computeInvoiceTotals,
  type InvoiceTotals,
} from "@/lib/invoices/totals";
import { generateOcr } from "@/lib/references/ocr";
import { recordWebhookEvents, summarizeInvoice } from "@/lib/webhooks/outbox";
import { webhookEventsForTimeline } from "@/lib/webhooks/timeline-webhooks";

/**
 * An invoice run: up to 1,000 invoices in one request, each answered on its own — created,
 * duplicate (its externalId exists, or came earlier in the run) or refused with its problem.
 * Everything a single POST /api/v1/invoices checks is checked here per item, before anything is
 * written; then all the good items are written in one transaction with a fixed number of
 * statements (numbers taken as one block, rows inserted many at a time), which is what makes a
 * run of 100,000 invoices a matter of minutes. The rows are the same as the single path's (a test
 * compares them): draft fields, lines, usage, value facts, and when issued the number, OCR,
 * snapshot, link, ledger entry, timeline events, webhook events and delivery.
 */
export const BATCH_LIMIT = 1000;

export interface BatchResult {
  index: number;
  externalId: string | null;
  status: "created" | "duplicate" | "refused";
  id?: string;
  number?: number | null;
  customerUrl?: string;
  problem?: Problem;
}

/** The run's items from a JSON array or NDJSON; each item still unparsed. */
export function readBatchItems(body: unknown, rawBody: string, contentType: string): unknown[] {
  let items: unknown[];
  if (contentType === "application/x-ndjson") {
    items = [];
    for (const [index, line] of rawBody.split("\n").entries()) {
      if (line.trim() === "") continue;
      try {
        items.push(JSON.parse(line));
      } catch {
        throw new AppError("BAD_INPUT", `Line ${index + 1} of the NDJSON body is not valid JSON`);
      }
    }
  } else if (Array.isArray(body)) {
    items = body;
  } else {
    throw new AppError(
      "BAD_INPUT",
      "Send the invoices as a JSON array, or as NDJSON (application/x-ndjson)",
    );
  }
  if (items.length === 0) throw new AppError("BAD_INPUT", "The run holds no invoices");
  if (items.length > BATCH_LIMIT) {
    throw new AppError(
      "BAD_INPUT",
      `A run holds at most ${BATCH_LIMIT} invoices; page through larger ones`,
    );
  }
  return items;
}

interface Prepared {
  index: number;
  input: ApiInvoiceCreate;
  draft: DraftInvoiceInput;
  totals: InvoiceTotals;
  id: string;
  issueDate?: Date;
  dueDate?: Date;
  delivery: ReturnType<typeof chooseDeliveryChannel>;
}

function refusal(index: number, externalId: string | null, error: unknown): BatchResult {
  const problem = errorReply(error, { route: "invoice batch", index });
  // The bad field, pointed at from the run: /3/lines/0/vatRate.
  if (problem.param) problem.param = `/${index}${problem.param}`;
  return { index, externalId, status: "refused", problem };
}

export async function runInvoiceBatch(options: {
  db: Db;
  organizationId: string;
  items: unknown[];
  appUrl: string;
  now?: Date;
}): Promise<{
  object: "batch";
  created: number;
  duplicates: number;
  refused: number;
  results: BatchResult[];
}> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runOnce(options);
    } catch (error) {
      // A concurrent run took one of these externalIds between our check and our write: the
      // run is read again (that item is then a duplicate) — once.
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function runOnce(options: {
  db: Db;
  organizationId: string;
  items: unknown[];
  appUrl: string;
  now?: Date;
}) {
  const { db, organizationId } = options;
  const now = options.now ?? new Date();
  const results: BatchResult[] = [];
  const parsed: Array<{ index: number; input: ApiInvoiceCreate }> = [];
  for (const [index, item] of options.items.entries()) {
    const externalId =
      item &&
      typeof item === "object" &&
      typeof (item as { externalId?: unknown }).externalId === "string"
        ? (item as { externalId: string }).externalId
        : null;
    const result = apiInvoiceCreateSchema.safeParse(item);
    if (!result.success) {
      const problem = errorReply(result.error);
      if (problem.details?.issues) {
        problem.param = `/${index}${problem.param ?? ""}`;
      }
      results.push({ index, externalId, status: "refused", problem });
    } else {
      parsed.push({ index, input: result.data });
    }
  }

  // Everything the items name, read once: customers, contracts, existing externalIds, the seller.
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: { ...SELLER_SELECT, roundToWholeKrona: true, paymentTermsDays: true },
  });
  if (!organization) throw new AppError("NOT_FOUND", "No such organisation");
  const { roundToWholeKrona, paymentTermsDays, ...seller } = organization;
  const customerIds = parsed.flatMap(({ input }) =>
    "id" in input.customer ? [input.customer.id] : [],
  );
  const customerExternalIds = parsed.flatMap(({ input }) =>
    "externalId" in input.customer ? [input.customer.externalId] : [],
  );
  const customers = await db.customer.findMany({
    where: {
      organizationId,
      OR: [{ id: { in: customerIds } }, { externalId: { in: customerExternalIds } }],
    },
    select: { id: true, externalId: true, email: true, phone: true, ...BUYER_SELECT },
  });
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const customerByExternalId = new Map(customers.map((c) => [c.externalId, c]));
  const contractRefs = parsed.flatMap(({ input }) => (input.contract ? [input.contract] : []));
  const contracts = contractRefs.length
    ? await db.contract.findMany({
        where: {
          organizationId,
          OR: [
            { id: { in: contractRefs.flatMap((r) => ("id" in r ? [r.id] : [])) } },
            {
              externalId: {
                in: contractRefs.flatMap((r) => ("externalId" in r ? [r.externalId] : [])),
              },
            },
          ],
        },
        select: { id: true, externalId: true, customerId: true },
      })
    : [];
  const wantedExternalIds = parsed.flatMap(({ input }) =>
    input.externalId ? [input.externalId] : [],
  );
  const existing = wantedExternalIds.length
    ? await db.invoice.findMany({
        where: { organizationId, externalId: { in: wantedExternalIds } },
        select: { id: true, externalId: true, number: true },
      })
    : [];
  const existingByExternalId = new Map(existing.map((row) => [row.externalId, row]));
  const seenInRun = new Map<string, string>();

  const prepared: Prepared[] = [];
  const today = todayInSweden(now);
  for (const { index, input } of parsed) {
    const externalId = input.externalId ?? null;
    const earlier = externalId ? existingByExternalId.get(externalId) : undefined;
    if (earlier) {
      results.push({
        index,
        externalId,
        status: "duplicate",
        id: earlier.id,
        number: earlier.number,
      });
      continue;
    }
    if (externalId && seenInRun.has(externalId)) {
      results.push({ index, externalId, status: "duplicate", id: seenInRun.get(externalId) });
      continue;
    }
    try {
      const customer =
        "id" in input.customer
          ? customerById.get(input.customer.id)
          : customerByExternalId.get(input.customer.externalId);
      if (!customer) {
        throw new AppError("NOT_FOUND", "No such customer", { param: "/customer" });
      }
      let contractId: string | undefined;
      if (input.contract) {
        const reference = input.contract;
        const contract = contracts.find(
          (row) =>
            row.customerId === customer.id &&
            ("id" in reference ? row.id === reference.id : row.externalId === reference.externalId),
        );
        if (!contract) {
          throw new AppError("NOT_FOUND", "No such contract for this customer", {
            param: "/contract",
          });
        }
        contractId = contract.id;
      }
      const draft = toDomainDraft(organizationId, customer.id, contractId, input, input.externalId);
      const totals = computeInvoiceTotals(draft.lines, { roundToWholeKrona });
      assertTotalsFitColumns(totals);
      let issueDate: Date | undefined;
      let dueDate: Date | undefined;
      let delivery: Prepared["delivery"] = null;
      if (input.issue) {
        // The single path's issue checks, item by item (lib/invoices/issue-invoice.ts).
        if (totals.totalOre <= 0) {
          throw new AppError(
            "BAD_INPUT",
            "An invoice must be for a positive amount; issue a credit note instead",
          );
        }
        issueDate = input.issueDate ? parseCalendarDate(input.issueDate) : today;
        dueDate = draft.dueDate
          ? parseCalendarDate(draft.dueDate)
          : addDays(issueDate, paymentTermsDays);
        if (dueDate < issueDate)
          throw new AppError("BAD_INPUT", "The due date is before the issue date");
        assertBuyerVatNumberWhereNeeded(
          draft.lines.map((line, i) => ({
            position: i + 1,
            vatRate: line.vatRate,
            vatExemptionReason: line.vatExemptionReason ?? null,
          })),
          customer,
        );
        delivery = chooseDeliveryChannel({
          choice: input.delivery,
          email: customer.email,
          phone: customer.phone,
        });
      } else if (input.issueDate) {
        throw new AppError("BAD_INPUT", "issueDate is only for an invoice issued at once", {
          param: "/issueDate",
        });
      }
      const id = randomUUID();
      if (externalId) seenInRun.set(externalId, id);
      prepared.push({ index, input, draft, totals, id, issueDate, dueDate, delivery });
    } catch (error) {
      results.push(refusal(index, externalId, error));
    }
  }

  const tokens = new Map<string, string>();
  const numbers = new Map<string, number>();
  if (prepared.length > 0) {
    await db.$transaction(
      (tx) =>
        writeRun(tx, { organizationId, prepared, seller, customerById, now, tokens, numbers }),
      { ...QUEUED_TRANSACTION, timeout: 120_000 },
    );
  }
  for (const item of prepared) {
    const token = tokens.get(item.id);
    results.push({
      index: item.index,
      externalId: item.input.externalId ?? null,
      status: "created",
      id: item.id,
      number: numbers.get(item.id) ?? null,
      ...(token ? { customerUrl: `${options.appUrl}/i/${token}` } : {}),
    });
  }
  results.sort((a, b) => a.index - b.index);
  return {
    object: "batch" as const,
    created: results.filter((r) => r.status === "created").length,
    duplicates: results.filter((r) => r.status === "duplicate").length,
    refused: results.filter((r) => r.status === "refused").length,
    results,
  };
}

// Rows per INSERT: a statement's parameters stay far below PostgreSQL's 65,535.
const CHUNK = 2000;
async function createInChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK)
    await write(rows.slice(start, start + CHUNK));
}

async function writeRun(
  tx: Prisma.TransactionClient,
  run: {
    organizationId: string;
    prepared: Prepared[];
    seller: Omit<Prisma.OrganizationGetPayload<{ select: typeof SELLER_SELECT }>, never>;
    customerById: Map<
      string,
      Prisma.CustomerGetPayload<{ select: typeof BUYER_SELECT }> & { id: string }
    >;
    now: Date;
    tokens: Map<string, string>;
    numbers: Map<string, number>;
  },
) {
  const { organizationId, prepared, now } = run;
  const issued = prepared.filter((item) => item.input.issue);
  const numbers =
    issued.length > 0 ? await takeNextInvoiceNumbers(tx, organizationId, issued.length) : [];
  for (const [i, item] of issued.entries()) run.numbers.set(item.id, numbers[i]!);

  await tx.invoice.createMany({
    data: prepared.map((item) => {
      const number = run.numbers.get(item.id);
      const issuedFields =
        number === undefined
          ? {}
          : {
              status: "OPEN" as const,
              number,
              ocr: generateOcr(number),
              issueDate: item.issueDate!,
              dueDate: item.dueDate!,
              netOre: item.totals.netOre,
              vatOre: item.totals.vatOre,
              roundingOre: item.totals.roundingOre,
              totalOre: item.totals.totalOre,
              issuedSnapshot: snapshotJson(
                buildIssuedSnapshot({
                  seller: run.seller,
                  buyer: stripBuyer(run.customerById.get(item.draft.customerId)!),
                  totals: item.totals,
                }),
              ),
              // Created (1) and issued (2), as the single path leaves it.
              version: 2,
            };
      return {
        id: item.id,
        organizationId,
        customerId: item.draft.customerId,
        contractId: item.draft.contractId ?? null,
        externalId: item.draft.externalId ?? null,
        periodStart: parseCalendarDate(item.draft.periodStart),
        periodEnd: parseCalendarDate(item.draft.periodEnd),
        dueDate: item.draft.dueDate ? parseCalendarDate(item.draft.dueDate) : null,
        createdAt: now,
        ...issuedFields,
      };
    }),
  });
  await createInChunks(
    prepared.flatMap((item) =>
      item.draft.lines.map((line, index) => ({
        invoiceId: item.id,
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
    ),
    (chunk) => tx.invoiceLine.createMany({ data: chunk }),
  );
  await createInChunks(
    prepared.flatMap((item) =>
      (item.draft.valueFacts ?? []).map((fact, index) => ({
        ...fact,
        invoiceId: item.id,
        position: index + 1,
      })),
    ),
    (chunk) => tx.valueFact.createMany({ data: chunk }),
  );
  await writeUsage(tx, organizationId, prepared);

  if (issued.length > 0) {
    const links = issued.map((item) => {
      const token = generateAccessToken();
      run.tokens.set(item.id, token);
      return {
        organizationId,
        invoiceId: item.id,
        tokenHash: hashAccessToken(token),
        purpose: "ISSUED",
      };
    });
    await createInChunks(links, (chunk) => tx.invoiceLink.createMany({ data: chunk }));
    await createInChunks(
      issued.map((item) => ({
        organizationId,
        invoiceId: item.id,
        kind: "INVOICE_ISSUED" as const,
        amountOre: item.totals.totalOre,
        currency: "SEK",
        occurredAt: item.issueDate!,
      })),
      (chunk) => tx.ledgerEntry.createMany({ data: chunk }),
    );
  }
  const events = prepared.flatMap((item) => {
    const number = run.numbers.get(item.id);
    const created = {
      organizationId,
      invoiceId: item.id,
      type: "CREATED",
      visibility: "STAFF" as const,
      actorType: "API" as const,
      data: {},
      occurredAt: now,
    };
    if (number === undefined) return [created];
    return [
      created,
      {
        organizationId,
        invoiceId: item.id,
        type: "ISSUED",
        visibility: "CUSTOMER" as const,
        actorType: "API" as const,
        data: { number, totalOre: item.totals.totalOre },
        occurredAt: now,
      },
    ];
  });
  await createInChunks(events, (chunk) => tx.invoiceEvent.createMany({ data: chunk }));

  // The webhook events those timeline events stand for, with summaries built from what was
  // just written (no read back).
  const summaries = new Map(
    issued.map((item) => {
      const number = run.numbers.get(item.id)!;
      const customer = run.customerById.get(item.draft.customerId)!;
      return [
        item.id,
        summarizeInvoice({
          id: item.id,
          externalId: item.draft.externalId ?? null,
          kind: "INVOICE",
          number,
          ocr: generateOcr(number),
          status: "OPEN",
          currency: "SEK",
          totalOre: item.totals.totalOre,
          dueDate: item.dueDate!,
          creditedInvoiceId: null,
          customer: {
            id: customer.id,
            externalId: (customer as { externalId?: string | null }).externalId ?? null,
          },
          ledgerEntries: [{ kind: "INVOICE_ISSUED", amountOre: item.totals.totalOre }],
        }),
      ];
    }),
  );
  await recordWebhookEvents(
    tx,
    events.flatMap((event) =>
      webhookEventsForTimeline({ ...event, data: event.data as Record<string, unknown> }),
    ),
    { summaries },
  );
  await writeInvoiceDeliveries(
    tx,
    organizationId,
    issued.flatMap((item) => (item.delivery ? [{ invoiceId: item.id, ...item.delivery }] : [])),
  );
}

function stripBuyer<T extends Record<string, unknown>>(customer: T) {
  const buyer: Record<string, unknown> = {};
  for (const key of Object.keys(BUYER_SELECT)) buyer[key] = customer[key];
  return buyer as Prisma.CustomerGetPayload<{ select: typeof BUYER_SELECT }>;
}

/**
 * Every usage reading of the run in one statement. A reading sent twice in the run (same
 * customer, unit, resolution and time) keeps the later one, as two single calls would.
 */
async function writeUsage(
  tx: Prisma.TransactionClient,
  organizationId: string,
  prepared: Prepared[],
) {
  const readings = new Map<
    string,
    {
      customerId: string;
      invoiceId: string;
      readAt: string;
      resolution: string;
      unit: string;
      quantityMilli: number;
    }
  >();
  for (const item of prepared) {
    for (const series of item.draft.usage ?? []) {
      for (const point of series.points) {
        const readAt = point.readAt.toISOString();
        readings.set(`${item.draft.customerId}|${series.unit}|${series.resolution}|${readAt}`, {
          customerId: item.draft.customerId,
          invoiceId: item.id,
          readAt,
          resolution: series.resolution,
          unit: series.unit,
          quantityMilli: point.quantityMilli,
        });
      }
    }
  }
  if (readings.size === 0) return;
  const rows = [...readings.values()];
  await tx.$executeRaw`
    INSERT INTO "UsageReading" ("id", "organizationId", "customerId", "invoiceId", "readAt", "resolution", "quantityMilli", "unit")
    SELECT gen_random_uuid()::text, ${organizationId}, r."customerId", r."invoiceId", r."readAt",
           r."resolution"::"UsageResolution", r."quantityMilli", r."unit"::"UsageUnit"
      FROM unnest(${rows.map((r) => r.customerId)}::text[], ${rows.map((r) => r.invoiceId)}::text[],
                  ${rows.map((r) => r.readAt)}::timestamptz[], ${rows.map((r) => r.resolution)}::text[],
                  ${rows.map((r) => r.quantityMilli)}::int[], ${rows.map((r) => r.unit)}::text[])
        AS r("customerId", "invoiceId", "readAt", "resolution", "quantityMilli", "unit")
    ON CONFLICT ("customerId", "unit", "resolution", "readAt")
    DO UPDATE SET "quantityMilli" = EXCLUDED."quantityMilli", "invoiceId" = EXCLUDED."invoiceId"`;
}
