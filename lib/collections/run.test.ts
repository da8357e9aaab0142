import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInvoiceCollection } from "@/lib/collections/invoice-collection";
import { forecastCollections, runCollections } from "@/lib/collections/run";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import { recordPayment } from "@/lib/ledger/record-payment";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * The daily run on the real database: each step once, on its day, with its fee and interest in
 * the ledger, its timeline event and its send job in the same transaction; what the forecast
 * said is what the runs then did; a payment, a pause or a pending bank file holds what follows.
 */
const day = parseCalendarDate;
const SYSTEM = { type: "SYSTEM" } as const;

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
  // The schedules below run into 2027: its first half-year's rate, as an admin would enter it.
  await db.referenceRate.create({ data: { validFrom: day("2027-01-01"), rateBasisPoints: 175 } });
});
afterAll(async () => {
  await database?.close();
});

async function organizationWithPolicies(options: { chargeInterest?: boolean } = {}) {
  const organization = await createOrganization(db, { reminderFeeOre: 6_000 });
  await db.collectionPolicy.create({
    data: {
      organizationId: organization.id,
      name: "Standard",
      position: 10,
      isDefault: true,
      targeting: { all: [] },
      feeMinimumAmountDueOre: 10_000,
      chargeInterest: options.chargeInterest ?? true,
      interestMinimumOre: 100,
      agencyName: "Inkasso AB",
      agencyContact: "08-123 45 67, inkasso.example.se",
      steps: {
        create: [
          {
            position: 0,
            kind: "COURTESY",
            anchor: "DUE_DATE",
            offsetDays: -3,
            channel: "EMAIL",
            tone: "FRIENDLY",
          },
          {
            position: 1,
            kind: "REMINDER",
            anchor: "DUE_DATE",
            offsetDays: 7,
            channel: "EMAIL",
            chargeFee: true,
          },
          {
            position: 2,
            kind: "FINAL_REMINDER",
            anchor: "PREVIOUS_STEP",
            offsetDays: 14,
            channel: "SMS",
            chargeFee: true,
          },
          {
            position: 3,
            kind: "COLLECTION_HANDOVER",
            anchor: "PREVIOUS_STEP",
            offsetDays: 14,
            channel: "LETTER",
            tone: "FIRM",
            chargeFee: true,
          },
        ],
      },
    },
  });
  // Big claims get a gentler policy: no fees, a reminder only.
  await db.collectionPolicy.create({
    data: {
      organizationId: organization.id,
      name: "Stora belopp",
      position: 0,
      targeting: { fact: "amountDueKronor", op: "gte", value: 5000 },
      steps: {
        create: [
          { position: 0, kind: "REMINDER", anchor: "DUE_DATE", offsetDays: 5, channel: "EMAIL" },
        ],
      },
    },
  });
  return organization;
}

async function agreedCustomer(organizationId: string, overrides = {}) {
  return createCustomer(db, organizationId, {
    reminderFeeAgreedOn: day("2024-03-01"),
    reminderFeeAgreementSource: "Allmänna villkor 8.2",
    phone: "+46701234567",
    ...overrides,
  });
}

/** An invoice of 500 kr (4 × 100 kr + 25 % VAT), issued 20 November, due 10 December 2026. */
async function invoiceOf(organizationId: string, customerId: string, quantityMilli = 4000) {
  return createIssuedInvoice(db, {
    organizationId,
    customerId,
    issueDate: day("2026-11-20"),
    dueDate: day("2026-12-10"),
    lines: [
      {
        kind: "SUBSCRIPTION",
        description: "Bredband",
        quantityMilli,
        unit: "mån",
        unitPriceCentiOre: 1_000_000,
        vatRate: 25,
      },
    ],
  });
}

async function runDays(organizationId: string, from: string, through: string) {
  for (let today = day(from); today <= day(through); today = addDays(today, 1)) {
    await runCollections({
      db,
      organizationId,
      today,
      now: new Date(`${formatCalendarDate(today)}T05:15:00Z`),
    });
  }
}

describe("the daily collection run", () => {
  it("does each step once, on the day the forecast named, with its charges, timeline and send job", async () => {
    const organization = await organizationWithPolicies();
    const customer = await agreedCustomer(organization.id);
    const invoice = await invoiceOf(organization.id, customer.id);

    const forecast = await forecastCollections({
      db,
      organizationId: organization.id,
      today: day("2026-12-01"),
      from: day("2026-12-01"),
      days: 60,
    });
    const planned = forecast.invoices.find((i) => i.invoiceId === invoice.id)!;
    expect(planned.policy.name).toBe("Standard");
    expect(planned.steps.map((s) => [s.date, s.kind, s.feeOre])).toEqual([
      ["2026-12-07", "courtesy", 0],
      ["2026-12-17", "reminder", 6_000],
      ["2027-01-04", "final_reminder", 0],
      ["2027-01-18", "collection_handover", 18_000],
    ]);

    await runDays(organization.id, "2026-12-01", "2027-01-31");
    // Run the whole stretch again: nothing is done twice.
    await runCollections({ db, organizationId: organization.id, today: day("2027-01-18") });

    const actions = await db.collectionAction.findMany({
      where: { invoiceId: invoice.id },
      orderBy: { performedOn: "asc" },
    });
    expect(
      actions.map((a) => [
        formatCalendarDate(a.performedOn),
        a.kind.toLowerCase(),
        a.feeOre,
        a.interestOre,
      ]),
    ).toEqual(planned.steps.map((s) => [s.date, s.kind, s.feeOre, s.interestOre]));
    expect(actions.map((a) => a.sendStatus)).toEqual(["PENDING", "PENDING", "PENDING", "PENDING"]);
    expect(actions[2]!.recipient).toBe("+46701234567");

    const fees = await db.ledgerEntry.findMany({
      where: { invoiceId: invoice.id, kind: "FEE" },
      orderBy: { occurredAt: "asc" },
    });
    const charged = actions.reduce((sum, a) => sum + a.feeOre + a.interestOre, 0);
    expect(fees.reduce((sum, fee) => sum + fee.amountOre, 0)).toBe(charged);
    expect(fees.map((fee) => fee.externalRef)).toContain(`reminder-fee:${invoice.id}`);
    expect(fees.map((fee) => fee.externalRef)).toContain(`collection-fee:${invoice.id}`);

    const events = await db.invoiceEvent.findMany({
      where: { invoiceId: invoice.id, type: "REMINDER_SENT" },
      orderBy: { occurredAt: "asc" },
    });
    expect(events.map((e) => (e.data as { step: string }).step)).toEqual([
      "courtesy",
      "reminder",
      "final_reminder",
      "collection_handover",
    ]);
    expect(events.every((e) => e.visibility === "CUSTOMER")).toBe(true);
    const sends = await queuedJobs(db, "collections.send");
    for (const action of actions) {
      expect(sends.some((job) => job.data.actionId === action.id)).toBe(true);
    }
    const handedOver = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(handedOver.handedOverAt).not.toBeNull();
  });

  it("charges interest on the days late as the engine planned, and nothing below the fee threshold", async () => {
    const organization = await organizationWithPolicies({ chargeInterest: true });
    const small = await invoiceOf(organization.id, (await agreedCustomer(organization.id)).id, 360);
    await runDays(organization.id, "2026-12-17", "2026-12-17");
    const action = await db.collectionAction.findFirstOrThrow({ where: { invoiceId: small.id } });
    // 45 kr: a 60 kr fee is refused by default (threshold 100 kr); interest is below 1 kr.
    expect(action.feeOre).toBe(0);
    expect(action.reason).toMatch(/^below-threshold/);
  });

  it("chooses the policy by its rule, first match, and keeps an invoice on it once a step is taken", async () => {
    const organization = await organizationWithPolicies();
    const big = await invoiceOf(
      organization.id,
      (await agreedCustomer(organization.id)).id,
      48_000,
    );
    await runDays(organization.id, "2026-12-15", "2026-12-15");
    const action = await db.collectionAction.findFirstOrThrow({
      where: { invoiceId: big.id },
      include: { policy: true },
    });
    expect(action.policy.name).toBe("Stora belopp");
    expect(action.feeOre).toBe(0);
    // Paid down below the rule's 5,000 kr: still on the policy it started under.
    await recordPayment({
      db,
      input: {
        invoiceId: big.id,
        organizationId: organization.id,
        amountOre: 500_000,
        method: "bankgiro",
        externalRef: `part-${big.id}`,
      },
      actor: SYSTEM,
    });
    const collection = await loadInvoiceCollection(db, {
      organizationId: organization.id,
      invoiceId: big.id,
      today: day("2026-12-16"),
    });
    expect(collection?.policy.name).toBe("Stora belopp");
    expect(collection?.plan.state).toBe("policy-complete");
  });

  it("reminds nobody who paid, and holds every step while a dispute is open", async () => {
    const organization = await organizationWithPolicies();
    const customer = await agreedCustomer(organization.id);
    const paid = await invoiceOf(organization.id, customer.id);
    const disputed = await invoiceOf(organization.id, customer.id);
    await runDays(organization.id, "2026-12-07", "2026-12-07");
    await recordPayment({
      db,
      input: {
        invoiceId: paid.id,
        organizationId: organization.id,
        amountOre: 50_000,
        method: "bankgiro",
        externalRef: `all-${paid.id}`,
      },
      actor: SYSTEM,
    });
    await db.collectionPause.create({
      data: {
        organizationId: organization.id,
        invoiceId: disputed.id,
        reason: "DISPUTE",
        startedOn: day("2026-12-14"),
        sourceId: crypto.randomUUID(),
      },
    });
    await runDays(organization.id, "2026-12-08", "2026-12-31");
    expect(await db.collectionAction.count({ where: { invoiceId: paid.id } })).toBe(1);
    expect(await db.collectionAction.count({ where: { invoiceId: disputed.id } })).toBe(1);
    const page = await loadInvoiceCollection(db, {
      organizationId: organization.id,
      invoiceId: disputed.id,
      today: day("2026-12-31"),
    });
    expect(page?.plan.state).toBe("paused");
    expect(page?.plan.steps[0]?.pausedBy?.reason).toBe("DISPUTE");
    // Settled on 4 January after 21 paused days: the reminder comes 21 days after 17 December.
    await db.collectionPause.updateMany({
      where: { invoiceId: disputed.id },
      data: { endedOn: day("2027-01-04") },
    });
    const resumed = await loadInvoiceCollection(db, {
      organizationId: organization.id,
      invoiceId: disputed.id,
      today: day("2027-01-04"),
    });
    expect(formatCalendarDate(resumed!.plan.steps[0]!.date!)).toBe("2027-01-07");
  });

  it("waits while a bank file is still to be imported", async () => {
    const organization = await organizationWithPolicies();
    await invoiceOf(organization.id, (await agreedCustomer(organization.id)).id);
    await db.bankFile.create({
      data: {
        organizationId: organization.id,
        format: "BGMAX",
        source: "UPLOAD",
        fileName: "bgmax.txt",
        sizeBytes: 10,
        sha256: "a".repeat(64),
        content: Buffer.from("x"),
        status: "RECEIVED",
      },
    });
    const summary = await runCollections({
      db,
      organizationId: organization.id,
      today: day("2026-12-07"),
    });
    expect(summary.deferred).toBe("bank-file-importing");
    expect(summary.performed).toBe(0);
  });

  it("runs for the invoices an event names, under a singleton key", async () => {
    const organization = await organizationWithPolicies();
    const invoice = await invoiceOf(organization.id, (await agreedCustomer(organization.id)).id);
    await requestCollectionRun(db, organization.id, [invoice.id]);
    await requestCollectionRun(db, organization.id, [invoice.id]);
    const runs = (await queuedJobs(db, "collections.run")).filter(
      (job) => job.singletonKey === `${organization.id}:${invoice.id}`,
    );
    expect(runs).toHaveLength(1);
    const summary = await runCollections({
      db,
      organizationId: organization.id,
      today: day("2026-12-07"),
      invoiceIds: [invoice.id],
    });
    expect(summary.performed).toBe(1);
  });

  it("pages the forecast by cursor without losing or repeating an invoice", async () => {
    const organization = await organizationWithPolicies();
    const customer = await agreedCustomer(organization.id);
    const ids = new Set<string>();
    for (let i = 0; i < 5; i += 1) ids.add((await invoiceOf(organization.id, customer.id)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await forecastCollections({
        db,
        organizationId: organization.id,
        today: day("2026-12-01"),
        from: day("2026-12-01"),
        days: 30,
        limit: 2,
        cursor,
      });
      seen.push(...page.invoices.map((i) => i.invoiceId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
  });
});
