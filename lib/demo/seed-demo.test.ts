import { afterEach, describe, expect, it } from "vitest";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { seedClock } from "@/lib/demo/seed-clock";
import { SHOWCASE_KINDS, seedDemo } from "@/lib/demo/seed-demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * The demo (and every test that starts from it) must hold each kind of showcase invoice whatever
 * the calendar says: early in a month, on its last day, on 1 January, at the end of February.
 */
const DATES = ["2026-12-01", "2026-12-15", "2026-12-31", "2027-01-01", "2027-02-28"];

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe("the demo seed", () => {
  for (const date of DATES) {
    it(`has an open, an overdue, a paid and a credited invoice per company on ${date}`, async () => {
      database = await createTestDatabase();
      const db = database.prisma;
      const now = seedClock({ NOTA_TODAY: date });
      const today = todayInSweden(now);
      expect(today.toISOString().slice(0, 10)).toBe(date);
      const result = await seedDemo({ db, now, customersPerOrganization: 6 });
      expect(result.seeded).toBe(true);

      const organizations = new Set(result.links.map((link) => link.organization));
      expect(organizations.size).toBe(2);
      for (const organization of organizations) {
        const kinds = result.links
          .filter((l) => l.organization === organization)
          .map((l) => l.kind);
        expect(kinds.sort()).toEqual([...SHOWCASE_KINDS].sort());
      }
      for (const link of result.links) {
        const invoice = await db.invoice.findUniqueOrThrow({ where: { id: link.invoiceId } });
        expect(invoice.kind).toBe("INVOICE");
        expect(invoice.status).toBe(link.kind.toUpperCase());
        if (link.kind === "open")
          expect(invoice.dueDate!.getTime()).toBeGreaterThanOrEqual(today.getTime());
        if (link.kind === "overdue")
          expect(invoice.dueDate!.getTime()).toBeLessThan(today.getTime());
        if (link.kind === "credited") {
          expect(await db.invoice.count({ where: { creditedInvoiceId: invoice.id } })).toBe(1);
        }
      }

      // Nothing is dated after the seed's today, and the inbox has customers waiting.
      expect(await db.invoice.count({ where: { issueDate: { gt: today } } })).toBe(0);
      expect(await db.ledgerEntry.count({ where: { occurredAt: { gt: now } } })).toBe(0);
      for (const organization of await db.organization.findMany({ select: { id: true } })) {
        expect(
          await db.conversation.count({
            where: { organizationId: organization.id, waitingSince: { not: null } },
          }),
        ).toBeGreaterThan(0);
      }
    });
  }
});
