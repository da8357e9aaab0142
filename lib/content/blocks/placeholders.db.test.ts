import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlaceholderValues } from "@/lib/content/blocks/placeholders";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { createCustomer, createOrganization } from "@/tests/helpers/fixtures";
import { createContract, createPlan } from "@/tests/helpers/plan-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("loadPlaceholderValues", () => {
  it("shows prices with VAT, the campaign price while it runs and the list price after", async () => {
    const organization = await createOrganization(db.prisma);
    const plan = await createPlan(db.prisma, organization.id, {
      monthlyFeeOre: 3_900,
      vatRate: 25,
    });
    const customer = await createCustomer(db.prisma, organization.id, {
      name: "Anna Berg",
      customerSince: new Date("2020-03-01T00:00:00Z"),
    });
    await createContract(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
      planId: plan.id,
      startsOn: "2020-03-01",
      campaignEndsOn: "2026-12-31",
      campaignMonthlyFeeOre: 1_900,
    });
    const during = await loadPlaceholderValues(db.prisma, {
      customerId: customer.id,
      locale: "sv",
      today: parseCalendarDate("2026-11-23"),
    });
    expect(during).toMatchObject({
      firstName: "Anna",
      customerYears: "6",
      campaignEndsOn: "31 december 2026",
    });
    expect(during.monthlyFee?.replace(/\s/g, " ")).toBe("23,75 kr");
    expect(during.priceAfterCampaign?.replace(/\s/g, " ")).toBe("48,75 kr");
    const after = await loadPlaceholderValues(db.prisma, {
      customerId: customer.id,
      locale: "sv",
      today: parseCalendarDate("2027-01-15"),
    });
    expect(after.campaignEndsOn).toBeUndefined();
    expect(after.monthlyFee?.replace(/\s/g, " ")).toBe("48,75 kr");
  });
});
