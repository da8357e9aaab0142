import { z } from "zod";

/**
 * What an API key may do. A key is made with the scopes its integration needs; a request outside
 * them is 403. `invoices:read` also reads customers, plans, contracts and the timeline's
 * customer-visible events; staff-only events need `events:staff`.
 */
export const API_SCOPES = [
  "invoices:write",
  "invoices:read",
  "customers:write",
  "usage:write",
  "payments:write",
  "webhooks:manage",
  "events:staff",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const apiScopeSchema = z.enum(API_SCOPES, {
  error: `a scope is one of ${API_SCOPES.join(", ")}`,
});

export const API_SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "invoices:write": "Create, update, issue and credit invoices",
  "invoices:read": "Read invoices, customers, plans, contracts and their events",
  "customers:write": "Create and update customers, plans and contracts",
  "usage:write": "Send usage readings with invoices",
  "payments:write": "Register payments received elsewhere (and, later, bank files)",
  "webhooks:manage": "Register and remove webhook endpoints",
  "events:staff": "Read staff-only timeline events",
};
