import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/database";
import { loadBestPlan } from "@/lib/offers/best-plan";
import { createCustomer, createOrganization, createUsageReadings } from "@/tests/helpers/fixtures";
import { createContract, createInvoiceFor, createPlan } from "@/tests/helpers/plan-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
let organizationId: string;
const plans: Record<string, { id: string; code: string }> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  organizationId = (await createOrganization(db.prisma)).id;
  const energy = (
    code: string,
    monthlyFeeOre: number,
    unitPriceCentiOre: number,
    isActive = true,
  ) => createPlan(db.prisma, organizationId, { code, monthlyFeeOre, unitPriceCentiOre, isActive });
  plans.rorlig = await energy("EL-RORLIG", 3_900, 11_200);
  plans.fast = await energy("EL-FAST12", 4_900, 12_900);
  plans.gron = await energy("EL-GRON", 2_900, 11_800);
  // Cheaper than all, but no longer sold.
  plans.retired = await energy("EL-RETIRED", 0, 100, false);
  // Cheaper than all, but another kind.
  plans.mobile = await createPlan(db.prisma, organizationId, {
    code: "MOBIL-1",
    kind: "MOBILE",
    usageUnit: "GB",
    monthlyFeeOre: 1,
    unitPriceCentiOre: 100,
  });
  const broadband = (code: string, monthlyFeeOre: number) =>
    createPlan(db.prisma, organizationId, {
      code,
      kind: "BROADBAND",
      usageUnit: null,
      unitPriceCentiOre: 0,
      monthlyFeeOre,
    });
  plans.fiber100 = await broadband("FIBER-100", 26_320);
  plans.fiber1000 = await broadband("FIBER-1000", 43_920);
  // Another biller's plan, cheaper than all.
  const other = await createOrganization(db.prisma);
  await createPlan(db.prisma, other.id, {
    code: "EL-RORLIG",
    monthlyFeeOre: 0,
    unitPriceCentiOre: 100,
  });
});
afterAll(async () => db?.close());

/** A customer on a plan with an invoice for February 2026 on that contract. */
async function customerOn(planId: string) {
  const customer = await createCustomer(db.prisma, organizationId);
  const ids = { organizationId, customerId: customer.id };
  const contract = await createContract(db.prisma, { ...ids, planId, startsOn: "2024-01-01" });
  const invoice = await createInvoiceFor(db.prisma, {
    ...ids,
    contractId: contract.id,
    periodStart: "2026-02-01",
    periodEnd: "2026-02-28",
  });
  return { ...ids, invoiceId: invoice.id };
}

/** Daily readings from `from`, `kwhPerMonth` on the 1st of each month and 0 on other days. */
function monthlyReadings(
  ids: { organizationId: string; customerId: string },
  from: string,
  days: number,
  kwhPerMonth: number,
  unit: "KWH" | "GB" = "KWH",
) {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return createUsageReadings(db.prisma, {
    ...ids,
    invoiceId: null,
    unit,
    from,
    count: days,
    quantityMilli: (i) =>
      new Date(start + i * 86_400_000).getUTCDate() === 1 ? kwhPerMonth * 1_000 : 0,
  });
}

describe("loadBestPlan", () => {
  it("finds the cheapest active plan of the same kind over the last twelve months", async () => {
    const ids = await customerOn(plans.rorlig!.id);
    // February 2025 (13 months back) and March 2026 (after the invoice) are outside the window.
    await monthlyReadings(ids, "2025-02-01", 28 + 365 + 31, 100);
    // A day reported by the hour as well as by the day is counted once.
    await createUsageReadings(db.prisma, {
      ...ids,
      invoiceId: null,
      unit: "KWH",
      resolution: "HOUR",
      from: "2025-06-01",
      count: 24,
      quantityMilli: () => 5_000_000,
    });
    const result = await loadBestPlan(db.prisma, { invoiceId: ids.invoiceId });
    expect(result).toMatchObject({
      currentPlan: { code: "EL-RORLIG" },
      bestPlan: { code: "EL-GRON", id: plans.gron!.id },
      isCurrentPlanBest: false,
      annualSavingOre: 4_800,
      annualSavingInclVatOre: 6_000,
      monthsConsidered: 12,
      usageUnit: "KWH",
    });
  });

  it("keeps a heavy user where they are, with no saving", async () => {
    const ids = await customerOn(plans.rorlig!.id);
    await monthlyReadings(ids, "2025-03-01", 365, 1_000);
    const result = await loadBestPlan(db.prisma, { invoiceId: ids.invoiceId });
    expect(result).toMatchObject({
      bestPlan: { code: "EL-RORLIG" },
      isCurrentPlanBest: true,
      annualSavingOre: 0,
    });
  });

  it("leaves out half-read months and scales the rest to a year", async () => {
    const ids = await customerOn(plans.fast!.id);
    // November 2025 – January 2026 in full; February 2026 only ten days.
    await monthlyReadings(ids, "2025-11-01", 92 + 10, 100);
    const result = await loadBestPlan(db.prisma, { invoiceId: ids.invoiceId });
    // FAST12 4 900 + 12 900 = 17 800 a month, GRON 14 700: 3 100 × 12.
    expect(result).toMatchObject({
      bestPlan: { code: "EL-GRON" },
      monthsConsidered: 3,
      annualSavingOre: 37_200,
    });
  });

  it("still prices a retired current plan, but never offers one", async () => {
    const ids = await customerOn(plans.retired!.id);
    await monthlyReadings(ids, "2025-03-01", 365, 100);
    const result = await loadBestPlan(db.prisma, { invoiceId: ids.invoiceId });
    expect(result).toMatchObject({ currentPlan: { code: "EL-RETIRED" }, isCurrentPlanBest: true });
  });

  it("offers a flat-rate customer the cheaper flat plan", async () => {
    const ids = await customerOn(plans.fiber1000!.id);
    await monthlyReadings(ids, "2025-09-01", 181, 400, "GB");
    const result = await loadBestPlan(db.prisma, { invoiceId: ids.invoiceId });
    expect(result).toMatchObject({
      bestPlan: { code: "FIBER-100" },
      monthsConsidered: 6,
      annualSavingOre: 12 * 17_600,
      usageUnit: "GB",
    });
  });

  it("is null without a plan, without usage, or without the invoice", async () => {
    const customer = await createCustomer(db.prisma, organizationId);
    const noContract = await createInvoiceFor(db.prisma, {
      organizationId,
      customerId: customer.id,
      periodStart: "2026-02-01",
      periodEnd: "2026-02-28",
    });
    await monthlyReadings({ organizationId, customerId: customer.id }, "2025-03-01", 365, 100);
    expect(await loadBestPlan(db.prisma, { invoiceId: noContract.id })).toBeNull();
    const noUsage = await customerOn(plans.rorlig!.id);
    expect(await loadBestPlan(db.prisma, { invoiceId: noUsage.invoiceId })).toBeNull();
    expect(await loadBestPlan(db.prisma, { invoiceId: randomUUID() })).toBeNull();
  });

  it("finds the plan of an invoice without a contract from the contract running in its period", async () => {
    const customer = await createCustomer(db.prisma, organizationId);
    const ids = { organizationId, customerId: customer.id };
    await createContract(db.prisma, {
      ...ids,
      planId: plans.fast!.id,
      startsOn: "2020-01-01",
      endsOn: "2025-12-31",
    });
    await createContract(db.prisma, { ...ids, planId: plans.rorlig!.id, startsOn: "2026-01-01" });
    const invoice = await createInvoiceFor(db.prisma, {
      ...ids,
      periodStart: "2026-02-01",
      periodEnd: "2026-02-28",
    });
    await monthlyReadings(ids, "2025-03-01", 365, 100);
    const result = await loadBestPlan(db.prisma, { invoiceId: invoice.id });
    expect(result?.currentPlan.code).toBe("EL-RORLIG");
  });

  it("reads the database in three queries", async () => {
    const ids = await customerOn(plans.rorlig!.id);
    await monthlyReadings(ids, "2025-03-01", 365, 100);
    let queries = 0;
    const counted = db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as Db;
    await loadBestPlan(counted, { invoiceId: ids.invoiceId });
    expect(queries).toBe(3);
  });
});
