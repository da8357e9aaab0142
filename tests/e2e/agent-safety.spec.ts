import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import { test } from "./fixtures";
import { signedInStaff } from "./staff-session";

/**
 * Issue 18's agent journeys on a 1400 px desktop: the credit form's safety rails (a confirmation
 * with amount, VAT and what happens to the money; the credit note named; the form reset; the
 * same credit twice within a minute refused; credited lines no longer choosable), the credits on
 * the invoice in the workspace, and a search that finds "Öberg" when typed "oberg".
 */
test.use({ viewport: { width: 1400, height: 900 } });

test("an agent finds Öberg by typing oberg, credits a line after a confirmation, and cannot credit it or the same amount twice", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.setTimeout(90_000);
  const org = await fixtures.organization("broadband");
  const name = `Åsa Öberg ${Date.now().toString(36)}`;
  const invoice = await fixtures.customer(org, { latest: "open", name });
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);

  // Typed without the diacritics, as on a keyboard without å, ä and ö.
  await agent.goto("/agent/invoices");
  await agent.getByLabel("Customer name or number").fill("asa oberg");
  await agent.getByRole("button", { name: "Search", exact: true }).click();
  await expect(agent).toHaveURL(/customer=asa/);
  const table = agent.getByRole("table", { name: "Invoices" });
  await expect(async () => {
    const customers = await table.locator('tbody td[data-column="customer"]').allTextContents();
    expect(customers.length).toBeGreaterThan(0);
    for (const customer of customers) expect(customer).toContain(name);
    const numbers = await table.locator('tbody td[data-column="number"]').allTextContents();
    expect(numbers).toContain(String(invoice.number));
  }).toPass({ timeout: 10_000 });
  await agent.goto(`/agent/invoices/${invoice.invoiceId}`);

  // Nothing credited yet: no credits panel.
  const credits = agent.getByTestId("invoice-credits");
  await expect(agent.getByTestId("credit-form")).toBeVisible();
  await expect(credits).toHaveCount(0);

  // A line credit: first a confirmation of what the server would issue.
  const form = agent.getByTestId("credit-form");
  await form.getByLabel("Chosen lines").check();
  const firstLine = form.getByTestId("credit-line").first();
  await firstLine.getByRole("checkbox").check();
  await form.getByLabel("Internal reason (staff only)").fill("Avbrott i tre dagar");
  await form.getByRole("button", { name: "Review credit note" }).click();
  const confirmation = form.getByTestId("credit-confirmation");
  await expect(confirmation.getByTestId("credit-confirmation-amount")).toHaveText(
    /^A credit note of −?\d[\d\s\u00a0]*,\d\d\s?kr including \d[\d\s\u00a0]*,\d\d\s?kr VAT\.$/,
  );
  await expect(confirmation.getByTestId("credit-confirmation-vat")).toContainText(/25 %: .+ VAT/);
  await expect(confirmation.getByTestId("credit-confirmation-money")).not.toBeEmpty();
  const axe = await new AxeBuilder({ page: agent })
    .include('[data-testid="credit-form"]')
    .include('[data-testid="invoice-credits"]')
    .analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await confirmation.getByRole("button", { name: "Issue credit note" }).click();

  // Named, and the form is empty again.
  const done = agent.getByTestId("change-done");
  await expect(done).toHaveText(/^Credit note (\d+) issued: .+ taken off\./);
  const lineNote = Number(/Credit note (\d+)/.exec((await done.textContent())!)![1]);
  expect(lineNote).toBeGreaterThan(invoice.number);
  await expect(form.getByLabel("Internal reason (staff only)")).toHaveValue("");
  await expect(form.getByTestId("credit-confirmation")).toHaveCount(0);
  // The workspace lists it, and the credited line can no longer be chosen.
  await expect(credits).toContainText("Credits on this invoice");
  await expect(credits.getByTestId("invoice-credit")).toHaveCount(1);
  await expect(credits.getByTestId("invoice-credit").first()).toHaveAttribute(
    "data-number",
    String(lineNote),
  );
  await expect(firstLine).toHaveAttribute("data-credited", "all");
  await expect(firstLine).toContainText("already credited");
  await expect(firstLine.getByRole("checkbox")).toBeDisabled();

  // An amount, then the very same amount again a moment later: the second is refused already at
  // the review, before any confirmation is offered.
  const reviewAmount = async () => {
    await form.getByLabel("An amount").check();
    await form.getByLabel("Amount incl. VAT (kr)").fill("10");
    await form.getByLabel("Internal reason (staff only)").fill("Ersättning för avbrottet");
    await form.getByRole("button", { name: "Review credit note" }).click();
  };
  await reviewAmount();
  await form
    .getByTestId("credit-confirmation")
    .getByRole("button", { name: "Issue credit note" })
    .click();
  await expect(done).toHaveText(/^Credit note \d+ issued: 10,00\s?kr taken off\./);
  await expect(credits.getByTestId("invoice-credit")).toHaveCount(2);
  await reviewAmount();
  await expect(agent.getByTestId("change-error")).toContainText(
    "This looks like the same credit twice, so nothing was issued.",
  );
  await expect(form.getByTestId("credit-confirmation")).toHaveCount(0);
  await expect(credits.getByTestId("invoice-credit")).toHaveCount(2);
  await agent.reload();
  await expect(agent.getByTestId("invoice-credits").getByTestId("invoice-credit")).toHaveCount(2);
  await agent.context().close();
});

test("an agent's workspace opens the chat at the newest message and shows the offers the customer sees", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.setTimeout(60_000);
  const org = await fixtures.organization("energy");
  // On the dearest plan, so a cheaper one is offered.
  const invoice = await fixtures.customer(org, { latest: "open", planCode: "EL-FAST12" });
  await fixtures.block(org, { offer: "best" });
  for (let question = 1; question <= 14; question += 1)
    await fixtures.question(invoice.invoiceId, `Fråga ${question}: hur läser jag fakturan?`);
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  await agent.goto(`/agent/invoices/${invoice.invoiceId}`);

  // The newest question is in view, without scrolling the conversation.
  const chat = agent.getByTestId("agent-chat");
  const scroller = chat.getByTestId("chat-scroller");
  await expect(chat.getByTestId("chat-message").last()).toContainText("Fråga 14:");
  await expect
    .poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
    .toBeLessThanOrEqual(2);
  expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

  // The invoice as the customer sees it: the offer block too, the same one.
  const customer = await browser.newPage();
  await customer.goto(`${baseURL}/i/${invoice.token}`);
  const theirs = customer.getByTestId("content-block");
  await expect(theirs).toHaveCount(1);
  const offer = agent.getByRole("main").getByTestId("content-block");
  await expect(offer).toHaveCount(1);
  await expect(offer).toHaveAttribute(
    "data-block-id",
    (await theirs.getAttribute("data-block-id"))!,
  );
  await expect(offer.getByTestId("offer-headline")).toHaveText(
    (await theirs.getByTestId("offer-headline").textContent())!,
  );
  await customer.close();
  await expect(offer.getByTestId("offer-headline")).toHaveText(
    /^Spara ca\s\d[\d\s]*\skr (exkl\. moms )?per år med /,
  );
  await agent.context().close();
});
