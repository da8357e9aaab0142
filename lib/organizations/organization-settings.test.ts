import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import {
  type OrganizationSettingsInput,
  organizationSettingsSchema,
  readOrganizationSettings,
  updateOrganizationSettings,
} from "@/lib/organizations/organization-settings";
import { parseInput } from "@/lib/validation/parse-input";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const VALID: OrganizationSettingsInput = {
  name: "Norrsken Energi AB",
  orgNumber: "556036-0793",
  vatNumber: "SE556036079301",
  hasFSkatt: true,
  addressLine1: "Kraftverksgatan 12",
  addressLine2: "",
  postalCode: "90327",
  city: "Umeå",
  bankgiro: "5050-1055",
  plusgiro: null,
  swishNumber: "123 118 11 89",
  supportEmail: "kundservice@norrsken.example",
  supportPhone: "090-123 45 00",
  paymentTermsDays: 30,
  roundToWholeKrona: true,
  reminderAfterDays: 10,
  reminderFeeOre: 6_000,
  allowPartialPayment: true,
  minimumPartialPaymentOre: 10_000,
  refundPolicy: "REFUND",
};

function refusal(input: Partial<OrganizationSettingsInput>) {
  try {
    parseInput(organizationSettingsSchema, { ...VALID, ...input });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected a refusal");
}

describe("organizationSettingsSchema", () => {
  it("accepts a real seller's details and stores them in one form", () => {
    expect(parseInput(organizationSettingsSchema, VALID)).toMatchObject({
      orgNumber: "5560360793",
      postalCode: "903 27",
      addressLine2: null,
      plusgiro: null,
    });
  });

  it("refuses numbers that are not what they say, naming the field", () => {
    expect(refusal({ orgNumber: "556036-0794" })).toMatch(/orgNumber.*check digit/);
    // A personnummer (a sole trader's) is not a legal person's organisation number.
    expect(refusal({ orgNumber: "121212-1212", vatNumber: "SE121212121201" })).toMatch(
      /third digit/,
    );
    expect(refusal({ vatNumber: "SE556036079302" })).toMatch(/vatNumber.*SE556036079301/);
    expect(refusal({ bankgiro: "5050-1056" })).toMatch(/bankgiro/);
    expect(
      parseInput(organizationSettingsSchema, { ...VALID, bankgiro: null, plusgiro: "47 11-8" }),
    ).toMatchObject({ bankgiro: null, plusgiro: "47 11-8" });
    expect(refusal({ bankgiro: null, plusgiro: null })).toMatch(/bankgiro or PlusGiro/);
    expect(refusal({ plusgiro: "47119" })).toMatch(/PlusGiro/);
    expect(refusal({ swishNumber: "0701234567" })).toMatch(/Swish business number/);
    expect(refusal({ reminderFeeOre: 6_001 })).toMatch(/at most 60 kr/);
    expect(refusal({ postalCode: "9032" })).toMatch(/postcode/);
  });
});

describe(`updateOrganizationSettings (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("saves the settings; an invoice issued before keeps the seller it was issued with", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const before = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const oldSeller = (await loadInvoicePage(db.prisma, before.id))!.organization;
    const saved = await updateOrganizationSettings({
      db: db.prisma,
      organizationId,
      input: parseInput(organizationSettingsSchema, VALID),
    });
    expect(saved).toMatchObject({ swishNumber: "1231181189", orgNumber: "5560360793" });
    expect(await readOrganizationSettings(db.prisma, organizationId)).toEqual(saved);
    const after = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    expect((await loadInvoicePage(db.prisma, after.id))!.organization.name).toBe(VALID.name);
    expect((await loadInvoicePage(db.prisma, before.id))!.organization).toMatchObject({
      name: oldSeller.name,
      orgNumber: oldSeller.orgNumber,
      addressLine1: oldSeller.addressLine1,
    });
  });

  it("cannot put a fee above 60 kr in the database, whatever the caller", async () => {
    const { organizationId } = await createOrganizationWithCustomer(db.prisma);
    await expect(
      db.prisma.organization.update({
        where: { id: organizationId },
        data: { reminderFeeOre: 6_500 },
      }),
    ).rejects.toThrow(/reminder_fee_cap/);
  });
});
