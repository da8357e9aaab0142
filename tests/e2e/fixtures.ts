import { test as base } from "@playwright/test";
import type { z } from "zod";
import type {
  createCustomerFixture,
  createOrganizationFixture,
  customerFixtureSchema,
} from "../helpers/e2e-fixtures";

/**
 * Every end-to-end test makes its own data through the e2e server's fixtures (built with the
 * domain functions; see tests/helpers/e2e-fixtures.ts): its own company, staff and customers.
 */
export type OrganizationFixture = Awaited<ReturnType<typeof createOrganizationFixture>>;
export type CustomerFixture = Awaited<ReturnType<typeof createCustomerFixture>>;
export type CustomerSpec = Omit<z.input<typeof customerFixtureSchema>, "organizationId">;

const fixtureUrl = `http://127.0.0.1:${process.env.E2E_FIXTURE_PORT ?? 3218}`;

async function make<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${fixtureUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`fixture ${path} refused: ${answer.error}`);
  return answer as T;
}

export interface Fixtures {
  /** A company of its own (Norrsken's energy or Fiberlänk's broadband catalogue) with staff. */
  organization(catalogue: "energy" | "broadband"): Promise<OrganizationFixture>;
  /** A customer with earlier paid invoices and a latest one in the state asked for. */
  customer(organization: { id: string }, spec: CustomerSpec): Promise<CustomerFixture>;
  /** A customer's question on an invoice, waiting for support. */
  question(invoiceId: string, body: string): Promise<{ conversationId: string }>;
  /** A draft invoice for the customer of an issued one. */
  draft(invoiceId: string): Promise<{ draftId: string }>;
  /**
   * A draft content block of the organisation; with `offer`, a published plan offer instead ("best"
   * for each customer's cheapest plan, or a plan's code).
   */
  block(organization: { id: string }, options?: { offer?: string }): Promise<{ blockId: string }>;
  /** A webhook endpoint of the organisation (at an address that never answers). */
  webhookEndpoint(organization: { id: string }): Promise<{ webhookEndpointId: string }>;
  /** A camt.054 of the organisation, received as if uploaded (one payment for the queue). */
  bankFile(organization: { id: string }): Promise<{ bankFileId: string }>;
  /** The organisation's default collection policy (the demo's standard one when asked). */
  collectionPolicy(
    organization: { id: string },
    options?: { standard?: boolean },
  ): Promise<{ collectionPolicyId: string }>;
  /** The morning's collection run for the organisation, for today or a day given. */
  collectionRun(
    organization: { id: string },
    today?: string,
  ): Promise<{ performed: number; byKind: Record<string, number>; deferred: string | null }>;
}

export const test = base.extend<{ fixtures: Fixtures }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  fixtures: async ({}, use) => {
    await use({
      organization: (catalogue) => make("/organizations", { catalogue }),
      customer: (organization, spec) =>
        make("/customers", { organizationId: organization.id, ...spec }),
      question: (invoiceId, body) => make("/questions", { invoiceId, body }),
      block: (organization, options) =>
        make("/blocks", { organizationId: organization.id, ...options }),
      draft: (invoiceId) => make("/drafts", { invoiceId }),
      webhookEndpoint: (organization) =>
        make("/webhook-endpoints", { organizationId: organization.id }),
      bankFile: (organization) => make("/bank-files", { organizationId: organization.id }),
      collectionPolicy: (organization, options) =>
        make("/collection-policies", { organizationId: organization.id, ...options }),
      collectionRun: (organization, today) =>
        make("/collection-runs", { organizationId: organization.id, ...(today ? { today } : {}) }),
    });
  },
});

export { expect } from "@playwright/test";
