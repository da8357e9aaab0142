import AxeBuilder from "@axe-core/playwright";
import type { FrameLocator, Locator, Page } from "@playwright/test";
import { isSameDocument, markLiveDocument, openCustomerPage } from "./customer-page";
import { DEMO_ORGANIZATIONS } from "./demo-data";
import { expect, type Fixtures, type OrganizationFixture, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

// The broadband catalogue the fixture company is built from (plans with their speeds).
const catalogue = DEMO_ORGANIZATIONS[1]!;

// Issue 18, item 10 (equal weights, audience size, a dearer offer's warning, any variant previewed)
// is walked on a 1400 px desktop, with axe on the editor.
test.use({ viewport: { width: 1400, height: 900 } });

// Two customers of the test's own company, apart in plan, segment and age, each with earlier
// invoices (the offer is watched on an earlier invoice's page).
async function twoCustomers(fixtures: Fixtures, org: OrganizationFixture) {
  const first = await fixtures.customer(org, {
    latest: "open",
    earlier: 2,
    planCode: "FIBER-100",
    segment: "student",
    birthYear: 2003,
    monthsAsCustomer: 20,
  });
  const second = await fixtures.customer(org, {
    latest: "open",
    earlier: 2,
    planCode: "FIBER-250",
    segment: "family",
    birthYear: 1980,
    monthsAsCustomer: 90,
  });
  expect(first.customerName).not.toBe(second.customerName);
  return [first, second] as const;
}

// Facts that set one customer apart from another, in the order a marketer would reach for them.
const DISTINGUISHING_FACTS = [
  { label: "Plan code", input: "text" },
  { label: "Segment", input: "text" },
  { label: "Age group", input: "choice" },
  { label: "Customer for", input: "number" },
] as const;

const VARIANTS = {
  A: {
    sv: {
      title: "Ett abonnemang som passar dig bättre",
      body: "Byt när du vill – **utan bindningstid**.",
    },
    en: {
      title: "A plan that suits you better",
      body: "Switch whenever you like – **no lock-in**.",
    },
  },
  B: {
    sv: {
      title: "Dags att byta fart på fibern?",
      body: "Nya hastigheten gäller från nästa månad.",
    },
    en: {
      title: "Time to change your fibre speed?",
      body: "The new speed applies from next month.",
    },
  },
} as const;

async function previewAs(page: Page, customer: { customerName: string; number: number }) {
  const preview = page.getByTestId("block-preview");
  await preview
    .getByLabel("Preview as customer (name or customer number)")
    .fill(customer.customerName);
  await preview
    .getByTestId("preview-customers")
    .getByRole("button")
    .filter({ hasText: customer.customerName })
    .filter({ hasText: `invoice ${customer.number} (` })
    .click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.getByTestId("content-preview")).toContainText(
    `Preview for ${customer.customerName}`,
  );
  return frame;
}

const factIn = (frame: FrameLocator, label: string) =>
  frame
    .getByTestId("preview-verdict")
    .locator(`xpath=.//dt[normalize-space(.)="${label}"]/following-sibling::dd[1]`);

async function fillVariant(variant: Locator, texts: (typeof VARIANTS)["A" | "B"]) {
  for (const [language, locale] of [
    ["Swedish", "sv"],
    ["English", "en"],
  ] as const) {
    const fields = variant.getByRole("group", { name: language });
    await fields.getByRole("textbox", { name: /^Title/ }).fill(texts[locale].title);
    // The text's accessible name grows with its hint once shown; it is the group's one textarea.
    await fields.locator("textarea").fill(texts[locale].body);
  }
}

/** The analytics table's cell for one measure of one variant. */
async function analyticsCell(page: Page, measure: string, variantKey: string) {
  const table = page.getByTestId("analytics-variants");
  const headers = await table.locator("thead th").allTextContents();
  const column = headers.indexOf(`Variant ${variantKey}`);
  expect(column).toBeGreaterThan(0);
  return table
    .locator("tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: measure, exact: true }) })
    .locator("td")
    .nth(column - 1);
}

test("a marketer targets an offer with two variants, previews, publishes; one customer sees it live and accepts; analytics and the agent see it", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.setTimeout(120_000);
  const org = await fixtures.organization("broadband");
  const [chosen, other] = await twoCustomers(fixtures, org);
  const blockName = `Fiberbyte ${Date.now().toString(36)}`;
  const marketer = await signedInStaff(browser, baseURL!, org.staff.marketing.email);
  let blockId: string | null = null;
  try {
    // Maja starts a new offer block, writes two variants and adds a first condition.
    await marketer
      .getByRole("navigation", { name: "New content block" })
      .getByRole("link", { name: "Offer", exact: true })
      .click();
    await marketer.getByLabel("Internal name").fill(blockName);
    await marketer.getByLabel(/^Priority/).fill("500");
    await marketer.getByRole("button", { name: "Add variant B" }).click();
    // A new variant gets the same weight as the one before it: half the customers each.
    const weightA = await marketer.getByTestId("variant-A").getByLabel("Weight").inputValue();
    await expect(marketer.getByTestId("variant-B").getByLabel("Weight")).toHaveValue(weightA);
    await expect(marketer.getByTestId("variant-A")).toContainText("50 % of customers");
    await expect(marketer.getByTestId("variant-B")).toContainText("50 % of customers");
    await fillVariant(marketer.getByTestId("variant-A"), VARIANTS.A);
    await fillVariant(marketer.getByTestId("variant-B"), VARIANTS.B);
    await expect(marketer.getByTestId("variant-B")).toContainText("50 % of customers");
    const targeting = marketer.getByTestId("targeting-editor");
    await targeting.getByRole("button", { name: "+ condition" }).click();
    const condition = targeting.getByTestId("targeting-condition");

    // The first condition ("customer for 0 months") selects neither customer; the preview says
    // so and lists each one's facts.
    const facts: Record<string, string>[] = [];
    for (const customer of [chosen, other]) {
      const frame = await previewAs(marketer, customer);
      const verdict = frame.getByTestId("preview-verdict");
      await expect(verdict).toHaveAttribute("data-selected", "no");
      await expect(verdict).toContainText(`The rule does not select ${customer.customerName}.`);
      const known: Record<string, string> = {};
      for (const fact of DISTINGUISHING_FACTS)
        known[fact.label] = (await factIn(frame, fact.label).textContent())!.trim();
      facts.push(known);
    }
    const [chosenFacts, otherFacts] = facts as [Record<string, string>, Record<string, string>];

    // She targets what sets the first customer apart, and offers a plan they do not have.
    const fact = DISTINGUISHING_FACTS.find(
      ({ label }) => chosenFacts[label] !== "unknown" && chosenFacts[label] !== otherFacts[label],
    );
    expect(fact, `no fact tells ${chosen.customerName} from ${other.customerName}`).toBeDefined();
    const value = chosenFacts[fact!.label]!;
    test.info().annotations.push({ type: "targeting", description: `${fact!.label} is ${value}` });
    await condition.getByLabel("Fact").selectOption({ label: fact!.label });
    const valueInput = condition.getByLabel(`Value for ${fact!.label}`);
    if (fact!.input === "choice") await valueInput.selectOption(value);
    else
      await valueInput.fill(fact!.input === "number" ? String(Number.parseInt(value, 10)) : value);
    const plan = catalogue.plans
      .filter((candidate) => candidate.kind === "BROADBAND")
      .sort((a, b) => (b.downloadMbps ?? 0) - (a.downloadMbps ?? 0))
      .find((candidate) => candidate.code !== chosenFacts["Plan code"])!;
    await marketer.getByRole("radio", { name: /A fixed plan/ }).check();
    await marketer.getByLabel("Plan", { exact: true }).selectOption(plan.code);
    // The editor counts the customers the rule selects: at least the chosen one.
    const audience = marketer.getByTestId("audience-size");
    await expect(audience).toHaveAttribute("data-state", "counted");
    await expect(audience).toHaveText(
      /^This rule selects (about )?\d[\d,]* of \d[\d,]* customers? with an invoice\./,
    );
    expect(Number(await audience.getAttribute("data-matching"))).toBeGreaterThanOrEqual(1);

    // The preview now leaves the other customer out and shows the offer to the chosen one.
    const otherPreview = marketer.frameLocator('[data-testid="preview-frame"]');
    await expect(otherPreview.getByTestId("preview-verdict")).toHaveAttribute(
      "data-selected",
      "no",
    );
    await expect(otherPreview.getByTestId("preview-verdict")).toContainText(
      "The block is not on the invoice below.",
    );
    const chosenPreview = await previewAs(marketer, chosen);
    const chosenVerdict = chosenPreview.getByTestId("preview-verdict");
    await expect(chosenVerdict).toHaveAttribute("data-selected", "yes");
    await expect(chosenVerdict).toContainText(
      `The rule selects ${chosen.customerName}. The block is on the invoice below.`,
    );
    await expect(
      chosenPreview.locator('[data-testid="content-block"][data-block-id="preview"]'),
    ).toContainText(`Byt till ${plan.name}`);
    // Whether the plan would cost this customer more or less is said beside the preview.
    await expect(chosenPreview.getByTestId("offer-cost-note")).toHaveAttribute(
      "data-tone",
      /^(warning|info)$/,
    );
    await expect(chosenPreview.getByTestId("offer-cost-note")).toContainText(plan.name);
    // Any variant can be previewed, not only the one the customer is assigned.
    for (const key of ["A", "B"] as const) {
      await marketer
        .getByTestId("preview-variants")
        .getByRole("link", { name: `Preview variant ${key}` })
        .click();
      const shown = marketer.frameLocator('[data-testid="preview-frame"]');
      await expect(shown.getByTestId("preview-variant")).toContainText(`Showing variant ${key}`);
      await expect(
        shown.locator('[data-testid="content-block"][data-block-id="preview"]'),
      ).toContainText(VARIANTS[key].sv.title);
    }
    await marketer
      .getByTestId("preview-variants")
      .getByRole("link", { name: "Assigned variant" })
      .click();
    // Every axe rule on the editor; the WCAG rules on the whole page, the preview's frame included.
    const described = (
      violations: Array<{ id: string; help: string; nodes: { target: unknown[] }[] }>,
    ) =>
      violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
      );
    const editorAxe = await new AxeBuilder({ page: marketer })
      .include('[data-testid="block-editor"]')
      .analyze();
    expect(described(editorAxe.violations)).toEqual([]);
    const pageAxe = await new AxeBuilder({ page: marketer })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(described(pageAxe.violations)).toEqual([]);

    // Saved as a draft: customers see nothing yet.
    await marketer.getByRole("button", { name: "Create draft" }).click();
    await expect(marketer).toHaveURL(/\/marketing\/blocks\/[0-9a-f-]{36}$/);
    blockId = marketer.url().split("/").pop()!;
    await expect(marketer.getByTestId("block-status-value")).toHaveText("draft");

    // Both customers have their previous invoice open.
    const [chosenPage, otherPage] = (await Promise.all(
      [chosen, other].map(async (customer) => {
        const page = await openCustomerPage(browser, baseURL!, `/i/${customer.token}`);
        await page.getByTestId("other-invoices").getByRole("link").first().click();
        await expect(page).toHaveURL(new RegExp(`/i/${customer.token}/n/\\d+$`));
        await markLiveDocument(page);
        return page;
      }),
    )) as [Page, Page];
    const earlierNumber = chosenPage.url().split("/").pop()!;
    const chosenBlock = chosenPage.locator(
      `[data-testid="content-block"][data-block-id="${blockId}"]`,
    );
    const otherBlock = otherPage.locator(
      `[data-testid="content-block"][data-block-id="${blockId}"]`,
    );
    await expect(chosenBlock).toHaveCount(0);
    await expect(otherBlock).toHaveCount(0);
    const impression = chosenPage.waitForResponse(
      (response) =>
        response.url().endsWith("/content") &&
        (response.request().postData() ?? "").includes(`"blockId":"${blockId}"`),
    );

    // Maja publishes: the chosen customer's open page shows the offer at once, without a reload;
    // the other's does not.
    await marketer.getByRole("button", { name: "Publish" }).click();
    await expect(marketer.getByTestId("block-status-value")).toHaveText("published");
    await expect(chosenBlock).toBeVisible();
    expect(await isSameDocument(chosenPage)).toBe(true);
    // Screen readers hear that the page changed.
    await expect(chosenPage.getByTestId("live-announcement")).toContainText(
      "Innehållet har uppdaterats.",
    );
    const variantKey = (await chosenBlock.getAttribute("data-variant")) as "A" | "B";
    expect(["A", "B"]).toContain(variantKey);
    await expect(chosenBlock.getByRole("heading", { level: 2 })).toHaveText(
      VARIANTS[variantKey].sv.title,
    );
    // Open pages re-read within 1.5 s of the cue; the other page has had its chance.
    await otherPage.waitForTimeout(2_500);
    await expect(otherBlock).toHaveCount(0);
    expect(await isSameDocument(otherPage)).toBe(true);
    await otherPage.reload();
    await expect(otherPage.getByTestId("invoice-number")).toBeVisible();
    await expect(otherBlock).toHaveCount(0);

    // The customer scrolls to the offer (counted as seen), reads the summary and confirms.
    await chosenBlock.scrollIntoViewIfNeeded();
    expect((await impression).ok()).toBe(true);
    await chosenBlock.getByRole("button", { name: `Byt till ${plan.name}` }).click();
    await expect(chosenBlock.getByTestId("offer-summary")).toContainText(`till ${plan.name}`);
    await chosenBlock.getByRole("button", { name: "Bekräfta bytet" }).click();
    await expect(chosenBlock.getByTestId("offer-accepted")).toContainText(
      `Du har valt ${plan.name}`,
    );
    expect(await isSameDocument(chosenPage)).toBe(true);

    // The analytics count the customer's variant once seen and once accepted; the other nothing.
    const otherKey = variantKey === "A" ? "B" : "A";
    await marketer.goto(`/marketing/blocks/${blockId}/analytics`);
    await expect(marketer.getByRole("heading", { level: 1 })).toHaveText(`Analytics: ${blockName}`);
    await expect(await analyticsCell(marketer, "Impressions (invoices)", variantKey)).toHaveText(
      "1",
    );
    await expect(await analyticsCell(marketer, "Accepts", variantKey)).toHaveText("1");
    await expect(await analyticsCell(marketer, "Impressions (invoices)", otherKey)).toHaveText("0");
    await expect(await analyticsCell(marketer, "Accepts", otherKey)).toHaveText("0");

    // The agent opening the invoice the offer was accepted on sees it in the customer's context.
    const agent = await signedInStaff(browser, baseURL!, org.staff.agent.email);
    await agent.goto(`/agent/invoices/${chosen.invoiceId}`);
    await agent
      .getByTestId("customer-context")
      .getByRole("link", { name: `Invoice ${earlierNumber}`, exact: true })
      .first()
      .click();
    await expect(agent).not.toHaveURL(new RegExp(chosen.invoiceId));
    const offers = agent.getByTestId("customer-offers");
    await expect(offers).toContainText(`Accepted ${plan.name} from`);
    await expect(offers).toContainText(`“${blockName}”, invoice ${earlierNumber}`);

    await Promise.all([chosenPage, otherPage, agent].map((page) => page.context().close()));
  } finally {
    // Withdrawn, so later tests' invoice pages are as the seed left them.
    if (blockId)
      await marketer.request.post(`/api/marketing/blocks/${blockId}/status`, {
        headers: { origin: baseURL! },
        data: { status: "DRAFT" },
      });
    await marketer.context().close();
  }
});
