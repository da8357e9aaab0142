import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agentInvoiceChangeSchema,
  applyAgentInvoiceChange,
} from "@/lib/agent/agent-invoice-change";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { parseInput } from "@/lib/validation/parse-input";
import {
  createIssuedInvoiceWithLineIds,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function setUp() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const { invoice, lineIds } = await createIssuedInvoiceWithLineIds(db.prisma, {
    organizationId,
    customerId,
  });
  const agent = await createStaffUser(db.prisma, organizationId);
  return { organizationId, invoice, lineIds, staff: { id: agent.id, organizationId } };
}

// As the route does it: the body parsed at the boundary, then applied.
const change = async (
  invoiceId: string,
  staff: { id: string; organizationId: string },
  body: unknown,
) =>
  applyAgentInvoiceChange({
    db: db.prisma,
    invoiceId,
    staff,
    change: parseInput(agentInvoiceChangeSchema, body),
    provider: createDemoProvider(),
  });

describe("applyAgentInvoiceChange", () => {
  it("credits a line at the version the agent saw and names the new version", async () => {
    const { invoice, lineIds, staff } = await setUp();
    const result = await change(invoice.id, staff, {
      action: "credit",
      expectedVersion: invoice.version,
      mode: { kind: "lines", lines: [{ lineId: lineIds[0] }] },
      reason: "Fel pris",
    });
    expect(result.kind).toBe("credit");
    expect(result.version).toBeGreaterThan(invoice.version);
    // The agent is told which credit note they made.
    expect(result.creditNote).toEqual({
      creditNoteId: expect.any(String),
      number: invoice.number + 1,
      creditedOre: 12_500,
      refundedOre: 0,
      keptAsCreditOre: 0,
    });
    expect((await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).version).toBe(
      result.version,
    );
  });

  it("refuses a credit that does not say what to credit or which version it saw, changing nothing", async () => {
    const { invoice, staff } = await setUp();
    await expectAppError(
      change(invoice.id, staff, { action: "credit", reason: "Hela fakturan" }),
      "BAD_INPUT",
    );
    await expectAppError(
      change(invoice.id, staff, {
        action: "credit",
        mode: { kind: "full" },
        reason: "Hela fakturan",
      }),
      "BAD_INPUT",
    );
    expect(await db.prisma.invoice.count({ where: { creditedInvoiceId: invoice.id } })).toBe(0);
  });

  it("refuses a stale version, another organisation's invoice and unknown actions", async () => {
    const { invoice, staff } = await setUp();
    const other = await setUp();
    const respite = (expectedVersion: number) => ({
      action: "respite",
      expectedVersion,
      dueDate: "2099-01-01",
      reason: "Bad om tid",
    });
    await expectAppError(change(invoice.id, staff, respite(invoice.version + 5)), "STALE_VERSION");
    // The invoice and organisation come from the URL and session; the body cannot redirect them.
    await expectAppError(
      change(other.invoice.id, staff, {
        ...respite(other.invoice.version),
        organizationId: other.organizationId,
      }),
      "NOT_FOUND",
    );
    await expectAppError(change(invoice.id, staff, { action: "delete" }), "BAD_INPUT");
    await expectAppError(change(invoice.id, staff, "credit"), "BAD_INPUT");
    await expectAppError(change(invoice.id, staff, null), "BAD_INPUT");
    expect((await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).version).toBe(
      invoice.version,
    );
  });
});
