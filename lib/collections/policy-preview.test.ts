import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyInputSchema } from "@/lib/collections/policies";
import { savePolicy } from "@/lib/collections/policy-admin";
import { previewInputSchema, previewPolicyStep } from "@/lib/collections/policy-preview";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { recordPayment } from "@/lib/ledger/record-payment";
import { STANDARD_STEP_INPUTS } from "@/tests/helpers/collection-cases";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * The editor's preview on the real database: a step of the policy as edited (saved or not), for a
 * real invoice, in the customer's language, with what the engine would charge and why — and no
 * link made, nothing written.
 */
const day = parseCalendarDate;
const NBSP = "\u00A0";
const TODAY = day("2026-12-07");
const APP_URL = "https://nota.example.se";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

const POLICY = {
  name: "Alla",
  targeting: { all: [] },
  feeMinimumAmountDueOre: 10_000,
  chargeInterest: true,
  interestMinimumOre: 0,
  respiteMaxDays: 14,
  paymentPlanMinOre: null,
  paymentPlanMaxParts: 3,
  paymentPlanFeeOre: 0,
  agencyName: "Inkasso AB",
  agencyContact: "08-123 45 67",
  steps: STANDARD_STEP_INPUTS.map((step) => ({ ...step })),
};

/** An organisation with a 60 kr reminder fee and a customer who agreed to it, owing 500 kr due 10 December. */
async function world(locale: "sv" | "en" = "sv") {
  const organization = await createOrganization(db, { reminderFeeOre: 6_000 });
  const customer = await createCustomer(db, organization.id, {
    locale,
    name: "Greta Gustafsson",
    reminderFeeAgreedOn: day("2024-03-01"),
    reminderFeeAgreementSource: "Allmänna villkor 8.2",
  });
  const invoice = await createIssuedInvoice(db, {
    organizationId: organization.id,
    customerId: customer.id,
    issueDate: day("2026-11-20"),
    dueDate: day("2026-12-10"),
    lines: [
      {
        kind: "SUBSCRIPTION",
        description: "Bredband",
        quantityMilli: 4000,
        unit: "mån",
        unitPriceCentiOre: 1_000_000,
        vatRate: 25,
      },
    ],
  });
  return { organization, customer, invoice };
}

const preview = (organizationId: string, input: unknown) =>
  previewPolicyStep({
    db,
    organizationId,
    input: previewInputSchema.parse(input),
    appUrl: APP_URL,
    today: TODAY,
  });

describe("the policy editor's preview", () => {
  it("renders a step as the customer gets it, with the fee and the reasons in words, and makes no link", async () => {
    const { organization, invoice } = await world("sv");
    const links = await db.invoiceLink.count({ where: { invoiceId: invoice.id } });
    const shown = await preview(organization.id, {
      policy: POLICY,
      stepIndex: 1,
      invoiceNumber: invoice.number,
    });
    expect(shown).toMatchObject({
      invoice: {
        number: invoice.number,
        customerName: "Greta Gustafsson",
        locale: "sv",
        dueDate: "2026-12-10",
        amountDueOre: 50_000,
      },
      step: { index: 1, kind: "REMINDER", channel: "EMAIL" },
      status: "planned",
      date: "2026-12-17",
      note: null,
      amountDueOre: 50_000,
      feeOre: 6_000,
      feeKind: "reminder-fee",
      feeReason: "Påminnelseavgift enligt avtal, högst 60 kr.",
      payBy: "2026-12-28",
      currentPolicy: { name: "Standard" },
    });
    // 500 kr at 2 % + 8 points for 11–17 December: 500 × 10 % × 7 / 365.
    expect(shown.interestOre).toBe(96);
    expect(shown.interestRateBasisPoints).toBe(1000);
    expect(shown.interestReason).toBe(
      "Dröjsmålsränta enligt räntelagen: referensräntan + 8 procentenheter.",
    );
    expect(shown.message.subject).toBe(`Påminnelse: faktura ${invoice.number}`);
    expect(shown.message.body).toContain("Hej Greta Gustafsson,");
    expect(shown.message.body).toContain(`Påminnelseavgift 60,00${NBSP}kr`);
    expect(shown.message.body).toContain(`${APP_URL}/i/<länk skapas vid utskick>`);
    expect(await db.invoiceLink.count({ where: { invoiceId: invoice.id } })).toBe(links);
    expect(await db.collectionAction.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("uses the edited (unsaved) template, in the customer's language", async () => {
    const { organization, invoice } = await world("en");
    const steps = POLICY.steps.map((step, index) =>
      index === 2
        ? {
            ...step,
            templates: {
              en: {
                subject: "Last call {{invoiceNumber}}",
                body: "Dear {{customerName}}, pay {{amountDue}} by {{payBy}}: {{link}}",
                sms: "{{organizationName}}: pay {{amountDue}} now {{link}}",
              },
            },
          }
        : step,
    );
    const shown = await preview(organization.id, {
      policy: { ...POLICY, steps },
      stepIndex: 2,
      invoiceNumber: invoice.number,
    });
    expect(shown.status).toBe("planned");
    // 14 days after 17 December is New Year's Eve, no banking day; then a weekend.
    expect(shown.date).toBe("2027-01-04");
    // The reminder fee is charged once per claim: the final reminder takes none.
    expect(shown).toMatchObject({
      feeOre: 0,
      feeReason: "Avgiften är redan tagen för den här fordran (en gång per fordran).",
    });
    expect(shown.message.subject).toBe(`Last call ${invoice.number}`);
    expect(shown.message.sms).toMatch(
      /^Testbolaget .* AB: pay SEK \d+\.\d\d now https:\/\/nota\.example\.se\/i\/<link made when sent>$/,
    );
    expect(shown.message.body).toContain("Dear Greta Gustafsson");
  });

  it("previews a chosen variant: its timing, tone, texts and plan offer, with the engine's charges", async () => {
    const { organization, invoice } = await world("sv");
    const steps = POLICY.steps.map((step, index) =>
      index === 1
        ? {
            ...step,
            chargeFee: false,
            experimentMode: "SPLIT",
            variants: [
              { key: "A", name: "Avgift", weight: 50, chargeFee: true },
              {
                key: "B",
                name: "Senare, bestämd, avbetalning",
                weight: 50,
                offsetDays: 10,
                tone: "FIRM",
                channel: "SMS",
                offerPaymentPlan: true,
                templates: {
                  sv: {
                    subject: "Sista chansen {{invoiceNumber}}",
                    body: "{{customerName}}: betala {{amountDue}}. {{charges}}",
                    sms: "Betala {{amountDue}} {{link}}",
                  },
                },
              },
            ],
          }
        : step,
    );
    const policy = { ...POLICY, paymentPlanMinOre: 10_000, steps };
    const asWritten = await preview(organization.id, {
      policy,
      stepIndex: 1,
      invoiceNumber: invoice.number,
    });
    expect(asWritten).toMatchObject({ variant: null, date: "2026-12-17", feeOre: 0 });
    // Variant A charges the fee the step as written does not: as agreed, within the law.
    const a = await preview(organization.id, {
      policy,
      stepIndex: 1,
      invoiceNumber: invoice.number,
      variantKey: "A",
    });
    expect(a).toMatchObject({
      variant: { key: "A", name: "Avgift" },
      date: "2026-12-17",
      feeOre: 6_000,
      feeKind: "reminder-fee",
      feeReason: "Påminnelseavgift enligt avtal, högst 60 kr.",
    });
    expect(a.message.subject).toBe(`Påminnelse: faktura ${invoice.number}`);
    const b = await preview(organization.id, {
      policy,
      stepIndex: 1,
      invoiceNumber: invoice.number,
      variantKey: "B",
    });
    // 10 days after 10 December is a Sunday: the next banking day.
    expect(b).toMatchObject({
      variant: { key: "B", name: "Senare, bestämd, avbetalning" },
      step: { index: 1, kind: "REMINDER", channel: "SMS" },
      status: "planned",
      date: "2026-12-21",
      feeOre: 0,
    });
    expect(b.message.subject).toBe(`Sista chansen ${invoice.number}`);
    expect(b.message.body).toContain(
      "Du kan också dela upp betalningen i upp till 3 delar på fakturan.",
    );
    expect(await db.collectionAction.count({ where: { invoiceId: invoice.id } })).toBe(0);
    const missing = await expectAppError(
      preview(organization.id, {
        policy,
        stepIndex: 1,
        invoiceNumber: invoice.number,
        variantKey: "C",
      }),
      "BAD_INPUT",
    );
    expect(missing.details?.issues).toEqual([
      expect.objectContaining({ path: "variantKey", message: "step 2 has no variant C" }),
    ]);
  });

  it("speaks a variant's language with the step's texts where the variant has none", async () => {
    const { organization, invoice } = await world("en");
    const steps = POLICY.steps.map((step, index) =>
      index === 1
        ? {
            ...step,
            templates: {
              en: {
                subject: "Step's reminder {{invoiceNumber}}",
                body: "Dear {{customerName}}",
                sms: "Pay {{link}}",
              },
            },
            experimentMode: "LEARNING",
            variants: [
              {
                key: "A",
                name: "Svensk text",
                weight: 50,
                tone: "FIRM",
                templates: {
                  sv: { subject: "Variantens {{invoiceNumber}}", body: "Hej", sms: "Betala" },
                },
              },
              { key: "B", name: "Vänlig", weight: 50, tone: "FRIENDLY" },
            ],
          }
        : step,
    );
    const a = await preview(organization.id, {
      policy: { ...POLICY, steps },
      stepIndex: 1,
      invoiceNumber: invoice.number,
      variantKey: "A",
    });
    expect(a.message.subject).toBe(`Step's reminder ${invoice.number}`);
    // The courtesy (step 1) has no text of its own: its variant's tone picks the default.
    const courtesySteps = POLICY.steps.map((step, index) =>
      index === 0
        ? {
            ...step,
            experimentMode: "SPLIT",
            variants: [
              { key: "A", name: "Vänlig", weight: 50 },
              { key: "B", name: "Bestämd", weight: 50, tone: "FIRM", offsetDays: 0 },
            ],
          }
        : step,
    );
    const firm = await preview(organization.id, {
      policy: { ...POLICY, steps: courtesySteps },
      stepIndex: 0,
      invoiceNumber: invoice.number,
      variantKey: "B",
    });
    expect(firm).toMatchObject({ date: "2026-12-10", feeOre: 0, status: "planned" });
    expect(firm.message.body.startsWith("Greta Gustafsson,")).toBe(true);
  });

  it("says why a step will not be taken: a courtesy past its day", async () => {
    const { organization, invoice } = await world("sv");
    const shown = await previewPolicyStep({
      db,
      organizationId: organization.id,
      input: previewInputSchema.parse({
        policy: POLICY,
        stepIndex: 0,
        invoiceNumber: invoice.number,
      }),
      appUrl: APP_URL,
      today: day("2026-12-15"),
    });
    expect(shown.status).toBe("not-planned");
    expect(shown.note).toMatch(/vänlig påminnelse skickas före eller på förfallodagen/);
    expect(shown.feeOre).toBe(0);
    expect(shown.message.subject).toBe(`Faktura ${invoice.number} förfaller 10 december 2026`);
  });

  it("needs an unpaid invoice of the organisation, and a step the policy has", async () => {
    const { organization, invoice } = await world("sv");
    const other = await world("sv");
    await expectAppError(
      preview(organization.id, { policy: POLICY, stepIndex: 1, invoiceNumber: 999_999 }),
      "NOT_FOUND",
      /No invoice number 999999/,
    );
    // The other organisation's invoice number exists there, not here (both are number 1).
    const theirs = await db.invoice.findUniqueOrThrow({ where: { id: other.invoice.id } });
    await expectAppError(
      previewPolicyStep({
        db,
        organizationId: organization.id,
        input: previewInputSchema.parse({
          policy: POLICY,
          stepIndex: 1,
          invoiceNumber: (theirs.number ?? 0) + 1000,
        }),
        appUrl: APP_URL,
        today: TODAY,
      }),
      "NOT_FOUND",
    );
    const wrongStep = await expectAppError(
      preview(organization.id, {
        policy: { ...POLICY, steps: POLICY.steps.slice(0, 2) },
        stepIndex: 3,
        invoiceNumber: invoice.number,
      }),
      "BAD_INPUT",
    );
    expect(wrongStep.details?.issues).toEqual([expect.objectContaining({ path: "stepIndex" })]);
    await recordPayment({
      db,
      input: {
        organizationId: organization.id,
        invoiceId: invoice.id,
        amountOre: 50_000,
        method: "bankgiro",
        externalRef: `paid-in-full-${invoice.id}`,
      },
      actor: { type: "SYSTEM" },
    });
    const paid = await expectAppError(
      preview(organization.id, { policy: POLICY, stepIndex: 1, invoiceNumber: invoice.number }),
      "BAD_INPUT",
    );
    expect(paid.details?.issues).toEqual([
      expect.objectContaining({
        path: "invoiceNumber",
        message: expect.stringMatching(/is paid; the preview needs an unpaid invoice/),
      }),
    ]);
  });

  it("plans a stored policy's steps by their ids: a step already taken says so, with what it charged", async () => {
    const { organization, invoice } = await world("sv");
    const saved = await savePolicy({
      db,
      organizationId: organization.id,
      input: policyInputSchema.parse(POLICY),
      actor: { staffId: "00000000-0000-4000-8000-00000000a001" },
    });
    const steps = await db.collectionStep.findMany({
      where: { policyId: saved.id },
      orderBy: { position: "asc" },
    });
    await db.collectionAction.create({
      data: {
        organizationId: organization.id,
        invoiceId: invoice.id,
        policyId: saved.id,
        stepId: steps[1]!.id,
        kind: "REMINDER",
        channel: "EMAIL",
        plannedFor: day("2026-12-17"),
        performedOn: day("2026-12-17"),
        amountDueOre: 50_000,
        feeOre: 6_000,
        feeKind: "reminder-fee",
        payBy: day("2026-12-28"),
        reason: "reminder-fee; below-minimum",
        sendStatus: "SENT",
      },
    });
    const shown = await previewPolicyStep({
      db,
      organizationId: organization.id,
      input: previewInputSchema.parse({
        policyId: saved.id,
        policy: {
          ...POLICY,
          steps: POLICY.steps.map((step, index) => ({ ...step, id: steps[index]!.id })),
        },
        stepIndex: 1,
        invoiceNumber: invoice.number,
      }),
      appUrl: APP_URL,
      today: day("2026-12-20"),
    });
    expect(shown).toMatchObject({
      status: "taken",
      date: "2026-12-17",
      feeOre: 6_000,
      payBy: "2026-12-28",
    });
    expect(shown.note).toMatch(/^Steget togs 2026-12-17/);
    expect(shown.currentPolicy).toEqual({ id: saved.id, name: "Alla" });
  });
});
