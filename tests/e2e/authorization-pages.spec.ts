import type { APIRequestContext } from "@playwright/test";
import {
  expectedStatus,
  IDENTITIES,
  type Identity,
  STAFF_PAGES,
} from "../helpers/authorization-cases";
import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

/**
 * The staff pages × every kind of asker, on the running server (proxy.ts, sessions, pages): signed
 * out (or only holding a customer's link) → sent to sign-in; a role the page is not for → "not
 * available for your role"; another organisation's invoice, block, webhook endpoint, bank file or collection policy
 * → not found.
 */
test("every staff page answers each kind of asker as its role and organisation allow", async ({
  browser,
  baseURL,
  fixtures,
  playwright,
}) => {
  test.setTimeout(120_000);
  const org = await fixtures.organization("broadband");
  const other = await fixtures.organization("energy");
  const invoice = await fixtures.customer(org, { latest: "open" });
  const { blockId } = await fixtures.block(org);
  const { webhookEndpointId } = await fixtures.webhookEndpoint(org);
  const { bankFileId } = await fixtures.bankFile(org);
  const { collectionPolicyId } = await fixtures.collectionPolicy(org);
  const ids = {
    invoiceId: invoice.invoiceId,
    blockId,
    webhookEndpointId,
    bankFileId,
    collectionPolicyId,
  };

  const anonymous = await playwright.request.newContext({ baseURL });
  const customerPage = await (await browser.newContext({ baseURL })).newPage();
  await customerPage.goto(`/i/${invoice.token}`);
  const askers: Record<Identity, APIRequestContext> = {
    anonymous,
    customer: customerPage.request,
    AGENT: (await signedInStaff(browser, baseURL!, org.staff.agent.email)).request,
    MARKETER: (await signedInStaff(browser, baseURL!, org.staff.marketing.email)).request,
    FINANCE: (await signedInStaff(browser, baseURL!, org.staff.finance.email)).request,
    ADMIN: (await signedInStaff(browser, baseURL!, org.staff.admin.email)).request,
    otherOrganization: (await signedInStaff(browser, baseURL!, other.staff.admin.email)).request,
  };

  const answers: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const page of STAFF_PAGES) {
    for (const identity of IDENTITIES) {
      const key = `${page.file} as ${identity}`;
      const response = await askers[identity].get(page.path(ids), { maxRedirects: 0 });
      const status = response.status();
      const html = status === 200 ? await response.text() : "";
      answers[key] =
        status === 307 || status === 302
          ? `sign-in (${/\/signin\?callbackUrl=/.test(response.headers().location ?? "") ? "ok" : response.headers().location})`
          : status === 200 && html.includes('data-testid="forbidden"')
            ? "forbidden"
            : String(status);
      const want = expectedStatus(
        { kind: "staff", roles: page.roles, foreign: page.foreign },
        identity,
        200,
      );
      expected[key] = want === 401 ? "sign-in (ok)" : want === 403 ? "forbidden" : String(want);
    }
  }
  expect(answers).toEqual(expected);
  await anonymous.dispose();
});
