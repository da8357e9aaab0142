import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "./demo-data";

/**
 * The consoles speak each staff member's language, Swedish by default for the demo companies; the
 * end-to-end tests read them in English, so a signed-in page asks for English on its account (as
 * the header's language setting does). staff-language.spec.ts walks the Swedish default.
 */
export async function preferEnglish(page: Page): Promise<void> {
  const response = await page.request.post("/api/staff/language", {
    data: { locale: "en" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status(), await response.text()).toBe(200);
  await page.reload();
}

/** A fresh browser context signed in as a demo staff member (its own cookies, like another person). */
export async function signedInStaff(
  browser: Browser,
  baseURL: string,
  email: string,
  options: { language?: "en" | "own" } = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/(agent|admin|marketing|finance)$/);
  if (options.language !== "own") await preferEnglish(page);
  return page;
}
