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
import { BUYER_SELECT, buildIssuedSnapshot, SELLER_SELECT } from "@/lib/invoices/issued-snapshot";
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

type Run = {
  organizationId: string;
  prepared: Prepared[];
  seller: Prisma.OrganizationGetPayload<{ select: typeof SELLER_SELECT }>;
  customerById: Map<
    string,
    Prisma.CustomerGetPayload<{ select: typeof BUYER_SELECT }> & { id: string }
  >;
  now: Date;
  tokens: Map<string, string>;
  numbers: Map<string, number>;
};

const isoDay = (value: string | Date | null | undefined) =>
  value ? (typeof value === "string" ? value : value.toISOString().slice(0, 10)) : null;

/**
 * The run's rows, one statement per table (arrays unnested on the server: a thousand invoices'
 * three thousand lines are one INSERT). The invoice number series is locked last, just before
 * commit, so concurrent runs do their heavy writing side by side and queue only for the numbers.
 */
async function writeRun(tx: Prisma.TransactionClient, run: Run) {
  const { organizationId, prepared, now } = run;
  const issued = prepared.filter((item) => item.input.issue);
  const stamp = now.toISOString();

  await tx.$executeRaw`
    INSERT INTO "Invoice" ("id", "organizationId", "customerId", "contractId", "externalId", "status",
      "periodStart", "periodEnd", "issueDate", "dueDate", "netOre", "vatOre", "roundingOre", "totalOre",
      "issuedSnapshot", "version", "createdAt", "updatedAt")
    SELECT r."id", ${organizationId}, r."customerId", r."contractId", r."externalId", r."status"::"InvoiceStatus",
      r."periodStart", r."periodEnd", r."issueDate", r."dueDate", r."netOre", r."vatOre", r."roundingOre",
      r."totalOre", r."snapshot", r."version", ${stamp}::timestamp, ${stamp}::timestamp
    FROM unnest(
      ${prepared.map((i) => i.id)}::text[],
      ${prepared.map((i) => i.draft.customerId)}::text[],
      ${prepared.map((i) => i.draft.contractId ?? null)}::text[],
      ${prepared.map((i) => i.draft.externalId ?? null)}::text[],
      ${prepared.map((i) => (i.input.issue ? "OPEN" : "DRAFT"))}::text[],
      ${prepared.map((i) => i.draft.periodStart)}::date[],
      ${prepared.map((i) => i.draft.periodEnd)}::date[],
      ${prepared.map((i) => isoDay(i.issueDate))}::date[],
      ${prepared.map((i) => isoDay(i.dueDate ?? i.draft.dueDate))}::date[],
      ${prepared.map((i) => (i.input.issue ? i.totals.netOre : 0))}::int[],
      ${prepared.map((i) => (i.input.issue ? i.totals.vatOre : 0))}::int[],
      ${prepared.map((i) => (i.input.issue ? i.totals.roundingOre : 0))}::int[],
      ${prepared.map((i) => (i.input.issue ? i.totals.totalOre : 0))}::int[],
      ${prepared.map((i) =>
        i.input.issue
          ? JSON.stringify(
              buildIssuedSnapshot({
                seller: run.seller,
                buyer: stripBuyer(run.customerById.get(i.draft.customerId)!),
                totals: i.totals,
              }),
            )
          : null,
      )}::jsonb[],
      -- Created (1) and issued (2), as the single path leaves it.
      ${prepared.map((i) => (i.input.issue ? 2 : 1))}::int[]
    ) AS r("id", "customerId", "contractId", "externalId", "status", "periodStart", "periodEnd",
           "issueDate", "dueDate", "netOre", "vatOre", "roundingOre", "totalOre", "snapshot", "version")`;

  const lines = prepared.flatMap((item) =>
    item.draft.lines.map((line, index) => ({ invoiceId: item.id, position: index + 1, line })),
  );
  await tx.$executeRaw`
    INSERT INTO "InvoiceLine" ("id", "invoiceId", "position", "kind", "description", "descriptionEn",
      "quantityMilli", "unit", "unitPriceCentiOre", "vatRate", "vatExemptionReason", "discountOre",
      "periodStart", "periodEnd")
    SELECT gen_random_uuid()::text, r."invoiceId", r."position", r."kind"::"LineKind", r."description",
      r."descriptionEn", r."quantityMilli", r."unit", r."unitPriceCentiOre", r."vatRate",
      r."vatExemptionReason", r."discountOre", r."periodStart", r."periodEnd"
    FROM unnest(
      ${lines.map((l) => l.invoiceId)}::text[],
      ${lines.map((l) => l.position)}::int[],
      ${lines.map((l) => l.line.kind ?? "OTHER")}::text[],
      ${lines.map((l) => l.line.description)}::text[],
      ${lines.map((l) => l.line.descriptionEn ?? null)}::text[],
      ${lines.map((l) => l.line.quantityMilli)}::int[],
      ${lines.map((l) => l.line.unit)}::text[],
      ${lines.map((l) => l.line.unitPriceCentiOre)}::int[],
      ${lines.map((l) => l.line.vatRate)}::int[],
      ${lines.map((l) => l.line.vatExemptionReason ?? null)}::text[],
      ${lines.map((l) => l.line.discountOre ?? 0)}::int[],
      ${lines.map((l) => l.line.periodStart ?? null)}::date[],
      ${lines.map((l) => l.line.periodEnd ?? null)}::date[]
    ) AS r("invoiceId", "position", "kind", "description", "descriptionEn", "quantityMilli", "unit",
           "unitPriceCentiOre", "vatRate", "vatExemptionReason", "discountOre", "periodStart", "periodEnd")`;

  const facts = prepared.flatMap((item) =>
    (item.draft.valueFacts ?? []).map((fact, index) => ({
      ...fact,
      invoiceId: item.id,
      position: index + 1,
    })),
  );
  if (facts.length > 0) await tx.valueFact.createMany({ data: facts });
  await writeUsage(tx, organizationId, prepared);

  if (issued.length > 0) {
    const hashes = issued.map((item) => {
      const token = generateAccessToken();
      run.tokens.set(item.id, token);
      return hashAccessToken(token);
    });
    await tx.$executeRaw`
      INSERT INTO "InvoiceLink" ("id", "organizationId", "invoiceId", "tokenHash", "purpose")
      SELECT gen_random_uuid()::text, ${organizationId}, r."invoiceId", r."tokenHash", 'ISSUED'
      FROM unnest(${issued.map((i) => i.id)}::text[], ${hashes}::text[]) AS r("invoiceId", "tokenHash")`;
    await tx.$executeRaw`
      INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre", "currency", "occurredAt")
      SELECT gen_random_uuid()::text, ${organizationId}, r."invoiceId", 'INVOICE_ISSUED', r."amountOre", 'SEK', r."occurredAt"
      FROM unnest(${issued.map((i) => i.id)}::text[], ${issued.map((i) => i.totals.totalOre)}::int[],
                  ${issued.map((i) => isoDay(i.issueDate))}::timestamp[]) AS r("invoiceId", "amountOre", "occurredAt")`;
  }

  // Last, the numbers: one block from the series (its row locked until commit), then the OCRs.
  const numbers =
    issued.length > 0 ? await takeNextInvoiceNumbers(tx, organizationId, issued.length) : [];
  for (const [i, item] of issued.entries()) run.numbers.set(item.id, numbers[i]!);
  if (issued.length > 0) {
    await tx.$executeRaw`
      UPDATE "Invoice" AS i SET "number" = r."number", "ocr" = r."ocr"
      FROM unnest(${issued.map((item) => item.id)}::text[], ${numbers}::int[],
                  ${numbers.map((number) => generateOcr(number))}::text[]) AS r("id", "number", "ocr")
      WHERE i."id" = r."id"`;
  }
  const events = prepared.flatMap((item) => {
    const number = run.numbers.get(item.id);
    const created = {
      organizationId,
      invoiceId: item.id,
      type: "CREATED",
      visibility: "STAFF" as const,
      data: {} as Record<string, unknown>,
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
        data: { number, totalOre: item.totals.totalOre } as Record<string, unknown>,
        occurredAt: now,
      },
    ];
  });
  await tx.$executeRaw`
    INSERT INTO "InvoiceEvent" ("id", "organizationId", "invoiceId", "type", "visibility", "actorType", "data", "occurredAt")
    SELECT gen_random_uuid()::text, ${organizationId}, r."invoiceId", r."type", r."visibility"::"EventVisibility",
      'API', r."data", ${stamp}::timestamp
    FROM unnest(${events.map((e) => e.invoiceId)}::text[], ${events.map((e) => e.type)}::text[],
                ${events.map((e) => e.visibility)}::text[], ${events.map((e) => JSON.stringify(e.data))}::jsonb[])
      AS r("invoiceId", "type", "visibility", "data")`;

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
    events.flatMap((event) => webhookEventsForTimeline(event)),
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
  // Series (invoice, customer, unit, resolution) once each; readings as three number arrays
  // pointing at their series — a run's 31,000 readings travel as numbers, not 31,000 strings.
  const series: Array<{ invoiceId: string; customerId: string; unit: string; resolution: string }> =
    [];
  const readings = new Map<string, { series: number; ms: number; quantityMilli: number }>();
  for (const item of prepared) {
    for (const one of item.draft.usage ?? []) {
      series.push({
        invoiceId: item.id,
        customerId: item.draft.customerId,
        unit: one.unit,
        resolution: one.resolution,
      });
      for (const point of one.points) {
        const ms = point.readAt.getTime();
        readings.set(`${item.draft.customerId}|${one.unit}|${one.resolution}|${ms}`, {
          series: series.length,
          ms,
          quantityMilli: point.quantityMilli,
        });
      }
    }
  }
  if (readings.size === 0) return;
  const rows = [...readings.values()];
  await tx.$executeRaw`
    INSERT INTO "UsageReading" ("id", "organizationId", "customerId", "invoiceId", "readAt", "resolution", "quantityMilli", "unit")
    SELECT gen_random_uuid()::text, ${organizationId}, s."customerId", s."invoiceId",
           to_timestamp(r."ms" / 1000.0) AT TIME ZONE 'UTC',
           s."resolution"::"UsageResolution", r."quantityMilli", s."unit"::"UsageUnit"
      FROM unnest(${rows.map((r) => r.series)}::int[], ${rows.map((r) => r.ms)}::float8[],
                  ${rows.map((r) => r.quantityMilli)}::int[]) AS r("series", "ms", "quantityMilli")
      JOIN unnest(${series.map((s) => s.invoiceId)}::text[], ${series.map((s) => s.customerId)}::text[],
                  ${series.map((s) => s.unit)}::text[], ${series.map((s) => s.resolution)}::text[])
           WITH ORDINALITY AS s("invoiceId", "customerId", "unit", "resolution", "n") ON s."n" = r."series"
    ON CONFLICT ("customerId", "unit", "resolution", "readAt")
    DO UPDATE SET "quantityMilli" = EXCLUDED."quantityMilli", "invoiceId" = EXCLUDED."invoiceId"`;
}
