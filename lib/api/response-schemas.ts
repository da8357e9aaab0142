import { z } from "zod";
import { API_SCOPES } from "@/lib/api/scopes";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

/**
 * What API v1 answers, as schemas: the OpenAPI document is generated from them, and the tests
 * check real answers against them, so the documentation cannot drift from the behaviour.
 */
const id = z.uuid();
const day = z.iso.date().nullable();
const instant = z.iso.datetime({ offset: true });
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const ore = z.number().int();
const ref = z.object({ id, externalId: z.string().nullable() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    param: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export const customerSchema = z
  .object({
    id,
    object: z.literal("customer"),
    externalId: z.string().nullable(),
    customerNumber: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale: z.enum(["sv", "en"]),
    isBusiness: z.boolean(),
    vatNumber: z.string().nullable(),
    segment: z.string().nullable(),
    customerSince: day,
    address: z.object({
      line1: z.string(),
      line2: z.string().nullable(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
    }),
    reminderFeeAgreement: z.object({ agreedOn: day, source: z.string().nullable() }).nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Customer" });

export const planSchema = z
  .object({
    id,
    object: z.literal("plan"),
    externalId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    description: z.string().nullable(),
    kind: z.enum(["ENERGY", "BROADBAND", "MOBILE"]),
    monthlyFeeOre: ore,
    unitPriceOre: decimal,
    usageUnit: z.enum(["kWh", "GB", "minutes"]).nullable(),
    includedQuantity: decimal.nullable(),
    downloadMbps: z.number().int().nullable(),
    uploadMbps: z.number().int().nullable(),
    vatRate: z.number().int(),
    isActive: z.boolean(),
    createdAt: instant,
  })
  .meta({ id: "Plan" });

export const contractSchema = z
  .object({
    id,
    object: z.literal("contract"),
    externalId: z.string().nullable(),
    customer: ref,
    plan: z.object({ id, externalId: z.string().nullable(), code: z.string().nullable() }),
    startsOn: day,
    endsOn: day,
    campaignMonthlyFeeOre: ore.nullable(),
    campaignEndsOn: day,
    createdAt: instant,
  })
  .meta({ id: "Contract" });

export const invoiceSchema = z
  .object({
    id,
    object: z.literal("invoice"),
    kind: z.enum(["invoice", "credit_note"]),
    externalId: z.string().nullable(),
    number: z.number().int().nullable(),
    ocr: z.string().nullable(),
    status: z.enum(["DRAFT", "OPEN", "PAID", "CREDITED", "OVERDUE"]),
    version: z.number().int(),
    currency: z.literal("SEK"),
    customer: ref,
    contractId: id.nullable(),
    periodStart: day,
    periodEnd: day,
    issueDate: day,
    dueDate: day,
    netOre: ore,
    vatOre: ore,
    roundingOre: ore,
    totalOre: ore,
    paidOre: ore,
    amountDueOre: ore,
    creditBalanceOre: ore,
    vat: z.array(z.object({ rate: z.number().int(), taxableOre: ore, vatOre: ore })),
    lines: z.array(
      z.object({
        id,
        position: z.number().int(),
        kind: z.string(),
        description: z.string(),
        descriptionEn: z.string().nullable(),
        quantity: decimal,
        unit: z.string(),
        unitPriceOre: decimal,
        vatRate: z.number().int(),
        vatExemptionReason: z.string().nullable(),
        discountOre: ore,
        periodStart: day,
        periodEnd: day,
      }),
    ),
    creditedInvoiceId: id.nullable(),
    creditNotes: z.array(
      z.object({ id, number: z.number().int().nullable(), issueDate: day, totalOre: ore }),
    ),
    deliveries: z.array(
      z.object({
        id,
        channel: z.enum(["email", "sms"]),
        recipient: z.string(),
        status: z.enum(["pending", "sent", "bounced", "failed"]),
        attempts: z.number().int(),
        sentAt: instant.nullable(),
        createdAt: instant,
      }),
    ),
    createdAt: instant,
    updatedAt: instant,
    customerUrl: z
      .url()
      .optional()
      .describe("The customer's invoice page: returned only when the invoice is issued"),
    pdfUrl: z.url().optional().describe("The PDF: returned only when the invoice is issued"),
  })
  .meta({ id: "Invoice" });

export function listSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      object: z.literal("list"),
      data: z.array(item),
      hasMore: z.boolean(),
      nextStartingAfter: z.string().nullable(),
    })
    .meta({ id: `${name}List` });
}

export const creditAnswerSchema = z
  .object({ invoice: invoiceSchema, creditNote: invoiceSchema })
  .meta({ id: "CreditAnswer" });

export const paymentAnswerSchema = z
  .object({ recorded: z.boolean(), invoice: invoiceSchema })
  .meta({ id: "PaymentAnswer" });

export const eventSchema = z
  .object({
    id,
    object: z.literal("event"),
    type: z.string(),
    visibility: z.enum(["customer", "staff"]),
    actorType: z.enum(["system", "api", "customer", "staff"]),
    customerText: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    occurredAt: instant,
  })
  .meta({ id: "Event" });

export const batchAnswerSchema = z
  .object({
    object: z.literal("batch"),
    created: z.number().int(),
    duplicates: z.number().int(),
    refused: z.number().int(),
    results: z.array(
      z.object({
        index: z.number().int(),
        externalId: z.string().nullable(),
        status: z.enum(["created", "duplicate", "refused"]),
        id: id.optional(),
        number: z.number().int().nullable().optional(),
        customerUrl: z.url().optional(),
        problem: problemSchema.optional(),
      }),
    ),
  })
  .meta({ id: "BatchAnswer" });

export const webhookEndpointSchema = z
  .object({
    id,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    createdAt: instant,
    disabledAt: instant.nullable(),
    disabledReason: z.string().nullable(),
    secret: z
      .string()
      .startsWith("whsec_")
      .optional()
      .describe("Returned once, when the endpoint is made: keep it to verify signatures"),
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookDeliverySchema = z
  .object({
    id,
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
    attempts: z.number().int(),
    nextAttemptAt: instant.nullable(),
    lastAttemptAt: instant.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: "WebhookDelivery" });

export const testEventAnswerSchema = z
  .object({ eventId: z.string(), deliveryId: id })
  .meta({ id: "TestEventAnswer" });

export const bankFileSchema = z
  .object({
    id,
    object: z.literal("bank_file"),
    format: z.enum(["CAMT054", "BGMAX"]),
    source: z.enum(["UPLOAD", "API", "FOLDER"]),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    status: z.enum(["RECEIVED", "IMPORTED", "REFUSED"]),
    duplicate: z
      .boolean()
      .describe("true when this very file was sent before: nothing new is booked"),
    refusalReason: z.string().nullable(),
    report: z.record(z.string(), z.unknown()),
    receivedAt: instant,
    processedAt: instant.nullable(),
  })
  .meta({ id: "BankFile" });

export const scopesDescription = `Scopes: ${API_SCOPES.join(", ")}`;

export const collectionForecastSchema = z
  .object({
    object: z.literal("collection_forecast"),
    from: z.iso.date(),
    days: z.number().int(),
    invoices: z.array(
      z.object({
        invoiceId: id,
        number: z.number().int(),
        dueDate: z.iso.date(),
        amountDueOre: ore,
        policy: z.object({ id, name: z.string() }),
        steps: z.array(
          z.object({
            date: day.describe(
              "null while a pause (dispute, payment plan, payment on its way) holds the step",
            ),
            kind: z.enum(["courtesy", "reminder", "final_reminder", "collection_handover"]),
            channel: z.enum(["email", "sms", "letter", "page"]),
            feeOre: ore,
            interestOre: ore,
            reason: z.string().describe("why (no) fee and interest, or why the step is paused"),
            feeReason: z.string(),
            interestReason: z.string(),
            pausedBy: z.enum(["dispute", "payment_plan", "payment_in_flight"]).nullable(),
            variant: z
              .string()
              .nullable()
              .describe(
                "the step's variant this invoice gets (an experiment's split or the learner's choice)",
              ),
          }),
        ),
      }),
    ),
    hasMore: z.boolean(),
    nextCursor: z.string().nullable().describe("pass as cursor for the next page of invoices"),
  })
  .meta({ id: "CollectionForecast" });
