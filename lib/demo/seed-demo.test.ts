import { afterEach, describe, expect, it } from "vitest";
import { loadBlockAnalytics } from "@/lib/content/analytics/analytics";
import { listConsoleBlocks } from "@/lib/content/blocks/console-queries";
import { lastDayToPay } from "@/lib/dates/banking-days";
import { addDays, todayInSweden } from "@/lib/dates/calendar-date";
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
          expect(lastDayToPay(invoice.dueDate!).getTime()).toBeLessThan(today.getTime());
        if (link.kind === "credited") {
          const notes = await db.invoice.findMany({ where: { creditedInvoiceId: invoice.id } });
          expect(notes).toHaveLength(1);
          // Its own document: a snapshot naming the invoice it changes.
          expect(notes[0]!.issuedSnapshot).toMatchObject({
            creditNote: { creditedInvoice: { id: invoice.id, number: invoice.number } },
          });
        }
      }

      // The energy company's invoices carry energiskatt at its öre-fraction rate.
      const energyTax = await db.invoiceLine.findMany({
        where: { description: "Energiskatt", invoice: { kind: "INVOICE" } },
        select: { unitPriceCentiOre: true, unit: true },
      });
      expect(energyTax.length).toBeGreaterThan(0);
      for (const line of energyTax) {
        expect(line.unit).toBe("kWh");
        expect([4_280, 4_390, 3_600]).toContain(line.unitPriceCentiOre);
      }
      expect(await db.customer.count({ where: { name: "Łukasz Wiśniewski" } })).toBeGreaterThan(0);

      // Charges only as the law and the agreement allow, each booked by the collection step
      // that took it: a reminder fee of at most 60 kr, once per claim, only from a customer who
      // agreed before the debt arose; the 180 kr collection fee only at a handover; interest
      // only where a step charged it.
      const fees = await db.ledgerEntry.findMany({
        where: { kind: "FEE", amountOre: { gt: 0 } },
        select: {
          amountOre: true,
          externalRef: true,
          invoiceId: true,
          invoice: {
            select: {
              issueDate: true,
              handedOverAt: true,
              customer: { select: { reminderFeeAgreedOn: true, isBusiness: true } },
              collectionActions: { select: { kind: true, feeOre: true, interestOre: true } },
            },
          },
        },
      });
      expect(fees.some((fee) => fee.externalRef?.startsWith("reminder-fee:"))).toBe(true);
      expect(new Set(fees.map((fee) => fee.externalRef)).size).toBe(fees.length);
      for (const fee of fees) {
        const actions = fee.invoice.collectionActions;
        if (fee.externalRef === `reminder-fee:${fee.invoiceId}`) {
          expect(fee.amountOre).toBeLessThanOrEqual(6_000);
          const agreedOn = fee.invoice.customer.reminderFeeAgreedOn;
          expect(agreedOn).not.toBeNull();
          expect(agreedOn!.getTime()).toBeLessThanOrEqual(fee.invoice.issueDate!.getTime());
          expect(actions.some((a) => a.kind !== "COURTESY" && a.feeOre === fee.amountOre)).toBe(
            true,
          );
        } else if (fee.externalRef === `collection-fee:${fee.invoiceId}`) {
          expect(fee.amountOre).toBe(18_000);
          expect(fee.invoice.handedOverAt).not.toBeNull();
          expect(actions.some((a) => a.kind === "COLLECTION_HANDOVER")).toBe(true);
        } else {
          expect(fee.externalRef).toMatch(new RegExp(`^interest:${fee.invoiceId}:`));
          expect(actions.some((a) => a.interestOre === fee.amountOre)).toBe(true);
        }
      }

      // A year of collections: steps on invoices paid long ago (not only the last weeks' runs),
      // none after today, each with its outcome measured for the dashboard and the learner.
      const oldest = await db.collectionAction.findFirst({ orderBy: { performedOn: "asc" } });
      expect(oldest!.performedOn.getTime()).toBeLessThan(addDays(today, -120).getTime());
      expect(await db.collectionAction.count({ where: { performedOn: { gt: today } } })).toBe(0);
      expect(await db.collectionOutcome.count()).toBe(await db.collectionAction.count());

      // Nothing is dated after the seed's today, and the inbox has customers waiting (three, on
      // invoices that are not the showcase's, whatever invoices the date left open).
      expect(await db.invoice.count({ where: { issueDate: { gt: today } } })).toBe(0);
      expect(await db.ledgerEntry.count({ where: { occurredAt: { gt: now } } })).toBe(0);
      const showcase = result.links.map((link) => link.invoiceId);
      for (const organization of await db.organization.findMany({ select: { id: true } })) {
        const waiting = await db.conversation.findMany({
          where: { organizationId: organization.id, waitingSince: { not: null } },
          select: { invoiceId: true, customerId: true },
        });
        expect(waiting).toHaveLength(3);
        expect(new Set(waiting.map((c) => c.customerId)).size).toBe(3);
        expect(waiting.filter((c) => showcase.includes(c.invoiceId))).toEqual([]);

        // The marketers' analytics show weeks of history on first start: impressions on the
        // console's list and a daily series on a block's page, none in the future, none on a
        // showcase invoice.
        const events = await db.contentEvent.findMany({
          where: { organizationId: organization.id },
          select: { type: true, occurredAt: true, invoiceId: true },
        });
        expect(events.filter((e) => e.type === "IMPRESSION").length).toBeGreaterThan(0);
        expect(events.filter((e) => e.occurredAt > now)).toEqual([]);
        expect(events.filter((e) => showcase.includes(e.invoiceId))).toEqual([]);
        const blocks = await listConsoleBlocks(db, organization.id);
        const seen = blocks.filter((b) => b.variants.some((v) => v.impressions > 0));
        expect(seen.length).toBeGreaterThan(0);
        const analytics = await loadBlockAnalytics(db, {
          organizationId: organization.id,
          blockId: seen[0]!.id,
          now,
        });
        expect(analytics.daily.some((point) => point.impressions > 0)).toBe(true);
        expect(analytics.variants.some((variant) => variant.impressions > 0)).toBe(true);
      }
      // Two whole companies with a year of history each: well past the default timeout on two
      // busy cores.
    }, 120_000);
  }
});
