import type { ApiScope } from "@/lib/api/scopes";
import type { StaffRole } from "@/lib/db/generated/client";

/**
 * Who asks, in the authorization matrix: nobody, a customer through their invoice link, each
 * staff role of organisation A, and organisation B (its admin, or its customer's link).
 */
export const IDENTITIES = [
  "anonymous",
  "customer",
  "AGENT",
  "MARKETER",
  "FINANCE",
  "ADMIN",
  "otherOrganization",
] as const;
export type Identity = (typeof IDENTITIES)[number];

export type Access =
  /** Staff of A with one of `roles`; `foreign`: the request names A's thing (B gets 404). */
  | { kind: "staff"; roles: readonly StaffRole[]; foreign: boolean }
  /** The invoice link of A's customer; `foreign`: B's link asks for A's thing (404). */
  | { kind: "link"; foreign: boolean }
  /**
   * API v1: only a Bearer key of the organisation opens it, with `scope`; no session or link does
   * (every identity here is 401). The matrix also asks with a key of A lacking `scope` (403).
   */
  | { kind: "apiKey"; scope: ApiScope }
  | { kind: "public" };

/** The status each identity gets, given what the route allows and its answer when allowed. */
export function expectedStatus(access: Access, identity: Identity, ok: number): number {
  if (access.kind === "public") return ok;
  if (access.kind === "apiKey") return 401;
  if (access.kind === "link") {
    if (identity === "customer") return ok;
    if (identity === "otherOrganization") return access.foreign ? 404 : ok;
    return 404;
  }
  if (identity === "anonymous" || identity === "customer") return 401;
  const role: StaffRole = identity === "otherOrganization" ? "ADMIN" : identity;
  if (!access.roles.includes(role)) return 403;
  return identity === "otherOrganization" && access.foreign ? 404 : ok;
}

/** Things of organisation A the pages name (made by the end-to-end fixtures). */
export interface PageIds {
  invoiceId: string;
  blockId: string;
  webhookEndpointId: string;
  bankFileId: string;
  collectionPolicyId: string;
}

/**
 * The staff pages (served by the running server in the end-to-end pass; see
 * tests/e2e/authorization-pages.spec.ts). A page a role may not open shows "not for your role";
 * signed out, it sends to sign-in; another organisation's thing is not found.
 */
export interface PageCase {
  file: string;
  roles: readonly StaffRole[];
  path: (ids: PageIds) => string;
  foreign: boolean;
}

const AGENT: readonly StaffRole[] = ["AGENT", "ADMIN"];
const MARKETING: readonly StaffRole[] = ["MARKETER", "ADMIN"];
const ADMIN: readonly StaffRole[] = ["ADMIN"];
const FINANCE: readonly StaffRole[] = ["FINANCE", "ADMIN"];
const UNMATCHED_PAYMENTS: readonly StaffRole[] = ["FINANCE", "AGENT", "ADMIN"];

export const STAFF_PAGES: PageCase[] = [
  { file: "app/(staff)/agent/page.tsx", roles: AGENT, path: () => "/agent", foreign: false },
  {
    file: "app/(staff)/agent/invoices/page.tsx",
    roles: AGENT,
    path: () => "/agent/invoices",
    foreign: false,
  },
  {
    file: "app/(staff)/agent/invoices/[id]/page.tsx",
    roles: AGENT,
    path: ({ invoiceId }) => `/agent/invoices/${invoiceId}`,
    foreign: true,
  },
  {
    file: "app/(staff)/agent/canned-replies/page.tsx",
    roles: AGENT,
    path: () => "/agent/canned-replies",
    foreign: false,
  },
  {
    file: "app/(staff)/marketing/page.tsx",
    roles: MARKETING,
    path: () => "/marketing",
    foreign: false,
  },
  {
    file: "app/(staff)/marketing/blocks/new/page.tsx",
    roles: MARKETING,
    path: () => "/marketing/blocks/new?kind=INFORMATION",
    foreign: false,
  },
  {
    file: "app/(staff)/marketing/blocks/[id]/page.tsx",
    roles: MARKETING,
    path: ({ blockId }) => `/marketing/blocks/${blockId}`,
    foreign: true,
  },
  {
    file: "app/(staff)/marketing/blocks/[id]/analytics/page.tsx",
    roles: MARKETING,
    path: ({ blockId }) => `/marketing/blocks/${blockId}/analytics`,
    foreign: true,
  },
  {
    // The marketers' part of the receivables dashboard (finance has all of it on /finance).
    file: "app/(staff)/marketing/receivables/page.tsx",
    roles: MARKETING,
    path: () => "/marketing/receivables?period=week",
    foreign: false,
  },
  {
    file: "app/(staff)/marketing/preview/[invoiceId]/page.tsx",
    roles: MARKETING,
    path: ({ invoiceId }) => `/marketing/preview/${invoiceId}`,
    foreign: true,
  },
  { file: "app/(staff)/admin/page.tsx", roles: ADMIN, path: () => "/admin", foreign: false },
  {
    file: "app/(staff)/admin/api-keys/page.tsx",
    roles: ADMIN,
    path: () => "/admin/api-keys",
    foreign: false,
  },
  {
    file: "app/(staff)/admin/jobs/page.tsx",
    roles: ADMIN,
    path: () => "/admin/jobs",
    foreign: false,
  },
  {
    file: "app/(staff)/admin/organization/page.tsx",
    roles: ADMIN,
    path: () => "/admin/organization",
    foreign: false,
  },
  {
    file: "app/(staff)/admin/webhooks/page.tsx",
    roles: ADMIN,
    path: () => "/admin/webhooks",
    foreign: false,
  },
  {
    file: "app/(staff)/admin/webhooks/[id]/page.tsx",
    roles: ADMIN,
    path: ({ webhookEndpointId }) => `/admin/webhooks/${webhookEndpointId}`,
    foreign: true,
  },
  { file: "app/(staff)/finance/page.tsx", roles: FINANCE, path: () => "/finance", foreign: false },
  {
    file: "app/(staff)/finance/bank-files/page.tsx",
    roles: FINANCE,
    path: () => "/finance/bank-files",
    foreign: false,
  },
  {
    file: "app/(staff)/finance/bank-files/[id]/page.tsx",
    roles: FINANCE,
    path: ({ bankFileId }) => `/finance/bank-files/${bankFileId}`,
    foreign: true,
  },
  {
    file: "app/(staff)/finance/unmatched/page.tsx",
    roles: UNMATCHED_PAYMENTS,
    path: () => "/finance/unmatched",
    foreign: false,
  },
  {
    file: "app/(staff)/finance/repayments/page.tsx",
    roles: FINANCE,
    path: () => "/finance/repayments",
    foreign: false,
  },
  {
    file: "app/(staff)/finance/collections/page.tsx",
    roles: FINANCE,
    path: () => "/finance/collections",
    foreign: false,
  },
  {
    file: "app/(staff)/finance/collections/policies/new/page.tsx",
    roles: FINANCE,
    path: () => "/finance/collections/policies/new",
    foreign: false,
  },
  {
    file: "app/(staff)/finance/collections/policies/[id]/page.tsx",
    roles: FINANCE,
    path: ({ collectionPolicyId }) => `/finance/collections/policies/${collectionPolicyId}`,
    foreign: true,
  },
  {
    file: "app/(staff)/finance/collections/forecast/page.tsx",
    roles: FINANCE,
    path: () => "/finance/collections/forecast?days=30",
    foreign: false,
  },
  {
    // Without ?step=: the list of steps with an experiment (a step of another organisation's is not found).
    file: "app/(staff)/finance/collections/decisions/page.tsx",
    roles: FINANCE,
    path: () => "/finance/collections/decisions",
    foreign: false,
  },
  {
    file: "app/(staff)/finance/collections/letters/page.tsx",
    roles: FINANCE,
    path: () => "/finance/collections/letters",
    foreign: false,
  },
  {
    file: "app/(staff)/finance/collections/handovers/page.tsx",
    roles: FINANCE,
    path: () => "/finance/collections/handovers",
    foreign: false,
  },
  {
    // Finance reads the rates; only an administrator changes them (the form is not shown).
    file: "app/(staff)/finance/collections/reference-rates/page.tsx",
    roles: FINANCE,
    path: () => "/finance/collections/reference-rates",
    foreign: false,
  },
];
