import type { Page, Response } from "@playwright/test";
import { openCustomerPage } from "./customer-page";
import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

/**
 * Every HTML page carries its family's security headers (a nonce CSP, Permissions-Policy, COOP),
 * and every page still works under them: no script, frame or image the policy refuses.
 */

/** Counts what the browser refused under the CSP while the page was used. */
function watchRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

function expectPageHeaders(response: Response | null, family: "invoice" | "console" | "frame") {
  expect(response, "the page answered").not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain(`frame-ancestors ${family === "frame" ? "'self'" : "'none'"}`);
  expect(csp).not.toMatch(/img-src[^;]* https:(;|\s|$)/);
  const permissions = headers["permissions-policy"] ?? "";
  expect(permissions).toContain("camera=()");
  expect(permissions).toContain("geolocation=()");
  expect(permissions).toContain(
    family === "invoice" ? 'payment=(self "https://js.stripe.com")' : "payment=()",
  );
  expect(headers["cross-origin-opener-policy"]).toBe(
    family === "invoice" ? "same-origin-allow-popups" : "same-origin",
  );
  // APP_URL is http here: no HSTS (a unit test covers https).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("every page family carries its headers and works under them", async ({
  browser,
  baseURL,
  fixtures,
  page,
}) => {
  test.skip(test.info().project.name !== "desktop", "staff consoles and the public pages");
  // Every page family in turn: ~9 s here, more on a loaded CI machine.
  test.slow();
  const org = await fixtures.organization("energy");
  const invoice = await fixtures.customer(org, { latest: "open", earlier: 0 });

  // Public pages: home, sign-in, a page that does not exist.
  const publicRefusals = watchRefusals(page);
  for (const path of ["/", "/signin", "/finns-inte"]) {
    expectPageHeaders(await page.goto(path), "console");
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // next-auth's own pages, outside the proxy: sign-out and "check your email".
  for (const path of ["/api/auth/signout", "/api/auth/verify-request"]) {
    expectPageHeaders(await page.goto(path), "console");
  }

  // The customer's invoice page, its payment step included.
  const customer = await openCustomerPage(browser, baseURL!, `/i/${invoice.token}`);
  const customerRefusals = watchRefusals(customer);
  expectPageHeaders(await customer.reload(), "invoice");
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(`Faktura ${invoice.number}`);

  // The consoles: an agent's workspace (chat, live edits), the marketers' console and its
  // framed preview, the administrator's settings.
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  const agentRefusals = watchRefusals(agent);
  expectPageHeaders(await agent.goto(`/agent/invoices/${invoice.invoiceId}`), "console");
  await expect(agent.getByTestId("workspace-invoice")).toBeVisible();
  await agent.getByRole("tab", { name: "Respite" }).click();
  await expect(agent.getByRole("tabpanel")).toBeVisible();

  const marketer = await signedInStaff(browser, baseURL!, org.staff.marketing.email);
  const marketerRefusals = watchRefusals(marketer);
  expectPageHeaders(await marketer.goto("/marketing/blocks/new"), "console");
  expectPageHeaders(await marketer.goto(`/marketing/preview/${invoice.invoiceId}`), "frame");

  const admin = await signedInStaff(browser, baseURL!, org.staff.admin.email);
  const adminRefusals = watchRefusals(admin);
  expectPageHeaders(await admin.goto("/admin/organization"), "console");
  await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();

  expect([
    ...publicRefusals,
    ...customerRefusals,
    ...agentRefusals,
    ...marketerRefusals,
    ...adminRefusals,
  ]).toEqual([]);
  for (const opened of [customer, agent, marketer, admin]) await opened.context().close();
});
