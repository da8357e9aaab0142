import type { z } from "zod";
import {
  apiCreditSchema,
  apiInvoiceCreateSchema,
  apiInvoiceUpdateSchema,
  apiIssueSchema,
  apiPaymentSchema,
} from "@/lib/api/invoice-schemas";
import {
  contractListQuerySchema,
  customerListQuerySchema,
  invoiceListFullQuerySchema,
} from "@/lib/api/query-schemas";
import {
  bankFileSchema,
  batchAnswerSchema,
  collectionForecastSchema,
  contractSchema,
  creditAnswerSchema,
  customerSchema,
  eventSchema,
  invoiceSchema,
  listSchema,
  paymentAnswerSchema,
  planSchema,
  testEventAnswerSchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
} from "@/lib/api/response-schemas";
import type { ApiScope } from "@/lib/api/scopes";
import { contractInputSchema, planInputSchema } from "@/lib/catalogue/catalogue-input";
import { forecastQuerySchema } from "@/lib/collections/forecast-query";
import { customerInputSchema, customerPatchSchema } from "@/lib/customers/customer-input";
import { pageQuerySchema } from "@/lib/validation/input-schemas";
import { webhookEndpointInputSchema } from "@/lib/webhooks/endpoints";

/**
 * Every operation of API v1, once: the routes take their scope from here, the OpenAPI document is
 * generated from here (lib/api/openapi.ts), and a contract test checks that each operation has
 * its route and each route its operation.
 */
export interface ApiOperation {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path template, e.g. /api/v1/invoices/{id}. */
  path: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Other body types the route reads (besides application/json). */
  bodyTypes?: string[];
  responses: Array<{ status: number; description: string; schema?: z.ZodType }>;
}

const ok = (schema: z.ZodType, description = "OK") => ({ status: 200, description, schema });
const created = (schema: z.ZodType, description = "Created") => ({
  status: 201,
  description,
  schema,
});

export const API_OPERATIONS = {
  createCustomer: {
    method: "POST",
    path: "/api/v1/customers",
    summary: "Create or update a customer by externalId",
    description:
      "With an externalId the customer is created the first time (201) and updated after (200); unknown fields are refused.",
    scope: "customers:write",
    tag: "Customers",
    body: customerInputSchema,
    responses: [created(customerSchema), ok(customerSchema, "Updated (the externalId existed)")],
  },
  listCustomers: {
    method: "GET",
    path: "/api/v1/customers",
    summary: "List customers, newest first",
    scope: "invoices:read",
    tag: "Customers",
    query: customerListQuerySchema,
    responses: [ok(listSchema(customerSchema, "Customer"))],
  },
  getCustomer: {
    method: "GET",
    path: "/api/v1/customers/{id}",
    summary: "Get a customer",
    scope: "invoices:read",
    tag: "Customers",
    responses: [ok(customerSchema)],
  },
  updateCustomer: {
    method: "PATCH",
    path: "/api/v1/customers/{id}",
    summary: "Change some of a customer's fields",
    scope: "customers:write",
    tag: "Customers",
    body: customerPatchSchema,
    responses: [ok(customerSchema)],
  },
  upsertPlan: {
    method: "POST",
    path: "/api/v1/plans",
    summary: "Create or update a plan by externalId",
    scope: "customers:write",
    tag: "Plans and contracts",
    body: planInputSchema,
    responses: [created(planSchema), ok(planSchema, "Updated")],
  },
  listPlans: {
    method: "GET",
    path: "/api/v1/plans",
    summary: "List the organisation's plans",
    scope: "invoices:read",
    tag: "Plans and contracts",
    responses: [ok(listSchema(planSchema, "Plan"))],
  },
  upsertContract: {
    method: "POST",
    path: "/api/v1/contracts",
    summary: "Create or update a contract (a customer on a plan) by externalId",
    scope: "customers:write",
    tag: "Plans and contracts",
    body: contractInputSchema,
    responses: [created(contractSchema), ok(contractSchema, "Updated")],
  },
  listContracts: {
    method: "GET",
    path: "/api/v1/contracts",
    summary: "List contracts, newest first",
    scope: "invoices:read",
    tag: "Plans and contracts",
    query: contractListQuerySchema,
    responses: [ok(listSchema(contractSchema, "Contract"))],
  },
  getContract: {
    method: "GET",
    path: "/api/v1/contracts/{id}",
    summary: "Get a contract",
    scope: "invoices:read",
    tag: "Plans and contracts",
    responses: [ok(contractSchema)],
  },
  createInvoice: {
    method: "POST",
    path: "/api/v1/invoices",
    summary: "Create a draft invoice, or create and issue it",
    description:
      "With issue: true the invoice is numbered, gets its OCR and link, and is delivered (unless delivery is none) in the same transaction. The answer carries customerUrl and pdfUrl — the only time the link is known.",
    scope: "invoices:write",
    tag: "Invoices",
    body: apiInvoiceCreateSchema,
    responses: [created(invoiceSchema)],
  },
  listInvoices: {
    method: "GET",
    path: "/api/v1/invoices",
    summary: "List invoices and credit notes, newest first",
    scope: "invoices:read",
    tag: "Invoices",
    query: invoiceListFullQuerySchema,
    responses: [ok(listSchema(invoiceSchema, "Invoice"))],
  },
  batchInvoices: {
    method: "POST",
    path: "/api/v1/invoices/batch",
    summary: "Create up to 1,000 invoices at once (an invoice run)",
    description:
      "A JSON array, or NDJSON (application/x-ndjson, one invoice per line), of the same objects as POST /api/v1/invoices. Each is answered on its own: created, duplicate (its externalId exists) or refused with its problem.",
    scope: "invoices:write",
    tag: "Invoices",
    body: apiInvoiceCreateSchema.array().max(1000),
    bodyTypes: ["application/x-ndjson"],
    responses: [ok(batchAnswerSchema)],
  },
  getInvoice: {
    method: "GET",
    path: "/api/v1/invoices/{id}",
    summary: "Get an invoice or credit note",
    scope: "invoices:read",
    tag: "Invoices",
    responses: [ok(invoiceSchema)],
  },
  updateInvoice: {
    method: "PATCH",
    path: "/api/v1/invoices/{id}",
    summary: "Replace a draft's period, lines, usage and value facts",
    scope: "invoices:write",
    tag: "Invoices",
    body: apiInvoiceUpdateSchema,
    responses: [ok(invoiceSchema)],
  },
  issueInvoice: {
    method: "POST",
    path: "/api/v1/invoices/{id}/issue",
    summary: "Issue a draft",
    scope: "invoices:write",
    tag: "Invoices",
    body: apiIssueSchema,
    responses: [ok(invoiceSchema)],
  },
  creditInvoice: {
    method: "POST",
    path: "/api/v1/invoices/{id}/credit",
    summary: "Credit an issued invoice (whole, chosen lines, or an amount)",
    scope: "invoices:write",
    tag: "Invoices",
    body: apiCreditSchema,
    responses: [created(creditAnswerSchema)],
  },
  registerPayment: {
    method: "POST",
    path: "/api/v1/invoices/{id}/payments",
    summary: "Register a payment received elsewhere",
    scope: "payments:write",
    tag: "Invoices",
    body: apiPaymentSchema,
    responses: [
      created(paymentAnswerSchema, "Booked"),
      ok(paymentAnswerSchema, "Already booked (same externalId)"),
    ],
  },
  listInvoiceEvents: {
    method: "GET",
    path: "/api/v1/invoices/{id}/events",
    summary: "The invoice's timeline (staff-only entries need events:staff)",
    scope: "invoices:read",
    tag: "Invoices",
    responses: [ok(listSchema(eventSchema, "Event"))],
  },
  uploadBankFile: {
    method: "POST",
    path: "/api/v1/bank-files",
    summary: "Send a bank payment file (camt.054 as application/xml, BgMax as text/plain)",
    description:
      "The file is the body. It is checked as a whole (control totals, the organisation's account, SEK) before anything is booked, then its payments are booked by OCR or queued for a person — as a job: poll GET /api/v1/bank-files/{id} for the report. The same file again is answered with the first one (duplicate: true).",
    scope: "payments:write",
    tag: "Bank files",
    bodyTypes: ["application/xml", "text/xml", "text/plain"],
    responses: [
      { status: 202, description: "Received; its import runs as a job", schema: bankFileSchema },
      { status: 200, description: "This very file was received before", schema: bankFileSchema },
    ],
  },
  getBankFile: {
    method: "GET",
    path: "/api/v1/bank-files/{id}",
    summary: "A bank file's status and report",
    scope: "payments:write",
    tag: "Bank files",
    responses: [ok(bankFileSchema)],
  },
  getCollectionForecast: {
    method: "GET",
    path: "/api/v1/collections/forecast",
    summary: "What the collection policies will do over the coming days (a dry run)",
    description:
      "Per invoice, the steps its policy plans from `from` for `days` days, with the fee and interest each would charge and why (or why a step is paused) — the same planning the daily run performs, without doing anything. Assumes nothing is paid meanwhile. Paged over invoices with cursor.",
    scope: "invoices:read",
    tag: "Collections",
    query: forecastQuerySchema,
    responses: [ok(collectionForecastSchema)],
  },
  createWebhookEndpoint: {
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    summary: "Register a webhook endpoint (the secret is shown once)",
    scope: "webhooks:manage",
    tag: "Webhooks",
    body: webhookEndpointInputSchema,
    responses: [created(webhookEndpointSchema)],
  },
  listWebhookEndpoints: {
    method: "GET",
    path: "/api/v1/webhook-endpoints",
    summary: "List webhook endpoints",
    scope: "webhooks:manage",
    tag: "Webhooks",
    query: pageQuerySchema,
    responses: [ok(listSchema(webhookEndpointSchema, "WebhookEndpoint"))],
  },
  getWebhookEndpoint: {
    method: "GET",
    path: "/api/v1/webhook-endpoints/{id}",
    summary: "Get a webhook endpoint",
    scope: "webhooks:manage",
    tag: "Webhooks",
    responses: [ok(webhookEndpointSchema)],
  },
  deleteWebhookEndpoint: {
    method: "DELETE",
    path: "/api/v1/webhook-endpoints/{id}",
    summary: "Remove a webhook endpoint",
    scope: "webhooks:manage",
    tag: "Webhooks",
    responses: [{ status: 204, description: "Removed" }],
  },
  listWebhookDeliveries: {
    method: "GET",
    path: "/api/v1/webhook-endpoints/{id}/deliveries",
    summary: "The endpoint's delivery log, newest first",
    scope: "webhooks:manage",
    tag: "Webhooks",
    responses: [ok(listSchema(webhookDeliverySchema, "WebhookDelivery"))],
  },
  testWebhookEndpoint: {
    method: "POST",
    path: "/api/v1/webhook-endpoints/{id}/test",
    summary: "Send a webhook.test event to the endpoint",
    scope: "webhooks:manage",
    tag: "Webhooks",
    responses: [{ status: 202, description: "Queued", schema: testEventAnswerSchema }],
  },
} as const satisfies Record<string, ApiOperation>;

export type ApiOperationId = keyof typeof API_OPERATIONS;
