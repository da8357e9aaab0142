import type { Browser, Page } from "@playwright/test";
import { isSameDocument, markLiveDocument, openCustomerPage } from "./customer-page";
import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

async function customerPage(browser: Browser, baseURL: string, token: string): Promise<Page> {
  const page = await openCustomerPage(browser, baseURL, `/i/${token}`);
  await markLiveDocument(page);
  return page;
}

test("customer and agent chat both ways, with presence, typing and read marks; notes stay internal", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  const org = await fixtures.organization("broadband");
  const invoice = await fixtures.customer(org, { latest: "open" });
  const customer = await customerPage(browser, baseURL!, invoice.token);
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  await agent.goto(`/agent/invoices/${invoice.invoiceId}`);

  // Presence, both ways.
  await expect(customer.getByTestId("agent-presence")).toHaveText(
    /Sara från kundservice tittar på din faktura just nu/,
  );
  await expect(agent.getByTestId("staff-presence")).toContainText(
    `${invoice.customerName} is viewing the invoice now`,
  );

  // The customer types and asks; the agent sees both.
  const chat = customer.getByTestId("customer-chat");
  await chat.getByLabel("Ditt meddelande").pressSequentially("Varför är fakturan", { delay: 20 });
  await expect(agent.getByTestId("agent-chat").getByTestId("chat-typing")).toHaveText(/is typing/);
  await chat.getByLabel("Ditt meddelande").pressSequentially(" högre än förra månaden?");
  await chat.getByRole("button", { name: "Skicka" }).click();
  const agentChat = agent.getByTestId("agent-chat");
  await expect(agentChat.getByTestId("chat-message").last()).toContainText(
    "Varför är fakturan högre än förra månaden?",
  );
  // The agent has it on screen: the customer sees it read.
  await expect(chat.getByTestId("chat-message").last().getByTestId("chat-mark")).toHaveText("Läst");

  // The agent answers; the customer sees the typing, the answer and the agent's name.
  await agentChat
    .getByRole("textbox", { name: "Reply" })
    .pressSequentially("Hej! Oktober var kall,", { delay: 20 });
  await expect(chat.getByTestId("chat-typing")).toHaveText("Sara skriver …");
  await agentChat
    .getByRole("textbox", { name: "Reply" })
    .pressSequentially(" så förbrukningen steg.");
  await agentChat.getByRole("button", { name: "Send" }).click();
  const answer = chat.getByTestId("chat-message").last();
  await expect(answer).toContainText("Hej! Oktober var kall, så förbrukningen steg.");
  await expect(answer).toContainText("Sara, kundservice");
  await chat.scrollIntoViewIfNeeded();
  await expect(agentChat.getByTestId("chat-message").last().getByTestId("chat-mark")).toHaveText(
    "Read",
  );

  // An internal note: the agent sees it, the customer never does.
  await agentChat.getByLabel("Internal note (staff only)").check();
  await agentChat
    .getByRole("textbox", { name: "Internal note" })
    .fill("Kunden verkar orolig – erbjud respit vid behov");
  await agentChat.getByRole("button", { name: "Add note" }).click();
  await expect(agentChat.getByTestId("chat-note")).toContainText("Kunden verkar orolig");
  await agentChat.getByLabel("Reply to customer").check();
  await agentChat
    .getByRole("textbox", { name: "Reply" })
    .fill("Säg till om du vill ha mer tid att betala.");
  await agentChat.getByRole("button", { name: "Send" }).click();
  await expect(chat.getByTestId("chat-message").last()).toContainText("mer tid att betala");
  await expect(customer.getByText("Kunden verkar orolig")).toHaveCount(0);
  await customer.reload();
  await expect(customer.getByTestId("chat-message")).toHaveCount(3);
  await expect(customer.getByText("Kunden verkar orolig")).toHaveCount(0);

  // The conversation is in the inbox, answered, with who handles it.
  await agent.goto("/agent");
  const item = agent.locator(`[data-invoice-id="${invoice.invoiceId}"]`);
  await expect(item).toContainText("Handled by Sara Lind");
  await customer.context().close();
  await agent.context().close();
});

test("an agent credits a line live; the customer's page updates without reload; a stale edit is refused", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  const org = await fixtures.organization("broadband");
  const invoice = await fixtures.customer(org, { latest: "open" });
  const customer = await customerPage(browser, baseURL!, invoice.token);
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  const colleague = await signedInStaff(browser, baseURL!, org.staff.admin.email);
  await agent.goto(`/agent/invoices/${invoice.invoiceId}`);
  await colleague.goto(`/agent/invoices/${invoice.invoiceId}`);
  const toPayBefore = await customer.getByTestId("amount-to-pay").textContent();

  // The colleague starts on a respite, based on what they see now.
  await colleague.getByRole("tab", { name: "Respite" }).click();
  const respite = colleague.getByTestId("respite-form");
  await respite.getByLabel("Internal reason (staff only)").fill("Kunden bad om mer tid");

  // Meanwhile the agent credits the first line.
  await expect(agent.getByTestId("staff-presence")).toContainText("Also here: Erik Admin");
  const credit = agent.getByTestId("credit-form");
  await credit.getByLabel("Chosen lines").check();
  await credit.getByRole("checkbox").first().check();
  await credit.getByLabel("Internal reason (staff only)").fill("Fel pris i oktober");
  await credit
    .getByLabel("Text for the customer's timeline (optional)")
    .fill("Vi har krediterat abonnemanget för oktober.");
  // A confirmation first: the amount with its VAT and what happens to the money.
  await credit.getByRole("button", { name: "Review credit note" }).click();
  const confirmation = credit.getByTestId("credit-confirmation");
  await expect(confirmation.getByTestId("credit-confirmation-amount")).toContainText(
    /A credit note of .+ including .+ VAT\./,
  );
  await confirmation.getByRole("button", { name: "Issue credit note" }).click();
  await expect(agent.getByTestId("change-done")).toHaveText(
    /^Credit note \d+ issued: .+ taken off\./,
  );

  // The customer's page follows, without a reload: amount, the credit note with its VAT, timeline.
  await expect(customer.getByTestId("amount-to-pay")).not.toHaveText(toPayBefore!);
  await expect(customer.getByTestId("credit-notes")).toBeVisible();
  await expect(customer.getByTestId("credit-note-vat").first()).toContainText("moms 25 %: −");
  await expect(customer.getByTestId("timeline")).toContainText(
    "Vi har krediterat abonnemanget för oktober.",
  );
  await expect(customer.getByTestId("live-announcement")).toContainText(
    "Fakturan har krediterats.",
  );
  expect(await isSameDocument(customer)).toBe(true);
  // The internal reason stays internal.
  await expect(customer.getByText("Fel pris i oktober")).toHaveCount(0);

  // The colleague's respite was based on the older version: refused, and they see why.
  await expect(colleague.getByTestId("changed-meanwhile")).toBeVisible();
  const dueDate = respite.getByLabel(/New due date/);
  const current = new Date(`${await dueDate.getAttribute("min")}T00:00:00Z`);
  await dueDate.fill(new Date(current.getTime() + 10 * 86_400_000).toISOString().slice(0, 10));
  await respite.getByRole("button", { name: "Grant respite" }).click();
  // It names who changed the invoice first and what they did.
  await expect(colleague.getByTestId("change-stale")).toContainText(
    new RegExp(
      `^${org.staff.agent.name} changed this invoice first: credited .+ \\(credit note \\d+\\)\\.`,
    ),
  );
  await customer.context().close();
  await agent.context().close();
  await colleague.context().close();
});
