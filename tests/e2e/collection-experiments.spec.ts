import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

/**
 * Experiments on collection steps as finance runs them: a two-variant reminder made in the
 * policy editor shows its split in the forecast, and the demo's year of history shows the
 * outcomes per variant on the dashboard.
 */
test("finance splits a reminder into two variants, the forecast shows the split, and the dashboard shows outcomes per variant", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.skip(test.info().project.name !== "desktop", "a console journey: one run is enough");
  test.setTimeout(120_000);
  const org = await fixtures.organization("broadband");
  await fixtures.collectionPolicy(org, { standard: true });
  const customers = [];
  for (let i = 0; i < 4; i += 1) {
    customers.push(await fixtures.customer(org, { latest: "open", agreedToReminderFee: true }));
  }

  const finance = await signedInStaff(browser, baseURL!, org.staff.finance.email);
  await finance.goto("/finance/collections");
  await finance.getByRole("link", { name: "Edit" }).first().click();
  await expect(finance.getByRole("heading", { level: 1 })).toContainText("Standard");

  // The reminder (the policy's second step) becomes a split: A as written, B an SMS after 3 days.
  const reminder = finance.getByTestId("step-experiment").nth(1);
  await reminder.getByRole("radio", { name: /^Split/ }).check();
  const variants = reminder.getByTestId("step-variant");
  await expect(variants).toHaveCount(2);
  await expect(reminder.getByTestId("split-total")).toContainText("now 100");
  const b = variants.nth(1);
  await b.getByLabel("Days after (− before)").fill("3");
  await b.getByLabel("Channel").selectOption("SMS");
  await finance.getByRole("button", { name: "Save" }).first().click();
  await expect(finance.getByText("Saved.", { exact: false })).toBeVisible();
  await finance.goto("/finance/collections");
  await expect(finance.getByRole("main")).toContainText("test A/B 50/50");

  // The forecast names each invoice's variant, with B's channel, and totals the days per variant.
  await finance.goto("/finance/collections/forecast?days=90&limit=100");
  for (const customer of customers) {
    const row = finance
      .getByTestId("forecast-invoice")
      .filter({ has: finance.getByRole("cell", { name: String(customer.number), exact: true }) });
    const reminderStep = row
      .getByRole("listitem")
      .filter({ hasText: /^\d{4}-\d{2}-\d{2} · Påminnelse/ });
    await expect(reminderStep).toHaveCount(1);
    const text = (await reminderStep.textContent()) ?? "";
    expect(text).toMatch(/variant [AB]/);
    if (text.includes("variant B")) expect(text).toContain("SMS");
    else expect(text).toContain("E-post");
  }
  const totals = finance
    .getByTestId("forecast-total")
    .filter({ has: finance.getByRole("cell", { name: "Påminnelse", exact: true }) });
  expect(await totals.count()).toBeGreaterThan(0);
  for (const variant of await totals.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute("data-variant")),
  )) {
    expect(["A", "B"]).toContain(variant);
  }

  // The demo company's year of history: outcomes of its A/B reminder per variant.
  const demoFinance = await signedInStaff(browser, baseURL!, "finance@fiberlank.example");
  await expect(async () => {
    await demoFinance.goto("/finance?period=month");
    const results = demoFinance.getByTestId("experiment-results").filter({ hasText: "Standard" });
    await expect(results.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const results = demoFinance
    .getByTestId("experiment-results")
    .filter({ hasText: "Standard" })
    .first();
  await expect(results.getByRole("columnheader", { name: /^A: / })).toBeVisible();
  await expect(results.getByRole("columnheader", { name: /^B: / })).toBeVisible();
  await expect(results.getByRole("rowheader").first()).toBeVisible();

  // The decisions page shows the allocation over time: twelve weeks, the history's in them.
  await demoFinance.goto("/finance/collections/decisions");
  await demoFinance
    .getByTestId("experiment-step")
    .filter({ hasText: "Standard" })
    .first()
    .getByRole("link", { name: /^Decisions/ })
    .click();
  const weeks = demoFinance.getByTestId("weekly-allocation-row");
  await expect(weeks).toHaveCount(12);
  const counted = await weeks.evaluateAll((rows) =>
    rows.map((row) => Number(row.querySelector("td")?.textContent ?? "0")),
  );
  expect(counted.some((count) => count > 0)).toBe(true);
});
