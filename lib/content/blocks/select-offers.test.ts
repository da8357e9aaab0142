import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContentBlockInput, contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { compareOfferWithCurrentPlan } from "@/lib/content/blocks/block-offer";
import { saveContentBlock, setContentBlockStatus } from "@/lib/content/blocks/manage-blocks";
import { selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import { createCustomer, createOrganization, createUsageReadings } from "@/tests/helpers/fixtures";
import { createContract, createInvoiceFor, createPlan } from "@/tests/helpers/plan-fixtures";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const NOW = new Date("2026-03-05T10:00:00Z");
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, " ");
const text = (sv: string, en = sv) => ({
  sv: { title: sv, body: "Text" },
  en: { title: en, body: "Text" },
});

/**
 * A customer on "Fast" (49 kr + 1,29 kr/kWh, net) who used 500 kWh a month for the twelve months
 * up to their February 2026 invoice. A year on the other plans, incl. VAT:
 * Rörlig 1 425 kr cheaper (the best), Grön 1 125 kr cheaper, Dyr 2 325 kr dearer.
 */
async function world() {
  const organization = await createOrganization(db.prisma);
  const organizationId = organization.id;
  const staff = await createStaffUser(db.prisma, organizationId, { role: "MARKETER" });
  const marketer = { staffId: staff.id, organizationId };
  const plan = (code: string, name: string, monthlyFeeOre: number, unitPriceCentiOre: number) =>
    createPlan(db.prisma, organizationId, { code, name, monthlyFeeOre, unitPriceCentiOre });
  const fast = await plan("FAST", "Fast pris", 4_900, 12_900);
  await plan("RORLIG", "Rörligt elpris", 3_900, 11_200);
  await plan("GRON", "Grön el", 2_900, 11_800);
  await plan("DYR", "Dyr el", 9_900, 15_000);
  const customer = await createCustomer(db.prisma, organizationId);
  const ids = { organizationId, customerId: customer.id };
  const contract = await createContract(db.prisma, {
    ...ids,
    planId: fast.id,
    startsOn: "2024-01-01",
  });
  const invoice = await createInvoiceFor(db.prisma, {
    ...ids,
    contractId: contract.id,
    periodStart: "2026-02-01",
    periodEnd: "2026-02-28",
  });
  const start = new Date("2025-03-01T00:00:00Z").getTime();
  await createUsageReadings(db.prisma, {
    ...ids,
    invoiceId: null,
    unit: "KWH",
    from: "2025-03-01",
    count: 365,
    quantityMilli: (i) => (new Date(start + i * 86_400_000).getUTCDate() === 1 ? 500_000 : 0),
  });
  const publish = async (input: Omit<ContentBlockInput, "kind" | "slot" | "targeting">) => {
    const saved = await saveContentBlock({
      db: db.prisma,
      marketer,
      input: contentBlockInputSchema.parse({
        kind: "OFFER",
        slot: "OFFERS",
        targeting: { all: [] },
        ...input,
      }),
    });
    await setContentBlockStatus({
      db: db.prisma,
      marketer,
      blockId: saved.id,
      status: "PUBLISHED",
    });
    return saved.id;
  };
  const select = (locale: "sv" | "en" = "sv", chosenVariants?: Map<string, string>) =>
    selectBlocksForInvoice(db.prisma, {
      invoice: { id: invoice.id, ...ids },
      locale,
      now: NOW,
      chosenVariants,
    });
  const compare = (settings: unknown) =>
    compareOfferWithCurrentPlan(db.prisma, {
      invoice: { id: invoice.id, ...ids },
      settings,
      today: new Date("2026-03-05T00:00:00Z"),
    });
  return { publish, select, compare };
}

const fixed = (planCode: string) => ({ plan: { mode: "fixed" as const, planCode } });

describe("plan offers on an invoice", () => {
  it("shows one offer, the one that saves the customer most, with {{saving}} in round kronor", async () => {
    const w = await world();
    await w.publish({
      name: "Grön",
      priority: 90,
      settings: fixed("GRON"),
      variants: [{ key: "A", weight: 1, content: text("Grön el") }],
    });
    const best = await w.publish({
      name: "Bäst",
      priority: 10,
      settings: { plan: { mode: "best" } },
      variants: [
        { key: "A", weight: 1, content: text("Spara {{saving}} per år", "Save {{saving}} a year") },
      ],
    });
    await w.publish({
      name: "Dyr",
      priority: 50,
      settings: fixed("DYR"),
      variants: [{ key: "A", weight: 1, content: text("Trygg el") }],
    });

    const shown = await w.select();
    expect(shown.map((block) => block.blockId)).toEqual([best]);
    expect(plain(shown[0]?.content.title)).toBe("Spara ca 1 400 kr per år");
    expect(shown[0]?.offer).toMatchObject({
      planName: "Rörligt elpris",
      currentPlanName: "Fast pris",
      annualSavingOre: 142_500,
      isSavingInTitle: true,
    });
    const [english] = await w.select("en");
    expect(plain(english?.content.title)).toBe("Save about SEK 1,400 a year");
  });

  it("prices a fixed plan on the customer's usage, and never drops the best one for a dearer one", async () => {
    const w = await world();
    const gron = await w.publish({
      name: "Grön",
      priority: 10,
      settings: fixed("GRON"),
      variants: [{ key: "A", weight: 1, content: text("Grön el") }],
    });
    await w.publish({
      name: "Dyr",
      priority: 90,
      settings: fixed("DYR"),
      variants: [{ key: "A", weight: 1, content: text("Trygg el") }],
    });
    const shown = await w.select();
    expect(shown.map((block) => block.blockId)).toEqual([gron]);
    expect(shown[0]?.offer).toMatchObject({ annualSavingOre: 112_500, isSavingInTitle: false });
  });

  it("shows a dearer plan only with what it costs more, never with a promised saving", async () => {
    const w = await world();
    await w.publish({
      name: "Dyr med besparing",
      priority: 90,
      settings: fixed("DYR"),
      variants: [{ key: "A", weight: 1, content: text("Spara {{saving}} med Dyr el") }],
    });
    const honest = await w.publish({
      name: "Dyr",
      priority: 10,
      settings: fixed("DYR"),
      variants: [{ key: "A", weight: 1, content: text("Trygg el") }],
    });
    const shown = await w.select();
    expect(shown.map((block) => block.blockId)).toEqual([honest]);
    expect(shown[0]?.offer?.annualSavingOre).toBe(-232_500);
  });

  it("shows the console's chosen variant in a preview, even one switched off", async () => {
    const w = await world();
    const block = await w.publish({
      name: "AB",
      settings: { plan: { mode: "best" } },
      variants: [
        { key: "A", weight: 1, content: text("Variant A") },
        { key: "B", weight: 0, content: text("Variant B") },
      ],
    });
    expect((await w.select())[0]?.variantKey).toBe("A");
    const [chosen] = await w.select("sv", new Map([[block, "B"]]));
    expect(chosen).toMatchObject({ variantKey: "B", content: { title: "Variant B" } });
    // A key the block does not have leaves the customer's own variant.
    expect((await w.select("sv", new Map([[block, "Z"]])))[0]?.variantKey).toBe("A");
  });

  it("compares any offer with the customer's current plan for the console, shown or not", async () => {
    const w = await world();
    expect(await w.compare(fixed("DYR"))).toEqual({
      planName: "Dyr el",
      isCurrentPlan: false,
      currentPlanName: "Fast pris",
      annualSavingOre: -232_500,
      monthsConsidered: 12,
      monthlyFeeOre: 12_375,
      currentMonthlyFeeOre: 6_125,
    });
    expect(await w.compare({ plan: { mode: "best" } })).toMatchObject({
      planName: "Rörligt elpris",
      annualSavingOre: 142_500,
    });
    expect(await w.compare(fixed("FAST"))).toMatchObject({ isCurrentPlan: true });
    expect(await w.compare(fixed("NOPE"))).toBeNull();
  });
});
