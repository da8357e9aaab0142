import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_ORGANIZATIONS } from "./demo-data";
import { test } from "./fixtures";
import { signedInStaff } from "./staff-session";

/**
 * Issue 18, item 11, on a 1400 px desktop with axe: a first start of the demo has customers
 * waiting in each company's support inbox, and marketing analytics with something to show — its
 * chart drawn from days of impressions, its table of days filled.
 */
test.use({ viewport: { width: 1400, height: 900 } });

async function noAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

for (const org of DEMO_ORGANIZATIONS) {
  test(`${org.name}: customers wait in the support inbox and the analytics show a history`, async ({
    browser,
    baseURL,
  }) => {
    // The demo's accounts are shared with other specs, whose language settings they keep: this
    // one changes no one's setting and reads no words that depend on it.
    const agent = await signedInStaff(browser, baseURL!, `agent@${org.emailDomain}`, {
      language: "own",
    });
    await expect(agent.getByTestId("inbox-item").first()).toBeVisible();
    await noAxeViolations(agent);
    await agent.context().close();

    const marketer = await signedInStaff(browser, baseURL!, `marketing@${org.emailDomain}`, {
      language: "own",
    });
    const analytics = await marketer
      .locator('a[href^="/marketing/blocks/"][href$="/analytics"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(analytics.length).toBeGreaterThan(0);
    // The blocks with a history: a chart whose lines run through a week or more of days.
    let withHistory = 0;
    for (const href of analytics) {
      await marketer.goto(href);
      const chart = marketer.getByTestId("analytics-chart");
      if ((await chart.count()) === 0) continue;
      const paths = await chart
        .locator("svg path")
        .evaluateAll((elements) => elements.map((element) => element.getAttribute("d") ?? ""));
      if (!paths.some((d) => (d.match(/L/g) ?? []).length >= 7)) continue;
      withHistory += 1;
      await chart.locator("summary").click();
      const days = marketer.getByTestId("analytics-daily-table").locator("tbody tr");
      expect(await days.count()).toBeGreaterThanOrEqual(7);
      await expect(marketer.getByTestId("analytics-variants")).toBeVisible();
      if (withHistory === 1) await noAxeViolations(marketer);
    }
    expect(withHistory).toBeGreaterThan(0);
    await marketer.context().close();
  });
}
