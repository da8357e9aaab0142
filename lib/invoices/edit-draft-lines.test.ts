import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editDraftLines, editDraftLinesInputSchema } from "@/lib/invoices/edit-draft-lines";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import {
  atTheBoundary,
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

const SYSTEM = { type: "SYSTEM" } as const;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const broadband: InvoiceLineInput = {
  kind: "SUBSCRIPTION",
  description: "Bredband 250/250",
  quantityMilli: 1000,
  unit: "mån",
  unitPriceCentiOre: 3_992_000,
  vatRate: 25,
  discountOre: 1_000,
};
const magazine: InvoiceLineInput = {
  kind: "OTHER",
  description: "Tidning",
  descriptionEn: "Magazine",
  quantityMilli: 2000,
  unit: "st",
  unitPriceCentiOre: 497_500,
  vatRate: 6,
  periodStart: "2026-01-01",
  periodEnd: "2026-01-31",
};

async function draftWithVersion() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const draft = await createDraft(db.prisma, { organizationId, customerId });
  const { version } = await db.prisma.invoice.findUniqueOrThrow({ where: { id: draft.id } });
  return { organizationId, customerId, invoiceId: draft.id, version };
}

describe(`editDraftLines (${testDatabaseKind})`, () => {
  it("replaces every line, renumbers them, refreshes the totals and bumps the version", async () => {
    const { organizationId, invoiceId, version } = await draftWithVersion();
    const result = await editDraftLines({
      db: db.prisma,
      actor: SYSTEM,
      input: { invoiceId, organizationId, expectedVersion: version, lines: [magazine, broadband] },
    });

    // 2 × 49,75 at 6 % = 99,50 + VAT 5,97; 399,20 − 10,00 at 25 % = 389,20 + VAT 97,30.
    // Gross 591,97 rounds to 592,00 with öresutjämning (the organisation's default).
    expect(result).toEqual({
      invoiceId,
      version: version + 1,
      totals: {
        vatGroups: [
          { vatRate: 25, netOre: 38_920, vatOre: 9_730 },
          { vatRate: 6, netOre: 9_950, vatOre: 597 },
        ],
        netOre: 48_870,
        vatOre: 10_327,
        grossOre: 59_197,
        roundingOre: 3,
        totalOre: 59_200,
      },
    });
    const row = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(row).toMatchObject({
      status: "DRAFT",
      version: version + 1,
      netOre: 48_870,
      vatOre: 10_327,
      roundingOre: 3,
      totalOre: 59_200,
    });
    expect(
      row.lines.map((l) => [l.position, l.description, l.descriptionEn, l.vatRate, l.discountOre]),
    ).toEqual([
      [1, "Tidning", "Magazine", 6, 0],
      [2, "Bredband 250/250", null, 25, 1_000],
    ]);
    expect(row.lines[0]?.periodStart).toEqual(new Date("2026-01-01T00:00:00Z"));

    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId, type: "LINES_EDITED" },
    });
    expect(events).toEqual([
      expect.objectContaining({
        visibility: "STAFF",
        data: {
          before: { lineCount: 1, totalOre: 12_500 },
          after: { lineCount: 2, totalOre: 59_200 },
        },
      }),
    ]);

    // The edited draft issues with exactly the totals the edit showed.
    const issued = await issueInvoice({
      db: db.prisma,
      invoiceId,
      organizationId,
      actor: SYSTEM,
      expectedVersion: result.version,
    });
    expect(issued.totalOre).toBe(59_200);
  });

  it("follows the organisation's rounding: without öresutjämning the total is exact", async () => {
    const organization = await createOrganization(db.prisma, { roundToWholeKrona: false });
    const customer = await createCustomer(db.prisma, organization.id);
    const draft = await createDraft(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    const result = await editDraftLines({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: draft.id,
        organizationId: organization.id,
        expectedVersion: 1,
        lines: [broadband, magazine],
      },
    });
    expect(result.totals).toMatchObject({ roundingOre: 0, totalOre: 59_197 });
  });

  it("refuses a stale version and changes nothing", async () => {
    const { organizationId, invoiceId, version } = await draftWithVersion();
    const first = await editDraftLines({
      db: db.prisma,
      actor: SYSTEM,
      input: { invoiceId, organizationId, expectedVersion: version, lines: [magazine] },
    });
    const error = await expectAppError(
      editDraftLines({
        db: db.prisma,
        actor: SYSTEM,
        input: { invoiceId, organizationId, expectedVersion: version, lines: [broadband] },
      }),
      "STALE_VERSION",
    );
    // Who changed the draft meanwhile and what they did, for the refused writer to read.
    expect(error.details).toMatchObject({ currentVersion: first.version, changedBy: "the system" });
    const row = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      include: { lines: true },
    });
    expect(row.version).toBe(first.version);
    expect(row.lines.map((l) => l.description)).toEqual(["Tidning"]);
    expect(await db.prisma.invoiceEvent.count({ where: { invoiceId, type: "LINES_EDITED" } })).toBe(
      1,
    );
  });

  it("refuses issued invoices, other organisations' drafts, no lines and bad VAT", async () => {
    const { organizationId, customerId, invoiceId, version } = await draftWithVersion();
    const issued = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const other = await createOrganizationWithCustomer(db.prisma);
    const edit = async (input: Partial<Parameters<typeof editDraftLines>[0]["input"]>) =>
      editDraftLines({
        db: db.prisma,
        actor: SYSTEM,
        input: await atTheBoundary(editDraftLinesInputSchema, {
          invoiceId,
          organizationId,
          expectedVersion: version,
          lines: [magazine],
          ...input,
        }),
      });

    await expectAppError(
      edit({ invoiceId: issued.id, expectedVersion: issued.version }),
      "CONFLICT",
      /issued invoices are changed by credit note/,
    );
    await expectAppError(edit({ organizationId: other.organizationId }), "NOT_FOUND");
    await expectAppError(edit({ lines: [] }), "BAD_INPUT", /at least one line/);
    await expectAppError(edit({ lines: [{ ...magazine, vatRate: 7 }] }), "BAD_INPUT", /VAT rate/);
    await expectAppError(
      edit({ expectedVersion: undefined as unknown as number }),
      "BAD_INPUT",
      /expectedVersion/,
    );
    const row = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      include: { lines: true },
    });
    expect(row.version).toBe(version);
    expect(row.lines.map((l) => l.description)).toEqual(["Bredband 250/250"]);
  });
});
