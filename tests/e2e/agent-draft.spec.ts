import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

// Reproduction (issue: "the workspace 404s for drafts, so the draft line editor is unreachable").
test("an agent opens a draft in the workspace and saves a price to four decimals, a discount and a 0 % reason", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.skip(test.info().project.name !== "desktop", "a staff console");
  const org = await fixtures.organization("energy");
  const invoice = await fixtures.customer(org, { latest: "open", earlier: 0 });
  const { draftId } = await fixtures.draft(invoice.invoiceId);
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  await agent.goto(`/agent/invoices/${draftId}`);
  await expect(agent.getByTestId("draft-notice")).toContainText("Draft: not yet issued");
  const editor = agent.getByTestId("draft-lines-editor");
  await expect(editor.getByLabel("Price, line 1")).toHaveValue("1,0937");

  await editor.getByLabel("Price, line 1").fill("0,4390");
  await editor.getByLabel("Discount, line 1").fill("5");
  await editor.getByRole("button", { name: "Add line" }).click();
  await editor.getByLabel("Description, line 2").fill("Insamling");
  await editor.getByLabel("Price, line 2").fill("50");
  await editor.getByLabel("VAT rate, line 2").selectOption("0");
  // A 0 % line without its legal reason is refused before anything is sent.
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(agent.getByTestId("change-error")).toContainText("needs its legal reason");
  await editor
    .getByLabel("Reason for 0 % VAT, line 2")
    .fill("Gåva, utanför mervärdesskattens tillämpningsområde");
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(agent.getByTestId("change-done")).toHaveText("Draft saved.");

  await agent.reload();
  await expect(editor.getByLabel("Price, line 1")).toHaveValue("0,4390");
  await expect(editor.getByLabel("Discount, line 1")).toHaveValue("5,00");
  await expect(agent.getByTestId("unit-price").first()).toHaveText(/43,90\söre/);
  await expect(agent.getByTestId("line-no-vat")).toHaveText(
    "Ingen moms: Gåva, utanför mervärdesskattens tillämpningsområde",
  );
  await agent.context().close();
});
