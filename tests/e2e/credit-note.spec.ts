import { extractText, getDocumentProxy } from "unpdf";
import { markLiveDocument, openCustomerPage } from "./customer-page";
import { expect, test } from "./fixtures";
import { outboxMails } from "./outbox";
import { signedInStaff } from "./staff-session";

/** A PDF as its reader sees it: the text of every page, whitespace runs as one space. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/[\s\u00A0\u202F]+/g, " ");
}

test("an agent credits one line; the customer sees the credit note live, opens it and its PDF, and is emailed", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.skip(test.info().project.name !== "desktop", "one run is enough: it drives two browsers");
  // Two browsers, a PDF and a mail: ~10 s here, more on a loaded CI machine.
  test.slow();
  const org = await fixtures.organization("energy");
  const invoice = await fixtures.customer(org, { latest: "open", name: "Łukasz Wiśniewski" });
  const customer = await openCustomerPage(browser, baseURL!, `/i/${invoice.token}`);
  await markLiveDocument(customer);
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
  await agent.goto(`/agent/invoices/${invoice.invoiceId}`);

  const credit = agent.getByTestId("credit-form");
  await credit.getByLabel("Chosen lines").check();
  await credit.getByRole("checkbox").first().check();
  await credit.getByLabel("Internal reason (staff only)").fill("Abonnemanget debiterades dubbelt");
  await credit
    .getByLabel("Text for the customer's timeline (optional)")
    .fill("Vi har krediterat månadsavgiften för perioden.");
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

  // Live, without a reload: the original lists its credit note with number, full date, VAT per rate.
  const listed = customer.getByTestId("credit-note");
  await expect(listed).toHaveCount(1);
  const creditNoteNumber = Number(await listed.getAttribute("data-number"));
  expect(creditNoteNumber).toBeGreaterThan(invoice.number);
  await expect(listed).toContainText(
    new RegExp(`Kreditfaktura ${creditNoteNumber}, daterad \\d{1,2} \\p{L}+ \\d{4}`, "u"),
  );
  await expect(listed.getByTestId("credit-note-vat")).toContainText("moms 25 %: −");
  await expect(customer.getByTestId("timeline-credit-note")).toHaveText(
    `Visa kreditfaktura ${creditNoteNumber}`,
  );
  expect(await customer.evaluate(() => (window as { notaNoReload?: boolean }).notaNoReload)).toBe(
    true,
  );

  // The credit note is a document of its own: it names the invoice it changes, and its date.
  await listed.getByRole("link").click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(
    `Kreditfaktura ${creditNoteNumber}`,
  );
  const reference = customer.getByTestId("credit-note-reference");
  await expect(reference).toHaveText(
    new RegExp(`^Avser faktura ${invoice.number}, daterad \\d{4}-\\d{2}-\\d{2}$`),
  );
  const issueDate = /daterad (\d{4}-\d{2}-\d{2})/.exec((await reference.textContent())!)![1]!;
  await expect(customer.getByTestId("credit-note-text")).toHaveText(
    "Vi har krediterat månadsavgiften för perioden.",
  );
  await expect(customer.getByTestId("credit-note-settlement")).toContainText(
    `Att betala på faktura ${invoice.number} är nu`,
  );
  const vatRow = customer.getByTestId("vat-row").first();
  await expect(vatRow).toHaveAttribute("data-vat-rate", "25");
  expect(Number(await vatRow.getAttribute("data-vat-ore"))).toBeLessThan(0);
  await expect(customer.getByText("Abonnemanget debiterades dubbelt")).toHaveCount(0);

  // Its PDF says the same, and prints the customer's name as written.
  const creditPdf = await customer.request.get(
    (await customer.getByTestId("pdf-link").getAttribute("href"))!,
  );
  expect(creditPdf.headers()["content-type"]).toBe("application/pdf");
  const creditText = await pdfText(await creditPdf.body());
  expect(creditText).toContain(`Kreditfaktura ${creditNoteNumber}`);
  expect(creditText).toContain(`Avser faktura ${invoice.number}, daterad ${issueDate}`);
  expect(creditText).toContain("Łukasz Wiśniewski");
  expect(creditText).toMatch(/25 % -?−?[\d ]+,\d\d kr -?−?[\d ]+,\d\d kr/);
  expect(creditText).toContain("Totalt krediterat");

  // The original's PDF lists the credit note with its VAT per rate.
  const originalPdf = await customer.request.get(`/i/${invoice.token}/pdf`);
  const originalText = await pdfText(await originalPdf.body());
  expect(originalText).toContain("Kreditfakturor som ändrat fakturan");
  expect(originalText).toContain(String(creditNoteNumber));
  expect(originalText).toMatch(/25 %: −[\d ]+,\d\d kr/);
  expect(originalText).toContain("Łukasz Wiśniewski");

  // The mail outbox holds the customer's notification, with a link that opens the credit note.
  let mail: string | undefined;
  await expect(async () => {
    mail = outboxMails().find((text) => text.includes(`Kreditfaktura ${creditNoteNumber} från`));
    expect(mail).toBeDefined();
  }).toPass({ timeout: 15_000 });
  expect(mail).toContain(`Den avser faktura ${invoice.number}, daterad ${issueDate}.`);
  const linkPath = /\/i\/[A-Za-z0-9_-]{43}/.exec(mail!)![0];
  const fromMail = await openCustomerPage(browser, baseURL!, linkPath);
  await expect(fromMail.getByRole("heading", { level: 1 })).toHaveText(
    `Kreditfaktura ${creditNoteNumber}`,
  );
  await customer.context().close();
  await agent.context().close();
  await fromMail.context().close();
});
