import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyCustomerOfCollectionChoice } from "@/lib/collections/customer-notification";
import { acceptPaymentPlan, partOcr } from "@/lib/collections/payment-plans";
import { takeRespite } from "@/lib/collections/self-service";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { hashAccessToken } from "@/lib/invoices/access-token";
import type { OutgoingMail } from "@/lib/mail/send-mail";
import { decemberInvoice, organizationWithPolicy } from "@/tests/helpers/collection-fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * The confirmation of a customer's own choice, by email in their language, with a link of its own:
 * once per choice, however often the job runs.
 */
const day = parseCalendarDate;
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => database?.close());

async function setUp(options: { locale?: "sv" | "en"; email?: string | null } = {}) {
  const world = await organizationWithPolicy(db, {
    paymentPlanMinOre: 10_000,
    paymentPlanMaxParts: 3,
  });
  if (options.locale || options.email !== undefined) {
    await db.customer.update({
      where: { id: world.customerId },
      data: {
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.email !== undefined ? { email: options.email } : {}),
      },
    });
  }
  const invoice = await decemberInvoice(db, world);
  return {
    ...world,
    invoice,
    target: { invoiceId: invoice.id, organizationId: world.organizationId },
  };
}

const version = async (invoiceId: string) =>
  (await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).version;

function notify(
  world: { organizationId: string; invoice: { id: string } },
  kind: "respite" | "payment-plan",
) {
  const sent: OutgoingMail[] = [];
  const outcome = notifyCustomerOfCollectionChoice({
    db,
    organizationId: world.organizationId,
    invoiceId: world.invoice.id,
    kind,
    send: async (mail) => sent.push(mail),
    appUrl: "https://nota.example",
  });
  return { sent, outcome };
}

describe(`confirming a customer's choice (${testDatabaseKind})`, () => {
  it("confirms a respite in Swedish with the new date and a link of its own, once", async () => {
    const world = await setUp();
    await takeRespite({
      db,
      invoice: world.target,
      input: { dueDate: "2026-12-20", expectedVersion: await version(world.invoice.id) },
      today: day("2026-12-08"),
    });
    const first = notify(world, "respite");
    expect(await first.outcome).toBe("sent");
    expect(first.sent).toHaveLength(1);
    const [mail] = first.sent;
    expect(mail!.to).toMatch(/@example\.se$/);
    expect(mail!.subject).toBe(`Ny förfallodag för faktura ${world.invoice.number}`);
    expect(mail!.text).toContain("Ny förfallodag: 20 december 2026.");
    expect(mail!.text).toContain("Det kostar ingenting");
    const token = /https:\/\/nota\.example\/i\/(\S+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    const link = await db.invoiceLink.findFirstOrThrow({
      where: { tokenHash: hashAccessToken(token!) },
    });
    expect(link).toMatchObject({ invoiceId: world.invoice.id, purpose: "EMAIL" });
    expect(
      await db.invoiceEvent.findFirstOrThrow({
        where: { invoiceId: world.invoice.id, type: "COLLECTION_CHOICE_EMAILED" },
      }),
    ).toMatchObject({ visibility: "STAFF", data: { kind: "respite", to: "customer" } });

    const again = notify(world, "respite");
    expect(await again.outcome).toBe("already-sent");
    expect(again.sent).toEqual([]);
    // A plan was never chosen: nothing to confirm.
    expect(await notify(world, "payment-plan").outcome).toBe("nothing-to-confirm");
  });

  it("confirms a plan in English with each part's day, amount and OCR, and the bankgiro", async () => {
    const world = await setUp({ locale: "en" });
    const plan = await acceptPaymentPlan({
      db,
      invoice: world.target,
      input: { parts: 2, expectedVersion: await version(world.invoice.id) },
      today: day("2026-12-14"),
    });
    const { sent, outcome } = notify(world, "payment-plan");
    expect(await outcome).toBe("sent");
    const text = sent[0]!.text.replace(/\u00a0/g, " ");
    expect(sent[0]!.subject).toBe(`Your payment plan for invoice ${world.invoice.number}`);
    expect(text).toContain("into 2 parts. Pay each part to bankgiro 5050-1055");
    expect(text).toContain(
      `Part 1: SEK 250.00 by 28 December 2026, OCR reference ${partOcr(world.invoice.number, 1)}`,
    );
    expect(text).toContain(`OCR reference ${plan.parts[1]!.ocr}`);
    expect(text).toContain("The plan costs nothing extra.");
  });

  it("sends nothing to a customer without email, and nothing for another organisation", async () => {
    const world = await setUp({ email: null });
    await takeRespite({
      db,
      invoice: world.target,
      input: { dueDate: "2026-12-20", expectedVersion: await version(world.invoice.id) },
      today: day("2026-12-08"),
    });
    expect(await notify(world, "respite").outcome).toBe("no-email");
    const other = await setUp();
    expect(
      await notify({ organizationId: other.organizationId, invoice: world.invoice }, "respite")
        .outcome,
    ).toBe("not-found");
  });
});
