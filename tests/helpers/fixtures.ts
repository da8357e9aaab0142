import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { z } from "zod";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { createDraftInvoice } from "@/lib/invoices/create-draft-invoice";
import { issueCreditNoteInputSchema } from "@/lib/invoices/credit-note-input";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { type IssueCreditNoteInput, issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { type IssuedInvoice, issueInvoice } from "@/lib/invoices/issue-invoice";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Test data built the way the product builds it: drafts go through createDraftInvoice and
 * issuing through issueInvoice, so a fixture can never hold a state the domain cannot reach.
 * Every call makes fresh, uniquely named rows, so tests in one file never share data.
 */

const SYSTEM = { type: "SYSTEM" } as const;

function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function createOrganization(
  db: Db,
  overrides: Partial<Prisma.OrganizationUncheckedCreateInput> = {},
) {
  const suffix = uniqueSuffix();
  return db.organization.create({
    data: {
      slug: `org-${suffix}`,
      name: `Testbolaget ${suffix} AB`,
      orgNumber: "556036-0793",
      vatNumber: "SE556036079301",
      addressLine1: "Storgatan 1",
      postalCode: "111 22",
      city: "Stockholm",
      bankgiro: "5050-1055",
      supportEmail: "kundservice@example.se",
      supportHours: { timeZone: "Europe/Stockholm", days: { mon: ["08:00", "17:00"] } },
      ...overrides,
    },
  });
}

export async function createCustomer(
  db: Db,
  organizationId: string,
  overrides: Partial<Prisma.CustomerUncheckedCreateInput> = {},
) {
  const suffix = uniqueSuffix();
  return db.customer.create({
    data: {
      organizationId,
      customerNumber: `K-${suffix}`,
      name: `Anna Andersson ${suffix}`,
      email: `anna.${suffix}@example.se`,
      addressLine1: "Lillgatan 2",
      postalCode: "222 33",
      city: "Lund",
      customerSince: new Date("2021-03-01T00:00:00Z"),
      ...overrides,
    },
  });
}

/** 1 × 100,00 kr at 25 % VAT: net 10 000, VAT 2 500, total 12 500 öre. */
export const DEFAULT_LINES: InvoiceLineInput[] = [
  {
    kind: "SUBSCRIPTION",
    description: "Bredband 250/250",
    quantityMilli: 1000,
    unit: "mån",
    unitPriceCentiOre: 1_000_000,
    vatRate: 25,
  },
];

export async function createDraft(
  db: Db,
  options: { organizationId: string; customerId: string; lines?: InvoiceLineInput[] },
): Promise<{ id: string }> {
  return createDraftInvoice({
    db,
    actor: SYSTEM,
    input: {
      organizationId: options.organizationId,
      customerId: options.customerId,
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      lines: options.lines ?? DEFAULT_LINES,
    },
  });
}

/** An organisation with one customer, the starting point of most stories. */
export async function createOrganizationWithCustomer(db: Db) {
  const organization = await createOrganization(db);
  const customer = await createCustomer(db, organization.id);
  return { organization, customer, organizationId: organization.id, customerId: customer.id };
}

export async function createIssuedInvoice(
  db: Db,
  options: {
    organizationId: string;
    customerId: string;
    lines?: InvoiceLineInput[];
    issueDate?: Date;
    dueDate?: Date;
  },
): Promise<IssuedInvoice> {
  const draft = await createDraft(db, options);
  return issueInvoice({
    db,
    invoiceId: draft.id,
    organizationId: options.organizationId,
    actor: SYSTEM,
    issueDate: options.issueDate,
    dueDate: options.dueDate,
  });
}

/** Awaits a rejection and checks it is the expected AppError; returns it for further checks. */
export async function expectAppError(
  promise: Promise<unknown>,
  code: AppErrorCode,
  message?: RegExp,
): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected an AppError ${code}, but the call succeeded`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}

/** An issued invoice for a chosen billing period (createIssuedInvoice always bills January 2026). */
export async function createIssuedInvoiceForPeriod(
  db: Db,
  options: {
    organizationId: string;
    customerId: string;
    periodStart: string;
    periodEnd: string;
    lines?: InvoiceLineInput[];
  },
): Promise<IssuedInvoice> {
  const draft = await createDraftInvoice({
    db,
    actor: SYSTEM,
    input: {
      organizationId: options.organizationId,
      customerId: options.customerId,
      periodStart: options.periodStart,
      periodEnd: options.periodEnd,
      lines: options.lines ?? DEFAULT_LINES,
    },
  });
  return issueInvoice({
    db,
    invoiceId: draft.id,
    organizationId: options.organizationId,
    actor: SYSTEM,
  });
}

/**
 * Meter readings for a customer, one per step from `from` (a calendar date at 00:00 UTC, the
 * convention usage uses): `quantityMilli(i)` gives the i-th reading. `invoiceId` null means
 * readings no invoice has claimed (an earlier period's history).
 */
export async function createUsageReadings(
  db: Db,
  options: {
    organizationId: string;
    customerId: string;
    invoiceId: string | null;
    unit: Prisma.UsageReadingCreateManyInput["unit"];
    resolution?: Prisma.UsageReadingCreateManyInput["resolution"];
    from: string;
    count: number;
    quantityMilli: (index: number) => number;
  },
): Promise<number> {
  const resolution = options.resolution ?? "DAY";
  const stepMs = resolution === "HOUR" ? 3_600_000 : 86_400_000;
  const start = new Date(`${options.from}T00:00:00Z`).getTime();
  const { count } = await db.usageReading.createMany({
    data: Array.from({ length: options.count }, (_, index) => ({
      organizationId: options.organizationId,
      customerId: options.customerId,
      invoiceId: options.invoiceId,
      unit: options.unit,
      resolution,
      readAt: new Date(start + index * stepMs),
      quantityMilli: options.quantityMilli(index),
    })),
  });
  return count;
}

/**
 * A reminder fee on an issued invoice. No domain function charges fees yet (reminders are still
 * to come), so this writes the FEE ledger entry the way a reminder run will: positive, in öre.
 */
export async function addReminderFee(
  db: Db,
  options: { organizationId: string; invoiceId: string; amountOre?: number; occurredAt?: Date },
): Promise<{ id: string; amountOre: number }> {
  return db.ledgerEntry.create({
    data: {
      organizationId: options.organizationId,
      invoiceId: options.invoiceId,
      kind: "FEE",
      amountOre: options.amountOre ?? 6_000,
      externalRef: `reminder:${randomUUID()}`,
      memo: "reminder fee",
      occurredAt: options.occurredAt,
    },
    select: { id: true, amountOre: true },
  });
}

/** An issued invoice and the ids of its lines in position order (to credit chosen lines). */
export async function createIssuedInvoiceWithLineIds(
  db: Db,
  options: {
    organizationId: string;
    customerId: string;
    lines?: InvoiceLineInput[];
    issueDate?: Date;
  },
) {
  const invoice = await createIssuedInvoice(db, options);
  const lines = await db.invoiceLine.findMany({
    where: { invoiceId: invoice.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { invoice, lineIds: lines.map((line) => line.id) };
}

/** Credits an invoice at the version it has now, as an agent looking at it right now would. */
export async function creditAtCurrentVersion(
  db: Db,
  target: { invoiceId: string; organizationId: string },
  mode: IssueCreditNoteInput["mode"],
  extra: Partial<IssueCreditNoteInput> = {},
) {
  const { version } = await db.invoice.findUniqueOrThrow({ where: { id: target.invoiceId } });
  // Parsed as the agent's route parses it, so bad input is refused where it would be.
  return issueCreditNote({
    db,
    actor: SYSTEM,
    input: await atTheBoundary(issueCreditNoteInputSchema, {
      ...target,
      reason: "Kunden reklamerade",
      expectedVersion: version,
      mode,
      ...extra,
    }),
  });
}

/** A credit note as stored, and its totals recomputed from its lines (what its PDF shows). */
export async function loadCreditNote(db: Db, id: string, roundToWholeKrona = true) {
  const row = await db.invoice.findUniqueOrThrow({
    where: { id },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  return { row, recomputed: computeInvoiceTotals(row.lines, { roundToWholeKrona }) };
}

/**
 * What a route, socket handler or job does with untrusted input before a domain function sees it:
 * parse it with the schema the domain exports (a BAD_INPUT AppError when it does not fit).
 * Async, so that a refusal is a rejected promise for expectAppError.
 */
export async function atTheBoundary<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Promise<z.output<S>> {
  return parseInput(schema, input);
}
