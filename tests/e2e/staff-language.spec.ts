import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "./demo-data";
import { test } from "./fixtures";
import { signedInStaff } from "./staff-session";

/**
 * Issue 18, item 9: the staff consoles speak each staff member's language, which follows the
 * organisation's (Swedish for the demo companies) until they choose their own in the header; the
 * choice is saved on their account and follows them to another browser.
 */
test.use({ viewport: { width: 1400, height: 900 } });

test("every console speaks the organisation's Swedish until a staff member chooses English, and the choice follows them", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.setTimeout(90_000);
  const org = await fixtures.organization("energy");
  const invoice = await fixtures.customer(org, { latest: "open" });
  const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email, {
    language: "own",
  });

  // Swedish by default, all of it: the header, the inbox, the workspace and its forms.
  const header = agent.getByRole("navigation", { name: "Konsoler" });
  await expect(header.getByRole("link", { name: "Fakturor" })).toBeVisible();
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Supportinkorg");
  await expect(agent.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await expect(agent.getByTestId("signed-in-as")).toContainText("support");
  const axe = await new AxeBuilder({ page: agent }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await agent.goto(`/agent/invoices/${invoice.invoiceId}`);
  await expect(agent.getByRole("tab", { name: "Kreditera" })).toBeVisible();
  await expect(agent.getByRole("button", { name: "Granska kreditfakturan" })).toBeVisible();
  await expect(agent.locator('[lang="sv"]').first()).toBeVisible();

  // English, chosen in the header: the same page re-renders in it at once.
  await agent.getByTestId("staff-language").selectOption("en");
  await expect(agent.getByRole("tab", { name: "Credit" })).toBeVisible();
  await expect(agent.getByRole("button", { name: "Review credit note" })).toBeVisible();
  await expect(agent.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Saved on the account: another browser signed in as the same person reads English too.
  const elsewhere = await signedInStaff(browser, baseURL!, org.staff.agent.email, {
    language: "own",
  });
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Support inbox");
  // Back to the organisation's language.
  await elsewhere.getByTestId("staff-language").selectOption("organization");
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Supportinkorg");
  await expect(elsewhere.getByTestId("staff-language")).toHaveValue("organization");

  // The other consoles follow the same language.
  for (const [who, path, heading] of [
    [org.staff.finance.email, "/finance/bank-files", "Bankfiler"],
    [org.staff.marketing.email, "/marketing", "Marknad"],
    [org.staff.marketing.email, "/marketing/receivables", "Påminnelser och kunder"],
    [org.staff.admin.email, "/admin/api-keys", "API-nycklar"],
  ] as const) {
    const page = await signedInStaff(browser, baseURL!, who, { language: "own" });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await page.context().close();
  }
  await agent.context().close();
  await elsewhere.context().close();
});

test("the sign-in page speaks the browser's language: Swedish to a Swedish browser, English to others", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  const org = await fixtures.organization("energy");
  const swedish = await browser.newContext({ baseURL, locale: "sv-SE" });
  const page = await swedish.newPage();
  await page.goto("/signin");
  await expect(page).toHaveTitle(/Inloggning för personal/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggning för personal");
  await page.getByLabel("E-post").fill(org.staff.finance.email);
  await page.getByLabel("Lösenord").fill("not the password");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Fel e-post eller lösenord");
  await page.getByLabel("Lösenord").fill(DEMO_STAFF_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/finance$/);
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await swedish.close();

  const english = await browser.newContext({ baseURL, locale: "en-GB" });
  const other = await english.newPage();
  await other.goto("/signin");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
  await expect(other.getByLabel("Email")).toBeVisible();
  await english.close();
});
