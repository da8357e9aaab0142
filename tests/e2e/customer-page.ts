import { type Browser, expect, type Page } from "@playwright/test";

/** A customer's own browser (a fresh context, like another person) on their invoice link. */
export async function openCustomerPage(
  browser: Browser,
  baseURL: string,
  path: string,
  locale: "sv" | "en" = "sv",
): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "nota-lang", value: locale, url: `${baseURL}/i/` }]);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/**
 * Waits until the page's live connection is up (the chat's support status has left
 * "connecting"), so a change made from now on reaches it, then marks this very document: the
 * mark must survive every live update, which proves the page was never reloaded.
 */
export async function markLiveDocument(page: Page): Promise<void> {
  await expect(page.getByTestId("support-status")).not.toHaveText(
    /Ansluter|Anslutningen bröts|Connecting|Connection lost/,
  );
  await page.evaluate(() => {
    (window as unknown as { notaNoReload: boolean }).notaNoReload = true;
  });
}

export const isSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { notaNoReload?: boolean }).notaNoReload === true);
