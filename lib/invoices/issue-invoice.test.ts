import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { generateOcr, validateOcr } from "@/lib/references/ocr";
import {
  createCustomer,
  createDraft,
  createOrganization,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const SYSTEM = { type: "SYSTEM" } as const;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function issueDraftOf(
  organizationId: string,
  customerId: string,
  lines?: InvoiceLineInput[],
) {
  const draft = await createDraft(db.prisma, { organizationId, customerId, lines });
  return issueInvoice({ db: db.prisma, invoiceId: draft.id, organizationId, actor: SYSTEM });
}

describe(`issueInvoice (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("numbers invoices 1, 2, 3 … in each organisation independently", async () => {
    const a = await createOrganizationWithCustomer(db.prisma);
    const b = await createOrganizationWithCustomer(db.prisma);
    const numbers: string[] = [];
    for (const org of [a, a, b, a, b]) {
      const issued = await issueDraftOf(org.organizationId, org.customerId);
      numbers.push(`${org === a ? "a" : "b"}${issued.number}`);
    }
    expect(numbers).toEqual(["a1", "a2", "b1", "a3", "b2"]);
  });

  it("freezes totals, opens the ledger, writes the customer's ISSUED event and stores only the token's hash", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const lines: InvoiceLineInput[] = [
      {
        description: "Bredband",
        quantityMilli: 1000,
        unit: "mån",
        unitPriceCentiOre: 3_992_000,
        vatRate: 25,
      },
      {
        description: "Tidning",
        quantityMilli: 1500,
        unit: "st",
        unitPriceCentiOre: 333_300,
        vatRate: 6,
      },
      {
        description: "Rabatt",
        quantityMilli: 1000,
        unit: "st",
        unitPriceCentiOre: -500_000,
        vatRate: 25,
      },
    ];
    const draft = await createDraft(db.prisma, { organizationId, customerId, lines });
    const issueDate = parseCalendarDate("2026-02-01");

    const issued = await issueInvoice({
      db: db.prisma,
      invoiceId: draft.id,
      organizationId,
      actor: SYSTEM,
      expectedVersion: 1,
      issueDate,
    });

    const totals = computeInvoiceTotals(lines, { roundToWholeKrona: true });
    const invoice = await db.prisma.invoice.findUniqueOrThrow({ where: { id: draft.id } });
    expect(issued).toMatchObject({
      id: draft.id,
      number: 1,
      ocr: generateOcr(1),
      totalOre: totals.totalOre,
      version: 2,
    });
    expect(invoice).toMatchObject({
      status: "OPEN",
      number: 1,
      ocr: generateOcr(1),
      version: 2,
      netOre: totals.netOre,
      vatOre: totals.vatOre,
      roundingOre: totals.roundingOre,
      totalOre: totals.totalOre,
      issueDate,
      dueDate: parseCalendarDate("2026-03-03"),
    });
    expect(validateOcr(issued.ocr, "hard")).toEqual({ ok: true });
    expect(validateOcr(issued.ocr, "variable-length")).toEqual({ ok: true });

    const ledger = await db.prisma.ledgerEntry.findMany({ where: { invoiceId: draft.id } });
    expect(ledger).toEqual([
      expect.objectContaining({
        kind: "INVOICE_ISSUED",
        amountOre: totals.totalOre,
        currency: "SEK",
      }),
    ]);
    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: draft.id, type: "ISSUED" },
    });
    expect(events).toEqual([
      expect.objectContaining({
        visibility: "CUSTOMER",
        actorType: "SYSTEM",
        data: { number: 1, totalOre: totals.totalOre },
      }),
    ]);

    expect(issued.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const links = await db.prisma.invoiceLink.findMany({ where: { invoiceId: draft.id } });
    expect(links).toEqual([
      expect.objectContaining({
        tokenHash: createHash("sha256").update(issued.accessToken).digest("hex"),
        purpose: "ISSUED",
        revokedAt: null,
        expiresAt: null,
      }),
    ]);
    expect(JSON.stringify(invoice)).not.toContain(issued.accessToken);
  });

  it("refuses to issue twice or from a stale version", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const draft = await createDraft(db.prisma, { organizationId, customerId });
    const other = await createDraft(db.prisma, { organizationId, customerId });
    await issueInvoice({ db: db.prisma, invoiceId: draft.id, organizationId, actor: SYSTEM });

    await expectAppError(
      issueInvoice({ db: db.prisma, invoiceId: draft.id, organizationId, actor: SYSTEM }),
      "CONFLICT",
      /already issued/,
    );
    await db.prisma.invoice.update({
      where: { id: other.id },
      data: { version: { increment: 1 } },
    });
    await expectAppError(
      issueInvoice({
        db: db.prisma,
        invoiceId: other.id,
        organizationId,
        actor: SYSTEM,
        expectedVersion: 1,
      }),
      "STALE_VERSION",
    );
    expect(await db.prisma.invoice.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "DRAFT",
      number: null,
    });
    expect(await db.prisma.invoiceLink.count({ where: { invoiceId: other.id } })).toBe(0);
    expect(await db.prisma.ledgerEntry.count({ where: { organizationId } })).toBe(1);
  });

  it("leaves no gap in the series when an issue fails, before or after taking its number", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    expect((await issueDraftOf(organizationId, customerId)).number).toBe(1);

    // Refused before numbering: an invoice must be for a positive amount.
    const free = await createDraft(db.prisma, {
      organizationId,
      customerId,
      lines: [
        {
          description: "Gratis månad",
          quantityMilli: 1000,
          unit: "mån",
          unitPriceCentiOre: 0,
          vatRate: 25,
        },
      ],
    });
    await expectAppError(
      issueInvoice({ db: db.prisma, invoiceId: free.id, organizationId, actor: SYSTEM }),
      "BAD_INPUT",
      /positive amount/,
    );

    // Refused by the database after number 2 was taken: an imported invoice already holds it.
    const blocker = await createDraft(db.prisma, { organizationId, customerId });
    await db.prisma.invoice.update({ where: { id: blocker.id }, data: { number: 2 } });
    const victim = await createDraft(db.prisma, { organizationId, customerId });
    await expect(
      issueInvoice({ db: db.prisma, invoiceId: victim.id, organizationId, actor: SYSTEM }),
    ).rejects.toThrow();
    expect(await db.prisma.invoice.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({
      status: "DRAFT",
      number: null,
    });
    expect(await db.prisma.ledgerEntry.count({ where: { invoiceId: victim.id } })).toBe(0);
    expect(
      await db.prisma.invoiceEvent.count({ where: { invoiceId: victim.id, type: "ISSUED" } }),
    ).toBe(0);
    await db.prisma.invoice.delete({ where: { id: blocker.id } });

    expect(
      (await issueInvoice({ db: db.prisma, invoiceId: victim.id, organizationId, actor: SYSTEM }))
        .number,
    ).toBe(2);
    expect((await issueDraftOf(organizationId, customerId)).number).toBe(3);
  });

  it("issues one draft once when two issuers race on it, and the loser's number is not lost", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const draft = await createDraft(db.prisma, { organizationId, customerId });

    const results = await Promise.allSettled([
      issueInvoice({ db: db.prisma, invoiceId: draft.id, organizationId, actor: SYSTEM }),
      issueInvoice({ db: db.prisma, invoiceId: draft.id, organizationId, actor: SYSTEM }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled").map((r) => r.value.number)).toEqual([1]);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser?.reason).toMatchObject({
      code: expect.stringMatching(/^(CONFLICT|STALE_VERSION)$/),
    });
    expect(await db.prisma.ledgerEntry.count({ where: { invoiceId: draft.id } })).toBe(1);
    expect((await issueDraftOf(organizationId, customerId)).number).toBe(2);
  });

  it("gives 200 concurrent issues in one organisation the numbers 1 … 200, each once", {
    timeout: 180_000,
  }, async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const drafts: Array<{ id: string }> = [];
    while (drafts.length < 200) {
      drafts.push(
        ...(await Promise.all(
          Array.from({ length: 4 }, () => createDraft(db.prisma, { organizationId, customerId })),
        )),
      );
    }

    const issued = await Promise.all(
      drafts.map((draft) =>
        issueInvoice({ db: db.prisma, invoiceId: draft.id, organizationId, actor: SYSTEM }),
      ),
    );

    const numbers = issued.map((invoice) => invoice.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    const stored = await db.prisma.invoice.findMany({
      where: { organizationId },
      select: { number: true, ocr: true },
    });
    expect(new Set(stored.map((invoice) => invoice.number)).size).toBe(200);
    expect(stored.every((invoice) => invoice.ocr === generateOcr(invoice.number ?? 0))).toBe(true);
    expect(
      await db.prisma.invoiceNumberSeries.findUnique({ where: { organizationId } }),
    ).toMatchObject({
      lastNumber: 200,
    });
  });
});

describe("reverse charge needs the buyer's VAT number (ML 17 kap. 24 §)", () => {
  const reverseCharge: InvoiceLineInput[] = [
    {
      description: "Konsulttjänst",
      quantityMilli: 10_000,
      unit: "h",
      unitPriceCentiOre: 9_500_000,
      vatRate: 0,
      vatExemptionReason: "Omvänd betalningsskyldighet",
    },
  ];

  it("refuses a reverse-charge line to a buyer without a VAT number, before taking a number", async () => {
    const organization = await createOrganization(db.prisma);
    for (const overrides of [
      { isBusiness: true, vatNumber: null },
      { isBusiness: true, vatNumber: "  " },
      // A consumer's VAT number is never printed, so it does not count.
      { isBusiness: false, vatNumber: "SE556123453001" },
    ]) {
      const customer = await createCustomer(db.prisma, organization.id, overrides);
      const draft = await createDraft(db.prisma, {
        organizationId: organization.id,
        customerId: customer.id,
        lines: reverseCharge,
      });
      const error = await expectAppError(
        issueInvoice({
          db: db.prisma,
          invoiceId: draft.id,
          organizationId: organization.id,
          actor: SYSTEM,
        }),
        "BAD_INPUT",
        /Omvänd betalningsskyldighet.*needs the buyer's VAT number.*ML 17 kap\. 24 §/,
      );
      expect(error.details).toMatchObject({ field: "vatNumber" });
      expect(await db.prisma.invoice.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
        status: "DRAFT",
        number: null,
        issuedSnapshot: null,
      });
    }
    // Nothing was numbered: the series has no gap.
    const series = await db.prisma.invoiceNumberSeries.findUnique({
      where: { organizationId: organization.id },
    });
    expect(series?.lastNumber ?? 0).toBe(0);
  });

  it("issues it to a business buyer with a VAT number, and other 0 % reasons to anyone", async () => {
    const organization = await createOrganization(db.prisma);
    const business = await createCustomer(db.prisma, organization.id, {
      isBusiness: true,
      vatNumber: "SE556123453001",
    });
    const consumer = await createCustomer(db.prisma, organization.id);
    const issued = await issueDraftOf(organization.id, business.id, reverseCharge);
    expect(issued.number).toBe(1);
    const exempt = await issueDraftOf(organization.id, consumer.id, [
      { ...reverseCharge[0]!, vatExemptionReason: "Undantag från skatteplikt enligt 10 kap. ML" },
    ]);
    expect(exempt.number).toBe(2);
  });
});
