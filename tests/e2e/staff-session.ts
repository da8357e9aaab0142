import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "./demo-data";

/** A fresh browser context signed in as a demo staff member (its own cookies, like another person). */
export async function signedInStaff(
  browser: Browser,
  baseURL: string,
  email: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/(agent|admin|marketing|finance)$/);
  return page;
}
