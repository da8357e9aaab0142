import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

test("a signed-in staff member opening a customer's link is previewing: no 'opened' is recorded", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  const org = await fixtures.organization("broadband");
  const invoice = await fixtures.customer(org, { latest: "overdue", earlier: 2 });
  const page = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  const staff = page.context();
  // An earlier invoice of that customer, which nobody has opened yet.
  await page.goto(`/i/${invoice.token}`);
  const earlier = page.getByTestId("other-invoices").getByRole("link").last();
  const href = (await earlier.getAttribute("href"))!;
  await page.goto(href);
  // Long enough for a view job to have run, had one been written.
  await page.waitForTimeout(2_500);
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
    ).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await customer.close();
});
