import { expect, type Page, test } from "@playwright/test";
import { DEMO_ORGANIZATIONS, DEMO_STAFF, DEMO_STAFF_PASSWORD } from "./demo-data";
import { preferEnglish } from "./staff-session";

const org = DEMO_ORGANIZATIONS[0]!;
const home = {
  ADMIN: "/admin",
  AGENT: "/agent",
  MARKETER: "/marketing",
  FINANCE: "/finance",
} as const;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

for (const staff of DEMO_STAFF) {
  test(`${staff.role.toLowerCase()} signs in and lands on their console`, async ({ page }) => {
    await signIn(page, `${staff.key}@${org.emailDomain}`, DEMO_STAFF_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${home[staff.role]}$`));
    await expect(page.getByTestId("signed-in-as")).toContainText(staff.name);
    await expect(page.getByTestId("signed-in-as")).toContainText(org.name);
  });
}

test("a marketer cannot open the support console, an admin can open every console", async ({
  page,
}) => {
  await signIn(page, `marketing@${org.emailDomain}`, DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/marketing$/);
  await page.goto("/agent");
  // In the demo company's language: Swedish.
  await expect(page.getByRole("heading", { name: "Inte tillgängligt för din roll" })).toBeVisible();

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, `admin@${org.emailDomain}`, DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  for (const path of ["/agent", "/marketing", "/admin"]) {
    await page.goto(path);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
  }
});

test("the support console shows the organisation's own conversations and invoices only", async ({
  page,
}) => {
  await signIn(page, `agent@${org.emailDomain}`, DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/agent$/);
  await preferEnglish(page);
  // The demo seeds a few customers waiting for an answer in each company's inbox.
  await expect(page.getByTestId("inbox-item").first()).toBeVisible();
  await expect(page.getByText(DEMO_ORGANIZATIONS[1]!.name)).toHaveCount(0);
  await page.getByRole("link", { name: "Search invoices" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(5);
  await expect(page.getByText(DEMO_ORGANIZATIONS[1]!.name)).toHaveCount(0);
});

test("a wrong password and an unknown email fail with the same message", async ({ page }) => {
  await signIn(page, `agent@${org.emailDomain}`, "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password");
  await signIn(page, `nobody@${org.emailDomain}`, DEMO_STAFF_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password");
  await expect(page).toHaveURL(/\/signin/);
});

test("signed-out visitors are sent to sign-in from every console", async ({ page }) => {
  for (const path of ["/agent", "/marketing", "/admin"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  }
});
