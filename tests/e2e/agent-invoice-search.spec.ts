import { expect, type Locator, type Page, test } from "@playwright/test";
import { parseMoney } from "@/lib/money/money";
import { DEMO_ORGANIZATIONS, DEMO_STAFF_PASSWORD, expectedInvoices } from "./demo-data";
import { preferEnglish } from "./staff-session";

const org = DEMO_ORGANIZATIONS[0]!;

async function signInAsAgent(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(`agent@${org.emailDomain}`);
  await page.getByLabel("Password").fill(DEMO_STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/agent$/);
  await preferEnglish(page);
}

function results(page: Page) {
  const table = page.getByRole("table", { name: "Invoices" });
  const cells = (column: string) => table.locator(`tbody td[data-column="${column}"]`);
  return {
    table,
    totalHeader: table.getByRole("columnheader", { name: "Total" }),
    summary: page.getByTestId("invoice-search-summary"),
    numbers: () => cells("number").allTextContents(),
    statuses: () => cells("status").allTextContents(),
    customers: () => cells("customer").allTextContents(),
    amounts: async () =>
      (await cells("totalOre").allTextContents()).map((text) => parseMoney(text, { locale: "en" })),
  };
}

function isOrdered(values: number[], direction: string | null): boolean {
  return values.every((value, i) =>
    i === 0 ? true : direction === "ascending" ? values[i - 1]! <= value : values[i - 1]! >= value,
  );
}

/** Waits until the table shows rows ordered by amount in the direction its header announces. */
async function expectOrderedByAmount(totalHeader: Locator, amounts: () => Promise<number[]>) {
  await expect(async () => {
    const direction = await totalHeader.getAttribute("aria-sort");
    const values = await amounts();
    expect(values.length).toBeGreaterThan(1);
    expect(isOrdered(values, direction)).toBe(true);
  }).toPass({ timeout: 10_000 });
}

test("an agent sorts invoices by amount both ways, pages on, and a reload keeps it all", async ({
  page,
}) => {
  await signInAsAgent(page);
  await page
    .getByRole("navigation", { name: "Consoles" })
    .getByRole("link", { name: "Invoices", exact: true })
    .click();
  await expect(page).toHaveURL(/\/agent\/invoices$/);
  const view = results(page);
  await expect(view.summary).toContainText(/page 1 of \d+/);
  const pageCount = Number((await view.summary.textContent())?.match(/of (\d+)/)?.[1]);
  expect(pageCount).toBeGreaterThan(1);

  // First click: whichever direction TanStack chooses first; second click: the other one.
  await view.totalHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=totalOre/);
  await expect(view.totalHeader).toHaveAttribute("aria-sort", /^(ascending|descending)$/);
  const first = await view.totalHeader.getAttribute("aria-sort");
  await expectOrderedByAmount(view.totalHeader, view.amounts);
  const other = first === "ascending" ? "descending" : "ascending";
  await view.totalHeader.getByRole("button").click();
  await expect(view.totalHeader).toHaveAttribute("aria-sort", other);
  await expect(page).toHaveURL(new RegExp(`dir=${other === "ascending" ? "asc" : "desc"}`));
  await expectOrderedByAmount(view.totalHeader, view.amounts);
  // Make it ascending for the page check below.
  if (other !== "ascending") {
    await view.totalHeader.getByRole("button").click();
    await expect(view.totalHeader).toHaveAttribute("aria-sort", "ascending");
    await expectOrderedByAmount(view.totalHeader, view.amounts);
  }
  const lastOnFirstPage = (await view.amounts()).at(-1)!;

  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(view.summary).toContainText(`page 2 of ${pageCount}`);
  await expectOrderedByAmount(view.totalHeader, view.amounts);
  expect((await view.amounts())[0]).toBeGreaterThanOrEqual(lastOnFirstPage);
  const secondPage = await view.numbers();

  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(view.summary).toContainText(`page 2 of ${pageCount}`);
  await expect(view.totalHeader).toHaveAttribute("aria-sort", "ascending");
  expect(await view.numbers()).toEqual(secondPage);
});

test("an agent filters by status and by customer; the filters survive a reload", async ({
  page,
}) => {
  await signInAsAgent(page);
  await page.goto("/agent/invoices");
  const view = results(page);
  await expect(view.summary).toContainText(/page 1 of/);

  await page.getByRole("checkbox", { name: "paid", exact: true }).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/status=PAID/);
  await expect.poll(async () => [...new Set(await view.statuses())]).toEqual(["paid"]);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "paid", exact: true })).toBeChecked();
  await expect.poll(async () => [...new Set(await view.statuses())]).toEqual(["paid"]);

  // A customer of this organisation, as the seeded database knows them.
  const showcase = expectedInvoices().find((invoice) => invoice.organization === org.name)!;
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/agent\/invoices$/);
  await page.getByLabel("Customer name or number").fill(showcase.customerName.toUpperCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/customer=/);
  await expect(async () => {
    const customers = await view.customers();
    expect(customers.length).toBeGreaterThan(0);
    for (const customer of customers) expect(customer).toContain(showcase.customerName);
    expect(await view.numbers()).toContain(String(showcase.number));
  }).toPass({ timeout: 10_000 });
  await page.reload();
  await expect(page.getByLabel("Customer name or number")).toHaveValue(
    showcase.customerName.toUpperCase(),
  );
  expect(await view.numbers()).toContain(String(showcase.number));
});

test("a bad search parameter is named on the page instead of failing it", async ({ page }) => {
  await signInAsAgent(page);
  const response = await page.goto("/agent/invoices?pageSize=7&sort=totalOre");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("invoice-search-problems")).toContainText("pageSize");
  await expect(results(page).totalHeader).toHaveAttribute("aria-sort", /ascending|descending/);
});
