import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftInvoice } from "@/lib/invoices/create-draft-invoice";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { draftInvoiceInputSchema } from "@/lib/invoices/invoice-input";
import {
  atTheBoundary,
  createCustomer,
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

describe("createDraftInvoice", () => {
  it("refuses bad input and writes nothing", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const otherOrganization = await createOrganization(db.prisma);
    const foreignCustomer = await createCustomer(db.prisma, otherOrganization.id);
    const line: InvoiceLineInput = {
      description: "El",
      quantityMilli: 1000,
      unit: "kWh",
      unitPriceCentiOre: 15_000,
      vatRate: 25,
    };
    const input = {
      organizationId,
      customerId,
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      lines: [line],
    };
    // As a route or the API hands it over: parsed with the domain's schema first.
    const create = async (overrides: object) =>
      createDraftInvoice({
        db: db.prisma,
        actor: SYSTEM,
        input: await atTheBoundary(draftInvoiceInputSchema, { ...input, ...overrides }),
      });

    await expectAppError(create({ lines: [] }), "BAD_INPUT", /at least one line/);
    await expectAppError(
      create({ lines: [{ ...line, vatRate: 7 }] }),
      "BAD_INPUT",
      /VAT rate must be one of 25, 12, 6, 0/,
    );
    await expectAppError(
      create({ customerId: foreignCustomer.id }),
      "NOT_FOUND",
      /No such customer/,
    );
    await expectAppError(
      create({ periodEnd: "2025-12-31" }),
      "BAD_INPUT",
      /must not end before it starts/,
    );
    await expectAppError(create({ periodStart: "2026-02-30" }), "BAD_INPUT", /periodStart/);

    expect(
      await db.prisma.invoice.count({
        where: { organizationId: { in: [organizationId, otherOrganization.id] } },
      }),
    ).toBe(0);
    expect(await db.prisma.invoiceEvent.count({ where: { organizationId } })).toBe(0);

    const created = await create({});
    expect(await db.prisma.invoice.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "DRAFT",
      number: null,
      version: 1,
    });
  });
});
