import { openCustomerPage } from "./customer-page";
import { expect, test } from "./fixtures";
import { outboxMails } from "./outbox";
import { signedInStaff } from "./staff-session";

test("an agent renews a leaked link: the old one stops, the customer is mailed a new one that works", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.skip(test.info().project.name !== "desktop", "a staff console");
  const org = await fixtures.organization("broadband");
  const invoice = await fixtures.customer(org, { latest: "open", earlier: 0 });
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  await agent.goto(`/agent/invoices/${invoice.invoiceId}`);
  await agent.getByRole("tab", { name: "Link" }).click();
  const form = agent.getByTestId("link-form");
  await form.getByLabel("Internal reason (staff only)").fill("Länken vidarebefordrades av misstag");
  await form.getByRole("button", { name: "Renew and mail the customer a new link" }).click();
  await expect(agent.getByTestId("change-done")).toContainText("being mailed a new one");

  const old = await openCustomerPage(browser, baseURL!, `/i/${invoice.token}`);
  await expect(old.getByRole("heading", { level: 1 })).toContainText("Page not found");

  let mail: string | undefined;
  await expect(async () => {
    mail = outboxMails().find(
      (text) => text.includes(`faktura ${invoice.number} från`) && text.includes("Ny länk"),
    );
    expect(mail).toBeDefined();
  }).toPass({ timeout: 15_000 });
  const fresh = /\/i\/[A-Za-z0-9_-]{43}/.exec(mail!)![0];
  await old.goto(fresh);
  await expect(old.getByRole("heading", { level: 1 })).toHaveText(`Faktura ${invoice.number}`);
  await old.context().close();
  await agent.context().close();
});
