import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import { loadBlockAnalytics } from "@/lib/content/analytics/analytics";
import { analyticsToCsv } from "@/lib/content/analytics/csv";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { saveContentBlock } from "@/lib/content/blocks/manage-blocks";
import type { Db } from "@/lib/db/database";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * A story: a marketer runs an offer with variants A and B for three weeks in February 2026.
 * Customers see it, some click, some accept, some pay on time, one writes to support.
 */
let database: TestDatabase;
let db: Db;

const content = (title: string) => ({
  sv: { title, body: "Byt till **Fast pris**." },
  en: { title, body: "Switch to **Fixed price**." },
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

async function offerBlock(organizationId: string) {
  const marketer = { staffId: "n/a", organizationId };
  const saved = await saveContentBlock({
    db,
    marketer,
    input: contentBlockInputSchema.parse({
      name: "Fixed price spring",
      kind: "OFFER",
      slot: "OFFERS",
      targeting: { all: [] },
      settings: { plan: { mode: "best" } },
      variants: [
        { key: "A", weight: 50, content: content("Fast pris") },
        { key: "B", weight: 50, content: content("Lås ditt pris") },
      ],
    }),
  });
  const variants = await db.contentVariant.findMany({
    where: { blockId: saved.id },
    orderBy: { key: "asc" },
  });
  return { blockId: saved.id, A: variants[0]!.id, B: variants[1]!.id };
}

async function seen(
  ids: {
    organizationId: string;
    blockId: string;
    variantId: string;
    customerId: string;
    invoiceId: string;
  },
  type: "IMPRESSION" | "CLICK",
  occurredAt: Date,
) {
  await db.contentEvent.create({ data: { ...ids, type, occurredAt } });
}

async function pay(
  invoice: { id: string; totalOre: number },
  organizationId: string,
  amountOre: number,
  at: string,
) {
  await recordPayment({
    db,
    actor: { type: "SYSTEM" },
    input: {
      invoiceId: invoice.id,
      organizationId,
      amountOre,
      method: "bank_transfer",
      externalRef: `bank:${invoice.id}:${at}`,
      occurredAt: new Date(at),
    },
  });
}

describe("loadBlockAnalytics", () => {
  it("counts impressions, clicks, accepts and outcomes per variant, with Wilson intervals", async () => {
    const organization = await createOrganization(db);
    const organizationId = organization.id;
    const plan = await db.plan.create({
      data: {
        organizationId,
        code: "FAST",
        name: "Fast pris",
        kind: "ENERGY",
        monthlyFeeOre: 4900,
      },
    });
    const block = await offerBlock(organizationId);
    const issueDate = new Date("2026-02-01T00:00:00Z");
    const dueDate = new Date("2026-02-28T00:00:00Z");
    const people = [];
    for (let index = 0; index < 4; index += 1) {
      const customer = await createCustomer(db, organizationId);
      const invoice = await createIssuedInvoice(db, {
        organizationId,
        customerId: customer.id,
        issueDate,
        dueDate,
      });
      people.push({ customer, invoice });
    }
    const [anna, bo, cecilia, david] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    const ids = (person: typeof anna, variantId: string) => ({
      organizationId,
      blockId: block.blockId,
      variantId,
      customerId: person.customer.id,
      invoiceId: person.invoice.id,
    });
    // A: Anna, Bo, Cecilia see it; Anna clicks and accepts. B: David sees it.
    await seen(ids(anna, block.A), "IMPRESSION", new Date("2026-02-02T09:00:00Z"));
    await seen(ids(bo, block.A), "IMPRESSION", new Date("2026-02-02T10:00:00Z"));
    await seen(ids(cecilia, block.A), "IMPRESSION", new Date("2026-02-04T10:00:00Z"));
    await seen(ids(david, block.B), "IMPRESSION", new Date("2026-02-03T10:00:00Z"));
    await seen(ids(anna, block.A), "CLICK", new Date("2026-02-02T09:01:00Z"));
    await db.offerAcceptance.create({
      data: {
        ...ids(anna, block.A),
        toPlanId: plan.id,
        effectiveFrom: new Date("2026-03-01T00:00:00Z"),
        acceptedAt: new Date("2026-02-02T09:02:00Z"),
      },
    });
    // Anna pays in full on the due date late in the evening (Swedish time): on time, 27 days.
    await pay(anna.invoice, organizationId, anna.invoice.totalOre, "2026-02-28T21:30:00Z");
    // Bo pays half on time and the rest a week late: late, 34 days.
    await pay(bo.invoice, organizationId, 6000, "2026-02-20T10:00:00Z");
    await pay(bo.invoice, organizationId, bo.invoice.totalOre - 6000, "2026-03-07T10:00:00Z");
    // Cecilia has not paid and the due date has passed: decided, late. She writes to support.
    await postChatMessage({
      db,
      input: { invoiceId: cecilia.invoice.id, body: "Varför är fakturan så hög?" },
      author: { type: "CUSTOMER" },
      now: new Date("2026-02-10T08:00:00Z"),
    });

    const analytics = await loadBlockAnalytics(db, {
      organizationId,
      blockId: block.blockId,
      now: new Date("2026-03-15T12:00:00Z"),
    });
    const [a, b] = analytics.variants;
    expect(a).toMatchObject({ key: "A", impressions: 3, clicks: 1, accepts: 1 });
    expect(a!.clickRate.rate).toBeCloseTo(1 / 3, 10);
    expect(a!.clickRate.low).toBeCloseTo(0.0615, 3);
    expect(a!.clickRate.high).toBeCloseTo(0.7923, 3);
    expect(a!.outcomes).toMatchObject({
      decided: 3,
      paidOnTime: 1,
      paidInFull: 2,
      customers: 3,
      chatContacts: 1,
      planChanges: 1,
    });
    expect(a!.outcomes.meanDaysToPayment).toBeCloseTo((27 + 34) / 2, 10);
    // David's invoice is unpaid and due date passed; nothing else happened for B.
    expect(b).toMatchObject({ key: "B", impressions: 1, clicks: 0, accepts: 0 });
    expect(b!.outcomes).toMatchObject({
      decided: 1,
      paidOnTime: 0,
      paidInFull: 0,
      chatContacts: 0,
      planChanges: 0,
    });
    expect(b!.outcomes.meanDaysToPayment).toBeNull();

    // Every day from the first to the last event, each variant on each day.
    expect(analytics.daily.map((point) => point.day)).toEqual([
      "2026-02-02",
      "2026-02-02",
      "2026-02-03",
      "2026-02-03",
      "2026-02-04",
      "2026-02-04",
    ]);
    expect(
      analytics.daily.filter((p) => p.variantKey === "A").map((p) => [p.impressions, p.accepts]),
    ).toEqual([
      [2, 1],
      [0, 0],
      [1, 0],
    ]);

    const csv = analyticsToCsv(analytics).split("\r\n");
    expect(csv[0]).toMatch(/^variant,weight,impressions,clicks,click_rate,/);
    expect(csv[1]).toMatch(/^A,50,3,1,0\.3333,0\.06\d\d,0\.79\d\d,1,/);
    expect(csv).toHaveLength(4);
  });

  it("counts chat contact only within 30 days after the impression, and NPS for surveys", async () => {
    const organization = await createOrganization(db);
    const organizationId = organization.id;
    const marketer = { staffId: "n/a", organizationId };
    const saved = await saveContentBlock({
      db,
      marketer,
      input: contentBlockInputSchema.parse({
        name: "How did we do?",
        kind: "SURVEY",
        slot: "BEFORE_CHAT",
        targeting: { all: [] },
        settings: { scale: "NPS" },
        variants: [{ key: "A", weight: 1, content: content("Hur gjorde vi?") }],
      }),
    });
    const variant = await db.contentVariant.findFirstOrThrow({ where: { blockId: saved.id } });
    const scores = [10, 9, 8, 3];
    for (const [index, score] of scores.entries()) {
      const customer = await createCustomer(db, organizationId);
      const invoice = await createIssuedInvoice(db, { organizationId, customerId: customer.id });
      const row = {
        organizationId,
        blockId: saved.id,
        variantId: variant.id,
        customerId: customer.id,
        invoiceId: invoice.id,
      };
      await seen(row, "IMPRESSION", new Date("2026-02-01T10:00:00Z"));
      await db.surveyAnswer.create({ data: { ...row, score } });
      // The first writes 29 days later (counts), the second 31 days later (does not).
      if (index < 2) {
        await postChatMessage({
          db,
          input: { invoiceId: invoice.id, body: "Hej!" },
          author: { type: "CUSTOMER" },
          now: new Date(index === 0 ? "2026-03-02T10:00:00Z" : "2026-03-04T10:00:00Z"),
        });
      }
    }
    const analytics = await loadBlockAnalytics(db, { organizationId, blockId: saved.id });
    expect(analytics.surveyScale).toBe("NPS");
    const [a] = analytics.variants;
    expect(a!.survey).toEqual({ answers: 4, mean: 7.5, nps: 25 });
    expect(a!.outcomes.chatContacts).toBe(1);
    expect(a!.acceptRate).toMatchObject({ successes: 0, trials: 4, rate: 0, low: 0 });
  });

  it("has nothing to say about another organisation's block", async () => {
    const mine = await createOrganization(db);
    const theirs = await createOrganization(db);
    const block = await offerBlock(theirs.id);
    await expectAppError(
      loadBlockAnalytics(db, { organizationId: mine.id, blockId: block.blockId }),
      "NOT_FOUND",
    );
    const empty = await loadBlockAnalytics(db, {
      organizationId: theirs.id,
      blockId: block.blockId,
    });
    expect(empty.daily).toEqual([]);
    expect(empty.variants.map((v) => v.clickRate.rate)).toEqual([null, null]);
  });
});
