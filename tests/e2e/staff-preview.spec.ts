import { expect, test } from "@playwright/test";
import { DEMO_ORGANIZATIONS, DEMO_STAFF_PASSWORD, expectedInvoices } from "./demo-data";

// Desktop only: it leaves the invoice opened by its customer, so it runs once.
test("a signed-in staff member opening a customer's link is previewing: no 'opened' is recorded", async ({
  browser,
  baseURL,
}) => {
  const staff = await browser.newContext({ baseURL });
  const page = await staff.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(`agent@${DEMO_ORGANIZATIONS[1]!.emailDomain}`);
  await page.getByLabel("Password").fill(DEMO_STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/agent$/);
  // An invoice of that company nobody has opened yet: the oldest earlier invoice of a showcase one.
  const invoice = expectedInvoices().find(
    (i) => i.organization === DEMO_ORGANIZATIONS[1]!.name && i.kind === "overdue",
  )!;
  await page.goto(`/i/${invoice.token}`);
  const earlier = page.getByTestId("other-invoices").getByRole("link").last();
  const href = (await earlier.getAttribute("href"))!;
  await page.goto(href);
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId("timeline").locator('[data-event-type="OPENED"]')).toHaveCount(0);
  await staff.close();

  // The customer opening the same link is recorded.
  const customer = await browser.newContext({ baseURL });
  const customerPage = await customer.newPage();
  await customerPage.goto(href);
  await expect(async () => {
    await customerPage.reload();
    await expect(
      customerPage.getByTestId("timeline").locator('[data-event-type="OPENED"]'),
    ).toHaveCount(1);
  }).toPass({ timeout: 10_000 });
  await customer.close();
});
