import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_POLICIES, type PolicyInput, policyInputSchema } from "@/lib/collections/policies";
import {
  deletePolicy,
  halfYearOf,
  listPolicies,
  listReferenceRates,
  loadEditablePolicy,
  referenceRateStatus,
  reorderPolicies,
  savePolicy,
  saveReferenceRate,
} from "@/lib/collections/policy-admin";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { STANDARD_STEP_INPUTS } from "@/tests/helpers/collection-cases";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * The console's changes to policies and reference rates, on the real database: checked with the
 * policy schema, kept per organisation, a step keeps its id (and what was done under it) while it
 * is edited, and nothing a step was taken under is removed.
 */
const day = parseCalendarDate;
const ACTOR = { staffId: "00000000-0000-4000-8000-00000000a001" };

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

/** A policy document as the editor sends it (before the schema's defaults). */
function policyDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Företag",
    targeting: { fact: "isBusiness", op: "eq", value: true },
    feeMinimumAmountDueOre: 10_000,
    chargeInterest: true,
    interestMinimumOre: 1_000,
    respiteMaxDays: 14,
    paymentPlanMinOre: 100_000,
    paymentPlanMaxParts: 3,
    paymentPlanFeeOre: 0,
    agencyName: "Inkasso AB",
    agencyContact: "08-123 45 67",
    steps: STANDARD_STEP_INPUTS.map((step) => ({ ...step })),
    ...overrides,
  };
}
const parsed = (overrides: Record<string, unknown> = {}): PolicyInput =>
  policyInputSchema.parse(policyDocument(overrides));
/** A document the schema refuses, handed to the lib as if a caller skipped the boundary. */
const unchecked = (overrides: Record<string, unknown>) =>
  policyDocument(overrides) as unknown as PolicyInput;

async function stepTakenFor(organizationId: string, policyId: string, stepId: string) {
  const customer = await createCustomer(db, organizationId);
  const invoice = await createIssuedInvoice(db, { organizationId, customerId: customer.id });
  const step = await db.collectionStep.findUniqueOrThrow({ where: { id: stepId } });
  return db.collectionAction.create({
    data: {
      organizationId,
      invoiceId: invoice.id,
      policyId,
      stepId,
      kind: step.kind,
      channel: step.channel,
      plannedFor: day("2026-12-17"),
      performedOn: day("2026-12-17"),
      amountDueOre: 12_500,
      reason: "reminder-fee; none-accrued",
      sendStatus: "SENT",
    },
  });
}

describe("listing policies", () => {
  it("makes the standard default for an organisation without one, and describes each in words", async () => {
    const organization = await createOrganization(db, { reminderAfterDays: 10 });
    const [standard, ...rest] = await listPolicies(db, organization.id);
    expect(rest).toEqual([]);
    expect(standard).toMatchObject({
      name: "Standard",
      isDefault: true,
      ruleText: "Alla fakturor som ingen policy ovanför tar",
      stepsText: "Påminnelse +10 d (avgift)",
      actionCount: 0,
    });
    const { id } = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed(),
      actor: ACTOR,
    });
    const listed = await listPolicies(db, organization.id);
    expect(listed.map((policy) => policy.id)).toEqual([id, standard!.id]);
    expect(listed[0]).toMatchObject({
      ruleText: "Företagskund: ja",
      stepsText:
        "Vänlig påminnelse 3 dagar före · Påminnelse +7 d (avgift) · Sista påminnelse +14 d efter föregående (avgift) · Inkasso +14 d efter föregående (avgift)",
    });
  });
});

describe("saving a policy", () => {
  it("checks the document with the policy schema, naming each field", async () => {
    const organization = await createOrganization(db);
    const save = (input: PolicyInput) =>
      savePolicy({ db, organizationId: organization.id, input, actor: ACTOR });
    const order = await expectAppError(
      save(
        unchecked({
          steps: [
            {
              kind: "REMINDER",
              anchor: "DUE_DATE",
              offsetDays: 7,
              channel: "EMAIL",
              tone: "NEUTRAL",
              chargeFee: true,
            },
            {
              kind: "COURTESY",
              anchor: "DUE_DATE",
              offsetDays: -3,
              channel: "EMAIL",
              tone: "FRIENDLY",
              chargeFee: false,
            },
          ],
        }),
      ),
      "BAD_INPUT",
    );
    expect(order.details?.issues).toEqual([
      { path: "steps.1", pointer: "/steps/1", message: "a courtesy comes before every reminder" },
    ]);
    const foreign = await expectAppError(
      save(unchecked({ targeting: { fact: "planCode", op: "eq", value: "BAS" } })),
      "BAD_INPUT",
    );
    expect(foreign.message).toMatch(/a policy's rule can ask about segment, .*not planCode/);
    const agency = await expectAppError(save(unchecked({ agencyName: null })), "BAD_INPUT");
    expect(agency.details?.issues).toEqual([
      expect.objectContaining({
        path: "agencyName",
        message: "a policy that hands over names the collection agency and how to reach it",
      }),
    ]);
    const fee = await expectAppError(save(unchecked({ paymentPlanFeeOre: 17_001 })), "BAD_INPUT");
    expect(fee.message).toContain("paymentPlanFeeOre: paymentPlanFeeOre may be at most 17000 öre");
    const template = await expectAppError(
      save(
        unchecked({
          steps: [
            {
              kind: "REMINDER",
              anchor: "DUE_DATE",
              offsetDays: 7,
              channel: "EMAIL",
              tone: "NEUTRAL",
              chargeFee: true,
              templates: { sv: { subject: "Hej {{namn}}", body: "Text", sms: "SMS" } },
            },
          ],
        }),
      ),
      "BAD_INPUT",
    );
    expect(template.details?.issues).toEqual([
      expect.objectContaining({ path: "steps.0.templates.sv.subject" }),
    ]);
    expect(template.message).toContain("unknown placeholder {{namn}}");
    expect(await db.collectionPolicy.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("puts a new policy last before the default, and keeps the default's rule everyone", async () => {
    const organization = await createOrganization(db);
    const first = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({ name: "Ett" }),
      actor: ACTOR,
    });
    const second = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({ name: "Två" }),
      actor: ACTOR,
    });
    expect(first.created).toBe(true);
    const listed = await listPolicies(db, organization.id);
    expect(listed.map((policy) => [policy.name, policy.isDefault])).toEqual([
      ["Ett", false],
      ["Två", false],
      ["Standard", true],
    ]);
    const standard = listed[2]!;
    const editable = (await loadEditablePolicy(db, organization.id, standard.id))!;
    await savePolicy({
      db,
      organizationId: organization.id,
      policyId: standard.id,
      input: parsed({
        ...editable.input,
        name: "Alla andra",
        targeting: { fact: "segment", op: "eq", value: "VIP" },
        steps: editable.input.steps,
      }),
      actor: ACTOR,
    });
    const stored = await db.collectionPolicy.findUniqueOrThrow({ where: { id: standard.id } });
    expect(stored).toMatchObject({ name: "Alla andra", isDefault: true, targeting: { all: [] } });
    expect(second.id).not.toBe(first.id);
  });

  it("keeps a step's id while it is edited and moved, adds new steps and removes unused ones", async () => {
    const organization = await createOrganization(db);
    const { id } = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed(),
      actor: ACTOR,
    });
    const before = (await loadEditablePolicy(db, organization.id, id))!;
    const [courtesy, reminder, final, handover] = before.input.steps;
    const taken = await stepTakenFor(organization.id, id, reminder!.id!);
    await savePolicy({
      db,
      organizationId: organization.id,
      policyId: id,
      input: parsed({
        name: "Företag, skarpare",
        steps: [
          // The courtesy is dropped (never taken), the reminder edited, a second reminder added.
          {
            ...reminder,
            offsetDays: 5,
            channel: "LETTER",
            templates: {
              sv: {
                subject: "Påminnelse {{invoiceNumber}}",
                body: "Hej {{customerName}}",
                sms: "Betala {{amountDue}}",
              },
            },
          },
          {
            kind: "REMINDER",
            anchor: "PREVIOUS_STEP",
            offsetDays: 7,
            channel: "SMS",
            tone: "NEUTRAL",
            chargeFee: false,
          },
          final,
          handover,
        ],
      }),
      actor: ACTOR,
    });
    const after = (await loadEditablePolicy(db, organization.id, id))!;
    expect(after.input.name).toBe("Företag, skarpare");
    expect(after.input.steps.map((step) => step.id)).toEqual([
      reminder!.id,
      expect.any(String),
      final!.id,
      handover!.id,
    ]);
    expect(after.input.steps[1]!.id).not.toBe(courtesy!.id);
    expect(after.input.steps[0]).toMatchObject({
      offsetDays: 5,
      channel: "LETTER",
      templates: { sv: { subject: "Påminnelse {{invoiceNumber}}" } },
    });
    expect(after.stepActionCounts[reminder!.id!]).toBe(1);
    expect(await db.collectionStep.findUnique({ where: { id: courtesy!.id! } })).toBeNull();
    // What was done under the step is still tied to it.
    expect(await db.collectionAction.findUniqueOrThrow({ where: { id: taken.id } })).toMatchObject({
      stepId: reminder!.id,
    });
  });

  it("refuses to remove a step that was taken for an invoice, and changes nothing", async () => {
    const organization = await createOrganization(db);
    const { id } = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed(),
      actor: ACTOR,
    });
    const stored = (await loadEditablePolicy(db, organization.id, id))!;
    const [courtesy, reminder, final, handover] = stored.input.steps;
    await stepTakenFor(organization.id, id, reminder!.id!);
    await stepTakenFor(organization.id, id, reminder!.id!);
    const before = await loadEditablePolicy(db, organization.id, id);
    expect(before?.stepActionCounts[reminder!.id!]).toBe(2);
    const refused = await expectAppError(
      savePolicy({
        db,
        organizationId: organization.id,
        policyId: id,
        input: parsed({ name: "Utan påminnelse", steps: [courtesy, final, handover] }),
        actor: ACTOR,
      }),
      "CONFLICT",
    );
    expect(refused.message).toBe(
      "Step 2 (Reminder) was sent to 2 invoices; it can be changed, not removed",
    );
    expect(await loadEditablePolicy(db, organization.id, id)).toEqual(before);
  });

  it("refuses a step id that is not the policy's, and another organisation's policy", async () => {
    const organization = await createOrganization(db);
    const other = await createOrganization(db);
    const mine = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed(),
      actor: ACTOR,
    });
    const theirs = await savePolicy({
      db,
      organizationId: other.id,
      input: parsed(),
      actor: ACTOR,
    });
    const theirSteps = (await loadEditablePolicy(db, other.id, theirs.id))!.input.steps;
    const stolen = await expectAppError(
      savePolicy({
        db,
        organizationId: organization.id,
        policyId: mine.id,
        input: parsed({ steps: theirSteps }),
        actor: ACTOR,
      }),
      "BAD_INPUT",
    );
    expect(stolen.details?.issues).toEqual([expect.objectContaining({ path: "steps.0.id" })]);
    await expectAppError(
      savePolicy({
        db,
        organizationId: organization.id,
        policyId: theirs.id,
        input: parsed(),
        actor: ACTOR,
      }),
      "NOT_FOUND",
    );
    expect(await loadEditablePolicy(db, organization.id, theirs.id)).toBeNull();
    await expectAppError(
      deletePolicy({ db, organizationId: organization.id, policyId: theirs.id, actor: ACTOR }),
      "NOT_FOUND",
    );
  });

  it(`holds an organisation to ${MAX_POLICIES} policies`, async () => {
    const organization = await createOrganization(db);
    for (let i = 1; i < MAX_POLICIES; i += 1) {
      await savePolicy({
        db,
        organizationId: organization.id,
        input: parsed({ name: `P${i}` }),
        actor: ACTOR,
      });
    }
    await expectAppError(
      savePolicy({
        db,
        organizationId: organization.id,
        input: parsed({ name: "En för mycket" }),
        actor: ACTOR,
      }),
      "CONFLICT",
      /at most 20 policies/,
    );
  });
});

describe("a step's experiment", () => {
  const variant = (key: string, overrides: Record<string, unknown> = {}) => ({
    key,
    name: `Variant ${key}`,
    weight: 50,
    ...overrides,
  });
  /** The standard steps, the reminder (step 2) with an experiment. */
  const withExperiment = (experiment: Record<string, unknown>) =>
    STANDARD_STEP_INPUTS.map((step, index) =>
      index === 1 ? { ...step, ...experiment } : { ...step },
    );

  it("saves the mode and the variants, loads them for the editor, and lists them in words", async () => {
    const organization = await createOrganization(db);
    const { id } = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({
        steps: withExperiment({
          experimentMode: "SPLIT",
          variants: [
            variant("A"),
            variant("B", {
              name: "Fast, SMS",
              tone: "FIRM",
              channel: "SMS",
              offsetDays: 5,
              chargeFee: false,
              offerPaymentPlan: true,
              templates: {
                sv: { subject: "Betala {{invoiceNumber}}", body: "Hej", sms: "Betala" },
              },
            }),
          ],
        }),
      }),
      actor: ACTOR,
    });
    const editable = (await loadEditablePolicy(db, organization.id, id))!;
    const reminder = editable.input.steps[1]!;
    expect(reminder.experimentMode).toBe("SPLIT");
    expect(reminder.variants).toEqual([
      {
        key: "A",
        name: "Variant A",
        weight: 50,
        offsetDays: null,
        channel: null,
        tone: null,
        chargeFee: null,
        templates: {},
        offerPaymentPlan: false,
      },
      {
        key: "B",
        name: "Fast, SMS",
        weight: 50,
        offsetDays: 5,
        channel: "SMS",
        tone: "FIRM",
        chargeFee: false,
        templates: { sv: { subject: "Betala {{invoiceNumber}}", body: "Hej", sms: "Betala" } },
        offerPaymentPlan: true,
      },
    ]);
    expect(editable.input.steps[0]).toMatchObject({ experimentMode: "OFF", variants: [] });
    expect(editable.variantActionCounts[reminder.id!]).toEqual({});
    // A variant without texts of its own stores none (the step's speak for it).
    const stored = await db.collectionStepVariant.findUniqueOrThrow({
      where: { stepId_key: { stepId: reminder.id!, key: "A" } },
    });
    expect(stored.templates).toBeNull();
    // What the editor loads, it saves as it was.
    expect(policyInputSchema.parse(editable.input)).toEqual(editable.input);
    const listed = (await listPolicies(db, organization.id))[0]!;
    expect(listed.stepsText).toBe(
      "Vänlig påminnelse 3 dagar före · Påminnelse +7 d (avgift) · test A/B 50/50 · Sista påminnelse +14 d efter föregående (avgift) · Inkasso +14 d efter föregående (avgift)",
    );
    expect(listed.steps[1]!.experiment).toEqual({
      mode: "SPLIT",
      variants: [
        { key: "A", weight: 50 },
        { key: "B", weight: 50 },
      ],
    });
  });

  it("keeps a variant's row by its key, adds and removes unused ones, and learns in words", async () => {
    const organization = await createOrganization(db);
    const { id } = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({
        steps: withExperiment({
          experimentMode: "SPLIT",
          variants: [
            variant("A", { weight: 34 }),
            variant("B", { weight: 33 }),
            variant("C", { weight: 33 }),
          ],
        }),
      }),
      actor: ACTOR,
    });
    const before = (await loadEditablePolicy(db, organization.id, id))!;
    const stepId = before.input.steps[1]!.id!;
    const rows = await db.collectionStepVariant.findMany({ where: { stepId } });
    const idOf = (key: string) => rows.find((row) => row.key === key)?.id;
    await savePolicy({
      db,
      organizationId: organization.id,
      policyId: id,
      input: parsed({
        steps: before.input.steps.map((step, index) =>
          index === 1
            ? {
                ...step,
                experimentMode: "LEARNING",
                variants: [
                  variant("B", { name: "Vänlig ton", tone: "FRIENDLY" }),
                  variant("A", { name: "Som skrivet" }),
                  variant("D", { name: "Brev", channel: "LETTER" }),
                ],
              }
            : step,
        ),
      }),
      actor: ACTOR,
    });
    const after = await db.collectionStepVariant.findMany({
      where: { stepId },
      orderBy: { key: "asc" },
    });
    expect(after.map((row) => [row.key, row.name])).toEqual([
      ["A", "Som skrivet"],
      ["B", "Vänlig ton"],
      ["D", "Brev"],
    ]);
    expect(after.find((row) => row.key === "A")!.id).toBe(idOf("A"));
    expect(after.find((row) => row.key === "B")!.id).toBe(idOf("B"));
    expect(after.find((row) => row.key === "B")!.tone).toBe("FRIENDLY");
    expect(await db.collectionStep.findUniqueOrThrow({ where: { id: stepId } })).toMatchObject({
      experimentMode: "LEARNING",
    });
    expect((await listPolicies(db, organization.id))[0]!.stepsText).toContain(
      "Påminnelse +7 d (avgift) · lär sig A/B/D · Sista påminnelse",
    );
  });

  it("refuses to remove a variant an invoice got, allows switching the experiment off and keeps the variants", async () => {
    const organization = await createOrganization(db);
    const { id } = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({
        steps: withExperiment({
          experimentMode: "SPLIT",
          variants: [variant("A"), variant("B")],
        }),
      }),
      actor: ACTOR,
    });
    const stored = (await loadEditablePolicy(db, organization.id, id))!;
    const reminder = stored.input.steps[1]!;
    const taken = await stepTakenFor(organization.id, id, reminder.id!);
    await db.collectionAction.update({
      where: { id: taken.id },
      data: { variantKey: "B", assignment: { method: "split" } },
    });
    const before = (await loadEditablePolicy(db, organization.id, id))!;
    expect(before.variantActionCounts[reminder.id!]).toEqual({ B: 1 });
    const refused = await expectAppError(
      savePolicy({
        db,
        organizationId: organization.id,
        policyId: id,
        input: parsed({
          steps: stored.input.steps.map((step, index) =>
            index === 1 ? { ...step, variants: [variant("A"), variant("C")] } : step,
          ),
        }),
        actor: ACTOR,
      }),
      "CONFLICT",
    );
    expect(refused.message).toBe(
      "Variant B of step 2 (Reminder) was sent to 1 invoice; it can be changed, not removed (set its weight to 0 to stop it)",
    );
    expect(await loadEditablePolicy(db, organization.id, id)).toEqual(before);
    // Off: everyone gets the step as written; the variants stay, with what was sent under them.
    await savePolicy({
      db,
      organizationId: organization.id,
      policyId: id,
      input: parsed({
        steps: stored.input.steps.map((step, index) =>
          index === 1 ? { ...step, experimentMode: "OFF" } : step,
        ),
      }),
      actor: ACTOR,
    });
    const off = (await loadEditablePolicy(db, organization.id, id))!;
    expect(off.input.steps[1]).toMatchObject({
      experimentMode: "OFF",
      variants: [expect.objectContaining({ key: "A" }), expect.objectContaining({ key: "B" })],
    });
    expect((await listPolicies(db, organization.id))[0]!.stepsText).not.toContain("test");
    expect(await db.collectionAction.findUniqueOrThrow({ where: { id: taken.id } })).toMatchObject({
      variantKey: "B",
    });
  });

  it("gives a step added to a stored policy its variants", async () => {
    const organization = await createOrganization(db);
    const { id } = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed(),
      actor: ACTOR,
    });
    const stored = (await loadEditablePolicy(db, organization.id, id))!;
    const [courtesy, reminder, final, handover] = stored.input.steps;
    await savePolicy({
      db,
      organizationId: organization.id,
      policyId: id,
      input: parsed({
        steps: [
          courtesy,
          reminder,
          {
            kind: "REMINDER",
            anchor: "PREVIOUS_STEP",
            offsetDays: 7,
            channel: "EMAIL",
            tone: "NEUTRAL",
            chargeFee: false,
            experimentMode: "SPLIT",
            variants: [variant("A", { weight: 70 }), variant("B", { weight: 30, channel: "SMS" })],
          },
          final,
          handover,
        ],
      }),
      actor: ACTOR,
    });
    const after = (await loadEditablePolicy(db, organization.id, id))!;
    expect(after.input.steps[2]).toMatchObject({
      experimentMode: "SPLIT",
      variants: [
        expect.objectContaining({ key: "A", weight: 70 }),
        expect.objectContaining({ key: "B", weight: 30, channel: "SMS" }),
      ],
    });
  });
});

describe("ordering and deleting policies", () => {
  it("puts the policies in the order given, the default always last", async () => {
    const organization = await createOrganization(db);
    const a = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({ name: "A" }),
      actor: ACTOR,
    });
    const b = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({ name: "B" }),
      actor: ACTOR,
    });
    const c = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({ name: "C" }),
      actor: ACTOR,
    });
    await reorderPolicies({
      db,
      organizationId: organization.id,
      order: [c.id, a.id, b.id],
      actor: ACTOR,
    });
    expect((await listPolicies(db, organization.id)).map((policy) => policy.name)).toEqual([
      "C",
      "A",
      "B",
      "Standard",
    ]);
    await expectAppError(
      reorderPolicies({ db, organizationId: organization.id, order: [c.id, a.id], actor: ACTOR }),
      "CONFLICT",
      /changed meanwhile/,
    );
    const standard = (await listPolicies(db, organization.id)).at(-1)!;
    await expectAppError(
      reorderPolicies({
        db,
        organizationId: organization.id,
        order: [c.id, a.id, b.id, standard.id],
        actor: ACTOR,
      }),
      "NOT_FOUND",
      /default policy is always last/,
    );
    await expectAppError(
      reorderPolicies({
        db,
        organizationId: organization.id,
        order: [c.id, c.id, b.id],
        actor: ACTOR,
      }),
      "BAD_INPUT",
    );
    const other = await createOrganization(db);
    const theirs = await savePolicy({
      db,
      organizationId: other.id,
      input: parsed(),
      actor: ACTOR,
    });
    await expectAppError(
      reorderPolicies({
        db,
        organizationId: organization.id,
        order: [c.id, a.id, theirs.id],
        actor: ACTOR,
      }),
      "NOT_FOUND",
      /No such collection policy/,
    );
  });

  it("never deletes the default or a policy a step was taken under; deletes the rest with their steps", async () => {
    const organization = await createOrganization(db);
    const used = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({ name: "Använd" }),
      actor: ACTOR,
    });
    const unused = await savePolicy({
      db,
      organizationId: organization.id,
      input: parsed({ name: "Oanvänd" }),
      actor: ACTOR,
    });
    const step = (await loadEditablePolicy(db, organization.id, used.id))!.input.steps[1]!;
    await stepTakenFor(organization.id, used.id, step.id!);
    const standard = (await listPolicies(db, organization.id)).find((policy) => policy.isDefault)!;
    await expectAppError(
      deletePolicy({ db, organizationId: organization.id, policyId: standard.id, actor: ACTOR }),
      "CONFLICT",
      /default policy .* can be changed, not deleted/,
    );
    await expectAppError(
      deletePolicy({ db, organizationId: organization.id, policyId: used.id, actor: ACTOR }),
      "CONFLICT",
      /Steps of Använd were taken for 1 invoice; it can be changed, not deleted/,
    );
    await deletePolicy({ db, organizationId: organization.id, policyId: unused.id, actor: ACTOR });
    expect(await db.collectionPolicy.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await db.collectionStep.count({ where: { policyId: unused.id } })).toBe(0);
    expect((await listPolicies(db, organization.id)).map((policy) => policy.name)).toEqual([
      "Använd",
      "Standard",
    ]);
  });
});

describe("reference rates", () => {
  const admin = { staffId: ACTOR.staffId, role: "ADMIN" } as const;
  const today = day("2026-12-07");

  it("are kept by an administrator only, per half-year, within bounds", async () => {
    await expectAppError(
      saveReferenceRate({
        db,
        input: { validFrom: "2027-01-01", rateBasisPoints: 175 },
        actor: { staffId: ACTOR.staffId, role: "FINANCE" },
        today,
      }),
      "FORBIDDEN",
    );
    const notHalfYear = await expectAppError(
      saveReferenceRate({
        db,
        input: { validFrom: "2027-03-01", rateBasisPoints: 175 },
        actor: admin,
        today,
      }),
      "BAD_INPUT",
    );
    expect(notHalfYear.message).toContain("a reference rate applies from 1 January or 1 July");
    await expectAppError(
      saveReferenceRate({
        db,
        input: { validFrom: "2027-01-01", rateBasisPoints: 2001 },
        actor: admin,
        today,
      }),
      "BAD_INPUT",
      /at most 20 %/,
    );
    await expectAppError(
      saveReferenceRate({
        db,
        input: { validFrom: "2027-01-01", rateBasisPoints: -50 },
        actor: admin,
        today,
      }),
      "BAD_INPUT",
      /may not be negative/,
    );
    await expectAppError(
      saveReferenceRate({
        db,
        input: { validFrom: "2027-07-01", rateBasisPoints: 175 },
        actor: admin,
        today,
      }),
      "BAD_INPUT",
      /a half-year from 2000-01-01 to 2027-01-01/,
    );
    await expectAppError(
      saveReferenceRate({
        db,
        input: { validFrom: "1999-07-01", rateBasisPoints: 175 },
        actor: admin,
        today,
      }),
      "BAD_INPUT",
    );
  });

  it("adds a half-year and corrects one, newest first, and tells when this half-year has none", async () => {
    const before = await listReferenceRates(db);
    // The migration's list, through 2026-07-01.
    expect(before[0]).toMatchObject({ validFrom: "2026-07-01", rateBasisPoints: 200 });
    expect(referenceRateStatus(before, day("2027-02-01"))).toEqual({
      currentHalfYear: "2027-01-01",
      current: null,
      latest: { validFrom: "2026-07-01", rateBasisPoints: 200 },
    });
    expect(
      await saveReferenceRate({
        db,
        input: { validFrom: "2027-01-01", rateBasisPoints: 175 },
        actor: admin,
        today,
      }),
    ).toEqual({ validFrom: "2027-01-01", rateBasisPoints: 175, created: true });
    expect(
      await saveReferenceRate({
        db,
        input: { validFrom: "2026-07-01", rateBasisPoints: 225 },
        actor: admin,
        today,
      }),
    ).toEqual({ validFrom: "2026-07-01", rateBasisPoints: 225, created: false });
    const after = await listReferenceRates(db);
    expect(after.slice(0, 2)).toMatchObject([
      { validFrom: "2027-01-01", rateBasisPoints: 175 },
      { validFrom: "2026-07-01", rateBasisPoints: 225 },
    ]);
    expect(referenceRateStatus(after, day("2027-02-01")).current).toBe(175);
    expect(halfYearOf(day("2026-06-30"))).toBe("2026-01-01");
    expect(halfYearOf(day("2026-07-01"))).toBe("2026-07-01");
  });
});
