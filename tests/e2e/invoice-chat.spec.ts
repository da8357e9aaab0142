import AxeBuilder from "@axe-core/playwright";
import { expect, type Fixtures, test } from "./fixtures";

async function openInvoice(fixtures: Fixtures) {
  const organization = await fixtures.organization("broadband");
  return fixtures.customer(organization, { latest: "open" });
}

test("the customer asks a question with the keyboard alone, on phone and desktop, and it stays", async ({
  page,
  context,
  baseURL,
  fixtures,
}, testInfo) => {
  const invoice = await openInvoice(fixtures);
  await context.addCookies([{ name: "nota-lang", value: "en", url: `${baseURL}/i/` }]);
  await page.goto(`/i/${invoice.token}`);
  const chat = page.getByTestId("customer-chat");
  await expect(
    chat.getByRole("heading", { name: "Questions about this invoice? Ask us here." }),
  ).toBeVisible();
  // Until support answers, the customer is told what to expect.
  await expect(chat.getByTestId("support-status")).toHaveText(
    /online and answering now|We answer within \d+ hours/,
  );

  const question = `Can I pay in two parts? (${testInfo.project.name})`;
  await chat.getByLabel("Your message").focus();
  await page.keyboard.type(question);
  if (testInfo.project.name === "phone") {
    // On a touch screen Enter is a new line, as in a phone's messaging apps: send is the button.
    await page.keyboard.press("Enter");
    await expect(chat.getByLabel("Your message")).toHaveValue(`${question}\n`);
    await expect(chat.getByTestId("chat-message").filter({ hasText: question })).toHaveCount(0);
    await chat.getByRole("button", { name: "Send" }).tap();
  } else {
    await page.keyboard.press("Enter");
  }
  const mine = chat.getByTestId("chat-message").filter({ hasText: question });
  await expect(mine).toBeVisible();
  await expect(mine.getByTestId("chat-mark")).toHaveText(/Sent|Delivered|Read/);
  await expect(chat.getByLabel("Your message")).toHaveValue("");
  // The conversation is a log region for screen readers, and the page stays free of axe findings.
  await expect(chat.getByRole("log")).toContainText(question);
  const axe = await new AxeBuilder({ page }).include('[data-testid="customer-chat"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.reload();
  await expect(
    page.getByTestId("customer-chat").getByTestId("chat-message").filter({ hasText: question }),
  ).toBeVisible();
});

test("a message that is too long is explained before sending, and nothing is sent", async ({
  page,
  context,
  baseURL,
  fixtures,
}) => {
  const invoice = await openInvoice(fixtures);
  await context.addCookies([{ name: "nota-lang", value: "sv", url: `${baseURL}/i/` }]);
  await page.goto(`/i/${invoice.token}`);
  const chat = page.getByTestId("customer-chat");
  const before = await chat.getByTestId("chat-message").count();
  await chat.getByLabel("Ditt meddelande").fill("x".repeat(2001));
  await expect(chat.getByText("Meddelandet får vara högst 2000 tecken.")).toBeVisible();
  await expect(chat.getByRole("button", { name: "Skicka" })).toBeDisabled();
  await chat.getByLabel("Ditt meddelande").press("Enter");
  await expect(chat.getByTestId("chat-pending")).toHaveCount(0);
  expect(await chat.getByTestId("chat-message").count()).toBe(before);
});
