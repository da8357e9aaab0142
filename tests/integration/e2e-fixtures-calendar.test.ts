import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedClock } from "@/lib/demo/seed-clock";
import { createCustomerFixture, createOrganizationFixture } from "@/tests/helpers/e2e-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * The end-to-end tests' fixtures make what they promise whatever the calendar says: an "open"
 * invoice not yet due, an "overdue" one past its last day to pay — early in a month whose last
 * day fell on a weekend (31 October 2026 is a Saturday), on 1 January, mid-month, on a month's
 * last day, at the end of February.
 */
const DATES = [
  "2026-11-01",
  "2026-11-02",
  "2026-12-01",
  "2026-12-15",
  "2026-12-31",
  "2027-01-01",
  "2027-02-28",
];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("the end-to-end fixtures", () => {
  for (const date of DATES) {
    it(`make an open and an overdue invoice on ${date}`, async () => {
      const now = seedClock({ NOTA_TODAY: date });
      const org = await createOrganizationFixture(database.prisma, { catalogue: "energy" });
      for (const latest of ["open", "overdue"] as const) {
        const fixture = await createCustomerFixture(
          database.prisma,
          { organizationId: org.id, latest, earlier: 0 },
          now,
        );
        const { status } = await database.prisma.invoice.findUniqueOrThrow({
          where: { id: fixture.invoiceId },
          select: { status: true },
        });
        expect(status).toBe(latest === "open" ? "OPEN" : "OVERDUE");
      }
    });
  }
});
