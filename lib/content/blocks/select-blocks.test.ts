import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptOffer } from "@/lib/content/blocks/accept-offer";
import type { ContentBlockInput } from "@/lib/content/blocks/block-input";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import {
  answerSurvey,
  contentEventInputSchema,
  recordContentEvent,
} from "@/lib/content/blocks/content-events";
import { saveContentBlock, setContentBlockStatus } from "@/lib/content/blocks/manage-blocks";
import { selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import { parseInput } from "@/lib/validation/parse-input";
import { createCustomer, createOrganization, expectAppError } from "@/tests/helpers/fixtures";
import { createContract, createInvoiceFor, createPlan } from "@/tests/helpers/plan-fixtures";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const text = (title: string, body = "Text") => ({
  sv: { title, body },
  en: { title: `${title} (en)`, body },
});

async function world() {
  const organization = await createOrganization(db.prisma);
  const organizationId = organization.id;
  const staff = await createStaffUser(db.prisma, organizationId, { role: "MARKETER" });
  const marketer = { staffId: staff.id, organizationId };
  const basic = await createPlan(db.prisma, organizationId, { code: "BAS", name: "Bas" });
  const green = await createPlan(db.prisma, organizationId, { code: "GRON", name: "Grön" });
  const customer = async (since: string, extra: Record<string, unknown> = {}) => {
    const row = await createCustomer(db.prisma, organizationId, {
      customerSince: new Date(`${since}T00:00:00Z`),
      ...extra,
    });
    const contract = await createContract(db.prisma, {
      organizationId,
      customerId: row.id,
      planId: basic.id,
      startsOn: since,
    });
    const invoice = await createInvoiceFor(db.prisma, {
      organizationId,
      customerId: row.id,
      contractId: contract.id,
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
    });
    return {
      customerId: row.id,
      invoice: { id: invoice.id, organizationId, customerId: row.id },
      contractId: contract.id,
    };
  };
  const publish = async (input: ContentBlockInput) => {
    const saved = await saveContentBlock({
      db: db.prisma,
      marketer,
      input: contentBlockInputSchema.parse(input),
    });
    await setContentBlockStatus({
      db: db.prisma,
      marketer,
      blockId: saved.id,
      status: "PUBLISHED",
    });
    return saved.id;
  };
  return { organizationId, marketer, basic, green, customer, publish };
}

const loyalCustomers = { all: [{ fact: "tenureMonths", op: "gte", value: 24 }] };

describe("selectBlocksForInvoice", () => {
  it("shows a block to the customers its rule selects, and not to others", async () => {
    const w = await world();
    const loyal = await w.customer("2020-01-01");
    const fresh = await w.customer("2026-09-01");
    const blockId = await w.publish({
      name: "Tack",
      kind: "LOYALTY",
      slot: "AFTER_SUMMARY",
      targeting: loyalCustomers,
      variants: [
        { key: "A", weight: 1, content: text("Tack {{firstName}} för {{customerYears}} år!") },
      ],
    });
    const forLoyal = await selectBlocksForInvoice(db.prisma, {
      invoice: loyal.invoice,
      locale: "sv",
    });
    expect(forLoyal.map((b) => b.blockId)).toEqual([blockId]);
    expect(forLoyal[0]?.content.title).toMatch(/^Tack Anna för \d+ år!$/);
    expect(
      await selectBlocksForInvoice(db.prisma, { invoice: fresh.invoice, locale: "sv" }),
    ).toEqual([]);
  });

  it("treats {{constructor}}, {{toString}} and {{__proto__}} as unknown names, never a crash", async () => {
    const w = await world();
    const loyal = await w.customer("2020-01-01");
    // Reproduction: one such block made selection throw, so no block reached any targeted invoice.
    const odd = await w.publish({
      name: "Udda",
      kind: "LOYALTY",
      slot: "AFTER_SUMMARY",
      targeting: loyalCustomers,
      variants: [
        {
          key: "A",
          weight: 1,
          content: text("Hej {{constructor}} {{toString}}", "{{__proto__}} {{ hasOwnProperty }}"),
        },
      ],
    });
    const plain = await w.publish({
      name: "Tack",
      kind: "INFORMATION",
      slot: "OFFERS",
      targeting: loyalCustomers,
      variants: [{ key: "A", weight: 1, content: text("Tack {{firstName}}") }],
    });
    const shown = await selectBlocksForInvoice(db.prisma, { invoice: loyal.invoice, locale: "sv" });
    expect(shown.map((b) => b.blockId).sort()).toEqual([odd, plain].sort());
    const oddShown = shown.find((b) => b.blockId === odd)!;
    expect(oddShown.content.title).toBe("Hej {{constructor}} {{toString}}");
    expect(oddShown.content.body).toContain("{{ hasOwnProperty }}");
  });

  it("stores a block's settings as parsed: unknown keys dropped, size bounded", async () => {
    const w = await world();
    const base = {
      name: "Enkät",
      kind: "SURVEY" as const,
      slot: "BEFORE_CHAT" as const,
      targeting: loyalCustomers,
      variants: [{ key: "A", weight: 1, content: text("Vad tycker du?") }],
    };
    const id = await w.publish({
      ...base,
      settings: { scale: "NPS", tracking: "https://evil.example/pixel", __proto__: { x: 1 } },
    });
    const stored = await db.prisma.contentBlock.findUniqueOrThrow({ where: { id } });
    expect(stored.settings).toEqual({ scale: "NPS" });
    const info = await w.publish({ ...base, kind: "INFORMATION", settings: { anything: true } });
    expect(
      (await db.prisma.contentBlock.findUniqueOrThrow({ where: { id: info } })).settings,
    ).toEqual({});
    const huge = contentBlockInputSchema.safeParse({
      ...base,
      settings: { scale: "NPS", filler: "x".repeat(5000) },
    });
    expect(huge.success).toBe(false);
    expect(JSON.stringify(huge.error?.issues)).toMatch(/at most 4096 bytes of settings/);
  });

  it("takes images only from the allowed hosts, naming them when it refuses", async () => {
    const w = await world();
    const input = contentBlockInputSchema.parse({
      name: "Bild",
      kind: "INFORMATION",
      slot: "OFFERS",
      targeting: loyalCustomers,
      variants: [
        {
          key: "A",
          weight: 1,
          content: {
            sv: {
              title: "Hej",
              body: "Text",
              imageUrl: "https://spår.evil.example/p.png",
              imageAlt: "x",
            },
            en: { title: "Hi", body: "Text" },
          },
        },
      ],
    });
    const save = (imageHosts: string[]) =>
      saveContentBlock({ db: db.prisma, marketer: w.marketer, input, imageHosts });
    await expect(save(["cdn.example.se"])).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringContaining("images may only come from cdn.example.se"),
    });
    await expect(save([])).rejects.toMatchObject({
      message: expect.stringContaining("CONTENT_IMAGE_HOSTS"),
    });
    expect(
      await db.prisma.contentBlock.count({ where: { organizationId: w.organizationId } }),
    ).toBe(0);
  });

  it("fails closed on a rule it cannot evaluate and reports why to the console", async () => {
    const w = await world();
    const noBirthYear = await w.customer("2020-01-01");
    const blockId = await w.publish({
      name: "Ung",
      kind: "INFORMATION",
      slot: "OFFERS",
      targeting: { all: [{ fact: "ageBand", op: "eq", value: "18-29" }] },
      variants: [{ key: "A", weight: 1, content: text("Hej") }],
    });
    expect(
      await selectBlocksForInvoice(db.prisma, { invoice: noBirthYear.invoice, locale: "sv" }),
    ).toEqual([]);
    await expect
      .poll(
        async () =>
          (await db.prisma.contentBlock.findUniqueOrThrow({ where: { id: blockId } })).ruleProblem,
      )
      .toMatch(/ageBand/);
  });

  it("keeps to dates, priority, the organisation's maximum and the frequency cap", async () => {
    const w = await world();
    await db.prisma.organization.update({
      where: { id: w.organizationId },
      data: { maxContentBlocksPerInvoice: 2 },
    });
    const first = await w.customer("2020-01-01");
    const second = await createInvoiceFor(db.prisma, {
      organizationId: w.organizationId,
      customerId: first.customerId,
      periodStart: "2026-11-01",
      periodEnd: "2026-11-30",
    });
    const block = (name: string, priority: number, extra: Partial<ContentBlockInput> = {}) =>
      w.publish({
        name,
        kind: "NOTICE",
        slot: "BEFORE_CHAT",
        priority,
        targeting: { all: [] },
        variants: [{ key: "A", weight: 1, content: text(name) }],
        ...extra,
      });
    const low = await block("Låg", 1);
    const capped = await block("Tak", 50, { frequencyCap: 1 });
    const high = await block("Hög", 90);
    await block("Utgången", 99, { endsAt: "2020-01-01T00:00:00Z" });
    await block("Framtida", 99, { startsAt: "2999-01-01T00:00:00Z" });
    const shown = await selectBlocksForInvoice(db.prisma, { invoice: first.invoice, locale: "sv" });
    expect(shown.map((b) => b.blockId)).toEqual([high, capped]);
    // Seen on the first invoice, the capped block gives way on the next one.
    await recordContentEvent({
      db: db.prisma,
      invoiceId: first.invoice.id,
      input: { blockId: capped, type: "IMPRESSION" },
    });
    const next = await selectBlocksForInvoice(db.prisma, {
      invoice: { id: second.id, organizationId: w.organizationId, customerId: first.customerId },
      locale: "sv",
    });
    expect(next.map((b) => b.blockId)).toEqual([high, low]);
  });

  it("gives each customer the same variant every time", async () => {
    const w = await world();
    const c = await w.customer("2020-01-01");
    await w.publish({
      name: "AB",
      kind: "INFORMATION",
      slot: "OFFERS",
      targeting: { all: [] },
      variants: [
        { key: "A", weight: 1, content: text("A") },
        { key: "B", weight: 1, content: text("B") },
      ],
    });
    const keys = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const [block] = await selectBlocksForInvoice(db.prisma, { invoice: c.invoice, locale: "en" });
      keys.add(`${block?.variantKey}:${block?.content.title}`);
    }
    expect(keys.size).toBe(1);
  });
});

describe("what customers do with blocks", () => {
  it("counts an impression once per invoice, and only for a block the page shows", async () => {
    const w = await world();
    const loyal = await w.customer("2020-01-01");
    const fresh = await w.customer("2026-09-01");
    const blockId = await w.publish({
      name: "Tack",
      kind: "LOYALTY",
      slot: "AFTER_SUMMARY",
      targeting: loyalCustomers,
      variants: [{ key: "A", weight: 1, content: text("Tack") }],
    });
    const event = { blockId, type: "IMPRESSION" } as const;
    expect(
      await recordContentEvent({ db: db.prisma, invoiceId: loyal.invoice.id, input: event }),
    ).toEqual({ recorded: true });
    expect(
      await recordContentEvent({ db: db.prisma, invoiceId: loyal.invoice.id, input: event }),
    ).toEqual({ recorded: false });
    await expectAppError(
      recordContentEvent({ db: db.prisma, invoiceId: fresh.invoice.id, input: event }),
      "NOT_FOUND",
    );
    // Only what the page may report is accepted at the route (accepting is its own route).
    await expectAppError(
      Promise.resolve().then(() =>
        parseInput(contentEventInputSchema, { blockId, type: "ACCEPT" }),
      ),
      "BAD_INPUT",
    );
    expect(await db.prisma.contentEvent.count({ where: { blockId } })).toBe(1);
  });

  it("stores one survey answer per invoice, within the scale", async () => {
    const w = await world();
    const c = await w.customer("2020-01-01");
    const blockId = await w.publish({
      name: "NPS",
      kind: "SURVEY",
      slot: "BEFORE_CHAT",
      targeting: { all: [] },
      settings: { scale: "NPS" },
      variants: [
        { key: "A", weight: 1, content: text("Hur troligt är det att du rekommenderar oss?") },
      ],
    });
    await expectAppError(
      answerSurvey({ db: db.prisma, invoiceId: c.invoice.id, blockId, input: { score: 11 } }),
      "BAD_INPUT",
    );
    expect(
      await answerSurvey({ db: db.prisma, invoiceId: c.invoice.id, blockId, input: { score: 9 } }),
    ).toEqual({
      score: 9,
      alreadyAnswered: false,
    });
    expect(
      await answerSurvey({ db: db.prisma, invoiceId: c.invoice.id, blockId, input: { score: 2 } }),
    ).toEqual({
      score: 9,
      alreadyAnswered: true,
    });
    const [shown] = await selectBlocksForInvoice(db.prisma, { invoice: c.invoice, locale: "sv" });
    expect(shown?.survey?.answer).toBe(9);
  });

  it("accepts an offer once: the plan changes from next month and the timeline says so", async () => {
    const w = await world();
    const c = await w.customer("2020-01-01");
    const blockId = await w.publish({
      name: "Byt till Grön",
      kind: "OFFER",
      slot: "OFFERS",
      targeting: { all: [{ fact: "planCode", op: "eq", value: "BAS" }] },
      settings: { plan: { mode: "fixed", planCode: "GRON" } },
      variants: [{ key: "A", weight: 1, content: text("Grön el") }],
    });
    const now = new Date("2026-11-23T10:00:00Z");
    const [offer] = await selectBlocksForInvoice(db.prisma, {
      invoice: c.invoice,
      locale: "sv",
      now,
    });
    expect(offer?.offer).toMatchObject({
      planName: "Grön",
      currentPlanName: "Bas",
      acceptedAt: null,
    });
    const versionBefore = (
      await db.prisma.invoice.findUniqueOrThrow({ where: { id: c.invoice.id } })
    ).version;

    const [first, second] = await Promise.all([
      acceptOffer({ db: db.prisma, invoiceId: c.invoice.id, blockId, now }),
      acceptOffer({ db: db.prisma, invoiceId: c.invoice.id, blockId, now }),
    ]);
    expect([first.alreadyAccepted, second.alreadyAccepted].sort()).toEqual([false, true]);
    expect(first.effectiveFrom).toBe("2026-12-01");
    expect(await db.prisma.offerAcceptance.count({ where: { blockId } })).toBe(1);
    const contracts = await db.prisma.contract.findMany({
      where: { customerId: c.customerId },
      orderBy: { startsOn: "asc" },
      select: { planId: true, endsOn: true, startsOn: true },
    });
    expect(
      contracts.map((k) => [
        k.planId,
        k.startsOn.toISOString().slice(0, 10),
        k.endsOn?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      [w.basic.id, "2020-01-01", "2026-11-30"],
      [w.green.id, "2026-12-01", null],
    ]);
    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: c.invoice.id, type: "OFFER_ACCEPTED" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: "CUSTOMER", actorType: "CUSTOMER" });
    expect(
      (await db.prisma.invoice.findUniqueOrThrow({ where: { id: c.invoice.id } })).version,
    ).toBe(versionBefore + 1);
    const [after] = await selectBlocksForInvoice(db.prisma, {
      invoice: c.invoice,
      locale: "sv",
      now,
    });
    expect(after?.offer?.acceptedAt).not.toBeNull();

    // A second offer, published now, is not shown while the first change is on its way, and
    // accepting it anyway changes nothing.
    await createPlan(db.prisma, w.organizationId, { code: "PLUS", name: "Plus" });
    const plusBlock = await w.publish({
      name: "Byt till Plus",
      kind: "OFFER",
      slot: "OFFERS",
      targeting: { all: [] },
      settings: { plan: { mode: "fixed", planCode: "PLUS" } },
      variants: [{ key: "A", weight: 1, content: text("Plus") }],
    });
    const shown = await selectBlocksForInvoice(db.prisma, {
      invoice: c.invoice,
      locale: "sv",
      now,
    });
    expect(shown.map((b) => b.blockId)).toEqual([blockId]);
    await expectAppError(
      acceptOffer({ db: db.prisma, invoiceId: c.invoice.id, blockId: plusBlock, now }),
      "NOT_FOUND",
    );
    expect(await db.prisma.contract.count({ where: { customerId: c.customerId } })).toBe(2);
  });
});
