import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftFromInput, draftToInput } from "@/components/marketing/block-draft";
import { type ContentBlockInput, contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import {
  listConsoleBlocks,
  loadEditableBlock,
  searchPreviewCustomers,
} from "@/lib/content/blocks/console-queries";
import {
  contentSettingsSchema,
  updateContentSettings,
} from "@/lib/content/blocks/content-settings";
import { saveContentBlock, setContentBlockStatus } from "@/lib/content/blocks/manage-blocks";
import {
  decodePreviewDraft,
  encodePreviewDraft,
  PREVIEW_BLOCK_ID,
  previewCandidate,
} from "@/lib/content/blocks/preview-draft";
import { selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import type { Db } from "@/lib/db/database";
import {
  atTheBoundary,
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

const villaNotice: ContentBlockInput = {
  name: "Storm warning for houses",
  kind: "NOTICE",
  slot: "AFTER_SUMMARY",
  priority: 500,
  startsAt: "2026-03-01T00:00:00+01:00",
  endsAt: null,
  targeting: { all: [{ fact: "segment", op: "eq", value: "villa" }] },
  frequencyCap: 2,
  settings: {},
  variants: [
    {
      key: "A",
      weight: 70,
      content: {
        sv: { title: "Stormvarning", body: "Säkra **elen**." },
        en: { title: "Storm", body: "Secure it." },
      },
    },
    {
      key: "B",
      weight: 30,
      content: {
        sv: { title: "Storm på väg", body: "Se _över_ taket." },
        en: { title: "Storm ahead", body: "Check." },
      },
    },
  ],
};

describe("the console's block list and editor round trip", () => {
  it("lists the organisation's blocks with impressions, accepts and rule problems", async () => {
    const organization = await createOrganization(db);
    const other = await createOrganization(db);
    const marketer = { staffId: "n/a", organizationId: organization.id };
    const saved = await saveContentBlock({
      db,
      marketer,
      input: contentBlockInputSchema.parse(villaNotice),
    });
    await saveContentBlock({
      db,
      marketer: { ...marketer, organizationId: other.id },
      input: contentBlockInputSchema.parse(villaNotice),
    });
    const customer = await createCustomer(db, organization.id);
    const invoice = await createIssuedInvoice(db, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    const variantA = await db.contentVariant.findFirstOrThrow({
      where: { blockId: saved.id, key: "A" },
    });
    await db.contentEvent.create({
      data: {
        organizationId: organization.id,
        blockId: saved.id,
        variantId: variantA.id,
        customerId: customer.id,
        invoiceId: invoice.id,
        type: "IMPRESSION",
      },
    });
    await db.contentBlock.update({
      where: { id: saved.id },
      data: { ruleProblem: "missing facts: segment" },
    });

    const blocks = await listConsoleBlocks(db, organization.id);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({
      name: villaNotice.name,
      status: "DRAFT",
      ruleProblem: "missing facts: segment",
    });
    expect(blocks[0]!.variants.map((v) => [v.key, v.weight, v.impressions, v.accepts])).toEqual([
      ["A", 70, 1, 0],
      ["B", 30, 0, 0],
    ]);
  });

  it("gives back what was saved, and the editor's state saves it again unchanged", async () => {
    const organization = await createOrganization(db);
    const marketer = { staffId: "n/a", organizationId: organization.id };
    const saved = await saveContentBlock({
      db,
      marketer,
      input: contentBlockInputSchema.parse(villaNotice),
    });
    const stored = await loadEditableBlock(db, {
      organizationId: organization.id,
      blockId: saved.id,
    });
    expect(stored?.input.startsAt).toBe("2026-02-28T23:00:00.000Z");
    const draft = draftFromInput(stored!.input);
    // The editor shows Swedish wall-clock time, whatever the server's zone.
    expect(draft.startsAt).toBe("2026-03-01T00:00");
    expect(draft.frequencyCap).toBe("2");
    const again = draftToInput(draft);
    expect(contentBlockInputSchema.safeParse(again).success).toBe(true);
    await saveContentBlock({
      db,
      marketer,
      blockId: saved.id,
      input: contentBlockInputSchema.parse(again),
    });
    const reread = await loadEditableBlock(db, {
      organizationId: organization.id,
      blockId: saved.id,
    });
    expect(reread?.input).toEqual(stored?.input);
    expect(reread?.version).toBe(2);
    // Another organisation's marketer finds nothing.
    const other = await createOrganization(db);
    expect(await loadEditableBlock(db, { organizationId: other.id, blockId: saved.id })).toBeNull();
  });
});

describe("searchPreviewCustomers", () => {
  it("finds customers by name or number with their latest issued invoice, never another organisation's", async () => {
    const organization = await createOrganization(db);
    const other = await createOrganization(db);
    const anna = await createCustomer(db, organization.id, {
      name: "Anna Berg",
      customerNumber: "K-7001",
    });
    await createCustomer(db, organization.id, { name: "Bo Ek", customerNumber: "K-7002" });
    await createCustomer(db, other.id, { name: "Anna Annan", customerNumber: "K-7003" });
    const issued = await createIssuedInvoice(db, {
      organizationId: organization.id,
      customerId: anna.id,
    });
    await createDraft(db, { organizationId: organization.id, customerId: anna.id });

    const byName = await searchPreviewCustomers(db, {
      organizationId: organization.id,
      query: "anna",
    });
    expect(byName.map((c) => c.name)).toEqual(["Anna Berg"]);
    expect(byName[0]!.latestInvoice?.id).toBe(issued.id);
    const byNumber = await searchPreviewCustomers(db, {
      organizationId: organization.id,
      query: "k-700",
    });
    expect(byNumber.map((c) => [c.name, c.latestInvoice?.id ?? null])).toEqual([
      ["Anna Berg", issued.id],
      ["Bo Ek", null],
    ]);
    expect(
      await searchPreviewCustomers(db, { organizationId: organization.id, query: "  " }),
    ).toEqual([]);
  });
});

describe("updateContentSettings", () => {
  it("takes 1 to 10 blocks per invoice", async () => {
    const organization = await createOrganization(db);
    const marketer = { staffId: "n/a", organizationId: organization.id };
    expect(
      await updateContentSettings({ db, marketer, input: { maxContentBlocksPerInvoice: 5 } }),
    ).toEqual({
      maxContentBlocksPerInvoice: 5,
    });
    // The settings route parses the form with the domain's schema.
    await expectAppError(
      atTheBoundary(contentSettingsSchema, { maxContentBlocksPerInvoice: 11 }),
      "BAD_INPUT",
      /at most 10/,
    );
    await expectAppError(
      atTheBoundary(contentSettingsSchema, { maxContentBlocksPerInvoice: 0 }),
      "BAD_INPUT",
    );
  });
});

describe("previewing a draft as a real customer", () => {
  it("shows the unsaved draft to the customers its rule selects, beside the published blocks", async () => {
    const organization = await createOrganization(db);
    const marketer = { staffId: "n/a", organizationId: organization.id };
    const villa = await createCustomer(db, organization.id, { segment: "villa" });
    const flat = await createCustomer(db, organization.id, { segment: "lägenhet" });
    const villaInvoice = await createIssuedInvoice(db, {
      organizationId: organization.id,
      customerId: villa.id,
    });
    const flatInvoice = await createIssuedInvoice(db, {
      organizationId: organization.id,
      customerId: flat.id,
    });
    const published = await saveContentBlock({
      db,
      marketer,
      input: contentBlockInputSchema.parse({
        ...villaNotice,
        name: "For everyone",
        priority: 1,
        startsAt: null,
        targeting: { all: [] },
      }),
    });
    await setContentBlockStatus({ db, marketer, blockId: published.id, status: "PUBLISHED" });

    // The draft goes through the URL exactly as the editor sends it.
    const draft = contentBlockInputSchema.parse(
      decodePreviewDraft(encodePreviewDraft({ ...villaNotice, startsAt: null })),
    );
    const preview = previewCandidate(draft);
    const forVilla = await selectBlocksForInvoice(db, {
      invoice: { id: villaInvoice.id, organizationId: organization.id, customerId: villa.id },
      locale: "sv",
      preview,
    });
    expect(forVilla.map((b) => b.blockId)).toEqual([PREVIEW_BLOCK_ID, published.id]);
    expect(forVilla[0]!.variantId).toMatch(/^preview-[AB]$/);
    const forFlat = await selectBlocksForInvoice(db, {
      invoice: { id: flatInvoice.id, organizationId: organization.id, customerId: flat.id },
      locale: "sv",
      preview,
    });
    expect(forFlat.map((b) => b.blockId)).toEqual([published.id]);
    // A preview records nothing and leaves no rule problem behind.
    expect(await db.contentEvent.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
