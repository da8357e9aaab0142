import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInvoiceCredits } from "@/lib/agent/invoice-credits";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { type IssueCreditNoteInput, issueCreditNote } from "@/lib/invoices/issue-credit-note";
import {
  createIssuedInvoiceWithLineIds,
  createOrganizationWithCustomer,
} from "@/tests/helpers/fixtures";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

/** Three months of broadband at 100 kr, a router at 500 kr and a 10 kr discount, + 25 % VAT. */
const LINES: InvoiceLineInput[] = [
  {
    kind: "SUBSCRIPTION",
    description: "Bredband 250/250",
    quantityMilli: 3000,
    unit: "mån",
    unitPriceCentiOre: 1_000_000,
    vatRate: 25,
  },
  {
    kind: "OTHER",
    description: "Router",
    quantityMilli: 1000,
    unit: "st",
    unitPriceCentiOre: 5_000_000,
    vatRate: 25,
  },
  {
    kind: "DISCOUNT",
    description: "Välkomstrabatt",
    quantityMilli: -1000,
    unit: "st",
    unitPriceCentiOre: 100_000,
    vatRate: 25,
  },
];

async function setUp() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const { invoice, lineIds } = await createIssuedInvoiceWithLineIds(db.prisma, {
    organizationId,
    customerId,
    lines: LINES,
  });
  const anna = await createStaffUser(db.prisma, organizationId, { name: "Anna Agent" });
  const credit = async (
    mode: IssueCreditNoteInput["mode"],
    reason: string,
    actor: Parameters<typeof issueCreditNote>[0]["actor"] = {
      type: "STAFF",
      staffId: anna.id,
      organizationId,
    },
  ) => {
    const { version } = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    return issueCreditNote({
      db: db.prisma,
      actor,
      input: { invoiceId: invoice.id, organizationId, reason, expectedVersion: version, mode },
    });
  };
  const load = () => loadInvoiceCredits(db.prisma, { invoiceId: invoice.id, organizationId });
  return { organizationId, invoice, lineIds, credit, load };
}

describe(`loadInvoiceCredits (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("lists no credits and every line whole before anything is credited", async () => {
    const { lineIds, load } = await setUp();
    const [broadband, router, discount] = lineIds;
    expect(await load()).toEqual({
      credits: [],
      remainingByLineId: { [broadband!]: 3000, [router!]: 1000, [discount!]: 1000 },
    });
  });

  it("lists each credit note in number order with what it took off, why, its kind and who issued it", async () => {
    const { lineIds, credit, load } = await setUp();
    const [broadband, router, discount] = lineIds;
    const byLines = await credit(
      { kind: "lines", lines: [{ lineId: broadband!, quantityMilli: 1000 }] },
      "Avbrott i oktober",
    );
    const byAmount = await credit({ kind: "amount", amountOre: 5_000, vatRate: 25 }, "Fel pris");
    const goodwill = await credit(
      { kind: "goodwill", amountOre: 2_500, vatRate: 25 },
      "Ursäkt för väntetiden",
      { type: "SYSTEM" },
    );

    const { credits, remainingByLineId } = await load();
    // An amount or a compensation takes back no line.
    expect(remainingByLineId).toEqual({ [broadband!]: 2000, [router!]: 1000, [discount!]: 1000 });
    expect(credits).toEqual([
      {
        id: byLines.creditNoteId,
        number: byLines.number,
        issueDate: expect.any(Date),
        creditedOre: 12_500,
        vatOre: 2_500,
        reason: "Avbrott i oktober",
        kind: "lines",
        issuedBy: "Anna Agent",
      },
      {
        id: byAmount.creditNoteId,
        number: byAmount.number,
        issueDate: expect.any(Date),
        creditedOre: 5_000,
        vatOre: 1_000,
        reason: "Fel pris",
        kind: "amount",
        issuedBy: "Anna Agent",
      },
      {
        id: goodwill.creditNoteId,
        number: goodwill.number,
        issueDate: expect.any(Date),
        creditedOre: 2_500,
        vatOre: 500,
        reason: "Ursäkt för väntetiden",
        kind: "goodwill",
        issuedBy: "the system",
      },
    ]);
    expect(byLines.number).toBeLessThan(byAmount.number);
    expect(byAmount.number).toBeLessThan(goodwill.number);
    expect(credits.map((note) => note.creditedOre)).toEqual([
      byLines.creditedOre,
      byAmount.creditedOre,
      goodwill.creditedOre,
    ]);
  });

  it("shows what is left of each line, positive also for a negative line, and nothing once all of it is credited", async () => {
    const { lineIds, credit, load } = await setUp();
    const [broadband, router, discount] = lineIds;
    await credit(
      {
        kind: "lines",
        lines: [
          { lineId: broadband!, quantityMilli: 1_500 },
          { lineId: discount!, quantityMilli: 1_000 },
        ],
      },
      "Avbrott",
    );
    expect((await load()).remainingByLineId).toEqual({
      [broadband!]: 1_500,
      [router!]: 1_000,
      [discount!]: 0,
    });

    await credit(
      { kind: "lines", lines: [{ lineId: broadband! }, { lineId: router! }] },
      "Uppsagt",
    );
    const after = await load();
    expect(after.remainingByLineId).toEqual({ [broadband!]: 0, [router!]: 0, [discount!]: 0 });
    expect(after.credits.map((note) => note.kind)).toEqual(["lines", "lines"]);
  });

  it("calls a full credit full and leaves nothing of any line", async () => {
    const { credit, load } = await setUp();
    const full = await credit({ kind: "full" }, "Kunden sade upp avtalet");
    const { credits, remainingByLineId } = await load();
    // 790 kr + 25 % VAT = 987,50 kr, rounded to whole kronor on the note.
    expect(credits).toEqual([
      expect.objectContaining({
        id: full.creditNoteId,
        kind: "full",
        creditedOre: 98_800,
        vatOre: 19_750,
        reason: "Kunden sade upp avtalet",
      }),
    ]);
    expect(Object.values(remainingByLineId)).toEqual([0, 0, 0]);
  });

  it("shows nothing of an invoice to another organisation", async () => {
    const { credit, invoice } = await setUp();
    await credit({ kind: "amount", amountOre: 5_000, vatRate: 25 }, "Fel pris");
    const other = await createOrganizationWithCustomer(db.prisma);
    expect(
      await loadInvoiceCredits(db.prisma, {
        invoiceId: invoice.id,
        organizationId: other.organizationId,
      }),
    ).toEqual({ credits: [], remainingByLineId: {} });
  });
});
